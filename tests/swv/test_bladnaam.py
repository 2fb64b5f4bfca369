"""Excel sheet names are cut at a word boundary, never mid-word, and stay unique (issue 16)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from swv.opmaak import bladnaam, werkmap


def test_a_long_sheet_name_is_cut_at_a_word_boundary():
    naam = bladnaam("Arrangementen per schoolbestuur en per kring")
    assert len(naam) <= 31 and naam == "Arrangementen per schoolbestuur"
    assert bladnaam("Thuiszitters: absoluut verzuim/relatief verzuim") == "Thuiszitters absoluut verzuim"
    assert bladnaam("Ondersteuningstoewijzingsoverzichtsbladen") == "Ondersteuningstoewijzingsoverzi"  # one word


def test_sheet_names_in_one_workbook_stay_unique_and_whole():
    inhoud = werkmap(
        [
            ("Leerlingen per school en per groep in 2025", ["a"], [[1]], None),
            ("Leerlingen per school en per groep in 2026", ["a"], [[1]], None),
        ]
    )
    namen = load_workbook(io.BytesIO(inhoud)).sheetnames
    assert namen == ["Leerlingen per school en per", "Leerlingen per school en (2)"]
    assert all(len(n) <= 31 for n in namen)
