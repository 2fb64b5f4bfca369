"""MDO / OT meetings: participants, agenda, verslag, the child's voice, agreements and outcomes."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import (
    AfspraakStatus,
    Deelnemersrol,
    MDOSoort,
    MDOStatus,
    StemNietGehoordReden,
    StemWijze,
    Uitkomstsoort,
)
from leerlingen.querysets_dossier import AfspraakQuerySet, MDOOnderdeelQuerySet, MDOQuerySet


class MDO(models.Model):
    """A multidisciplinary (MDO) or support-team (OT) meeting about one pupil, within the dossier.

    ``gepland`` -> ``gehouden`` (verslag, child's voice and outcomes recorded together by
    ``mdo_verslag_vastleggen``) or ``geannuleerd``. An arrangement or TLV request points here: the
    held MDO whose outcome (``MDOUitkomst``) started it. ``versie`` detects concurrent edits.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey("leerlingen.Dossier", on_delete=models.PROTECT, related_name="mdos")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    soort = models.CharField(_("kind of meeting"), max_length=10, choices=MDOSoort.choices, default=MDOSoort.MDO)
    status = models.CharField(_("status"), max_length=20, choices=MDOStatus.choices, default=MDOStatus.GEPLAND)
    begint_om = models.DateTimeField(_("date and time"))
    duur_minuten = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    locatie = models.CharField(_("location"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    verslag = models.TextField(_("minutes"), blank=True)
    gehouden_op = models.DateField(_("held on"), null=True, blank=True)
    verslag_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("minutes recorded by"),
    )
    annuleringsreden = models.TextField(_("reason for cancelling"), blank=True)
    gepland_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("planned by")
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = MDOQuerySet.as_manager()

    class Meta:
        verbose_name = _("MDO meeting")
        verbose_name_plural = _("MDO meetings")
        ordering = ["-begint_om", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=MDOStatus.GEHOUDEN) | (Q(gehouden_op__isnull=False) & ~Q(verslag="")),
                name="mdo_gehouden_met_verslag",
            ),
            models.CheckConstraint(
                condition=~Q(status=MDOStatus.GEANNULEERD) | ~Q(annuleringsreden=""), name="mdo_geannuleerd_met_reden"
            ),
            models.CheckConstraint(condition=Q(duur_minuten__gte=5, duur_minuten__lte=600), name="mdo_duur_redelijk"),
        ]
        indexes = [models.Index(fields=["status", "begint_om"])]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {timezone.localtime(self.begint_om):%d-%m-%Y %H:%M}"


