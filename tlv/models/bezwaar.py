"""Bezwaar (Awb) against a TLV decision: receipt, term, committee or LBT advice, hearing, decision, beroep."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tlv.choices import OPEN_BEZWAAR, Bezwaarbeslissing, BezwaarStatus, Commissie, Indiener
from tlv.models.tlv import TLV, Statusovergang
from tlv.querysets import BezwaarOnderdeelQuerySet, BezwaarQuerySet


class Bezwaar(models.Model):
    """An objection against the decision on one TLV (refusal, category, duration).

    ``termijn_einde`` and ``binnen_termijn`` are fixed when the objection is registered (from the
    day the decision was sent and the term in force then), so a later change of the setting does not
    rewrite history. At most one objection per TLV is open at a time.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tlv = models.ForeignKey(TLV, on_delete=models.PROTECT, related_name="bezwaren")
    status = models.CharField(
        _("status"), max_length=20, choices=BezwaarStatus.choices, default=BezwaarStatus.ONTVANGEN
    )
    ontvangen_op = models.DateField(_("received on"))
    indiener = models.CharField(_("lodged by"), max_length=20, choices=Indiener.choices)
    indiener_naam = models.CharField(_("name of the objector"), max_length=200)
    gronden = models.TextField(_("grounds of the objection"))
    termijn_einde = models.DateField(_("objection term ends"))
    binnen_termijn = models.BooleanField(_("lodged within the term"))
    te_laat_toelichting = models.TextField(_("why a late objection is excusable"), blank=True)

    commissie = models.CharField(_("advisory committee"), max_length=10, choices=Commissie.choices, blank=True)
    commissie_leden = models.TextField(_("members (chair, expert, secretary)"), blank=True)
    advies_gevraagd_op = models.DateField(_("advice requested on"), null=True, blank=True)
    hoorzitting_op = models.DateField(_("hearing on"), null=True, blank=True)
    advies_ontvangen_op = models.DateField(_("advice received on"), null=True, blank=True)
    advies_strekking = models.CharField(
        _("the committee advises"), max_length=20, choices=Bezwaarbeslissing.choices, blank=True
    )
    advies = models.TextField(_("advice of the committee"), blank=True)
    verdaagd_op = models.DateField(_("decision term extended on"), null=True, blank=True)
    verdaging_reden = models.TextField(_("reason for extending the decision term"), blank=True)

    beslissing = models.CharField(_("decision"), max_length=20, choices=Bezwaarbeslissing.choices, blank=True)
    beslist_op = models.DateField(_("decided on"), null=True, blank=True)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    motivering = models.TextField(_("grounds of the decision on the objection"), blank=True)
    beslissingsbrief = models.ForeignKey(
        "swv.Taak",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("letter with the decision on the objection"),
    )
    beroep_ingesteld_op = models.DateField(_("appeal lodged on"), null=True, blank=True)
    beroep_toelichting = models.TextField(_("appeal (court, case number, outcome)"), blank=True)

    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    objects = BezwaarQuerySet.as_manager()

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["tlv"], condition=Q(status__in=[s.value for s in OPEN_BEZWAAR]), name="bezwaar_een_open_per_tlv"
            ),
            models.CheckConstraint(
                condition=~Q(status=BezwaarStatus.BESLIST)
                | (~Q(beslissing="") & Q(beslist_op__isnull=False) & ~Q(motivering="")),
                name="bezwaar_beslist_met_beslissing",
            ),
            models.CheckConstraint(
                condition=Q(beroep_ingesteld_op__isnull=True) | Q(status=BezwaarStatus.BESLIST),
                name="bezwaar_beroep_na_beslissing",
            ),
            models.CheckConstraint(
                condition=Q(advies_ontvangen_op__isnull=True) | Q(advies_ontvangen_op__gte=F("advies_gevraagd_op")),
                name="bezwaar_advies_na_vraag",
            ),
            models.CheckConstraint(
                condition=Q(beslist_op__isnull=True) | Q(beslist_op__gte=F("ontvangen_op")),
                name="bezwaar_beslist_na_ontvangst",
            ),
        ]
        indexes = [models.Index(fields=["status", "ontvangen_op"])]

    def __str__(self) -> str:
        return f"{_('Objection')} {self.ontvangen_op:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("tlv:bezwaar_detail", args=[self.uuid])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_BEZWAAR


class BezwaarStatusovergang(Statusovergang):
    onderwerp_veld = "bezwaar"
    STATUSSEN = BezwaarStatus

    bezwaar = models.ForeignKey(Bezwaar, on_delete=models.CASCADE, related_name="statusovergangen")

    objects = BezwaarOnderdeelQuerySet.as_manager()

    class Meta(Statusovergang.Meta):
        verbose_name = _("objection status change")
        verbose_name_plural = _("objection status changes")
        constraints = [models.CheckConstraint(condition=~Q(van=F("naar")), name="bezwaarovergang_van_ongelijk_naar")]
