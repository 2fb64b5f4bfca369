"""Benchmark pages of the quality app (read by ``manage.py bench``; budgets of issue 8: the
dashboard p95 < 150 ms and at most 25 queries whatever the data size)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from swv.bench import BenchPagina
from swv.choices import Rol


def _eerste_bestuur(ctx) -> str:
    return reverse("kwaliteit:dashboard") + f"?bestuur={ctx.school_a.bestuur_id}"


def _dashboard_deel(domein: str) -> Callable[[Any], str]:
    """The URL of one domain of the dashboard, as htmx requests it."""
    return lambda c: reverse("kwaliteit:dashboard") + f"?domein={domein}"


def _jaarplan(ctx) -> str:
    from kwaliteit.models import Jaarplan

    plan = Jaarplan.objects.order_by("-jaar").first()
    return reverse("kwaliteit:jaarplan", args=[plan.uuid]) if plan else reverse("kwaliteit:jaarplannen")


BENCH_PAGINAS = [
    BenchPagina("Dashboard DB", lambda c: reverse("kwaliteit:dashboard"), Rol.DB, max_queries=25),
    BenchPagina("Dashboard DB, één bestuur", _eerste_bestuur, Rol.DB, max_queries=25),
    BenchPagina("Dashboard bestuurder", lambda c: reverse("kwaliteit:dashboard"), Rol.BESTUURDER, max_queries=25),
    # Every other domain of the dashboard is its own request, as htmx loads it into the page; and the
    # page without JavaScript, opened with that domain computed (a superset: the page and its form).
    *[
        BenchPagina(
            f"Dashboard DB, deel {domein} (htmx)",
            _dashboard_deel(domein),
            Rol.DB,
            max_queries=25,
            htmx=True,
        )
        for domein in ("tlv", "arrangementen", "thuiszitters", "mdo", "financien")
    ],
    BenchPagina(
        "Dashboard DB, deel arrangementen (zonder JavaScript)",
        lambda c: reverse("kwaliteit:dashboard") + "?domein=arrangementen",
        Rol.DB,
        max_queries=25,
    ),
    BenchPagina(
        "Dashboard export (Excel)",
        lambda c: reverse("kwaliteit:kengetal_export", args=["leerlingen_per_bestuur"]),
        Rol.DB,
        max_queries=25,
    ),
    BenchPagina(
        "Dashboard scholen (drill-down)", lambda c: reverse("kwaliteit:dashboard_scholen"), Rol.DB, max_queries=25
    ),
    BenchPagina("Jaarplan", _jaarplan, Rol.BELEIDSMEDEWERKER, max_queries=25),
    BenchPagina("Kwaliteitskalender", lambda c: reverse("kwaliteit:kalender"), Rol.DB),
    BenchPagina("Verslagen", lambda c: reverse("kwaliteit:verslagen"), Rol.DB),
    BenchPagina("Publicaties OPR", lambda c: reverse("publicaties:overzicht"), Rol.OPR_LID),
    BenchPagina(
        "Landelijke vergelijking (76 SWV's)", lambda c: reverse("kwaliteit:vergelijking"), Rol.DB, max_queries=12
    ),
    BenchPagina(
        "Landelijke vergelijking (Excel)",
        lambda c: reverse("kwaliteit:vergelijking_export"),
        Rol.OPR_LID,
        max_queries=12,
    ),
]
