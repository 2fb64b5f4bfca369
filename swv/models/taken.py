"""Background jobs as database rows (netbox ``Job``, open-forms reports) and the worker heartbeat."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from swv.storage import private_storage


class Taak(models.Model):
    """A background job: who started what with which parameters, its progress and its result file.

    The row exists before the file: the UI polls it for a progress bar, the worker claims it with a
    conditional update (so a duplicate message does nothing) and stores the result privately.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("queued")
        BEZIG = "bezig", _("running")
        KLAAR = "klaar", _("finished")
        MISLUKT = "mislukt", _("failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    soort = models.CharField(_("kind"), max_length=60)
    omschrijving = models.CharField(_("description"), max_length=200)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="taken"
    )
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTRIJ)
    voortgang = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    voortgang_tekst = models.CharField(_("progress text"), max_length=200, blank=True)
    bestand = models.FileField(_("file"), storage=private_storage, upload_to="taken/%Y/%m/", blank=True)
    bestandsnaam = models.CharField(_("file name"), max_length=200, blank=True)
    foutmelding = models.TextField(_("error message"), blank=True)
    pogingen = models.PositiveSmallIntegerField(_("attempts"), default=0)
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    gestart = models.DateTimeField(_("started"), null=True, blank=True)
    afgerond = models.DateTimeField(_("finished"), null=True, blank=True)
    # The lease: the worker that claimed the job (a token per claim) holds it until ``geclaimd_tot``
    # and renews it while it works; after that another worker may take the job over.
    claim = models.UUIDField(_("claim"), null=True, blank=True, editable=False)
    geclaimd_tot = models.DateTimeField(_("claimed until"), null=True, blank=True)
    # When the message went to the broker; empty while it has not (the broker was down): the
    # re-queue sweep (``swv.tasks.taken_herplannen``) sends it when the broker is back.
    in_wachtrij_op = models.DateTimeField(_("queued at"), null=True, blank=True)
    wachtrijfout = models.CharField(_("queueing error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-aangemaakt"]
        constraints = [
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="taak_voortgang_max_100"),
            models.CheckConstraint(
                condition=~Q(status="mislukt") | ~Q(foutmelding=""), name="taak_mislukt_heeft_reden"
            ),
            # Running means claimed with a lease; any other state holds no claim.
            models.CheckConstraint(
                condition=(Q(status="bezig") & Q(claim__isnull=False) & Q(geclaimd_tot__isnull=False))
                | (~Q(status="bezig") & Q(claim__isnull=True) & Q(geclaimd_tot__isnull=True)),
                name="taak_bezig_heeft_lease",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.get_status_display()})"

    @property
    def is_afgelopen(self) -> bool:
        return self.status in {self.Status.KLAAR, self.Status.MISLUKT}

    @property
    def is_onderbroken(self) -> bool:
        """Running, but its worker stopped renewing the lease (it died): another worker takes over."""
        from django.utils import timezone

        return self.status == self.Status.BEZIG and self.geclaimd_tot is not None and self.geclaimd_tot < timezone.now()


class WorkerHartslag(models.Model):
    """The last moment a Celery worker answered the health page's ping (one row per name)."""

    naam = models.CharField(max_length=50, unique=True)
    laatst_gezien = models.DateTimeField()

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.naam}: {self.laatst_gezien:%Y-%m-%d %H:%M:%S}"
