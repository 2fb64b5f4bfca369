"""Benchmark pages of issue 6 (thuiszitters, zorgplicht, risicolijst, dashboard tiles).

``BENCH_PAGINAS``: (label, url name or ``callable(ctx) -> url``, role of the demo user who opens
it). Target (issue 6): p95 under 150 ms and at most 20 queries at the largest demo scale with ten
years of cases. Results are recorded in ``docs/leerlingen-thuiszitters.md``.
"""

from __future__ import annotations

from django.urls import reverse

from swv.choices import Rol


def _actieve_casus(ctx=None) -> str:
    from leerlingen.models import Thuiszittercasus

    casus = Thuiszittercasus.objects.filter(status="actief").order_by("pk").first()
    return reverse("leerlingen:thuiszitter_detail", args=[casus.uuid])


def _zorgplicht(ctx=None) -> str:
    from leerlingen.models import Zorgplichtcasus

    return reverse("leerlingen:zorgplicht_detail", args=[Zorgplichtcasus.objects.order_by("pk").first().uuid])


def _laatste_ronde(ctx=None) -> str:
    from leerlingen.models import Risicolijstronde

    return reverse("leerlingen:ronde_detail", args=[Risicolijstronde.objects.order_by("-jaar", "-maand").first().uuid])


BENCH_PAGINAS = [
    ("Thuiszitters: tegels (DB)", "leerlingen:thuiszitters_dashboard", Rol.DB),
    ("Thuiszitters: tegels (bestuurder)", "leerlingen:thuiszitters_dashboard", Rol.BESTUURDER),
    ("Thuiszitters: lijst actief vandaag (beleid)", "leerlingen:thuiszitters", Rol.BELEIDSMEDEWERKER),
    (
        "Thuiszitters: lijst alle casussen (beleid)",
        lambda ctx: reverse("leerlingen:thuiszitters") + "?status=alle",
        Rol.BELEIDSMEDEWERKER,
    ),
    ("Thuiszitters: lijst (consulent)", "leerlingen:thuiszitters", Rol.CONSULENT),
    ("Thuiszitters: casus (beleid)", _actieve_casus, Rol.BELEIDSMEDEWERKER),
    ("Zorgplicht: lijst (ib-er)", "leerlingen:zorgplicht", Rol.IB_ER),
    ("Zorgplicht: lijst alle (DB)", lambda ctx: reverse("leerlingen:zorgplicht") + "?status=alle", Rol.DB),
    ("Zorgplicht: casus (DB)", _zorgplicht, Rol.DB),
    ("Risicolijst: overzicht (beleid)", "leerlingen:risicolijst", Rol.BELEIDSMEDEWERKER),
    ("Risicolijst: ronde (beleid)", _laatste_ronde, Rol.BELEIDSMEDEWERKER),
    ("Start: paneel thuiszitters (DB)", "home", Rol.DB),
]
