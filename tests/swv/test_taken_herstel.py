"""Jobs that survive a dead worker or broker (issue 13): a worker killed with SIGKILL in the middle
of a job leaves it to the next worker, which completes it exactly once; a broker that is down
keeps the job queued with a Dutch message until the sweep sends it; the health page says what is
down. Real worker processes on Redis and PostgreSQL, nothing mocked."""

from __future__ import annotations

import os
import signal
import subprocess
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from swv.celery import app
from swv.models import Melding, Taak
from swv.taken import taak_starten, taak_uitvoeren_service, taaksoort, taken_herplannen_service
from tests.arrangementen.factories import AanvraagFactory
from tests.conftest import wacht_op, werker_starten
from tests.gelijktijdig import gelijktijdig
from tests.swv import taaksoorten_werker  # noqa: F401 - registers test_wacht_op_vlag here too
from tests.swv.test_meldingen_versturen import INGEDIEND, _melden

GESLOTEN_POORT = "redis://127.0.0.1:1/0"


@pytest.fixture
def wachtrij(transactional_db):
    """A queue of this test's own; workers are started by the test (and killed by it)."""
    queue = f"test-{uuid.uuid4().hex[:10]}"
    oud = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    werkers: list[subprocess.Popen] = []
    yield queue, werkers
    for proc in werkers:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                proc.kill()
    app.conf.task_default_queue = oud


def _werker(wachtrij, tmp_path):
    queue, werkers = wachtrij
    proc = werker_starten(
        queue,
        include="tests.swv.taaksoorten_werker",
        env={
            "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
            "SWV_TAAK_LEASE_SECONDEN": "2",
            "CELERY_VISIBILITY_TIMEOUT": "3",  # Redis hands a dead worker's message out again after 3 s
        },
    )
    werkers.append(proc)
    return proc


def _taak(tmp_path, personas):
    return taak_starten(
        soort="test_wacht_op_vlag",
        omschrijving="Test",
        aangevraagd_door=personas.dirk,
        parameters={"starts": str(tmp_path / "starts"), "vlag": str(tmp_path / "vlag")},
    )


def _starts(tmp_path) -> list[str]:
    pad = tmp_path / "starts"
    return pad.read_text().split() if pad.exists() else []


@pytest.mark.worker
def test_a_job_whose_worker_is_killed_completes_exactly_once_on_the_next_worker(
    client, personas, wachtrij, tmp_path, settings
):
    settings.SWV_TAAK_LEASE = timedelta(seconds=2)
    eerste = _werker(wachtrij, tmp_path)
    taak = _taak(tmp_path, personas)
    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.BEZIG, voortgang=10).exists())
    assert _starts(tmp_path) == [str(eerste.pid)]

    os.kill(eerste.pid, signal.SIGKILL)  # in the middle of the job
    eerste.wait(timeout=10)
    client.force_login(personas.dirk)
    pagina = wacht_op(
        lambda: (
            (p := client.get(reverse("taak_detail", args=[taak.uuid])).content.decode()) and "onderbroken" in p and p
        ),
        seconden=10,
    )
    assert "wordt zo hervat" in pagina

    (tmp_path / "vlag").touch()
    tweede = _werker(wachtrij, tmp_path)  # the broker redelivers the unacknowledged message
    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.KLAAR).exists(), seconden=60)
    taak.refresh_from_db()
    assert _starts(tmp_path) == [str(eerste.pid), str(tweede.pid)]
    assert (taak.pogingen, taak.voortgang, taak.claim, taak.geclaimd_tot) == (2, 100, None, None)
    assert [p.name for p in (tmp_path / "private").rglob("test-vlag*")] == ["test-vlag.txt"]  # one file
    pagina = client.get(reverse("taak_detail", args=[taak.uuid])).content.decode()
    assert "Klaar." in pagina and "poging 2" not in pagina

    # More deliveries of the same message, and the sweep, change nothing: one completion.
    from swv.tasks import taak_uitvoeren

    taak_uitvoeren.delay(taak.pk)
    taak_uitvoeren.delay(taak.pk)
    assert taken_herplannen_service()["opnieuw"] == 0
    wacht_op(lambda: _worker_log(wachtrij).count("] succeeded") >= 3)
    taak.refresh_from_db()
    assert (taak.status, taak.pogingen, len(_starts(tmp_path))) == (Taak.Status.KLAAR, 2, 2)
    assert len(list((tmp_path / "private").rglob("test-vlag*"))) == 1


@pytest.mark.worker
def test_the_sweep_requeues_a_job_whose_lease_lapsed_and_whose_message_is_gone(personas, wachtrij, tmp_path):
    (tmp_path / "vlag").touch()
    nu = timezone.now()
    taak = Taak.objects.create(
        soort="test_wacht_op_vlag",
        omschrijving="Test",
        aangevraagd_door=personas.dirk,
        parameters={"starts": str(tmp_path / "starts"), "vlag": str(tmp_path / "vlag")},
        status=Taak.Status.BEZIG,
        claim=uuid.uuid4(),
        geclaimd_tot=nu - timedelta(seconds=1),
        in_wachtrij_op=nu - timedelta(minutes=5),
        pogingen=1,
    )
    _werker(wachtrij, tmp_path)
    from swv.tasks import taken_herplannen

    taken_herplannen.delay()  # the beat task, on the worker
    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.KLAAR).exists(), seconden=60)
    taak.refresh_from_db()
    assert (taak.pogingen, len(_starts(tmp_path))) == (2, 1)


