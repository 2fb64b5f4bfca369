"""Innovation requests of schools and boards (seed 001, "Innovatie aanvragen scholen en besturen"):
a plan and a financial justification, possibly multi-year; TLC/AC advise, the DB decides; a grant is
committed per year against a budget line; an evaluation date with a reminder."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from financien.choices import Afwijzingsgrond, InnovatieStatus, InnovatieThema
from financien.models.begroting import Begrotingspost
from financien.models.parameters import BEDRAG
from financien.querysets import InnovatieQuerySet
from swv.models.historie import Statusovergang


class Innovatieaanvraag(models.Model):
    """One request of a school (or a board for several schools). A request is submitted only with
    a plan, a financial justification and an amount (the database refuses it otherwise)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    titel = models.CharField(_("title"), max_length=200)
    thema = models.CharField(_("theme"), max_length=20, choices=InnovatieThema.choices)
    bestuur = models.ForeignKey(
        "swv.Bestuur", on_delete=models.PROTECT, related_name="+", verbose_name=_("school board")
    )
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("school")
    )
    plan = models.TextField(_("plan"), blank=True)
    financiele_onderbouwing = models.TextField(_("financial justification"), blank=True)
    bedrag_per_jaar = models.DecimalField(_("amount requested per year"), **BEDRAG)
    startjaar = models.PositiveSmallIntegerField(_("first year"))
    looptijd_jaren = models.PositiveSmallIntegerField(_("number of years"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=InnovatieStatus.choices, default=InnovatieStatus.CONCEPT
    )
    ingediend_op = models.DateField(_("submitted on"), null=True, blank=True)
    advies = models.TextField(_("advice of the TLC/AC"), blank=True)
    besluit_op = models.DateField(_("decided on"), null=True, blank=True)
    afwijzingsgrond = models.CharField(
        _("reason for refusal"), max_length=20, choices=Afwijzingsgrond.choices, blank=True
    )
    besluit_toelichting = models.TextField(_("notes on the decision"), blank=True)
    evaluatiedatum = models.DateField(_("evaluation date"), null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    versie = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = InnovatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("innovation request")
        verbose_name_plural = _("innovation requests")
        ordering = ["-startjaar", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=InnovatieStatus.values), name="innovatie_status_geldig"),
            models.CheckConstraint(condition=Q(bedrag_per_jaar__gte=0), name="innovatie_bedrag_niet_negatief"),
            models.CheckConstraint(
                condition=Q(looptijd_jaren__gte=1, looptijd_jaren__lte=4), name="innovatie_looptijd_1_tot_4"
            ),
            models.CheckConstraint(
                condition=Q(status=InnovatieStatus.CONCEPT)
                | (~Q(plan="") & ~Q(financiele_onderbouwing="") & Q(bedrag_per_jaar__gt=0, ingediend_op__isnull=False)),
                name="innovatie_ingediend_met_plan_en_onderbouwing",
            ),
            models.CheckConstraint(
                condition=~Q(status=InnovatieStatus.TOEGEKEND)
                | Q(evaluatiedatum__isnull=False, besluit_op__isnull=False),
                name="innovatie_toegekend_met_evaluatiedatum",
            ),
            models.CheckConstraint(
                condition=~Q(status=InnovatieStatus.AFGEWEZEN) | (~Q(afwijzingsgrond="") & Q(besluit_op__isnull=False)),
                name="innovatie_afgewezen_met_grond",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("financien:innovatie", kwargs={"uuid": self.uuid})

    @property
    def jaren(self) -> list[int]:
        return list(range(self.startjaar, self.startjaar + self.looptijd_jaren))


class Innovatietoekenning(models.Model):
    """The grant of one year, committed against a budget line of that year's budget."""

    aanvraag = models.ForeignKey(Innovatieaanvraag, on_delete=models.CASCADE, related_name="toekenningen")
    jaar = models.PositiveSmallIntegerField(_("year"))
    post = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="+", verbose_name=_("budget line"))
    bedrag = models.DecimalField(_("amount"), **BEDRAG)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("innovation grant")
        verbose_name_plural = _("innovation grants")
        ordering = ["jaar"]
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "jaar"], name="innovatietoekenning_eenmaal_per_jaar"),
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="innovatietoekenning_bedrag_positief"),
        ]

    def __str__(self) -> str:
        return f"{self.jaar}: {self.bedrag}"


class InnovatieStatusovergang(Statusovergang):
    onderwerp_veld = "aanvraag"
    STATUSSEN = InnovatieStatus

    aanvraag = models.ForeignKey(Innovatieaanvraag, on_delete=models.CASCADE, related_name="statusovergangen")

    class Meta(Statusovergang.Meta):
        verbose_name = _("status change of an innovation request")
        verbose_name_plural = _("status changes of innovation requests")
