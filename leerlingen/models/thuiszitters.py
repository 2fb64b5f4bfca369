"""Thuiszitter cases, the de-escalatieladder and external chain partners (PROCESSES.md section 6)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen import conf
from leerlingen.querysets_thuiszitters import KetenpartnerQuerySet, LadderstapQuerySet, ThuiszittercasusQuerySet
from swv.models.historie import Statusovergang as StatusovergangBasis


class Ladderstap(models.Model):
    """One step of the de-escalatieladder (seed 000), in order. The SWV maintains its own set; a
    default set is installed by a data migration. Steps in use are deactivated, never deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    volgorde = models.PositiveSmallIntegerField(_("order"), unique=True)
    naam = models.CharField(_("name"), max_length=150, unique=True)
    omschrijving = models.TextField(_("description"), blank=True)
    actief = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    objects = LadderstapQuerySet.as_manager()

    class Meta:
        verbose_name = _("de-escalation ladder step")
        verbose_name_plural = _("de-escalation ladder steps")
        ordering = ["volgorde"]
        constraints = [models.CheckConstraint(condition=Q(volgorde__gte=1), name="ladderstap_volgorde_vanaf_1")]

    def __str__(self) -> str:
        return f"{self.volgorde}. {self.naam}"


class Ketenpartner(models.Model):
    """An external contact in the chain (leerplicht, jeugdteam, youth care ...): not an account."""

    class Soort(models.TextChoices):
        LEERPLICHT = "leerplicht", _("Compulsory education officer (leerplicht/RBL)")
        JEUGDTEAM = "jeugdteam", _("Youth team / CJG")
        JEUGDHULP = "jeugdhulp", _("Youth care provider")
        JGZ = "jgz", _("Youth health care (JGZ)")
        SMW = "smw", _("School social work")
        ANDERS = "anders", _("Other partner")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("kind of partner"), max_length=20, choices=Soort.choices)
    organisatie = models.CharField(_("organisation"), max_length=150)
    naam = models.CharField(_("contact person"), max_length=150)
    telefoon = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    actief = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = KetenpartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("chain partner")
        verbose_name_plural = _("chain partners")
        ordering = ["organisatie", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=["leerplicht", "jeugdteam", "jeugdhulp", "jgz", "smw", "anders"]),
                name="ketenpartner_soort_geldig",
            )
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"


