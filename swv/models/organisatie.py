"""The organisation register: the SWV, gemeenten, school boards, kringen, schools and DUO counts."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from swv.choices import Soort
from swv.querysets import SchoolQuerySet


class Samenwerkingsverband(models.Model):
    """The samenwerkingsverband passend onderwijs this portal instance serves (DUO code ``PO2801``)."""

    code = models.CharField(_("DUO code"), max_length=10, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partnership (SWV)")
        verbose_name_plural = _("partnerships (SWV)")
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^PO[0-9]{4}$"), name="swv_code_formaat")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.notatie})"

    @property
    def notatie(self) -> str:
        """The code as written in documents: ``PO 28-01``."""
        return f"PO {self.code[2:4]}-{self.code[4:6]}"


class Gemeente(models.Model):
    """A municipality (CBS gemeentecode, four digits)."""

    code = models.CharField(_("municipality code"), max_length=4, unique=True)
    naam = models.CharField(_("name"), max_length=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["naam"]
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{4}$"), name="gemeente_code_formaat")]

    def __str__(self) -> str:
        return self.naam


class Bestuur(models.Model):
    """A school board (bevoegd gezag), identified by DUO's bevoegd-gezagnummer."""

    nummer = models.CharField(_("competent authority number"), max_length=10, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("school board")
        verbose_name_plural = _("school boards")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Kring(models.Model):
    """A kring or werkgebied: a geographic cluster of schools that shares expertise."""

    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="kringen")
    naam = models.CharField(_("name"), max_length=100)
    omschrijving = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cluster (kring)")
        verbose_name_plural = _("clusters (kringen)")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["swv", "naam"], name="kring_naam_uniek")]

    def __str__(self) -> str:
        return self.naam


class School(models.Model):
    """A school location (vestiging) of the SWV, as registered by DUO (BRIN + vestigingsnummer)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    swv = models.ForeignKey(Samenwerkingsverband, on_delete=models.PROTECT, related_name="scholen")
    brin = models.CharField(_("BRIN"), max_length=4)
    vestigingscode = models.CharField(_("location code"), max_length=6, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    soort = models.CharField(_("type"), max_length=6, choices=Soort.choices)
    denominatie = models.CharField(_("denomination"), max_length=100, blank=True)
    straat = models.CharField(_("street"), max_length=200, blank=True)
    huisnummer = models.CharField(_("house number"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    plaats = models.CharField(_("town"), max_length=100, blank=True)
    internetadres = models.CharField(_("website"), max_length=200, blank=True)
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="scholen", verbose_name=_("municipality")
    )
    bestuur = models.ForeignKey(
        Bestuur, on_delete=models.PROTECT, related_name="scholen", verbose_name=_("school board")
    )
    kring = models.ForeignKey(
        Kring,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scholen",
        verbose_name=_("cluster (kring)"),
    )
    actief = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(condition=Q(brin__regex=r"^[0-9]{2}[0-9A-Z]{2}$"), name="school_brin_formaat"),
            models.CheckConstraint(
                condition=Q(vestigingscode__regex=r"^[0-9]{2}[0-9A-Z]{2}[0-9]{2}$"),
                name="school_vestigingscode_formaat",
            ),
            models.CheckConstraint(condition=Q(soort__in=Soort.values), name="school_soort_geldig"),
        ]
        indexes = [models.Index(fields=["bestuur", "naam"]), models.Index(fields=["kring"])]

    def __str__(self) -> str:
        return f"{self.naam} ({self.vestigingscode})"

    @property
    def adres(self) -> str:
        return " ".join(p for p in [self.straat, self.huisnummer] if p)


class Leerlingtelling(models.Model):
    """A pupil count of one school on one count date (teldatum), from DUO's historical file.

    DUO counted on 1 October up to 2022 and on 1 February from 2023: the date is stored as given,
    never assumed. Counts DUO masked as ``<5`` are stored as ``aantal=None, minder_dan_vijf=True``.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="tellingen")
    teldatum = models.DateField(_("count date"))
    aantal = models.PositiveIntegerField(_("pupils"), null=True, blank=True)
    minder_dan_vijf = models.BooleanField(_("fewer than five (masked by DUO)"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pupil count")
        verbose_name_plural = _("pupil counts")
        ordering = ["school", "-teldatum"]
        constraints = [
            models.UniqueConstraint(fields=["school", "teldatum"], name="telling_uniek_per_teldatum"),
            models.CheckConstraint(
                condition=Q(minder_dan_vijf=False, aantal__isnull=False) | Q(minder_dan_vijf=True, aantal__isnull=True),
                name="telling_aantal_of_gemaskeerd",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school.vestigingscode} {self.teldatum}: {self.aantal if self.aantal is not None else '<5'}"
