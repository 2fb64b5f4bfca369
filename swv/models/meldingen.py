"""The one notification model of the portal (healthchecks' ``Notification``): every app's in-app
notifications and their e-mails are rows of ``Melding``."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MeldingQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """A notification is its recipient's only (to read, or to mark as read)."""
        if not (user and user.is_authenticated and user.is_active) or action not in {"view", "change"}:
            return self.none()
        return self.filter(ontvanger=user)

    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)

    def van_bron(self, bron: str):
        """The notifications of one app (``soort`` is ``"<app>.<kind>"``)."""
        return self.filter(soort__startswith=f"{bron}.")


class Melding(models.Model):
    """A notification for one user about one object: what happened (``soort``, a kind an app
    registers in ``swv.meldingen``) and a link to the object's page (route name + the object's
    public UUID). Never pupil details: the title names the event only, the linked page is scoped
    and answers 404 once the recipient lost access.

    ``sleutel`` names the occasion (``tlv:einddatum:12:2027-07-31``: app, then the app's own key); the unique (recipient,
    occasion) pair makes every run idempotent. The e-mail (a link only) is claimed with a
    conditional update of ``email_status`` before it goes out, so it is never sent twice; when the
    recipient is no longer active or no longer sees the object at send time it is skipped, with
    the reason in ``email_fout``. The recipient is a user of any kind (staff today, parents later):
    the kind's registration says who may receive it.
    """

    class Emailstatus(models.TextChoices):
        WACHTRIJ = "wachtrij", _("queued")
        BEZIG = "bezig", _("sending")
        VERSTUURD = "verstuurd", _("sent")
        OVERGESLAGEN = "overgeslagen", _("skipped")
        MISLUKT = "mislukt", _("failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meldingen", verbose_name=_("recipient")
    )
    soort = models.CharField(_("kind"), max_length=60)
    sleutel = models.CharField(_("occasion"), max_length=160)
    titel = models.CharField(_("title"), max_length=200)
    route = models.CharField(_("route"), max_length=100)
    object_uuid = models.UUIDField(_("object"))
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now)
    gelezen_op = models.DateTimeField(_("read at"), null=True, blank=True)
    email_status = models.CharField(
        _("e-mail"), max_length=12, choices=Emailstatus.choices, default=Emailstatus.WACHTRIJ
    )
    email_pogingen = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_verstuurd_op = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)
    email_fout = models.CharField(_("e-mail error"), max_length=200, blank=True)
    # When a worker claimed the e-mail: one still "bezig" long after it lost its worker (it died
    # between the claim and the mail server) is recorded as failed, never sent again.
    email_geclaimd_op = models.DateTimeField(_("e-mail claimed at"), null=True, blank=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "sleutel"], name="melding_eenmaal_per_aanleiding"),
            models.CheckConstraint(
                condition=~Q(email_status="verstuurd") | Q(email_verstuurd_op__isnull=False),
                name="melding_verstuurd_heeft_tijdstip",
            ),
        ]
        indexes = [models.Index(fields=["ontvanger", "gelezen_op"])]

    def __str__(self) -> str:
        return self.titel

    @property
    def link(self) -> str:
        """The path of the object's page (empty when the route no longer exists)."""
        try:
            return reverse(self.route, args=[self.object_uuid])
        except NoReverseMatch:
            return ""
