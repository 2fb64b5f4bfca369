"""Publications to audiences (OPR, ALV/RvT, public): a frozen file, and the OPR's decisions on it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kwaliteit.choices import DocumentSoort, OprBesluitSoort, PublicatieStatus
from kwaliteit.querysets import PublicatieQuerySet
from swv.storage import private_storage


class Publicatie(models.Model):
    """The exact file published to one or more audiences, frozen as a private copy with its sha256.

    The source is an adopted report version (``bron_versie``) or an uploaded document. Publishing
    the same document again makes a new row, so the history per document kind and year stays
    visible; a publication can be withdrawn (with a reason) but is never changed.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    titel = models.CharField(_("title"), max_length=200)
    documentsoort = models.CharField(_("document kind"), max_length=30, choices=DocumentSoort.choices)
    jaar = models.PositiveSmallIntegerField(_("year"))
    toelichting = models.TextField(_("explanation"), blank=True)
    voor_opr = models.BooleanField(_("support plan council (OPR)"), default=False)
    voor_alv_rvt = models.BooleanField(_("general meeting and supervisory board (ALV/RvT)"), default=False)
    openbaar = models.BooleanField(_("public"), default=False)
    bron_versie = models.ForeignKey(
        "kwaliteit.RapportVersie", on_delete=models.PROTECT, null=True, blank=True, related_name="publicaties"
    )
    bestand = models.FileField(_("file"), storage=private_storage, upload_to="publicaties/%Y/")
    bestandsnaam = models.CharField(_("file name"), max_length=200)
    mimetype = models.CharField(_("file type"), max_length=100)
    grootte = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=PublicatieStatus.choices, default=PublicatieStatus.GEPUBLICEERD
    )
    gepubliceerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gepubliceerd_op = models.DateTimeField(_("published on"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    reden_intrekking = models.TextField(_("reason for withdrawal"), blank=True)
    history = HistoricalRecords()

    objects = PublicatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-gepubliceerd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(voor_opr=True) | Q(voor_alv_rvt=True) | Q(openbaar=True), name="publicatie_heeft_doelgroep"
            ),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="publicatie_sha256_formaat"),
            models.CheckConstraint(condition=Q(documentsoort__in=DocumentSoort.values), name="publicatie_soort_geldig"),
            models.CheckConstraint(
                condition=Q(status=PublicatieStatus.GEPUBLICEERD, ingetrokken_op__isnull=True)
                | (Q(status=PublicatieStatus.INGETROKKEN, ingetrokken_op__isnull=False) & ~Q(reden_intrekking="")),
                name="publicatie_intrekking_compleet",
            ),
            models.CheckConstraint(condition=Q(jaar__gte=2000, jaar__lte=2100), name="publicatie_jaar_redelijk"),
        ]
        indexes = [models.Index(fields=["documentsoort", "jaar"])]
        permissions = [("oprbesluit_vastleggen", _("Can record decisions of the OPR (OPR secretary)"))]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_gepubliceerd(self) -> bool:
        return self.status == PublicatieStatus.GEPUBLICEERD

    @property
    def doelgroepen(self) -> list[str]:
        from kwaliteit.choices import Doelgroep

        return [
            str(label)
            for veld, (_waarde, label) in zip(("voor_opr", "voor_alv_rvt", "openbaar"), Doelgroep.choices)
            if getattr(self, veld)
        ]


class OprBesluit(models.Model):
    """A decision of the ondersteuningsplanraad on a published document (consent or advice),
    recorded by the OPR secretary."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    publicatie = models.ForeignKey(Publicatie, on_delete=models.PROTECT, related_name="opr_besluiten")
    besluit = models.CharField(_("decision"), max_length=30, choices=OprBesluitSoort.choices)
    datum = models.DateField(_("date of the decision"))
    opmerkingen = models.TextField(_("remarks"), blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("recorded on"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OPR decision")
        verbose_name_plural = _("OPR decisions")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(besluit__in=OprBesluitSoort.values), name="oprbesluit_soort_geldig"),
            models.UniqueConstraint(fields=["publicatie", "besluit", "datum"], name="oprbesluit_geen_dubbele"),
        ]

    def __str__(self) -> str:
        return f"{self.get_besluit_display()} ({self.datum})"
