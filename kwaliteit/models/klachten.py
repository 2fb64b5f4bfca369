"""Complaints of parents (seed 002, Klachtenregeling): the directeur of the SWV handles them first,
an independent third party or a confidential adviser can be engaged, and the route to the
Landelijke Klachtencommissie (LKC) is recorded. Counted without names in the jaarverslag and the
OPR's figures."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kwaliteit.choices import KlachtDerde, KlachtOnderwerp, KlachtOordeel, KlachtStatus
from kwaliteit.querysets import KlachtQuerySet
from swv.models.historie import Statusovergang

#: States in which the complaint still runs (terms and reminders apply).
KLACHT_LOPEND = (KlachtStatus.ONTVANGEN, KlachtStatus.BEVESTIGD, KlachtStatus.IN_BEHANDELING)


class Klacht(models.Model):
    """One complaint of a parent, registered by SWV staff (or, later, by the parent in the parents'
    portal through ``klacht_registreren``). The terms (acknowledge by, handle by) are fixed at
    registration from the settings, so a later change of the regulation does not move running
    deadlines. The complainant's name and contact details and the complaint text are for the
    handlers only; reports count complaints by subject, status and judgement, never with names."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvangen_op = models.DateField(_("received on"))
    onderwerp = models.CharField(_("subject"), max_length=20, choices=KlachtOnderwerp.choices)
    omschrijving = models.TextField(_("complaint"))
    indiener_naam = models.CharField(_("name of the complainant (parent)"), max_length=200)
    indiener_contact = models.CharField(_("contact details of the complainant"), max_length=200, blank=True)
    ouder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="klachten",
        verbose_name=_("parent's account"),
    )
    school = models.ForeignKey(
        "swv.School",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("school concerned"),
    )
    status = models.CharField(_("status"), max_length=20, choices=KlachtStatus.choices, default=KlachtStatus.ONTVANGEN)
    bevestigen_voor = models.DateField(_("acknowledge by"))
    afhandelen_voor = models.DateField(_("handle by"))
    bevestigd_op = models.DateField(_("acknowledged on"), null=True, blank=True)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    derde = models.CharField(_("engaged"), max_length=20, choices=KlachtDerde.choices, blank=True)
    derde_ingeschakeld_op = models.DateField(_("engaged on"), null=True, blank=True)
    afgehandeld_op = models.DateField(_("closed on"), null=True, blank=True)
    oordeel = models.CharField(_("judgement"), max_length=20, choices=KlachtOordeel.choices, blank=True)
    toelichting = models.TextField(_("reasons given to the parent"), blank=True)
    lessen = models.TextField(_("lessons learned"), blank=True)
    lkc_op = models.DateField(_("taken to the LKC on"), null=True, blank=True)
    registratie_sleutel = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    geregistreerd = models.DateTimeField(_("registered"), auto_now_add=True)
    versie = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    objects = KlachtQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=KlachtStatus.values), name="klacht_status_geldig"),
            models.CheckConstraint(
                condition=Q(
                    bevestigen_voor__gte=models.F("ontvangen_op"), afhandelen_voor__gte=models.F("ontvangen_op")
                ),
                name="klacht_termijnen_na_ontvangst",
            ),
            models.CheckConstraint(
                condition=Q(bevestigd_op__isnull=True) | Q(bevestigd_op__gte=models.F("ontvangen_op")),
                name="klacht_bevestigd_na_ontvangst",
            ),
            models.CheckConstraint(
                condition=Q(afgehandeld_op__isnull=True) | Q(afgehandeld_op__gte=models.F("ontvangen_op")),
                name="klacht_afgehandeld_na_ontvangst",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[KlachtStatus.BEVESTIGD, KlachtStatus.IN_BEHANDELING, KlachtStatus.AFGEHANDELD])
                | Q(bevestigd_op__isnull=False),
                name="klacht_bevestigd_heeft_datum",
            ),
            models.CheckConstraint(
                condition=~Q(status=KlachtStatus.AFGEHANDELD) | (Q(afgehandeld_op__isnull=False) & ~Q(oordeel="")),
                name="klacht_afgehandeld_heeft_oordeel",
            ),
            models.CheckConstraint(
                condition=~Q(status=KlachtStatus.BIJ_LKC) | Q(lkc_op__isnull=False), name="klacht_lkc_heeft_datum"
            ),
            models.CheckConstraint(
                condition=Q(derde="", derde_ingeschakeld_op__isnull=True)
                | (~Q(derde="") & Q(derde_ingeschakeld_op__isnull=False)),
                name="klacht_derde_met_datum",
            ),
        ]
        indexes = [models.Index(fields=["status", "afhandelen_voor"])]

    def __str__(self) -> str:
        # No names: the complaint is known by its subject and date.
        return f"{self.get_onderwerp_display()} ({self.ontvangen_op:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("kwaliteit:klacht", kwargs={"uuid": self.uuid})

    @property
    def is_lopend(self) -> bool:
        return self.status in KLACHT_LOPEND


class KlachtStatusovergang(Statusovergang):
    """One status transition of a complaint (``swv.models.Statusovergang``)."""

    onderwerp_veld = "klacht"
    STATUSSEN = KlachtStatus

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="statusovergangen")

    class Meta(Statusovergang.Meta):
        verbose_name = _("status change of a complaint")
        verbose_name_plural = _("status changes of complaints")
