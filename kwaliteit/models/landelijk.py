"""National pupil totals per count date, to set the SWV's participation rates against (REPORTING.md)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LandelijkCijfer(models.Model):
    """The national pupil totals of one count date, and optionally the official participation rates.

    The totals are computed from DUO's historical file by ``manage.py landelijke_cijfers_importeren``
    (BO, SBO, and SO including SO/VSO vestigingen, as the SWV's own figures are). Where the SWV
    prefers the published national rates (DUO/Kijkglazen) it enters them per year; an entered rate
    wins over the computed one and an import never overwrites it.
    """

    class Bron(models.TextChoices):
        DUO = "duo", _("computed from DUO's historical file")
        HANDMATIG = "handmatig", _("entered by hand")

    teldatum = models.DateField(_("count date"), unique=True)
    leerlingen_bo = models.PositiveIntegerField(_("pupils BO"), null=True, blank=True)
    leerlingen_sbo = models.PositiveIntegerField(_("pupils SBO"), null=True, blank=True)
    leerlingen_so = models.PositiveIntegerField(_("pupils SO"), null=True, blank=True)
    deelname_sbo = models.DecimalField(
        _("national participation rate SBO (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to use the rate computed from the totals."),
    )
    deelname_so = models.DecimalField(
        _("national participation rate SO (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to use the rate computed from the totals."),
    )
    bron = models.CharField(_("source"), max_length=20, choices=Bron.choices, default=Bron.HANDMATIG)
    opmerking = models.CharField(_("remark"), max_length=300, blank=True)
    bijgewerkt = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("national figure")
        verbose_name_plural = _("national figures")
        ordering = ["-teldatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deelname_sbo__isnull=True) | Q(deelname_sbo__gte=0, deelname_sbo__lte=100),
                name="landelijk_deelname_sbo_percentage",
            ),
            models.CheckConstraint(
                condition=Q(deelname_so__isnull=True) | Q(deelname_so__gte=0, deelname_so__lte=100),
                name="landelijk_deelname_so_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.teldatum:%Y-%m-%d}"

    @property
    def totaal(self) -> int | None:
        delen = [self.leerlingen_bo, self.leerlingen_sbo, self.leerlingen_so]
        return None if any(d is None for d in delen) else sum(d or 0 for d in delen)

    def _berekend(self, teller: int | None) -> Decimal | None:
        totaal = self.totaal
        if teller is None or not totaal:
            return None
        return (Decimal(teller) * 100 / Decimal(totaal)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def percentage_sbo(self) -> Decimal | None:
        return self.deelname_sbo if self.deelname_sbo is not None else self._berekend(self.leerlingen_sbo)

    @property
    def percentage_so(self) -> Decimal | None:
        return self.deelname_so if self.deelname_so is not None else self._berekend(self.leerlingen_so)


class SwvCijfer(models.Model):
    """The pupil totals of one PO samenwerkingsverband (any of the 76, this one too) at one count
    date, computed from DUO's public files by ``manage.py landelijke_cijfers_importeren``: the
    vestigingen of DUO's historical file are assigned to an SWV by the regio-indeling (address PC4,
    else a gemeente that lies in one SWV). Aggregates only: no pupil of another SWV exists here.

    This counts pupils where they go to school, not where they live, as DUO's own participation
    rates do; for an SWV with a regional SO school the two differ (docs/kwaliteit.md)."""

    swv_code = models.CharField(_("SWV code"), max_length=6)
    teldatum = models.DateField(_("count date"))
    leerlingen_bo = models.PositiveIntegerField(_("pupils BO"))
    leerlingen_sbo = models.PositiveIntegerField(_("pupils SBO"))
    leerlingen_so = models.PositiveIntegerField(_("pupils SO"))
    vestigingen = models.PositiveIntegerField(_("locations with pupils"))
    bijgewerkt = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("SWV figure")
        verbose_name_plural = _("SWV figures")
        ordering = ["teldatum", "swv_code"]
        constraints = [
            models.UniqueConstraint(fields=["swv_code", "teldatum"], name="swv_cijfer_uniek_per_teldatum"),
            models.CheckConstraint(condition=Q(swv_code__regex=r"^PO[0-9]{4}$"), name="swv_cijfer_po_code"),
        ]

    def __str__(self) -> str:
        return f"{self.swv_code} {self.teldatum:%Y-%m-%d}"

    @property
    def totaal(self) -> int:
        return self.leerlingen_bo + self.leerlingen_sbo + self.leerlingen_so
