"""The append-only access log of pupil data (PRIVACY.md: "Logged access")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ToegangslogQuerySet(models.QuerySet):
    def update(self, **kwargs):  # pragma: no cover - guarded by the database trigger too
        raise PermissionError("The access log is append-only.")

    def delete(self):  # pragma: no cover
        raise PermissionError("The access log is append-only.")


class Toegangslog(models.Model):
    """One view, download or export of pupil data: who, what, when and through which route.

    The object is stored by type and public UUID, never by name or BSN. On PostgreSQL a trigger
    refuses UPDATE and DELETE, so the log is append-only below the ORM as well; only the retention
    job may remove rows, by a privileged, logged operation.
    """

    class Actie(models.TextChoices):
        BEKEKEN = "bekeken", _("viewed")
        GEDOWNLOAD = "gedownload", _("downloaded")
        GEEXPORTEERD = "geexporteerd", _("exported")
        GEZOCHT = "gezocht", _("searched")
        ONTVANGEN = "ontvangen", _("received")

    tijdstip = models.DateTimeField(_("moment"), auto_now_add=True, db_index=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    actie = models.CharField(_("action"), max_length=20, choices=Actie.choices)
    gebeurtenis = models.CharField(_("event"), max_length=60)
    objecttype = models.CharField(_("object type"), max_length=60)
    object_uuid = models.UUIDField(_("object id"), null=True, blank=True, db_index=True)
    leerling_uuid = models.UUIDField(_("pupil id"), null=True, blank=True, db_index=True)
    route = models.CharField(_("route"), max_length=200, blank=True)
    aantal = models.PositiveIntegerField(_("number of records"), default=1)
    categorieen = models.CharField(_("categories"), max_length=500, blank=True)

    objects = ToegangslogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-tijdstip"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.gebruiker_id} {self.gebeurtenis}"
