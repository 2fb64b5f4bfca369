"""Objections (Awb) against a TLV decision: register, ask and record the committee's (or LBT's) advice,
extend the decision term once, decide (with a letter), withdraw, and record a beroep."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from swv.overgangen import status_vastleggen
from swv.taken import taak_starten
from swv.waarden import vereist
from tlv import conf, termijnen
from tlv.choices import OPEN_BEZWAAR, Bezwaarbeslissing, BezwaarStatus, Commissie, Indiener, Meldingsoort, TLVStatus
from tlv.models import TLV, Bezwaar
from tlv.services.basis import (
    eis_recht,
    vergrendel,
    vergrendel_bezwaar,
    verplicht,
    wissel,
)
from tlv.services.beoordeling import afgeven, eis_geen_overlap, valideer_looptijd
from tlv.services.fouten import TLVFout
from tlv.services.meldingen import medewerkers, melden

#: A decision can be objected to while it stands: issued (also once active) or refused.
BETWISTBAAR = (TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF, TLVStatus.GEWEIGERD)


@transaction.atomic
def bezwaar_registreren(
    *,
    door,
    tlv: TLV,
    ontvangen_op: date,
    indiener: str,
    indiener_naam: str,
    gronden: str,
    te_laat_toelichting: str = "",
) -> Bezwaar:
    """Register an objection; the term (6 weeks from the day after sending) is computed and kept.

    An issued or refused TLV goes ``in_bezwaar``; an active one stays active (an objection does not
    suspend the decision, Awb 6:16) while the objection is handled.
    """
    eis_recht(door, tlv, "bezwaar")
    if indiener not in Indiener.values:
        raise TLVFout(_("Choose who lodged the objection."))
    indiener_naam = verplicht(indiener_naam, _("Enter the name of the objector."))
    gronden = verplicht(gronden, _("Record the grounds of the objection."))
    tlv = vergrendel(tlv, BETWISTBAAR)
    if tlv.bezwaren.filter(status__in=OPEN_BEZWAAR).exists():
        raise TLVFout(_("An objection against this decision is already being handled."))
    bekendgemaakt_op = vereist(tlv.bekendgemaakt_op, "bekendgemaakt_op of a decision open to objection")
    if ontvangen_op < bekendgemaakt_op or ontvangen_op > timezone.localdate():
        raise TLVFout(_("The date of receipt must lie between the sending of the decision and today."))
    einde = termijnen.bezwaartermijn_einde(bekendgemaakt_op)
    if tlv.status in (TLVStatus.AFGEGEVEN, TLVStatus.GEWEIGERD):
        tlv = wissel(
            tlv, TLVStatus.IN_BEZWAAR, door=door, reden=_("Objection received."), status_voor_bezwaar=tlv.status
        )
    else:
        wissel(tlv, None, door=door)
    bezwaar = Bezwaar.objects.create(
        tlv=tlv,
        ontvangen_op=ontvangen_op,
        indiener=indiener,
        indiener_naam=indiener_naam,
        gronden=gronden,
        termijn_einde=einde,
        binnen_termijn=ontvangen_op <= einde,
        te_laat_toelichting=te_laat_toelichting.strip(),
        geregistreerd_door=door,
    )
    status_vastleggen(bezwaar, van="", naar=BezwaarStatus.ONTVANGEN, door=door)
    melden(tlv, Meldingsoort.BEZWAAR, medewerkers(swv_rollen=[conf.bezwaar_besluit_rol()]), f"bezwaar:{bezwaar.pk}")
    return bezwaar


def _eis_behandelaar(door, bezwaar: Bezwaar) -> None:
    eis_recht(door, bezwaar.tlv, "bezwaar")


@transaction.atomic
def bezwaar_advies_vragen(
    *,
    door,
    bezwaar: Bezwaar,
    commissie: str,
    advies_gevraagd_op: date,
    commissie_leden: str = "",
    hoorzitting_op: date | None = None,
) -> Bezwaar:
    """Put the objection before the advisory committee (or the national LBT)."""
    _eis_behandelaar(door, bezwaar)
    if commissie not in Commissie.values:
        raise TLVFout(_("Choose the committee that advises."))
    if advies_gevraagd_op < bezwaar.ontvangen_op or advies_gevraagd_op > timezone.localdate():
        raise TLVFout(_("The advice can only be requested between the receipt of the objection and today."))
    bezwaar = vergrendel_bezwaar(bezwaar, [BezwaarStatus.ONTVANGEN])
    return wissel(
        bezwaar,
        BezwaarStatus.ADVIES_GEVRAAGD,
        door=door,
        commissie=commissie,
        commissie_leden=commissie_leden.strip(),
        advies_gevraagd_op=advies_gevraagd_op,
        hoorzitting_op=hoorzitting_op,
    )


@transaction.atomic
def bezwaar_advies_vastleggen(
    *,
    door,
    bezwaar: Bezwaar,
    advies_ontvangen_op: date,
    advies_strekking: str,
    advies: str,
    hoorzitting_op: date | None = None,
) -> Bezwaar:
    """Record the hearing and the committee's advice."""
    _eis_behandelaar(door, bezwaar)
    advies = verplicht(advies, _("Record the advice of the committee."))
    if advies_strekking not in Bezwaarbeslissing.values:
        raise TLVFout(_("Choose what the committee advises."))
    if advies_ontvangen_op > timezone.localdate() or advies_ontvangen_op < (
        bezwaar.advies_gevraagd_op or bezwaar.ontvangen_op
    ):
        raise TLVFout(_("The advice was received after it was requested and not in the future."))
    bezwaar = vergrendel_bezwaar(bezwaar, [BezwaarStatus.ADVIES_GEVRAAGD])
    return wissel(
        bezwaar,
        BezwaarStatus.ADVIES_ONTVANGEN,
        door=door,
        advies_ontvangen_op=advies_ontvangen_op,
        advies_strekking=advies_strekking,
        advies=advies,
        hoorzitting_op=hoorzitting_op or bezwaar.hoorzitting_op,
    )


