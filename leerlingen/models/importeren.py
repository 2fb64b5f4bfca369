"""Pupil imports from a school administration export: a preview first, written only when confirmed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import ImportStatus
from leerlingen.querysets_dossier import LeerlingimportQuerySet


class Leerlingimport(models.Model):
    """One uploaded CSV/XLSX file of pupils for one school with its per-row preview.

    ``voorbeeld`` -> ``bevestigd`` (rows written, once: a second confirm changes nothing) or
    ``geannuleerd``. The parsed rows (``regels``) are kept only until confirmed or cancelled; they
    are excluded from history so that BSNs do not linger there.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    bestandsnaam = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.VOORBEELD)
    regels = models.JSONField(_("rows"), default=list, blank=True)
    aantal_nieuw = models.PositiveIntegerField(_("created"), default=0)
    aantal_bijgewerkt = models.PositiveIntegerField(_("updated"), default=0)
    aantal_ongewijzigd = models.PositiveIntegerField(_("unchanged"), default=0)
    aantal_afgewezen = models.PositiveIntegerField(_("rejected"), default=0)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    aangemaakt = models.DateTimeField(_("uploaded at"), default=timezone.now)
    afgehandeld_op = models.DateTimeField(_("handled at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["regels"])

    objects = LeerlingimportQuerySet.as_manager()

    class Meta:
        verbose_name = _("pupil import")
        verbose_name_plural = _("pupil imports")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ImportStatus.VOORBEELD) | Q(afgehandeld_op__isnull=False),
                name="leerlingimport_afgehandeld_met_tijd",
            ),
        ]

    def __str__(self) -> str:
        return self.bestandsnaam
