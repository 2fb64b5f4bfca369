"""The arrangement key figures on constructed data with known answers: counts by type, school and
status for a period, money committed against the budget, scoping (filters, the bestuurder, the
AC), the empty case, the query budget per selector and the AC annual report PDF."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from arrangementen.choices import Beoordelaar
from arrangementen.models import Arrangementbudget, Evaluatie, Realisatie
from kwaliteit.kengetallen import Filters, get_kengetal
from tests.arrangementen.factories import AanvraagFactory, ArrangementtypeFactory
from tests.kwaliteit.conftest import maak_versie, pdf_tekst

pytestmark = pytest.mark.django_db

SCHOOLJAAR = Filters.voor_schooljaar(2025)  # 1 August 2025 - 31 July 2026


def moment(jaar: int, maand: int, dag: int) -> datetime:
    return timezone.make_aware(datetime(jaar, maand, dag, 10, 0))


def bereken(sleutel: str, user, filters: Filters = SCHOOLJAAR):
    return get_kengetal(sleutel).bereken(user, filters)


def waarden(uitkomst) -> dict:
    return {k.sleutel: k.waarde for k in uitkomst.kerncijfers}


def rijen(uitkomst, index: int = 0) -> dict:
    return {r["naam"]: r for r in uitkomst.tabellen[index].rijen}


def evalueer(aanvraag, datum: date, door) -> Evaluatie:
    return Evaluatie.objects.create(
        moment=aanvraag.evaluatiemomenten.get(),
        aanvraag=aanvraag,
        datum=datum,
        doelen_bereikt="ja",
        conclusie="stoppen",
        toelichting="Doelen gehaald.",
        ouders_ingevuld=False,
        ouders_reden_niet="Niet bereikt.",
        kind_ingevuld=False,
        kind_reden_niet="Te jong.",
        vastgelegd_door=door,
    )


@pytest.fixture
def aanvragen(personas, scholen):
    """School year 2025-2026. Reading support (AC decides) and behaviour support (the consultant decides):

    1. A, reading: submitted Sep 2025, granted, ran Oct 2025 - Feb 2026, evaluated Jan 2026.
    2. A, reading: submitted Nov 2025, refused.      3. B, behaviour: submitted Mar 2026, being assessed.
    4. B, behaviour: submitted Sep 2024, running Oct 2024 - Dec 2025 (runs in, was not submitted in, the year).
    5. SBO, reading: submitted Oct 2025, withdrawn.  6. A, reading: a concept (never counted).
    7. SO, behaviour: submitted Dec 2025, granted, not started.
    """
    lezen = ArrangementtypeFactory(naam="Leesbegeleiding")
    gedrag = ArrangementtypeFactory(naam="Gedragsbegeleiding", beoordelaar=Beoordelaar.CONSULENT)
    a, b, sbo, so = scholen["a"], scholen["b"], scholen["sbo"], scholen["so"]
    een = AanvraagFactory(
        school=a,
        arrangementtype=lezen,
        geevalueerd=True,
        ingediend_op=moment(2025, 9, 10),
        begindatum=date(2025, 10, 1),
        einddatum=date(2026, 2, 27),
    )
    evalueer(een, date(2026, 1, 15), personas.alice)
    AanvraagFactory(school=a, arrangementtype=lezen, afgewezen=True, ingediend_op=moment(2025, 11, 1))
    AanvraagFactory(school=b, arrangementtype=gedrag, in_beoordeling=True, ingediend_op=moment(2026, 3, 1))
    AanvraagFactory(
        school=b,
        arrangementtype=gedrag,
        lopend=True,
        ingediend_op=moment(2024, 9, 1),
        begindatum=date(2024, 10, 1),
        einddatum=date(2025, 12, 19),
    )
    AanvraagFactory(school=sbo, arrangementtype=lezen, ingetrokken=True, ingediend_op=moment(2025, 10, 1))
    AanvraagFactory(school=a, arrangementtype=lezen)
    AanvraagFactory(
        school=so,
        arrangementtype=gedrag,
        toegekend=True,
        ingediend_op=moment(2025, 12, 1),
        begindatum=date(2026, 1, 5),
        einddatum=date(2026, 6, 30),
    )
    return {"lezen": lezen, "gedrag": gedrag}


# --- arrangements by type, school and status ------------------------------------------------------


def test_requested_granted_running_and_evaluated_in_the_school_year(personas, aanvragen):
    uitkomst = bereken("arrangementen", personas.dirk)
    assert waarden(uitkomst) == {"aangevraagd": 5, "toegekend": 2, "lopend": 2, "geevalueerd": 1}
    per_type = rijen(uitkomst, 0)
    assert {
        k: per_type["Leesbegeleiding"][k]
        for k in ("aangevraagd", "toegekend", "afgewezen", "ingetrokken", "lopend", "geevalueerd")
    } == {"aangevraagd": 3, "toegekend": 1, "afgewezen": 1, "ingetrokken": 1, "lopend": 1, "geevalueerd": 1}
    assert {k: per_type["Gedragsbegeleiding"][k] for k in ("aangevraagd", "toegekend", "in_behandeling", "lopend")} == {
        "aangevraagd": 2,
        "toegekend": 1,
        "in_behandeling": 1,
        "lopend": 1,
    }
    per_school = rijen(uitkomst, 1)
    assert per_school["Basisschool A"]["aangevraagd"] == 2 and per_school["Basisschool A"]["geevalueerd"] == 1
    assert per_school["Basisschool B"]["aangevraagd"] == 1 and per_school["Basisschool B"]["lopend"] == 1
    assert per_school["SBO De Brug"]["ingetrokken"] == 1 and per_school["SO De Horizon"]["toegekend"] == 1
    # Every count is a count of cases (suppressed below the threshold in published output).
    assert all(k.soort == "aantal" for k in uitkomst.kerncijfers)
    assert all(k.soort == "aantal" for t in uitkomst.tabellen for k in t.kolommen[1:] if k.sleutel != "antwoord")
    # The evaluation answers: one evaluation, goals reached.
    antwoorden = {(r["vraag"], r["antwoord"]): r["aantal"] for r in uitkomst.tabellen[2].rijen}
    assert sum(antwoorden.values()) >= 1 and list(antwoorden.values())[0] == 1
    assert uitkomst.grafiek.labels == ["Leesbegeleiding", "Gedragsbegeleiding"]


def test_a_calendar_year_counts_its_own_period(personas, aanvragen):
    uitkomst = bereken("arrangementen", personas.dirk, Filters.voor_kalenderjaar(2025))
    # Submitted in 2025: 1, 2, 5 and 7; running in 2025: 1 and 4; the evaluation is of January 2026.
    assert waarden(uitkomst) == {"aangevraagd": 4, "toegekend": 2, "lopend": 2, "geevalueerd": 0}


def test_organisation_filters_narrow_the_schools(personas, aanvragen):
    noord = SCHOOLJAAR.met(bestuur_id=personas.school_a.bestuur_id)  # school A and the SBO
    assert waarden(bereken("arrangementen", personas.dirk, noord)) == {
        "aangevraagd": 3,
        "toegekend": 1,
        "lopend": 1,
        "geevalueerd": 1,
    }
    assert waarden(bereken("arrangementen", personas.dirk, SCHOOLJAAR.met(soort="SO")))["toegekend"] == 1
    assert set(rijen(bereken("arrangementen", personas.dirk, noord), 1)) == {"Basisschool A", "SBO De Brug"}


def test_the_controller_counts_like_the_db_and_the_ac_only_what_it_assesses(personas, aanvragen):
    assert waarden(bereken("arrangementen", personas.carla)) == waarden(bereken("arrangementen", personas.dirk))
    # The AC assesses reading support only; behaviour support is the consultant's.
    assert waarden(bereken("arrangementen", personas.anna)) == {
        "aangevraagd": 3,
        "toegekend": 1,
        "lopend": 1,
        "geevalueerd": 1,
    }


def test_the_bestuurder_counts_the_boards_schools_only_without_the_swv_wide_drilldown(personas, aanvragen):
    uitkomst = bereken("arrangementen", personas.bert)  # board Noord: school A and the SBO
    assert waarden(uitkomst) == {"aangevraagd": 3, "toegekend": 1, "lopend": 1, "geevalueerd": 1}
    assert set(rijen(uitkomst, 1)) == {"Basisschool A", "SBO De Brug"}
    assert get_kengetal("arrangementen").drilldown_url(SCHOOLJAAR, personas.bert) is None
    assert get_kengetal("arrangementen").drilldown_url(SCHOOLJAAR, personas.dirk)


def test_a_role_without_arrangement_rights_gets_no_figures_but_is_told_why(personas, aanvragen):
    uitkomst = bereken("arrangementen", personas.olga)
    assert uitkomst.leeg and uitkomst.bron_beschikbaar and uitkomst.toelichting
    assert uitkomst.tabellen == [] and uitkomst.grafiek is None


def test_without_arrangements_the_figure_is_empty(personas, scholen):
    uitkomst = bereken("arrangementen", personas.dirk)
    assert uitkomst.leeg and uitkomst.bron_beschikbaar
    assert all(k.waarde is None for k in uitkomst.kerncijfers)


def test_arrangement_counts_take_three_queries_whatever_the_data(personas, aanvragen, django_assert_max_num_queries):
    bereken("arrangementen", personas.dirk)  # the user's memberships are cached per request
    with django_assert_max_num_queries(3):
        bereken("arrangementen", personas.dirk)
    for _i in range(5):
        AanvraagFactory(
            school=personas.school_b,
            arrangementtype=aanvragen["lezen"],
            lopend=True,
            ingediend_op=moment(2025, 9, 1),
            begindatum=date(2025, 9, 1),
            einddatum=date(2026, 6, 30),
        )
    with django_assert_max_num_queries(3):
        assert waarden(bereken("arrangementen", personas.dirk))["lopend"] == 7


def test_the_jaarplan_can_use_the_counts_as_indicators():
    indicatoren = dict(get_kengetal("arrangementen").indicatoren)
    assert {"aangevraagd", "toegekend", "lopend"} <= set(indicatoren)
    assert "benut_pct" in dict(get_kengetal("arrangementen_budget").indicatoren)


# --- money committed against the budget -----------------------------------------------------------


@pytest.fixture
def budget(personas, scholen):
    """Calendar year 2026: a budget of 20,000 for school A and 50,000 for Kring Leiden (A, B and the
    SBO); granted 6,000 at A, 4,000 at B and 3,000 at the SO school (no kring), all within 2026; a
    refusal of 9,000 commits nothing. Realised: 2,500 at A and 3,000 at the SO school."""
    Arrangementbudget.objects.create(jaar=2026, school=scholen["a"], bedrag=Decimal("20000.00"))
    Arrangementbudget.objects.create(jaar=2026, kring=personas.kring, bedrag=Decimal("50000.00"))
    Arrangementbudget.objects.create(jaar=2025, kring=personas.kring, bedrag=Decimal("99999.00"))  # another year
    kwartaal = {"begindatum": date(2026, 2, 2), "einddatum": date(2026, 5, 29)}
    a = AanvraagFactory(school=scholen["a"], lopend=True, gevraagd_bedrag=Decimal("6000.00"), **kwartaal)
    AanvraagFactory(school=scholen["b"], toegekend=True, gevraagd_bedrag=Decimal("4000.00"), **kwartaal)
    so = AanvraagFactory(school=scholen["so"], afgesloten=True, gevraagd_bedrag=Decimal("3000.00"), **kwartaal)
    AanvraagFactory(school=scholen["b"], afgewezen=True, gevraagd_bedrag=Decimal("9000.00"), **kwartaal)
    for aanvraag, bedrag in ((a, "2500.00"), (so, "3000.00")):
        Realisatie.objects.create(aanvraag=aanvraag, jaar=2026, bedrag=Decimal(bedrag), vastgelegd_door=personas.carla)


def test_committed_against_the_budget_of_the_whole_partnership(personas, budget):
    uitkomst = bereken("arrangementen_budget", personas.dirk)
    assert waarden(uitkomst) == {
        "beschikbaar": Decimal("70000.00"),
        "toegekend": Decimal("13000.00"),
        "gerealiseerd": Decimal("5500.00"),
        "benut_pct": Decimal("18.6"),
    }
    per_school = rijen(uitkomst, 0)
    assert set(per_school) == {"Basisschool A", "Basisschool B", "SO De Horizon"}
    assert (
        per_school["Basisschool A"]["resterend"] == Decimal("14000.00")
        and per_school["Basisschool A"]["benut_pct"] == 30
    )
    assert per_school["Basisschool B"]["beschikbaar"] is None and per_school["Basisschool B"]["toegekend"] == 4000
    kring = rijen(uitkomst, 1)["Kring Leiden"]
    assert (kring["beschikbaar"], kring["toegekend"], kring["gerealiseerd"]) == (50000, 10000, 2500)
    assert all(k.soort in ("bedrag", "percentage") for k in uitkomst.kerncijfers)
    assert "jaar=2026" in get_kengetal("arrangementen_budget").drilldown_url(SCHOOLJAAR, personas.dirk)
    assert per_school["Basisschool A"]["_link"].endswith(f"jaar=2026&kring={personas.kring.pk}")


def test_an_explicit_partnership_budget_is_the_total(personas, budget):
    Arrangementbudget.objects.create(jaar=2026, bedrag=Decimal("100000.00"))
    assert waarden(bereken("arrangementen_budget", personas.dirk))["benut_pct"] == Decimal("13.0")


def test_a_cluster_selection_has_the_clusters_budget_and_its_schools_own(personas, budget):
    uitkomst = bereken("arrangementen_budget", personas.dirk, SCHOOLJAAR.met(kring_id=personas.kring.pk))
    assert waarden(uitkomst) == {
        "beschikbaar": Decimal("70000.00"),
        "toegekend": Decimal("10000.00"),
        "gerealiseerd": Decimal("2500.00"),
        "benut_pct": Decimal("14.3"),
    }


def test_a_narrower_selection_does_not_split_the_clusters_budget(personas, budget):
    zuid = bereken("arrangementen_budget", personas.dirk, SCHOOLJAAR.met(bestuur_id=personas.school_b.bestuur_id))
    assert waarden(zuid) == {
        "beschikbaar": None,
        "toegekend": Decimal("7000.00"),
        "gerealiseerd": Decimal("3000.00"),
        "benut_pct": None,
    }
    assert len(zuid.tabellen) == 1 and zuid.toelichting  # no cluster table; the outcome says why
    school_a = bereken("arrangementen_budget", personas.dirk, SCHOOLJAAR.met(school_id=personas.school_a.pk))
    assert waarden(school_a)["benut_pct"] == Decimal("30.0")


def test_budget_readers_only(personas, budget):
    assert waarden(bereken("arrangementen_budget", personas.anna))["toegekend"] == Decimal("13000.00")  # the AC
    uitkomst = bereken("arrangementen_budget", personas.bert)
    assert uitkomst.leeg and uitkomst.toelichting and uitkomst.tabellen == []


def test_without_budget_or_commitments_the_money_figure_is_empty(personas, scholen):
    uitkomst = bereken("arrangementen_budget", personas.dirk)
    assert uitkomst.leeg and uitkomst.bron_beschikbaar


def test_the_budget_figure_takes_three_queries_whatever_the_data(personas, budget, django_assert_max_num_queries):
    bereken("arrangementen_budget", personas.dirk)
    with django_assert_max_num_queries(3):
        bereken("arrangementen_budget", personas.dirk)
    for _i in range(5):
        AanvraagFactory(
            school=personas.school_b,
            toegekend=True,
            gevraagd_bedrag=Decimal("1000.00"),
            begindatum=date(2026, 3, 2),
            einddatum=date(2026, 4, 30),
        )
    with django_assert_max_num_queries(3):
        assert waarden(bereken("arrangementen_budget", personas.dirk))["toegekend"] == Decimal("18000.00")


# --- the AC annual report -------------------------------------------------------------------------


def test_the_ac_annual_report_shows_the_counts_with_small_numbers_suppressed(
    personas, aanvragen, budget, django_capture_on_commit_callbacks
):
    versie = maak_versie(django_capture_on_commit_callbacks, soort="ac_jaarverslag", jaar=2025, door=personas.anna)
    with versie.taak.bestand.open("rb") as fh:
        tekst = pdf_tekst(fh.read())
    assert "Arrangementen naar soort en status" in tekst and "Leesbegeleiding" in tekst
    assert "Het portaal bevat nog geen gegevens voor dit verslag" not in tekst
    # Counts below 5 read "< 5" in a published report; the money is shown.
    assert "< 5" in tekst and "€ 70.000" in tekst
    assert "Gedragsbegeleiding" not in tekst  # the AC counts what it assesses