def test_a_job_with_a_live_lease_is_not_taken_over(personas, django_capture_on_commit_callbacks, tmp_path):
    with django_capture_on_commit_callbacks(execute=False):
        taak = _taak(tmp_path, personas)
    claim = uuid.uuid4()
    Taak.objects.filter(pk=taak.pk).update(
        status=Taak.Status.BEZIG, claim=claim, geclaimd_tot=timezone.now() + timedelta(minutes=1)
    )
    taak_uitvoeren_service(taak_id=taak.pk)  # a duplicate delivery while the first worker works
    taak.refresh_from_db()
    assert (taak.status, taak.claim, _starts(tmp_path)) == (Taak.Status.BEZIG, claim, [])


@taaksoort("test_overgenomen")
def _overgenomen(taak, voortgang):
    """Another worker takes the job over while this one works (its lease lapsed)."""
    Taak.objects.filter(pk=taak.pk).update(claim=uuid.uuid4())
    if taak.parameters.get("voortgang"):
        voortgang(50, "")
    return "overgenomen.txt", b"x"


@pytest.mark.parametrize("meldt_voortgang", [True, False])
def test_a_worker_that_lost_its_claim_writes_nothing(personas, django_capture_on_commit_callbacks, meldt_voortgang):
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="test_overgenomen", omschrijving="Test", parameters={"voortgang": meldt_voortgang})
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert (taak.status, taak.bestand.name, taak.voortgang) == (Taak.Status.BEZIG, "", 0)


def test_a_job_interrupted_too_often_fails_with_a_reason(personas, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="scholenregister_excel", omschrijving="Register", aangevraagd_door=personas.dirk)
    Taak.objects.filter(pk=taak.pk).update(
        status=Taak.Status.BEZIG,
        claim=uuid.uuid4(),
        geclaimd_tot=timezone.now() - timedelta(seconds=1),
        pogingen=settings.SWV_TAAK_MAX_POGINGEN,
    )
    assert taken_herplannen_service()["opgegeven"] == 1
    taak.refresh_from_db()
    assert taak.status == Taak.Status.MISLUKT and taak.claim is None
    assert taak.foutmelding == "De taak is 5 keer onderbroken en daarom gestopt."


def test_the_database_refuses_a_running_job_without_a_lease(personas):
    from django.db import IntegrityError, transaction

    taak = Taak.objects.create(soort="scholenregister_excel", omschrijving="x")
    with pytest.raises(IntegrityError, match="taak_bezig_heeft_lease"), transaction.atomic():
        Taak.objects.filter(pk=taak.pk).update(status=Taak.Status.BEZIG)
    with pytest.raises(IntegrityError, match="taak_bezig_heeft_lease"), transaction.atomic():
        Taak.objects.filter(pk=taak.pk).update(claim=uuid.uuid4())


# --- The broker is down ------------------------------------------------------------------------


def _broker(url: str) -> None:
    """Point the app's producers at ``url`` (fresh pools: the cached ones keep the old address)."""
    app.conf.broker_url = app.conf.broker_write_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_weg(settings):
    """Point the app's broker at a closed port (as when Redis is down), and back afterwards."""
    _broker(GESLOTEN_POORT)
    yield lambda: _broker(settings.CELERY_BROKER_URL)
    _broker(settings.CELERY_BROKER_URL)


@pytest.mark.worker
def test_with_the_broker_down_a_job_waits_with_a_dutch_message_and_runs_when_it_is_back(
    client, personas, wachtrij, tmp_path, broker_weg
):
    client.force_login(personas.dirk)
    response = client.post(reverse("register_export"), follow=True)
    assert response.status_code == 200  # not 500
    taak = Taak.objects.get()
    assert (taak.status, taak.in_wachtrij_op, taak.wachtrijfout) == (Taak.Status.WACHTRIJ, None, "OperationalError")
    inhoud = response.content.decode()
    assert "zodra de achtergrondverwerking weer werkt" in inhoud
    assert "Uw taak is bewaard en start vanzelf" in inhoud

    gezondheid = client.get(reverse("gezondheid"), {"format": "json"})
    checks = gezondheid.json()["checks"]
    assert gezondheid.status_code == 503
    assert checks["database"]["ok"] and not checks["broker"]["ok"]
    assert checks["worker"] == {"ok": False, "detail": "onbekend: broker onbereikbaar"}
    assert (checks["taken"]["ok"], checks["taken"]["wachten"]) == (False, 1)
    pagina = client.get(reverse("gezondheid")).content.decode()
    assert "werkt niet" in pagina and "1 wachten op de broker" in pagina

    assert taken_herplannen_service() == {"opgegeven": 0, "opnieuw": 0, "niet_verzonden": 0}  # one minute grace
    Taak.objects.filter(pk=taak.pk).update(aangemaakt=timezone.now() - timedelta(minutes=2))
    assert taken_herplannen_service() == {"opgegeven": 0, "opnieuw": 0, "niet_verzonden": 1}  # still down

    broker_weg()  # the broker is back: the sweep sends the job, a worker runs it
    _werker(wachtrij, tmp_path)
    assert taken_herplannen_service()["opnieuw"] == 1
    wacht_op(lambda: Taak.objects.filter(pk=taak.pk, status=Taak.Status.KLAAR).exists(), seconden=60)
    taak.refresh_from_db()
    assert taak.wachtrijfout == "" and taak.in_wachtrij_op is not None and taak.pogingen == 1


