"""The jaarplan (seed 003): ambitie -> doel (code) -> indicator -> acties (door wie, budget) ->
status per evaluation moment with a reflection; goals map onto inspection standards and OSP themes."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kwaliteit.choices import EvaluatieStatus, JaarplanStatus, Richting
from kwaliteit.querysets import JaarplanOnderdeelQuerySet, JaarplanQuerySet


class Inspectiestandaard(models.Model):
    """A standard of the inspection framework for SWVs: RPO1-3 and BKA1-3 (seed 001, GLOSSARY)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection standard")
        verbose_name_plural = _("inspection standards")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class OspThema(models.Model):
    """A theme of the ondersteuningsplan (OSP) that goals contribute to; editable by the SWV."""

    naam = models.CharField(_("name"), max_length=200, unique=True)
    actief = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support plan theme")
        verbose_name_plural = _("support plan themes")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Jaarplan(models.Model):
    """The SWV's plan for one calendar year; drafted by the beleidsmedewerker, adopted by the DB.

    Its structure (ambitions, goals, actions) can only change while it is a draft; evaluations are
    recorded during the year whatever the status.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"), unique=True)
    titel = models.CharField(_("title"), max_length=200)
    inleiding = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=JaarplanStatus.choices, default=JaarplanStatus.CONCEPT
    )
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = JaarplanQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        ordering = ["-jaar"]
        constraints = [
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="jaarplan_jaar_redelijk"),
            models.CheckConstraint(condition=Q(status__in=JaarplanStatus.values), name="jaarplan_status_geldig"),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_concept(self) -> bool:
        return self.status == JaarplanStatus.CONCEPT


class Evaluatiemoment(models.Model):
    """A moment at which every goal of the plan gets a status and reflection (June, October)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaarplan = models.ForeignKey(Jaarplan, on_delete=models.CASCADE, related_name="evaluatiemomenten")
    naam = models.CharField(_("name"), max_length=100)
    datum = models.DateField(_("date"))
    history = HistoricalRecords()

    objects = JaarplanOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation moment")
        verbose_name_plural = _("evaluation moments")
        ordering = ["jaarplan", "datum"]
        constraints = [models.UniqueConstraint(fields=["jaarplan", "datum"], name="evaluatiemoment_uniek")]

    def __str__(self) -> str:
        return self.naam


class Ambitie(models.Model):
    """An ambition of the plan (seed 003: "Hoorrecht kind", "Inclusief en passend onderwijs", ...)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaarplan = models.ForeignKey(Jaarplan, on_delete=models.CASCADE, related_name="ambities")
    nummer = models.PositiveSmallIntegerField(_("number"))
    titel = models.CharField(_("title"), max_length=300)
    omschrijving = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    objects = JaarplanOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("ambition")
        verbose_name_plural = _("ambitions")
        ordering = ["jaarplan", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["jaarplan", "nummer"], name="ambitie_nummer_uniek"),
            models.CheckConstraint(condition=Q(nummer__gte=1), name="ambitie_nummer_positief"),
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"


class Doel(models.Model):
    """A goal with a code (``2a``), a measurable intended result and an indicator.

    The indicator has a target direction and optionally a baseline and target value; it may take
    its live value from a key figure of the dashboard (``kengetal`` = ``"<key figure>:<value>"``).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The plan is stored on the goal too, so that the database keeps codes unique per plan.
    jaarplan = models.ForeignKey(Jaarplan, on_delete=models.CASCADE, related_name="doelen")
    ambitie = models.ForeignKey(Ambitie, on_delete=models.CASCADE, related_name="doelen")
    code = models.CharField(_("code"), max_length=10, help_text=_("For example 2a."))
    titel = models.CharField(_("goal"), max_length=300)
    beoogd_resultaat = models.TextField(_("intended (measurable) result"))
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    richting = models.CharField(_("target direction"), max_length=20, choices=Richting.choices, blank=True)
    nulmeting = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    streefwaarde = models.DecimalField(_("target value"), max_digits=12, decimal_places=2, null=True, blank=True)
    kengetal = models.CharField(
        _("live value from key figure"),
        max_length=100,
        blank=True,
        help_text=_("The portal computes the indicator's current value from this key figure."),
    )
    inspectiestandaarden = models.ManyToManyField(
        Inspectiestandaard, blank=True, related_name="doelen", verbose_name=_("inspection standards")
    )
    osp_themas = models.ManyToManyField(
        OspThema, blank=True, related_name="doelen", verbose_name=_("support plan themes")
    )
    versie = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[inspectiestandaarden, osp_themas])

    objects = JaarplanOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["ambitie__nummer", "code"]
        constraints = [
            models.UniqueConstraint(fields=["jaarplan", "code"], name="doel_code_uniek_per_jaarplan"),
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{1,2}[a-z]?$"), name="doel_code_formaat"),
            models.CheckConstraint(
                condition=Q(richting="") | Q(richting__in=Richting.values), name="doel_richting_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.titel}"


class Actie(models.Model):
    """An action (werkwijze) of a goal: what is done, by whom, with which budget."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="acties")
    omschrijving = models.TextField(_("action"))
    door_wie = models.CharField(_("by whom"), max_length=300)
    budget = models.DecimalField(_("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    objects = JaarplanOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["doel", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="actie_budget_niet_negatief"
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving[:60]


class DoelEvaluatie(models.Model):
    """A goal's status and reflection at one evaluation moment, with the indicator value then."""

    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="evaluaties")
    moment = models.ForeignKey(Evaluatiemoment, on_delete=models.CASCADE, related_name="evaluaties")
    status = models.CharField(_("status"), max_length=20, choices=EvaluatieStatus.choices)
    reflectie = models.TextField(_("reflection"))
    gemeten_waarde = models.DecimalField(_("measured value"), max_digits=12, decimal_places=2, null=True, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    bijgewerkt = models.DateTimeField(_("updated"), auto_now=True)
    versie = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = JaarplanOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal evaluation")
        verbose_name_plural = _("goal evaluations")
        ordering = ["moment__datum", "doel"]
        constraints = [
            models.UniqueConstraint(fields=["doel", "moment"], name="evaluatie_een_per_doel_en_moment"),
            models.CheckConstraint(condition=Q(status__in=EvaluatieStatus.values), name="evaluatie_status_geldig"),
            models.CheckConstraint(condition=~Q(reflectie=""), name="evaluatie_reflectie_verplicht"),
        ]

    def __str__(self) -> str:
        return f"{self.doel.code} @ {self.moment}: {self.get_status_display()}"
