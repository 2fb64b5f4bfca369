"""The T-rapportage: an interim financial report per period, in versions (concept -> final)."""

from __future__ import annotations

import calendar
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from financien.choices import Blok, RapportStatus
from financien.models.begroting import Begrotingspost
from financien.models.parameters import BEDRAG, Jaarparameters
from financien.querysets import FinancienQuerySet, TRapportageQuerySet
from swv.storage import private_storage


class TRapportage(models.Model):
    """One version of the T-rapportage of a period (T1/T2/T3 of a year, actuals up to a month).

    The report is a row before it is a file: the job snapshots its lines (budget, actual to date,
    forecast) and key figures, then renders the PDF. A concept can be regenerated (a new version;
    the old one is kept as superseded) and, once every line with a difference has an explanation,
    made final; the final PDF is rendered again with the explanations. A final report pins the
    parameter version it used and freezes that year's parameters.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("year"))
    t_nummer = models.PositiveSmallIntegerField(_("period number"))
    tot_en_met_maand = models.PositiveSmallIntegerField(_("actuals up to and including month"))
    versie = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=12, choices=RapportStatus.choices, default=RapportStatus.CONCEPT)
    parameters = models.ForeignKey(
        Jaarparameters, on_delete=models.PROTECT, null=True, blank=True, related_name="t_rapportages"
    )
    kengetallen = models.JSONField(_("key figures"), default=dict, blank=True)
    gegenereerd_op = models.DateTimeField(_("lines computed"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), storage=private_storage, upload_to="financien/t-rapportage/%Y/", blank=True)
    pdf_definitief = models.BooleanField(_("PDF shows the final version"), default=False)
    taak = models.ForeignKey("swv.Taak", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made final by"),
    )
    definitief_op = models.DateTimeField(_("made final on"), null=True, blank=True)
    revisie = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["kengetallen"])

    objects = TRapportageQuerySet.as_manager()

    class Meta:
        verbose_name = _("T-rapportage")
        verbose_name_plural = _("T-rapportages")
        ordering = ["-jaar", "-t_nummer", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "t_nummer", "versie"], name="trapportage_versie_uniek"),
            models.UniqueConstraint(
                fields=["jaar", "t_nummer"], condition=Q(status="definitief"), name="trapportage_een_definitief"
            ),
            models.UniqueConstraint(
                fields=["jaar", "t_nummer"], condition=Q(status="concept"), name="trapportage_een_concept"
            ),
            models.CheckConstraint(condition=Q(t_nummer__gte=1, t_nummer__lte=12), name="trapportage_t_nummer_bereik"),
            models.CheckConstraint(
                condition=Q(tot_en_met_maand__gte=1, tot_en_met_maand__lte=12), name="trapportage_maand_bereik"
            ),
            models.CheckConstraint(
                condition=~Q(status="definitief") | Q(definitief_op__isnull=False),
                name="trapportage_definitief_heeft_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} v{self.versie}"

    # The hand-over to the publication flow (docs/financien.md): title, period, date and the PDF.
    @property
    def titel(self) -> str:
        return f"T-rapportage T{self.t_nummer} {self.jaar}"

    @property
    def periode_label(self) -> str:
        maand = formats.date_format(_maand_datum(self.jaar, self.tot_en_met_maand), "F")
        return _("1 January to %(maand)s %(jaar)s") % {"maand": maand, "jaar": self.jaar}

    @property
    def periode_einde(self):
        return _maand_datum(self.jaar, self.tot_en_met_maand)

    @property
    def datum(self):
        """The date the report was made final (a concept: the date it was started)."""
        moment = self.definitief_op or self.aangemaakt
        return timezone.localdate(moment) if moment else None

    @property
    def pdf_bestandsnaam(self) -> str:
        soort = "definitief" if self.pdf_definitief else "concept"
        return f"t-rapportage-{self.jaar}-T{self.t_nummer}-v{self.versie}-{soort}.pdf"

    def pdf_openen(self):
        """The PDF as an open binary file (the caller closes it); ``None`` while there is none."""
        return self.pdf.open("rb") if self.pdf else None


def _maand_datum(jaar: int, maand: int):
    from datetime import date

    return date(jaar, maand, calendar.monthrange(jaar, maand)[1])


class TRapportageRegel(models.Model):
    """One budget line in a T-rapportage: a snapshot of budget, actual to date and forecast, with the
    controller's explanation. Totals of the report are always sums of these rows."""

    rapport = models.ForeignKey(TRapportage, on_delete=models.CASCADE, related_name="regels")
    post = models.ForeignKey(Begrotingspost, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("code"), max_length=20)
    naam = models.CharField(_("name"), max_length=200)
    blok = models.CharField(_("block"), max_length=30, choices=Blok.choices)
    volgorde = models.PositiveIntegerField(default=0)
    begroting = models.DecimalField(_("budget"), **BEDRAG)
    realisatie = models.DecimalField(_("actual to date"), **BEDRAG)
    prognose = models.DecimalField(_("forecast for the year"), **BEDRAG)
    toelichting = models.TextField(_("explanation"), blank=True)
    history = HistoricalRecords()

    objects = FinancienQuerySet.as_manager()

    class Meta:
        verbose_name = _("T-rapportage line")
        verbose_name_plural = _("T-rapportage lines")
        ordering = ["volgorde", "code"]
        constraints = [models.UniqueConstraint(fields=["rapport", "post"], name="trapportageregel_uniek")]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"

    @property
    def verschil(self):
        from financien.bekostiging import verschil

        return verschil(self.prognose, self.begroting)
