"""Cent-level differences between forecast and budget are rounding, not variances (issue 16)."""

from __future__ import annotations

from decimal import Decimal

from financien.bekostiging import lineaire_prognose, verschil
from financien.models import TRapportageRegel


def test_a_forecast_cents_off_the_budget_shows_no_variance():
    begroting = Decimal("100000.00")
    # Five months of actuals exactly on budget, each month rounded to cents: the pro-rata forecast
    # ends a few cents off the budget.
    prognose = lineaire_prognose(begroting, Decimal("8333.33") * 5, 5)
    assert prognose != begroting and abs(prognose - begroting) < 1
    assert verschil(prognose, begroting) == 0
    assert TRapportageRegel(begroting=begroting, prognose=prognose).verschil == 0


def test_a_real_variance_is_shown_to_the_cent():
    assert verschil(Decimal("101.50"), Decimal("100.00")) == Decimal("1.50")
    assert verschil(Decimal("98.99"), Decimal("100.00")) == Decimal("-1.01")
