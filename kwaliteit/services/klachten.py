"""Writes of the complaints procedure (seed 002, Klachtenregeling): one service per transition.

received -> acknowledged -> being handled -> closed (judgement, reasons, lessons); withdrawn from any
running state; taken to the Landelijke Klachtencommissie (LKC) from acknowledged, being handled or
closed. Every transition goes through ``swv.overgangen.overgang`` (lock, conditional update, history
row). Notifications hold a title and a link only, never a name.
"""

from __future__ import annotations

import uuid as uuid_mod
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kwaliteit import conf
from kwaliteit.choices import KlachtDerde, KlachtOnderwerp, KlachtOordeel, KlachtStatus
from kwaliteit.models import Klacht
from kwaliteit.models.klachten import KLACHT_LOPEND
from kwaliteit.services.fouten import KwaliteitFout, KwaliteitOngeldigeOvergang
from swv.access import controleer_nog_zichtbaar, heeft_rol
from swv.historie import met_historie
from swv.meldingen import melden
from swv.overgangen import overgang, status_vastleggen, vergrendel

MELDINGSOORT = "kwaliteit.klacht"


def _vereis_behandelaar(door) -> None:
    if not heeft_rol(door, *conf.KLACHT_BEHANDELAARS):
        raise PermissionDenied


def _niet_in_toekomst(datum: date, veld: str) -> None:
    if datum > timezone.localdate():
        raise KwaliteitFout({veld: _("This date cannot be in the future.")})


