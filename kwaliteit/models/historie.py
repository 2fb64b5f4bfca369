"""Status transitions as rows (healthchecks' ``Flip``): old, new, who, when and why."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from swv.models.historie import Statusovergang


class StatuswijzigingQuerySet(models.QuerySet):
    def van(self, obj) -> StatuswijzigingQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).order_by("op", "pk")


class Statuswijziging(Statusovergang):
    """One transition of a jaarplan, report version or publication (``swv.models.Statusovergang``),
    in one table for the three: the subject is a generic relation."""

    ONDERWERPEN = ("kwaliteit.Jaarplan", "kwaliteit.RapportVersie", "kwaliteit.Publicatie")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")

    objects = StatuswijzigingQuerySet.as_manager()

    class Meta(Statusovergang.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(van=models.F("naar")), name="statuswijziging_verandert")
        ]

    @classmethod
    def onderwerp_modellen(cls) -> tuple[type[models.Model], ...]:
        return tuple(apps.get_model(label) for label in cls.ONDERWERPEN)

    @classmethod
    def koppeling(cls, obj: models.Model) -> dict[str, Any]:
        return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}

    def get_van_display(self) -> str:
        return self._label(self.van)

    def get_naar_display(self) -> str:
        return self._label(self.naar)

    def _label(self, status: str) -> str:
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()  # cached, no query per row
        keuzes = (getattr(model._meta.get_field("status"), "choices", None) or []) if model else []
        return str(dict(keuzes).get(status, status)) if status else ""