def test_with_the_broker_down_a_notifying_change_goes_through_and_the_mail_follows_later(
    transactional_db, personas, broker_weg, settings
):
    from django.db import transaction

    from swv.meldingen import mails_herplannen

    doel = AanvraagFactory(school=personas.school_a, ingediend=True)
    with transaction.atomic():  # the e-mail is queued on commit: no exception reaches the view
        [melding] = _melden(doel, personas.charlie)
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_pogingen) == (Melding.Emailstatus.WACHTRIJ, 0)
    Melding.objects.filter(pk=melding.pk).update(aangemaakt=timezone.now() - timedelta(minutes=20))
    assert mails_herplannen() == 0  # still down

    broker_weg()  # the broker is back
    oud_eager, app.conf.task_always_eager = app.conf.task_always_eager, True  # the task runs here
    try:
        assert mails_herplannen() == 1
    finally:
        app.conf.task_always_eager = oud_eager
    melding.refresh_from_db()
    assert melding.email_status == Melding.Emailstatus.VERSTUURD and len(mail.outbox) == 1
    assert mails_herplannen() == 0


# --- Notification e-mails under redelivery ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_deliveries_of_one_notification_at_the_same_moment_send_one_mail(personas):
    from swv.meldingen import melding_mailen

    doel = AanvraagFactory(school=personas.school_a, ingediend=True)
    melding = Melding.objects.create(  # the row as ``melden`` writes it; its message arrives twice
        ontvanger=personas.charlie,
        soort=INGEDIEND,
        sleutel="arrangementen:ingediend:1",
        titel="Aanvraag ingediend",
        route="arrangementen:detail",
        object_uuid=doel.uuid,
    )
    uitkomsten = gelijktijdig(
        lambda: melding_mailen(melding_id=melding.pk), lambda: melding_mailen(melding_id=melding.pk)
    )
    assert all(u.gelukt for u in uitkomsten), [u.fout for u in uitkomsten]
    assert sorted(u.waarde for u in uitkomsten) == [False, True]
    assert len(mail.outbox) == 1
    melding.refresh_from_db()
    assert (melding.email_status, melding.email_pogingen) == (Melding.Emailstatus.VERSTUURD, 1)


def _worker_log(wachtrij) -> str:
    from tests.conftest import ROOT

    return (ROOT / "var" / f"worker-{wachtrij[0]}.log").read_text()


def test_the_sweep_runs_each_minute_and_the_visibility_timeout_outlasts_jobs_and_retries(settings):
    from swv.tasks import _wachttijd

    assert settings.CELERY_BEAT_SCHEDULE["swv-taken-herplannen"] == {
        "task": "swv.tasks.taken_herplannen",
        "schedule": 60.0,
    }
    from swv.tasks import taak_uitvoeren

    assert taak_uitvoeren.acks_late and taak_uitvoeren.reject_on_worker_lost
    if settings.CELERY_BROKER_URL.startswith("redis://"):
        zichtbaar = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
        assert (
            zichtbaar >= 3600 > max(_wachttijd(n) for n in range(7))
            and zichtbaar > 10 * settings.SWV_TAAK_LEASE.seconds
        )


def test_an_email_whose_worker_died_after_the_claim_is_recorded_as_failed_and_not_sent_again(personas):
    from swv.meldingen import mails_herplannen

    doel = AanvraagFactory(school=personas.school_a, ingediend=True)
    nu = timezone.now()
    oud, recent = (
        Melding.objects.create(
            ontvanger=ontvanger,
            soort=INGEDIEND,
            sleutel="arrangementen:ingediend:1",
            titel="Aanvraag ingediend",
            route="arrangementen:detail",
            object_uuid=doel.uuid,
            email_status=Melding.Emailstatus.BEZIG,
            email_pogingen=1,
            email_geclaimd_op=geclaimd,
        )
        for ontvanger, geclaimd in ((personas.charlie, nu - timedelta(hours=2)), (personas.alice, nu))
    )
    assert mails_herplannen() == 0 and mail.outbox == []
    oud.refresh_from_db()
    recent.refresh_from_db()
    assert (oud.email_status, oud.email_fout) == (
        Melding.Emailstatus.MISLUKT,
        "onderbroken tijdens verzenden; niet herhaald",
    )
    assert recent.email_status == Melding.Emailstatus.BEZIG
