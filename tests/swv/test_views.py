"""Home pages per role, the register, the health page, and query budgets whatever the data size."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import LeerlingtellingFactory, SchoolFactory
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "persona, tekst",
    [
        ("alice", "Mijn school(s)"),
        ("charlie", "Aan mij toegewezen scholen"),
        ("dirk", "Het hele samenwerkingsverband"),
        ("bert", "Mijn schoolbestuur"),
        ("olga", "Gepubliceerde documenten"),
        ("beheer", "Beheer"),
    ],
)
def test_each_role_lands_on_a_fitting_home_page(client, personas, persona, tekst):
    client.force_login(getattr(personas, persona))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert tekst in response.content.decode()


def test_the_home_page_of_an_ib_er_does_not_show_other_schools(client, personas):
    client.force_login(personas.alice)
    inhoud = client.get(reverse("home")).content.decode()
    assert "Basisschool A" in inhoud and "Basisschool B" not in inhoud


def _veel_data(personas, n_scholen: int, n_leerlingen: int):
    for _ in range(n_scholen):
        LeerlingtellingFactory(school=SchoolFactory(swv=personas.swv, kring=personas.kring))
    for _ in range(n_leerlingen):
        LeerlingFactory(school=personas.school_a)


@pytest.mark.parametrize(
    "persona", ["alice", "charlie", "dirk", "bert", "olga", "lotte", "carla", "bea", "tim", "anna"]
)
def test_home_register_and_pupil_list_use_a_bounded_number_of_queries(
    client, personas, persona, django_assert_max_num_queries
):
    _veel_data(personas, 3, 3)
    client.force_login(getattr(personas, persona))
    counts = {}
    for url in (reverse("home"), reverse("register"), reverse("leerlingen:lijst")):
        with django_assert_max_num_queries(20) as ctx:
            client.get(url)
        counts[url] = len(ctx.captured_queries)
    _veel_data(personas, 30, 40)
    for url in counts:
        with django_assert_max_num_queries(counts[url]):
            client.get(url)


def test_the_register_filters_and_answers_htmx_with_the_table_only(client, personas):
    SchoolFactory(swv=personas.swv, naam="SBO De Brug", sbo=True)
    client.force_login(personas.alice)
    response = client.get(reverse("register"), {"soort": "SBO"}, HTTP_HX_REQUEST="true")
    inhoud = response.content.decode()
    assert "SBO De Brug" in inhoud and "Basisschool A" not in inhoud and "<html" not in inhoud


def test_school_pages_use_public_uuids(client, personas):
    client.force_login(personas.alice)
    assert client.get(reverse("school_detail", args=[personas.school_b.uuid])).status_code == 200
    assert client.get(f"/scholen/{personas.school_b.pk}/").status_code == 404


@pytest.mark.worker
def test_the_health_page_checks_database_broker_and_worker(client, celery_worker):
    response = client.get(reverse("gezondheid"), {"format": "json"})
    data = response.json()
    assert response.status_code == 200, data
    assert data["status"] == "ok" and all(c["ok"] for c in data["checks"].values())


def test_the_health_page_reports_a_missing_worker(client, settings):
    from datetime import timedelta

    settings.HEALTH_WORKER_TIMEOUT = timedelta(seconds=1)
    response = client.get(reverse("gezondheid"), {"format": "json"})
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["ok"] is False


def test_a_deferred_panel_loads_with_its_own_request_and_only_for_its_roles(client, personas):
    paneel = reverse("paneel", args=["dossier_werklijst"])
    client.force_login(personas.alice)
    home = client.get(reverse("home")).content.decode()
    assert f'hx-get="{paneel}"' in home and 'aria-busy="true"' in home  # the home page shows its heading only
    assert f'href="{paneel}"' in home  # and a link for browsers without JavaScript
    fragment = client.get(paneel, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    assert "<html" in client.get(paneel).content.decode()
    assert client.get(reverse("paneel", args=["bestaat-niet"])).status_code == 404
    client.force_login(personas.olga)  # an OPR member has no worklist
    assert client.get(paneel).status_code == 404


@pytest.mark.parametrize("persona", ["alice", "charlie", "dirk", "carla"])
def test_deferred_panels_stay_within_the_query_budget(client, personas, persona, django_assert_max_num_queries):
    from swv.access import rollen
    from swv.home import _PANELEN

    _veel_data(personas, 3, 3)
    user = getattr(personas, persona)
    client.force_login(user)
    client.get(reverse("home"))
    uitgesteld = [p.naam for p in _PANELEN if p.uitgesteld and p.rollen & rollen(user)]
    assert uitgesteld
    for naam in uitgesteld:
        with django_assert_max_num_queries(20):
            assert client.get(reverse("paneel", args=[naam]), HTTP_HX_REQUEST="true").status_code == 200


def test_a_consulent_of_many_schools_sees_the_first_ones_and_a_link_to_the_register(client, personas):
    from swv.choices import Rol
    from swv.models import Lidmaatschap

    for i in range(14):
        Lidmaatschap.objects.create(
            gebruiker=personas.charlie,
            rol=Rol.CONSULENT,
            school=SchoolFactory(swv=personas.swv, naam=f"Extra school {i:02d}"),
        )
    client.force_login(personas.charlie)
    html = client.get(reverse("home")).content.decode()
    assert html.count("Extra school") <= 12 and "Alle scholen in het register" in html and "en nog" in html


def test_the_swv_panel_counts_schools_not_pupil_count_rows(client, personas):
    """A school with ten years of DUO counts is one school (the panel said 2.173 for 74 schools)."""
    from datetime import date

    from swv.selectors import register_lijst, swv_kerncijfers

    for jaar in (2022, 2023, 2024):
        school = SchoolFactory(swv=personas.swv, kring=personas.kring)
        for telling_jaar in range(2018, jaar + 1):
            LeerlingtellingFactory(school=school, teldatum=date(telling_jaar, 10, 1), aantal=100)
    cijfers = swv_kerncijfers(personas.dirk)
    actief = register_lijst(personas.dirk).filter(actief=True).count()
    assert cijfers["aantal_scholen"] == actief
    assert sum(r["aantal_scholen"] for r in cijfers["per_soort"]) == actief
    client.force_login(personas.dirk)
    inhoud = client.get(reverse("home")).content.decode()
    assert f'<span class="portaal-kengetal">{actief}</span>' in inhoud
