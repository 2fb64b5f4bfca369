"""Reads: the finance contract, the key figures of the TLC annual report and the pijplijn."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import SchoolFactory
from tests.tlv.factories import TLVFactory
from tlv import selectors
from tlv.selectors import Periode

pytestmark = pytest.mark.django_db

PEIL = date(2026, 2, 1)


@pytest.fixture
def register(wereld):
    """Two SBO and three SO TLVs active on the peildatum, plus ones that are not."""
    m = dict(aanvragende_school=wereld.school_a)
    TLVFactory(actief=True, ingangsdatum=date(2025, 8, 1), einddatum=date(2027, 7, 31), **m)
    TLVFactory(actief=True, ingangsdatum=date(2026, 2, 1), einddatum=date(2026, 7, 31), **m)  # starts on the day
    TLVFactory(
        actief=True, so=True, categorie="laag", ingangsdatum=date(2025, 8, 1), einddatum=date(2026, 2, 1), **m
    )  # last day
    TLVFactory(actief=True, so=True, categorie="laag", ingangsdatum=date(2025, 8, 1), einddatum=date(2027, 7, 31), **m)
    TLVFactory(
        actief=True,
        so=True,
        categorie="hoog",
        ingangsdatum=date(2024, 8, 1),
        einddatum=None,
        route="rechtstreeks",
        geen_einddatum_reden="EMB",
        **m,
    )
    TLVFactory(actief=True, ingangsdatum=date(2026, 2, 2), einddatum=date(2027, 7, 31), **m)  # starts after
    TLVFactory(verlopen=True, ingangsdatum=date(2024, 8, 1), einddatum=date(2026, 1, 31), **m)  # ended before
    TLVFactory(
        actief=True,
        so=True,
        categorie="midden",
        ingangsdatum=date(2025, 8, 1),
        einddatum=date(2027, 7, 31),
        status="ingetrokken",
        beeindigd_op=date(2026, 2, 1),
        beeindigingsreden="leerling_vertrokken",
        **m,
    )  # ended on the day
    TLVFactory(ingediend=True, **m)  # a request only
    return wereld


def test_the_finance_contract_counts_active_tlvs_per_type_and_category(register):
    assert selectors.tlv_aantallen_voor_bekostiging(peildatum=PEIL) == [
        {"soort": "SBO", "categorie": "", "aantal": 2},
        {"soort": "SO", "categorie": "laag", "aantal": 2},
        {"soort": "SO", "categorie": "midden", "aantal": 0},
        {"soort": "SO", "categorie": "hoog", "aantal": 1},
    ]


def test_the_tlvs_behind_a_number_are_scoped_to_the_user(register):
    p = register
    assert selectors.tlvs_voor_bekostiging(p.carla, peildatum=PEIL, soort="SO", categorie="laag").count() == 2
    assert selectors.tlvs_voor_bekostiging(p.carla, peildatum=PEIL, soort="SBO", categorie="whatever").count() == 2
    assert selectors.tlvs_voor_bekostiging(p.alice, peildatum=PEIL, soort="SO", categorie="laag").count() == 0
    assert selectors.tlvs_voor_bekostiging(p.bert, peildatum=PEIL, soort="SO", categorie="laag").count() == 0


def test_key_figures_of_the_tlc_annual_report(wereld):
    m = dict(aanvragende_school=wereld.school_a)
    TLVFactory(
        afgegeven=True,
        eerst_ingediend_op=date(2025, 9, 1),
        besluit_datum=date(2025, 10, 1),
        afgegeven_op=date(2025, 10, 1),
        **m,
    )
    TLVFactory(
        afgegeven=True,
        so=True,
        categorie="hoog",
        route="verlenging",
        eerst_ingediend_op=date(2026, 5, 10),
        besluit_datum=date(2026, 6, 9),
        afgegeven_op=date(2026, 6, 9),
        **m,
    )
    TLVFactory(geweigerd=True, eerst_ingediend_op=date(2026, 6, 1), besluit_datum=date(2026, 7, 1), **m)
    TLVFactory(ingediend=True, eerst_ingediend_op=date(2026, 7, 20), **m)
    TLVFactory(
        actief=True,
        status="ingetrokken",
        beeindigd_op=date(2026, 3, 1),
        beeindigingsreden="teruggeplaatst",
        ingangsdatum=date(2024, 8, 1),
        einddatum=date(2026, 7, 31),
        eerst_ingediend_op=date(2024, 6, 1),
        **m,
    )
    k = selectors.tlv_kengetallen(wereld.dirk, Periode(begin=date(2025, 8, 1), einde=date(2026, 7, 31)))
    assert (k["aanvragen"], k["afgegeven"], k["geweigerd"]) == (4, 2, 1)
    assert k["doorlooptijd_gemiddeld"] == 30.0
    assert k["aandeel_mei_juli"] == 75.0
    assert (k["verlengingen"], k["terugplaatsingen"], k["rechtstreeks"]) == (1, 1, 0)
    assert {(r["soort"], r["categorie"]) for r in k["afgegeven_per_soort"]} == {("SBO", ""), ("SO", "hoog")}
    assert sum(r["aantal"] for r in k["aanvragen_per_leeftijd"]) == 4
    # A bestuurder sees the figures of the board's schools only; another board's nothing.
    assert (
        selectors.tlv_kengetallen(wereld.bert, Periode(begin=date(2025, 8, 1), einde=date(2026, 7, 31)))["aanvragen"]
        == 4
    )
    assert (
        selectors.tlv_kengetallen(wereld.alice, Periode(begin=date(2025, 8, 1), einde=date(2026, 7, 31)))["aanvragen"]
        == 0
    )


def test_the_pijplijn_gives_median_and_spread_of_the_waiting_time_per_special_school(wereld):
    ander = SchoolFactory(sbo=True, naam="SBO Het Anker")
    for dagen in (10, 20, 30, 40, 100):
        TLVFactory(
            actief=True,
            beoogde_school=wereld.sbo,
            afgegeven_op=date(2026, 1, 5),
            plaatsingsdatum=date(2026, 1, 5) + timedelta(days=dagen),
        )
    TLVFactory(afgegeven=True, beoogde_school=ander, afgegeven_op=date(2026, 1, 5))  # still waiting
    p = selectors.tlv_pijplijn(wereld.bea, Periode(begin=date(2025, 8, 1), einde=date(2026, 7, 31)))
    brug = next(r for r in p["per_school"] if r["school"] == "SBO De Brug")
    assert (brug["aantal"], brug["mediaan"], brug["p25"], brug["p75"], brug["min"], brug["max"]) == (
        5,
        30,
        20,
        40,
        10,
        100,
    )
    anker = next(r for r in p["per_school"] if r["school"] == "SBO Het Anker")
    assert (anker["aantal"], anker["wachtend"]) == (0, 1)
    assert p["totaal"]["mediaan"] == 30


def test_the_duo_rows_carry_the_bsn_or_else_the_education_number(wereld):
    met_bsn = TLVFactory(afgegeven=True, nummer="TLV-2801-2026-0001")
    met_bsn.leerling.bsn = "123456782"
    met_bsn.leerling.save()
    zonder = TLVFactory(
        afgegeven=True,
        so=True,
        categorie="midden",
        nummer="TLV-2801-2026-0002",
        einddatum=None,
        route="rechtstreeks",
        geen_einddatum_reden="EMB",
    )
    zonder.leerling.onderwijsnummer = "987654321"
    zonder.leerling.save()
    TLVFactory(ingediend=True)  # not issued: not in the file
    rijen = list(selectors.duo_rijen(wereld.dirk))
    assert [r[:4] for r in rijen] == [
        ("TLV-2801-2026-0001", "123456782", "SBO", ""),
        ("TLV-2801-2026-0002", "987654321", "SO", "midden"),
    ]
    assert rijen[1][5] == "" and rijen[0][6] == "PO2801"
    assert list(selectors.duo_rijen(wereld.tim)) == []


def test_the_pupil_timeline_gets_the_tlv_steps_within_scope(wereld):
    from tlv.tijdlijn import tijdlijn_items

    tlv = TLVFactory(
        actief=True,
        leerling=wereld.daan,
        aanvragende_school=wereld.school_a,
        beoogde_school=wereld.sbo,
        plaatsingsdatum=date.today(),
    )
    titels = [i["titel"] for i in tijdlijn_items(wereld.daan, wereld.alice)]
    assert titels == ["TLV-aanvraag ingediend (SBO)", f"TLV {tlv.nummer} afgegeven", "Geplaatst op SBO De Brug"]
    assert tijdlijn_items(wereld.daan, wereld.bob) == []
