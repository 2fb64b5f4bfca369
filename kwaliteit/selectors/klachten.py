"""Reads of the complaints procedure: the handlers' list and page, and counts without names."""

from __future__ import annotations

from datetime import date

from django.db.models import BooleanField, Case, Count, F, Q, QuerySet, Value, When

from kwaliteit.models import Klacht, KlachtStatusovergang


def klachten(user, *, status: str = "") -> QuerySet[Klacht]:
    """The complaints the user may see (handlers: all; a parent: their own), newest first."""
    qs = Klacht.objects.visible_to(user).select_related("school", "behandelaar")
    return qs.filter(status=status) if status else qs


def klacht_historie(klacht: Klacht) -> QuerySet[KlachtStatusovergang]:
    return klacht.statusovergangen.select_related("door").order_by("op", "pk")


def klacht_tellingen(user, *, begin: date, einde: date) -> list[dict]:
    """Complaints received in ``[begin, einde]`` counted by subject, status, judgement and whether
    they were closed within the handling term; one GROUP BY query in the user's counting scope
    (``visible_to(user, "tellen")``). No names, no texts: only the counts."""
    return list(
        Klacht.objects.visible_to(user, "tellen")
        .filter(ontvangen_op__gte=begin, ontvangen_op__lte=einde)
        .annotate(
            binnen_termijn=Case(
                When(afgehandeld_op__isnull=False, afgehandeld_op__lte=F("afhandelen_voor"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
            met_derde=Case(When(~Q(derde=""), then=Value(True)), default=Value(False), output_field=BooleanField()),
        )
        .values("onderwerp", "status", "oordeel", "binnen_termijn", "met_derde", "lkc_op")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
