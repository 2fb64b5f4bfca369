"""The finance dashboard: budget vs actual vs forecast per block, reserve and warnings of a year."""

from __future__ import annotations

from django.utils import timezone

from financien.berekening import jaarregels, reserveposities, totalen
from financien.models import Begroting
from financien.querysets import mag_lezen


def beschikbare_jaren(user) -> list[int]:
    return list(Begroting.objects.visible_to(user).order_by("jaar").values_list("jaar", flat=True))


def standaardjaar(user, jaren: list[int] | None = None) -> int:
    """This year when it has a budget, else the latest budget year before it (or the first one)."""
    jaren = beschikbare_jaren(user) if jaren is None else jaren
    vandaag = timezone.localdate().year
    if not jaren or vandaag in jaren:
        return vandaag
    return max((j for j in jaren if j <= vandaag), default=jaren[0])


def financieel_overzicht(user, *, jaar: int, jaren: list[int] | None = None) -> dict | None:
    """Totals per block (budget, actual to date, forecast), the month the actuals run to, the
    reserve position of the year and its judgement against the thresholds; ``None`` without rights
    or without a budget for ``jaar`` (``jaren``: the budget years, when the caller has them already).
    Fixed number of queries."""
    if not mag_lezen(user):
        return None
    heeft_begroting = jaar in jaren if jaren is not None else Begroting.objects.filter(jaar=jaar).exists()
    if not heeft_begroting:
        return None
    regels, maanden = jaarregels(jaar)
    reserve = next((p for p in reserveposities() if p.jaar == jaar), None)
    return {
        "jaar": jaar,
        "regels": regels,
        "totalen": totalen(regels),
        "maanden": maanden,
        "reserve": reserve,
    }


def reserves(user) -> list:
    """The reserve position at each budget year's end (see ``berekening.reserveposities``)."""
    from financien.berekening import reserveposities

    return reserveposities() if mag_lezen(user) else []
