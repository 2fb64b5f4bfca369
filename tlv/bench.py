"""Benchmark pages of the TLV app (wired into ``manage.py bench`` through ``BENCH_PAGINAS``).

Each entry is ``(label, callable(ctx) -> url, role, p95 budget, query budget)``. ``meten()`` measures the same pages
(p95 and query counts) and the DUO export directly, for docs/tlv.md, until the shared bench command
exists::

    DATABASE_URL=... python manage.py shell -c "from tlv.bench import meten; meten()"
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any, NamedTuple

from django.http import StreamingHttpResponse
from django.urls import reverse

from swv.choices import Rol


class Pagina(NamedTuple):
    """``(label, url, rol)`` as the brief asks, with the attributes of ``swv.bench.BenchPagina``
    (``url`` is a callable ``(ctx) -> str``), so the shared ``manage.py bench`` reads it as is."""

    label: str
    url: Callable[[Any], str]
    rol: str
    max_ms_p95: float = 150.0
    max_queries: int = 20


def _detail(ctx=None) -> str:
    from tlv.models import TLV

    uuid = TLV.objects.filter(status="actief").order_by("-afgegeven_op").values_list("uuid", flat=True).first()
    return reverse("tlv:detail", args=[uuid])


BENCH_PAGINAS = [
    Pagina("TLV-register (gefilterd)", lambda c: reverse("tlv:register") + "?soort=SO&status=actief", Rol.DB),
    Pagina("TLV-register", lambda c: reverse("tlv:register"), Rol.BELEIDSMEDEWERKER),
    Pagina("TLC-werkvoorraad", lambda c: reverse("tlv:werkvoorraad"), Rol.TLC_LID),
    Pagina("TLV-aanvragen school", lambda c: reverse("tlv:lijst"), Rol.IB_ER),
    Pagina("TLV-detail", _detail, Rol.TLC_LID),
    Pagina("TLV-kengetallen", lambda c: reverse("tlv:kengetallen"), Rol.DB),
]


def _gebruiker(rol: str):
    from swv.models import Lidmaatschap

    lid = Lidmaatschap.objects.filter(rol=rol, gebruiker__is_demo=True).select_related("gebruiker").first()
    assert lid is not None, f"the demo has a {rol}"
    return lid.gebruiker


def meten(herhalingen: int = 30, uit=print) -> dict:
    """p95 (ms) and queries per page, and the time of a full DUO export (as the DB)."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    uitkomst = {}
    for label, url, rol, _ms, _queries in BENCH_PAGINAS:
        client = Client(HTTP_ACCEPT_LANGUAGE="nl", HTTP_HOST="localhost")
        client.force_login(_gebruiker(rol))
        adres = url(None)
        client.get(adres)  # warm up
        tijden = []
        for _ in range(herhalingen):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(adres)
                tijden.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        p95 = statistics.quantiles(tijden, n=20)[-1]
        uitkomst[label] = {
            "p95_ms": round(p95, 1),
            "mediaan_ms": round(statistics.median(tijden), 1),
            "queries": len(queries.captured_queries),
        }
        uit(f"{label:28} p95 {p95:7.1f} ms  mediaan {statistics.median(tijden):7.1f} ms  {len(queries)} queries")

    client = Client(HTTP_ACCEPT_LANGUAGE="nl", HTTP_HOST="localhost")
    client.force_login(_gebruiker(Rol.DB))
    begin = time.perf_counter()
    response = client.get(reverse("tlv:register_duo"))
    assert isinstance(response, StreamingHttpResponse)
    regels = b"".join(response.streaming_content).count(b"\n") - 1
    duur = time.perf_counter() - begin
    uitkomst["DUO-export"] = {"seconden": round(duur, 2), "regels": regels}
    uit(f"{'DUO-export':28} {duur:7.2f} s voor {regels} TLV's")
    return uitkomst
