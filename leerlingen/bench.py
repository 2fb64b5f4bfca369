"""Benchmark pages of the pupils app (issue 3), read by ``manage.py bench``: pupil search and school
list, dossier pages, timeline, worklist. Budget: p95 < 100 ms for the pupil list and search (issue 3),
150 ms otherwise, and at most 20 queries per page, whatever the number of pupils or dossier entries.
"""

from __future__ import annotations

from django.urls import reverse

from swv.bench import BenchPagina
from swv.choices import Rol


def _dossier_van(ctx, rol: str):
    from leerlingen.models import Dossier

    return Dossier.objects.visible_to(ctx.gebruikers[rol]).order_by("pk").first()


def _dossier_url(ctx) -> str:
    return reverse("leerlingen:dossier_detail", args=[_dossier_van(ctx, Rol.IB_ER).uuid])


def _tijdlijn_url(ctx) -> str:
    return reverse("leerlingen:tijdlijn", args=[_dossier_van(ctx, Rol.IB_ER).leerling.uuid])


def _zoek_url(tekst: str):
    return lambda ctx: reverse("leerlingen:lijst") + f"?zoek={tekst}"


def _url(naam: str, *args):
    return lambda ctx: reverse(naam, args=args)


BENCH_PAGINAS = [
    BenchPagina("Leerlingen: lijst van de school (ib-er)", _url("leerlingen:lijst"), Rol.IB_ER, max_ms_p95=100),
    BenchPagina("Leerlingen: zoeken op naam (ib-er)", _zoek_url("van"), Rol.IB_ER, max_ms_p95=100),
    BenchPagina("Leerlingen: lijst SWV-breed (DB)", _url("leerlingen:lijst"), Rol.DB, max_ms_p95=100),
    BenchPagina("Leerlingen: zoeken SWV-breed (DB)", _zoek_url("de"), Rol.DB, max_ms_p95=100),
    BenchPagina("Dossiers: overzicht van de school (directeur)", _url("leerlingen:dossier_lijst"), Rol.DIRECTEUR),
    BenchPagina("Dossiers: overzicht SWV-breed (DB)", _url("leerlingen:dossier_lijst"), Rol.DB),
    BenchPagina("Dossier: detail (ib-er)", _dossier_url, Rol.IB_ER),
    BenchPagina("Leerling: tijdlijn (ib-er)", _tijdlijn_url, Rol.IB_ER),
    # The worklist is a deferred home panel: its own request, as htmx loads it into the home page.
    BenchPagina("Start: werklijst (ib-er)", _url("paneel", "dossier_werklijst"), Rol.IB_ER, htmx=True),
    BenchPagina(
        "Start: werklijst (consulent, hele kring)", _url("paneel", "dossier_werklijst"), Rol.CONSULENT, htmx=True
    ),
]
