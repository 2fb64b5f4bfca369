"""Writes of generated reports: start a version's generation, adopt it (freezing the file), withdraw."""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kwaliteit.choices import RapportSoort, VersieStatus
from kwaliteit.models import Rapport, RapportVersie
from kwaliteit.services.fouten import KwaliteitFout, KwaliteitOngeldigeOvergang
from swv.models import Taak
from swv.overgangen import overgang, status_vastleggen, vergrendel
from swv.taken import taak_starten

#: Report kind -> job kind (registered with ``@taaksoort`` in kwaliteit/reports.py).
TAAKSOORT = {soort: f"kwaliteit_{soort}" for soort in RapportSoort.values}


def _mag(door, soort: str, actie: str) -> bool:
    from kwaliteit.conf import verslag_rollen
    from swv.access import heeft_rol

    return heeft_rol(door, *verslag_rollen(soort, actie))


@transaction.atomic
def rapport_genereren(*, soort: str, jaar: int, door) -> RapportVersie:
    """Start generating a new version of the report (a background job with a progress bar).

    Idempotent against double submits: while a version of this report is still being generated,
    that version is returned instead of starting another. Refused while a version is adopted."""
    if soort not in RapportSoort.values:
        raise KwaliteitFout(_("Unknown kind of report."))
    if not _mag(door, soort, "genereren"):
        raise PermissionDenied
    if not 2000 <= jaar <= 2100:
        raise KwaliteitFout(_("Choose a year between 2000 and 2100."))
    try:
        with transaction.atomic():
            rapport, _nieuw = Rapport.objects.get_or_create(soort=soort, jaar=jaar)
    except IntegrityError:
        rapport = Rapport.objects.get(soort=soort, jaar=jaar)
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    if rapport.versies.filter(status=VersieStatus.VASTGESTELD).exists():
        raise KwaliteitFout(_("This report has an adopted version. Withdraw it before generating a new version."))
    lopend = rapport.versies.filter(taak__status__in=[Taak.Status.WACHTRIJ, Taak.Status.BEZIG]).first()
    if lopend is not None:
        return lopend
    nummer = (rapport.versies.aggregate(n=Max("nummer"))["n"] or 0) + 1
    taak = taak_starten(
        soort=TAAKSOORT[soort],
        omschrijving=_("%(rapport)s, version %(nummer)s (PDF)") % {"rapport": rapport, "nummer": nummer},
        aangevraagd_door=door,
        parameters={"rapport": str(rapport.uuid), "versie": nummer},
    )
    versie = RapportVersie.objects.create(rapport=rapport, nummer=nummer, taak=taak, aangemaakt_door=door)
    status_vastleggen(versie, van="", naar=versie.status, door=door)
    return versie


@transaction.atomic
def rapportversie_vaststellen(*, versie: RapportVersie, door) -> RapportVersie:
    """Draft -> adopted (the DB): the generated PDF is copied and frozen with its sha256."""
    if not _mag(door, versie.rapport.soort, "vaststellen"):
        raise PermissionDenied
    versie = vergrendel(
        versie,
        van={VersieStatus.CONCEPT},
        queryset=RapportVersie.objects.select_related("taak", "rapport"),
        bericht=_("Only a draft version can be adopted."),
        fout=KwaliteitOngeldigeOvergang,
    )
    if versie.taak.status != Taak.Status.KLAAR or not versie.taak.bestand:
        raise KwaliteitFout(_("The PDF of this version is not ready; it cannot be adopted yet."))
    with versie.taak.bestand.open("rb") as fh:
        inhoud = fh.read()
    versie.sha256 = hashlib.sha256(inhoud).hexdigest()
    versie.bestand.save(versie.taak.bestandsnaam, ContentFile(inhoud), save=False)
    versie.bestandsnaam = versie.taak.bestandsnaam
    versie.vastgesteld_door, versie.vastgesteld_op = door, timezone.now()
    try:
        with transaction.atomic():
            overgang(
                versie,
                VersieStatus.VASTGESTELD,
                door=door,
                velden=("sha256", "bestand", "bestandsnaam", "vastgesteld_door", "vastgesteld_op"),
            )
    except IntegrityError:
        raise KwaliteitFout(_("Another version of this report has just been adopted."))
    return versie


@transaction.atomic
def rapportversie_intrekken(*, versie: RapportVersie, door, reden: str) -> RapportVersie:
    """Adopted -> withdrawn (the DB), with a reason. Publications of it stay until withdrawn themselves."""
    if not _mag(door, versie.rapport.soort, "vaststellen"):
        raise PermissionDenied
    if not reden.strip():
        raise KwaliteitFout(_("Give a reason for withdrawing the version."))
    return overgang(
        versie,
        VersieStatus.INGETROKKEN,
        van={VersieStatus.VASTGESTELD},
        door=door,
        reden=reden,
        bericht=_("Only an adopted version can be withdrawn."),
        fout=KwaliteitOngeldigeOvergang,
    )
