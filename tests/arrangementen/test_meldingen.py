"""Notifications of the arrangements app: who hears about an event, once; evaluation reminders on
time. Sending the e-mail is swv's (tests/swv/test_meldingen_versturen.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from arrangementen import services
from arrangementen.choices import Meldingsoort
from arrangementen.services.meldingen import meldingen_maken
from swv.models import Melding
from tests.arrangementen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db


def test_the_same_event_never_notifies_twice(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie, personas.charlie])
    assert meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie]) == []
    melding = Melding.objects.get()
    assert (melding.ontvanger, melding.link) == (
        personas.charlie,
        reverse("arrangementen:detail", args=[aanvraag.uuid]),
    )


def test_the_author_and_inactive_accounts_are_not_notified(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    personas.anna.is_active = False
    personas.anna.save()
    assert (
        meldingen_maken(
            soort=Meldingsoort.BESLOTEN,
            aanvraag=aanvraag,
            ontvangers=[personas.anna, personas.charlie],
            behalve=personas.charlie,
        )
        == []
    )


def test_evaluation_reminders_come_a_week_before_and_once(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, aangemaakt_door=personas.alice, lopend=True)
    moment = aanvraag.evaluatiemomenten.get()
    with time_machine.travel(moment.datum - timedelta(days=8)):
        assert services.evaluatieherinneringen_maken() == 0
    with time_machine.travel(moment.datum - timedelta(days=7)):
        assert services.evaluatieherinneringen_maken() == 1
    with time_machine.travel(moment.datum + timedelta(days=30)):
        assert services.evaluatieherinneringen_maken() == 0  # overdue, but already notified
    melding = Melding.objects.get()
    assert (melding.ontvanger, melding.soort) == (personas.alice, Meldingsoort.EVALUATIE)


def test_recorded_or_not_running_arrangements_get_no_reminder(personas):
    toegekend = AanvraagFactory(school=personas.school_a, toegekend=True)
    with time_machine.travel(toegekend.einddatum + timedelta(days=1)):
        assert services.evaluatieherinneringen_maken() == 0


def test_the_worklist_shows_an_overdue_evaluation(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, lopend=True)
    moment = aanvraag.evaluatiemomenten.get()
    with time_machine.travel(moment.datum + timedelta(days=3)):
        client.force_login(personas.alice)  # sessions expire: log in on the day itself
        inhoud = client.get("/").content.decode()
    assert "te laat" in inhoud and f"{aanvraag.nummer} evalueren" in inhoud
