"""The funding arithmetic on seed 002's example (PPO regio Leiden, meerjarenbegroting 2014-2021)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from financien.bekostiging import (
    jaren_tussen,
    lineaire_prognose,
    op_euro,
    prognose,
    sbo_afdracht,
    so_afdracht,
)
from financien.berekening import bekostiging_voor, leerlingaantallen, reserveposities, toewijzing
from financien.choices import Blok, SboRegel
from tests.factories import LeerlingtellingFactory, SchoolFactory
from tests.financien.factories import JaarparametersFactory, maak_begroting

pytestmark = pytest.mark.django_db


@pytest.fixture
def leiden_2013():
    """The 1 October 2013 count of seed 002: 19,678 pupils in regular schools and 299 in SBO."""
    bo = SchoolFactory(naam="Alle basisscholen")
    sbo = SchoolFactory(sbo=True)
    LeerlingtellingFactory(school=bo, teldatum=date(2013, 10, 1), aantal=19678)
    LeerlingtellingFactory(school=sbo, teldatum=date(2013, 10, 1), aantal=299)
    return bo, sbo


def test_it_reproduces_the_2014_15_light_support_of_seed_002(leiden_2013):
    params = JaarparametersFactory(seed_2014=True)
    leerlingen, bekostiging = bekostiging_voor(params)
    assert (leerlingen.gebruikte_teldatum, leerlingen.bao, leerlingen.bao_sbo) == (date(2013, 10, 1), 19678, 19977)
    # 19,678 x 149.29 = 2,937,728.62 -> 2,937,729 after rounding; x 7.48 = 147,191; subtotal 3,084,920.
    assert bekostiging.lichte_personeel == Decimal("2937728.62")
    assert op_euro(bekostiging.lichte_personeel) == 2937729
    assert op_euro(bekostiging.lichte_materieel) == 147191
    assert op_euro(bekostiging.lichte_totaal) == 3084920


def test_it_reproduces_the_2015_16_heavy_support_minus_verevening_of_seed_002(leiden_2013):
    # The count date 1 October 2014 has no count yet: the 2013 count with -1 % (19,777.23 pupils).
    params = JaarparametersFactory(seed_2015=True)
    leerlingen, bekostiging = bekostiging_voor(params)
    assert (leerlingen.gebruikte_teldatum, leerlingen.prognosejaren) == (date(2013, 10, 1), 1)
    assert leerlingen.bao_sbo == Decimal("19777.23")
    # 324.80 x (bao + sbo) = 6,423,644; minus the verevening correction 892,744 = 5,530,900.
    assert op_euro(bekostiging.zware_normatief) == 6423644
    assert op_euro(bekostiging.verevening) == -892744
    assert op_euro(bekostiging.zware_netto) == 5530900
    # Light support of 2015-16 on the same forecast: 2,908,351 + 145,720 = 3,054,071.
    assert (op_euro(bekostiging.lichte_personeel), op_euro(bekostiging.lichte_materieel)) == (2908351, 145720)
    assert op_euro(bekostiging.lichte_totaal) == 3054071


def test_leiden_paid_nothing_for_sbo_under_the_two_percent_rule(leiden_2013):
    # Seed 002, lasten 10: SBO participation 1.50 % < 2 %, so no transfer.
    params = JaarparametersFactory(seed_2014=True, sbo_tarief=Decimal("4000"), sbo_drempel_percentage=Decimal("2.00"))
    regel = sbo_afdracht(299, Decimal(19977), params)
    assert regel.bedrag == 0
    assert "1,50" in regel.uitleg or "1.50" in regel.uitleg


@pytest.mark.parametrize(
    "regel, sbo, verwacht",
    [
        (SboRegel.GEEN, 500, Decimal("0.00")),
        (SboRegel.DREMPEL, 500, Decimal("400000.00")),  # 2 % of 20,000 = 400: 100 above it x 4,000
        (SboRegel.DREMPEL, 300, Decimal("0.00")),
        (SboRegel.PER_TLV, 300, Decimal("1200000.00")),
    ],
)
def test_the_sbo_rule_is_a_strategy_per_year(regel, sbo, verwacht):
    params = SimpleNamespace(sbo_regel=regel, sbo_drempel_percentage=Decimal("2.00"), sbo_tarief=Decimal("4000.00"))
    assert sbo_afdracht(sbo, Decimal(20000), params).bedrag == verwacht


def test_the_so_deduction_is_tlvs_times_the_category_rate():
    params = SimpleNamespace(
        so_tarieven={"laag": Decimal("10000"), "midden": Decimal("20000"), "hoog": Decimal("25000")}
    )
    regels = so_afdracht({("SO", "laag"): 241, ("SO", "midden"): 33, ("SO", "hoog"): 34}, params)
    assert [(r.categorie, r.aantal, r.bedrag) for r in regels] == [
        ("laag", 241, Decimal("2410000.00")),
        ("midden", 33, Decimal("660000.00")),
        ("hoog", 34, Decimal("850000.00")),
    ]


def test_the_count_of_the_configured_date_is_used_or_else_the_latest_before_it():
    school = SchoolFactory()
    LeerlingtellingFactory(school=school, teldatum=date(2023, 10, 1), aantal=200)
    LeerlingtellingFactory(school=school, teldatum=date(2024, 10, 1), aantal=210)
    LeerlingtellingFactory(school=school, teldatum=date(2025, 10, 1), aantal=230)
    assert leerlingaantallen(date(2024, 10, 1), Decimal("-1")).bao == 210
    feb = leerlingaantallen(date(2025, 2, 1), Decimal("-1"))
    assert (feb.gebruikte_teldatum, feb.bao, feb.is_andere_datum, feb.prognosejaren) == (
        date(2024, 10, 1),
        210,
        True,
        0,
    )
    assert leerlingaantallen(date(2020, 2, 1), Decimal("-1")).gebruikte_teldatum is None


def test_masked_counts_are_not_counted_but_reported():
    LeerlingtellingFactory(school=SchoolFactory(), teldatum=date(2024, 10, 1), aantal=120)
    LeerlingtellingFactory(school=SchoolFactory(), teldatum=date(2024, 10, 1), aantal=None, minder_dan_vijf=True)
    aantallen = leerlingaantallen(date(2024, 10, 1), Decimal("0"))
    assert (aantallen.bao, aantallen.gemaskeerd) == (120, 1)


def test_the_allocation_is_base_plus_pupils_times_amount_as_in_seed_002(leiden_2013):
    # Seed 002, lasten 9: "budget per leerling bao" 100 x 19,678 = 1,967,800 (regular schools only).
    params = JaarparametersFactory(
        seed_2014=True, bedrag_per_leerling=Decimal("100.00"), basisbedrag_per_school=Decimal("0")
    )
    verdeling = toewijzing(params)
    scholen = [s for b in verdeling.besturen for s in b.scholen]
    assert [(s.school.naam, s.aantal, s.totaal) for s in scholen] == [
        ("Alle basisscholen", 19678, Decimal("1967800.00"))
    ]


def test_it_reproduces_the_reserve_build_up_of_seed_002():
    # Seed 002: result 4,564 + dotatie 25,000 -> reserve 29,564; next year +10,027 + 25,000 -> 64,591.
    maak_begroting(
        2014,
        {
            "b": ("Baten", Blok.BATEN, Decimal("4411415")),
            "l": ("Lasten", Blok.CENTRALE_ORGANISATIE, Decimal("4381851")),
            "d": ("Dotatie", Blok.RESERVE, Decimal("25000")),
        },
        reserve_begin=Decimal("0"),
    )
    maak_begroting(
        2015,
        {
            "b": ("Baten", Blok.BATEN, Decimal("8646079")),
            "l": ("Lasten", Blok.CENTRALE_ORGANISATIE, Decimal("8611052")),
            "d": ("Dotatie", Blok.RESERVE, Decimal("25000")),
        },
    )
    posities = reserveposities()
    assert [(p.jaar, p.resultaat, p.eind) for p in posities] == [
        (2014, Decimal("4564.00"), Decimal("29564.00")),
        (2015, Decimal("10027.00"), Decimal("64591.00")),
    ]
    assert [p.basis for p in posities] == ["begroting", "begroting"]


def test_the_reserve_is_judged_against_the_signalling_value_and_the_minimum():
    JaarparametersFactory(
        jaar=2026, signaleringswaarde_percentage=Decimal("3.50"), minimum_reserve_percentage=Decimal("3.00")
    )
    maak_begroting(
        2026,
        {
            "b": ("Baten", Blok.BATEN, Decimal("1000000")),
            "l": ("Lasten", Blok.CENTRALE_ORGANISATIE, Decimal("1000000")),
        },
        reserve_begin=Decimal("50000"),
    )
    maak_begroting(
        2027,
        {
            "b": ("Baten", Blok.BATEN, Decimal("1000000")),
            "l": ("Lasten", Blok.CENTRALE_ORGANISATIE, Decimal("1030000")),
        },
    )
    maak_begroting(
        2028,
        {"b": ("Baten", Blok.BATEN, Decimal("1000000")), "l": ("Lasten", Blok.CENTRALE_ORGANISATIE, Decimal("985000"))},
    )
    posities = {p.jaar: p for p in reserveposities()}
    # 2026: 50,000 (5 %) -> above; 2027: 20,000 = 2 % -> below; 2028: 35,000 = 3.5 % -> within.
    assert (posities[2026].oordeel, posities[2027].oordeel, posities[2028].oordeel) == ("boven", "onder", "binnen")
    assert posities[2027].percentage == Decimal("2.00") and posities[2028].percentage == Decimal("3.50")


def test_the_forecast_adds_the_budget_of_the_remaining_months():
    assert lineaire_prognose(Decimal("120000"), Decimal("50000"), 6) == Decimal("110000.00")
    assert lineaire_prognose(Decimal("120000"), Decimal("0"), 0) == Decimal("120000.00")
    assert lineaire_prognose(Decimal("120000"), Decimal("119999.99"), 12) == Decimal("119999.99")


def test_whole_years_between_count_dates():
    assert jaren_tussen(date(2013, 10, 1), date(2014, 10, 1)) == 1
    assert jaren_tussen(date(2024, 10, 1), date(2025, 2, 1)) == 0
    assert jaren_tussen(date(2024, 10, 1), date(2026, 2, 1)) == 1
    assert prognose({"BO": 100}, gevraagd=date(2026, 2, 1), gebruikt=None, groei=Decimal("-1")).bao == 0