class MDODeelnemer(models.Model):
    """A participant of an MDO: a portal user or an external person, always with a role."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mdo = models.ForeignKey(MDO, on_delete=models.CASCADE, related_name="deelnemers")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mdo_deelnames",
        verbose_name=_("portal user"),
    )
    naam = models.CharField(_("name"), max_length=200, blank=True)
    organisatie = models.CharField(_("organisation"), max_length=200, blank=True)
    rol = models.CharField(_("role"), max_length=30, choices=Deelnemersrol.choices)
    aanwezig = models.BooleanField(_("present"), null=True, blank=True)
    uitgenodigd_op = models.DateTimeField(_("invited at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MDOOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("MDO participant")
        verbose_name_plural = _("MDO participants")
        ordering = ["mdo", "rol", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gebruiker__isnull=False) | ~Q(naam=""), name="mdodeelnemer_gebruiker_of_naam"
            ),
            models.UniqueConstraint(
                fields=["mdo", "gebruiker"], condition=Q(gebruiker__isnull=False), name="mdodeelnemer_gebruiker_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        return str(self.gebruiker) if self.gebruiker_id else self.naam


class StemVanHetKind(models.Model):
    """The child's voice in one MDO (hoorrecht): how the child was heard and what it said and wanted,
    or why it could not be heard. Data, so that "how many MDOs heard the child" can be counted."""

    mdo = models.OneToOneField(MDO, on_delete=models.CASCADE, related_name="stem_van_het_kind")
    gehoord = models.BooleanField(_("the child was heard"))
    wijze = models.CharField(_("how the child was heard"), max_length=20, choices=StemWijze.choices, blank=True)
    wat_zei_kind = models.TextField(_("what the child said"), blank=True)
    wat_wil_kind = models.TextField(_("what the child wants"), blank=True)
    reden_niet_gehoord = models.CharField(
        _("why the child was not heard"), max_length=20, choices=StemNietGehoordReden.choices, blank=True
    )
    toelichting = models.TextField(_("explanation"), blank=True)
    history = HistoricalRecords()

    objects = MDOOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("child's voice")
        verbose_name_plural = _("children's voices")
        constraints = [
            models.CheckConstraint(
                condition=(Q(gehoord=True) & ~Q(wijze="") & (~Q(wat_zei_kind="") | ~Q(wat_wil_kind="")))
                | (Q(gehoord=False) & ~Q(reden_niet_gehoord="")),
                name="stemvanhetkind_gehoord_of_reden",
            ),
        ]

    def __str__(self) -> str:
        return str(_("heard")) if self.gehoord else str(_("not heard"))


class MDOUitkomst(models.Model):
    """One outcome of a held MDO (an MDO can lead to, say, an OPP update and an arrangement request)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mdo = models.ForeignKey(MDO, on_delete=models.CASCADE, related_name="uitkomsten")
    soort = models.CharField(_("outcome"), max_length=30, choices=Uitkomstsoort.choices)
    toelichting = models.TextField(_("explanation"), blank=True)
    history = HistoricalRecords()

    objects = MDOOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("MDO outcome")
        verbose_name_plural = _("MDO outcomes")
        ordering = ["mdo", "soort"]
        constraints = [models.UniqueConstraint(fields=["mdo", "soort"], name="mdouitkomst_uniek")]

    def __str__(self) -> str:
        return self.get_soort_display()


class MDOAdvies(models.Model):
    """Advice added to an MDO's verslag by a participant (typically the consulent)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mdo = models.ForeignKey(MDO, on_delete=models.CASCADE, related_name="adviezen")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    tekst = models.TextField(_("advice"))
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords()

    objects = MDOOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("MDO advice")
        verbose_name_plural = _("MDO advice")
        ordering = ["mdo", "aangemaakt"]

    def __str__(self) -> str:
        return self.tekst[:60]


class Afspraak(models.Model):
    """An agreement: who does what by when (from an MDO or a conversation in the dossier)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey("leerlingen.Dossier", on_delete=models.PROTECT, related_name="afspraken")
    mdo = models.ForeignKey(MDO, on_delete=models.CASCADE, null=True, blank=True, related_name="afspraken")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    omschrijving = models.TextField(_("what"))
    uitvoerder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afspraken",
        verbose_name=_("who (portal user)"),
    )
    uitvoerder_naam = models.CharField(_("who (name)"), max_length=200, blank=True)
    uiterlijk = models.DateField(_("by"))
    status = models.CharField(_("status"), max_length=20, choices=AfspraakStatus.choices, default=AfspraakStatus.OPEN)
    afgerond_op = models.DateField(_("done on"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords()

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["uiterlijk", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uitvoerder__isnull=False) | ~Q(uitvoerder_naam=""), name="afspraak_met_uitvoerder"
            ),
            models.CheckConstraint(
                condition=~Q(status=AfspraakStatus.AFGEROND) | Q(afgerond_op__isnull=False),
                name="afspraak_afgerond_met_datum",
            ),
        ]
        indexes = [models.Index(fields=["status", "uiterlijk"])]

    def __str__(self) -> str:
        return self.omschrijving[:60]

    @property
    def wie(self) -> str:
        return str(self.uitvoerder) if self.uitvoerder_id else self.uitvoerder_naam

    @property
    def is_verlopen(self) -> bool:
        return self.status == AfspraakStatus.OPEN and self.uiterlijk < timezone.localdate()
