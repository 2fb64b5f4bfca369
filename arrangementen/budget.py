"""Budget arithmetic without the database: spreading an amount over calendar years and pricing a
request from the catalogue's tariff. Pure functions, so the rules are easy to test and to read."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def rond(bedrag: Decimal) -> Decimal:
    return Decimal(bedrag).quantize(CENT, rounding=ROUND_HALF_UP)


def jaarverdeling(bedrag: Decimal, begin: date, eind: date) -> dict[int, Decimal]:
    """Spread ``bedrag`` over the calendar years of the period ``begin``..``eind`` (both included) in
    proportion to the days in each year. Cents are rounded per year; the last year takes the
    remainder, so the parts always add up to the amount exactly.

    >>> jaarverdeling(Decimal("3650.00"), date(2025, 9, 1), date(2026, 6, 30))
    {2025: Decimal('1469.64'), 2026: Decimal('2180.36')}
    """
    bedrag = rond(bedrag)
    if eind < begin:
        raise ValueError("end before start")
    totaal_dagen = (eind - begin).days + 1
    jaren = list(range(begin.year, eind.year + 1))
    delen: dict[int, Decimal] = {}
    verdeeld = Decimal("0")
    for jaar in jaren[:-1]:
        dagen = (min(eind, date(jaar, 12, 31)) - max(begin, date(jaar, 1, 1))).days + 1
        deel = rond(bedrag * dagen / totaal_dagen)
        delen[jaar] = deel
        verdeeld += deel
    delen[jaren[-1]] = bedrag - verdeeld
    return delen


def aandeel_in_jaar(bedrag: Decimal, begin: date, eind: date, jaar: int) -> Decimal:
    """The part of ``bedrag`` that falls in calendar year ``jaar`` (0 outside the period)."""
    if not (begin.year <= jaar <= eind.year):
        return Decimal("0.00")
    return jaarverdeling(bedrag, begin, eind)[jaar]


def weken(begin: date, eind: date) -> Decimal:
    """The number of weeks in the period (both days included), to two decimals."""
    return rond(Decimal((eind - begin).days + 1) / Decimal(7))


def tariefbedrag(*, tarief: Decimal, eenheid: str, begin: date, eind: date, uren_per_week: Decimal | None) -> Decimal:
    """The cost of a request at the catalogue's tariff: per arrangement, per week of the period, or
    per hour (hours per week x weeks)."""
    from arrangementen.choices import TariefEenheid

    if eenheid == TariefEenheid.PER_ARRANGEMENT:
        return rond(tarief)
    if eenheid == TariefEenheid.PER_WEEK:
        return rond(tarief * weken(begin, eind))
    if eenheid == TariefEenheid.PER_UUR:
        return rond(tarief * (uren_per_week or Decimal("0")) * weken(begin, eind))
    raise ValueError(f"unknown tariff unit {eenheid!r}")


def schooljaar_van(datum: date) -> int:
    """The school year a date falls in, named by its first calendar year (1 August - 31 July)."""
    return datum.year if datum.month >= 8 else datum.year - 1
