"""The risicolijst: pupils at risk of thuiszitten, marked by consulenten and compiled per round
into a frozen snapshot (seed 001: May, August, November, January)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.querysets_thuiszitters import (
    RisicolijstregelQuerySet,
    RisicolijstrondeQuerySet,
    RisicosignaleringQuerySet,
)


class Risicosignalering(models.Model):
    """A consulent's mark that a pupil is at risk (reason and agreed action), from ``sinds`` until
    ended. At most one open mark per pupil; "on the list on date X" uses the one active-on-date rule."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="risicosignaleringen", verbose_name=_("pupil")
    )
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="risicosignaleringen", verbose_name=_("school")
    )
    reden = models.TextField(_("reason"))
    afgesproken_actie = models.TextField(_("agreed action"))
    sinds = models.DateField(_("at risk since"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    beeindigd_reden = models.TextField(_("reason for ending"), blank=True)
    gesignaleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("marked by")
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = RisicosignaleringQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk mark")
        verbose_name_plural = _("risk marks")
        ordering = ["-sinds", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("sinds")), name="risico_einde_niet_voor_begin"
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True, beeindigd_reden="")
                | (Q(einddatum__isnull=False) & ~Q(beeindigd_reden="")),
                name="risico_einde_met_reden",
            ),
            models.UniqueConstraint(
                fields=["leerling"], condition=Q(einddatum__isnull=True), name="risico_een_open_per_leerling"
            ),
        ]
        indexes = [models.Index(fields=["school", "einddatum"]), models.Index(fields=["sinds", "einddatum"])]

    def __str__(self) -> str:
        return f"{self.leerling_id} {self.sinds:%d-%m-%Y}"


class Risicolijstronde(models.Model):
    """One compiled round of the risicolijst (year + month), frozen when compiled, with its
    comparison to the previous round stored on the rows (new / still / off)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"))
    maand = models.PositiveSmallIntegerField(_("month"))
    peildatum = models.DateField(_("reference date"))
    vorige = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("previous round")
    )
    samengesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("compiled by")
    )
    samengesteld_op = models.DateTimeField(_("compiled at"), auto_now_add=True)
    aantal_op_lijst = models.PositiveIntegerField(_("on the list"), default=0)
    aantal_nieuw = models.PositiveIntegerField(_("new"), default=0)
    aantal_nog = models.PositiveIntegerField(_("still on the list"), default=0)
    aantal_af = models.PositiveIntegerField(_("off the list"), default=0)
    history = HistoricalRecords()

    objects = RisicolijstrondeQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk list round")
        verbose_name_plural = _("risk list rounds")
        ordering = ["-jaar", "-maand"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "maand"], name="risicolijstronde_uniek_per_maand"),
            models.CheckConstraint(condition=Q(maand__gte=1, maand__lte=12), name="risicolijstronde_maand_1_tot_12"),
            models.CheckConstraint(
                condition=Q(aantal_op_lijst=F("aantal_nieuw") + F("aantal_nog")),
                name="risicolijstronde_aantallen_kloppen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.maand:02d}-{self.jaar}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("leerlingen:ronde_detail", args=[self.uuid])


class Risicolijstregel(models.Model):
    """A frozen row of a round: what was on the list then (reason, action, school), never updated."""

    class Vergelijking(models.TextChoices):
        NIEUW = "nieuw", _("new")
        NOG = "nog", _("still on the list")
        AF = "af", _("off the list")

    ronde = models.ForeignKey(Risicolijstronde, on_delete=models.CASCADE, related_name="regels")
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="+", verbose_name=_("pupil")
    )
    signalering = models.ForeignKey(
        Risicosignalering, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    school_naam = models.CharField(_("school"), max_length=200)
    reden = models.TextField(_("reason"), blank=True)
    afgesproken_actie = models.TextField(_("agreed action"), blank=True)
    sinds = models.DateField(_("at risk since"), null=True, blank=True)
    thuiszitter = models.BooleanField(_("active thuiszitter case"), default=False)
    vergelijking = models.CharField(_("compared with the previous round"), max_length=10, choices=Vergelijking.choices)
    history = HistoricalRecords()

    objects = RisicolijstregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("risk list row")
        verbose_name_plural = _("risk list rows")
        ordering = ["ronde", "school_naam", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ronde", "leerling"], name="risicolijstregel_leerling_eenmaal_per_ronde"),
            models.CheckConstraint(
                condition=Q(vergelijking__in=["nieuw", "nog", "af"]), name="risicolijstregel_vergelijking_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ronde_id} {self.leerling_id} {self.vergelijking}"
