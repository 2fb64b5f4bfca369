"""The arrangement budget (FINANCE.md: "beschikbaar voor arrangementen") and realised costs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrangementen.choices import Realisatiebron
from arrangementen.querysets import BudgetQuerySet, RealisatieQuerySet


class Arrangementbudget(models.Model):
    """The amount available for arrangements in one calendar year: for one school, for one kring
    (shared by its schools), or for the whole SWV (neither school nor kring).

    What is committed and realised is derived from the decisions and ``Realisatie`` rows, never
    stored here; a request that would exceed the budget is flagged to the assessor, not blocked.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"))
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
    bedrag = models.DecimalField(_("amount available"), max_digits=12, decimal_places=2)
    toelichting = models.TextField(_("explanation"), blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    gewijzigd_op = models.DateTimeField(_("last changed"), default=timezone.now)
    history = HistoricalRecords()

    objects = BudgetQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement budget")
        verbose_name_plural = _("arrangement budgets")
        ordering = ["-jaar", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="budget_niet_negatief"),
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="budget_jaar_redelijk"),
            models.CheckConstraint(
                condition=Q(school__isnull=True) | Q(kring__isnull=True), name="budget_school_of_kring"
            ),
            models.UniqueConstraint(
                fields=["jaar", "school"], condition=Q(school__isnull=False), name="budget_uniek_school"
            ),
            models.UniqueConstraint(
                fields=["jaar", "kring"], condition=Q(kring__isnull=False), name="budget_uniek_kring"
            ),
            models.UniqueConstraint(
                fields=["jaar"], condition=Q(school__isnull=True, kring__isnull=True), name="budget_uniek_swv"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jaar} {self.school or self.kring or _('whole SWV')}"


class Verplichting(models.Model):
    """The part of a granted amount that falls in one calendar year (the commitment on the budget),
    written with the decision: the amount spread over the years of the granted period in proportion
    to the days (``arrangementen.budget.jaarverdeling``). Stored so that budget pages add up
    commitments in the database whatever the number of arrangements. It counts only while its
    request is in a committing state (granted, running, evaluated, closed), so a withdrawal releases
    it without deleting what was once committed."""

    aanvraag = models.ForeignKey("arrangementen.Aanvraag", on_delete=models.CASCADE, related_name="verplichtingen")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    jaar = models.PositiveSmallIntegerField(_("year"))
    bedrag = models.DecimalField(_("committed amount"), max_digits=12, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["aanvraag", "jaar"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="verplichting_niet_negatief"),
            models.UniqueConstraint(fields=["aanvraag", "jaar"], name="verplichting_uniek_per_jaar"),
        ]
        indexes = [models.Index(fields=["jaar", "school"])]

    def __str__(self) -> str:
        return f"{self.aanvraag_id} {self.jaar}: {self.bedrag}"


class Realisatie(models.Model):
    """The realised cost of one arrangement in one calendar year, entered or imported by the
    controller (from the accounting system's export). One row per arrangement and year."""

    #: Points to a request but shows only its number and an amount: reaching it is no reason for
    #: TOTP (``swv.leerlinggegevens.rollen_met_leerlingtoegang``); admin still leaves it out.
    toont_geen_leerling = True

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.ForeignKey("arrangementen.Aanvraag", on_delete=models.PROTECT, related_name="realisaties")
    jaar = models.PositiveSmallIntegerField(_("year"))
    bedrag = models.DecimalField(_("realised amount"), max_digits=12, decimal_places=2)
    bron = models.CharField(
        _("source"), max_length=20, choices=Realisatiebron.choices, default=Realisatiebron.INGEVOERD
    )
    omschrijving = models.CharField(_("description"), max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    vastgelegd_op = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = RealisatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("realised cost")
        verbose_name_plural = _("realised costs")
        ordering = ["-jaar", "aanvraag"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="realisatie_niet_negatief"),
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="realisatie_jaar_redelijk"),
            models.UniqueConstraint(fields=["aanvraag", "jaar"], name="realisatie_uniek_per_jaar"),
        ]
        indexes = [models.Index(fields=["jaar"])]

    def __str__(self) -> str:
        return f"{self.aanvraag_id} {self.jaar}: {self.bedrag}"
