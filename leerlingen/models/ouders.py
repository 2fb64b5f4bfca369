"""Parents in the portal: the link between a parent's account and a child (issue 14).

Parents are not members of an organisation (no ``Lidmaatschap``), so their rights come from this
link only. The school (ib-er or directeur of the child's current school) makes it; it gives access
while it runs (``begin`` .. ``einde``), the parent has legal authority (``gezag``) or the school
recorded why someone without it may see the child, and the child is enrolled at one of the SWV's
schools today. The last condition is computed in the scoping (``OuderKoppelingQuerySet.actief``),
so a link ends by itself when the child leaves.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from leerlingen.choices import Ouderrelatie
from leerlingen.querysets_ouders import LogboekQuerySet, OuderBriefQuerySet, OuderKoppelingQuerySet


class OuderKoppeling(models.Model):
    """A parent's (or guardian's) access to one child, made and ended by the school.

    One running link per parent and child (a second invitation of the same parent is refused); a
    parent without legal authority (``gezag``) only with a recorded reason. Ending sets ``einde``;
    the row stays for the history.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ouder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ouderkoppelingen", verbose_name=_("parent")
    )
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="ouderkoppelingen", verbose_name=_("pupil")
    )
    relatie = models.CharField(_("relationship to the pupil"), max_length=20, choices=Ouderrelatie.choices)
    gezag = models.BooleanField(_("has legal authority (gezag)"))
    reden_zonder_gezag = models.TextField(_("why this parent has access without legal authority"), blank=True)
    begin = models.DateField(_("start date"), default=timezone.localdate)
    einde = models.DateField(_("end date"), null=True, blank=True)
    einde_reden = models.TextField(_("why the link was ended"), blank=True)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    uitgenodigd_op = models.DateTimeField(_("invited at"), default=timezone.now)
    beeindigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    history = HistoricalRecords()

    objects = OuderKoppelingQuerySet.as_manager()

    class Meta:
        verbose_name = _("parent link")
        verbose_name_plural = _("parent links")
        ordering = ["leerling", "begin", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gezag=True) | ~Q(reden_zonder_gezag=""), name="ouderkoppeling_gezag_of_reden"
            ),
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(einde__gte=F("begin")), name="ouderkoppeling_einde_na_begin"
            ),
            models.UniqueConstraint(
                fields=["ouder", "leerling"], condition=Q(einde__isnull=True), name="ouderkoppeling_een_lopende"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_relatie_display()} ({self.begin:%d-%m-%Y})"


class OuderBrief(models.Model):
    """A decision letter delivered to a parent in the parents' portal (an Awb-besluit is addressed to
    the parents; their objection term runs from the delivery).

    The PDF is the deciding app's own letter job (``swv.Taak``: a private file, made on the worker);
    the app that delivers also computes the objection term from ``bezorgd_op`` (its own rules). One
    row per parent and letter.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ouder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ouderbrieven", verbose_name=_("parent")
    )
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="ouderbrieven", verbose_name=_("pupil")
    )
    bron = models.CharField(_("source"), max_length=30)
    bron_uuid = models.UUIDField(_("public id of the decision"))
    titel = models.CharField(_("title"), max_length=200)
    taak = models.ForeignKey("swv.Taak", on_delete=models.PROTECT, related_name="+", verbose_name=_("letter (PDF job)"))
    bezorgd_op = models.DateTimeField(_("delivered at"), default=timezone.now)
    bezwaartermijn_einde = models.DateField(_("objection possible until"), null=True, blank=True)
    gedownload_op = models.DateTimeField(_("first downloaded at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = OuderBriefQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter to a parent")
        verbose_name_plural = _("letters to parents")
        ordering = ["-bezorgd_op", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["ouder", "taak"], name="ouderbrief_eenmaal_per_ouder"),
        ]

    def __str__(self) -> str:
        return self.titel


class Logboekbericht(models.Model):
    """A short message in the logbook the parents keep with the school about one child (issue 14).

    Visible to the school staff who see the pupil; a message of the school to every parent with a
    link in force; a parent's message to the other parents too, unless its author marked it "only for
    the school" (``alleen_school``, which only a parent's message can be).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    leerling = models.ForeignKey(
        "leerlingen.Leerling", on_delete=models.PROTECT, related_name="logboekberichten", verbose_name=_("pupil")
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    van_ouder = models.BooleanField(_("written by a parent"))
    tekst = models.TextField(_("message"))
    alleen_school = models.BooleanField(_("only for the school"), default=False)
    aangemaakt = models.DateTimeField(_("written at"), default=timezone.now)
    history = HistoricalRecords()

    objects = LogboekQuerySet.as_manager()

    class Meta:
        verbose_name = _("logbook message")
        verbose_name_plural = _("logbook messages")
        ordering = ["-aangemaakt", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(alleen_school=False) | Q(van_ouder=True), name="logboek_alleen_school_van_ouder"
            ),
            models.CheckConstraint(condition=~Q(tekst=""), name="logboek_niet_leeg"),
        ]

    def __str__(self) -> str:
        return f"{self.aangemaakt:%d-%m-%Y %H:%M}"
