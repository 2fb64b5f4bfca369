"""The TLC's side: the procedural check, asking for more information, and the decision (issue or
refuse) with its number and the Awb decision letter as a background job."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from swv.choices import Rol
from swv.taken import taak_starten
from swv.waarden import vereist
from tlv import conf
from tlv.choices import GELDIG, Beeindigingsreden, Categorie, Meldingsoort, Route, TLVSoort, TLVStatus
from tlv.models import TLV, TLVNummerreeks
from tlv.services.basis import eis_recht, vergrendel, verplicht, wissel
from tlv.services.fouten import TLVFout
from tlv.services.meldingen import melden, schoolontvangers


@transaction.atomic
def tlv_procedureel_toetsen(
    *,
    door,
    tlv: TLV,
    route_gevolgd: bool,
    advies_consistent: bool,
    documenten_compleet: bool,
    toelichting: str = "",
    tlc_advies: str = "",
) -> TLV:
    """Record the TLC's procedural check: were all steps followed, is the advice consistent, are the
    documents present? Not a re-assessment of the content (seed 002 L1081). A failed check is a
    request for more information instead."""
    eis_recht(door, tlv, "beoordelen")
    tlv = vergrendel(tlv, [TLVStatus.INGEDIEND])
    if not (route_gevolgd and advies_consistent and documenten_compleet):
        raise TLVFout(_("Not every check is met: ask the school for more information instead."))
    if conf.besluit_rol() != Rol.TLC_LID and not tlc_advies.strip():
        raise TLVFout(_("Give the TLC's advice to the director, who decides."))
    return wissel(
        tlv,
        TLVStatus.PROCEDUREEL_GETOETST,
        door=door,
        reden=toelichting.strip(),
        getoetst_op=timezone.localdate(),
        getoetst_door=door,
        toets_toelichting=toelichting.strip(),
        tlc_advies=tlc_advies.strip(),
    )


@transaction.atomic
def tlv_aanvulling_vragen(*, door, tlv: TLV, vraag: str) -> TLV:
    """Send the request back to the school for more information; the decision term is suspended."""
    eis_recht(door, tlv, "beoordelen")
    vraag = verplicht(vraag, _("Describe which information is missing."))
    tlv = vergrendel(tlv, [TLVStatus.INGEDIEND, TLVStatus.PROCEDUREEL_GETOETST])
    tlv = wissel(
        tlv,
        TLVStatus.AANVULLING_GEVRAAGD,
        door=door,
        reden=vraag,
        aanvulling_vraag=vraag,
        aanvulling_gevraagd_op=timezone.localdate(),
    )
    overgang = vereist(tlv.statusovergangen.order_by("-pk").first(), "the status change just written")
    ontvangers = schoolontvangers(tlv, sbo=()) | {tlv.aangemaakt_door_id}
    melden(tlv, Meldingsoort.AANVULLING_GEVRAAGD, ontvangers, f"aanvulling:{overgang.pk}")
    return tlv


def nieuw_nummer(tlv: TLV, jaar: int) -> str:
    """The next TLV number of ``jaar`` (``TLV-2801-2026-0001``); the series row is locked meanwhile."""
    reeks, _nieuw = TLVNummerreeks.objects.select_for_update().get_or_create(jaar=jaar)
    TLVNummerreeks.objects.filter(pk=reeks.pk).update(laatste=F("laatste") + 1)
    reeks.refresh_from_db()
    code = tlv.aanvragende_school.swv.code
    return f"TLV-{code[2:]}-{jaar}-{reeks.laatste:04d}"


def _periode_einde(ingang: date, einde: date | None, beeindigd: date | None) -> date | None:
    """First day no longer covered ([start, end) as in the PostgreSQL exclusion constraint)."""
    grenzen = [d for d in (einde and einde + timedelta(days=1), beeindigd) if d]
    return max(ingang, min(grenzen)) if grenzen else None


def eis_geen_overlap(tlv: TLV, ingangsdatum: date, einddatum: date | None) -> None:
    """No two issued TLVs of one soort for one pupil overlap (the service-level twin of the
    PostgreSQL exclusion constraint, which SQLite lacks)."""
    eind = _periode_einde(ingangsdatum, einddatum, None)
    anderen = TLV.objects.afgegeven().filter(leerling_id=tlv.leerling_id, soort=tlv.soort).exclude(pk=tlv.pk)
    for ander in anderen.only("nummer", "ingangsdatum", "einddatum", "beeindigd_op"):
        ander_eind = _periode_einde(ander.ingangsdatum, ander.einddatum, ander.beeindigd_op)
        if ander_eind == ander.ingangsdatum:
            continue  # ended before it started: covers no days
        if (eind is None or ander.ingangsdatum < eind) and (ander_eind is None or ingangsdatum < ander_eind):
            raise TLVFout(
                _("The pupil already has TLV %(nummer)s of this type in this period.") % {"nummer": ander.nummer}
            )


def valideer_looptijd(
    tlv: TLV, *, categorie: str, ingangsdatum: date | None, einddatum: date | None, geen_einddatum_reden: str
) -> dict:
    """Check the data of an issued TLV (also for a decision revised on objection)."""
    if tlv.soort == TLVSoort.SO and categorie not in Categorie.values:
        raise TLVFout(_("A TLV for SO needs a funding category: low, medium or high."))
    if tlv.soort == TLVSoort.SBO and categorie:
        raise TLVFout(_("A TLV for SBO has no funding category."))
    if ingangsdatum is None:
        raise TLVFout(_("Enter the start date."))
    if einddatum is None:
        if tlv.route != Route.RECHTSTREEKS:
            raise TLVFout(_("Enter the end date; only a direct entry (EMB) may be without one."))
        if not geen_einddatum_reden.strip():
            raise TLVFout(_("Record why this TLV has no end date."))
    else:
        if einddatum <= ingangsdatum:
            raise TLVFout(_("The end date must be after the start date."))
        if einddatum > ingangsdatum + timedelta(days=31 * conf.maximale_duur_maanden()):
            raise TLVFout(
                _("The TLV is longer than the maximum of %(max)s months.") % {"max": conf.maximale_duur_maanden()}
            )
    return {
        "categorie": categorie,
        "ingangsdatum": ingangsdatum,
        "einddatum": einddatum,
        "geen_einddatum_reden": "" if einddatum else geen_einddatum_reden.strip(),
    }


def besluitbrief_maken(tlv: TLV, door) -> None:
    """Queue the decision letter (PDF) on the worker; the TLV points at the job for its download."""
    taak = taak_starten(
        soort="tlv_besluitbrief",
        omschrijving=_("TLV decision letter"),
        aangevraagd_door=door,
        parameters={"tlv": str(tlv.uuid)},
    )
    tlv.besluitbrief = taak
    tlv.save(update_fields=["besluitbrief"])
    # The letter is addressed to the parents: delivered to the parents' portal too (issue 14).
    from tlv.ouders import besluitbrief_bezorgen

    besluitbrief_bezorgen(tlv)


def _besluit_melden(tlv: TLV) -> None:
    overgang = vereist(tlv.statusovergangen.order_by("-pk").first(), "the status change just written")
    melden(tlv, Meldingsoort.BESLUIT, schoolontvangers(tlv), f"besluit:{overgang.pk}")


def afgeven(
    tlv: TLV, *, door, vandaag: date, looptijd: dict, motivering: str, bekendgemaakt_op: date, reden: str = ""
) -> TLV:
    """Issue a locked TLV: number, period, extension bookkeeping; activates it if it starts today."""
    eis_geen_overlap(tlv, looptijd["ingangsdatum"], looptijd["einddatum"])
    if tlv.route == Route.VERLENGING and tlv.vorige_id:
        _vorige_afsluiten(tlv, door=door, nieuwe_ingang=looptijd["ingangsdatum"])
    tlv = wissel(
        tlv,
        TLVStatus.AFGEGEVEN,
        door=door,
        reden=reden or motivering,
        nummer=nieuw_nummer(tlv, vandaag.year),
        afgegeven_op=vandaag,
        besluit_datum=vandaag,
        besluit_door=door,
        motivering=motivering,
        bekendgemaakt_op=bekendgemaakt_op,
        **looptijd,
    )
    if vereist(tlv.ingangsdatum, "ingangsdatum of an issued TLV") <= vandaag:
        tlv = wissel(tlv, TLVStatus.ACTIEF, door=None, reden=_("Start date reached."))
    return tlv


def _vorige_afsluiten(tlv: TLV, *, door, nieuwe_ingang: date) -> None:
    """The TLV being extended ends where its successor starts, and is marked ``verlengd``."""
    vorige = vergrendel(vereist(tlv.vorige, "vorige of an extension"), [*GELDIG, TLVStatus.VERLOPEN])
    eind = nieuwe_ingang
    if vorige.einddatum and vorige.einddatum + timedelta(days=1) < eind:
        eind = vorige.einddatum + timedelta(days=1)
    wissel(
        vorige,
        TLVStatus.VERLENGD,
        door=door,
        reden=_("Extended by a new TLV."),
        beeindigd_op=vorige.beeindigd_op or eind,
        beeindigingsreden=Beeindigingsreden.VERLENGD,
    )


@transaction.atomic
def tlv_afgeven(
    *,
    door,
    tlv: TLV,
    ingangsdatum: date,
    einddatum: date | None,
    motivering: str,
    categorie: str = "",
    geen_einddatum_reden: str = "",
    bekendgemaakt_op: date | None = None,
) -> TLV:
    """Decide to issue the TLV (TLC or DB, ``tlv.conf.besluit_rol``); the letter follows as a job."""
    eis_recht(door, tlv, "besluiten")
    motivering = verplicht(motivering, _("Give the grounds of the decision."))
    tlv = vergrendel(tlv, [TLVStatus.PROCEDUREEL_GETOETST])
    vandaag = timezone.localdate()
    looptijd = valideer_looptijd(
        tlv,
        categorie=categorie,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        geen_einddatum_reden=geen_einddatum_reden,
    )
    tlv = afgeven(
        tlv,
        door=door,
        vandaag=vandaag,
        looptijd=looptijd,
        motivering=motivering,
        bekendgemaakt_op=bekendgemaakt_op or vandaag,
    )
    besluitbrief_maken(tlv, door)
    _besluit_melden(tlv)
    return tlv


@transaction.atomic
def tlv_weigeren(*, door, tlv: TLV, motivering: str, bekendgemaakt_op: date | None = None) -> TLV:
    """Decide to refuse the TLV, with the reasons (they are printed in the decision letter)."""
    eis_recht(door, tlv, "besluiten")
    motivering = verplicht(motivering, _("Give the reasons for refusing the TLV."))
    tlv = vergrendel(tlv, [TLVStatus.PROCEDUREEL_GETOETST])
    vandaag = timezone.localdate()
    tlv = wissel(
        tlv,
        TLVStatus.GEWEIGERD,
        door=door,
        reden=motivering,
        besluit_datum=vandaag,
        besluit_door=door,
        motivering=motivering,
        bekendgemaakt_op=bekendgemaakt_op or vandaag,
    )
    besluitbrief_maken(tlv, door)
    _besluit_melden(tlv)
    return tlv