def behandelaars() -> list[int]:
    """Ids of the active holders of the DB role today: the directeur handles complaints first."""
    from swv.choices import Rol
    from swv.models import Gebruiker, Lidmaatschap

    ids = Lidmaatschap.objects.actief_op().filter(rol=Rol.DB).values("gebruiker_id")
    return list(Gebruiker.objects.filter(pk__in=ids, is_active=True).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def klacht_registreren(
    *,
    ontvangen_op: date,
    onderwerp: str,
    omschrijving: str,
    indiener_naam: str,
    door,
    indiener_contact: str = "",
    school=None,
    ouder=None,
    registratie_sleutel: uuid_mod.UUID | None = None,
) -> Klacht:
    """Register a parent's complaint. Called by SWV staff on the parent's behalf now; the parents'
    portal calls it later with ``ouder=door`` (a parent registers only their own complaint).

    ``registratie_sleutel`` (the form's one-time key) makes a double submit return the complaint the
    first submit made. The terms are fixed now from the settings (acknowledge within
    ``KWALITEIT_KLACHT_BEVESTIGEN_DAGEN``, handle within ``KWALITEIT_KLACHT_AFHANDELEN_DAGEN``)."""
    eigen_klacht = ouder is not None and door is not None and ouder.pk == door.pk
    if not (eigen_klacht or heeft_rol(door, *conf.KLACHT_BEHANDELAARS)):
        raise PermissionDenied
    if registratie_sleutel is not None:
        bestaand = Klacht.objects.filter(registratie_sleutel=registratie_sleutel).first()
        if bestaand is not None:
            return bestaand
    fouten: dict[str, str] = {}
    if onderwerp not in KlachtOnderwerp.values:
        fouten["onderwerp"] = _("Choose what the complaint is about.")
    if not omschrijving.strip():
        fouten["omschrijving"] = _("Describe the complaint.")
    if not indiener_naam.strip():
        fouten["indiener_naam"] = _("Give the name of the parent who complains.")
    if ontvangen_op > timezone.localdate():
        fouten["ontvangen_op"] = _("This date cannot be in the future.")
    if fouten:
        raise KwaliteitFout(fouten)
    klacht = Klacht.objects.create(
        ontvangen_op=ontvangen_op,
        onderwerp=onderwerp,
        omschrijving=omschrijving.strip(),
        indiener_naam=indiener_naam.strip(),
        indiener_contact=indiener_contact.strip(),
        school=school,
        ouder=ouder,
        bevestigen_voor=ontvangen_op + timedelta(days=conf.klacht_bevestigen_dagen()),
        afhandelen_voor=ontvangen_op + timedelta(days=conf.klacht_afhandelen_dagen()),
        registratie_sleutel=registratie_sleutel,
        geregistreerd_door=door,
    )
    status_vastleggen(klacht, van="", naar=KlachtStatus.ONTVANGEN, door=door)
    with translation.override(settings.LANGUAGE_CODE):
        titel = _("A complaint was registered")
    melden(
        soort=MELDINGSOORT,
        doel=klacht,
        ontvangers=behandelaars(),
        sleutel=f"klacht:{klacht.pk}:geregistreerd",
        titel=titel,
        behalve=door,
    )
    return klacht


def _overgang(klacht: Klacht, naar: str, *, van, door, reden: str = "", velden=None) -> Klacht:
    return overgang(
        klacht,
        naar,
        van=van,
        door=door,
        reden=reden,
        velden=velden or {},
        bericht=_("This is not possible for a complaint that is %(status)s."),
        fout=KwaliteitOngeldigeOvergang,
    )


@transaction.atomic
def klacht_bevestigen(*, klacht: Klacht, bevestigd_op: date, door) -> Klacht:
    """Received -> acknowledged: the parent has had a written acknowledgement of receipt."""
    _vereis_behandelaar(door)
    _niet_in_toekomst(bevestigd_op, "bevestigd_op")
    if bevestigd_op < klacht.ontvangen_op:
        raise KwaliteitFout({"bevestigd_op": _("The acknowledgement cannot be before the complaint was received.")})
    return _overgang(
        klacht, KlachtStatus.BEVESTIGD, van={KlachtStatus.ONTVANGEN}, door=door, velden={"bevestigd_op": bevestigd_op}
    )


@transaction.atomic
def klacht_in_behandeling_nemen(*, klacht: Klacht, door, behandelaar=None) -> Klacht:
    """Acknowledged -> being handled, by the directeur (the DB) or whom the DB names."""
    _vereis_behandelaar(door)
    behandelaar = behandelaar or door
    if not heeft_rol(behandelaar, *conf.KLACHT_BEHANDELAARS):
        raise KwaliteitFout({"behandelaar": _("Only the directeur or a policy officer can handle a complaint.")})
    return _overgang(
        klacht,
        KlachtStatus.IN_BEHANDELING,
        van={KlachtStatus.BEVESTIGD},
        door=door,
        velden={"behandelaar": behandelaar},
    )


@transaction.atomic
def klacht_derde_inschakelen(*, klacht: Klacht, derde: str, ingeschakeld_op: date, door) -> Klacht:
    """Record that an independent third party or a confidential adviser was engaged (once, while
    the complaint is being handled). Not a transition: the status stays."""
    _vereis_behandelaar(door)
    if derde not in KlachtDerde.values:
        raise KwaliteitFout({"derde": _("Choose who was engaged.")})
    _niet_in_toekomst(ingeschakeld_op, "ingeschakeld_op")
    vers = vergrendel(
        klacht,
        van={KlachtStatus.IN_BEHANDELING},
        bericht=_("This is not possible for a complaint that is %(status)s."),
        fout=KwaliteitOngeldigeOvergang,
    )
    if vers.derde:
        raise KwaliteitFout(_("A third party has already been engaged for this complaint."))
    if ingeschakeld_op < vers.ontvangen_op:
        raise KwaliteitFout({"ingeschakeld_op": _("This date cannot be before the complaint was received.")})
    vers.derde, vers.derde_ingeschakeld_op = derde, ingeschakeld_op
    vers.versie += 1
    met_historie(vers, door=door, reden=str(KlachtDerde(derde).label)).save()
    return vers


@transaction.atomic
def klacht_afhandelen(
    *, klacht: Klacht, oordeel: str, afgehandeld_op: date, toelichting: str, door, lessen: str = ""
) -> Klacht:
    """Being handled -> closed: the judgement with reasons, given to the parent in writing, and
    what the SWV learns from it."""
    _vereis_behandelaar(door)
    fouten: dict[str, str] = {}
    if oordeel not in KlachtOordeel.values:
        fouten["oordeel"] = _("Choose the judgement.")
    if not toelichting.strip():
        fouten["toelichting"] = _("Give the reasons for the judgement.")
    if afgehandeld_op > timezone.localdate():
        fouten["afgehandeld_op"] = _("This date cannot be in the future.")
    elif afgehandeld_op < klacht.ontvangen_op:
        fouten["afgehandeld_op"] = _("This date cannot be before the complaint was received.")
    if fouten:
        raise KwaliteitFout(fouten)
    return _overgang(
        klacht,
        KlachtStatus.AFGEHANDELD,
        van={KlachtStatus.IN_BEHANDELING},
        door=door,
        reden=str(KlachtOordeel(oordeel).label),
        velden={
            "oordeel": oordeel,
            "afgehandeld_op": afgehandeld_op,
            "toelichting": toelichting.strip(),
            "lessen": lessen.strip(),
        },
    )


@transaction.atomic
def klacht_naar_lkc(*, klacht: Klacht, lkc_op: date, door, reden: str = "") -> Klacht:
    """The parent took the complaint to the Landelijke Klachtencommissie (recorded, with the date)."""
    _vereis_behandelaar(door)
    _niet_in_toekomst(lkc_op, "lkc_op")
    if lkc_op < klacht.ontvangen_op:
        raise KwaliteitFout({"lkc_op": _("This date cannot be before the complaint was received.")})
    return _overgang(
        klacht,
        KlachtStatus.BIJ_LKC,
        van={KlachtStatus.BEVESTIGD, KlachtStatus.IN_BEHANDELING, KlachtStatus.AFGEHANDELD},
        door=door,
        reden=reden,
        velden={"lkc_op": lkc_op},
    )


@transaction.atomic
def klacht_intrekken(*, klacht: Klacht, reden: str, door) -> Klacht:
    """A running complaint withdrawn by the parent (recorded by the handler, with the reason)."""
    _vereis_behandelaar(door)
    if not reden.strip():
        raise KwaliteitFout({"reden": _("Give the reason for the withdrawal.")})
    klacht = _overgang(klacht, KlachtStatus.INGETROKKEN, van=set(KLACHT_LOPEND), door=door, reden=reden.strip())
    controleer_nog_zichtbaar(klacht, door)
    return klacht


# --- reminders ---


def herinnering_momenten(klacht: Klacht, vandaag: date) -> list[str]:
    """The reminder moments due for ``klacht`` on ``vandaag``: the acknowledgement term passed,
    and the nearest configured day before the handling term that has arrived (``afhandeling-7``)
    or ``afhandeling-verlopen``. Only the most urgent handling moment is due."""
    if klacht.status not in KLACHT_LOPEND:
        return []
    momenten = []
    if klacht.status == KlachtStatus.ONTVANGEN and vandaag > klacht.bevestigen_voor:
        momenten.append("bevestiging-verlopen")
    resterend = (klacht.afhandelen_voor - vandaag).days
    if resterend < 0:
        momenten.append("afhandeling-verlopen")
    else:
        bereikt = [d for d in conf.klacht_herinnering_dagen() if resterend <= d]
        if bereikt:
            momenten.append(f"afhandeling-{min(bereikt)}")
    return momenten


def _titel(moment: str, klacht: Klacht) -> str:
    if moment == "bevestiging-verlopen":
        return _("Complaint: the term to acknowledge receipt has passed (%(datum)s)") % {
            "datum": date_format(klacht.bevestigen_voor, "j F Y")
        }
    if moment == "afhandeling-verlopen":
        return _("Complaint: the handling term has passed (%(datum)s)") % {
            "datum": date_format(klacht.afhandelen_voor, "j F Y")
        }
    return _("Complaint: the handling term ends on %(datum)s") % {"datum": date_format(klacht.afhandelen_voor, "j F Y")}


def klacht_herinneringen_versturen(*, vandaag: date | None = None) -> int:
    """The daily beat run: each due moment of each running complaint notifies its handler (or,
    before anyone handles it, the DB) once: the occasion key includes the moment and the term,
    and ``melden``'s unique constraint makes a repeated or concurrent run notify nobody twice.
    Returns the number of notifications created."""
    vandaag = vandaag or timezone.localdate()
    horizon = vandaag + timedelta(days=max(conf.klacht_herinnering_dagen(), default=0))
    kandidaten = Klacht.objects.filter(status__in=KLACHT_LOPEND).filter(
        afhandelen_voor__lte=horizon
    ) | Klacht.objects.filter(status=KlachtStatus.ONTVANGEN, bevestigen_voor__lt=vandaag)
    db = behandelaars()
    nieuw = 0
    with translation.override(settings.LANGUAGE_CODE):
        for klacht in kandidaten.distinct().order_by("pk"):
            ontvangers = [klacht.behandelaar_id] if klacht.behandelaar_id else db
            for moment in herinnering_momenten(klacht, vandaag):
                nieuw += len(
                    melden(
                        soort=MELDINGSOORT,
                        doel=klacht,
                        ontvangers=ontvangers,
                        sleutel=f"klacht:{klacht.pk}:{moment}:{klacht.afhandelen_voor.isoformat()}",
                        titel=_titel(moment, klacht),
                    )
                )
    return nieuw
