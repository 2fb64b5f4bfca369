"""Notifications: one per recipient and event, an e-mail with a link and no pupil details, retried
when the mail server fails, never sent twice; evaluation reminders on time."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from arrangementen import services
from arrangementen.choices import Meldingsoort, Verzendstatus
from arrangementen.models import Melding
from arrangementen.services.meldingen import meldingen_maken
from arrangementen.tasks import melding_versturen
from tests.arrangementen.factories import AanvraagFactory

pytestmark = pytest.mark.django_db


class HaperendeMailserver:
    """An e-mail backend that fails the first ``keer`` times, like an SMTP server that is down."""

    keer = 1
    pogingen = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        HaperendeMailserver.pogingen += 1
        if HaperendeMailserver.pogingen <= HaperendeMailserver.keer:
            raise ConnectionRefusedError("SMTP server not answering")
        mail.outbox.extend(berichten)
        return len(berichten)


def test_the_email_has_a_link_and_no_pupil_details(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    [melding] = meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie])
    assert services.melding_email_versturen(melding_id=melding.pk)
    [bericht] = mail.outbox
    tekst = bericht.subject + bericht.body + bericht.alternatives[0][0]
    assert bericht.to == ["charlie@example.nl"]
    assert f"/arrangementen/{aanvraag.uuid}/" in bericht.body
    for gegeven in (aanvraag.leerling.voornaam, aanvraag.leerling.achternaam, aanvraag.nummer, personas.school_a.naam):
        assert gegeven not in tekst
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_pogingen) == (Verzendstatus.VERSTUURD, 1)


def test_the_same_event_never_notifies_twice(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie, personas.charlie])
    assert meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie]) == []
    melding = Melding.objects.get()
    assert services.melding_email_versturen(melding_id=melding.pk) is True
    assert services.melding_email_versturen(melding_id=melding.pk) is False  # a duplicate task delivery
    assert len(mail.outbox) == 1


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


def test_a_failing_mail_server_is_retried_and_the_mail_goes_once(personas, settings):
    settings.EMAIL_BACKEND = "tests.arrangementen.test_meldingen.HaperendeMailserver"
    HaperendeMailserver.pogingen, HaperendeMailserver.keer = 0, 1
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    [melding] = meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie])
    with pytest.raises(ConnectionRefusedError):
        services.melding_email_versturen(melding_id=melding.pk)
    melding.refresh_from_db()
    assert melding.email_status == Verzendstatus.WACHTRIJ  # the claim is released for the retry
    assert services.melding_email_versturen(melding_id=melding.pk)
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_pogingen, len(mail.outbox)) == (Verzendstatus.VERSTUURD, 2, 1)


def test_the_task_retries_only_transient_errors(personas, settings):
    assert ConnectionRefusedError in melding_versturen.autoretry_for or OSError in melding_versturen.autoretry_for
    assert not any(issubclass(ValueError, fout) for fout in melding_versturen.autoretry_for)


def test_the_task_gives_up_with_a_reason_after_the_last_retry(personas, settings):
    settings.EMAIL_BACKEND = "tests.arrangementen.test_meldingen.HaperendeMailserver"
    HaperendeMailserver.pogingen, HaperendeMailserver.keer = 0, 99
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    [melding] = meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie])
    melding_versturen.push_request(retries=melding_versturen.max_retries)
    try:
        with pytest.raises(ConnectionRefusedError):
            melding_versturen.run(melding.pk)
    finally:
        melding_versturen.pop_request()
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_fout) == (Verzendstatus.MISLUKT, "ConnectionRefusedError")


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
