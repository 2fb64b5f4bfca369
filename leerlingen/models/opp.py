"""The OPP (ontwikkelingsperspectief): versions and the parents' consent on the handelingsdeel."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import Instemmingsbesluit, Instemmingswijze, OPPStatus, Ouderrelatie, Uitstroomniveau
from leerlingen.querysets_dossier import InstemmingQuerySet, OPPQuerySet, OPPVersieQuerySet


class OPP(models.Model):
    """The pupil's development perspective within a dossier (one per dossier), made of versions.

    The *current* OPP is its adopted (``vastgesteld``) version; a new version supersedes it when
    adopted. Other apps (TLV: "current OPP") refer to this object or to one ``OPPVersie``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.OneToOneField("leerlingen.Dossier", on_delete=models.PROTECT, related_name="opp")
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = OPPQuerySet.as_manager()

    class Meta:
        verbose_name = _("OPP")
        verbose_name_plural = _("OPPs")

    def __str__(self) -> str:
        return str(_("OPP"))

    @property
    def huidige_versie(self) -> OPPVersie | None:
        return self.versies.filter(status=OPPStatus.VASTGESTELD).first()


class OPPVersie(models.Model):
    """One version of an OPP: expected exit level with its rationale, goals and the handelingsdeel.

    ``concept`` -> ``vastgesteld`` (adopted; the previous adopted version becomes ``vervangen``).
    Parents' consent (``OPPInstemming``) is recorded on a version; ``versie`` detects concurrent edits.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    opp = models.ForeignKey(OPP, on_delete=models.PROTECT, related_name="versies")
    versienummer = models.PositiveSmallIntegerField(_("version number"))
    status = models.CharField(_("status"), max_length=20, choices=OPPStatus.choices, default=OPPStatus.CONCEPT)
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    uitstroomniveau = models.CharField(_("expected exit level"), max_length=30, choices=Uitstroomniveau.choices)
    onderbouwing = models.TextField(_("rationale for the exit level"), blank=True)
    doelen = models.TextField(_("goals"))
    handelingsdeel = models.TextField(
        _("action plan (handelingsdeel)"),
        help_text=_(
            "The support, who gives it and how it is evaluated; parents have the right to consent to this part."
        ),
    )
    evaluatiedatum = models.DateField(_("evaluate on"), null=True, blank=True)
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("drawn up by")
    )
    vastgesteld_op = models.DateField(_("adopted on"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now)
    gewijzigd = models.DateTimeField(_("changed"), default=timezone.now)
    versie = models.PositiveIntegerField(_("edit version"), default=1)
    history = HistoricalRecords()

    objects = OPPVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("OPP version")
        verbose_name_plural = _("OPP versions")
        ordering = ["opp", "-versienummer"]
        constraints = [
            models.UniqueConstraint(fields=["opp", "versienummer"], name="oppversie_nummer_uniek"),
            models.UniqueConstraint(
                fields=["opp"], condition=Q(status=OPPStatus.VASTGESTELD), name="oppversie_een_vastgesteld"
            ),
            models.UniqueConstraint(
                fields=["opp"], condition=Q(status=OPPStatus.CONCEPT), name="oppversie_een_concept"
            ),
            models.CheckConstraint(
                condition=Q(status=OPPStatus.CONCEPT) | Q(vastgesteld_op__isnull=False),
                name="oppversie_vastgesteld_met_datum",
            ),
            models.CheckConstraint(condition=Q(versienummer__gte=1), name="oppversie_nummer_positief"),
        ]

    def __str__(self) -> str:
        return f"{_('OPP')} v{self.versienummer}"


class OPPInstemming(models.Model):
    """Parents' decision on the handelingsdeel of an OPP version: who, when, how; consent or objection.

    Data, not free text only, so that "how many OPPs have parents' consent" can be counted. Each
    parent's decision is a row; the latest row per version counts.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    versie = models.ForeignKey(OPPVersie, on_delete=models.PROTECT, related_name="instemmingen")
    besluit = models.CharField(_("decision"), max_length=20, choices=Instemmingsbesluit.choices)
    ouder_naam = models.CharField(_("name of the parent"), max_length=200)
    ouder_relatie = models.CharField(_("relationship to the pupil"), max_length=20, choices=Ouderrelatie.choices)
    datum = models.DateField(_("date"))
    wijze = models.CharField(_("how"), max_length=20, choices=Instemmingswijze.choices)
    toelichting = models.TextField(_("explanation"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    vastgelegd_op = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = InstemmingQuerySet.as_manager()

    class Meta:
        verbose_name = _("parents' consent")
        verbose_name_plural = _("parents' consents")
        ordering = ["versie", "datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(besluit=Instemmingsbesluit.BEZWAAR) | ~Q(toelichting=""),
                name="oppinstemming_bezwaar_met_toelichting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_besluit_display()} {self.datum:%d-%m-%Y}"
