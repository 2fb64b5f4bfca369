"""The life of an issued TLV: start and expiry by date, placement, the yearly return review, an early
end, an extension (a new linked request with a shortened route) and the daily run with its reminders."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.models import Dossier
from swv.access import school_ids
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.models import Lidmaatschap
from swv.waarden import vereist
from tlv import conf, termijnen
from tlv.choices import (
    GELDIG,
    HANDMATIGE_BEEINDIGING,
    Beeindigingsreden,
    Meldingsoort,
    Route,
    Terugkeerconclusie,
    TLVStatus,
)
from tlv.models import TLV, Terugkeerbespreking
from tlv.services.aanvraag import eis_geen_lopende_aanvraag, nieuwe_aanvraag
from tlv.services.basis import eis_recht, vergrendel, verplicht, wissel
from tlv.services.fouten import TLVFout
from tlv.services.meldingen import medewerkers, meldingen_maken

logger = logging.getLogger(__name__)


@transaction.atomic
def tlv_activeren(*, tlv: TLV, vandaag: date) -> TLV:
    """An issued TLV becomes active on its start date (the daily run; no user)."""
    tlv = vergrendel(tlv, [TLVStatus.AFGEGEVEN])
    if vereist(tlv.ingangsdatum, "ingangsdatum of an issued TLV") > vandaag:
        raise TLVFout(_("The TLV has not started yet."))
    return wissel(tlv, TLVStatus.ACTIEF, door=None, reden=_("Start date reached."))


@transaction.atomic
def tlv_laten_verlopen(*, tlv: TLV, vandaag: date) -> TLV:
    """An active TLV expires the day after its end date (the daily run; no user)."""
    tlv = vergrendel(tlv, [TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF])
    if tlv.einddatum is None or tlv.einddatum >= vandaag:
        raise TLVFout(_("The TLV has not reached its end date."))
    return wissel(
        tlv,
        TLVStatus.VERLOPEN,
        door=None,
        reden=_("End date passed."),
        beeindigd_op=tlv.einddatum + timedelta(days=1),
        beeindigingsreden=Beeindigingsreden.VERLOPEN,
    )


@transaction.atomic
def plaatsing_vastleggen(*, door, tlv: TLV, plaatsingsdatum: date) -> TLV:
    """The S(B)O school records the day the pupil started there; the waiting time follows from it."""
    eis_recht(door, tlv, "plaatsen")
    tlv = vergrendel(tlv, GELDIG)
    if not tlv.is_afgegeven:
        raise TLVFout(_("Only an issued TLV has a placement."))
    if plaatsingsdatum < vereist(tlv.afgegeven_op, "afgegeven_op of an issued TLV"):
        raise TLVFout(_("The placement date cannot be before the TLV was issued."))
    if plaatsingsdatum > timezone.localdate():
        raise TLVFout(_("Record the placement once the pupil has started: the date cannot be in the future."))
    return wissel(tlv, None, door=door, plaatsingsdatum=plaatsingsdatum, plaatsing_door=door)


@transaction.atomic
def tlv_beeindigen(*, door, tlv: TLV, reden: str, datum: date, toelichting: str) -> TLV:
    """End an issued TLV early: withdrawn by the SWV, the pupil left, or returned to a regular school."""
    eis_recht(door, tlv, "beeindigen")
    if reden not in HANDMATIGE_BEEINDIGING:
        raise TLVFout(_("Choose why the TLV ends."))
    if reden == Beeindigingsreden.INGETROKKEN:
        eis_recht(door, tlv, "besluiten")
    toelichting = verplicht(toelichting, _("Explain why the TLV ends."))
    tlv = vergrendel(tlv, [TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF])
    if datum < vereist(tlv.afgegeven_op, "afgegeven_op of an issued TLV"):
        raise TLVFout(_("The TLV cannot end before it was issued."))
    if tlv.einddatum and datum > tlv.einddatum:
        raise TLVFout(_("This date is after the end date: the TLV expires by itself."))
    return wissel(
        tlv,
        TLVStatus.INGETROKKEN,
        door=door,
        reden=toelichting,
        beeindigd_op=datum,
        beeindigingsreden=reden,
        beeindiging_toelichting=toelichting,
    )


@transaction.atomic
def tlv_verlenging_aanvragen(*, door, tlv: TLV) -> TLV:
    """Start a new draft request linked to this TLV (shortened route), prefilled from it.

    The school that asks becomes the requesting school: usually the S(B)O school where the pupil is.
    """
    eis_recht(door, tlv, "verlengen")
    tlv = vergrendel(tlv, [TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF])
    if tlv.einddatum is None:
        raise TLVFout(_("This TLV has no end date and needs no extension."))
    eis_geen_lopende_aanvraag(tlv.leerling)
    mijn_scholen = school_ids(door, [Rol.IB_ER])
    aanvrager = tlv.beoogde_school_id if tlv.beoogde_school_id in mijn_scholen else tlv.aanvragende_school_id
    dossier = Dossier.objects.actief().filter(leerling_id=tlv.leerling_id).first()
    nieuw = nieuwe_aanvraag(
        leerling_id=tlv.leerling_id,
        dossier=dossier,
        route=Route.VERLENGING,
        vorige=tlv,
        soort=tlv.soort,
        aanvragende_school_id=aanvrager,
        beoogde_school_id=tlv.beoogde_school_id,
        voorgestelde_categorie=tlv.categorie,
        voorgestelde_ingangsdatum=tlv.einddatum + timedelta(days=1),
        evaluatieafspraken=tlv.evaluatieafspraken,
        terugkeerafspraken=tlv.terugkeerafspraken,
        aangemaakt_door=door,
    )
    wissel(tlv, None, door=door)
    return nieuw


@transaction.atomic
def terugkeerbespreking_vastleggen(
    *, door, tlv: TLV, datum: date, deelnemers: str, conclusie: str, toelichting: str = ""
) -> Terugkeerbespreking:
    """Record the (at least yearly) return review of an issued TLV: who reviewed and the conclusion."""
    eis_recht(door, tlv, "terugkeer")
    tlv = vergrendel(tlv, GELDIG)
    if not tlv.is_afgegeven:
        raise TLVFout(_("Only an issued TLV has return reviews."))
    deelnemers = verplicht(deelnemers, _("Record who took part in the review."))
    if conclusie not in Terugkeerconclusie.values:
        raise TLVFout(_("Choose the conclusion of the review."))
    if datum > timezone.localdate() or datum < vereist(tlv.afgegeven_op, "afgegeven_op of an issued TLV"):
        raise TLVFout(_("The review date must lie between the issue of the TLV and today."))
    wissel(tlv, None, door=door)
    return Terugkeerbespreking.objects.create(
        tlv=tlv,
        datum=datum,
        deelnemers=deelnemers,
        conclusie=conclusie,
        toelichting=toelichting.strip(),
        vastgelegd_door=door,
    )


def volgende_terugkeer(tlv: TLV, laatste_bespreking: date | None) -> date | None:
    """When the next return review is due: a year after the last one (or after placement / start)."""
    basis = laatste_bespreking or tlv.plaatsingsdatum or tlv.ingangsdatum
    return termijnen.terugkeer_verwacht(basis) if basis else None


def _per_school(scholen: set[int | None], rollen) -> defaultdict[int | None, set[int]]:
    """Active users holding one of ``rollen`` per school (one query for the whole run); no school
    (``None``, a request without an intended school) has nobody."""
    uit: defaultdict[int | None, set[int]] = defaultdict(set)
    rijen = (
        Lidmaatschap.objects.actief_op()
        .filter(school_id__in=scholen, rol__in=list(rollen), gebruiker__is_active=True)
        .values_list("school_id", "gebruiker_id")
    )
    for school_id, gebruiker_id in rijen:
        uit[school_id].add(gebruiker_id)
    return uit


def _einde(tlv: TLV) -> date:
    return vereist(tlv.einddatum, "einddatum (the reminder query selects on it)")


def _einddatum_herinneringen(vandaag: date) -> int:
    """Remind both schools and the consulent, from 4 months before the end date, to evaluate and to
    decide on extension or return (once per TLV and end date)."""
    lopend = TLV.objects.filter(vorige=OuterRef("pk")).exclude(status__in=[TLVStatus.INGETROKKEN, TLVStatus.GEWEIGERD])
    kandidaten = list(
        TLV.objects.filter(
            status__in=GELDIG,
            beeindigd_op__isnull=True,
            einddatum__gte=vandaag,
            einddatum__lte=vandaag + relativedelta(months=conf.herinnering_maanden()) + timedelta(days=3),
        )
        .exclude(Exists(lopend))
        .only("pk", "uuid", "einddatum", "aanvragende_school_id", "beoogde_school_id")
    )
    kandidaten = [t for t in kandidaten if termijnen.herinnering_vanaf(_einde(t)) <= vandaag]
    scholen = {t.aanvragende_school_id for t in kandidaten} | {t.beoogde_school_id for t in kandidaten}
    aanvrager = _per_school(scholen, [Rol.IB_ER, Rol.CONSULENT])
    sbo = _per_school(scholen, [Rol.IB_ER, Rol.DIRECTEUR])
    items = []
    for t in kandidaten:
        for ontvanger in aanvrager[t.aanvragende_school_id] | sbo[t.beoogde_school_id]:
            items.append((ontvanger, t.uuid, Meldingsoort.EINDDATUM, f"einddatum:{t.pk}:{_einde(t).isoformat()}"))
    return meldingen_maken(items)


def _terugkeer_herinneringen(vandaag: date) -> int:
    """Remind both schools when the yearly return review of an active TLV is due."""
    kandidaten = list(
        TLV.objects.filter(status=TLVStatus.ACTIEF)
        .annotate(laatste_bespreking=Max("terugkeerbesprekingen__datum"))
        .only("pk", "uuid", "ingangsdatum", "plaatsingsdatum", "aanvragende_school_id", "beoogde_school_id")
    )
    verwacht = {
        t.pk: dag
        for t in kandidaten
        if (dag := volgende_terugkeer(t, t.laatste_bespreking)) is not None and dag <= vandaag
    }
    kandidaten = [t for t in kandidaten if t.pk in verwacht]
    scholen = {t.aanvragende_school_id for t in kandidaten} | {t.beoogde_school_id for t in kandidaten}
    ib = _per_school(scholen, [Rol.IB_ER, Rol.DIRECTEUR])
    items = [
        (ontvanger, t.uuid, Meldingsoort.TERUGKEER, f"terugkeer:{t.pk}:{verwacht[t.pk].isoformat()}")
        for t in kandidaten
        for ontvanger in ib[t.aanvragende_school_id] | ib[t.beoogde_school_id]
    ]
    return meldingen_maken(items)


def _beslistermijn_meldingen(vandaag: date) -> int:
    """Tell the deciders about requests past their decision term (suspended terms do not run)."""
    kandidaten = TLV.objects.filter(
        status__in=[TLVStatus.INGEDIEND, TLVStatus.PROCEDUREEL_GETOETST], ingediend_op__isnull=False
    ).only("pk", "uuid", "ingediend_op", "opgeschort_dagen")
    ontvangers = medewerkers(swv_rollen={conf.besluit_rol(), Rol.TLC_LID})
    items = []
    for t in kandidaten:
        termijn = termijnen.beslistermijn(vereist(t.ingediend_op, "ingediend_op (filtered on)"), t.opgeschort_dagen)
        if termijn < vandaag:
            items += [
                (o, t.uuid, Meldingsoort.BESLISTERMIJN, f"beslistermijn:{t.pk}:{termijn.isoformat()}")
                for o in ontvangers
            ]
    return meldingen_maken(items)


def tlv_dagelijkse_ronde(*, vandaag: date | None = None) -> dict[str, int]:
    """The daily run (celery beat): start and expire TLVs by date, then the reminders.

    Each TLV changes in its own transaction, so one failure does not hold up the rest; running the
    round twice on one day changes and sends nothing twice.
    """
    vandaag = vandaag or timezone.localdate()
    uitkomst = {"geactiveerd": 0, "verlopen": 0}
    for tlv in TLV.objects.filter(status=TLVStatus.AFGEGEVEN, ingangsdatum__lte=vandaag).only("pk"):
        uitkomst["geactiveerd"] += _probeer(tlv_activeren, tlv, vandaag)
    for tlv in TLV.objects.filter(status__in=[TLVStatus.AFGEGEVEN, TLVStatus.ACTIEF], einddatum__lt=vandaag).only("pk"):
        uitkomst["verlopen"] += _probeer(tlv_laten_verlopen, tlv, vandaag)
    with transaction.atomic():
        uitkomst["herinneringen_einddatum"] = _einddatum_herinneringen(vandaag)
        uitkomst["herinneringen_terugkeer"] = _terugkeer_herinneringen(vandaag)
        uitkomst["beslistermijn_verlopen"] = _beslistermijn_meldingen(vandaag)
    logger.info("TLV daily run %s: %s", vandaag, uitkomst)
    return uitkomst


def _probeer(service, tlv: TLV, vandaag: date) -> int:
    try:
        service(tlv=tlv, vandaag=vandaag)
    except DomeinFout:  # changed meanwhile (e.g. ended by hand): nothing to do
        return 0
    return 1
