"""The checklist of a TLV request (PROCESSES.md section 3): what is present, what is still missing.

One function decides both what the ib-er sees and whether ``tlv_indienen`` accepts the request, so
the two can never disagree. The items depend on the route: an extension (shortened route) replaces
the MDO with the S(B)O school and its admission statement by the evaluation of the current period;
a direct entry (EMB) needs no OPP, MDO or duration but a reason for the direct entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from leerlingen.choices import Deelnemersrol, MDOStatus, OPPStatus, Uitkomstsoort
from swv import opmaak
from swv.choices import Soort
from tlv.choices import EERSTE_DESKUNDIGE, Adviesconclusie, OudersInstemming, Route, TLVSoort

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: Which kinds of school may admit a pupil with a TLV of each soort.
SCHOOLSOORTEN = {TLVSoort.SBO: (Soort.SBO,), TLVSoort.SO: (Soort.SO, Soort.SO_VSO)}


@dataclass(frozen=True)
class Punt:
    sleutel: str
    label: StrOrPromise
    in_orde: bool
    toelichting: StrOrPromise = ""


def _tekst(*waarden) -> bool:
    return all((w or "").strip() for w in waarden)


def _advies_punt(tlv, advies, volgorde: int) -> Punt:
    label = (
        _("Expert advice 1 (orthopedagogue or psychologist)")
        if volgorde == 1
        else _("Expert advice 2 (expertise matching the pupil's needs)")
    )
    sleutel = f"deskundige_{volgorde}"
    if advies is None:
        return Punt(sleutel, label, False, _("Not recorded yet."))
    if volgorde == 1 and advies.kwalificatie not in EERSTE_DESKUNDIGE:
        return Punt(sleutel, label, False, _("The first expert must be an orthopedagogue or a psychologist."))
    if volgorde == 2 and not _tekst(advies.expertise):
        return Punt(sleutel, label, False, _("State the expertise of the second expert."))
    if not advies.document_id:
        return Punt(sleutel, label, False, _("Upload the advice document."))
    return Punt(sleutel, label, True)


def checklist(tlv, *, adviezen: dict | None = None) -> list[Punt]:
    """All items of the request with their state; ``adviezen`` ({volgorde: advice}) avoids a query."""
    if adviezen is None:
        adviezen = {a.volgorde: a for a in tlv.deskundigenadviezen.all()}
    punten: list[Punt] = []

    if tlv.soort == TLVSoort.SO and not tlv.voorgestelde_categorie:
        punten.append(
            Punt("soort", _("Type and funding category"), False, _("Choose the proposed funding category for SO."))
        )
    else:
        punten.append(Punt("soort", _("Type and funding category"), True))

    school = tlv.beoogde_school
    if school is None:
        punten.append(Punt("school", _("Intended special school"), False, _("Choose the intended school.")))
    elif school.soort not in SCHOOLSOORTEN[tlv.soort]:
        punten.append(
            Punt("school", _("Intended special school"), False, _("This school does not offer this type of education."))
        )
    else:
        punten.append(Punt("school", _("Intended special school"), True))

    if tlv.route != Route.VERLENGING:
        punten.append(
            Punt(
                "toelating",
                _("Admission statement of the intended school"),
                bool(tlv.toelating_datum) and _tekst(tlv.toelating_door),
                ""
                if tlv.toelating_datum and _tekst(tlv.toelating_door)
                else _("Record who stated on which date that the school can admit the pupil."),
            )
        )
    if tlv.route == Route.RECHTSTREEKS:
        punten.append(Punt("rechtstreeks", _("Reason for direct entry (EMB)"), _tekst(tlv.rechtstreeks_toelichting)))
    else:
        punten.append(Punt("duur", _("Proposed duration"), bool(tlv.voorgestelde_duur_maanden)))
    punten.append(Punt("redenen", _("Reasons for the request"), _tekst(tlv.redenen)))
    if tlv.route == Route.VERLENGING:
        punten.append(
            Punt("evaluatie", _("Evaluation of the current TLV period"), _tekst(tlv.evaluatie_huidige_periode))
        )

    if tlv.route != Route.RECHTSTREEKS:
        opp = tlv.opp_versie
        if opp is None:
            punten.append(Punt("opp", _("Current OPP"), False, _("Choose the adopted OPP version.")))
        elif opp.status != OPPStatus.VASTGESTELD:
            punten.append(Punt("opp", _("Current OPP"), False, _("This OPP version is not the adopted (current) one.")))
        else:
            punten.append(Punt("opp", _("Current OPP"), True))

    if tlv.route == Route.REGULIER:
        punten.append(_mdo_punt(tlv.mdo))

    punten.append(_advies_punt(tlv, adviezen.get(1), 1))
    punten.append(_advies_punt(tlv, adviezen.get(2), 2))
    if adviezen.get(1) and adviezen.get(2) and adviezen[1].naam.strip().lower() == adviezen[2].naam.strip().lower():
        punten.append(
            Punt(
                "onafhankelijk",
                _("Two different experts"),
                False,
                _("The two advices must come from two different experts."),
            )
        )

    if not (_tekst(tlv.ouders_zienswijze) and tlv.ouders_instemming and tlv.ouders_instemming_datum):
        punten.append(
            Punt(
                "ouders",
                _("Parents' views and consent"),
                False,
                _portaal_toelichting(tlv)
                or _("Record the parents' views, their consent (or the exception) and the date."),
            )
        )
    elif tlv.ouders_instemming == OudersInstemming.UITZONDERING and not _tekst(tlv.ouders_uitzondering_toelichting):
        punten.append(
            Punt(
                "ouders",
                _("Parents' views and consent"),
                False,
                _("Explain why the request proceeds without the parents' consent."),
            )
        )
    else:
        punten.append(Punt("ouders", _("Parents' views and consent"), True, _portaal_toelichting(tlv)))

    punten.append(
        Punt(
            "afspraken",
            _("Agreements on evaluation and return"),
            _tekst(tlv.evaluatieafspraken, tlv.terugkeerafspraken),
        )
    )
    return punten


def _portaal_toelichting(tlv) -> str:
    """Who answered in the parents' portal, when, and what: a refusal as plainly as a consent."""
    if not tlv.ouders_portaal_besluit or tlv.ouders_portaal_op is None:
        return ""

    from leerlingen.choices import OuderBesluit

    tekst = (
        _("Received via the parents' portal from %(naam)s on %(datum)s: the parent agrees.")
        if tlv.ouders_portaal_besluit == OuderBesluit.INGESTEMD
        else _("Received via the parents' portal from %(naam)s on %(datum)s: the parent does NOT agree.")
    )
    door = tlv.ouders_portaal_door
    naam = (door.get_full_name() or door.email) if door else ""
    return str(tekst) % {"naam": naam, "datum": opmaak.datum(tlv.ouders_portaal_op)}


