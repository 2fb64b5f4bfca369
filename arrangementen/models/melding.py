"""In-app notifications of the arrangements app, each also sent once as an e-mail with a link."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrangementen.choices import Meldingsoort, Verzendstatus
from swv.meldingen import MeldingQuerySet


class Melding(models.Model):
    """A notification to one user about one request (submitted, information requested, decided,
    evaluation due). ``sleutel`` is unique, so the same event never notifies anyone twice; the
    e-mail (a link only, never pupil details) is claimed by a conditional update before sending.

    A small model of this app's own: the portal has no shared notification model yet.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="arrangementmeldingen",
        verbose_name=_("recipient"),
    )
    soort = models.CharField(_("kind"), max_length=30, choices=Meldingsoort.choices)
    aanvraag = models.ForeignKey("arrangementen.Aanvraag", on_delete=models.CASCADE, related_name="meldingen")
    sleutel = models.CharField(max_length=120, unique=True, editable=False)
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now)
    gelezen_op = models.DateTimeField(_("read at"), null=True, blank=True)
    email_status = models.CharField(
        _("e-mail"), max_length=10, choices=Verzendstatus.choices, default=Verzendstatus.WACHTRIJ
    )
    email_pogingen = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_verstuurd_op = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)
    email_fout = models.CharField(_("e-mail error"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-aangemaakt", "-pk"]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.get_soort_display()
