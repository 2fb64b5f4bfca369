"""The SWV's catalogue of arrangement types (seed 004: onderwijs / onderwijs-jeugdhulp; seed 001:
Leiden's regional arrangements run by a provider with their own intake and capacity)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrangementen import conf
from arrangementen.choices import Beoordelaar, Categorie, TariefEenheid
from arrangementen.querysets import ArrangementtypeQuerySet


class Arrangementtype(models.Model):
    """One kind of arrangement a school can request: what it is, who provides it, what it costs.

    ``tarief`` with ``tarief_eenheid`` prices a request (or the school adds an itemised budget);
    the default funding split (``aandeel_school_pct``, ``aandeel_gemeente_pct``; the SWV pays the
    rest) fits onderwijs-jeugdhulp. ``beoordelaar`` and ``directeur_instemming`` left empty follow
    ``arrangementen.conf``. Regional arrangements have a provider, a capacity and an intake.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("name"), max_length=120)
    categorie = models.CharField(_("category"), max_length=30, choices=Categorie.choices)
    omschrijving = models.TextField(_("description"), blank=True)
    aanbieder = models.CharField(_("provider"), max_length=200, blank=True)
    capaciteit = models.PositiveIntegerField(
        _("capacity (places)"), null=True, blank=True, help_text=_("Empty: no limit on the number of places.")
    )
    intake = models.TextField(_("intake procedure"), blank=True)
    tarief = models.DecimalField(_("tariff"), max_digits=12, decimal_places=2, null=True, blank=True)
    tarief_eenheid = models.CharField(_("tariff unit"), max_length=20, choices=TariefEenheid.choices, blank=True)
    aandeel_school_pct = models.DecimalField(
        _("school's share (%)"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    aandeel_gemeente_pct = models.DecimalField(
        _("municipality's share (%)"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    beoordelaar = models.CharField(
        _("assessed by"),
        max_length=20,
        choices=Beoordelaar.choices,
        blank=True,
        help_text=_("Empty: the partnership's default setting."),
    )
    directeur_instemming = models.BooleanField(
        _("school head must agree before submission"),
        null=True,
        blank=True,
        help_text=_("Empty: the partnership's default setting."),
    )
    actief = models.BooleanField(_("available for new requests"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("order"), default=50)
    history = HistoricalRecords()

    objects = ArrangementtypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement type")
        verbose_name_plural = _("arrangement types")
        ordering = ["volgorde", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tarief__isnull=True) | Q(tarief__gte=0), name="arrtype_tarief_niet_negatief"
            ),
            models.CheckConstraint(
                condition=Q(tarief__isnull=True) | ~Q(tarief_eenheid=""), name="arrtype_tarief_met_eenheid"
            ),
            models.CheckConstraint(
                condition=Q(aandeel_school_pct__gte=0, aandeel_gemeente_pct__gte=0)
                & Q(aandeel_school_pct__lte=100, aandeel_gemeente_pct__lte=100),
                name="arrtype_aandelen_0_100",
            ),
            models.CheckConstraint(
                condition=Q(aandeel_school_pct__lte=Decimal("100") - F("aandeel_gemeente_pct")),
                name="arrtype_aandelen_samen_max_100",
            ),
            models.CheckConstraint(
                condition=Q(capaciteit__isnull=True) | Q(capaciteit__gt=0), name="arrtype_capaciteit_positief"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def effectieve_beoordelaar(self) -> str:
        return self.beoordelaar or conf.standaard_beoordelaar()

    @property
    def effectieve_beoordelaar_label(self) -> str:
        return str(Beoordelaar(self.effectieve_beoordelaar).label)

    @property
    def instemming_vereist(self) -> bool:
        return conf.directeur_instemming_vereist() if self.directeur_instemming is None else self.directeur_instemming

    @property
    def aandeel_swv_pct(self) -> Decimal:
        return Decimal("100") - self.aandeel_school_pct - self.aandeel_gemeente_pct
