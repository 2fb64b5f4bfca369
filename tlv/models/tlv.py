"""The TLV: one row from the school's draft request to the issued declaration and its end.

A request and the declaration it becomes are one object with one status (PROCESSES.md section 3),
so that the state machine lives in one place. Status changes only through ``tlv.services`` (each
writes a ``TLVStatusovergang``); the invariants are database constraints as well, and on PostgreSQL
an exclusion constraint (migration 0002) refuses overlapping TLVs of the same soort for one pupil.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import OuderBesluit
from swv.models.historie import Statusovergang as StatusovergangBasis
from tlv.choices import (
    LOPENDE_AANVRAAG,
    Adviesconclusie,
    Beeindigingsreden,
    Categorie,
    Kwalificatie,
    OudersInstemming,
    Route,
    Terugkeerconclusie,
    TLVSoort,
    TLVStatus,
)
from tlv.querysets import TLVOnderdeelQuerySet, TLVQuerySet

CATEGORIEEN = [c.value for c in Categorie]


class TLV(models.Model):
    """A toelaatbaarheidsverklaring: the request (concept -> ingediend -> ...) and, once issued, the
    declaration with number, soort, category, start and end date.

    ``ingediend_op`` is the last complete submission (the decision term counts from it, suspended for
    ``opgeschort_dagen`` while more information was asked). ``beeindigd_op`` is the first day the TLV
    no longer applies. ``versie`` detects concurrent edits of the request.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nummer = models.CharField(_("TLV number"), max_length=30, unique=True, null=True, blank=True)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.PROTECT, related_name="tlvs")
    dossier = models.ForeignKey(
        "leerlingen.Dossier", on_delete=models.PROTECT, null=True, blank=True, related_name="tlvs"
    )
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, default=Route.REGULIER)
    vorige = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verlengingen",
        verbose_name=_("extends TLV"),
    )
    status = models.CharField(_("status"), max_length=30, choices=TLVStatus.choices, default=TLVStatus.CONCEPT)
    aanvragende_school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="tlv_aanvragen", verbose_name=_("requesting school")
    )
    beoogde_school = models.ForeignKey(
        "swv.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tlv_plaatsingen",
        verbose_name=_("intended special school"),
    )
    soort = models.CharField(_("type"), max_length=3, choices=TLVSoort.choices)

    # The request (checklist items, tlv.checklist).
    voorgestelde_categorie = models.CharField(
        _("proposed funding category"), max_length=10, choices=Categorie.choices, blank=True
    )
    voorgestelde_ingangsdatum = models.DateField(_("proposed start date"), null=True, blank=True)
    voorgestelde_duur_maanden = models.PositiveSmallIntegerField(_("proposed duration (months)"), null=True, blank=True)
    redenen = models.TextField(_("reasons for the request"), blank=True)
    rechtstreeks_toelichting = models.TextField(_("why the pupil enters special education directly (EMB)"), blank=True)
    evaluatie_huidige_periode = models.TextField(_("evaluation of the current TLV period"), blank=True)
    opp_versie = models.ForeignKey(
        "leerlingen.OPPVersie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current OPP"),
    )
    mdo = models.ForeignKey(
        "leerlingen.MDO",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("MDO with the special school"),
    )
    toelating_datum = models.DateField(_("date of the admission statement"), null=True, blank=True)
    toelating_door = models.CharField(_("admission stated by (name and position)"), max_length=200, blank=True)
    toelating_toelichting = models.TextField(_("admission statement"), blank=True)
    ouders_zienswijze = models.TextField(_("views of the parents"), blank=True)
    ouders_instemming = models.CharField(
        _("parents' consent"), max_length=20, choices=OudersInstemming.choices, blank=True
    )
    ouders_instemming_datum = models.DateField(_("date of consent or exception"), null=True, blank=True)
    ouders_uitzondering_toelichting = models.TextField(_("why the request proceeds without consent"), blank=True)
    # The parent's own view and decision, given in the parents' portal (issue 14): who and when.
    ouders_portaal_besluit = models.CharField(
        _("parent's answer in the portal"), max_length=20, choices=OuderBesluit.choices, blank=True
    )
    ouders_portaal_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered in the portal by"),
    )
    ouders_portaal_op = models.DateTimeField(_("answered in the portal at"), null=True, blank=True)
    evaluatieafspraken = models.TextField(_("agreements on evaluation"), blank=True)
    terugkeerafspraken = models.TextField(_("agreements on return to a regular school"), blank=True)

    # Submission and the TLC's procedural check.
    ingediend_op = models.DateField(_("submitted on"), null=True, blank=True)
    eerst_ingediend_op = models.DateField(_("first submitted on"), null=True, blank=True)
    aanvulling_gevraagd_op = models.DateField(_("more information requested on"), null=True, blank=True)
    aanvulling_vraag = models.TextField(_("information requested"), blank=True)
    opgeschort_dagen = models.PositiveIntegerField(_("days the decision term was suspended"), default=0)
    getoetst_op = models.DateField(_("procedurally checked on"), null=True, blank=True)
    getoetst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    toets_toelichting = models.TextField(_("findings of the procedural check"), blank=True)
    tlc_advies = models.TextField(_("advice of the TLC"), blank=True)

    # The decision (an Awb-besluit).
    besluit_datum = models.DateField(_("decision date"), null=True, blank=True)
    besluit_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    motivering = models.TextField(_("grounds of the decision"), blank=True)
    bekendgemaakt_op = models.DateField(_("decision sent on"), null=True, blank=True)
    besluitbrief = models.ForeignKey(
        "swv.Taak",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision letter"),
    )
    afgegeven_op = models.DateField(_("issued on"), null=True, blank=True)
    categorie = models.CharField(_("funding category"), max_length=10, choices=Categorie.choices, blank=True)
    ingangsdatum = models.DateField(_("start date"), null=True, blank=True)
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    geen_einddatum_reden = models.TextField(_("why the TLV has no end date"), blank=True)

    # After issue.
    plaatsingsdatum = models.DateField(_("placement date"), null=True, blank=True)
    plaatsing_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("placement recorded by"),
    )
    status_voor_bezwaar = models.CharField(max_length=30, choices=TLVStatus.choices, blank=True)
    beeindigd_op = models.DateField(_("no longer applies from"), null=True, blank=True)
    beeindigingsreden = models.CharField(
        _("reason for ending"), max_length=30, choices=Beeindigingsreden.choices, blank=True
    )
    beeindiging_toelichting = models.TextField(_("explanation of the end"), blank=True)

    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = TLVQuerySet.as_manager()

    class Meta:
        verbose_name = _("TLV")
        verbose_name_plural = _("TLVs")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(ouders_portaal_besluit="")
                    & Q(ouders_portaal_door__isnull=True)
                    & Q(ouders_portaal_op__isnull=True)
                )
                | (
                    ~Q(ouders_portaal_besluit="")
                    & Q(ouders_portaal_door__isnull=False)
                    & Q(ouders_portaal_op__isnull=False)
                ),
                name="tlv_ouders_portaal_volledig",
            ),
            models.CheckConstraint(condition=Q(status__in=TLVStatus.values), name="tlv_status_geldig"),
            models.CheckConstraint(condition=Q(soort__in=TLVSoort.values), name="tlv_soort_geldig"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(ingangsdatum__isnull=True) | Q(einddatum__gt=F("ingangsdatum")),
                name="tlv_einde_na_begin",
            ),
            # Category: required for SO (proposed from submission, decided from issue), absent for SBO.
            models.CheckConstraint(
                condition=Q(soort=TLVSoort.SBO, categorie="", voorgestelde_categorie="")
                | (
                    Q(soort=TLVSoort.SO)
                    & (Q(categorie__in=CATEGORIEEN) | Q(afgegeven_op__isnull=True, categorie=""))
                    & (
                        Q(voorgestelde_categorie__in=CATEGORIEEN)
                        | Q(eerst_ingediend_op__isnull=True, voorgestelde_categorie="")
                    )
                ),
                name="tlv_categorie_alleen_en_altijd_bij_so",
            ),
            # An issued TLV has a number and a start; an end date unless a direct entry (EMB) says why not.
            models.CheckConstraint(
                condition=Q(afgegeven_op__isnull=True)
                | (
                    Q(nummer__isnull=False, ingangsdatum__isnull=False)
                    & (Q(einddatum__isnull=False) | (Q(route=Route.RECHTSTREEKS) & ~Q(geen_einddatum_reden="")))
                ),
                name="tlv_afgegeven_met_nummer_en_looptijd",
            ),
            models.CheckConstraint(
                condition=Q(nummer__isnull=True) | Q(afgegeven_op__isnull=False), name="tlv_nummer_alleen_na_afgifte"
            ),
            models.CheckConstraint(
                condition=Q(plaatsingsdatum__isnull=True)
                | Q(afgegeven_op__isnull=False, plaatsingsdatum__gte=F("afgegeven_op")),
                name="tlv_plaatsing_na_afgifte",
            ),
            models.CheckConstraint(
                condition=~Q(status=TLVStatus.GEWEIGERD) | (~Q(motivering="") & Q(besluit_datum__isnull=False)),
                name="tlv_geweigerd_met_motivering",
            ),
            models.CheckConstraint(
                condition=Q(beeindigd_op__isnull=True, beeindigingsreden="")
                | (Q(beeindigd_op__isnull=False) & ~Q(beeindigingsreden="")),
                name="tlv_beeindigd_met_reden",
            ),
            models.CheckConstraint(
                condition=Q(voorgestelde_duur_maanden__isnull=True) | Q(voorgestelde_duur_maanden__gte=1),
                name="tlv_duur_positief",
            ),
            models.UniqueConstraint(
                fields=["leerling"],
                condition=Q(status__in=[s.value for s in LOPENDE_AANVRAAG]),
                name="tlv_een_lopende_aanvraag_per_leerling",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "ingediend_op"]),
            models.Index(fields=["soort", "categorie"]),
            models.Index(fields=["afgegeven_op"]),
            models.Index(fields=["ingangsdatum", "einddatum"]),
            models.Index(fields=["aanvragende_school", "status"]),
            models.Index(fields=["beoogde_school", "status"]),
            models.Index(fields=["-eerst_ingediend_op", "-id"], name="tlv_register_volgorde"),
            models.Index(fields=["besluit_datum"]),
        ]

    def __str__(self) -> str:
        return self.nummer or f"{_('TLV request')} {self.get_soort_display()}"

    def get_absolute_url(self) -> str:
        return reverse("tlv:detail", args=[self.uuid])

    @property
    def is_afgegeven(self) -> bool:
        return self.afgegeven_op is not None

    @property
    def is_geldig(self) -> bool:
        """Issued and not ended: placement, return reviews and reminders apply."""
        from tlv.choices import GELDIG

        return self.is_afgegeven and self.status in GELDIG

    @property
    def wachttijd_dagen(self) -> int | None:
        """Waiting time (pijplijn): placement date minus issue date, in days."""
        if self.plaatsingsdatum and self.afgegeven_op:
            return (self.plaatsingsdatum - self.afgegeven_op).days
        return None

    @property
    def laatste_geldige_dag(self) -> date | None:
        """The last day the TLV applies (its end date, or the day before it ended early)."""
        kandidaten = [d for d in (self.einddatum, self.beeindigd_op and self.beeindigd_op - timedelta(days=1)) if d]
        return min(kandidaten) if kandidaten else None

    def is_actief_op(self, datum: date | None = None) -> bool:
        datum = datum or timezone.localdate()
        if not self.is_afgegeven or self.ingangsdatum is None or self.ingangsdatum > datum:
            return False
        laatste = self.laatste_geldige_dag
        return laatste is None or laatste >= datum


