"""The one chart module (swv.grafieken): accessible SVG without inline style, and its data table in
the portal's notation."""

from __future__ import annotations

from decimal import Decimal

from swv.grafieken import Reeks, kolommen, lijnen, mooie_stap, staven
from swv.opmaak import euro, procent


def test_bars_have_a_title_a_description_and_a_data_table():
    g = staven(
        "g1",
        "Budget & realisatie",
        "Staven per blok.",
        ["Blok A", "Blok B"],
        [Reeks("Begroting", [Decimal("1000"), Decimal("-5")]), Reeks("Realisatie", [Decimal("250.5"), None])],
        formaat=lambda w: euro(w, 0),
    )
    assert g.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and 'role="img"' in g.svg
    assert (
        '<title id="g1-titel">Budget &amp; realisatie</title><desc id="g1-omschrijving">Staven per blok.</desc>'
        in g.svg
    )
    assert 'aria-labelledby="g1-titel g1-omschrijving"' in g.svg and "style=" not in g.svg
    # two legend squares + three bars (the missing value is a dash, a negative value a bar of 0)
    assert g.svg.count("<rect") == 5 and 'width="0.0"' in g.svg and ">–</text>" in g.svg
    assert g.kolommen == ["", "Begroting", "Realisatie"]
    assert g.rijen == [["Blok A", "€ 1.000", "€ 251"], ["Blok B", "-€ 5", "–"]]


def test_one_series_has_no_legend_and_a_spread_line():
    g = staven("g2", "Wachttijd", "d", ["SBO De Brug"], [Reeks("Mediaan", [40])], spreiding=[(20, 90)])
    assert g.svg.count("<rect") == 1 and g.svg.count("<line") == 1 and ">40</text>" in g.svg
    assert g.rijen == [["SBO De Brug", "40"]]


def test_lines_with_a_dashed_comparison_and_a_round_scale():
    g = lijnen(
        "g3",
        "Trend",
        "d",
        ["2024", "2025"],
        [Reeks("Totaal", [550, 560]), Reeks("Landelijk", [1, None], gestippeld=True)],
    )
    assert "<polyline" in g.svg and 'stroke-dasharray="6 4"' in g.svg and ">600</text>" in g.svg
    assert g.rijen == [["2024", "550", "1"], ["2025", "560", "–"]]
    assert (mooie_stap(560 * 1.05), mooie_stap(7), mooie_stap(0)) == (200, 2, 1.0)


def test_columns_with_reference_lines_flag_the_outliers():
    g = kolommen(
        "g4",
        "Reserve",
        "d",
        ["2025", "2026"],
        Reeks("Reserve", [Decimal("4.2"), Decimal("12.0")]),
        formaat=procent,
        opvallend=[False, True],
        opvallend_naam="Buiten",
        referenties=[Reeks("Signaal", [Decimal("10"), Decimal("10")])],
    )
    assert g.svg.count('fill="#b35900"') == 2  # the legend square and the 2026 bar
    assert g.svg.count('stroke-dasharray="6 3"') == 3  # legend + one line per bar
    assert g.rijen == [["2025", "4,2%", "10,0%"], ["2026", "12,0%", "10,0%"]]


def test_the_same_svg_every_time():
    maak = lambda: staven("g5", "t", "d", ["a"], [Reeks("n", [1])]).svg  # noqa: E731
    assert maak() == maak()