@transaction.atomic
def bezwaar_verdagen(*, door, bezwaar: Bezwaar, reden: str) -> Bezwaar:
    """Extend the decision term once (by 6 weeks by default), with a reason."""
    _eis_behandelaar(door, bezwaar)
    reden = verplicht(reden, _("Give the reason for extending the decision term."))
    vandaag = timezone.localdate()
    if not Bezwaar.objects.filter(pk=bezwaar.pk, status__in=OPEN_BEZWAAR, verdaagd_op__isnull=True).update(
        verdaagd_op=vandaag, verdaging_reden=reden
    ):
        raise TLVFout(_("The decision term can be extended only once, while the objection is open."))
    bezwaar.refresh_from_db()
    bezwaar.save()  # a history row for the extension
    return bezwaar


def _tlv_na_bezwaar(tlv: TLV, *, door, reden: str, vandaag: date) -> TLV:
    """The TLV leaves ``in_bezwaar``: back to what the (revised) decision makes it."""
    if tlv.status != TLVStatus.IN_BEZWAAR:
        return wissel(tlv, None, door=door)
    if not tlv.is_afgegeven:
        return wissel(tlv, TLVStatus.GEWEIGERD, door=door, reden=reden, status_voor_bezwaar="")
    naar = (
        TLVStatus.ACTIEF
        if vereist(tlv.ingangsdatum, "ingangsdatum of an issued TLV") <= vandaag
        else TLVStatus.AFGEGEVEN
    )
    return wissel(tlv, naar, door=door, reden=reden, status_voor_bezwaar="")


