"""The scoping matrix: each role x own/other school -> visible or 404 (PRIVACY.md), for the request's
page, the assessor's pages, the letter, the evaluation form, the budget and the notifications."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from arrangementen.choices import Beoordelaar, Meldingsoort
from arrangementen.models import Aanvraag
from arrangementen.services.meldingen import meldingen_maken
from tests.arrangementen.factories import AanvraagFactory, ArrangementtypeFactory
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

ALLE = ["alice", "bob", "charlie", "dora", "lotte", "dirk", "bea", "carla", "bert", "olga", "tim", "anna", "beheer"]


def status_voor(client, persona, url) -> int:
    client.force_login(persona)
    return client.get(url).status_code


# Who sees a submitted request of school A that the consultant assesses and the AC decides.
ZIET_A = {"alice", "charlie", "dora", "dirk", "bea", "anna"}
ZIET_B = {"bob", "dirk", "bea", "anna"}


@pytest.mark.parametrize("persona", ALLE)
def test_the_request_page_of_school_a_is_visible_only_in_scope(client, personas, persona):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    verwacht = 200 if persona in ZIET_A else 404
    assert (
        status_voor(client, getattr(personas, persona), reverse("arrangementen:detail", args=[aanvraag.uuid]))
        == verwacht
    )


@pytest.mark.parametrize("persona", ALLE)
def test_the_request_page_of_school_b_is_visible_only_in_scope(client, personas, persona):
    aanvraag = AanvraagFactory(school=personas.school_b, ingediend=True)
    verwacht = 200 if persona in ZIET_B else 404
    assert (
        status_voor(client, getattr(personas, persona), reverse("arrangementen:detail", args=[aanvraag.uuid]))
        == verwacht
    )


def test_a_teacher_sees_the_requests_of_linked_pupils_only(client, personas):
    leerling = LeerlingFactory(school=personas.school_a)
    gekoppeld = AanvraagFactory(school=personas.school_a, leerling=leerling, ingediend=True)
    ander = AanvraagFactory(school=personas.school_a, ingediend=True)
    personas.lotte.gekoppelde_leerlingen.add(leerling)
    client.force_login(personas.lotte)
    assert client.get(reverse("arrangementen:detail", args=[gekoppeld.uuid])).status_code == 200
    assert client.get(reverse("arrangementen:detail", args=[ander.uuid])).status_code == 404


@pytest.mark.parametrize(
    "persona, verwacht", [("alice", 200), ("charlie", 200), ("dora", 200), ("dirk", 404), ("bea", 404), ("anna", 404)]
)
def test_a_concept_stays_with_the_school_and_its_consultant(client, personas, persona, verwacht):
    aanvraag = AanvraagFactory(school=personas.school_a)
    assert (
        status_voor(client, getattr(personas, persona), reverse("arrangementen:detail", args=[aanvraag.uuid]))
        == verwacht
    )


def test_the_committee_does_not_see_requests_only_the_consultant_assesses(client, personas):
    aanvraag = AanvraagFactory(
        school=personas.school_a,
        ingediend=True,
        arrangementtype=ArrangementtypeFactory(beoordelaar=Beoordelaar.CONSULENT),
    )
    assert status_voor(client, personas.anna, reverse("arrangementen:detail", args=[aanvraag.uuid])) == 404
    assert status_voor(client, personas.charlie, reverse("arrangementen:besluiten", args=[aanvraag.uuid])) == 200


@pytest.mark.parametrize(
    "url_naam, wie",
    [
        ("besluiten", {"anna"}),
        ("advies", {"charlie", "anna"}),
        ("aanvulling_vragen", {"charlie", "anna"}),
        ("bewerken", {"alice"}),
        ("intrekken", {"alice"}),
    ],
)
@pytest.mark.parametrize("persona", ["alice", "bob", "charlie", "dora", "dirk", "anna", "carla"])
def test_action_pages_answer_404_outside_the_action_scope(client, personas, url_naam, wie, persona):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    verwacht = 200 if persona in wie else 404
    assert (
        status_voor(client, getattr(personas, persona), reverse(f"arrangementen:{url_naam}", args=[aanvraag.uuid]))
        == verwacht
    )


@pytest.mark.parametrize("persona", ALLE)
def test_the_work_queue_is_for_assessors(client, personas, persona):
    verwacht = 200 if persona in {"charlie", "anna"} else 404
    assert status_voor(client, getattr(personas, persona), reverse("arrangementen:werkvoorraad")) == verwacht


@pytest.mark.parametrize("persona", ALLE)
def test_the_budget_is_for_finance_governance_and_the_committee(client, personas, persona):
    verwacht = 200 if persona in {"carla", "dirk", "bea", "anna", "beheer"} else 404
    assert status_voor(client, getattr(personas, persona), reverse("arrangementen:budget")) == verwacht
    verwacht = 200 if persona in {"carla", "dirk"} else 404
    assert status_voor(client, getattr(personas, persona), reverse("arrangementen:budget_vastleggen")) == verwacht


@pytest.mark.parametrize("persona", ALLE)
def test_the_annual_report_data_is_for_the_committee_and_the_swv(client, personas, persona):
    verwacht = 200 if persona in {"anna", "dirk", "bea", "carla"} else 404
    assert status_voor(client, getattr(personas, persona), reverse("arrangementen:jaarverslag")) == verwacht


@pytest.mark.parametrize("persona", ALLE)
def test_the_decision_letter_downloads_only_in_scope(client, personas, persona):
    aanvraag = AanvraagFactory(school=personas.school_a, toegekend=True)
    aanvraag.besluit.brief.save("brief.pdf", ContentFile(b"%PDF-1.4 test"))
    verwacht = 200 if persona in ZIET_A else 404
    assert (
        status_voor(client, getattr(personas, persona), reverse("arrangementen:brief", args=[aanvraag.uuid]))
        == verwacht
    )


@pytest.mark.parametrize(
    "persona, verwacht", [("alice", 200), ("bob", 404), ("dora", 404), ("charlie", 404), ("anna", 404)]
)
def test_only_the_schools_ib_er_records_evaluations(client, personas, persona, verwacht):
    aanvraag = AanvraagFactory(school=personas.school_a, lopend=True)
    moment = aanvraag.evaluatiemomenten.get()
    assert (
        status_voor(client, getattr(personas, persona), reverse("arrangementen:evalueren", args=[moment.uuid]))
        == verwacht
    )


def test_a_guessed_integer_id_is_not_a_url(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    client.force_login(personas.alice)
    assert client.get(f"/arrangementen/{aanvraag.pk}/").status_code == 404


def test_a_notification_is_its_recipients_only(client, personas):
    aanvraag = AanvraagFactory(school=personas.school_a, ingediend=True)
    [melding] = meldingen_maken(soort=Meldingsoort.INGEDIEND, aanvraag=aanvraag, ontvangers=[personas.charlie])
    client.force_login(personas.anna)
    assert client.post(reverse("melding_openen", args=[melding.uuid])).status_code == 404
    melding.refresh_from_db()
    assert melding.gelezen_op is None


def test_the_list_of_another_school_stays_empty(client, personas):
    AanvraagFactory(school=personas.school_b, ingediend=True)
    client.force_login(personas.alice)
    inhoud = client.get(reverse("arrangementen:lijst")).content.decode()
    assert "0 aanvragen gevonden" in inhoud
    assert Aanvraag.objects.visible_to(personas.alice).count() == 0
