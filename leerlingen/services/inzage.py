"""Starting the inzage export of one pupil (the job itself: ``leerlingen.reports.inzage_export``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from leerlingen.inzage import mag_inzage_exporteren
from swv.models import Taak
from swv.taken import taak_starten


@transaction.atomic
def inzage_export_starten(*, leerling, door) -> Taak:
    """Queue the export of everything the portal holds about ``leerling`` (a ZIP: PDF, JSON, files).

    Only the ib-er/directeur of the pupil's current school and the DB may (else ``PermissionDenied``,
    a 404 in the view). The description names no pupil: the job list is not pupil data."""
    if not mag_inzage_exporteren(door, leerling):
        raise PermissionDenied
    return taak_starten(
        soort="leerlingen.inzage",
        omschrijving=_("Inzage export of a pupil's data"),
        aangevraagd_door=door,
        parameters={"leerling": str(leerling.uuid)},
    )
