"""The finance key figures on constructed data with known answers: budget against actuals and
forecast, the reserve against the signalling value and the minimum, finance's own read rule (no
SWV-wide money for a bestuurder), the empty case, the query
budget per selector, and dashboard, Excel and jaarverslag PDF showing the same numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kwaliteit.kengetallen import Filters, get_kengetal
from swv.choices import Rol
from tests.financien.factories import KLEINE_BEGROTING, importeer, maak_begroting
from tests.kwaliteit.conftest import maak_versie, pdf_tekst
from tests.kwaliteit.test_consistentie import _vergelijk

pytestmark = pytest.mark.django_db

SCHOOLJAAR = Filters.voor_schooljaar(2025)  # ends in 2026: the finance year is 2026


def bereken(sleutel: str, user, filters: Filters = SCHOOLJAAR):
    return get_kengetal(sleutel).bereken(user, filters)


def waarden(uitkomst) -> dict:
    return {k.sleutel: k.waarde for k in uitkomst.kerncijfers}


@pytest.fixture
def financien(personas):
    """KLEINE_BEGROTING (income 3,600,000; costs 3,544,000 of which a dotatie of 24,000) in 2025 and
    2026; the reserve starts at 100,000 on 1 January 2025. Actuals of 2026 up to June: income
    1,800,000, costs 1,720,000 (directie 70,000, schools 900,000, arrangements 250,000, SO 500,000).

    Forecast 2026 (actuals + half the budget): costs 3,492,000, result 108,000, dotatie 12,000.
    Reserve: end 2025 on the budget 100,000 + 56,000 + 24,000 = 180,000 (5.00%); end 2026 on the
    forecast 180,000 + 108,000 + 12,000 = 300,000 (8.33% of 3,600,000: above the signalling value).
    """
    maak_begroting(2025, KLEINE_BEGROTING, reserve_begin=Decimal("100000.00"))
    maak_begroting(2026, KLEINE_BEGROTING)
    importeer(
        personas.carla,
        2026,
        6,
        [
            ("R1.01", "DUO", "600000"),
            ("R1.03", "DUO", "1200000"),
            ("R2.01", "Directie", "70000"),
            ("R3.01", "Scholen", "900000"),
            ("R4.01", "Arrangementen", "250000"),
            ("R5.01", "SO", "500000"),
        ],
    )


def test_budget_actuals_and_forecast_of_the_year_of_the_periods_end(personas, financien):
    uitkomst = bereken("financien_begroting", personas.dirk)
    assert waarden(uitkomst) == {
        "begroting_lasten": Decimal("3544000.00"),
        "realisatie_lasten": Decimal("1720000.00"),
        "realisatie_pct": Decimal("48.5"),
        "prognose_resultaat": Decimal("108000.00"),
    }
    per_blok = uitkomst.tabellen[0].rijen
    arrangementen = next(r for r in per_blok if r["begroting"] == Decimal("600000.00"))
    assert (arrangementen["realisatie"], arrangementen["prognose"], arrangementen["verschil"]) == (
        250000,
        550000,
        -50000,
    )
    assert [r["begroting"] for r in per_blok[-3:]] == [
        Decimal("3600000.00"),
        Decimal("3544000.00"),
        Decimal("56000.00"),
    ]
    per_regel = {r["code"]: r for r in uitkomst.tabellen[1].rijen}
    assert set(per_regel) == set(KLEINE_BEGROTING)
    assert per_regel["6.01"]["prognose"] == Decimal("12000.00") and per_regel["2.01"]["realisatie_pct"] == Decimal(
        "58.3"
    )
    assert all(k.soort == "bedrag" for k in uitkomst.tabellen[1].kolommen if k.sleutel in ("begroting", "prognose"))
    assert get_kengetal("financien_begroting").drilldown_url(SCHOOLJAAR, personas.dirk).endswith("?jaar=2026")
    # The calendar year of the jaarverslag gives the same year.
    assert waarden(bereken("financien_begroting", personas.dirk, Filters.voor_kalenderjaar(2026))) == waarden(uitkomst)


def test_a_year_without_actuals_forecasts_its_budget(personas, financien):
    uitkomst = bereken("financien_begroting", personas.dirk, Filters.voor_kalenderjaar(2025))
    assert waarden(uitkomst)["realisatie_pct"] == 0 and waarden(uitkomst)["prognose_resultaat"] == Decimal("56000.00")


def test_reserve_against_the_signalling_value_and_the_minimum(personas, financien):
    uitkomst = bereken("financien_reserve", personas.dirk)
    assert waarden(uitkomst) == {
        "reserve_pct": Decimal("8.33"),
        "reserve": Decimal("300000.00"),
        "signaleringsbedrag": Decimal("126000.00"),
        "minimumbedrag": Decimal("108000.00"),
    }
    rijen = uitkomst.tabellen[0].rijen
    assert [(r["jaar"], r["eind"], r["percentage"]) for r in rijen] == [
        ("2025", Decimal("180000.00"), Decimal("5.00")),
        ("2026", Decimal("300000.00"), Decimal("8.33")),
    ]
    assert uitkomst.grafiek.labels == ["2025", "2026"] and uitkomst.toelichting
    # The year before only shows the years up to it.
    assert waarden(bereken("financien_reserve", personas.dirk, Filters.voor_kalenderjaar(2025)))[
        "reserve_pct"
    ] == Decimal("5.00")


def test_the_years_own_thresholds_count(personas, financien):
    from tests.financien.factories import JaarparametersFactory

    JaarparametersFactory(
        jaar=2026, signaleringswaarde_percentage=Decimal("10.00"), minimum_reserve_percentage=Decimal("5.00")
    )
    assert waarden(bereken("financien_reserve", personas.dirk))["signaleringsbedrag"] == Decimal("360000.00")


@pytest.mark.parametrize("persona", ["bert", "anna", "alice"])
def test_who_may_not_read_finance_gets_no_figures_but_an_explanation(personas, financien, persona):
    user = getattr(personas, persona)
    for sleutel in ("financien_begroting", "financien_reserve"):
        uitkomst = bereken(sleutel, user)
        assert uitkomst.leeg and uitkomst.bron_beschikbaar and uitkomst.toelichting
        assert uitkomst.tabellen == [] and uitkomst.grafiek is None


def test_finance_follows_the_roles_finance_is_configured_for(personas, financien, settings):
    assert waarden(bereken("financien_reserve", personas.bea))["reserve_pct"] == Decimal("8.33")
    assert get_kengetal("financien_reserve").drilldown_url(SCHOOLJAAR, personas.bea)
    settings.FINANCIEN_LEESROLLEN = (Rol.CONTROLLER, Rol.DB)
    assert bereken("financien_reserve", personas.bea).leeg
    assert get_kengetal("financien_reserve").drilldown_url(SCHOOLJAAR, personas.bea) is None  # finance's own rule
    assert waarden(bereken("financien_begroting", personas.carla))["realisatie_pct"] == Decimal("48.5")


def test_organisation_filters_do_not_split_the_partnerships_money(personas, financien):
    heel = bereken("financien_begroting", personas.dirk)
    noord = bereken("financien_begroting", personas.dirk, SCHOOLJAAR.met(bestuur_id=personas.school_a.bestuur_id))
    assert waarden(noord) == waarden(heel) and noord.toelichting != heel.toelichting  # and the tile says so


def test_without_a_budget_the_figures_are_empty(personas):
    for sleutel in ("financien_begroting", "financien_reserve"):
        uitkomst = bereken(sleutel, personas.dirk)
        assert uitkomst.leeg and uitkomst.bron_beschikbaar


def test_query_budget_per_selector(personas, financien, django_assert_max_num_queries):
    bereken("financien_begroting", personas.dirk)  # the user's memberships are cached per request
    # The finance app's own calculations: jaarregels (4) and the chained reserve positions (6).
    with django_assert_max_num_queries(4):
        bereken("financien_begroting", personas.dirk)
    with django_assert_max_num_queries(6):
        bereken("financien_reserve", personas.dirk)
    maak_begroting(2027, KLEINE_BEGROTING)
    importeer(personas.carla, 2026, 7, [("R2.01", "Directie", "10000")])
    with django_assert_max_num_queries(4):
        bereken("financien_begroting", personas.dirk)
    with django_assert_max_num_queries(6):
        bereken("financien_reserve", personas.dirk)


def test_dashboard_excel_and_jaarverslag_agree(
    client, personas, scholen, financien, django_capture_on_commit_callbacks
):
    """The dashboard's school year 2025-2026 and the jaarverslag 2026 share the finance year 2026."""
    from arrangementen.models import Arrangementbudget

    Arrangementbudget.objects.create(jaar=2026, kring=personas.kring, bedrag=Decimal("50000.00"))
    client.force_login(personas.dirk)
    html = "".join(
        client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025, "domein": domein}).content.decode()
        for domein in ("financien", "arrangementen")
    )
    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2026, door=personas.dirk)
    with versie.taak.bestand.open("rb") as fh:
        pdf = pdf_tekst(fh.read())
    # Wide tables wrap "€ 3.600.000" over two lines in the PDF's text: compare on single spaces.
    pdf = " ".join(pdf.split())
    for sleutel in ("financien_begroting", "financien_reserve", "arrangementen_budget"):
        _vergelijk(client, personas, html, pdf, sleutel)
    # The infographic of the jaarverslag shows the reserve.
    assert "8,3%" in pdf.split("Leerlingen en deelname")[0]


