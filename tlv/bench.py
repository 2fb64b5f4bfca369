"""Benchmark pages of the TLV app (wired into ``manage.py bench`` through ``BENCH_PAGINAS``).

Each entry is ``(label, url_name or callable(ctx) -> url, role)``. ``meten()`` measures the same pages
(p95 and query counts) and the DUO export directly, for docs/tlv.md, until the shared bench command
exists::

    DATABASE_URL=... python manage.py shell -c "from tlv.bench import meten; meten()"
"""

from __future__ import annotations

import statistics
import time

from django.urls import reverse

from swv.choices import Rol


def _register_gefilterd(ctx=None) -> str:
    return reverse("tlv:register") + "?soort=SO&status=actief"


def _detail(ctx=None) -> str:
    from tlv.models import TLV

    uuid = TLV.objects.filter(status="actief").order_by("-afgegeven_op").values_list("uuid", flat=True).first()
    return reverse("tlv:detail", args=[uuid])


BENCH_PAGINAS = [
    ("TLV-register (gefilterd)", _register_gefilterd, Rol.DB),
    ("TLV-register", "tlv:register", Rol.BELEIDSMEDEWERKER),
    ("TLC-werkvoorraad", "tlv:werkvoorraad", Rol.TLC_LID),
    ("TLV-aanvragen school", "tlv:lijst", Rol.IB_ER),
    ("TLV-detail", _detail, Rol.TLC_LID),
    ("TLV-kengetallen", "tlv:kengetallen", Rol.DB),
]


def _gebruiker(rol: str):
    from swv.models import Lidmaatschap

    return Lidmaatschap.objects.filter(rol=rol, gebruiker__is_demo=True).select_related("gebruiker").first().gebruiker


def meten(herhalingen: int = 30, uit=print) -> dict:
    """p95 (ms) and queries per page, and the time of a full DUO export (as the DB)."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    uitkomst = {}
    for label, url, rol in BENCH_PAGINAS:
        client = Client(HTTP_ACCEPT_LANGUAGE="nl", HTTP_HOST="localhost")
        client.force_login(_gebruiker(rol))
        adres = url() if callable(url) else reverse(url)
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
        uitkomst[label] = {"p95_ms": round(p95, 1), "mediaan_ms": round(statistics.median(tijden), 1),
                           "queries": len(queries.captured_queries)}
        uit(f"{label:28} p95 {p95:7.1f} ms  mediaan {statistics.median(tijden):7.1f} ms  {len(queries)} queries")

    client = Client(HTTP_ACCEPT_LANGUAGE="nl", HTTP_HOST="localhost")
    client.force_login(_gebruiker(Rol.DB))
    begin = time.perf_counter()
    response = client.get(reverse("tlv:register_duo"))
    regels = b"".join(response.streaming_content).count(b"\n") - 1
    duur = time.perf_counter() - begin
    uitkomst["DUO-export"] = {"seconden": round(duur, 2), "regels": regels}
    uit(f"{'DUO-export':28} {duur:7.2f} s voor {regels} TLV's")
    return uitkomst
