"""Reads of the dashboard: the tiles (one selector call per key figure), the filter choices in the
user's scope, and the drill-down list of schools."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from kwaliteit.choices import Domein
from kwaliteit.kengetallen import Filters, alle_kengetallen, scholen_in_scope
from kwaliteit.presentatie import Weergave, presenteer
from swv.models import Bestuur, Gemeente, Kring, Leerlingtelling, School


def dashboard_tegels(user, filters: Filters, *, berekenen: set[str] | None = None) -> list[dict]:
    """Per domain its tiles, each registered key figure computed once for ``filters``. Only the
    domains in ``berekenen`` (all when None) are computed; the others come back with ``tegels``
    None, for the page to load them separately (one request per domain keeps every request within
    the dashboard's query budget, whatever the number of apps that register key figures)."""
    domeinen = []
    for waarde, label in Domein.choices:
        kengetallen = alle_kengetallen(waarde)
        if not kengetallen:
            continue
        tegels: list[Weergave] | None = None
        if berekenen is None or waarde in berekenen:
            tegels = [presenteer(k, k.bereken(user, filters), filters, user=user) for k in kengetallen]
        domeinen.append({"domein": waarde, "label": label, "tegels": tegels})
    return domeinen


def filter_keuzes(user) -> dict[str, QuerySet]:
    """The options of the filter form, limited to the user's scope (a bestuurder: own boards)."""
    scholen = scholen_in_scope(user)
    return {
        "besturen": Bestuur.objects.filter(scholen__in=scholen).distinct().order_by("naam"),
        "kringen": Kring.objects.filter(scholen__in=scholen).distinct().order_by("naam"),
        "gemeenten": Gemeente.objects.filter(scholen__in=scholen).distinct().order_by("naam"),
        "scholen": scholen.order_by("naam"),
    }


def scholen_lijst(user, filters: Filters) -> QuerySet[School]:
    """The schools behind a tile (aggregates per school, no pupil data), with their latest count."""
    laatste = Leerlingtelling.objects.filter(school=OuterRef("pk"), teldatum__lte=filters.einde).order_by("-teldatum")
    return (
        filters.scholen(user)
        .annotate(
            laatste_teldatum=Subquery(laatste.values("teldatum")[:1]),
            laatste_aantal=Subquery(laatste.values("aantal")[:1]),
        )
        .select_related("bestuur", "kring", "gemeente")
        .order_by("naam")
    )