class Thuiszittercasus(models.Model):
    """A child of compulsory school age who is not (fully) in school, from its since-date to its end.

    A case belongs to the school where the pupil was enrolled when it was registered; a child
    without enrolment (absoluut verzuim, vrijstelling) has no school but a municipality. The case
    moves along the de-escalatieladder (``Ladderstapwijziging`` rows) and ends with an outcome.
    Whether the pupil has an OPP is recorded here until the OPP model exists (``heeft_opp`` in
    ``leerlingen.selectors.thuiszitters``). States: ``actief`` -> ``afgesloten``.
    """

    class Soort(models.TextChoices):
        ABSOLUUT_VERZUIM = "absoluut_verzuim", _("Absolute absence (not enrolled)")
        RELATIEF_VERZUIM = "relatief_verzuim", _("Long-term relative absence (enrolled)")
        DREIGEND = "dreigend", _("Threatening to stay at home")
        VRIJSTELLING_5A = "vrijstelling_5a", _("Exemption art. 5a Leerplichtwet")
        ONTHEFFING = "ontheffing", _("Dispensation")

    class Reden(models.TextChoices):
        GEDRAG = "gedrag", _("Behaviour")
        PSYCHISCH = "psychisch", _("Psychological or psychiatric problems")
        MEDISCH = "medisch", _("Physical or medical reasons")
        GEEN_AANBOD = "geen_aanbod", _("No fitting place or waiting list")
        SCHOOLWEIGERING = "schoolweigering", _("School refusal or anxiety")
        CONFLICT = "conflict", _("Conflict between parents and school")
        GEZIN = "gezin", _("Family situation")
        ANDERS = "anders", _("Other reason")

    class Status(models.TextChoices):
        ACTIEF = "actief", _("active")
        AFGESLOTEN = "afgesloten", _("closed")

    class Uitkomst(models.TextChoices):
        EIGEN_SCHOOL = "eigen_school", _("Back at own school")
        ANDERE_SCHOOL = "andere_school", _("Placed at another school")
        SBO_SO_TLV = "sbo_so_tlv", _("Placed at S(B)O with a TLV")
        VRIJSTELLING = "vrijstelling", _("Exemption granted")
        VERHUISD = "verhuisd", _("Moved away")

    #: Types that count as thuiszitter; threatened cases and exemptions are registered but not counted.
    THUISZITTER_SOORTEN = (Soort.ABSOLUUT_VERZUIM, Soort.RELATIEF_VERZUIM)
    #: Types that need a school (enrolled) and types that cannot have one.
    SOORTEN_MET_SCHOOL = (Soort.RELATIEF_VERZUIM, Soort.DREIGEND)
    SOORTEN_ZONDER_SCHOOL = (Soort.ABSOLUUT_VERZUIM,)
    #: Types for which the 3-month target for a fitting offer applies.
    SOORTEN_MET_TERMIJN = (Soort.ABSOLUUT_VERZUIM, Soort.RELATIEF_VERZUIM, Soort.DREIGEND)
    #: Outcomes that name the school of the placement.
    UITKOMSTEN_MET_SCHOOL = (Uitkomst.ANDERE_SCHOOL, Uitkomst.SBO_SO_TLV)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="thuiszittercasussen", verbose_name=_("pupil")
    )
    school = models.ForeignKey(
        "swv.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="thuiszittercasussen",
        verbose_name=_("school"),
        help_text=_("The school where the pupil is enrolled; empty for a child without enrolment."),
    )
    gemeente = models.ForeignKey(
        "swv.Gemeente", on_delete=models.PROTECT, related_name="thuiszittercasussen", verbose_name=_("municipality")
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case manager"),
    )
    soort = models.CharField(_("type"), max_length=20, choices=Soort.choices)
    reden = models.CharField(_("reason"), max_length=20, choices=Reden.choices)
    reden_toelichting = models.TextField(_("explanation of the reason"), blank=True)
    sinds = models.DateField(_("at home since"))
    heeft_opp = models.BooleanField(_("pupil has an OPP"), default=False)
    opp_datum = models.DateField(_("date of the OPP"), null=True, blank=True)
    onderwijs_uren = models.DecimalField(
        _("education offered meanwhile (hours per week)"), max_digits=4, decimal_places=1, default=0
    )
    partners = models.ManyToManyField(
        Ketenpartner, blank=True, related_name="casussen", verbose_name=_("chain partners")
    )
    huidige_stap = models.ForeignKey(
        Ladderstap, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("current step")
    )
    plan = models.TextField(_("plan"), blank=True)
    volgende_actie = models.CharField(_("next action"), max_length=300, blank=True)
    volgende_actie_datum = models.DateField(_("date of the next action"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIEF)
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    uitkomst = models.CharField(_("outcome"), max_length=20, choices=Uitkomst.choices, blank=True)
    geplaatst_school = models.ForeignKey(
        "swv.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school of the placement"),
    )
    uitkomst_toelichting = models.TextField(_("explanation of the outcome"), blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("changed"), auto_now=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(m2m_fields=[partners])

    objects = ThuiszittercasusQuerySet.as_manager()

    class Meta:
        verbose_name = _("thuiszitter case")
        verbose_name_plural = _("thuiszitter cases")
        ordering = ["-sinds", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("sinds")),
                name="thuiszitter_einde_niet_voor_begin",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status="actief", einddatum__isnull=True, uitkomst="")
                    | (Q(status="afgesloten", einddatum__isnull=False) & ~Q(uitkomst=""))
                ),
                name="thuiszitter_status_past_bij_einde",
            ),
            models.UniqueConstraint(
                fields=["leerling"], condition=Q(status="actief"), name="thuiszitter_een_actieve_casus_per_leerling"
            ),
            models.CheckConstraint(
                condition=Q(onderwijs_uren__gte=0, onderwijs_uren__lte=40), name="thuiszitter_uren_0_tot_40"
            ),
            models.CheckConstraint(
                condition=Q(heeft_opp=True, opp_datum__isnull=False) | Q(heeft_opp=False, opp_datum__isnull=True),
                name="thuiszitter_opp_met_datum",
            ),
            models.CheckConstraint(
                condition=~Q(soort="absoluut_verzuim", school__isnull=False)
                & ~Q(soort__in=["relatief_verzuim", "dreigend"], school__isnull=True),
                name="thuiszitter_soort_past_bij_inschrijving",
            ),
            models.CheckConstraint(
                condition=Q(
                    soort__in=["absoluut_verzuim", "relatief_verzuim", "dreigend", "vrijstelling_5a", "ontheffing"]
                ),
                name="thuiszitter_soort_geldig",
            ),
        ]
        indexes = [
            models.Index(fields=["sinds", "einddatum"]),
            models.Index(fields=["status", "school"]),
            models.Index(fields=["einddatum"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.sinds:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("leerlingen:thuiszitter_detail", args=[self.uuid])

    # --- the seed-000 targets, one rule each, usable in SQL and on one object ---

    @staticmethod
    def regel_over_termijn(datum: date) -> Q:
        """Active on ``datum`` for longer than the 3-month target without a fitting offer."""
        grens = datum - timedelta(weeks=conf.thuiszitters_aanbod_termijn_weken())
        return Q(soort__in=Thuiszittercasus.SOORTEN_MET_TERMIJN, sinds__lte=grens)

    @staticmethod
    def regel_zonder_opp() -> Q:
        """An enrolled thuiszitter without an OPP (seed 000: should be 0)."""
        return Q(soort__in=Thuiszittercasus.THUISZITTER_SOORTEN, school__isnull=False, heeft_opp=False)

    @staticmethod
    def regel_zonder_inschrijving() -> Q:
        """A child without enrolment other than with a 5a exemption (seed 000: should be 0)."""
        return Q(school__isnull=True) & ~Q(soort="vrijstelling_5a")

    @property
    def peildatum(self) -> date:
        """Today for an active case, the end date for a closed one."""
        return self.einddatum or timezone.localdate()

    @property
    def leeftijd_weken(self) -> int:
        return max(0, (self.peildatum - self.sinds).days // 7)

    @property
    def streefdatum(self) -> date | None:
        """Date by which a fitting offer should exist (seed 004: within 3 months)."""
        if self.soort not in self.SOORTEN_MET_TERMIJN:
            return None
        return self.sinds + timedelta(weeks=conf.thuiszitters_aanbod_termijn_weken())

    @property
    def over_termijn(self) -> bool:
        return self.status == self.Status.ACTIEF and self.streefdatum is not None and self.streefdatum <= self.peildatum

    @property
    def zonder_opp(self) -> bool:
        return self.soort in self.THUISZITTER_SOORTEN and self.school_id is not None and not self.heeft_opp

    @property
    def zonder_inschrijving(self) -> bool:
        return self.school_id is None and self.soort != self.Soort.VRIJSTELLING_5A


class Ladderstapwijziging(models.Model):
    """A move of a case on the de-escalatieladder: from, to, who, when and why. Skipping steps
    upwards requires a reason (also enforced by the database)."""

    casus = models.ForeignKey(Thuiszittercasus, on_delete=models.CASCADE, related_name="stapwijzigingen")
    van_stap = models.ForeignKey(
        Ladderstap, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("from step")
    )
    naar_stap = models.ForeignKey(Ladderstap, on_delete=models.PROTECT, related_name="+", verbose_name=_("to step"))
    overgeslagen = models.PositiveSmallIntegerField(_("steps skipped"), default=0)
    reden = models.TextField(_("reason"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    op = models.DateTimeField(_("moment"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ladder step change")
        verbose_name_plural = _("ladder step changes")
        ordering = ["casus", "op", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(overgeslagen=0) | ~Q(reden=""), name="ladderstap_overslaan_met_reden"),
        ]

    def __str__(self) -> str:
        return f"{self.casus_id}: {self.van_stap_id} -> {self.naar_stap_id}"


class StatuswijzigingBasis(StatusovergangBasis):
    """A state transition of a case (``swv.models.Statusovergang``); the concrete model adds ``casus``."""

    onderwerp_veld = "casus"
    casus_id: int  # the concrete subclasses define the ``casus`` foreign key

    class Meta(StatusovergangBasis.Meta):
        abstract = True
        ordering = ["casus", "op", "pk"]

    def __str__(self) -> str:
        return f"{self.casus_id}: {self.van} -> {self.naar}"


class ThuiszitterStatuswijziging(StatuswijzigingBasis):
    """A state transition of a thuiszitter case."""

    STATUSSEN = Thuiszittercasus.Status

    casus = models.ForeignKey(Thuiszittercasus, on_delete=models.CASCADE, related_name="statuswijzigingen")
    history = HistoricalRecords()

    class Meta(StatuswijzigingBasis.Meta):
        verbose_name = _("thuiszitter case status change")
        verbose_name_plural = _("thuiszitter case status changes")
