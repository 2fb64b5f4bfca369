"""The scoping layer as a matrix: each role x own / other school, for pupils and the pupil pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from leerlingen.models import Leerling
from swv.access import school_ids
from swv.choices import Rol
from swv.models import Lidmaatschap, Toegangslog
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leerlingen(personas):
    a = LeerlingFactory(school=personas.school_a, voornaam="Anouk")
    a_gekoppeld = LeerlingFactory(school=personas.school_a, voornaam="Gijs")
    a_gekoppeld.leerkrachten.add(personas.lotte)
    b = LeerlingFactory(school=personas.school_b, voornaam="Bram")
    return {"a": a, "a_gekoppeld": a_gekoppeld, "b": b}


# persona -> which of the pupils it may see (view)
ZICHT = {
    "alice": {"a", "a_gekoppeld"},  # ib-er school A
    "bob": {"b"},  # ib-er school B
    "charlie": {"a", "a_gekoppeld"},  # consulent assigned to school A
    "dora": {"a", "a_gekoppeld"},  # directeur A
    "lotte": {"a_gekoppeld"},  # leerkracht A: only linked pupils
    "dirk": {"a", "a_gekoppeld", "b"},  # DB: every pupil (logged)
    "bea": {"a", "a_gekoppeld", "b"},  # beleidsmedewerker
    "carla": set(),  # controller: finance only
    "bert": set(),  # bestuurder: aggregates only
    "olga": set(),  # OPR: nothing pupil-level
    "tim": set(),  # TLC: only through a request (per-object grant)
    "anna": set(),  # AC: only through a request
    "beheer": set(),  # beheerder: admin, no pupil pages
}


@pytest.mark.parametrize("persona, zichtbaar", sorted(ZICHT.items()))
def test_each_role_sees_exactly_its_pupils(personas, leerlingen, persona, zichtbaar):
    user = getattr(personas, persona)
    gezien = {k for k, l in leerlingen.items() if Leerling.objects.visible_to(user).filter(pk=l.pk).exists()}
    assert gezien == zichtbaar


@pytest.mark.parametrize("persona, zichtbaar", sorted(ZICHT.items()))
def test_pupil_pages_answer_404_outside_the_scope(client, personas, leerlingen, persona, zichtbaar):
    client.force_login(getattr(personas, persona))
    for sleutel, leerling in leerlingen.items():
        response = client.get(reverse("leerlingen:detail", args=[leerling.uuid]))
        assert response.status_code == (200 if sleutel in zichtbaar else 404), sleutel


@pytest.mark.parametrize("persona, zichtbaar", sorted(ZICHT.items()))
def test_the_pupil_list_shows_the_same_scope(client, personas, leerlingen, persona, zichtbaar):
    client.force_login(getattr(personas, persona))
    response = client.get(reverse("leerlingen:lijst"))
    heeft_rol = persona not in {"carla", "bert", "olga", "beheer"}
    assert response.status_code == (200 if heeft_rol else 404)
    if heeft_rol:
        namen = {l.voornaam for l in response.context["pagina"].object_list}
        assert namen == {leerlingen[k].voornaam for k in zichtbaar}


def test_only_the_ib_er_of_the_school_may_change_a_pupil(personas, leerlingen):
    for persona in ZICHT:
        user = getattr(personas, persona)
        kan = set(Leerling.objects.visible_to(user, "change").values_list("voornaam", flat=True))
        assert kan == ({"Anouk", "Gijs"} if persona == "alice" else {"Bram"} if persona == "bob" else set()), persona


def test_an_ended_membership_gives_no_access(personas, leerlingen):
    Lidmaatschap.objects.filter(gebruiker=personas.charlie).update(
        begindatum=date(2020, 8, 1), einddatum=date(2021, 7, 31)
    )
    assert not Leerling.objects.visible_to(personas.charlie).exists()


def test_a_pupil_who_left_the_school_is_no_longer_visible_to_it(personas, leerlingen):
    inschrijving = leerlingen["a"].inschrijvingen.get()
    inschrijving.einddatum = date(2021, 1, 1)
    inschrijving.save()
    assert not Leerling.objects.visible_to(personas.alice).filter(pk=leerlingen["a"].pk).exists()


def test_a_per_object_grant_opens_one_pupil_for_a_tlc_member(personas, leerlingen):
    from guardian.shortcuts import assign_perm

    assign_perm("leerlingen.view_leerling", personas.tim, leerlingen["b"])
    assert list(Leerling.objects.visible_to(personas.tim)) == [leerlingen["b"]]
    assert not Leerling.objects.visible_to(personas.tim, "change").exists()


def test_viewing_a_pupil_is_access_logged_without_name(client, personas, leerlingen):
    client.force_login(personas.dirk)
    client.get(reverse("leerlingen:detail", args=[leerlingen["b"].uuid]))
    log = Toegangslog.objects.get()
    assert (log.gebruiker, log.gebeurtenis, log.leerling_uuid) == (
        personas.dirk,
        "leerling_bekeken",
        leerlingen["b"].uuid,
    )
    assert "Bram" not in f"{log.route}{log.objecttype}{log.gebeurtenis}"


def test_the_bestuurder_scope_covers_the_boards_schools(personas):
    assert school_ids(personas.bert, [Rol.BESTUURDER]) == {personas.school_a.pk}
    assert school_ids(personas.alice, [Rol.BESTUURDER]) == set()
