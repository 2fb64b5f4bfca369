"""Reminders by the daily run (celery beat): due dates from settings, idempotent, e-mail with a link only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from swv.choices import Rol
from swv.meldingen import melding_mailen
from swv.models import Melding
from tests.factories import gebruiker_met_rol
from tests.tlv.factories import TLVFactory
from tlv.choices import Meldingsoort
from tlv.services.looptijd import terugkeerbespreking_vastleggen, tlv_dagelijkse_ronde
from tlv.tasks import tlv_dagelijkse_ronde as beat_taak

pytestmark = pytest.mark.django_db


@pytest.fixture
def actieve_tlv(wereld):
    with time_machine.travel(date(2025, 8, 1), tick=False):
        return TLVFactory(
            actief=True,
            leerling=wereld.daan,
            aanvragende_school=wereld.school_a,
            beoogde_school=wereld.sbo,
            ingangsdatum=date(2025, 8, 1),
            einddatum=date(2027, 7, 31),
            afgegeven_op=date(2025, 7, 1),
            besluit_datum=date(2025, 7, 1),
            bekendgemaakt_op=date(2025, 7, 1),
            plaatsingsdatum=date(2025, 8, 25),
        )


def einddatum_meldingen():
    return Melding.objects.filter(soort=Meldingsoort.EINDDATUM)


def test_no_reminder_before_four_months_ahead_of_the_end_date(actieve_tlv):
    with time_machine.travel(date(2027, 3, 30), tick=False):
        tlv_dagelijkse_ronde()
    assert not einddatum_meldingen().exists()


def test_from_four_months_ahead_both_schools_and_the_consulent_are_reminded_once(
    wereld, actieve_tlv, django_capture_on_commit_callbacks
):
    with time_machine.travel(date(2027, 3, 31), tick=False):
        with django_capture_on_commit_callbacks(execute=False):
            uitkomst = tlv_dagelijkse_ronde()
            tlv_dagelijkse_ronde()  # the same day again
        with django_capture_on_commit_callbacks(execute=False):
            tlv_dagelijkse_ronde(vandaag=date(2027, 4, 1))  # and the next day
    ontvangers = set(einddatum_meldingen().values_list("ontvanger__email", flat=True))
    assert ontvangers == {"alice@example.nl", "charlie@example.nl", "sanne@example.nl", "stijn@example.nl"}
    assert uitkomst["herinneringen_einddatum"] == 4 and einddatum_meldingen().count() == 4


def test_a_reminder_is_mailed_once_and_holds_only_a_link(wereld, actieve_tlv):
    with time_machine.travel(date(2027, 4, 2), tick=False):
        tlv_dagelijkse_ronde()
    melding = einddatum_meldingen().get(ontvanger=wereld.alice)
    assert melding_mailen(melding_id=melding.pk) is True
    assert melding_mailen(melding_id=melding.pk) is False
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["alice@example.nl"]
    assert actieve_tlv.get_absolute_url() in bericht.body
    for geheim in ("Daan", "Visser", wereld.daan.bsn or "Daan", actieve_tlv.nummer):
        assert geheim not in bericht.body and geheim not in bericht.subject


def test_a_failing_mail_is_released_for_the_retry(wereld, actieve_tlv, settings):
    settings.EMAIL_BACKEND = "tests.tlv.test_meldingen.KapotteBackend"
    with time_machine.travel(date(2027, 4, 2), tick=False):
        tlv_dagelijkse_ronde()
    melding = einddatum_meldingen().get(ontvanger=wereld.alice)
    with pytest.raises(ConnectionError):
        melding_mailen(melding_id=melding.pk)
    melding.refresh_from_db()
    assert melding.email_status == Melding.Emailstatus.WACHTRIJ


class KapotteBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        raise ConnectionError("SMTP server weg")


def test_an_extension_in_progress_silences_the_reminder(wereld, actieve_tlv):
    TLVFactory(leerling=wereld.daan, vorige=actieve_tlv, route="verlenging")
    with time_machine.travel(date(2027, 4, 2), tick=False):
        tlv_dagelijkse_ronde()
    assert not einddatum_meldingen().exists()


def test_the_yearly_return_review_is_due_a_year_after_placement_and_again_after_each_review(wereld, actieve_tlv):
    with time_machine.travel(date(2026, 8, 24), tick=False):
        assert tlv_dagelijkse_ronde()["herinneringen_terugkeer"] == 0
    with time_machine.travel(date(2026, 8, 25), tick=False):
        assert tlv_dagelijkse_ronde()["herinneringen_terugkeer"] == 4  # alice, dora, sanne, stijn
        terugkeerbespreking_vastleggen(
            door=wereld.sanne,
            tlv=actieve_tlv,
            datum=date(2026, 8, 25),
            deelnemers="Sanne, Charlie",
            conclusie="voortzetten",
        )
        assert tlv_dagelijkse_ronde()["herinneringen_terugkeer"] == 0
    with time_machine.travel(date(2027, 8, 25), tick=False):
        pass  # the TLV has expired by then: no more reviews
    assert Melding.objects.filter(soort=Meldingsoort.TERUGKEER).count() == 4


def test_the_deciders_hear_about_requests_past_the_decision_term(wereld, settings):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        TLVFactory(ingediend=True, ingediend_op=date(2026, 3, 2))
    with time_machine.travel(date(2026, 4, 29), tick=False):
        assert tlv_dagelijkse_ronde()["beslistermijn_verlopen"] == 1
        assert tlv_dagelijkse_ronde()["beslistermijn_verlopen"] == 0
    assert Melding.objects.get(soort=Meldingsoort.BESLISTERMIJN).ontvanger == wereld.tim


def test_an_inactive_account_gets_no_reminders(wereld, actieve_tlv):
    oud = gebruiker_met_rol(Rol.IB_ER, school=wereld.sbo, email="oud@example.nl", is_active=False)
    with time_machine.travel(date(2027, 4, 2), tick=False):
        tlv_dagelijkse_ronde()
    assert not einddatum_meldingen().filter(ontvanger=oud).exists()


def test_the_beat_task_runs_the_daily_round(actieve_tlv):
    with time_machine.travel(date(2027, 8, 1), tick=False):
        uitkomst = beat_taak.apply().get()
    actieve_tlv.refresh_from_db()
    assert uitkomst["verlopen"] == 1 and actieve_tlv.status == "verlopen"


def test_the_beat_schedule_has_the_daily_round():
    from django.conf import settings

    taken = {regel["task"] for regel in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "tlv.tasks.tlv_dagelijkse_ronde" in taken


def test_opening_a_notification_marks_it_read_and_leads_to_the_tlv(client, wereld, actieve_tlv):
    with time_machine.travel(date(2027, 4, 2), tick=False):
        tlv_dagelijkse_ronde()
    melding = einddatum_meldingen().get(ontvanger=wereld.alice)
    client.force_login(wereld.alice)
    response = client.post(reverse("melding_openen", args=[melding.uuid]))
    assert response.url == actieve_tlv.get_absolute_url()
    melding.refresh_from_db()
    assert melding.gelezen_op is not None
    client.force_login(wereld.bob)
    assert client.post(reverse("melding_openen", args=[melding.uuid])).status_code == 404


def test_dates_run_on_after_an_end_date_in_the_past_too(wereld):
    tlv = TLVFactory(actief=True, einddatum=date.today() - timedelta(days=3))
    tlv_dagelijkse_ronde()
    tlv.refresh_from_db()
    assert tlv.beeindigd_op == tlv.einddatum + timedelta(days=1)
