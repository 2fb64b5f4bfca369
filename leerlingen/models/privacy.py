"""The register of privacy requests (AVG rights: inzage, correctie, verwijdering, bezwaar, beperking)
and the reports of the retention job."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from swv.models.historie import Statusovergang as StatusovergangBasis


class PrivacyverzoekQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> PrivacyverzoekQuerySet:
        """The register is for the DB, the privacy officer's role in this portal (PRIVACY.md: "the
        DB/privacy officer"); nobody else sees a request, not even the pupil's school."""
        from swv.access import heeft_rol
        from swv.choices import Rol

        if not (user.is_authenticated and user.is_active) or not heeft_rol(user, Rol.DB):
            return self.none()
        return self


class Privacyverzoek(models.Model):
    """A request of a data subject (usually a parent) about a pupil's data, with the AVG deadline.

    The answer is due one month after receipt; it may be extended once, by two more months, with a
    reason (AVG art. 12(3)). The status changes only through ``leerlingen.services.privacy`` (one
    service per transition, each writes a ``PrivacyverzoekStatusovergang``); for an inzage request
    the export job is attached. ``leerling`` is emptied by the retention job when the pupil's data
    is destroyed: the request itself (kind, dates, outcome) stays as evidence of the answer.
    """

    class Soort(models.TextChoices):
        INZAGE = "inzage", _("Access (inzage)")
        CORRECTIE = "correctie", _("Correction")
        VERWIJDERING = "verwijdering", _("Erasure")
        BEZWAAR = "bezwaar", _("Objection")
        BEPERKING = "beperking", _("Restriction of processing")

    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", _("received")
        IN_BEHANDELING = "in_behandeling", _("in progress")
        VERLENGD = "verlengd", _("extended")
        AFGEHANDELD = "afgehandeld", _("answered")

    class Uitkomst(models.TextChoices):
        TOEGEWEZEN = "toegewezen", _("granted")
        DEELS = "deels", _("partly granted")
        AFGEWEZEN = "afgewezen", _("refused")

    OPEN_STATUSSEN = (Status.ONTVANGEN, Status.IN_BEHANDELING, Status.VERLENGD)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="privacyverzoeken",
        verbose_name=_("pupil"),
    )
    soort = models.CharField(_("kind of request"), max_length=20, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN)
    ingediend_op = models.DateField(_("received on"), default=timezone.localdate)
    ingediend_door_omschrijving = models.CharField(
        _("submitted by"), max_length=200, help_text=_('Who made the request, e.g. "mother" or "both parents".')
    )
    toelichting = models.TextField(_("what is asked"), blank=True)
    termijn = models.DateField(_("answer due"))
    verlengd_tot = models.DateField(_("extended until"), null=True, blank=True)
    verlengingsreden = models.TextField(_("reason for the extension"), blank=True)
    uitkomst = models.CharField(_("outcome"), max_length=20, choices=Uitkomst.choices, blank=True)
    uitkomst_toelichting = models.TextField(_("explanation of the outcome"), blank=True)
    afgehandeld_op = models.DateField(_("answered on"), null=True, blank=True)
    export = models.ForeignKey(
        "swv.Taak",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inzage export"),
    )
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = PrivacyverzoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["termijn", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(termijn__gt=F("ingediend_op")), name="privacyverzoek_termijn_na_indiening"
            ),
            models.CheckConstraint(
                condition=Q(verlengd_tot__isnull=True) | (Q(verlengd_tot__gt=F("termijn")) & ~Q(verlengingsreden="")),
                name="privacyverzoek_verlenging_later_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgehandeld") | (~Q(uitkomst="") & Q(afgehandeld_op__isnull=False)),
                name="privacyverzoek_afgehandeld_met_uitkomst",
            ),
            models.CheckConstraint(
                condition=Q(status="afgehandeld") | (Q(uitkomst="") & Q(afgehandeld_op__isnull=True)),
                name="privacyverzoek_open_zonder_uitkomst",
            ),
            models.CheckConstraint(
                condition=~Q(status="verlengd") | Q(verlengd_tot__isnull=False),
                name="privacyverzoek_verlengd_heeft_datum",
            ),
            # A double submit (or the same request entered twice) is one request.
            models.UniqueConstraint(
                fields=["leerling", "soort", "ingediend_op"],
                condition=~Q(status="afgehandeld"),
                name="privacyverzoek_eenmaal_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.ingediend_op:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("leerlingen:privacyverzoek_detail", args=[self.uuid])

    @property
    def uiterste_datum(self):
        """The date the answer is due now: the extended date if extended, else the month."""
        return self.verlengd_tot or self.termijn

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSSEN

    @property
    def is_te_laat(self) -> bool:
        return self.is_open and self.uiterste_datum < timezone.localdate()


class PrivacyverzoekStatusovergang(StatusovergangBasis):
    """One status transition of a privacy request (old, new, who, when, why)."""

    onderwerp_veld = "verzoek"
    STATUSSEN = Privacyverzoek.Status

    verzoek = models.ForeignKey(Privacyverzoek, on_delete=models.CASCADE, related_name="statusovergangen")

    class Meta(StatusovergangBasis.Meta):
        verbose_name = _("privacy request status change")
        verbose_name_plural = _("privacy request status changes")
        constraints = [
            models.CheckConstraint(condition=~Q(van=F("naar")), name="privacyverzoekovergang_van_ongelijk_naar")
        ]


class Bewaartermijnrapport(models.Model):
    """What one real run of the retention job did: how many pupils and rows per kind, no names.

    Written by ``leerlingen.services.bewaartermijn.bewaartermijn_uitvoeren`` (a dry run writes
    nothing); the DB (privacy officer) reads them on the register page."""

    uitgevoerd_op = models.DateTimeField(_("run at"), default=timezone.now)
    peildatum = models.DateField(_("reference date"))
    grens = models.DateField(_("left the SWV's schools on or before"))
    aantal_leerlingen = models.PositiveIntegerField(_("pupils anonymised"))
    aantallen = models.JSONField(_("rows per kind"), default=dict)

    objects = PrivacyverzoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("retention report")
        verbose_name_plural = _("retention reports")
        ordering = ["-uitgevoerd_op"]

    def __str__(self) -> str:
        return f"{self.peildatum:%d-%m-%Y}: {self.aantal_leerlingen}"
