"""Benchmark pages of the pupils app, read by ``manage.py bench``: pupil list, search and page,
dossier pages, timeline, worklist; thuiszitters, zorgplicht and the risk list. Budget: p95 < 100 ms
for the pupil list and search, 150 ms otherwise, and at most 20 queries per page, whatever the
number of pupils, dossier entries or cases (docs/leerlingen-thuiszitters.md for the latter).
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


def _actieve_casus(ctx=None) -> str:
    from leerlingen.models import Thuiszittercasus

    casus = Thuiszittercasus.objects.filter(status="actief").order_by("pk").first()
    assert casus is not None, "the demo has active cases"
    return reverse("leerlingen:thuiszitter_detail", args=[casus.uuid])


def _zorgplicht(ctx=None) -> str:
    from leerlingen.models import Zorgplichtcasus

    casus = Zorgplichtcasus.objects.order_by("pk").first()
    assert casus is not None, "the demo has zorgplicht cases"
    return reverse("leerlingen:zorgplicht_detail", args=[casus.uuid])


def _laatste_ronde(ctx=None) -> str:
    from leerlingen.models import Risicolijstronde

    ronde = Risicolijstronde.objects.order_by("-jaar", "-maand").first()
    assert ronde is not None, "the demo has risk list rounds"
    return reverse("leerlingen:ronde_detail", args=[ronde.uuid])


def bereid_voor(ctx) -> None:
    """A pupil of school A that the ib-er sees, for the pupil's page."""
    from leerlingen.models import Leerling

    ctx.extra["leerling_a"] = Leerling.objects.visible_to(ctx.gebruikers[Rol.IB_ER]).first()


def omvang() -> str:
    from leerlingen.models import Leerling

    return f"{Leerling.objects.count()} pupils"


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
    BenchPagina("Leerlingenlijst ib-er", _url("leerlingen:lijst"), Rol.IB_ER, max_ms_p95=100),
    BenchPagina("Leerling zoeken ib-er", _zoek_url("jan"), Rol.IB_ER, max_ms_p95=100),
    BenchPagina("Leerling zoeken DB (hele SWV)", _zoek_url("jan"), Rol.DB, max_ms_p95=100),
    BenchPagina("Leerling", lambda c: reverse("leerlingen:detail", args=[c.extra["leerling_a"].uuid]), Rol.IB_ER),
    BenchPagina("Thuiszitters: tegels (DB)", _url("leerlingen:thuiszitters_dashboard"), Rol.DB),
    BenchPagina("Thuiszitters: tegels (bestuurder)", _url("leerlingen:thuiszitters_dashboard"), Rol.BESTUURDER),
    BenchPagina("Thuiszitters: lijst actief vandaag (beleid)", _url("leerlingen:thuiszitters"), Rol.BELEIDSMEDEWERKER),
    BenchPagina(
        "Thuiszitters: lijst alle casussen (beleid)",
        lambda ctx: reverse("leerlingen:thuiszitters") + "?status=alle",
        Rol.BELEIDSMEDEWERKER,
    ),
    BenchPagina("Thuiszitters: lijst (consulent)", _url("leerlingen:thuiszitters"), Rol.CONSULENT),
    BenchPagina("Thuiszitters: casus (beleid)", _actieve_casus, Rol.BELEIDSMEDEWERKER),
    BenchPagina("Zorgplicht: lijst (ib-er)", _url("leerlingen:zorgplicht"), Rol.IB_ER),
    BenchPagina("Zorgplicht: lijst alle (DB)", lambda ctx: reverse("leerlingen:zorgplicht") + "?status=alle", Rol.DB),
    BenchPagina("Zorgplicht: casus (DB)", _zorgplicht, Rol.DB),
    BenchPagina("Risicolijst: overzicht (beleid)", _url("leerlingen:risicolijst"), Rol.BELEIDSMEDEWERKER),
    BenchPagina("Risicolijst: ronde (beleid)", _laatste_ronde, Rol.BELEIDSMEDEWERKER),
    BenchPagina("Start: paneel thuiszitters (DB)", _url("home"), Rol.DB),
]
