"""The one table reader (swv.tabellen): through the upload validator, header recognition, row
numbers as the user sees them, one Dutch amount and date parser."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from swv import tabellen
from swv.fouten import DomeinFout
from swv.tabellen import TabelFout, WaardeFout, lees_tabel, regelfout

KOLOMMEN = {"rekening": {"rekening", "Ledger account"}, "bedrag": {"bedrag", "Bedrag (EUR)"}, "datum": {"datum"}}


def _csv(tekst: str, naam: str = "export.csv", codering: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, tekst.encode(codering))


def _xlsx(rijen) -> SimpleUploadedFile:
    werkmap = openpyxl.Workbook()
    for rij in rijen:
        werkmap.active.append(rij)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return SimpleUploadedFile("export.xlsx", buffer.getvalue())


def test_csv_rows_keep_their_number_in_the_file_and_skip_empty_rows():
    rijen = lees_tabel(
        _csv("Ledger account;Bedrag (EUR)\n4410;1.234,56\n;\n4420;-3\n"), kolommen=KOLOMMEN, verplicht=["bedrag"]
    )
    assert [(r.nummer, r.tekst("rekening"), r["bedrag"], r["datum"]) for r in rijen] == [
        (2, "4410", "1.234,56", None),
        (4, "4420", "-3", None),
    ]


def test_comma_separated_and_windows_1252_csv_is_read():
    rijen = lees_tabel(_csv("rekening,bedrag\n4410 café,12.5\n", codering="cp1252"), kolommen=KOLOMMEN)
    assert rijen[0].tekst("rekening") == "4410 café" and rijen[0]["bedrag"] == "12.5"


def test_xlsx_cells_keep_their_type():
    rijen = lees_tabel(
        _xlsx([["Rekening", "Bedrag", "Datum"], [4410, 800.25, datetime(2026, 1, 31)]]), kolommen=KOLOMMEN
    )
    assert rijen[0].tekst("rekening") == "4410"
    assert tabellen.bedrag(rijen[0]["bedrag"]) == Decimal("800.25")
    assert tabellen.datum(rijen[0]["datum"]) == date(2026, 1, 31)


@pytest.mark.parametrize(
    "naam, inhoud, melding",
    [
        ("export.pdf", b"%PDF-1.4 x", "niet toegestaan"),
        ("export.xlsx", b"geen zip", "geen geldig"),
        ("export.csv", b"", "leeg"),
        ("export.csv", b"\x89PNG\r\n\x1a\n" + b"0" * 40, "inhoud is PNG"),
        ("export.csv", b"a;b\x00\n", "geldig CSV"),
        ("export.csv", b"rekening;omschrijving\n4410;x\n", "ontbrekend: bedrag"),
        ("export.csv", b"rekening;bedrag\n;\n", "geen regels onder de kopregel"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_as_a_whole(naam, inhoud, melding):
    with pytest.raises(TabelFout, match=melding) as fout:
        lees_tabel(SimpleUploadedFile(naam, inhoud), kolommen=KOLOMMEN, verplicht=["bedrag"])
    assert isinstance(fout.value, DomeinFout)


def test_too_many_rows_is_refused(settings):
    with pytest.raises(TabelFout, match="meer dan 2 regels"):
        lees_tabel(_csv("bedrag\n1\n2\n3\n"), kolommen=KOLOMMEN, max_regels=2)


def test_too_large_a_file_is_refused_by_the_upload_validator(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(TabelFout, match="te groot"):
        lees_tabel(_csv("bedrag\n1234567\n"), kolommen=KOLOMMEN)


@pytest.mark.parametrize(
    "tekst, bedrag",
    [
        ("1.234,56", "1234.56"),
        ("1234,5", "1234.50"),
        ("€ 12,5", "12.50"),
        ("-3", "-3.00"),
        ("-12.50", "-12.50"),
        ("(100,00)", "-100.00"),
        ("€ 2.937.728,62", "2937728.62"),
        (1500, "1500.00"),
        (12.5, "12.50"),
        (Decimal("7.1"), "7.10"),
    ],
)
def test_amounts_are_read_in_dutch_and_plain_notation(tekst, bedrag):
    uitkomst = tabellen.bedrag(tekst)
    assert uitkomst == Decimal(bedrag) and str(uitkomst) == bedrag


@pytest.mark.parametrize(
    "waarde, code, melding",
    [
        ("twaalf", "geen_bedrag", "twaalf is geen bedrag (gebruik bijvoorbeeld 1234,56)."),
        ("1,234", "decimalen", "Het bedrag 1,234 heeft meer dan twee decimalen."),
        ("", "leeg", "Het bedrag ontbreekt."),
        (None, "leeg", "Het bedrag ontbreekt."),
        ("99999999999", "te_groot", "Het bedrag 99999999999 is te groot."),
    ],
)
def test_a_wrong_amount_says_why_in_dutch(waarde, code, melding):
    with pytest.raises(WaardeFout) as fout:
        tabellen.bedrag(waarde)
    assert (fout.value.code, str(fout.value)) == (code, melding)


@pytest.mark.parametrize(
    "waarde",
    [
        "31-12-2025",
        "2025-12-31",
        "31/12/2025",
        "31.12.2025",
        "31-12-25",
        date(2025, 12, 31),
        datetime(2025, 12, 31, 9),
        46022,
    ],
)
def test_dates_in_every_usual_form(waarde):
    assert tabellen.datum(waarde) == date(2025, 12, 31)


def test_a_wrong_date_says_how_to_write_it():
    with pytest.raises(WaardeFout, match="31-13-2025 is geen datum"):
        tabellen.datum("31-13-2025")


def test_row_errors_name_the_row():
    assert regelfout(7, "het bedrag ontbreekt.") == "Regel 7: het bedrag ontbreekt."


@pytest.mark.parametrize(
    "tekst, verwacht",
    [("1.234", "1234.00"), ("-1.234.567", "-1234567.00"), ("€ 1.234", "1234.00"), ("1.234,5", "1234.50")],
)
def test_dots_that_group_thousands_read_as_thousands_in_uploads_as_in_forms(tekst, verwacht):
    """One reading of a typed number (swv.tabellen.getaltekst) for the table reader and the finance forms."""
    from financien.forms import BedragField

    assert tabellen.bedrag(tekst) == Decimal(verwacht)
    assert BedragField(required=False).clean(tekst) == Decimal(verwacht)


def test_a_cell_error_belongs_to_the_one_domain_error_hierarchy():
    with pytest.raises(DomeinFout) as fout:
        tabellen.bedrag("twaalf")
    assert isinstance(fout.value, WaardeFout) and fout.value.code == "geen_bedrag"
