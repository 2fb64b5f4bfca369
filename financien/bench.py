"""Benchmark pages of the finance app (wired into ``manage.py bench`` through ``BENCH_PAGINAS``).

Each entry is a ``swv.bench.BenchPagina`` (label, ``callable(ctx) -> url``, role), measured by
``manage.py bench``; ``meten()`` measures the same pages with CPU time as well and ``pdf_tijd()`` the
T-rapportage PDF, for ``docs/financien.md``:

    .venv/bin/python manage.py shell -c "from financien.bench import meten; meten()"
"""

from __future__ import annotations

import statistics
import time

from django.urls import reverse
from django.utils import timezone

from swv.bench import BenchPagina
from swv.choices import Rol


def _jaar() -> int:
    return timezone.localdate().year


def _rapport_url(ctx=None) -> str:
    from financien.models import TRapportage

    rapport = TRapportage.objects.order_by("-aangemaakt").first()
    return reverse("financien:t_rapportage", args=[rapport.uuid]) if rapport else reverse("financien:t_rapportages")


def _import_url(ctx=None) -> str:
    from financien.models import RealisatieImport

    invoer = RealisatieImport.objects.order_by("-jaar", "-maand").first()
    return reverse("financien:realisatie_import", args=[invoer.uuid]) if invoer else reverse("financien:realisatie")


BENCH_PAGINAS = [
    BenchPagina("Financiën: overzicht", lambda ctx: reverse("financien:overzicht"), Rol.CONTROLLER),
    BenchPagina(
        "Financiën: parameters", lambda ctx: reverse("financien:parameters_jaar", args=[_jaar()]), Rol.CONTROLLER
    ),
    BenchPagina("Financiën: meerjarenbegroting", lambda ctx: reverse("financien:begroting"), Rol.CONTROLLER),
    BenchPagina(
        "Financiën: begroting jaar", lambda ctx: reverse("financien:begroting_jaar", args=[_jaar()]), Rol.CONTROLLER
    ),
    BenchPagina("Financiën: realisatie", lambda ctx: reverse("financien:realisatie"), Rol.CONTROLLER),
    BenchPagina("Financiën: import (voorbeeld)", _import_url, Rol.CONTROLLER),
    BenchPagina(
        "Financiën: toewijzing (alle besturen)",
        lambda ctx: reverse("financien:toewijzing_jaar", args=[_jaar()]),
        Rol.CONTROLLER,
    ),
    BenchPagina(
        "Financiën: toewijzing (eigen bestuur)",
        lambda ctx: reverse("financien:toewijzing_jaar", args=[_jaar()]),
        Rol.BESTUURDER,
    ),
    BenchPagina(
        "Financiën: afdrachten SO/SBO", lambda ctx: reverse("financien:afdrachten_jaar", args=[_jaar()]), Rol.DB
    ),
    BenchPagina("Financiën: reserves", lambda ctx: reverse("financien:reserves"), Rol.DB),
    BenchPagina("Financiën: T-rapportages", lambda ctx: reverse("financien:t_rapportages"), Rol.CONTROLLER),
    BenchPagina("Financiën: T-rapportage (concept)", _rapport_url, Rol.CONTROLLER),
    BenchPagina("Start: financiën (paneel)", lambda ctx: reverse("paneel", args=["financien"]), Rol.DB, htmx=True),
]


def meten(herhalingen: int = 30, uitvoer=print) -> list[dict]:
    """p95 and median server time (ms) and queries per page, as the demo user of each role."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from swv.models import Lidmaatschap

    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    resultaten = []
    for pagina in BENCH_PAGINAS:
        label, rol = pagina.label, pagina.rol
        lid = Lidmaatschap.objects.filter(rol=rol, gebruiker__is_demo=True).select_related("gebruiker").first()
        assert lid is not None, f"the demo has a {rol}"
        gebruiker = lid.gebruiker
        client = Client()
        client.force_login(gebruiker)
        url = pagina.url(None)
        client.get(url)  # warm-up
        tijden, cpu, queries = [], [], 0
        for _ in range(herhalingen):
            with CaptureQueriesContext(connection) as q:
                begin, begin_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                tijden.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.process_time() - begin_cpu) * 1000)
            queries = len(q)
            assert response.status_code == 200, (label, response.status_code)
        tijden.sort()
        cpu.sort()
        p95 = int(0.95 * (len(tijden) - 1))
        rij = {
            "pagina": label,
            "p95_ms": round(tijden[p95], 1),
            "mediaan_ms": round(statistics.median(tijden), 1),
            "cpu_p95_ms": round(cpu[p95], 1),
            "queries": queries,
        }
        resultaten.append(rij)
        uitvoer(
            f"{label:42} p95 {rij['p95_ms']:7.1f} ms  mediaan {rij['mediaan_ms']:7.1f} ms  "
            f"cpu-p95 {rij['cpu_p95_ms']:7.1f} ms  {queries:3d} queries"
        )
    return resultaten


def pdf_tijd(herhalingen: int = 3, uitvoer=print) -> float:
    """Worker time of the T-rapportage job (lines, key figures and PDF) on a fresh draft, in seconds."""
    from django.db import transaction

    from financien.models import Begroting
    from financien.services import rapportage as services
    from swv.models import Gebruiker

    controller = Gebruiker.objects.filter(lidmaatschappen__rol=Rol.CONTROLLER, is_demo=True).first()
    jaar = Begroting.objects.order_by("-jaar").values_list("jaar", flat=True).first()
    assert jaar is not None, "the demo has a budget"
    tijden = []
    for _ in range(herhalingen):
        with transaction.atomic():
            rapport = services.t_rapportage_starten(door=controller, jaar=jaar, t_nummer=1, op_achtergrond=False)
            begin = time.perf_counter()
            services.t_rapportage_opbouwen(rapport=rapport)
            tijden.append(time.perf_counter() - begin)
            rapport.refresh_from_db()
            rapport.pdf.delete(save=False)
            transaction.set_rollback(True)  # leave the demo as it was
    uitvoer(f"T-rapportage PDF: {max(tijden):.2f} s (slowest of {herhalingen}; {[round(t, 2) for t in tijden]})")
    return max(tijden)
