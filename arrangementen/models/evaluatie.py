"""Evaluation of a running arrangement by school, parents and, where possible, the child (seed 004:
"elk arrangement wordt geëvalueerd door school en ouders en – waar mogelijk – door het kind")."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrangementen.choices import Conclusie, DoelenBereikt, JaNeeWeetNiet, Schaal5, Smiley
from arrangementen.querysets import AanvraagOnderdeelQuerySet, EvaluatiemomentQuerySet


class Evaluatiemoment(models.Model):
    """An agreed evaluation moment of the evaluation plan (fixed before the arrangement starts)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    aanvraag = models.ForeignKey("arrangementen.Aanvraag", on_delete=models.CASCADE, related_name="evaluatiemomenten")
    datum = models.DateField(_("evaluation date"))
    history = HistoricalRecords()

    objects = EvaluatiemomentQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation moment")
        verbose_name_plural = _("evaluation moments")
        ordering = ["aanvraag", "datum"]
        constraints = [models.UniqueConstraint(fields=["aanvraag", "datum"], name="arrangement_evaluatiemoment_uniek")]
        indexes = [models.Index(fields=["datum"])]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}"


class Evaluatie(models.Model):
    """The evaluation at one moment: the school's conclusion and the short questionnaires of the
    parents and the child, stored as countable answers (the AC annual report counts them).

    When the parents or the child could not answer, the reason is recorded instead.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    moment = models.OneToOneField(Evaluatiemoment, on_delete=models.PROTECT, related_name="evaluatie")
    aanvraag = models.ForeignKey("arrangementen.Aanvraag", on_delete=models.PROTECT, related_name="evaluaties")
    datum = models.DateField(_("date of the evaluation"), default=timezone.localdate)
    doelen_bereikt = models.CharField(_("were the goals reached?"), max_length=10, choices=DoelenBereikt.choices)
    conclusie = models.CharField(_("conclusion"), max_length=20, choices=Conclusie.choices)
    toelichting = models.TextField(_("the school's evaluation"))

    ouders_ingevuld = models.BooleanField(_("the parents answered the questionnaire"), default=True)
    ouders_reden_niet = models.TextField(_("why the parents did not answer"), blank=True)
    ouders_betrokken = models.PositiveSmallIntegerField(
        _("parents: we were involved enough"), choices=Schaal5.choices, null=True, blank=True
    )
    ouders_geholpen = models.PositiveSmallIntegerField(
        _("parents: the support helped our child"), choices=Schaal5.choices, null=True, blank=True
    )
    ouders_cijfer = models.PositiveSmallIntegerField(
        _("parents: grade for the arrangement (1-10)"), null=True, blank=True
    )
    ouders_doorgaan = models.CharField(
        _("parents: should the support continue?"), max_length=10, choices=JaNeeWeetNiet.choices, blank=True
    )
    ouders_opmerking = models.TextField(_("parents: remarks"), blank=True)

    kind_ingevuld = models.BooleanField(_("the child answered the questionnaire"), default=True)
    kind_reden_niet = models.TextField(_("why the child did not answer"), blank=True)
    kind_fijn = models.PositiveSmallIntegerField(
        _("child: how was the extra help?"), choices=Smiley.choices, null=True, blank=True
    )
    kind_geleerd = models.PositiveSmallIntegerField(
        _("child: did you learn from it?"), choices=Smiley.choices, null=True, blank=True
    )
    kind_doorgaan = models.CharField(
        _("child: do you want it to go on?"), max_length=10, choices=JaNeeWeetNiet.choices, blank=True
    )
    kind_opmerking = models.TextField(_("child: in their own words"), blank=True)

    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    vastgelegd_op = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    objects = AanvraagOnderdeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(ouders_ingevuld=True, ouders_betrokken__isnull=False, ouders_geholpen__isnull=False)
                    & Q(ouders_cijfer__isnull=False)
                    & ~Q(ouders_doorgaan="")
                )
                | (
                    Q(ouders_ingevuld=False, ouders_betrokken__isnull=True, ouders_geholpen__isnull=True)
                    & Q(ouders_cijfer__isnull=True)
                    & ~Q(ouders_reden_niet="")
                ),
                name="evaluatie_ouders_antwoorden_of_reden",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind_ingevuld=True, kind_fijn__isnull=False, kind_geleerd__isnull=False) & ~Q(kind_doorgaan="")
                )
                | (Q(kind_ingevuld=False, kind_fijn__isnull=True, kind_geleerd__isnull=True) & ~Q(kind_reden_niet="")),
                name="evaluatie_kind_antwoorden_of_reden",
            ),
            models.CheckConstraint(
                condition=Q(ouders_cijfer__isnull=True) | Q(ouders_cijfer__gte=1, ouders_cijfer__lte=10),
                name="evaluatie_cijfer_1_10",
            ),
            models.CheckConstraint(
                condition=(Q(ouders_betrokken__isnull=True) | Q(ouders_betrokken__gte=1, ouders_betrokken__lte=5))
                & (Q(ouders_geholpen__isnull=True) | Q(ouders_geholpen__gte=1, ouders_geholpen__lte=5))
                & (Q(kind_fijn__isnull=True) | Q(kind_fijn__gte=1, kind_fijn__lte=3))
                & (Q(kind_geleerd__isnull=True) | Q(kind_geleerd__gte=1, kind_geleerd__lte=3)),
                name="evaluatie_schalen_geldig",
            ),
        ]
        indexes = [models.Index(fields=["datum"])]

    def __str__(self) -> str:
        return f"{_('Evaluation')} {self.datum:%d-%m-%Y}"
