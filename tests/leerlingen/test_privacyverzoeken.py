"""The register of privacy requests: the AVG deadline (one month, one extension of two months with a
reason), one service per transition with history, reminders that are sent once, the inzage export
attached, and only the DB (the privacy officer's role) sees any of it."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from leerlingen.models import Privacyverzoek
from leerlingen.services import privacy as services
from leerlingen.services.privacy import PrivacyverzoekFout
from swv.fouten import GelijktijdigeWijziging, OngeldigeOvergang
from swv.models import Melding, Taak, Toegangslog
from tests.beperkingen import schendt
from tests.conftest import wacht_op
from tests.gelijktijdig import gelijktijdig, precies_een_wint
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db
Status = Privacyverzoek.Status


@pytest.fixture
def leerling(personas):
    return LeerlingFactory(school=personas.school_a)


def _registreer(leerling, door, **kwargs):
    velden = {"soort": "inzage", "ingediend_door_omschrijving": "moeder", "ingediend_op": date(2026, 1, 31)}
    velden.update(kwargs)
    return services.privacyverzoek_registreren(leerling=leerling, door=door, **velden)


def test_the_answer_is_due_one_month_after_receipt(personas, leerling):
    verzoek = _registreer(leerling, personas.dirk)
    assert verzoek.termijn == date(2026, 2, 28)  # a month, not 30 days: 31 January -> 28 February
    assert verzoek.status == Status.ONTVANGEN
    assert [(o.van, o.naar, o.door) for o in verzoek.statusovergangen.all()] == [("", "ontvangen", personas.dirk)]


def test_registering_explains_what_is_missing_in_dutch(personas, leerling):
    from django.utils import translation

    with translation.override("nl"), pytest.raises(PrivacyverzoekFout) as fout:
        _registreer(
            leerling, personas.dirk, soort="iets", ingediend_door_omschrijving=" ", ingediend_op=date(2099, 1, 1)
        )
    assert set(fout.value.velden) == {"soort", "ingediend_door_omschrijving", "ingediend_op"}
    assert "Kies het soort verzoek." in fout.value.berichten
    assert not Privacyverzoek.objects.exists()


def test_one_extension_of_two_months_with_a_reason(personas, leerling):
    verzoek = _registreer(leerling, personas.dirk)
    with pytest.raises(PrivacyverzoekFout) as fout:
        services.privacyverzoek_verlengen(verzoek=verzoek, reden="  ", door=personas.dirk)
    assert "reden" in fout.value.velden
    services.privacyverzoek_verlengen(verzoek=verzoek, reden="Veel documenten", door=personas.dirk)
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.verlengd_tot, verzoek.uiterste_datum) == (
        Status.VERLENGD,
        date(2026, 4, 28),
        date(2026, 4, 28),
    )
    with pytest.raises(OngeldigeOvergang):
        services.privacyverzoek_verlengen(verzoek=verzoek, reden="Nog meer", door=personas.dirk)
    assert verzoek.statusovergangen.last().reden == "Veel documenten"


def test_the_answer_needs_an_outcome_and_a_reason_unless_granted(personas, leerling):
    verzoek = _registreer(leerling, personas.dirk, soort="verwijdering")
    with pytest.raises(PrivacyverzoekFout) as fout:
        services.privacyverzoek_afhandelen(verzoek=verzoek, uitkomst="afgewezen", toelichting="", door=personas.dirk)
    assert "toelichting" in fout.value.velden
    services.privacyverzoek_in_behandeling_nemen(verzoek=verzoek, door=personas.dirk)
    services.privacyverzoek_afhandelen(
        verzoek=verzoek, uitkomst="afgewezen", toelichting="Wettelijke bewaarplicht", door=personas.dirk
    )
    verzoek.refresh_from_db()
    assert verzoek.status == Status.AFGEHANDELD and verzoek.afgehandeld_op is not None
    assert [o.naar for o in verzoek.statusovergangen.all()] == ["ontvangen", "in_behandeling", "afgehandeld"]
    with pytest.raises(OngeldigeOvergang):
        services.privacyverzoek_afhandelen(verzoek=verzoek, uitkomst="toegewezen", toelichting="", door=personas.dirk)


def test_the_database_refuses_impossible_requests(personas, leerling):
    verzoek = _registreer(leerling, personas.dirk)
    qs = Privacyverzoek.objects.filter(pk=verzoek.pk)
    with schendt("privacyverzoek_verlenging_later_met_reden"):
        qs.update(verlengd_tot=date(2026, 4, 28))
    with schendt("privacyverzoek_afgehandeld_met_uitkomst"):
        qs.update(status="afgehandeld")
    with schendt("privacyverzoek_termijn_na_indiening"):
        qs.update(termijn=date(2026, 1, 1))
    with schendt("privacyverzoek_verlengd_heeft_datum"):
        qs.update(status="verlengd")


def test_the_export_is_attached_to_an_inzage_request(personas, leerling, django_capture_on_commit_callbacks):
    verzoek = _registreer(leerling, personas.dirk)
    with django_capture_on_commit_callbacks(execute=False):
        taak = services.privacyverzoek_export_maken(verzoek=verzoek, door=personas.dirk)
    verzoek.refresh_from_db()
    assert verzoek.export == taak and taak.soort == "leerlingen.inzage"


def test_reminders_are_sent_once_per_deadline_and_once_when_overdue(personas, leerling):
    verzoek = _registreer(leerling, personas.dirk)  # due 28 February 2026
    with time_machine.travel(date(2026, 2, 10)):
        assert services.privacyverzoeken_herinneren() == 0  # more than a week ahead
    with time_machine.travel(date(2026, 2, 22)):
        assert services.privacyverzoeken_herinneren() == 1  # dirk, the one DB member
        assert services.privacyverzoeken_herinneren() == 0  # a repeated run notifies nobody twice
    with time_machine.travel(date(2026, 3, 1)):
        assert services.privacyverzoeken_herinneren() == 1  # overdue: once more
        assert services.privacyverzoeken_herinneren() == 0
    meldingen = Melding.objects.filter(soort="leerlingen.privacyverzoek")
    assert set(meldingen.values_list("ontvanger", flat=True)) == {personas.dirk.pk}
    assert all(leerling.achternaam not in m.titel for m in meldingen)
    services.privacyverzoek_afhandelen(verzoek=verzoek, uitkomst="toegewezen", toelichting="", door=personas.dirk)
    with time_machine.travel(date(2026, 3, 5)):
        assert services.privacyverzoeken_herinneren() == 0  # answered: no more reminders


def _urls(verzoek, leerling):
    return {
        "lijst": reverse("leerlingen:privacyverzoek_lijst"),
        "detail": reverse("leerlingen:privacyverzoek_detail", args=[verzoek.uuid]),
        "registreren": reverse("leerlingen:privacyverzoek_registreren", args=[leerling.uuid]),
        "verlengen": reverse("leerlingen:privacyverzoek_verlengen", args=[verzoek.uuid]),
        "afhandelen": reverse("leerlingen:privacyverzoek_afhandelen", args=[verzoek.uuid]),
    }


def test_only_the_db_sees_the_register_everyone_else_gets_404(client, personas, leerling):
    verzoek = _registreer(leerling, personas.dirk)
    urls = _urls(verzoek, leerling)
    knoppen = [
        reverse("leerlingen:privacyverzoek_in_behandeling", args=[verzoek.uuid]),
        reverse("leerlingen:privacyverzoek_export", args=[verzoek.uuid]),
    ]
    for naam in ("alice", "bob", "charlie", "lotte", "dora", "bea", "carla", "bert", "olga", "tim", "anna", "beheer"):
        client.force_login(getattr(personas, naam))
        for url in urls.values():
            assert client.get(url).status_code == 404, (naam, url)
        for url in knoppen:
            assert client.post(url).status_code == 404, (naam, url)
    assert Privacyverzoek.objects.get().status == Status.ONTVANGEN
    client.force_login(personas.dirk)
    for url in urls.values():
        assert client.get(url).status_code == 200, url


def test_the_db_registers_and_answers_through_the_pages(client, personas, leerling, django_capture_on_commit_callbacks):
    client.force_login(personas.dirk)
    url = reverse("leerlingen:privacyverzoek_registreren", args=[leerling.uuid])
    assert client.post(url, {"soort": "", "ingediend_door_omschrijving": ""}).status_code == 422
    response = client.post(
        url, {"soort": "inzage", "ingediend_door_omschrijving": "vader", "ingediend_op": "2026-11-20"}
    )
    verzoek = Privacyverzoek.objects.get()
    assert response.status_code == 302 and response.url == verzoek.get_absolute_url()
    assert verzoek.termijn == date(2026, 12, 20)
    detail = client.get(verzoek.get_absolute_url())
    assert leerling.achternaam in detail.content.decode()
    assert Toegangslog.objects.filter(leerling_uuid=leerling.uuid, route="leerlingen:privacyverzoek_detail").exists()
    # The list shows no names.
    assert leerling.achternaam not in client.get(reverse("leerlingen:privacyverzoek_lijst")).content.decode()

    verlengen = reverse("leerlingen:privacyverzoek_verlengen", args=[verzoek.uuid])
    assert client.post(verlengen, {"reden": ""}).status_code == 422
    assert client.post(verlengen, {"reden": "Omvangrijk dossier"}).status_code == 302
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("leerlingen:privacyverzoek_export", args=[verzoek.uuid]))
    taak = Taak.objects.get(soort="leerlingen.inzage")
    assert response.url == reverse("taak_detail", args=[taak.uuid])
    afhandelen = reverse("leerlingen:privacyverzoek_afhandelen", args=[verzoek.uuid])
    assert client.post(afhandelen, {"uitkomst": "toegewezen", "toelichting": ""}).status_code == 302
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.export) == (Status.AFGEHANDELD, taak)


def test_the_list_stays_within_its_query_budget(client, personas, django_assert_max_num_queries):
    for _ in range(30):
        _registreer(LeerlingFactory(school=personas.school_a), personas.dirk)
    client.force_login(personas.dirk)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("leerlingen:privacyverzoek_lijst"))
    assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_officers_answering_at_once_answer_once(personas, leerling):
    verzoek = _registreer(leerling, personas.dirk)
    from swv.choices import Rol
    from tests.factories import gebruiker_met_rol

    dian = gebruiker_met_rol(Rol.DB, email="dian@example.nl")
    winnaar, fout = precies_een_wint(
        gelijktijdig(
            lambda: services.privacyverzoek_afhandelen(
                verzoek=Privacyverzoek.objects.get(pk=verzoek.pk),
                uitkomst="toegewezen",
                toelichting="",
                door=personas.dirk,
            ),
            lambda: services.privacyverzoek_afhandelen(
                verzoek=Privacyverzoek.objects.get(pk=verzoek.pk), uitkomst="deels", toelichting="Deels", door=dian
            ),
        ),
        (OngeldigeOvergang, GelijktijdigeWijziging),
    )
    assert Privacyverzoek.objects.get().statusovergangen.filter(naar="afgehandeld").count() == 1


def test_the_demo_fills_the_register_in_every_state(personas):
    import random

    from django.utils import timezone

    from leerlingen.demo_privacy import demo_privacyverzoeken
    from swv.choices import Rol
    from swv.demo import DemoContext

    for _ in range(4):
        LeerlingFactory(school=personas.school_a)
    ctx = DemoContext(
        swv=personas.swv,
        gebruikers={Rol.DB: personas.dirk},
        school_a=personas.school_a,
        school_b=personas.school_b,
        rng=random.Random(1),
        vandaag=timezone.localdate(),
    )
    assert demo_privacyverzoeken(ctx) == "4 privacyverzoeken"
    assert demo_privacyverzoeken(ctx) is None  # a second run adds nothing
    statussen = {v.status for v in Privacyverzoek.objects.all()}
    assert statussen == {Status.ONTVANGEN, Status.VERLENGD, Status.AFGEHANDELD, Status.IN_BEHANDELING}
    assert any(v.is_te_laat for v in Privacyverzoek.objects.all())


@pytest.mark.worker
def test_the_reminder_task_runs_on_a_real_worker_once(personas, celery_worker):
    from datetime import timedelta

    from django.utils import timezone

    from leerlingen.tasks import privacyverzoeken_herinneren

    leerling = LeerlingFactory(school=personas.school_a)
    # Received 25 days ago: due within the week, on the worker's real today.
    _registreer(leerling, personas.dirk, ingediend_op=timezone.localdate() - timedelta(days=25))
    meldingen = Melding.objects.filter(soort="leerlingen.privacyverzoek", ontvanger=personas.dirk)
    privacyverzoeken_herinneren.delay()
    privacyverzoeken_herinneren.delay()  # a redelivered beat message
    assert wacht_op(lambda: meldingen.exists(), seconden=60)
    # The worker (one process, solo pool) handles both messages in order; the mail of the one
    # notification is sent too, which shows the second run has finished before we count.
    assert wacht_op(lambda: meldingen.exclude(email_status__in=["wachtrij", "bezig"]).exists(), seconden=60)
    assert meldingen.count() == 1


def test_a_double_submit_registers_one_request(personas, leerling):
    eerste = _registreer(leerling, personas.dirk)
    assert _registreer(leerling, personas.dirk) == eerste
    assert Privacyverzoek.objects.count() == 1 and eerste.statusovergangen.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_register_one_request(personas, leerling):
    uitkomsten = gelijktijdig(
        lambda: _registreer(leerling, personas.dirk), lambda: _registreer(leerling, personas.dirk)
    )
    assert all(u.gelukt for u in uitkomsten), [u.fout for u in uitkomsten]
    assert uitkomsten[0].waarde == uitkomsten[1].waarde
    assert Privacyverzoek.objects.count() == 1
    assert Privacyverzoek.objects.get().statusovergangen.count() == 1
