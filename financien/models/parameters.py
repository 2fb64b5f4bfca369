"""Funding parameters and allocation keys per calendar year, versioned (FINANCE.md)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from financien.choices import ParametersStatus, SboRegel
from financien.querysets import FinancienQuerySet, JaarparametersQuerySet

BEDRAG: dict[str, Any] = {"max_digits": 12, "decimal_places": 2}
PERCENTAGE: dict[str, Any] = {"max_digits": 5, "decimal_places": 2}


def _bedrag(label, **kwargs):
    return models.DecimalField(label, default=Decimal("0.00"), **BEDRAG, **kwargs)


class Jaarparameters(models.Model):
    """The funding parameters and the SWV's own allocation keys of one calendar year.

    Rates, deductions, the SBO rule and the reserve thresholds change yearly and differ per SWV, so
    they are data. Exactly one version per year is current. Once a final T-rapportage of the year
    exists the current version is frozen: a change then creates version n + 1 (with a reason) and
    the old version stays as it was, referenced by the final report (``services.parameters``).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"))
    versie = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=ParametersStatus.choices, default=ParametersStatus.ACTUEEL
    )
    teldatum = models.DateField(
        _("count date used for funding"),
        help_text=_(
            "Since 2023 DUO counts on 1 February of the previous year (before: 1 October). "
            "The count of this date is used, or the latest count before it."
        ),
    )
    prognose_groei = models.DecimalField(
        _("forecast growth of pupil numbers (percent per year)"),
        default=Decimal("-1.00"),
        **PERCENTAGE,
        help_text=_(
            "Applied when the latest count is older than the count date (Leiden 2014: minus 1 percent a year)."
        ),
    )
    tarief_lichte_personeel = _bedrag(_("light support, personnel: rate per regular-school pupil"))
    tarief_lichte_materieel = _bedrag(_("light support, material: rate per regular-school pupil"))
    tarief_zware = _bedrag(_("heavy support: rate per pupil (BO + SBO)"))
    verevening = _bedrag(
        _("equalisation correction (verevening)"),
        help_text=_("Added to the heavy-support budget; negative for a deduction (Leiden 2015: -892,744)."),
    )
    so_tarief_laag = _bedrag(_("SO deduction per TLV, category low"))
    so_tarief_midden = _bedrag(_("SO deduction per TLV, category medium"))
    so_tarief_hoog = _bedrag(_("SO deduction per TLV, category high"))
    sbo_regel = models.CharField(_("SBO rule"), max_length=10, choices=SboRegel.choices, default=SboRegel.PER_TLV)
    sbo_drempel_percentage = models.DecimalField(
        _("SBO threshold (percentage of pupils)"),
        default=Decimal("2.00"),
        **PERCENTAGE,
        help_text=_("Only for the threshold rule: participation above this share is deducted."),
    )
    sbo_tarief = _bedrag(_("SBO deduction per pupil"))
    basisbedrag_per_school = _bedrag(_("base amount per school"))
    bedrag_per_leerling = _bedrag(_("amount per pupil"))
    toewijzing_ook_sbo = models.BooleanField(
        _("SBO schools receive the allocation too"),
        default=False,
        help_text=_("Leiden 2014: only regular schools (100 per pupil)."),
    )
    signaleringswaarde_percentage = models.DecimalField(
        _("signalling value of the reserve (percentage of total income)"), default=Decimal("3.50"), **PERCENTAGE
    )
    minimum_reserve_percentage = models.DecimalField(
        _("minimum reserve (percentage of total income)"), default=Decimal("3.00"), **PERCENTAGE
    )
    reden = models.TextField(_("reason for this version"), blank=True)
    revisie = models.PositiveIntegerField(default=0, editable=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("changed"), auto_now=True)
    history = HistoricalRecords()

    objects = JaarparametersQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly parameters")
        verbose_name_plural = _("yearly parameters")
        ordering = ["-jaar", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "versie"], name="jaarparameters_versie_uniek"),
            models.UniqueConstraint(fields=["jaar"], condition=Q(status="actueel"), name="jaarparameters_een_actueel"),
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="jaarparameters_jaar_bereik"),
            models.CheckConstraint(condition=Q(versie__gte=1), name="jaarparameters_versie_positief"),
            models.CheckConstraint(
                condition=Q(
                    tarief_lichte_personeel__gte=0,
                    tarief_lichte_materieel__gte=0,
                    tarief_zware__gte=0,
                    so_tarief_laag__gte=0,
                    so_tarief_midden__gte=0,
                    so_tarief_hoog__gte=0,
                    sbo_tarief__gte=0,
                    basisbedrag_per_school__gte=0,
                    bedrag_per_leerling__gte=0,
                ),
                name="jaarparameters_tarieven_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(
                    sbo_drempel_percentage__gte=0,
                    sbo_drempel_percentage__lte=100,
                    signaleringswaarde_percentage__gte=0,
                    signaleringswaarde_percentage__lte=100,
                    minimum_reserve_percentage__gte=0,
                    prognose_groei__gt=-100,
                    prognose_groei__lt=100,
                ),
                name="jaarparameters_percentages_bereik",
            ),
            models.CheckConstraint(
                condition=Q(minimum_reserve_percentage__lte=F("signaleringswaarde_percentage")),
                name="jaarparameters_minimum_onder_signaleringswaarde",
                violation_error_message=_("The minimum reserve cannot be higher than the signalling value."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jaar} v{self.versie}"

    @property
    def so_tarieven(self) -> dict[str, Decimal]:
        return {"laag": self.so_tarief_laag, "midden": self.so_tarief_midden, "hoog": self.so_tarief_hoog}


class Arrangementenbudget(models.Model):
    """The arrangement budget the SWV sets aside for one school or one kring in a year's parameters."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    parameters = models.ForeignKey(Jaarparameters, on_delete=models.CASCADE, related_name="arrangementenbudgetten")
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("school")
    )
    kring = models.ForeignKey(
        "swv.Kring",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cluster (kring)"),
    )
    bedrag = models.DecimalField(_("amount"), **BEDRAG)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement budget")
        verbose_name_plural = _("arrangement budgets")
        constraints = [
            models.CheckConstraint(
                condition=(Q(school__isnull=False) & Q(kring__isnull=True))
                | (Q(school__isnull=True) & Q(kring__isnull=False)),
                name="arrangementenbudget_school_of_kring",
            ),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="arrangementenbudget_bedrag_niet_negatief"),
            models.UniqueConstraint(
                fields=["parameters", "school"],
                condition=Q(school__isnull=False),
                name="arrangementenbudget_school_uniek",
            ),
            models.UniqueConstraint(
                fields=["parameters", "kring"], condition=Q(kring__isnull=False), name="arrangementenbudget_kring_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school or self.kring}: {self.bedrag}"
