"""Budget lines, the budget per year (begroting / meerjarenbegroting) and policy themes."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from financien.choices import Blok, Grondslag
from financien.models.parameters import BEDRAG
from financien.querysets import FinancienQuerySet


class Beleidsthema(models.Model):
    """A policy theme a budget line can be linked to (Haaglanden budgets by theme)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy theme")
        verbose_name_plural = _("policy themes")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Begrotingspost(models.Model):
    """A budget line, grouped in one of seed 002's blocks; the same line runs through all years.

    A line with a ``grondslag`` other than "by hand" can have its budget computed from the year's
    parameters (at most one line per computed basis, so the arithmetic lands in one place).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("code"), max_length=20, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    blok = models.CharField(_("block"), max_length=30, choices=Blok.choices)
    grondslag = models.CharField(_("basis"), max_length=30, choices=Grondslag.choices, default=Grondslag.HANDMATIG)
    beleidsthema = models.ForeignKey(
        Beleidsthema,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posten",
        verbose_name=_("policy theme"),
    )
    volgorde = models.PositiveIntegerField(_("order"), default=0)
    actief = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["volgorde", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(blok__in=Blok.values), name="begrotingspost_blok_geldig"),
            models.UniqueConstraint(
                fields=["grondslag"], condition=~Q(grondslag="handmatig"), name="begrotingspost_grondslag_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"

    @property
    def is_baten(self) -> bool:
        return self.blok == Blok.BATEN


class Begroting(models.Model):
    """The budget of one calendar year: an amount per budget line, and the reserve it starts from.

    Several years side by side form the meerjarenbegroting. ``reserve_begin`` is the general reserve
    on 1 January; left empty, the reserve carries over from the previous year's end position.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"), unique=True)
    reserve_begin = models.DecimalField(
        _("general reserve on 1 January"),
        null=True,
        blank=True,
        **BEDRAG,
        help_text=_("Leave empty to carry over the previous year's end position."),
    )
    toelichting = models.TextField(_("notes"), blank=True)
    revisie = models.PositiveIntegerField(default=0, editable=False)
    gewijzigd = models.DateTimeField(_("changed"), auto_now=True)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["jaar"]
        constraints = [
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="begroting_jaar_bereik")
        ]

    def __str__(self) -> str:
        return str(self.jaar)


class Begrotingsbedrag(models.Model):
    """The budget of one line in one year. Amounts carry the sign of their block's nature: a
    correction such as a negative verevening is negative, so the amount is not constrained >= 0."""

    begroting = models.ForeignKey(Begroting, on_delete=models.CASCADE, related_name="bedragen")
    post = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="bedragen")
    bedrag = models.DecimalField(_("amount"), **BEDRAG)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget amount")
        verbose_name_plural = _("budget amounts")
        constraints = [models.UniqueConstraint(fields=["begroting", "post"], name="begrotingsbedrag_uniek")]

    def __str__(self) -> str:
        return f"{self.begroting.jaar} {self.post.code}: {self.bedrag}"
