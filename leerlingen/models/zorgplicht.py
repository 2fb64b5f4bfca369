"""Zorgplicht cases: the school board's duty to offer a fitting place after a written application
(PROCESSES.md section 5), with its legal decision term and the reminders about it."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.models.thuiszitters import StatuswijzigingBasis
from leerlingen.querysets_thuiszitters import ZorgplichtcasusQuerySet


class Zorgplichtcasus(models.Model):
    """A written application (schriftelijke aanmelding) of a pupil who may need extra support.

    From the application date the school's board holds the zorgplicht: it decides within 6 weeks
    (``termijn_datum``), once extendable by 4 weeks with a reason (``verlengd_tot``). The dates are
    computed from settings when the case is registered or extended and stored, because they are
    legal dates. States: ``aangemeld`` -> (``verlengd``) -> ``besloten``.
    """

    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("applied")
        VERLENGD = "verlengd", _("term extended")
        BESLOTEN = "besloten", _("decided")

    class Uitkomst(models.TextChoices):
        EIGEN_SCHOOL_ZONDER = "eigen_school_zonder", _("Placed at own school without arrangement")
        EIGEN_SCHOOL_MET = "eigen_school_met", _("Placed at own school with arrangement")
        ANDERE_SCHOOL = "andere_school", _("Placed at another school")
        TLV_ROUTE = "tlv_route", _("TLV route to special education")
        GEEN_ZORGPLICHT_VOL = "geen_zorgplicht_vol", _("No zorgplicht: the school is full (group 1 only)")
        GEEN_ZORGPLICHT_GRONDSLAG = (
            "geen_zorgplicht_grondslag",
            _("No zorgplicht: parents do not accept the school's identity"),
        )

    LOPENDE_STATUSSEN = (Status.AANGEMELD, Status.VERLENGD)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="zorgplichtcasussen", verbose_name=_("pupil")
    )
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="zorgplichtcasussen", verbose_name=_("school applied to")
    )
    bestuur = models.ForeignKey(
        "swv.Bestuur", on_delete=models.PROTECT, related_name="zorgplichtcasussen", verbose_name=_("school board")
    )
    aanmeldingsdatum = models.DateField(_("date of the written application"))
    ondersteuningsvraag = models.TextField(_("possible support need"), blank=True)
    termijn_datum = models.DateField(_("decision deadline"))
    verlengd_tot = models.DateField(_("extended deadline"), null=True, blank=True)
    verlenging_reden = models.TextField(_("reason for the extension"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.AANGEMELD)
    uitkomst = models.CharField(_("outcome"), max_length=30, choices=Uitkomst.choices, blank=True)
    besluitdatum = models.DateField(_("decision date"), null=True, blank=True)
    andere_school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("other school")
    )
    andere_school_naam = models.CharField(_("other school outside the partnership"), max_length=200, blank=True)
    toelichting = models.TextField(_("explanation"), blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("changed"), auto_now=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = ZorgplichtcasusQuerySet.as_manager()

    class Meta:
        verbose_name = _("zorgplicht case")
        verbose_name_plural = _("zorgplicht cases")
        ordering = ["-aanmeldingsdatum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(termijn_datum__gt=F("aanmeldingsdatum")), name="zorgplicht_termijn_na_aanmelding"
            ),
            models.CheckConstraint(
                condition=Q(verlengd_tot__isnull=True) | Q(verlengd_tot__gt=F("termijn_datum")),
                name="zorgplicht_verlenging_na_termijn",
            ),
            models.CheckConstraint(
                condition=Q(verlengd_tot__isnull=True, verlenging_reden="")
                | (Q(verlengd_tot__isnull=False) & ~Q(verlenging_reden="")),
                name="zorgplicht_verlenging_met_reden",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status__in=["aangemeld", "verlengd"], uitkomst="", besluitdatum__isnull=True)
                    | (Q(status="besloten", besluitdatum__isnull=False) & ~Q(uitkomst=""))
                ),
                name="zorgplicht_besluit_past_bij_status",
            ),
            models.CheckConstraint(
                condition=~Q(status="verlengd") | Q(verlengd_tot__isnull=False), name="zorgplicht_verlengd_heeft_datum"
            ),
            models.CheckConstraint(
                condition=Q(besluitdatum__isnull=True) | Q(besluitdatum__gte=F("aanmeldingsdatum")),
                name="zorgplicht_besluit_niet_voor_aanmelding",
            ),
        ]
        indexes = [models.Index(fields=["status", "aanmeldingsdatum"]), models.Index(fields=["school", "status"])]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.aanmeldingsdatum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("leerlingen:zorgplicht_detail", args=[self.uuid])

    @property
    def is_lopend(self) -> bool:
        return self.status in self.LOPENDE_STATUSSEN

    @property
    def uiterste_datum(self) -> date:
        """The deadline in force: the extended one if the term was extended."""
        return self.verlengd_tot or self.termijn_datum

    @property
    def dagen_resterend(self) -> int:
        """Days until the deadline in force (negative when passed)."""
        return (self.uiterste_datum - timezone.localdate()).days

    @property
    def dagen_te_laat(self) -> int:
        return max(0, -self.dagen_resterend)

    @property
    def verstreken(self) -> bool:
        return self.is_lopend and self.dagen_resterend < 0

    @property
    def percentage_verstreken(self) -> int:
        """Share of the term used so far, for the countdown bar."""
        totaal = (self.uiterste_datum - self.aanmeldingsdatum).days or 1
        gebruikt = ((self.besluitdatum or timezone.localdate()) - self.aanmeldingsdatum).days
        return max(0, min(100, round(100 * gebruikt / totaal)))


class ZorgplichtStatuswijziging(StatuswijzigingBasis):
    """A state transition of a zorgplicht case."""

    STATUSSEN = Zorgplichtcasus.Status

    casus = models.ForeignKey(Zorgplichtcasus, on_delete=models.CASCADE, related_name="statuswijzigingen")
    history = HistoricalRecords()

    class Meta(StatuswijzigingBasis.Meta):
        verbose_name = _("zorgplicht case status change")
        verbose_name_plural = _("zorgplicht case status changes")


class ZorgplichtHerinnering(models.Model):
    """One reminder moment of one case (e.g. ``termijn-14``, ``verlenging-verlopen``). The unique
    constraint makes the daily beat run idempotent: a moment is claimed once, whatever runs twice."""

    casus = models.ForeignKey(Zorgplichtcasus, on_delete=models.CASCADE, related_name="herinneringen")
    moment = models.CharField(_("moment"), max_length=30)
    uiterste_datum = models.DateField(_("deadline"))
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("zorgplicht reminder")
        verbose_name_plural = _("zorgplicht reminders")
        ordering = ["casus", "aangemaakt"]
        constraints = [
            models.UniqueConstraint(fields=["casus", "moment"], name="zorgplicht_herinnering_eenmaal_per_moment")
        ]

    def __str__(self) -> str:
        return f"{self.casus_id} {self.moment}"
