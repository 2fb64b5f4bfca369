"""In-app notifications of the TLV app (and the e-mail that carries only a link to them)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from swv.meldingen import MeldingQuerySet
from tlv.choices import Meldingsoort


class TLVMelding(models.Model):
    """A notification for one user about one TLV: what happened (``soort``), never pupil details.

    ``sleutel`` names the occasion (``einddatum:<tlv>:<date>``, ``ingediend:<transition>`` ...); the
    unique (recipient, key) pair makes every reminder run idempotent. ``gemaild_op`` is claimed with
    a conditional update before the e-mail goes out, so a retried task never mails twice. No change
    history: rows are created in bulk and only ever get their read and mailed timestamps.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tlv_meldingen")
    tlv = models.ForeignKey("tlv.TLV", on_delete=models.CASCADE, related_name="meldingen")
    soort = models.CharField(_("kind"), max_length=30, choices=Meldingsoort.choices)
    sleutel = models.CharField(_("occasion"), max_length=120)
    aangemaakt = models.DateTimeField(_("created"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("read at"), null=True, blank=True)
    gemaild_op = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("TLV notification")
        verbose_name_plural = _("TLV notifications")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "sleutel"], name="tlvmelding_eenmaal_per_aanleiding")
        ]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.get_soort_display()

    def get_absolute_url(self) -> str:
        return reverse("tlv:melding_openen", args=[self.uuid])

    @property
    def titel(self) -> str:
        return self.get_soort_display()