def _mdo_punt(mdo) -> Punt:
    label = _("MDO in which the special school took part")
    if mdo is None:
        return Punt("mdo", label, False, _("Choose the MDO in which the TLV was proposed."))
    if mdo.status != MDOStatus.GEHOUDEN:
        return Punt("mdo", label, False, _("This MDO has not been held yet."))
    rollen = {d.rol for d in mdo.deelnemers.all()}
    if Deelnemersrol.SBO_SO_SCHOOL not in rollen:
        return Punt("mdo", label, False, _("The special school did not take part in this MDO."))
    if not any(u.soort == Uitkomstsoort.TLV_VOORSTEL for u in mdo.uitkomsten.all()):
        return Punt("mdo", label, False, _("This MDO did not propose a TLV."))
    return Punt("mdo", label, True)


def ontbrekend(tlv, **kwargs) -> list[Punt]:
    return [p for p in checklist(tlv, **kwargs) if not p.in_orde]


def aandachtspunten(tlv, *, adviezen: dict | None = None) -> list[StrOrPromise]:
    """What the TLC looks at in the procedural check: is the advice consistent, do the parents agree?"""
    if adviezen is None:
        adviezen = {a.volgorde: a for a in tlv.deskundigenadviezen.all()}
    punten: list[StrOrPromise] = []
    conclusies = {a.conclusie for a in adviezen.values()}
    if Adviesconclusie.NEGATIEF in conclusies:
        punten.append(_("At least one expert advises against a TLV."))
    if len(conclusies) > 1:
        punten.append(_("The two experts reach different conclusions: the advice is not consistent."))
    if tlv.ouders_instemming == OudersInstemming.UITZONDERING:
        punten.append(_("The parents did not consent; the request proceeds as a documented exception."))
    return punten
