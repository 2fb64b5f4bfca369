"""Status transitions as rows (healthchecks' ``Flip``): old, new, who, when and why."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatuswijzigingQuerySet(models.QuerySet):
    def van(self, obj) -> StatuswijzigingQuerySet:
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).order_by("op", "pk")


class Statuswijziging(models.Model):
    """One transition of a jaarplan, report version or publication; written by the transition's service."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    onderwerp = GenericForeignKey("content_type", "object_id")
    oud = models.CharField(_("old status"), max_length=30, blank=True)
    nieuw = models.CharField(_("new status"), max_length=30)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    op = models.DateTimeField(_("moment"), auto_now_add=True)
    reden = models.TextField(_("reason"), blank=True)

    objects = StatuswijzigingQuerySet.as_manager()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["op", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(oud=models.F("nieuw")), name="statuswijziging_verandert")
        ]

    def __str__(self) -> str:
        return f"{self.oud or '-'} -> {self.nieuw}"
