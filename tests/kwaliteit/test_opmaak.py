"""Formatting and small-number suppression of published output, and the SVG charts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from kwaliteit.grafieken import svg
from kwaliteit.kengetallen import Grafiek, Kerncijfer, Kolom, Reeks, Tabel
from kwaliteit.opmaak import formatteer, grafiek_onderdrukt, heeft_onderdrukking, kerncijfer_tekst, tabel_cellen


@pytest.fixture(autouse=True)
def nederlands():
    with translation.override("nl"):
        yield


def test_counts_below_the_threshold_read_less_than_five_when_suppressed():
    assert [formatteer(n, "aantal", onderdrukken=True) for n in (0, 1, 4, 5, 1234)] == ["0", "< 5", "< 5", "5", "1.234"]
    assert formatteer(3, "aantal") == "3"


def test_the_threshold_is_a_setting(settings):
    settings.SWV_KLEINE_AANTALLEN_DREMPEL = 10
    assert formatteer(7, "aantal", onderdrukken=True) == "< 10"


def test_a_percentage_computed_from_a_small_count_is_hidden():
    assert formatteer(Decimal("0.55"), "percentage", onderdrukken=True, teller=3) == "*"
    assert formatteer(Decimal("2.18"), "percentage", onderdrukken=True, teller=12) == "2,2%"
    assert formatteer(Decimal("0.55"), "percentage", teller=3) == "0,6%"


def test_values_in_dutch_notation():
    assert formatteer(None, "aantal") == "–"
    assert formatteer(Decimal("4.05"), "getal") == "4,1"
    assert formatteer(16, "getal") == "16"
    assert formatteer(Decimal("1234.5"), "bedrag") == "€ 1.235"
    assert formatteer(date(2025, 10, 1), "datum") == "1 oktober 2025"


def test_table_cells_suppress_counts_and_derived_percentages_and_drop_links():
    tabel = Tabel(
        titel="t",
        kolommen=[Kolom("naam", "Naam"), Kolom("n", "Aantal", "aantal"), Kolom("p", "%", "percentage", teller="n")],
        rijen=[
            {"naam": "Kring Oost", "n": 3, "p": Decimal("0.5"), "_link": "/x"},
            {"naam": "Kring West", "n": 40, "p": Decimal("7")},
        ],
    )
    assert [[c["tekst"] for c in rij] for rij in tabel_cellen(tabel, onderdrukken=True)] == [
        ["Kring Oost", "< 5", "*"],
        ["Kring West", "40", "7,0%"],
    ]
    assert tabel_cellen(tabel)[0][0]["link"] == "/x" and tabel_cellen(tabel, onderdrukken=True)[0][0]["link"] is None
    assert heeft_onderdrukking(tabel)
    assert kerncijfer_tekst(Kerncijfer("n", "n", 2), onderdrukken=True) == "< 5"


def test_charts_leave_out_small_counts_when_suppressed():
    grafiek = Grafiek("staaf", "t", ["a", "b"], [Reeks("n", [3, 40])])
    assert grafiek_onderdrukt(grafiek).reeksen[0].waarden == [None, 40]


def test_medians_of_small_counts_are_hidden_in_tables_and_charts_when_suppressed():
    tabel = Tabel(
        titel="t",
        kolommen=[
            Kolom("school", "School"),
            Kolom("n", "Geplaatst", "aantal"),
            Kolom("mediaan", "Mediaan", "dagen", teller="n"),
        ],
        rijen=[
            {"school": "SBO De Brug", "n": 1, "mediaan": Decimal("10")},
            {"school": "SO De Horizon", "n": 12, "mediaan": Decimal("30")},
        ],
    )
    assert [[c["tekst"] for c in rij] for rij in tabel_cellen(tabel, onderdrukken=True)] == [
        ["SBO De Brug", "< 5", "*"],
        ["SO De Horizon", "12", "30,0"],
    ]
    grafiek = Grafiek(
        "staaf", "t", ["SBO De Brug", "SO De Horizon"], [Reeks("Mediaan", [10, 30], "dagen", tellers=[1, 12])]
    )
    assert grafiek_onderdrukt(grafiek).reeksen[0].waarden == [None, 30]
    assert grafiek.reeksen[0].waarden == [10, 30]  # the dashboard (internal) keeps them


def test_charts_are_svg_with_a_title_and_no_inline_style():
    lijn = svg(
        Grafiek(
            "lijn",
            "Leerlingen & trend",
            ["2024", "2025"],
            [Reeks("Totaal", [550, 560]), Reeks("L", [1, None], gestippeld=True)],
        ),
        "g1",
    )
    assert (
        lijn.startswith("<svg")
        and 'role="img"' in lijn
        and '<title id="g1-titel">Leerlingen &amp; trend</title>' in lijn
    )
    assert "style=" not in lijn and "<polyline" in lijn and "stroke-dasharray" in lijn
    staaf = svg(Grafiek("staaf", "Per bestuur", ["Noord", "Zuid"], [Reeks("n", [322, 228])]), "g2")
    assert staaf.count("<rect") == 2 and "322" in staaf
    assert svg(Grafiek("lijn", "leeg", [], [Reeks("n", [])]), "g3") == "" and svg(None, "g4") == ""
