"""The national comparison: this SWV against every PO samenwerkingsverband and the national figure,
per count date, from the totals that ``landelijke_cijfers_importeren`` computes from DUO's public
files (``SwvCijfer``). Aggregates of whole SWVs only; two queries whatever the number of SWVs."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.models import SwvCijfer
from swv.duo import BEKENDE_NAMEN
from swv.models import Samenwerkingsverband


@dataclass(frozen=True)
class SwvRij:
    code: str
    naam: str
    eigen: bool
    bo: int
    sbo: int
    so: int
    vestigingen: int
    pct_sbo: Decimal | None
    pct_so: Decimal | None
    groei: Decimal | None  # % change of all pupils since the previous count date
    rang_sbo: int = 0  # 1 = the lowest participation rate
    rang_so: int = 0

    @property
    def totaal(self) -> int:
        return self.bo + self.sbo + self.so


@dataclass(frozen=True)
class Spreiding:
    """Lowest, 25th percentile, median, 75th percentile and highest rate over the SWVs."""

    laagste: Decimal
    p25: Decimal
    mediaan: Decimal
    p75: Decimal
    hoogste: Decimal


@dataclass
class Vergelijking:
    teldatum: date | None
    teldata: list[date] = field(default_factory=list)
    rijen: list[SwvRij] = field(default_factory=list)
    landelijk: SwvRij | None = None
    eigen: SwvRij | None = None
    spreiding_sbo: Spreiding | None = None
    spreiding_so: Spreiding | None = None

    @property
    def aantal(self) -> int:
        return len(self.rijen)


def _spreiding(waarden: list[Decimal]) -> Spreiding | None:
    if len(waarden) < 2:
        return None
    kwartielen = statistics.quantiles(waarden, n=4, method="inclusive")
    kwart = [Decimal(k).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for k in kwartielen]
    return Spreiding(min(waarden), kwart[0], kwart[1], kwart[2], max(waarden))


def _rangen(rijen: list[SwvRij], sleutel: str) -> dict[str, int]:
    """Rank 1 for the lowest rate (the fewest pupils outside regular schools); ties share a rank."""
    geordend = sorted((getattr(r, sleutel), r.code) for r in rijen if getattr(r, sleutel) is not None)
    rang: dict[str, int] = {}
    vorige, vorige_rang = None, 0
    for i, (waarde, code) in enumerate(geordend, start=1):
        vorige_rang = vorige_rang if waarde == vorige else i
        rang[code], vorige = vorige_rang, waarde
    return rang


def teldata() -> list[date]:
    """The count dates that have SWV figures, newest first."""
    return list(SwvCijfer.objects.order_by("-teldatum").values_list("teldatum", flat=True).distinct())


def swv_vergelijking(*, user, teldatum: date | None = None) -> Vergelijking:
    """Every SWV's totals and participation rates at ``teldatum`` (default: the newest), ranked, with
    the national figure (the sum of all SWVs), the spread, and growth since the previous count date.
    Public aggregates: any role that opens the page may see them (the view decides who)."""
    data = teldata()
    if not data:
        return Vergelijking(teldatum=None)
    if teldatum not in data:
        teldatum = data[0]
    vorige = next((d for d in data if d < teldatum), None)
    eerder: dict[str, int] = {}
    huidig: list[SwvCijfer] = []
    for cijfer in SwvCijfer.objects.filter(teldatum__in=[d for d in (teldatum, vorige) if d]):
        if cijfer.teldatum == teldatum:
            huidig.append(cijfer)
        else:
            eerder[cijfer.swv_code] = cijfer.totaal
    namen = dict(Samenwerkingsverband.objects.values_list("code", "naam"))
    eigen_code = settings.SWV_CODE

    def rij(code: str, naam: str, bo: int, sbo: int, so: int, vestigingen: int, vorig_totaal: int | None) -> SwvRij:
        totaal = bo + sbo + so
        groei = percentage(totaal - vorig_totaal, vorig_totaal, decimalen=1) if vorig_totaal else None
        return SwvRij(
            code=code,
            naam=naam,
            eigen=code == eigen_code,
            bo=bo,
            sbo=sbo,
            so=so,
            vestigingen=vestigingen,
            pct_sbo=percentage(sbo, totaal),
            pct_so=percentage(so, totaal),
            groei=groei,
        )

    rijen = [
        rij(
            c.swv_code,
            namen.get(c.swv_code) or BEKENDE_NAMEN.get(c.swv_code, ""),
            c.leerlingen_bo,
            c.leerlingen_sbo,
            c.leerlingen_so,
            c.vestigingen,
            eerder.get(c.swv_code),
        )
        for c in huidig
    ]
    rang_sbo, rang_so = _rangen(rijen, "pct_sbo"), _rangen(rijen, "pct_so")
    rijen = sorted(
        (replace(r, rang_sbo=rang_sbo.get(r.code, 0), rang_so=rang_so.get(r.code, 0)) for r in rijen),
        key=lambda r: r.code,
    )
    landelijk = rij(
        "",
        "",
        sum(r.bo for r in rijen),
        sum(r.sbo for r in rijen),
        sum(r.so for r in rijen),
        sum(r.vestigingen for r in rijen),
        sum(eerder.values()) or None,
    )
    return Vergelijking(
        teldatum=teldatum,
        teldata=data,
        rijen=rijen,
        landelijk=landelijk,
        eigen=next((r for r in rijen if r.eigen), None),
        spreiding_sbo=_spreiding([r.pct_sbo for r in rijen if r.pct_sbo is not None]),
        spreiding_so=_spreiding([r.pct_so for r in rijen if r.pct_so is not None]),
    )
