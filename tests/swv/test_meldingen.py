"""The one notification page and the unread counts of every app in one query."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from arrangementen.choices import Meldingsoort as Arrangementsoort
from swv.meldingen import melden, ongelezen
from swv.models import Melding
from tests.arrangementen.factories import AanvraagFactory
from tests.tlv.factories import TLVFactory
from tlv.choices import Meldingsoort as TLVsoort


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def meldingen(personas):
    alice, bob = personas.alice, personas.bob
    aanvraag = AanvraagFactory(school=personas.school_a)
    a1, a2 = (
        melden(soort=Arrangementsoort.INGEDIEND, doel=aanvraag, ontvangers=[alice], sleutel=f"t:{i}")[0]
        for i in range(2)
    )
    gelezen = melden(soort=Arrangementsoort.BESLOTEN, doel=aanvraag, ontvangers=[alice], sleutel="t:3")[0]
    Melding.objects.filter(pk=gelezen.pk).update(gelezen_op="2026-01-01T00:00Z")
    [t] = melden(soort=TLVsoort.INGEDIEND, doel=TLVFactory(), ontvangers=[bob], sleutel="t:bob")
    return {"a1": a1, "a2": a2, "gelezen": gelezen, "t": t}


def test_every_apps_unread_notifications_in_one_query(personas, meldingen, django_assert_num_queries):
    request = _request(personas.alice)
    with django_assert_num_queries(1):
        aantallen = {naam: ongelezen(request, naam) for naam in ("leerlingen", "arrangementen", "tlv", "onbekend", "")}
    assert aantallen == {"leerlingen": 0, "arrangementen": 2, "tlv": 0, "onbekend": 0, "": 2}
    assert ongelezen(_request(personas.bob), "tlv") == 1


def test_an_anonymous_visitor_has_no_notifications():
    assert ongelezen(_request(AnonymousUser()), "leerlingen") == 0  # no database access (no db fixture)


def test_the_page_lists_only_my_notifications(client, personas, meldingen):
    client.force_login(personas.alice)
    inhoud = client.get(reverse("meldingen")).content.decode()
    assert "2 ongelezen meldingen" in inhoud and "Aanvraag ingediend" in inhoud
    assert str(meldingen["t"].uuid) not in inhoud
    assert "Aanvraag ingediend" not in client.get(reverse("meldingen"), {"bron": "tlv"}).content.decode()


def test_opening_a_notification_marks_it_read_and_leads_to_its_object(client, personas, meldingen):
    client.force_login(personas.alice)
    melding = meldingen["a1"]
    response = client.post(reverse("melding_openen", args=[melding.uuid]))
    assert response.status_code == 302 and response.url == melding.link
    melding.refresh_from_db()
    assert melding.gelezen_op is not None


def test_someone_elses_notification_answers_404_and_stays_unread(client, personas, meldingen):
    client.force_login(personas.alice)
    melding = meldingen["t"]
    assert client.post(reverse("melding_openen", args=[melding.uuid])).status_code == 404
    melding.refresh_from_db()
    assert melding.gelezen_op is None


def test_opening_is_post_only(client, personas, meldingen):
    client.force_login(personas.alice)
    assert client.get(reverse("melding_openen", args=[meldingen["a1"].uuid])).status_code == 405


def test_mark_all_as_read_of_one_app(client, personas, meldingen):
    client.force_login(personas.alice)
    response = client.post(reverse("meldingen_gelezen"), {"bron": "arrangementen"})
    assert response.url == reverse("meldingen") + "?bron=arrangementen"
    assert Melding.objects.filter(ontvanger=personas.alice, gelezen_op__isnull=True).count() == 0
    assert Melding.objects.get(pk=meldingen["t"].pk).gelezen_op is None


def test_the_page_costs_the_same_queries_with_3_or_30_notifications(client, personas, django_assert_max_num_queries):
    aanvraag = AanvraagFactory(school=personas.school_a)
    client.force_login(personas.alice)
    for aantal in (3, 30):
        for i in range(aantal):
            melden(
                soort=Arrangementsoort.INGEDIEND, doel=aanvraag, ontvangers=[personas.alice], sleutel=f"{aantal}:{i}"
            )
        with django_assert_max_num_queries(12):
            assert client.get(reverse("meldingen")).status_code == 200
