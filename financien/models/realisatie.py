"""Actuals (realisatie): the mapping of ledger accounts to budget lines and monthly imports."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from financien.choices import ImportStatus
from financien.models.begroting import Begrotingspost
from financien.models.parameters import BEDRAG
from financien.querysets import FinancienQuerySet, RealisatieImportQuerySet


class Rekeningkoppeling(models.Model):
    """Maps a ledger account of the accounting system to the budget line its bookings belong to."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    rekening = models.CharField(_("ledger account"), max_length=30, unique=True)
    omschrijving = models.CharField(_("description"), max_length=200, blank=True)
    post = models.ForeignKey(
        Begrotingspost, on_delete=models.PROTECT, related_name="rekeningen", verbose_name=_("budget line")
    )
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("account mapping")
        verbose_name_plural = _("account mappings")
        ordering = ["rekening"]
        constraints = [models.CheckConstraint(condition=~Q(rekening=""), name="rekeningkoppeling_rekening_gevuld")]

    def __str__(self) -> str:
        return f"{self.rekening} -> {self.post.code}"


class RealisatieImport(models.Model):
    """One import of actuals for one month: first a preview (parsed rows and their errors, nothing
    booked), then processed as a whole or not at all. Processing a month again replaces the earlier
    import of that month (it is kept, marked replaced), so a month never counts twice."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"))
    maand = models.PositiveSmallIntegerField(_("month"))
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.VOORBEELD)
    bestandsnaam = models.CharField(_("file name"), max_length=200)
    voorbeeld = models.JSONField(_("preview"), default=list, blank=True)
    aantal_regels = models.PositiveIntegerField(_("rows"), default=0)
    aantal_fouten = models.PositiveIntegerField(_("rows with errors"), default=0)
    totaal = models.DecimalField(_("total"), default=0, **BEDRAG)
    ingelezen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt = models.DateTimeField(_("uploaded"), auto_now_add=True)
    verwerkt_op = models.DateTimeField(_("processed"), null=True, blank=True)
    vervangen_door = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="vervangt", verbose_name=_("replaced by")
    )
    history = HistoricalRecords(excluded_fields=["voorbeeld"])

    objects = RealisatieImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("import of actuals")
        verbose_name_plural = _("imports of actuals")
        ordering = ["-jaar", "-maand", "-aangemaakt"]
        constraints = [
            models.CheckConstraint(condition=Q(maand__gte=1, maand__lte=12), name="realisatieimport_maand_bereik"),
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="realisatieimport_jaar_bereik"),
            models.UniqueConstraint(
                fields=["jaar", "maand"], condition=Q(status="verwerkt"), name="realisatieimport_een_per_maand"
            ),
            models.CheckConstraint(
                condition=~Q(status="verwerkt") | Q(aantal_fouten=0), name="realisatieimport_verwerkt_zonder_fouten"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jaar}-{self.maand:02d} ({self.get_status_display()})"


class Realisatieregel(models.Model):
    """One booking of a processed import, on the budget line its account is mapped to. Corrections
    (credit notes) are negative, so the amount is signed."""

    realisatie_import = models.ForeignKey(RealisatieImport, on_delete=models.CASCADE, related_name="regels")
    regelnummer = models.PositiveIntegerField(_("row"))
    post = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="realisatieregels")
    rekening = models.CharField(_("ledger account"), max_length=30)
    omschrijving = models.CharField(_("description"), max_length=300, blank=True)
    bedrag = models.DecimalField(_("amount"), **BEDRAG)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["realisatie_import", "regelnummer"]
        constraints = [
            models.UniqueConstraint(fields=["realisatie_import", "regelnummer"], name="realisatieregel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.rekening}: {self.bedrag}"
