"""The one notification sender: one row and one e-mail per occasion, a link and no pupil details,
a recipient re-checked at send time, and only transient errors retried (by a real worker)."""

from __future__ import annotations

import smtplib
import socket
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, OperationalError, transaction
from django.urls import reverse

from arrangementen.choices import Meldingsoort
from swv.meldingen import is_tijdelijk, melden, melding_mailen
from swv.models import Melding
from swv.tasks import melding_mailen as mail_taak
from tests.arrangementen.factories import AanvraagFactory
from tests.conftest import wacht_op
from tests.swv.mailserver import verstuurd

S = Melding.Emailstatus
INGEDIEND = Meldingsoort.INGEDIEND


def _melden(aanvraag, *ontvangers, sleutel="ingediend:1"):
    return melden(soort=INGEDIEND, doel=aanvraag, ontvangers=ontvangers, sleutel=sleutel)


@pytest.fixture
def aanvraag(personas):
    return AanvraagFactory(school=personas.school_a, ingediend=True)


@pytest.mark.django_db
def test_the_same_occasion_twice_gives_one_row_and_one_mail(personas, aanvraag, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as taken:
        [melding] = _melden(aanvraag, personas.charlie, personas.charlie)
        assert _melden(aanvraag, personas.charlie) == []
    assert len(taken) == 1 and Melding.objects.count() == 1
    assert melding.sleutel == "arrangementen:ingediend:1" and melding.link == reverse(
        "arrangementen:detail", args=[aanvraag.uuid]
    )
    assert melding_mailen(melding_id=melding.pk) is True
    assert melding_mailen(melding_id=melding.pk) is False  # a duplicate task delivery
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_row_for_the_same_occasion(personas, aanvraag):
    [melding] = _melden(aanvraag, personas.charlie)
    with pytest.raises(IntegrityError, match="melding_eenmaal_per_aanleiding"), transaction.atomic():
        Melding.objects.create(
            ontvanger=personas.charlie,
            soort=INGEDIEND,
            sleutel=melding.sleutel,
            titel="x",
            route="x",
            object_uuid=aanvraag.uuid,
        )


@pytest.mark.django_db
def test_the_actor_and_inactive_accounts_get_no_notification(personas, aanvraag):
    personas.anna.is_active = False
    personas.anna.save()
    assert (
        melden(
            soort=INGEDIEND,
            doel=aanvraag,
            ontvangers=[personas.anna, personas.charlie],
            sleutel="x",
            behalve=personas.charlie,
        )
        == []
    )


@pytest.mark.django_db
def test_the_email_has_a_link_and_no_pupil_details(personas, aanvraag, settings):
    settings.SWV_PORTAAL_URL = "https://portaal.example.nl"
    [melding] = _melden(aanvraag, personas.charlie)
    assert melding_mailen(melding_id=melding.pk)
    [bericht] = mail.outbox
    tekst = bericht.subject + bericht.body + bericht.alternatives[0][0]
    assert bericht.to == ["charlie@example.nl"] and bericht.subject == "Aanvraag ingediend"
    assert f"https://portaal.example.nl/arrangementen/{aanvraag.uuid}/" in bericht.body
    assert "https://portaal.example.nl/meldingen/" in bericht.body
    leerling = aanvraag.leerling
    assert leerling.voornaam and leerling.achternaam
    for gegeven in (leerling.voornaam, leerling.achternaam, leerling.bsn, aanvraag.nummer, personas.school_a.naam):
        assert not gegeven or gegeven not in tekst
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_pogingen) == (S.VERSTUURD, 1) and melding.email_verstuurd_op


@pytest.mark.django_db
def test_a_recipient_made_inactive_before_sending_is_skipped_and_recorded(personas, aanvraag):
    [melding] = _melden(aanvraag, personas.charlie)
    personas.charlie.is_active = False
    personas.charlie.save()
    assert melding_mailen(melding_id=melding.pk) is False
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_fout, len(mail.outbox)) == (S.OVERGESLAGEN, "ontvanger niet actief", 0)


@pytest.mark.django_db
def test_a_recipient_whose_membership_ended_is_skipped(personas, aanvraag):
    [melding] = _melden(aanvraag, personas.charlie)
    personas.charlie.lidmaatschappen.update(einddatum=date.today() - timedelta(days=1))
    assert melding_mailen(melding_id=melding.pk) is False
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_fout) == (S.OVERGESLAGEN, "geen ontvanger van deze soort")


@pytest.mark.django_db
def test_a_recipient_who_no_longer_sees_the_object_is_skipped(personas, aanvraag):
    [melding] = _melden(aanvraag, personas.bob)  # ib-er of another school
    assert melding_mailen(melding_id=melding.pk) is False
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_fout, len(mail.outbox)) == (S.OVERGESLAGEN, "geen toegang meer", 0)


