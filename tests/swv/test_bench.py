"""Every app's benchmark pages are readable by ``manage.py bench`` (label, url, role, budgets)."""

from __future__ import annotations

from swv.bench import BenchPagina
from swv.choices import Rol
from swv.management.commands.bench import _pagina_lijsten


def test_every_bench_page_has_what_the_bench_command_reads():
    paginas = list(_pagina_lijsten())
    assert {p.label.split(":")[0] for p in paginas} >= {"Home ib-er", "Arrangementen", "Financiën", "Dashboard DB"}
    for pagina in paginas:
        assert isinstance(pagina.label, str) and callable(pagina.url) and pagina.rol in Rol.values, pagina
        assert pagina.max_ms_p95 > 0 and pagina.max_queries > 0 and isinstance(getattr(pagina, "htmx", False), bool)
    assert len({p.label for p in paginas}) == len(paginas)  # one row per page in docs/benchmarks.md
    assert any(isinstance(p, BenchPagina) for p in paginas)
