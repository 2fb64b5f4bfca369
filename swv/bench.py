"""Benchmark pages of the platform (read by ``manage.py bench``).

Each app may have a ``bench.py`` with ``BENCH_PAGINAS``: a list of ``BenchPagina`` whose ``url`` is a
callable ``(ctx) -> str`` over a ``BenchContext`` (demo users per role, school A, ``extra``). An app's
``bench.py`` may also define ``bereid_voor(ctx)`` (put the objects its pages need in ``ctx.extra``)
and ``omvang() -> str`` (what it holds, for the report's heading), so that the platform's command
never imports a domain app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from swv.choices import Rol


@dataclass(frozen=True)
class BenchPagina:
    label: str
    url: Callable[[Any], str]
    rol: str
    max_ms_p95: float = 150.0
    max_queries: int = 20
    htmx: bool = False  # requested as htmx does (``HX-Request``): a fragment loaded into a page


@dataclass
class BenchContext:
    swv: Any
    gebruikers: dict[str, Any]
    school_a: Any
    extra: dict[str, Any] = field(default_factory=dict)


BENCH_PAGINAS = [
    BenchPagina("Home ib-er", lambda c: reverse("home"), Rol.IB_ER),
    BenchPagina("Home consulent", lambda c: reverse("home"), Rol.CONSULENT),
    BenchPagina("Home DB", lambda c: reverse("home"), Rol.DB),
    BenchPagina("Home bestuurder", lambda c: reverse("home"), Rol.BESTUURDER),
    BenchPagina("Home OPR", lambda c: reverse("home"), Rol.OPR_LID),
    BenchPagina("Scholenregister", lambda c: reverse("register"), Rol.DB),
    BenchPagina("Scholenregister gefilterd (SO)", lambda c: reverse("register") + "?soort=SO", Rol.DB),
    BenchPagina("School", lambda c: reverse("school_detail", args=[c.school_a.uuid]), Rol.IB_ER),
]
