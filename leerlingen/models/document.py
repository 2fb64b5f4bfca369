"""Documents in a pupil's dossier (reports, research): private files served by a scoped view only."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import Documentsoort
from leerlingen.querysets_dossier import DocumentQuerySet
from swv.storage import private_storage


def document_pad(instance: Document, filename: str) -> str:
    """Storage name without the pupil or the original name in it: ``documenten/<year>/<uuid>.<ext>``."""
    return f"documenten/{timezone.now():%Y}/{instance.uuid}.{instance.extensie}"


class Document(models.Model):
    """An uploaded file about a pupil, checked by content (``swv.uploads.valideer_upload``).

    Stored in the private storage under a UUID name and served only by the scoped, access-logged
    download view. Reusable by other apps: attach with a FK to ``Document`` (the ``dossier`` is
    optional; visibility then follows the pupil), created through ``document_toevoegen``.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey("leerlingen.Leerling", on_delete=models.PROTECT, related_name="documenten")
    dossier = models.ForeignKey(
        "leerlingen.Dossier", on_delete=models.PROTECT, null=True, blank=True, related_name="documenten"
    )
    school = models.ForeignKey("swv.School", on_delete=models.PROTECT, related_name="+", verbose_name=_("school"))
    soort = models.CharField(_("kind of document"), max_length=20, choices=Documentsoort.choices)
    titel = models.CharField(_("title"), max_length=200)
    bestand = models.FileField(_("file"), storage=private_storage, upload_to=document_pad, max_length=200)
    oorspronkelijke_naam = models.CharField(_("original file name"), max_length=255)
    inhoudstype = models.CharField(_("content type"), max_length=100)
    extensie = models.CharField(_("extension"), max_length=10)
    grootte = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64)
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    geupload_op = models.DateTimeField(_("uploaded at"), default=timezone.now)
    van_ouder = models.BooleanField(
        _("from the parent"), default=False, help_text=_("Uploaded by a parent in the parents' portal.")
    )
    history = HistoricalRecords()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-geupload_op", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(grootte__gt=0), name="document_niet_leeg"),
        ]

    def __str__(self) -> str:
        return self.titel
