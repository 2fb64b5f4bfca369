"""Scoping matrix of issue 6: each role x own / other school / child without enrolment ->
visible or 404, for thuiszitter cases, zorgplicht cases, the risicolijst and notifications."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from leerlingen.models import Risicolijstregel, Risicosignalering, Thuiszittercasus, Zorgplichtcasus
from swv.choices import Rol
from swv.meldingen import melden
from swv.models import Melding, Toegangslog
from tests.factories import GemeenteFactory, gebruiker_met_rol
from tests.leerlingen.factories_thuiszitters import (
    RisicosignaleringFactory,
    ThuiszittercasusFactory,
    ZorgplichtcasusFactory,
    standaard_ladder,  # noqa: F401 (autouse fixture)
)

pytestmark = pytest.mark.django_db

PERSONAS = ["alice", "bob", "charlie", "dora", "lotte", "dirk", "bea", "carla", "bert", "olga", "tim", "anna", "beheer"]
ALLE = {"a", "b", "zonder", "zonder_elders"}


@pytest.fixture
def casussen(personas):
    return {
        "a": ThuiszittercasusFactory(school=personas.school_a),
        "b": ThuiszittercasusFactory(school=personas.school_b),
        # a child without enrolment living in school A's municipality, and one elsewhere
        "zonder": ThuiszittercasusFactory(zonder_inschrijving=True, gemeente=personas.school_a.gemeente),
        "zonder_elders": ThuiszittercasusFactory(zonder_inschrijving=True, gemeente=GemeenteFactory()),
    }


THUISZITTERS = {
    # persona: (view, change, regie, tellen)
    "alice": ({"a"}, {"a"}, set(), set()),
    "bob": ({"b"}, {"b"}, set(), set()),
    "charlie": ({"a", "zonder"}, {"a", "zonder"}, {"a", "zonder"}, set()),
    "dora": ({"a"}, {"a"}, set(), set()),
    "lotte": (set(), set(), set(), set()),
    "dirk": (ALLE, set(), set(), ALLE),
    "bea": (ALLE, ALLE, ALLE, ALLE),
    "carla": (set(), set(), set(), set()),
    "bert": (set(), set(), set(), {"a"}),
    "olga": (set(), set(), set(), set()),
    "tim": (set(), set(), set(), set()),
    "anna": (set(), set(), set(), set()),
    "beheer": (set(), set(), set(), set()),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ["view", "change", "regie", "tellen"])
def test_thuiszitter_cases_per_role_and_action(personas, casussen, persona, action):
    user = getattr(personas, persona)
    verwacht = THUISZITTERS[persona][["view", "change", "regie", "tellen"].index(action)]
    zichtbaar = set(Thuiszittercasus.objects.visible_to(user, action).values_list("pk", flat=True))
    assert {k for k, c in casussen.items() if c.pk in zichtbaar} == verwacht


@pytest.mark.parametrize("persona", PERSONAS)
def test_case_pages_answer_404_outside_the_scope(client, personas, casussen, persona):
    client.force_login(getattr(personas, persona))
    zicht, wijzig, regie, _ = THUISZITTERS[persona]
    for sleutel, casus in casussen.items():
        assert client.get(reverse("leerlingen:thuiszitter_detail", args=[casus.uuid])).status_code == (
            200 if sleutel in zicht else 404
        )
        assert client.get(reverse("leerlingen:thuiszitter_wijzigen", args=[casus.uuid])).status_code == (
            200 if sleutel in wijzig else 404
        )
        assert client.get(reverse("leerlingen:thuiszitter_stap", args=[casus.uuid])).status_code == (
            200 if sleutel in regie else 404
        )
        assert client.get(reverse("leerlingen:thuiszitter_afsluiten", args=[casus.uuid])).status_code == (
            200 if sleutel in regie else 404
        )


@pytest.mark.parametrize("persona", ["alice", "charlie", "dirk", "bea", "bob"])
def test_the_list_shows_the_same_scope_as_the_detail(client, personas, casussen, persona):
    client.force_login(getattr(personas, persona))
    response = client.get(reverse("leerlingen:thuiszitters"))
    gezien = {c.pk for c in response.context["pagina"].object_list}
    assert {k for k, c in casussen.items() if c.pk in gezien} == THUISZITTERS[persona][0]


def test_the_case_manager_sees_a_child_without_enrolment_elsewhere_and_other_consulenten_do_not(personas, casussen):
    regisseur = gebruiker_met_rol(Rol.CONSULENT, school=personas.school_b)
    andere = gebruiker_met_rol(Rol.CONSULENT, school=personas.school_b)
    Thuiszittercasus.objects.filter(pk=casussen["zonder_elders"].pk).update(regisseur=regisseur)
    assert Thuiszittercasus.objects.visible_to(regisseur).filter(pk=casussen["zonder_elders"].pk).exists()
    assert not Thuiszittercasus.objects.visible_to(andere).filter(pk=casussen["zonder_elders"].pk).exists()


def test_the_pupil_scope_is_not_widened_for_children_without_enrolment(personas, casussen):
    from leerlingen.models import Leerling

    assert not Leerling.objects.visible_to(personas.charlie).filter(pk=casussen["zonder"].leerling_id).exists()
    assert not Leerling.objects.visible_to(personas.alice).filter(pk=casussen["zonder"].leerling_id).exists()


def test_viewing_a_case_is_access_logged(client, personas, casussen):
    client.force_login(personas.charlie)
    client.get(reverse("leerlingen:thuiszitter_detail", args=[casussen["zonder"].uuid]))
    log = Toegangslog.objects.get()
    assert (log.gebruiker, log.leerling_uuid, log.gebeurtenis) == (
        personas.charlie,
        casussen["zonder"].leerling.uuid,
        "leerling_bekeken",
    )


ZORGPLICHT = {
    # persona: (view, change)
    "alice": ({"a"}, {"a"}),
    "bob": ({"b"}, {"b"}),
    "charlie": ({"a"}, set()),
    "dora": ({"a"}, {"a"}),
    "lotte": (set(), set()),
    "dirk": ({"a", "b"}, set()),
    "bea": ({"a", "b"}, set()),
    "carla": (set(), set()),
    "bert": ({"a"}, set()),
    "olga": (set(), set()),
    "tim": (set(), set()),
    "anna": (set(), set()),
    "beheer": (set(), set()),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_zorgplicht_cases_per_role(client, personas, persona):
    zaken = {
        "a": ZorgplichtcasusFactory(school=personas.school_a),
        "b": ZorgplichtcasusFactory(school=personas.school_b),
    }
    user = getattr(personas, persona)
    for action, verwacht in zip(("view", "change"), ZORGPLICHT[persona], strict=True):
        ids = set(Zorgplichtcasus.objects.visible_to(user, action).values_list("pk", flat=True))
        assert {k for k, z in zaken.items() if z.pk in ids} == verwacht, action
    client.force_login(user)
    for sleutel, zaak in zaken.items():
        assert client.get(reverse("leerlingen:zorgplicht_detail", args=[zaak.uuid])).status_code == (
            200 if sleutel in ZORGPLICHT[persona][0] else 404
        )
        assert client.get(reverse("leerlingen:zorgplicht_besluit", args=[zaak.uuid])).status_code == (
            200 if sleutel in ZORGPLICHT[persona][1] else 404
        )


RISICO = {"charlie": {"a"}, "dirk": {"a", "b"}, "bea": {"a", "b"}}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_risicolijst_is_for_consulenten_and_swv_staff(client, personas, persona):
    from leerlingen.services.risicolijst import risicolijst_samenstellen

    marks = {
        "a": RisicosignaleringFactory(school=personas.school_a, sinds=date(2025, 12, 1)),
        "b": RisicosignaleringFactory(school=personas.school_b, sinds=date(2025, 12, 1)),
    }
    ronde = risicolijst_samenstellen(door=personas.bea, jaar=2026, maand=1, peildatum=date(2026, 1, 5))
    user = getattr(personas, persona)
    verwacht = RISICO.get(persona, set())
    ids = set(Risicosignalering.objects.visible_to(user).values_list("pk", flat=True))
    assert {k for k, m in marks.items() if m.pk in ids} == verwacht
    regels = set(Risicolijstregel.objects.visible_to(user).values_list("leerling_id", flat=True))
    assert {k for k, m in marks.items() if m.leerling_id in regels} == verwacht
    client.force_login(user)
    assert client.get(reverse("leerlingen:risicolijst")).status_code == (200 if verwacht else 404)
    assert client.get(reverse("leerlingen:ronde_detail", args=[ronde.uuid])).status_code == (200 if verwacht else 404)
    assert client.get(reverse("leerlingen:ronde_nieuw")).status_code == (200 if persona == "bea" else 404)


def test_notifications_are_only_ones_own(client, personas):
    casus = ZorgplichtcasusFactory(school=personas.school_a)
    [melding] = melden(
        soort="leerlingen.zorgplicht", doel=casus, ontvangers=[personas.alice], sleutel="test", titel="Zorgplicht"
    )
    client.force_login(personas.bob)
    assert client.post(reverse("melding_openen", args=[melding.uuid])).status_code == 404
    assert Melding.objects.visible_to(personas.bob).count() == 0
    client.force_login(personas.alice)
    response = client.post(reverse("melding_openen", args=[melding.uuid]))
    assert response.status_code == 302 and response.url == reverse("leerlingen:zorgplicht_detail", args=[casus.uuid])
    melding.refresh_from_db()
    assert melding.gelezen_op is not None


def test_the_dashboard_is_for_db_beleid_and_bestuurder(client, personas):
    for persona in PERSONAS:
        client.force_login(getattr(personas, persona))
        verwacht = 200 if persona in {"dirk", "bea", "bert"} else 404
        assert client.get(reverse("leerlingen:thuiszitters_dashboard")).status_code == verwacht, persona
