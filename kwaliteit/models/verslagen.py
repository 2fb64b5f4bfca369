"""Reports generated as PDF by a background job, with versions: concept -> vastgesteld."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kwaliteit.choices import RapportSoort, VersieStatus
from kwaliteit.querysets import RapportQuerySet, RapportVersieQuerySet
from swv.storage import private_storage


class Rapport(models.Model):
    """A report of one kind for one year (the jaarverslag 2025, the TLC annual report 2025, ...).

    For the jaarverslag and the jaarplan the year is a calendar year; the TLC and AC annual reports
    cover the school year that starts in August of that year.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("kind"), max_length=30, choices=RapportSoort.choices)
    jaar = models.PositiveSmallIntegerField(_("year"))
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = RapportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-jaar", "soort"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "jaar"], name="rapport_uniek_per_soort_en_jaar"),
            models.CheckConstraint(condition=Q(soort__in=RapportSoort.values), name="rapport_soort_geldig"),
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="rapport_jaar_redelijk"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.periode}"

    @property
    def periode(self) -> str:
        if self.soort in (RapportSoort.TLC_JAARVERSLAG, RapportSoort.AC_JAARVERSLAG):
            return f"{self.jaar}-{self.jaar + 1}"
        return str(self.jaar)


class RapportVersie(models.Model):
    """One generated version of a report. The job (``swv.Taak``) builds the PDF; adopting the
    version (``vastgesteld``) freezes a copy of that exact file with its sha256 here.

    At most one version of a report is adopted at a time; a withdrawn version stays as history.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rapport = models.ForeignKey(Rapport, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=VersieStatus.choices, default=VersieStatus.CONCEPT)
    taak = models.OneToOneField("swv.Taak", on_delete=models.PROTECT, related_name="rapportversie")
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    bestand = models.FileField(_("adopted file"), storage=private_storage, upload_to="verslagen/%Y/", blank=True)
    bestandsnaam = models.CharField(_("file name"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgesteld_op = models.DateTimeField(_("adopted on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = RapportVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["rapport", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["rapport", "nummer"], name="rapportversie_nummer_uniek"),
            models.UniqueConstraint(
                fields=["rapport"], condition=Q(status=VersieStatus.VASTGESTELD), name="rapportversie_een_vastgesteld"
            ),
            models.CheckConstraint(condition=Q(status__in=VersieStatus.values), name="rapportversie_status_geldig"),
            models.CheckConstraint(
                condition=Q(status=VersieStatus.CONCEPT) | (~Q(sha256="") & Q(vastgesteld_op__isnull=False)),
                name="rapportversie_vastgesteld_heeft_bestand",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rapport} v{self.nummer}"
