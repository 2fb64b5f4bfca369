"""Finance reads the TLV and arrangement apps only through run-time lookups (financien.bronnen)."""

from __future__ import annotations

import sys
import types
from datetime import date
from decimal import Decimal

import pytest

from financien import bronnen


def test_a_module_that_does_not_exist_is_absent():
    assert bronnen.zoek_bron("bestaat_niet.selectors", "functie") is None


def test_a_function_that_does_not_exist_yet_is_absent():
    assert bronnen.zoek_bron("tlv", "tlv_functie_die_nooit_bestaat") is None


def test_an_import_error_inside_an_existing_module_is_a_bug_and_raised(monkeypatch):
    kapot = types.ModuleType("financien_test_kapot")
    monkeypatch.setitem(sys.modules, "financien_test_kapot", kapot)

    def _laad(naam, *args, **kwargs):
        raise ModuleNotFoundError("No module named 'pandas_typo'", name="pandas_typo")

    monkeypatch.setattr(bronnen.importlib, "import_module", _laad)
    with pytest.raises(ModuleNotFoundError):
        bronnen.zoek_bron("financien_test_kapot.selectors", "functie")


def test_an_explicitly_absent_provider_gives_none_never_zeros():
    with (
        bronnen.bron_vervangen(bronnen.TLV_AANTALLEN, None),
        bronnen.bron_vervangen(bronnen.ARRANGEMENTEN_BESLAG, None),
    ):
        assert bronnen.tlv_aantallen(peildatum=date(2026, 2, 1)) is None
        assert bronnen.arrangementen_beslag(jaar=2026) is None
    with bronnen.bron_vervangen(bronnen.TLV_LIJST, None):
        assert bronnen.tlv_lijst(None, peildatum=date(2026, 2, 1), soort="SO", categorie="laag") is None


def test_a_present_provider_is_read_through_the_contract():
    def aantallen(*, peildatum):
        assert peildatum == date(2026, 2, 1)
        return [
            {"soort": "SO", "categorie": "laag", "aantal": 12},
            {"soort": "so", "categorie": "Laag", "aantal": 3},
            {"soort": "SBO", "categorie": "", "aantal": 7},
        ]

    with bronnen.bron_vervangen(bronnen.TLV_AANTALLEN, aantallen):
        assert bronnen.tlv_aantallen(peildatum=date(2026, 2, 1)) == {("SO", "laag"): 15, ("SBO", ""): 7}
    with bronnen.bron_vervangen(
        bronnen.ARRANGEMENTEN_BESLAG, lambda *, jaar: {"toegekend": Decimal("10.50"), "gerealiseerd": 4}
    ):
        beslag = bronnen.arrangementen_beslag(jaar=2026)
    assert (beslag["toegekend"], beslag["gerealiseerd"], beslag["per_school"]) == (Decimal("10.50"), Decimal(4), {})


def test_the_replacement_is_undone_after_the_block():
    with bronnen.bron_vervangen(bronnen.TLV_AANTALLEN, lambda *, peildatum: []):
        assert bronnen.zoek_bron(*bronnen.TLV_AANTALLEN) is not None
    assert bronnen.TLV_AANTALLEN not in bronnen._VERVANGEN


def test_fields_are_read_from_objects_and_dicts():
    assert bronnen.veld({"nummer": "T-1"}, "nummer") == "T-1"
    assert bronnen.veld(types.SimpleNamespace(nummer="T-2"), "nummer") == "T-2"
    assert bronnen.veld(object(), "nummer") == ""
