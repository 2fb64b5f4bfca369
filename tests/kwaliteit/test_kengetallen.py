"""Key-figure selectors on constructed data with known answers, the empty case, the bestuurder's
scope, the filters, the registry and the helpers for the other apps' selectors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kwaliteit.kengetallen import Filters, Uitkomst, get_kengetal, indicator_waarde, registreer_kengetal
from kwaliteit.kengetallen.hulp import kwartielen, leerlingen_in_scope, per_duizend
from swv.models import Leerlingtelling
from tests.kwaliteit.factories import T2024, T2025, tellingen

pytestmark = pytest.mark.django_db

F2025 = Filters.voor_schooljaar(2025)


def bereken(sleutel, user, filters=F2025) -> Uitkomst:
    return get_kengetal(sleutel).bereken(user, filters)


def kerncijfer(uitkomst: Uitkomst, sleutel):
    return uitkomst.indicator(sleutel)


def test_pupils_per_type_per_count_date_with_growth(personas, scholen):
    uitkomst = bereken("leerlingen_per_soort", personas.dirk)
    rijen = uitkomst.tabellen[0].rijen
    assert [(r["teldatum"], r["bo"], r["sbo"], r["so"], r["totaal"]) for r in rijen] == [
        (T2024, 500, 10, 40, 550),
        (T2025, 500, 12, 38, 550),
    ]
    assert rijen[0]["groei"] is None and rijen[1]["groei"] == Decimal("0.00")
    assert kerncijfer(uitkomst, "totaal") == 550


def test_growth_is_relative_to_the_previous_count(personas, scholen):
    tellingen(scholen["a"], {date(2023, 10, 1): 450})  # 2023: 450 in total, 2024: 550
    rijen = bereken("leerlingen_per_soort", personas.dirk).tabellen[0].rijen
    assert rijen[1]["groei"] == Decimal("22.22")  # (550 - 450) / 450


def test_participation_rates_against_the_national_figure(personas, scholen):
    uitkomst = bereken("deelnamepercentage", personas.dirk)
    laatste = uitkomst.tabellen[0].rijen[-1]
    assert (laatste["totaal"], laatste["sbo"], laatste["so"]) == (550, 12, 38)
    assert laatste["sbo_pct"] == Decimal("2.18")  # 12 / 550
    assert laatste["so_pct"] == Decimal("6.91")  # 38 / 550
    assert laatste["sbo_land"] == Decimal("1.90")  # 20 / 1050
    assert laatste["so_land"] == Decimal("2.86")  # 30 / 1050
    assert kerncijfer(uitkomst, "so_min_landelijk") == Decimal("4.05")
    assert uitkomst.tabellen[0].rijen[0]["so_land"] is None  # no national figure for 2024


def test_an_entered_national_rate_wins_over_the_computed_one(personas, scholen):
    from kwaliteit.models import LandelijkCijfer

    LandelijkCijfer.objects.filter(teldatum=T2025).update(deelname_so=Decimal("1.75"))
    assert bereken("deelnamepercentage", personas.dirk).tabellen[0].rijen[-1]["so_land"] == Decimal("1.75")


def test_the_soort_filter_does_not_change_the_denominator_of_participation(personas, scholen):
    uitkomst = bereken("deelnamepercentage", personas.dirk, F2025.met(soort="SBO"))
    assert uitkomst.tabellen[0].rijen[-1]["sbo_pct"] == Decimal("2.18")


def test_pupils_per_board_at_the_latest_count_date_of_the_period(personas, scholen):
    uitkomst = bereken("leerlingen_per_bestuur", personas.dirk)
    rijen = {r["naam"]: r for r in uitkomst.tabellen[0].rijen}
    assert rijen["Stichting Noord"]["totaal"] == 322 and rijen["Stichting Noord"]["sbo"] == 12
    assert rijen["Stichting Zuid"]["totaal"] == 228 and rijen["Stichting Zuid"]["so"] == 38
    assert rijen["Stichting Noord"]["aandeel"] == Decimal("58.55")
    assert rijen["Stichting Noord"]["scholen"] == 2
    assert kerncijfer(uitkomst, "aantal") == 2
    assert "bestuur_id=" not in rijen["Stichting Noord"]["_link"] and "bestuur=" in rijen["Stichting Noord"]["_link"]


def test_an_earlier_school_year_uses_that_years_count_date(personas, scholen):
    rijen = bereken("leerlingen_per_bestuur", personas.dirk, Filters.voor_schooljaar(2024)).tabellen[0].rijen
    assert {r["naam"]: r["totaal"] for r in rijen} == {"Stichting Noord": 310, "Stichting Zuid": 240}


def test_pupils_per_cluster_and_municipality(personas, scholen):
    kring = {r["naam"]: r["totaal"] for r in bereken("leerlingen_per_kring", personas.dirk).tabellen[0].rijen}
    assert kring["Kring Leiden"] == 512 and sum(kring.values()) == 550  # the SO school has no kring
    gemeenten = bereken("leerlingen_per_gemeente", personas.dirk).tabellen[0].rijen
    assert sum(r["totaal"] for r in gemeenten) == 550


@pytest.mark.parametrize(
    "sleutel",
    [
        "leerlingen_per_soort",
        "deelnamepercentage",
        "leerlingen_per_bestuur",
        "leerlingen_per_kring",
        "leerlingen_per_gemeente",
    ],
)
def test_every_key_figure_is_empty_without_data(personas, sleutel):
    uitkomst = bereken(sleutel, personas.dirk)
    assert uitkomst.leeg and uitkomst.bron_beschikbaar
    assert all(k.waarde is None for k in uitkomst.kerncijfers)


def test_the_bestuurder_sees_only_the_boards_schools(personas, scholen):
    uitkomst = bereken("leerlingen_per_soort", personas.bert)
    assert kerncijfer(uitkomst, "totaal") == 322  # school A 310 + SBO 12
    assert [r["naam"] for r in bereken("leerlingen_per_bestuur", personas.bert).tabellen[0].rijen] == [
        "Stichting Noord"
    ]


def test_a_bestuurder_filtering_on_another_board_gets_nothing(personas, scholen):
    filters = F2025.met(bestuur_id=personas.school_b.bestuur_id)
    assert bereken("leerlingen_per_soort", personas.bert, filters).leeg


@pytest.mark.parametrize("persona", ["alice", "lotte", "olga", "charlie"])
def test_roles_without_aggregate_scope_get_empty_figures(personas, scholen, persona):
    assert bereken("leerlingen_per_soort", getattr(personas, persona)).leeg


def test_filters_narrow_the_schools(personas, scholen):
    assert kerncijfer(bereken("leerlingen_per_soort", personas.dirk, F2025.met(soort="SO")), "totaal") == 38
    assert (
        kerncijfer(bereken("leerlingen_per_soort", personas.dirk, F2025.met(kring_id=personas.kring.pk)), "totaal")
        == 512
    )
    assert (
        kerncijfer(bereken("leerlingen_per_soort", personas.dirk, F2025.met(school_id=scholen["b"].pk)), "totaal")
        == 190
    )
    gemeente = scholen["a"].gemeente_id
    assert kerncijfer(bereken("leerlingen_per_soort", personas.dirk, F2025.met(gemeente_id=gemeente)), "totaal") == 310


def test_counts_masked_by_duo_are_left_out_and_said(personas, scholen):
    Leerlingtelling.objects.filter(school=scholen["sbo"], teldatum=T2025).update(aantal=None, minder_dan_vijf=True)
    uitkomst = bereken("leerlingen_per_soort", personas.dirk)
    assert kerncijfer(uitkomst, "totaal") == 538
    assert "1" in str(uitkomst.kerncijfers[0].toelichting)


def test_placeholders_have_no_data_and_say_so(personas, plaatshouder):
    assert not plaatshouder.beschikbaar
    assert plaatshouder.bereken(personas.dirk, F2025).bron_beschikbaar is False
    assert plaatshouder.drilldown_url(F2025, personas.dirk) is None


#: The key figures REPORTING.md asks for beside the pupil counts, each registered by its source app.
KENGETALLEN_VAN_REPORTING_MD = [
    "so_per_categorie",
    "tlv_aanvragen",
    "wachttijd_plaatsing",
    "arrangementen",
    "arrangementen_budget",
    "thuiszitters",
    "zorgplicht",
    "mdo_hoorrecht",
    "financien_begroting",
    "financien_reserve",
]


def test_every_key_figure_of_reporting_md_has_a_real_selector():
    assert all(get_kengetal(sleutel).beschikbaar for sleutel in KENGETALLEN_VAN_REPORTING_MD)


def test_a_real_selector_replaces_a_placeholder_and_keeps_its_indicators(personas, plaatshouder):
    def selector(user, filters):
        from kwaliteit.kengetallen import Kerncijfer

        return Uitkomst(kerncijfers=[Kerncijfer("aantal", "aantal", 3)])

    registreer_kengetal(sleutel="test_plaatshouder", titel="Echt", domein="tlv", selector=selector)
    assert get_kengetal("test_plaatshouder").beschikbaar
    assert dict(get_kengetal("test_plaatshouder").indicatoren)["aantal"]
    # A placeholder registered later does not undo it.
    registreer_kengetal(sleutel="test_plaatshouder", titel="Plaatshouder", domein="tlv")
    assert indicator_waarde(personas.dirk, F2025, "test_plaatshouder:aantal") == 3


def test_indicator_values_are_computed_once_per_key_figure(personas, scholen, django_assert_num_queries):
    cache: dict = {}
    indicator_waarde(personas.dirk, F2025, "deelnamepercentage:so", cache=cache)
    with django_assert_num_queries(0):
        assert indicator_waarde(personas.dirk, F2025, "deelnamepercentage:sbo", cache=cache) == Decimal("2.18")
    assert indicator_waarde(personas.dirk, F2025, "bestaat_niet:x") is None


def test_unknown_domains_are_refused():
    with pytest.raises(ValueError):
        registreer_kengetal(sleutel="x", titel="x", domein="onbekend")


def test_rates_per_thousand():
    assert per_duizend(3, 550) == Decimal("5.5")
    assert per_duizend(0, 550) == Decimal("0.0")
    assert per_duizend(3, 0) is None and per_duizend(None, 10) is None


def test_the_pupil_count_of_a_scope_is_the_denominator_for_rates(personas, scholen):
    assert leerlingen_in_scope(personas.dirk, F2025) == 550
    assert leerlingen_in_scope(personas.bert, F2025) == 322
    assert leerlingen_in_scope(personas.dirk, Filters.voor_schooljaar(2010)) is None


def test_quartiles_and_median_in_the_database(personas, scholen):
    qs = Leerlingtelling.objects.filter(teldatum=T2025)  # 12, 38, 190, 310
    q1, mediaan, q3 = kwartielen(qs, "aantal")
    assert (q1, mediaan, q3) == (pytest.approx(31.5), pytest.approx(114.0), pytest.approx(220.0))
    assert kwartielen(qs.none(), "aantal") is None
    assert kwartielen(qs.filter(aantal=12), "aantal") == (12.0, 12.0, 12.0)
