"""In-app notifications: what a user should act on, with a link; never pupil details in the text."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from swv.meldingen import MeldingQuerySet


class Melding(models.Model):
    """A notification for one user (a zorgplicht deadline coming up, ...). The title names the
    event only; the link leads to the scoped page, which answers 404 once the user lost access.
    ``gemaild_op`` records that the e-mail (a link only) went out, so a retry never mails twice."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingen")
    titel = models.CharField(_("title"), max_length=200)
    link = models.CharField(_("link"), max_length=300)
    herinnering = models.ForeignKey(
        "leerlingen.ZorgplichtHerinnering", on_delete=models.CASCADE, null=True, blank=True, related_name="meldingen"
    )
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("read at"), null=True, blank=True)
    gemaild_op = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "herinnering"], name="melding_eenmaal_per_herinnering"),
        ]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.titel
