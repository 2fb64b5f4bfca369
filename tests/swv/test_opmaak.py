"""The one Dutch notation (swv.opmaak): exact strings, the same in every language, and Excel money
that stays Decimal with the euro number format.

Replaces tests/financien/test_bekostiging.py::test_amounts_are_shown_in_dutch_notation_rounded_half_up,
which pinned the finance copy's "3,6 %" and "" for nothing; the agreed notation is "3,6%" and "–"."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings as settings_module
from django.template import Context, Template
from django.utils import translation

from swv import opmaak


def test_money_in_dutch_notation_with_the_minus_in_front():
    assert opmaak.euro(Decimal("1234.56")) == "€ 1.234,56"
    assert opmaak.euro(Decimal("-1234.5")) == "-€ 1.234,50"
    assert opmaak.euro(Decimal("2937728.62"), 0) == "€ 2.937.729"
    assert opmaak.euro(Decimal("0.5"), 0) == "€ 1"
    assert opmaak.euro(0) == "€ 0,00"
    assert opmaak.euro(Decimal("-0.001")) == "€ 0,00"
    assert opmaak.euro("12.5") == "€ 12,50"
    assert opmaak.euro(0.1) == "€ 0,10"


def test_nothing_is_a_dash_everywhere():
    assert opmaak.euro(None) == opmaak.getal(None) == opmaak.procent(None) == opmaak.datum(None) == "–"
    assert opmaak.euro("") == "–"


def test_numbers_and_percentages_round_half_up():
    assert opmaak.getal(19481.5) == "19.482"
    assert opmaak.getal(Decimal("4.05"), 1) == "4,1"
    assert opmaak.getal(Decimal("2.25"), 1) == "2,3"
    assert opmaak.procent(Decimal("3.55")) == "3,6%"
    assert opmaak.procent(Decimal("12.345"), 2) == "12,35%"
    assert opmaak.procent(1234) == "1234,0%"


def test_dates_short_and_long():
    assert opmaak.datum(date(2025, 12, 31)) == "31-12-2025"
    assert opmaak.datum(date(2025, 10, 1), lang=True) == "1 oktober 2025"
    assert opmaak.maandnaam(3) == "maart" and opmaak.maandnaam("x") == ""


def test_a_date_kept_as_iso_text_reads_the_same_and_other_text_stays():
    """Dates of an imported file (OSO) are kept as ISO text: the one notation shows them too."""
    assert opmaak.datum("2015-03-01") == "01-03-2015" and opmaak.datum("2015-03-01T10:00:00") == "01-03-2015"
    assert opmaak.datum("2015-03-01", lang=True) == "1 maart 2015"
    assert opmaak.datum("onbekend") == "onbekend"


def test_moments_in_local_time_short_and_long(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    moment = datetime(2026, 12, 2, 3, 23, tzinfo=UTC)  # 04:23 in Amsterdam
    assert opmaak.datumtijd(moment) == "02-12-2026 04:23"
    with translation.override("nl"):
        assert opmaak.datumtijd(moment, lang=True) == "2 december 2026, 04:23"
    assert opmaak.datumtijd(date(2027, 1, 11)) == "11-01-2027" and opmaak.datumtijd(None) == "–"
    html = Template("{% load opmaak %}{{ m|datumtijd }}|{{ d|datum }}").render(
        Context({"m": moment, "d": date(2027, 1, 11)})
    )
    assert html == "02-12-2026 04:23|11-01-2027"


def test_no_template_formats_a_date_its_own_way():
    """One notation: templates use the opmaak filters, not Django's ``date`` filter with a format of
    their own (only a month name, machine formats for inputs and the weekday of a meeting remain)."""
    toegestaan = {'"F Y"', "'Y-m-d'", '"Y-m-d"', "'c'", '"l j F Y, H:i"'}
    eigen = [
        (str(pad), m.group(1))
        for pad in sorted(Path(settings_module.BASE_DIR, "templates").rglob("*.*"))
        for m in re.finditer(r"\|date:(\"[^\"]*\"|'[^']*')", pad.read_text())
        if m.group(1) not in toegestaan
    ]
    assert eigen == []


def test_the_notation_does_not_follow_the_session_language():
    with translation.override("en"):
        assert opmaak.euro(Decimal("1234.5")) == "€ 1.234,50"
        assert opmaak.getal(1234567) == "1.234.567"


def test_template_filters_use_the_same_notation():
    html = Template(
        "{% load opmaak %}{{ a|euro }}|{{ a|euro:0 }}|{{ n|getal }}|{{ p|procent }}|{{ d|datum }}|{{ d|datum:'lang' }}|{{ leeg|euro }}"
    ).render(Context({"a": Decimal("-1234.5"), "n": 1234, "p": Decimal("8.25"), "d": date(2025, 1, 2), "leeg": None}))
    assert html == "-€ 1.234,50|-€ 1.235|1.234|8,3%|02-01-2025|2 januari 2025|–"


def test_excel_money_stays_decimal_with_the_euro_format():
    inhoud = opmaak.werkmap(
        [
            (
                "Bedragen",
                ["School", "Aantal", "Bedrag"],
                [["A", 12, Decimal("1234.56")], ["B", 3, Decimal("0.10")]],
                {1: opmaak.EXCEL_GETAL},
            )
        ]
    )
    blad = openpyxl.load_workbook(io.BytesIO(inhoud))["Bedragen"]
    assert [c.value for c in blad[1]] == ["School", "Aantal", "Bedrag"]
    assert blad["C2"].number_format == opmaak.EXCEL_EURO == '"€" #,##0.00;-"€" #,##0.00'
    assert blad["B2"].number_format == "#,##0"
    # the exact digits were written (no binary float on the way): 0.10 reads back as 0.1
    assert Decimal(str(blad["C2"].value)) == Decimal("1234.56") and Decimal(str(blad["C3"].value)) == Decimal("0.1")


def test_excel_waarde_keeps_numbers_and_dates():
    assert opmaak.excel_waarde(Decimal("1.10")) == Decimal("1.10")
    assert isinstance(opmaak.excel_waarde(0.1), Decimal)
    assert opmaak.excel_waarde(date(2025, 1, 1)) == date(2025, 1, 1)
    assert opmaak.excel_waarde(None) is None and opmaak.excel_waarde(True) is True
    assert opmaak.excel_waarde(translation.gettext_lazy("Total")) == "Totaal"


@pytest.mark.parametrize("waarde", [Decimal("1e3"), 1000, "1000"])
def test_same_amount_in_any_input_type(waarde):
    assert opmaak.euro(waarde) == "€ 1.000,00"
