"""Benchmark pages of the pupils app (issue 3): pupil search and school list, dossier pages, worklist.

``BENCH_PAGINAS``: (label, url name or ``callable(ctx) -> url``, role). ``ctx`` carries the logged-in
user of that role as ``ctx.gebruiker`` (or ``ctx["gebruiker"]``). Budget: p95 < 100 ms and at most
20 queries per page, whatever the number of pupils or dossier entries.

Until the central ``manage.py bench`` exists, ``meet()`` runs the same list with the Django test
client (used for the numbers in docs/leerlingen.md).
"""

from __future__ import annotations

from django.urls import reverse

from swv.choices import Rol


def _gebruiker(ctx):
    return getattr(ctx, "gebruiker", None) or ctx["gebruiker"]


def _dossier_url(ctx) -> str:
    from leerlingen.models import Dossier

    d = Dossier.objects.visible_to(_gebruiker(ctx)).order_by("pk").first()
    return reverse("leerlingen:dossier_detail", args=[d.uuid])


def _tijdlijn_url(ctx) -> str:
    from leerlingen.models import Dossier

    d = Dossier.objects.visible_to(_gebruiker(ctx)).order_by("pk").first()
    return reverse("leerlingen:tijdlijn", args=[d.leerling.uuid])


def _zoek_url(tekst: str):
    return lambda ctx: reverse("leerlingen:lijst") + f"?zoek={tekst}"


BENCH_PAGINAS = [
    ("Leerlingen: lijst van de school (ib-er)", "leerlingen:lijst", Rol.IB_ER),
    ("Leerlingen: zoeken op naam (ib-er)", _zoek_url("van"), Rol.IB_ER),
    ("Leerlingen: lijst SWV-breed (DB)", "leerlingen:lijst", Rol.DB),
    ("Leerlingen: zoeken SWV-breed (DB)", _zoek_url("de"), Rol.DB),
    ("Dossiers: overzicht van de school (directeur)", "leerlingen:dossier_lijst", Rol.DIRECTEUR),
    ("Dossiers: overzicht SWV-breed (DB)", "leerlingen:dossier_lijst", Rol.DB),
    ("Dossier: detail (ib-er)", _dossier_url, Rol.IB_ER),
    ("Leerling: tijdlijn (ib-er)", _tijdlijn_url, Rol.IB_ER),
    ("Start: werklijst (ib-er)", "home", Rol.IB_ER),
]


def meet(*, herhalingen: int = 30, gebruikers: dict | None = None) -> list[dict]:
    """Time every page ``herhalingen`` times (after one warm-up) and count its queries."""
    import statistics
    import time

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from swv.models import Lidmaatschap

    resultaten = []
    for label, doel, rol in BENCH_PAGINAS:
        user = (gebruikers or {}).get(rol) or Lidmaatschap.objects.filter(rol=rol, gebruiker__is_demo=True).first().gebruiker
        client = Client()
        client.force_login(user)
        url = reverse(doel) if isinstance(doel, str) else doel({"gebruiker": user})
        client.get(url, secure=True)
        tijden = []
        for _ in range(herhalingen):
            with CaptureQueriesContext(connection) as q:
                begin = time.perf_counter()
                antwoord = client.get(url, secure=True)
                tijden.append((time.perf_counter() - begin) * 1000)
        tijden.sort()
        resultaten.append(
            {
                "label": label,
                "status": antwoord.status_code,
                "queries": len(q.captured_queries),
                "p50_ms": round(statistics.median(tijden), 1),
                "p95_ms": round(tijden[max(0, int(len(tijden) * 0.95) - 1)], 1),
            }
        )
    return resultaten
