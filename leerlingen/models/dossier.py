"""The pupil's dossier (groeidocument): status, sections, signals and interventions.

A dossier belongs to one pupil and is held by one school (``school``): the school whose ib-er is
*regievoerder*. A recorded transfer (``Overstap``) moves it to the new school. Every item records
the school that wrote it, so that the old school can keep reading its own items for a while.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import (
    Afsluitreden,
    DossierStatus,
    Interventieresultaat,
    Melder,
    Sectie,
    Signaalcategorie,
)
from leerlingen.querysets_dossier import (
    DossierOnderdeelQuerySet,
    DossierQuerySet,
    SignaalQuerySet,
    StatusovergangQuerySet,
)
from swv.models.historie import Statusovergang as StatusovergangBasis


class Dossier(models.Model):
    """The groeidocument of a pupil: opened by the ib-er, closed with a reason, reopened if needed.

    At most one dossier per pupil is not closed. Status changes only through the services in
    ``leerlingen.services.dossier`` (each writes a ``DossierStatusovergang``); ``versie`` guards
    concurrent status changes, ``laatste_activiteit`` feeds the "without activity" worklist.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.PROTECT, related_name="dossiers")
    school = models.ForeignKey(
        "swv.School",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("school"),
        help_text=_("The school that holds the dossier; a recorded transfer moves it."),
    )
    status = models.CharField(_("status"), max_length=30, choices=DossierStatus.choices, default=DossierStatus.OPEN)
    regievoerder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="regie_dossiers",
        verbose_name=_("case manager"),
    )
    aanleiding = models.TextField(_("reason for opening"), blank=True)
    geopend_op = models.DateField(_("opened on"), default=timezone.localdate)
    afgesloten_op = models.DateField(_("closed on"), null=True, blank=True)
    afsluitreden = models.CharField(_("reason for closing"), max_length=30, choices=Afsluitreden.choices, blank=True)
    afsluittoelichting = models.TextField(_("explanation of closing"), blank=True)
    laatste_activiteit = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    versie = models.PositiveIntegerField(_("version"), default=1)
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-geopend_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["leerling"],
                condition=~Q(status=DossierStatus.AFGESLOTEN),
                name="dossier_een_actief_per_leerling",
            ),
            models.CheckConstraint(
                condition=(Q(status=DossierStatus.AFGESLOTEN) & Q(afgesloten_op__isnull=False) & ~Q(afsluitreden=""))
                | (~Q(status=DossierStatus.AFGESLOTEN) & Q(afgesloten_op__isnull=True)),
                name="dossier_afgesloten_met_datum_en_reden",
            ),
            models.CheckConstraint(
                condition=Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=F("geopend_op")),
                name="dossier_afgesloten_na_geopend",
            ),
        ]
        indexes = [models.Index(fields=["school", "status"])]

    def __str__(self) -> str:
        return f"{_('Dossier')} {self.geopend_op:%d-%m-%Y}"

    @property
    def is_afgesloten(self) -> bool:
        return self.status == DossierStatus.AFGESLOTEN


class DossierStatusovergang(StatusovergangBasis):
    """One status transition of a dossier: old, new, who, when and why (healthchecks' ``Flip``)."""

    onderwerp_veld = "dossier"
    STATUSSEN = DossierStatus

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="statusovergangen")
    history = HistoricalRecords()

    objects = StatusovergangQuerySet.as_manager()

    class Meta(StatusovergangBasis.Meta):
        verbose_name = _("dossier status change")
        verbose_name_plural = _("dossier status changes")
        constraints = [models.CheckConstraint(condition=~Q(van=F("naar")), name="dossierovergang_van_ongelijk_naar")]


class DossierSectie(models.Model):
    """One section of the groeidocument (analysis, needs, factors, goals, views of parents/child).

    Sections are separate rows so two people can edit different sections at once; ``versie`` detects
    a concurrent edit of the same section (no silent overwrite) and history keeps every text.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="secties")
    sectie = models.CharField(_("section"), max_length=40, choices=Sectie.choices)
    tekst = models.TextField(_("text"), blank=True)
    school = models.ForeignKey(
        "swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("written by school")
    )
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("last edited by")
    )
    bijgewerkt_op = models.DateTimeField(_("last edited"), default=timezone.now)
    gedeeld_met_ouders = models.BooleanField(
        _("shared with the parents"),
        default=False,
        help_text=_("Parents with access see this section in the parents' portal; internal notes stay internal."),
    )
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = DossierOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier section")
        verbose_name_plural = _("dossier sections")
        ordering = ["dossier", "sectie"]
        constraints = [models.UniqueConstraint(fields=["dossier", "sectie"], name="dossiersectie_uniek")]

    def __str__(self) -> str:
        return self.get_sectie_display()


class Signaal(models.Model):
    """A concern about a pupil: who signalled what, when. May precede the dossier (then linked later)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.PROTECT, related_name="signalen")
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, null=True, blank=True, related_name="signalen")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    datum = models.DateField(_("date signalled"), default=timezone.localdate)
    melder = models.CharField(_("signalled by"), max_length=20, choices=Melder.choices)
    melder_naam = models.CharField(_("name of the person who signalled"), max_length=200, blank=True)
    categorie = models.CharField(_("category"), max_length=30, choices=Signaalcategorie.choices)
    omschrijving = models.TextField(_("what was signalled"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["leerling", "datum"])]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()} {self.datum:%d-%m-%Y}"


class Interventie(models.Model):
    """An intervention in the dossier with its goal, period and evaluation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="interventies")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    omschrijving = models.TextField(_("intervention"))
    doel = models.TextField(_("goal"), blank=True)
    uitvoerder = models.CharField(_("carried out by"), max_length=200, blank=True)
    startdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    evaluatie = models.TextField(_("evaluation"), blank=True)
    evaluatiedatum = models.DateField(_("evaluated on"), null=True, blank=True)
    resultaat = models.CharField(
        _("result"), max_length=20, choices=Interventieresultaat.choices, default=Interventieresultaat.LOPEND
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    versie = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = DossierOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["-startdatum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=F("startdatum")),
                name="interventie_einde_na_start",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving[:60]
