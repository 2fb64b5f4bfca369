"""Zorgplicht: the legal term from the written application (6 weeks, once +4), the outcomes, and
the daily reminders (idempotent, frozen time, e-mail with a link only, on a real worker)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from leerlingen.models import Zorgplichtcasus, ZorgplichtHerinnering
from leerlingen.services.thuiszitters import Domeinfout
from leerlingen.services.zorgplicht import (
    herinnering_moment,
    zorgplicht_besluiten,
    zorgplicht_herinneringen_versturen,
    zorgplicht_registreren,
    zorgplicht_verlengen,
)
from swv.models import Melding
from tests.beperkingen import schendt
from tests.conftest import wacht_op
from tests.leerlingen.factories_thuiszitters import ZorgplichtcasusFactory, standaard_ladder  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def celery_eager():
    """Run tasks in-process (for tests about the reminder logic, not about Celery)."""
    from swv.celery import app

    oud = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = oud


def op(dag: date):
    return time_machine.travel(datetime(dag.year, dag.month, dag.day, 9, 0, tzinfo=AMS), tick=False)


def aanmelden(personas, aanmelding=date(2026, 3, 2), **kw):
    return zorgplicht_registreren(
        door=personas.alice,
        school=personas.school_a,
        voornaam="Lina",
        achternaam="Bakker",
        geboortedatum=date(2022, 1, 10),
        aanmeldingsdatum=aanmelding,
        **kw,
    )


def fout(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def test_the_deadline_is_six_weeks_after_the_written_application(personas):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
        assert (casus.termijn_datum, casus.bestuur, casus.status) == (
            date(2026, 4, 13),
            personas.school_a.bestuur,
            "aangemeld",
        )
        assert casus.dagen_resterend == 40
        assert not casus.leerling.inschrijvingen.exists()


def test_the_term_follows_the_settings(personas, settings):
    settings.SWV_ZORGPLICHT_TERMIJN_WEKEN = 8
    with op(date(2026, 3, 4)):
        assert aanmelden(personas).termijn_datum == date(2026, 4, 27)


def test_only_the_school_of_the_application_registers_it(personas):
    with op(date(2026, 3, 4)), pytest.raises(Domeinfout) as e:
        zorgplicht_registreren(
            door=personas.bob,
            school=personas.school_a,
            voornaam="L",
            achternaam="B",
            geboortedatum=date(2022, 1, 10),
            aanmeldingsdatum=date(2026, 3, 2),
        )
    assert "eigen school" in fout(e)
    with op(date(2026, 3, 4)), pytest.raises(Domeinfout):
        zorgplicht_registreren(
            door=personas.charlie,
            school=personas.school_a,
            voornaam="L",
            achternaam="B",
            geboortedatum=date(2022, 1, 10),
            aanmeldingsdatum=date(2026, 3, 2),
        )


def test_an_application_date_in_the_future_is_refused(personas):
    with op(date(2026, 3, 1)), pytest.raises(Domeinfout) as e:
        aanmelden(personas)
    assert "mag niet in de toekomst liggen" in fout(e)


def test_the_term_is_extended_once_by_four_weeks_with_a_reason(personas):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
    with op(date(2026, 4, 10)):
        zorgplicht_verlengen(door=personas.dora, casus=casus, reden="Onderzoek door orthopedagoog")
        casus.refresh_from_db()
        assert (casus.status, casus.verlengd_tot, casus.uiterste_datum) == (
            "verlengd",
            date(2026, 5, 11),
            date(2026, 5, 11),
        )
        with pytest.raises(Domeinfout) as e:
            zorgplicht_verlengen(door=personas.dora, casus=casus, reden="Nog meer onderzoek")
        assert fout(e) == "De beslistermijn is al eens verlengd; de wet staat maar één verlenging toe."
        assert casus.statuswijzigingen.filter(naar="verlengd").count() == 1


def test_an_extension_needs_a_reason_and_must_come_in_time(personas):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
        with pytest.raises(Domeinfout) as e:
            zorgplicht_verlengen(door=personas.alice, casus=casus, reden=" ")
        assert "reden" in fout(e)
    with op(date(2026, 4, 14)), pytest.raises(Domeinfout) as e:
        zorgplicht_verlengen(door=personas.alice, casus=casus, reden="Te laat")
    assert (
        fout(e)
        == "De termijn van 6 weken is op 13 april 2026 verstreken; verlengen kan alleen vóór het einde van de termijn."
    )


@pytest.mark.parametrize("uitkomst", [u for u in Zorgplichtcasus.Uitkomst.values if u != "andere_school"])
def test_each_outcome_closes_the_case(personas, uitkomst):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
        zorgplicht_besluiten(door=personas.alice, casus=casus, uitkomst=uitkomst, besluitdatum=date(2026, 3, 4))
        casus.refresh_from_db()
        assert (casus.status, casus.uitkomst) == ("besloten", uitkomst)
        with pytest.raises(Domeinfout) as e:
            zorgplicht_verlengen(door=personas.alice, casus=casus, reden="x")
        assert "al een besluit" in fout(e)


def test_placement_at_another_school_names_that_school(personas):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
        with pytest.raises(Domeinfout) as e:
            zorgplicht_besluiten(
                door=personas.alice, casus=casus, uitkomst="andere_school", besluitdatum=date(2026, 3, 4)
            )
        assert "Noem de andere school" in fout(e)
        with pytest.raises(Domeinfout):
            zorgplicht_besluiten(
                door=personas.alice,
                casus=casus,
                uitkomst="andere_school",
                besluitdatum=date(2026, 3, 4),
                andere_school=personas.school_a,
            )
        zorgplicht_besluiten(
            door=personas.alice,
            casus=casus,
            uitkomst="andere_school",
            besluitdatum=date(2026, 3, 4),
            andere_school=personas.school_b,
        )


def test_a_decision_before_the_application_is_refused(personas):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
        with pytest.raises(Domeinfout) as e:
            zorgplicht_besluiten(door=personas.alice, casus=casus, uitkomst="tlv_route", besluitdatum=date(2026, 3, 1))
    assert "niet vóór de datum van aanmelding" in fout(e)


def test_a_bestuurder_or_consulent_cannot_decide(personas):
    with op(date(2026, 3, 4)):
        casus = aanmelden(personas)
        for persona in ("bert", "charlie", "dirk"):
            with pytest.raises(Domeinfout):
                zorgplicht_besluiten(
                    door=getattr(personas, persona), casus=casus, uitkomst="tlv_route", besluitdatum=date(2026, 3, 4)
                )


def test_the_database_refuses_inconsistent_terms(personas):
    casus = ZorgplichtcasusFactory(school=personas.school_a)
    for veld, waarde, beperking in [
        ("termijn_datum", casus.aanmeldingsdatum, "zorgplicht_termijn_na_aanmelding"),
        ("status", "verlengd", "zorgplicht_verlengd_heeft_datum"),
        ("status", "besloten", "zorgplicht_besluit_past_bij_status"),
    ]:
        oud = getattr(casus, veld)
        setattr(casus, veld, waarde)
        with schendt(beperking):
            casus.save()
        setattr(casus, veld, oud)


# --- reminders ---


@pytest.mark.parametrize(
    "vandaag, moment",
    [
        (date(2026, 3, 29), None),  # 15 days before the deadline
        (date(2026, 3, 30), "termijn-14"),
        (date(2026, 4, 5), "termijn-14"),
        (date(2026, 4, 6), "termijn-7"),
        (date(2026, 4, 13), "termijn-7"),  # the deadline itself
        (date(2026, 4, 14), "termijn-verlopen"),
    ],
)
def test_the_due_moment_follows_the_deadline(personas, vandaag, moment):
    casus = ZorgplichtcasusFactory(school=personas.school_a)  # applied 2 March: deadline 13 April
    assert herinnering_moment(casus, vandaag) == moment


def test_an_extended_term_gets_its_own_moments(personas):
    casus = ZorgplichtcasusFactory(school=personas.school_a, verlengd=True)  # deadline 11 May
    assert herinnering_moment(casus, date(2026, 4, 14)) is None
    assert herinnering_moment(casus, date(2026, 5, 4)) == "verlenging-7"
    assert herinnering_moment(casus, date(2026, 5, 12)) == "verlenging-verlopen"


def test_reminders_go_to_school_board_and_consulent_once(
    personas, settings, django_capture_on_commit_callbacks, celery_eager
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    casus = ZorgplichtcasusFactory(school=personas.school_a)
    ZorgplichtcasusFactory(school=personas.school_b, besloten=True)
    with op(date(2026, 3, 30)):
        with django_capture_on_commit_callbacks(execute=True):
            assert zorgplicht_herinneringen_versturen() == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert zorgplicht_herinneringen_versturen() == 0  # running twice sends nothing twice
    ontvangers = set(Melding.objects.values_list("ontvanger__email", flat=True))
    assert ontvangers == {"alice@example.nl", "dora@example.nl", "charlie@example.nl", "bert@example.nl"}
    assert len(mail.outbox) == 4
    bericht = mail.outbox[0]
    assert bericht.subject == "Zorgplicht: de beslistermijn verloopt over 14 dagen (13 april 2026)"
    assert f"/leerlingen/zorgplicht/{casus.uuid}/" in bericht.body
    inhoud = bericht.body + bericht.alternatives[0][0]
    assert (
        casus.leerling.voornaam not in inhoud
        and casus.leerling.achternaam not in inhoud
        and "Basisschool" not in inhoud
    )
    with op(date(2026, 4, 14)), django_capture_on_commit_callbacks(execute=True):
        assert zorgplicht_herinneringen_versturen() == 1
    assert list(ZorgplichtHerinnering.objects.order_by("pk").values_list("moment", flat=True)) == [
        "termijn-14",
        "termijn-verlopen",
    ]
    assert len(mail.outbox) == 8


def test_a_mail_task_that_runs_twice_mails_once(personas, settings, django_capture_on_commit_callbacks):
    from swv.meldingen import melding_mailen as melding_mailen_service

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ZorgplichtcasusFactory(school=personas.school_a)
    with op(date(2026, 4, 6)), django_capture_on_commit_callbacks(execute=False):
        zorgplicht_herinneringen_versturen()
    melding = Melding.objects.first()
    assert melding_mailen_service(melding_id=melding.pk) is True
    assert melding_mailen_service(melding_id=melding.pk) is False
    assert len(mail.outbox) == 1


def test_the_database_allows_one_reminder_per_case_and_moment(personas):
    casus = ZorgplichtcasusFactory(school=personas.school_a)
    ZorgplichtHerinnering.objects.create(casus=casus, moment="termijn-7", uiterste_datum=casus.termijn_datum)
    with schendt("zorgplicht_herinnering_eenmaal_per_moment"):
        ZorgplichtHerinnering.objects.create(casus=casus, moment="termijn-7", uiterste_datum=casus.termijn_datum)


def test_the_beat_schedule_runs_the_reminders_daily():
    from django.conf import settings

    regel = settings.CELERY_BEAT_SCHEDULE["leerlingen-zorgplicht-herinneringen"]
    assert regel["task"] == "leerlingen.tasks.zorgplicht_herinneringen"


@pytest.mark.worker
def test_the_beat_task_notifies_through_a_real_worker_once(personas, celery_worker):
    from leerlingen.tasks import zorgplicht_herinneringen

    # The worker runs on today's date: an application 5 weeks ago is within the 7-day window.
    vandaag = timezone.localdate()
    casus = ZorgplichtcasusFactory(school=personas.school_a, aanmeldingsdatum=vandaag - timedelta(weeks=5))
    zorgplicht_herinneringen.delay()
    wacht_op(lambda: Melding.objects.filter(email_status=Melding.Emailstatus.VERSTUURD).count() == 4)
    taak = zorgplicht_herinneringen.delay()  # a second run, e.g. beat restarted the same morning
    wacht_op(lambda: taak.id and _worker_klaar(celery_worker, taak.id))
    assert list(ZorgplichtHerinnering.objects.values_list("casus_id", "moment")) == [(casus.pk, "termijn-7")]
    assert Melding.objects.count() == 4


def _worker_klaar(proc, taak_id: str) -> bool:
    """The worker logged that it finished the task with this id (the result backend is off)."""
    from swv.celery import app
    from tests.conftest import ROOT

    log = ROOT / "var" / f"worker-{app.conf.task_default_queue}.log"
    return f"{taak_id}] succeeded" in log.read_text()
