"""Issue 16's small fixes in the arrangements app, each with the case that showed it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from arrangementen.selectors.aanvragen import wachtdagen, werkvoorraad
from arrangementen.selectors.geld import _overschrijding
from tests.arrangementen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db


def test_a_request_submitted_a_moment_ahead_of_the_clock_has_waited_zero_days_not_minus_one(personas):
    vandaag = timezone.localdate()
    assert wachtdagen(timezone.now() + timedelta(seconds=5), vandaag) == 0
    assert wachtdagen(timezone.now() - timedelta(days=3), vandaag) == 3
    AanvraagFactory(school=personas.school_a, ingediend=True, laatst_ingediend_op=timezone.now() + timedelta(minutes=1))
    _, regels = werkvoorraad(personas.charlie)
    assert [r.wachtdagen for r in regels] == [0]


def test_a_concept_does_not_say_submitted_by(client, personas):
    concept = AanvraagFactory(school=personas.school_a, aangemaakt_door=personas.alice)
    client.force_login(personas.alice)
    html = client.get(reverse("arrangementen:detail", args=[concept.uuid])).content.decode()
    assert "Ingediend door" not in html and "nog niet ingediend" in html and "Opgesteld door" in html
    ingediend = AanvraagFactory(school=personas.school_a, ingediend=True)
    html = client.get(reverse("arrangementen:detail", args=[ingediend.uuid])).content.decode()
    assert "nog niet ingediend" not in html and timezone.localdate().strftime("%d-%m-%Y") in html


def test_a_budget_already_exceeded_says_by_how_much_instead_of_a_negative_remainder():
    tekst = _overschrijding("het budget van de school", 2027, Decimal("-1200.00"), Decimal("500.00"))
    assert tekst == (
        "Het budget van de school in 2027 is al met € 1.200,00 overschreden; "
        "deze aanvraag zou daar € 500,00 aan toevoegen."
    )
    assert "-€" not in tekst
    gewoon = _overschrijding("het budget van de school", 2027, Decimal("300.00"), Decimal("500.00"))
    assert "€ 300,00" in gewoon and "-€" not in gewoon