def test_a_jaarverslag_generated_by_a_beleidsmedewerker_has_the_finance_chapter(
    personas, financien, django_capture_on_commit_callbacks
):
    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2026, door=personas.bea)
    with versie.taak.bestand.open("rb") as fh:
        pdf = pdf_tekst(fh.read())
    assert "€ 300.000" in pdf and "8,3%" in pdf


def test_a_jaarverslag_generated_without_finance_rights_says_why_finance_is_missing(
    personas, financien, django_capture_on_commit_callbacks, settings
):
    settings.FINANCIEN_LEESROLLEN = (Rol.CONTROLLER, Rol.DB)
    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2026, door=personas.bea)
    with versie.taak.bestand.open("rb") as fh:
        pdf = pdf_tekst(fh.read())
    assert "€ 300.000" not in pdf and "8,3%" not in pdf
    from kwaliteit.kengetallen.financien import GEEN_RECHT

    # Both finance figures say "no data for this period", followed by the reason.
    hoofdstuk = pdf.split("Voortgang van het jaarplan")[0].rsplit("Financiën", 1)[1]
    assert hoofdstuk.count("Geen gegevens over deze periode.") == 2
    assert " ".join(hoofdstuk.split()).count(" ".join(str(GEEN_RECHT).split()[:4])) == 2
