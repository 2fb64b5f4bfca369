"""Benchmark pages of the arrangements app (read by ``manage.py bench``; budget: p95 < 150 ms and at
most 20 queries, on the largest SWV with ten school years of arrangements: ``demo_swv --schaal groot``).

Each entry has ``label``, ``url`` (a callable ``ctx -> str`` over the bench context: demo users per
role, school A) and ``rol``. Entries are ``swv.bench.BenchPagina``.
"""

from __future__ import annotations

from django.urls import reverse

from swv.bench import BenchPagina
from swv.choices import Rol


def _aanvraag_van_school_a(ctx) -> str:
    from arrangementen.choices import AanvraagStatus
    from arrangementen.models import Aanvraag

    aanvraag = (
        Aanvraag.objects.filter(school=ctx.school_a, status=AanvraagStatus.LOPEND).order_by("pk").first()
        or Aanvraag.objects.filter(school=ctx.school_a).order_by("pk").first()
    )
    assert aanvraag is not None, "the demo has arrangement requests at school A"
    return reverse("arrangementen:detail", args=[aanvraag.uuid])


BENCH_PAGINAS = [
    BenchPagina(
        "Arrangementen: werkvoorraad consulent", lambda c: reverse("arrangementen:werkvoorraad"), Rol.CONSULENT
    ),
    BenchPagina(
        "Arrangementen: werkvoorraad AC (hele SWV)", lambda c: reverse("arrangementen:werkvoorraad"), Rol.AC_LID
    ),
    BenchPagina("Arrangementen: budgetoverzicht", lambda c: reverse("arrangementen:budget"), Rol.CONTROLLER),
    BenchPagina("Arrangementen: lijst ib-er", lambda c: reverse("arrangementen:lijst"), Rol.IB_ER),
    BenchPagina("Arrangementen: lijst DB (hele SWV)", lambda c: reverse("arrangementen:lijst"), Rol.DB),
    BenchPagina("Arrangementen: aanvraag", _aanvraag_van_school_a, Rol.IB_ER, max_queries=30),
    # A report page (every school of the SWV in one table): its own, wider budget.
    BenchPagina(
        "Arrangementen: AC-jaarverslag", lambda c: reverse("arrangementen:jaarverslag"), Rol.AC_LID, max_ms_p95=300
    ),
]
