"""Finance reads the TLV and arrangement apps through their contract selectors (financien.bronnen):
plain imports, and "no data yet" (``None``, never zeros) when the register has nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from financien import bronnen


@pytest.mark.django_db
def test_an_empty_register_gives_none_never_zeros():
    assert bronnen.tlv_aantallen(peildatum=date(2026, 2, 1)) is None
    assert bronnen.arrangementen_beslag(jaar=2026) is None
    assert bronnen.tlv_lijst(None, peildatum=date(2026, 2, 1), soort="SO", categorie="laag") is None


def test_the_counts_are_read_through_the_contract(monkeypatch):
    def aantallen(*, peildatum):
        assert peildatum == date(2026, 2, 1)
        return [
            {"soort": "SO", "categorie": "laag", "aantal": 12},
            {"soort": "so", "categorie": "Laag", "aantal": 3},
            {"soort": "SBO", "categorie": "", "aantal": 7},
        ]

    monkeypatch.setattr("tlv.selectors.tlv_aantallen_voor_bekostiging", aantallen)
    assert bronnen.tlv_aantallen(peildatum=date(2026, 2, 1)) == {("SO", "laag"): 15, ("SBO", ""): 7}


def test_counts_that_are_all_zero_are_no_data(monkeypatch):
    monkeypatch.setattr(
        "tlv.selectors.tlv_aantallen_voor_bekostiging",
        lambda *, peildatum: [{"soort": "SO", "categorie": "laag", "aantal": 0}],
    )
    assert bronnen.tlv_aantallen(peildatum=date(2026, 2, 1)) is None


def test_the_arrangement_money_is_read_through_the_contract(monkeypatch):
    monkeypatch.setattr(
        "arrangementen.selectors.arrangementen_budgetbeslag",
        lambda *, jaar: {"toegekend": Decimal("10.50"), "gerealiseerd": 4},
    )
    beslag = bronnen.arrangementen_beslag(jaar=2026)
    assert beslag is not None
    assert (beslag["toegekend"], beslag["gerealiseerd"], beslag["per_school"]) == (Decimal("10.50"), Decimal(4), {})
