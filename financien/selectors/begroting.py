"""The (multi-year) budget and the actuals behind it."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from financien.bekostiging import NUL
from financien.choices import LASTEN_BLOKKEN, Blok
from financien.models import Begroting, Begrotingsbedrag, Begrotingspost, RealisatieImport, Rekeningkoppeling


def meerjarenbegroting(user, *, vanaf: int, aantal: int = 4) -> dict:
    """Budget lines by block with their amounts in ``aantal`` years from ``vanaf``, block subtotals,
    income, costs and result per year (three queries)."""
    begrotingen = list(
        Begroting.objects.visible_to(user).filter(jaar__gte=vanaf, jaar__lt=vanaf + aantal).order_by("jaar")
    )
    jaren = [b.jaar for b in begrotingen]
    bedragen: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for jaar, post_id, bedrag in (
        Begrotingsbedrag.objects.visible_to(user)
        .filter(begroting__jaar__in=jaren)
        .values_list("begroting__jaar", "post_id", "bedrag")
    ):
        bedragen[post_id][jaar] = bedrag
    posten = list(Begrotingspost.objects.visible_to(user).select_related("beleidsthema").order_by("volgorde", "code"))
    blokken: list[dict[str, Any]] = []
    for blok in Blok:
        rijen: list[dict[str, Any]] = [
            {"post": p, "bedragen": [bedragen[p.pk].get(j) for j in jaren]}
            for p in posten
            if p.blok == blok and (p.actief or bedragen[p.pk])
        ]
        subtotaal = [sum((bedragen[r["post"].pk].get(j, NUL) for r in rijen), NUL) for j in jaren]
        blokken.append({"blok": blok, "rijen": rijen, "subtotaal": subtotaal})
    baten = next(b["subtotaal"] for b in blokken if b["blok"] == Blok.BATEN)
    lasten = [sum((b["subtotaal"][i] for b in blokken if b["blok"] in LASTEN_BLOKKEN), NUL) for i in range(len(jaren))]
    return {
        "begrotingen": begrotingen,
        "jaren": jaren,
        "blokken": blokken,
        "baten": baten,
        "lasten": lasten,
        "resultaat": [b - l for b, l in zip(baten, lasten, strict=True)],
        "heeft_posten": bool(posten),
    }


def begrotingsposten(user):
    return Begrotingspost.objects.visible_to(user).select_related("beleidsthema").order_by("volgorde", "code")


def realisatie_imports(user):
    return (
        RealisatieImport.objects.visible_to(user)
        .select_related("ingelezen_door")
        .order_by("-jaar", "-maand", "-aangemaakt")
    )


def rekeningkoppelingen(user):
    return Rekeningkoppeling.objects.visible_to(user).select_related("post").order_by("rekening")
