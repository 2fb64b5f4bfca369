"""Every deadline is a date computed from the settings (tested with frozen time where "today" matters)."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests.tlv.factories import TLVFactory
from tlv import termijnen
from tlv.selectors import werkvoorraad


def test_the_decision_term_is_eight_weeks_from_the_complete_submission():
    assert termijnen.beslistermijn(date(2026, 3, 9)) == date(2026, 5, 4)


def test_the_decision_term_is_prolonged_by_the_suspension():
    # 9 March + 8 weeks + 10 days = Thursday 14 May, Ascension Day -> Friday 15 May.
    assert termijnen.beslistermijn(date(2026, 3, 9), opgeschort_dagen=10) == date(2026, 5, 15)


def test_a_term_ending_on_a_weekend_or_holiday_runs_on_to_the_next_working_day():
    # 2 March 2026 + 8 weeks = Monday 27 April, King's Day -> Tuesday 28 April.
    assert termijnen.beslistermijn(date(2026, 3, 2)) == date(2026, 4, 28)
    assert termijnen.werkdag_of_later(date(2026, 4, 27)) == date(2026, 4, 28)
    assert termijnen.werkdag_of_later(date(2026, 4, 4)) == date(2026, 4, 7)  # Saturday; Easter Monday 6 April
    assert termijnen.werkdag_of_later(date(2025, 12, 25)) == date(2025, 12, 29)
    assert termijnen.werkdag_of_later(date(2025, 5, 5)) == date(2025, 5, 6)  # Liberation Day of a lustrum year


def test_the_objection_term_is_six_weeks_from_the_day_after_sending():
    assert termijnen.bezwaartermijn_einde(date(2026, 1, 9)) == date(2026, 2, 20)


@pytest.mark.parametrize(
    "naam, waarde, verwacht",
    [
        ("TLV_BESLISTERMIJN_WEKEN", 10, date(2026, 5, 11)),
        ("TLV_BEZWAARTERMIJN_WEKEN", 10, None),
    ],
)
def test_terms_follow_the_settings(settings, naam, waarde, verwacht):
    setattr(settings, naam, waarde)
    if verwacht:
        assert termijnen.beslistermijn(date(2026, 3, 2)) == verwacht
    else:
        assert termijnen.bezwaartermijn_einde(date(2026, 1, 9)) == date(2026, 3, 20)


def test_the_reminder_starts_four_months_before_the_end_date(settings):
    assert termijnen.herinnering_vanaf(date(2027, 7, 31)) == date(2027, 3, 31)
    settings.TLV_HERINNERING_MAANDEN = 6
    assert termijnen.herinnering_vanaf(date(2027, 7, 31)) == date(2027, 1, 31)


def test_the_return_review_is_due_yearly_and_the_end_date_follows_the_duration():
    assert termijnen.terugkeer_verwacht(date(2026, 8, 24)) == date(2027, 8, 24)
    assert termijnen.einddatum_voor_duur(date(2026, 8, 1), 24) == date(2028, 7, 31)


@pytest.mark.django_db
def test_overdue_requests_are_flagged_in_the_queue_and_a_suspended_one_is_not(wereld):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        TLVFactory(ingediend=True, ingediend_op=date(2026, 3, 2))
        TLVFactory(aanvulling=True, ingediend_op=date(2026, 3, 2))
    with time_machine.travel(date(2026, 4, 28), tick=False):
        assert werkvoorraad(wereld.tim)["te_laat"] == 0
    with time_machine.travel(date(2026, 4, 29), tick=False):
        voorraad = werkvoorraad(wereld.tim)
        assert voorraad["te_laat"] == 1
        assert [i.te_laat for i in voorraad["items"]] == [True, False]
