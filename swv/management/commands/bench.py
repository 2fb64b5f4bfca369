"""``manage.py bench``: server time (median, p95) and SQL queries per main page on the current database.

Run it on the large demo (``make bench`` builds it: Amsterdam-Diemen, PO 27-07, ~64,000 pupils).
Pages come from ``BENCH_PAGINAS`` in every installed app's ``bench.py``. Not part of the test suite:
speed is measured here, never in timed unit tests. Numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import gc
import importlib
import statistics
import time
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

from swv.bench import BenchContext
from swv.demo import DEMO_ACCOUNTS
from swv.models import Gebruiker, Samenwerkingsverband


def _bench_modules():
    """Every installed app's ``bench`` module (the platform's own first)."""
    for app in apps.get_app_configs():
        try:
            yield importlib.import_module(f"{app.name}.bench")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app.name}.bench":
                raise


def _pagina_lijsten():
    for module in _bench_modules():
        yield from getattr(module, "BENCH_PAGINAS", [])


class Command(BaseCommand):
    help = "Measure server time and query counts of the main pages on the current database (the large demo)."

    def add_arguments(self, parser):
        parser.add_argument("--herhalingen", type=int, default=30)
        parser.add_argument("--filter", default="", help="only pages whose label contains this text")

    def handle(self, *args, herhalingen, filter, **options):
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        swv = Samenwerkingsverband.objects.order_by("-pk").first()
        if swv is None:
            raise CommandError("No samenwerkingsverband in this database: build the demo first (make bench).")
        gebruikers: dict[str, Gebruiker] = {}
        for email, _v, _a, rol, scope in DEMO_ACCOUNTS:
            user = Gebruiker.objects.filter(email=email).first()
            if user and scope != "b":
                gebruikers[rol] = user
        from swv.demo import _kies_scholen

        school_a, _ = _kies_scholen(swv)
        ctx = BenchContext(swv=swv, gebruikers=gebruikers, school_a=school_a)
        for module in _bench_modules():
            if hasattr(module, "bereid_voor"):
                module.bereid_voor(ctx)

        # As the production entry point (swv/wsgi.py) does after start-up: long-lived objects out of
        # the cyclic collector's reach, so that the numbers are those of a served page.
        gc.collect()
        gc.freeze()
        regels = []
        clients: dict[str, Client] = {}
        for pagina in _pagina_lijsten():
            if filter and filter.lower() not in pagina.label.lower():
                continue
            client = clients.get(pagina.rol)
            if client is None:
                client = clients[pagina.rol] = Client()
                client.force_login(gebruikers[pagina.rol])
            url = pagina.url(ctx)
            kop = {"HX-Request": "true"} if getattr(pagina, "htmx", False) else {}
            for _ in range(2):  # warm-up
                client.get(url, headers=kop)
            tijden, queries, status = [], 0, None
            for _ in range(herhalingen):
                with CaptureQueriesContext(connection) as q:
                    begin = time.perf_counter()
                    response = client.get(url, headers=kop)
                    tijden.append((time.perf_counter() - begin) * 1000)
                queries = max(queries, len(q.captured_queries))
                status = response.status_code
                reset_queries()  # the capture keeps every query in connection.queries_log (up to 9,000)
            tijden.sort()
            p95 = tijden[min(len(tijden) - 1, int(round(0.95 * (len(tijden) - 1))))]
            ok = status == 200 and p95 <= pagina.max_ms_p95 and queries <= pagina.max_queries
            regels.append(
                f"| {pagina.label} | {pagina.rol} | {status} | {statistics.median(tijden):.1f} | {p95:.1f} | "
                f"{pagina.max_ms_p95:.0f} | {queries} | {pagina.max_queries} | {'ok' if ok else 'OVER BUDGET'} |"
            )
            self.stdout.write(regels[-1])
        from swv.models import School

        omvang = [f"{School.objects.count()} schools"]
        omvang += [module.omvang() for module in _bench_modules() if hasattr(module, "omvang")]
        self.stdout.write("")
        self.stdout.write(
            f"{datetime.now():%Y-%m-%d %H:%M}, {connection.vendor}, SWV {swv.code}: {', '.join(omvang)}, "
            f"{herhalingen} runs per page"
        )
        self.stdout.write("| page | role | status | median ms | p95 ms | budget p95 | queries | budget | verdict |")
        self.stdout.write("|---|---|---|---|---|---|---|---|---|")
        for regel in regels:
            self.stdout.write(regel)
