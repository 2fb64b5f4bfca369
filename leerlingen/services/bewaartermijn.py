"""The retention job (PRIVACY.md): 2 years after a pupil left the SWV's schools, the pupil's data
is anonymised or destroyed, unless a longer term is set for a named legal reason.

``bewaartermijn_uitvoeren`` runs every app's handler (``leerlingen.bewaartermijn``) per pupil in one
transaction, deletes the pupil's access-log rows (the one sanctioned exception to the append-only
trigger: ``swv.bewaartermijn = 'aan'``, local to this transaction) and writes a report row (counts,
no names). A dry run does the same work and rolls it back: it reports exactly what a real run would
do, and deletes no file (files go only after the commit).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from leerlingen.bewaartermijn import opschoningen
from leerlingen.models import Bewaartermijnrapport, Inschrijving, Leerling

#: Seed 002's regulation: at most 2 years after the pupil left the SWV's schools.
BEWAARTERMIJN = relativedelta(years=2)
#: The advisory lock that keeps two runs apart.
SLOT = 13_2013


@dataclass
class Uitkomst:
    peildatum: date
    grens: date
    leerlingen: list[tuple[str, date]] = field(default_factory=list)  # (uuid, left on): no names
    aantallen: Counter = field(default_factory=Counter)
    rapport: Bewaartermijnrapport | None = None


def te_vervallen(vandaag: date | None = None):
    """Pupils whose data goes: enrolled once, no enrolment now or later, the last one ended at
    least 2 years ago, not kept longer for a legal reason, not anonymised yet. Pupils never
    enrolled (a thuiszitter without a school) are left alone: their term has no start yet."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag - BEWAARTERMIJN
    lopend = Inschrijving.objects.filter(leerling=OuterRef("pk")).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gt=grens)
    )
    return (
        Leerling.objects.filter(geanonimiseerd_op__isnull=True, inschrijvingen__isnull=False)
        .filter(Q(bewaren_tot__isnull=True) | Q(bewaren_tot__lt=vandaag))
        .annotate(vertrokken=Max("inschrijvingen__einddatum"))
        .filter(~Exists(lopend))
        .order_by("pk")
    )


def _toegangslog_verwijderen(leerling_uuids: list) -> int:
    """Delete the pupil's access-log rows below the ORM (which refuses any delete). On PostgreSQL
    the append-only trigger lets a DELETE through only with ``swv.bewaartermijn = 'aan'``, set here
    for this transaction alone (``set_config(..., true)`` = ``SET LOCAL``)."""
    if not leerling_uuids:
        return 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT set_config('swv.bewaartermijn', 'aan', true)")
        plaatsen = ", ".join(["%s"] * len(leerling_uuids))
        cursor.execute(
            f"DELETE FROM swv_toegangslog WHERE leerling_uuid IN ({plaatsen})", [str(u) for u in leerling_uuids]
        )
        aantal = cursor.rowcount
        if connection.vendor == "postgresql":
            cursor.execute("SELECT set_config('swv.bewaartermijn', '', true)")
    return aantal


def _leerling_anonimiseren(leerling: Leerling, vandaag: date) -> None:
    """Names, BSN and education number go; the date of birth keeps only its year (1 January), so
    counts by age or year of birth stay right. History rows (old names) are deleted."""
    Leerling.objects.filter(pk=leerling.pk).update(
        voornaam="Geanonimiseerd",
        tussenvoegsel="",
        achternaam="Geanonimiseerd",
        bsn="",
        onderwijsnummer="",
        geboortedatum=date(leerling.geboortedatum.year, 1, 1),
        bewaarreden="",
        bewaren_tot=None,
        geanonimiseerd_op=vandaag,
    )
    leerling.leerkrachten.clear()
    Leerling.history.filter(id=leerling.pk).delete()


def bewaartermijn_uitvoeren(*, vandaag: date | None = None, droog: bool = False) -> Uitkomst:
    """Anonymise or destroy the data of every pupil past the retention term (see the module doc)."""
    vandaag = vandaag or timezone.localdate()
    uitkomst = Uitkomst(peildatum=vandaag, grens=vandaag - BEWAARTERMIJN)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # One run at a time (beat redelivered, a manual run beside it): the second waits here
            # and then finds the pupils already anonymised.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SLOT])
        leerlingen = list(te_vervallen(vandaag))
        for leerling in leerlingen:
            uitkomst.leerlingen.append((str(leerling.uuid), leerling.vertrokken))
            for opschoning in opschoningen():
                uitkomst.aantallen.update({k: v for k, v in opschoning(leerling).items() if v})
            _leerling_anonimiseren(leerling, vandaag)
        uitkomst.aantallen["toegangslog"] = _toegangslog_verwijderen([lr.uuid for lr in leerlingen])
        uitkomst.aantallen["leerlingen"] = len(leerlingen)
        uitkomst.aantallen = +uitkomst.aantallen  # drop zeros
        if droog:
            transaction.set_rollback(True)
            return uitkomst
        uitkomst.rapport = Bewaartermijnrapport.objects.create(
            peildatum=vandaag,
            grens=uitkomst.grens,
            aantal_leerlingen=len(leerlingen),
            aantallen=dict(sorted(uitkomst.aantallen.items())),
        )
    return uitkomst


@transaction.atomic
def bewaartermijn_verlengen(*, leerling: Leerling, tot: date, reden: str, door) -> Leerling:
    """Keep a pupil's data beyond the 2 years, until ``tot``, for a named legal reason (e.g. a
    pending court case). Only the DB (privacy officer) decides it; the change keeps its history."""
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    from leerlingen.services.privacy import PrivacyverzoekFout
    from swv.access import heeft_rol
    from swv.choices import Rol
    from swv.historie import met_historie

    if not heeft_rol(door, Rol.DB):
        raise PermissionDenied
    fouten = {}
    if tot <= timezone.localdate():
        fouten["tot"] = _("Choose a date in the future.")
    if not reden.strip():
        fouten["reden"] = _("Name the legal reason to keep the data longer.")
    if fouten:
        raise PrivacyverzoekFout(fouten)
    vers = Leerling.objects.select_for_update().get(pk=leerling.pk)
    vers.bewaren_tot, vers.bewaarreden = tot, reden.strip()
    met_historie(vers, door=door, reden=_("Retention term extended")).save(update_fields=["bewaren_tot", "bewaarreden"])
    return vers