class TLVNummerreeks(models.Model):
    """The last TLV number handed out per year; locked while a number is drawn (no duplicates)."""

    jaar = models.PositiveSmallIntegerField(unique=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("TLV number series")
        verbose_name_plural = _("TLV number series")

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"


class Statusovergang(StatusovergangBasis):
    """The TLV app's history tables: ``swv.models.Statusovergang`` with simple-history inherited."""

    history = HistoricalRecords(inherit=True)

    class Meta(StatusovergangBasis.Meta):
        abstract = True


class TLVStatusovergang(Statusovergang):
    """A transition of a TLV (``door`` is empty for the daily run: start and expiry by date)."""

    onderwerp_veld = "tlv"
    STATUSSEN = TLVStatus

    tlv = models.ForeignKey(TLV, on_delete=models.CASCADE, related_name="statusovergangen")

    objects = TLVOnderdeelQuerySet.as_manager()

    class Meta(Statusovergang.Meta):
        verbose_name = _("TLV status change")
        verbose_name_plural = _("TLV status changes")
        constraints = [models.CheckConstraint(condition=~Q(van=F("naar")), name="tlvovergang_van_ongelijk_naar")]


class Deskundigenadvies(models.Model):
    """One of the two legally required expert advices (``volgorde`` 1: orthopedagoog or psycholoog;
    2: expertise matching the pupil's needs, in Leiden someone from special education)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tlv = models.ForeignKey(TLV, on_delete=models.CASCADE, related_name="deskundigenadviezen")
    volgorde = models.PositiveSmallIntegerField(_("expert"))
    naam = models.CharField(_("name of the expert"), max_length=200)
    kwalificatie = models.CharField(_("qualification"), max_length=20, choices=Kwalificatie.choices)
    expertise = models.CharField(_("expertise"), max_length=200, blank=True)
    organisatie = models.CharField(_("organisation"), max_length=200, blank=True)
    datum = models.DateField(_("date of the advice"))
    advies = models.TextField(_("advice"))
    conclusie = models.CharField(_("conclusion"), max_length=10, choices=Adviesconclusie.choices)
    document = models.ForeignKey(
        "leerlingen.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("advice document"),
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    vastgelegd_op = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = TLVOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert advice")
        verbose_name_plural = _("expert advice")
        ordering = ["tlv", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["tlv", "volgorde"], name="deskundigenadvies_een_per_plek"),
            models.CheckConstraint(condition=Q(volgorde__in=[1, 2]), name="deskundigenadvies_twee_deskundigen"),
            models.CheckConstraint(
                condition=~Q(volgorde=1) | Q(kwalificatie__in=[Kwalificatie.ORTHOPEDAGOOG, Kwalificatie.PSYCHOLOOG]),
                name="deskundigenadvies_eerste_is_orthopedagoog_of_psycholoog",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Expert')} {self.volgorde}: {self.naam}"


class Terugkeerbespreking(models.Model):
    """The (at least yearly) return review of an active TLV: who reviewed, and the conclusion."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tlv = models.ForeignKey(TLV, on_delete=models.CASCADE, related_name="terugkeerbesprekingen")
    datum = models.DateField(_("date of the review"))
    deelnemers = models.TextField(_("who reviewed"))
    conclusie = models.CharField(_("conclusion"), max_length=20, choices=Terugkeerconclusie.choices)
    toelichting = models.TextField(_("explanation"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    vastgelegd_op = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = TLVOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("return review")
        verbose_name_plural = _("return reviews")
        ordering = ["tlv", "-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.get_conclusie_display()}"