@pytest.mark.parametrize(
    "fout, tijdelijk",
    [
        (ConnectionRefusedError(), True),
        (TimeoutError(), True),
        (socket.gaierror(), True),
        (smtplib.SMTPServerDisconnected(), True),
        (smtplib.SMTPConnectError(421, b"busy"), True),
        (smtplib.SMTPResponseException(451, b"try later"), True),
        (OperationalError(), True),
        (smtplib.SMTPRecipientsRefused({}), False),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), False),
        (smtplib.SMTPResponseException(550, b"no such user"), False),
        (ValueError(), False),
        (KeyError(), False),
    ],
)
def test_only_named_transient_errors_are_retried(fout, tijdelijk):
    assert is_tijdelijk(fout) is tijdelijk


@pytest.mark.django_db
def test_the_task_gives_up_with_a_reason_after_the_last_retry(personas, aanvraag, settings):
    settings.EMAIL_BACKEND = "tests.swv.test_meldingen_versturen.KapotteServer"
    [melding] = _melden(aanvraag, personas.charlie)
    mail_taak.push_request(retries=mail_taak.max_retries)
    try:
        assert mail_taak.run(melding.pk) is False
    finally:
        mail_taak.pop_request()
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_fout) == (S.MISLUKT, "ConnectionRefusedError")


class KapotteServer:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        raise ConnectionRefusedError("SMTP server not answering")


# --- With a real Celery worker on the broker (Redis in CI) ----------------------------------


@pytest.fixture
def mailserver(tmp_path, monkeypatch):
    """The worker's mail server (see tests/swv/mailserver.py): request it before ``celery_worker``."""
    monkeypatch.setenv("EMAIL_BACKEND", "tests.swv.mailserver.Mailserver")
    monkeypatch.setenv("SWV_TEST_MAILMAP", str(tmp_path))
    return tmp_path


def _status(melding):
    melding.refresh_from_db()
    return melding.email_status


@pytest.mark.worker
def test_the_worker_mails_one_occasion_once(personas, aanvraag, mailserver, celery_worker):
    with transaction.atomic():
        [melding] = _melden(aanvraag, personas.charlie)
    with transaction.atomic():
        assert _melden(aanvraag, personas.charlie) == []  # the beat run again
    mail_taak.delay(melding.pk)  # and a duplicate delivery of the task
    wacht_op(lambda: _status(melding) == S.VERSTUURD)
    wacht_op(lambda: _worker_log().count("] succeeded") >= 2)  # both deliveries done
    assert len(verstuurd(mailserver)) == 1
    assert "Aanvraag ingediend" in verstuurd(mailserver)[0]


@pytest.mark.worker
def test_the_worker_retries_a_mail_server_that_is_down_and_mails_once(personas, aanvraag, mailserver, celery_worker):
    (mailserver / "storing").write_text("ConnectionRefusedError 1")
    with transaction.atomic():
        [melding] = _melden(aanvraag, personas.charlie)
    wacht_op(lambda: _status(melding) == S.VERSTUURD, seconden=45)
    assert melding.email_pogingen == 2 and len(verstuurd(mailserver)) == 1


@pytest.mark.worker
def test_the_worker_does_not_retry_a_refused_address(personas, aanvraag, mailserver, celery_worker):
    (mailserver / "storing").write_text("SMTPRecipientsRefused 5")
    with transaction.atomic():
        [melding] = _melden(aanvraag, personas.charlie)
    wacht_op(lambda: _status(melding) == S.MISLUKT)
    assert (melding.email_pogingen, melding.email_fout) == (1, "SMTPRecipientsRefused")
    assert (mailserver / "storing").read_text() == "SMTPRecipientsRefused 4" and verstuurd(mailserver) == []


@pytest.mark.worker
def test_the_worker_skips_a_recipient_made_inactive_before_sending(personas, aanvraag, mailserver, celery_worker):
    with transaction.atomic():
        [melding] = _melden(aanvraag, personas.charlie)
        personas.charlie.is_active = False
        personas.charlie.save()
    wacht_op(lambda: _status(melding) == S.OVERGESLAGEN)
    assert melding.email_fout == "ontvanger niet actief" and verstuurd(mailserver) == []


def _worker_log() -> str:
    from swv.celery import app
    from tests.conftest import ROOT

    return (ROOT / "var" / f"worker-{app.conf.task_default_queue}.log").read_text()


def test_two_concurrent_runs_notify_an_occasion_once(transactional_db, personas):
    """Two real threads (two PostgreSQL connections) notify the same occasion at the same moment:
    the unique constraint lets exactly one of them create the row."""
    import threading

    from django.db import connection

    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    start = threading.Barrier(2)
    uitkomsten: list[int] = []

    def run():
        try:
            start.wait()
            with transaction.atomic():
                uitkomsten.append(len(_melden(aanvraag, personas.charlie)))
        finally:
            connection.close()

    from swv.celery import app

    draden = [threading.Thread(target=run) for _ in range(2)]
    oud, app.conf.task_always_eager = app.conf.task_always_eager, True  # the mail task runs in the thread
    try:
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
    finally:
        app.conf.task_always_eager = oud
    assert sorted(uitkomsten) == [0, 1]
    assert Melding.objects.filter(ontvanger=personas.charlie).count() == 1
    assert len(mail.outbox) == 1
