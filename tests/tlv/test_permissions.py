"""The scoping matrix: each role x own/other school -> visible or 404 (PRIVACY.md: need to know)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from swv.models import Toegangslog
from tests.tlv.factories import TLVFactory, volledige_aanvraag
from tlv.models import TLV
from tlv.services import aanvraag

pytestmark = pytest.mark.django_db

ALLE = [
    "alice",
    "bob",
    "charlie",
    "dirk",
    "lotte",
    "dora",
    "bea",
    "carla",
    "bert",
    "olga",
    "tim",
    "anna",
    "beheer",
    "sanne",
    "stijn",
]


@pytest.fixture
def concept(wereld):
    return volledige_aanvraag(
        door=wereld.alice, leerling=wereld.daan, school=wereld.school_a, beoogde_school=wereld.sbo
    )


def zichtbaar_voor(client, p, tlv) -> set[str]:
    uit = set()
    for naam in ALLE:
        client.force_login(getattr(p, naam))
        status = client.get(reverse("tlv:detail", args=[tlv.uuid])).status_code
        assert status in (200, 404), (naam, status)
        if status == 200:
            uit.add(naam)
    return uit


def test_a_draft_is_seen_by_the_requesting_schools_staff_only(client, wereld, concept):
    assert zichtbaar_voor(client, wereld, concept) == {"alice", "charlie", "dora"}


def test_from_submission_on_the_special_school_and_the_swv_see_it(client, wereld, concept):
    aanvraag.tlv_indienen(door=wereld.alice, tlv=concept)
    assert zichtbaar_voor(client, wereld, concept) == {
        "alice",
        "charlie",
        "dora",
        "sanne",
        "stijn",
        "tim",
        "dirk",
        "bea",
    }


def test_viewing_a_tlv_is_access_logged_without_names(client, wereld, concept):
    client.force_login(wereld.alice)
    client.get(reverse("tlv:detail", args=[concept.uuid]))
    log = Toegangslog.objects.get(gebeurtenis="tlv_bekeken")
    assert (log.gebruiker, log.object_uuid, log.leerling_uuid) == (wereld.alice, concept.uuid, wereld.daan.uuid)
    assert "Daan" not in log.route


@pytest.mark.parametrize(
    "url_name, mag",
    [
        ("tlv:bewerken", {"alice"}),
        ("tlv:toetsen", {"tim"}),
        ("tlv:aanvulling", {"tim"}),
        ("tlv:besluiten", {"tim"}),
        ("tlv:plaatsing", {"sanne", "stijn"}),
        ("tlv:bezwaar_nieuw", {"tim", "dirk"}),
        ("tlv:terugkeer", {"alice", "charlie", "dora", "sanne", "stijn", "tim"}),
        ("tlv:beeindigen", {"sanne", "stijn", "tim"}),
    ],
)
def test_action_pages_answer_404_to_everyone_without_the_right(client, wereld, url_name, mag):
    tlv = TLVFactory(
        ingediend=True, leerling=wereld.daan, aanvragende_school=wereld.school_a, beoogde_school=wereld.sbo
    )
    toegestaan = set()
    for naam in ALLE:
        client.force_login(getattr(wereld, naam))
        if client.get(reverse(url_name, args=[tlv.uuid])).status_code == 200:
            toegestaan.add(naam)
    assert toegestaan == mag


@pytest.mark.parametrize(
    "url_name, mag",
    [
        ("tlv:register", {"tim", "dirk", "bea"}),
        ("tlv:register_duo", {"dirk", "bea"}),
        ("tlv:werkvoorraad", {"tim", "dirk"}),
        ("tlv:kengetallen", {"tim", "anna", "dirk", "bea", "carla", "bert"}),
        ("tlv:lijst", {"alice", "bob", "charlie", "dora", "sanne", "stijn", "tim", "dirk", "bea"}),
        ("tlv:nieuw", {"alice", "bob", "sanne"}),
    ],
)
def test_list_pages_by_role(client, wereld, url_name, mag):
    toegestaan = set()
    for naam in ALLE:
        client.force_login(getattr(wereld, naam))
        if client.get(reverse(url_name)).status_code == 200:
            toegestaan.add(naam)
    assert toegestaan == mag


def test_lists_show_only_what_the_user_may_see(client, wereld, concept):
    anders = TLVFactory(ingediend=True, aanvragende_school=wereld.school_b)
    client.force_login(wereld.alice)
    inhoud = client.get(reverse("tlv:lijst")).content.decode()
    assert str(concept.uuid) in inhoud and str(anders.uuid) not in inhoud
    client.force_login(wereld.bob)
    inhoud = client.get(reverse("tlv:lijst")).content.decode()
    assert str(concept.uuid) not in inhoud and str(anders.uuid) in inhoud


def test_expert_documents_and_letters_follow_the_tlvs_scope(client, wereld, concept):
    url = reverse("tlv:deskundige_document", args=[concept.uuid, 1])
    client.force_login(wereld.bob)
    assert client.get(url).status_code == 404
    client.force_login(wereld.alice)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert Toegangslog.objects.filter(gebeurtenis="document_gedownload", gebruiker=wereld.alice).exists()
    assert client.get(reverse("tlv:besluitbrief", args=[concept.uuid])).status_code == 404  # no letter yet


def test_a_guessed_uuid_answers_404(client, wereld):
    client.force_login(wereld.dirk)
    assert client.get(reverse("tlv:detail", args=["00000000-0000-0000-0000-000000000000"])).status_code == 404
    assert not TLV.objects.exists()
