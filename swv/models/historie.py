"""The one shape of a status-history row (healthchecks' ``Flip``): old, new, who, when and why.

Each app keeps its own concrete table (``TLVStatusovergang``, ``DossierStatusovergang`` ...), so its
timeline, admin and reports keep their plain queries; every table subclasses ``Statusovergang`` and
so has the same fields, and only ``swv.overgangen`` writes them. A concrete model names the foreign
key to the object whose status changed in ``onderwerp_veld`` and its status choices in
``STATUSSEN``; that is the whole registry (``swv.overgangen.historie_model`` finds the table by it).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Statusovergang(models.Model):
    """One status transition of one object; ``door`` is empty for the system (a daily run)."""

    #: The foreign key to the object whose status changed (each concrete model sets it).
    onderwerp_veld: ClassVar[str] = ""
    #: The status choices of that object, for the labels.
    STATUSSEN: ClassVar[type[models.TextChoices] | None] = None

    van = models.CharField(_("from"), max_length=30, blank=True)
    naar = models.CharField(_("to"), max_length=30)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    op = models.DateTimeField(_("at"), default=timezone.now)
    reden = models.TextField(_("reason"), blank=True)

    class Meta:
        abstract = True
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.van or '-'} -> {self.naar}"

    @classmethod
    def onderwerp_modellen(cls) -> tuple[type[models.Model], ...]:
        """The models whose transitions this table records."""
        gerelateerd = cls._meta.get_field(cls.onderwerp_veld).related_model
        assert isinstance(gerelateerd, type)
        return (gerelateerd,)

    @classmethod
    def koppeling(cls, obj: models.Model) -> dict[str, Any]:
        """The field values that tie a new row to ``obj``."""
        return {cls.onderwerp_veld: obj}

    @classmethod
    def label(cls, status: str) -> str:
        if not status:
            return ""
        if cls.STATUSSEN is None:
            return status
        return str(dict(cls.STATUSSEN.choices).get(status, status))

    def get_van_display(self) -> str:
        return self.label(self.van)

    def get_naar_display(self) -> str:
        return self.label(self.naar)
