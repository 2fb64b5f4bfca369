"""The one "active on date X" selector, the dashboard tiles (per 1,000, durations, new/closed per
month, zorgplicht past 6 / 10 weeks) and their scope and query budget."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leerlingen.models import Thuiszittercasus
from leerlingen.selectors.thuiszitters import heeft_opp, thuiszitters_actief_op, thuiszitters_lijst, thuiszitters_tegels
from tests.factories import LeerlingtellingFactory, SchoolFactory
from tests.leerlingen.factories_thuiszitters import ThuiszittercasusFactory, ZorgplichtcasusFactory, standaard_ladder  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db

X = date(2026, 3, 2)


def casus(personas, sinds, einddatum=None, **kw):
    if not kw.get("zonder_inschrijving"):
        kw.setdefault("school", personas.school_a)
    c = ThuiszittercasusFactory(sinds=sinds, **kw)
    if einddatum:
        Thuiszittercasus.objects.filter(pk=c.pk).update(
            status="afgesloten", einddatum=einddatum, uitkomst="eigen_school"
        )
    return c


def test_active_on_date_means_begun_on_or_before_and_not_ended_by_then(personas):
    verwacht = {
        casus(personas, X).pk,  # began that day
        casus(personas, X - timedelta(days=30)).pk,  # still open
        casus(personas, X - timedelta(days=30), einddatum=X + timedelta(days=1)).pk,  # ends after X
    }
    casus(personas, X + timedelta(days=1))  # not begun yet
    casus(personas, X - timedelta(days=30), einddatum=X)  # ended on X: no longer active on X
    casus(personas, X - timedelta(days=60), einddatum=X - timedelta(days=10))
    gevonden = set(thuiszitters_actief_op(personas.dirk, X).values_list("pk", flat=True))
    assert gevonden == verwacht
    # The list and the tile count use the same selector.
    assert thuiszitters_lijst(personas.dirk, datum=X).count() == 3
    assert thuiszitters_tegels(personas.dirk, datum=X)["alle_casussen"] == 3


def test_only_absolute_and_relative_absence_count_as_thuiszitters(personas):
    casus(personas, X - timedelta(days=5))
    casus(personas, X - timedelta(days=5), soort="dreigend")
    casus(personas, X - timedelta(days=5), school=None, soort="vrijstelling_5a")
    casus(personas, X - timedelta(days=5), zonder_inschrijving=True)
    t = thuiszitters_tegels(personas.dirk, datum=X)
    assert (t["actief"], t["alle_casussen"]) == (2, 4)
    assert {r["soort"]: r["aantal"] for r in t["per_soort"]} == {
        "absoluut_verzuim": 1,
        "relatief_verzuim": 1,
        "dreigend": 1,
        "vrijstelling_5a": 1,
        "ontheffing": 0,
    }
    assert t["zonder_inschrijving"] == 1  # the 5a exemption is not flagged


def test_the_rate_per_1000_uses_the_latest_count_on_or_before_the_date(personas):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2025, 2, 1), aantal=100)
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2026, 2, 1), aantal=400)
    LeerlingtellingFactory(school=personas.school_b, teldatum=date(2026, 2, 1), aantal=600)
    LeerlingtellingFactory(school=personas.school_b, teldatum=date(2026, 10, 1), aantal=9999)  # after X
    for _ in range(3):
        casus(personas, X - timedelta(days=10))
    t = thuiszitters_tegels(personas.dirk, datum=X)
    assert (t["leerlingen"], t["teldatum"], t["per_1000"]) == (1000, date(2026, 2, 1), 3.0)


def test_durations_give_median_and_quartiles_in_weeks(personas):
    for weken in (1, 2, 3, 4, 10):
        casus(personas, X - timedelta(weeks=weken))
    duur = thuiszitters_tegels(personas.dirk, datum=X)["duur"]
    assert (duur.aantal, duur.q1_weken, duur.mediaan_weken, duur.q3_weken) == (5, 2.0, 3.0, 4.0)


def test_durations_interpolate_between_two_cases(personas):
    casus(personas, X - timedelta(weeks=2))
    casus(personas, X - timedelta(weeks=4))
    duur = thuiszitters_tegels(personas.dirk, datum=X)["duur"]
    assert (duur.q1_weken, duur.mediaan_weken, duur.q3_weken) == (2.5, 3.0, 3.5)


def test_durations_without_cases_are_empty(personas):
    duur = thuiszitters_tegels(personas.dirk, datum=X)["duur"]
    assert (duur.aantal, duur.mediaan_weken) == (0, None)


def test_new_and_closed_are_counted_per_month(personas):
    casus(personas, date(2026, 1, 5))
    casus(personas, date(2026, 1, 20), einddatum=date(2026, 2, 10))
    casus(personas, date(2025, 2, 1), einddatum=date(2026, 3, 1))
    t = thuiszitters_tegels(personas.dirk, datum=X)
    per_maand = {r["maand"]: (r["nieuw"], r["gesloten"]) for r in t["per_maand"]}
    assert len(per_maand) == 12
    assert per_maand[date(2026, 1, 1)] == (2, 0)
    assert per_maand[date(2026, 2, 1)] == (0, 1)
    assert per_maand[date(2026, 3, 1)] == (0, 1)


def test_flags_of_the_seed_000_targets(personas):
    casus(personas, X - timedelta(weeks=14))  # past 13 weeks, enrolled, no OPP
    casus(personas, X - timedelta(weeks=2), met_opp=True)
    casus(personas, X - timedelta(weeks=13), zonder_inschrijving=True)  # exactly 13 weeks: target date reached
    t = thuiszitters_tegels(personas.dirk, datum=X)
    assert (t["over_termijn"], t["zonder_opp"], t["zonder_inschrijving"]) == (2, 1, 1)
    signaal = {c.pk: (c.signaal_termijn, c.signaal_zonder_opp) for c in thuiszitters_lijst(personas.dirk, datum=X)}
    assert sorted(signaal.values()) == [(False, False), (True, False), (True, True)]


def test_zorgplicht_open_past_6_and_past_10_weeks(personas):
    ZorgplichtcasusFactory(school=personas.school_a, aanmeldingsdatum=X - timedelta(weeks=2))
    ZorgplichtcasusFactory(school=personas.school_a, aanmeldingsdatum=X - timedelta(weeks=7))
    ZorgplichtcasusFactory(school=personas.school_b, aanmeldingsdatum=X - timedelta(weeks=11), verlengd=True)
    ZorgplichtcasusFactory(school=personas.school_b, aanmeldingsdatum=X - timedelta(weeks=12), besloten=True)
    assert thuiszitters_tegels(personas.dirk, datum=X)["zorgplicht"] == {
        "open": 3,
        "na_zes_weken": 2,
        "na_tien_weken": 1,
    }
    # the bestuurder of board A counts only the board's cases
    assert thuiszitters_tegels(personas.bert, datum=X)["zorgplicht"] == {
        "open": 2,
        "na_zes_weken": 1,
        "na_tien_weken": 0,
    }


def test_a_bestuurder_counts_the_boards_cases_only_and_others_get_no_tiles(personas):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2026, 2, 1), aantal=200)
    LeerlingtellingFactory(school=personas.school_b, teldatum=date(2026, 2, 1), aantal=800)
    casus(personas, X - timedelta(days=3))
    casus(personas, X - timedelta(days=3), school=personas.school_b)
    casus(personas, X - timedelta(days=3), zonder_inschrijving=True)
    t = thuiszitters_tegels(personas.bert, datum=X)
    assert (t["actief"], t["leerlingen"], t["per_1000"]) == (1, 200, 5.0)
    assert [r["naam"] for r in t["per_bestuur"]] == ["Stichting Noord"]
    for persona in ("alice", "charlie", "carla", "olga"):
        assert thuiszitters_tegels(getattr(personas, persona), datum=X) is None


def test_tiles_filter_by_board_cluster_and_municipality(personas):
    andere = SchoolFactory(swv=personas.swv)
    casus(personas, X - timedelta(days=3))
    casus(personas, X - timedelta(days=3), school=andere)
    assert thuiszitters_tegels(personas.dirk, datum=X, bestuur=personas.school_a.bestuur_id)["actief"] == 1
    assert thuiszitters_tegels(personas.dirk, datum=X, kring=personas.kring.pk)["actief"] == 1
    assert thuiszitters_tegels(personas.dirk, datum=X, gemeente=andere.gemeente_id)["actief"] == 1
    assert thuiszitters_tegels(personas.dirk, datum=X, gemeente="onzin")["actief"] == 0


def test_tiles_use_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2026, 2, 1), aantal=200)
    for i in range(3):
        casus(personas, X - timedelta(weeks=i + 1))
    personas.dirk.refresh_from_db()
    thuiszitters_tegels(personas.dirk, datum=X)  # warm the membership cache
    with django_assert_max_num_queries(12) as ctx:
        thuiszitters_tegels(personas.dirk, datum=X)
    for i in range(30):
        casus(
            personas,
            X - timedelta(weeks=i + 1),
            school=personas.school_b,
            einddatum=X - timedelta(days=1) if i % 2 else None,
        )
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        thuiszitters_tegels(personas.dirk, datum=X)


def test_heeft_opp_reads_the_latest_case(personas):
    c = casus(personas, X - timedelta(weeks=30), einddatum=X - timedelta(weeks=20))
    assert heeft_opp(c.leerling) is False
    casus(personas, X - timedelta(weeks=2), leerling=c.leerling, met_opp=True)
    assert heeft_opp(c.leerling) is True
