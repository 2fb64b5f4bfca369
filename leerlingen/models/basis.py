"""Pupils and their enrolments: the base every case (dossier, arrangement, TLV) hangs from."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.querysets import InschrijvingQuerySet, LeerlingQuerySet
from leerlingen.validators import valideer_bsn


class Leerling(models.Model):
    """A pupil. The BSN is optional (only TLV/DUO exports need it), validated, and never shown in
    lists, URLs or logs; pupils are found by name, date of birth, school and group."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    voornaam = models.CharField(_("first name"), max_length=100)
    tussenvoegsel = models.CharField(_("infix"), max_length=20, blank=True)
    achternaam = models.CharField(_("last name"), max_length=150)
    geboortedatum = models.DateField(_("date of birth"))
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, validators=[valideer_bsn])
    onderwijsnummer = models.CharField(_("education number"), max_length=9, blank=True)
    leerkrachten = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="gekoppelde_leerlingen", verbose_name=_("linked teachers")
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    # Retention (issue 13): data goes 2 years after the pupil left the SWV's schools, unless a
    # longer term is set here for a named legal reason; the retention job stamps when it went.
    bewaren_tot = models.DateField(_("keep until"), null=True, blank=True)
    bewaarreden = models.TextField(_("legal reason to keep longer"), blank=True)
    geanonimiseerd_op = models.DateField(_("anonymised on"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["bsn"])

    objects = LeerlingQuerySet.as_manager()

    class Meta:
        verbose_name = _("pupil")
        verbose_name_plural = _("pupils")
        ordering = ["achternaam", "voornaam"]
        constraints = [
            models.CheckConstraint(condition=Q(bsn="") | Q(bsn__regex=r"^[0-9]{9}$"), name="leerling_bsn_formaat"),
            models.UniqueConstraint(fields=["bsn"], condition=~Q(bsn=""), name="leerling_bsn_uniek"),
            models.CheckConstraint(
                condition=Q(bewaren_tot__isnull=True) | ~Q(bewaarreden=""), name="leerling_langer_bewaren_met_reden"
            ),
        ]
        indexes = [models.Index(fields=["achternaam", "voornaam"]), models.Index(fields=["geboortedatum"])]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in [self.voornaam, self.tussenvoegsel, self.achternaam] if p)


class Inschrijving(models.Model):
    """Enrolment of a pupil at a school for a period; at most one open enrolment per pupil."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="inschrijvingen")
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="inschrijvingen")
    groep = models.PositiveSmallIntegerField(_("group"), null=True, blank=True)
    begindatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords()

    objects = InschrijvingQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["leerling", "-begindatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gt=F("begindatum")),
                name="inschrijving_einde_na_begin",
            ),
            models.CheckConstraint(
                condition=Q(groep__isnull=True) | Q(groep__gte=1, groep__lte=8), name="inschrijving_groep_1_tot_8"
            ),
            models.UniqueConstraint(
                fields=["leerling"], condition=Q(einddatum__isnull=True), name="inschrijving_een_open_per_leerling"
            ),
        ]
        indexes = [models.Index(fields=["school", "einddatum"]), models.Index(fields=["leerling", "begindatum"])]

    def __str__(self) -> str:
        return f"{self.leerling_id} @ {self.school_id} {self.begindatum}"