@transaction.atomic
def bezwaar_beslissen(
    *, door, bezwaar: Bezwaar, beslissing: str, motivering: str, herzien: dict | None = None
) -> Bezwaar:
    """Decide on the objection (namens het bestuur; ``tlv.conf.bezwaar_besluit_rol``).

    ``gegrond`` revises the decision: a refused TLV is issued with ``herzien`` (start, end,
    category); an issued one gets the revised category and/or end date. The letter follows as a job.
    """
    eis_recht(door, bezwaar.tlv, "bezwaar_beslissen")
    if beslissing not in Bezwaarbeslissing.values:
        raise TLVFout(_("Choose the decision on the objection."))
    motivering = verplicht(motivering, _("Give the grounds of the decision on the objection."))
    if bezwaar.status == BezwaarStatus.ADVIES_GEVRAAGD:
        raise TLVFout(_("Record the committee's advice first."))
    vandaag = timezone.localdate()
    bezwaar = vergrendel_bezwaar(bezwaar, [BezwaarStatus.ONTVANGEN, BezwaarStatus.ADVIES_ONTVANGEN])
    tlv = vergrendel(bezwaar.tlv, [TLVStatus.IN_BEZWAAR, TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF])
    if beslissing == Bezwaarbeslissing.GEGROND:
        tlv = _herzien(tlv, door=door, herzien=herzien or {}, motivering=motivering, vandaag=vandaag)
    tlv = _tlv_na_bezwaar(tlv, door=door, reden=str(Bezwaarbeslissing(beslissing).label), vandaag=vandaag)
    bezwaar = wissel(
        bezwaar,
        BezwaarStatus.BESLIST,
        door=door,
        reden=motivering,
        beslissing=beslissing,
        beslist_op=vandaag,
        beslist_door=door,
        motivering=motivering,
    )
    bezwaar.tlv = tlv
    taak = taak_starten(
        soort="tlv_beslissing_op_bezwaar",
        omschrijving=_("Decision on the objection"),
        aangevraagd_door=door,
        parameters={"bezwaar": str(bezwaar.uuid)},
    )
    bezwaar.beslissingsbrief = taak
    bezwaar.save(update_fields=["beslissingsbrief"])
    return bezwaar


def _herzien(tlv: TLV, *, door, herzien: dict, motivering: str, vandaag: date) -> TLV:
    """Apply the revised decision of a well-founded objection."""
    if not tlv.is_afgegeven:
        looptijd = valideer_looptijd(
            tlv,
            categorie=herzien.get("categorie", ""),
            ingangsdatum=herzien.get("ingangsdatum"),
            einddatum=herzien.get("einddatum"),
            geen_einddatum_reden=herzien.get("geen_einddatum_reden", ""),
        )
        return afgeven(
            tlv,
            door=door,
            vandaag=vandaag,
            looptijd=looptijd,
            motivering=motivering,
            bekendgemaakt_op=vandaag,
            reden=_("Issued on objection."),
        )
    looptijd = valideer_looptijd(
        tlv,
        categorie=herzien.get("categorie", tlv.categorie),
        ingangsdatum=tlv.ingangsdatum,
        einddatum=herzien.get("einddatum", tlv.einddatum),
        geen_einddatum_reden=tlv.geen_einddatum_reden,
    )
    if looptijd["categorie"] == tlv.categorie and looptijd["einddatum"] == tlv.einddatum:
        raise TLVFout(_("A well-founded objection revises the decision: change the category or the end date."))
    eis_geen_overlap(tlv, vereist(tlv.ingangsdatum, "ingangsdatum of an issued TLV"), looptijd["einddatum"])
    return wissel(tlv, None, door=door, categorie=looptijd["categorie"], einddatum=looptijd["einddatum"])


@transaction.atomic
def bezwaar_intrekken(*, door, bezwaar: Bezwaar, reden: str) -> Bezwaar:
    """The objector withdraws the objection; the decision stands."""
    _eis_behandelaar(door, bezwaar)
    reden = verplicht(reden, _("Record why the objection was withdrawn."))
    bezwaar = vergrendel_bezwaar(bezwaar, OPEN_BEZWAAR)
    tlv = vergrendel(bezwaar.tlv, [TLVStatus.IN_BEZWAAR, TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF])
    _tlv_na_bezwaar(tlv, door=door, reden=_("Objection withdrawn."), vandaag=timezone.localdate())
    return wissel(bezwaar, BezwaarStatus.INGETROKKEN, door=door, reden=reden)


@transaction.atomic
def bezwaar_beroep_vastleggen(*, door, bezwaar: Bezwaar, beroep_ingesteld_op: date, beroep_toelichting: str) -> Bezwaar:
    """Record that beroep was lodged at the court against the decision on the objection (record only)."""
    _eis_behandelaar(door, bezwaar)
    beroep_toelichting = verplicht(beroep_toelichting, _("Record the court and the case number."))
    bezwaar = vergrendel_bezwaar(bezwaar, [BezwaarStatus.BESLIST])
    if beroep_ingesteld_op < vereist(bezwaar.beslist_op, "beslist_op of a decided objection") or (
        beroep_ingesteld_op > timezone.localdate()
    ):
        raise TLVFout(_("The appeal date must lie between the decision on the objection and today."))
    return wissel(
        bezwaar, None, door=door, beroep_ingesteld_op=beroep_ingesteld_op, beroep_toelichting=beroep_toelichting
    )
