"""School transfers: the recorded move of a pupil (and the dossier) from one school to another."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.querysets_dossier import OverstapQuerySet


class Overstap(models.Model):
    """A recorded school transfer. Only after it do the new school's staff see the dossier; the old
    school reads what it wrote until ``leesrecht_tot`` (``None``: not at all), see ``leerlingen.conf``."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.PROTECT, related_name="overstappen")
    van_school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("from school")
    )
    naar_school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("to school")
    )
    datum = models.DateField(_("transfer date"))
    groep = models.PositiveSmallIntegerField(_("group at the new school"), null=True, blank=True)
    leesrecht_tot = models.DateField(_("old school may read until"), null=True, blank=True)
    toelichting = models.TextField(_("explanation"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    vastgelegd_op = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = OverstapQuerySet.as_manager()

    class Meta:
        verbose_name = _("school transfer")
        verbose_name_plural = _("school transfers")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(van_school=F("naar_school")), name="overstap_andere_school"),
            models.CheckConstraint(
                condition=Q(leesrecht_tot__isnull=True) | Q(leesrecht_tot__gte=F("datum")),
                name="overstap_leesrecht_na_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.van_school_id} -> {self.naar_school_id} {self.datum}"
