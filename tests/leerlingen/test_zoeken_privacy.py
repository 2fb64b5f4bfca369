"""Pupil search terms stay out of URLs, server logs and browser history; pages behind the login are
not cached (issue 13)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from swv.models import Toegangslog
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee(personas):
    return (
        LeerlingFactory(voornaam="Fenna", achternaam="Kramer", school=personas.school_a),
        LeerlingFactory(voornaam="Bram", achternaam="Visser", school=personas.school_a),
    )


def test_a_search_without_javascript_posts_and_redirects_to_a_url_without_the_name(client, personas, twee):
    client.force_login(personas.alice)
    response = client.post(reverse("leerlingen:lijst"), {"zoek": "Fenna Kramer", "groep": "5"})
    assert response.status_code == 302
    assert "Fenna" not in response.url and "Kramer" not in response.url and "zoek" not in response.url
    pagina = client.get(response.url).content.decode()
    assert "Kramer, Fenna" in pagina and "Visser, Bram" not in pagina
    assert 'value="Fenna Kramer"' in pagina  # the term is shown in the form, from the session
    assert "zoek=" not in pagina and "hx-push-url" not in pagina
    assert Toegangslog.objects.filter(gebeurtenis="leerlingen_gezocht", gebruiker=personas.alice).exists()


def test_an_htmx_search_answers_the_table_without_pushing_a_url(client, personas, twee):
    client.force_login(personas.alice)
    response = client.post(reverse("leerlingen:lijst"), {"zoek": "Visser"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "HX-Push-Url" not in response.headers and "HX-Replace-Url" not in response.headers
    tekst = response.content.decode()
    assert "Visser, Bram" in tekst and "Kramer, Fenna" not in tekst and "<html" not in tekst


def test_an_empty_term_clears_the_search_and_a_name_in_the_query_string_is_ignored(client, personas, twee):
    client.force_login(personas.alice)
    client.post(reverse("leerlingen:lijst"), {"zoek": "Visser"})
    client.post(reverse("leerlingen:lijst"), {"zoek": ""})
    pagina = client.get(reverse("leerlingen:lijst") + "?zoek=Visser").content.decode()
    assert "Kramer, Fenna" in pagina and "Visser, Bram" in pagina


def test_the_search_form_and_the_home_panel_post(client, personas):
    client.force_login(personas.alice)
    for url in (reverse("leerlingen:lijst"), reverse("home")):
        pagina = client.get(url).content.decode()
        assert 'method="get" action="/leerlingen/"' not in pagina
    assert 'method="post" action="/leerlingen/"' in client.get(reverse("leerlingen:lijst")).content.decode()


def test_pages_behind_the_login_are_not_stored(client, personas, twee):
    client.force_login(personas.alice)
    for url in (reverse("home"), reverse("leerlingen:lijst"), reverse("leerlingen:detail", args=[twee[0].uuid])):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response.headers["Cache-Control"], url
        assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    "route, gevonden",
    [
        ("leerlingen:dossier_lijst", None),
        ("leerlingen:thuiszitters", None),
        ("leerlingen:kies_leerling", "Kramer, Fenna"),
        ("arrangementen:lijst", None),
    ],
)
def test_every_pupil_name_search_posts_and_keeps_the_name_out_of_the_url(client, personas, twee, route, gevonden):
    client.force_login(personas.alice)
    url = reverse(route)
    pagina = client.get(url).content.decode()
    assert 'method="post"' in pagina and "hx-push-url" not in pagina
    response = client.post(url, {"zoek": "Fenna Kramer"})
    assert response.status_code == 302 and "Kramer" not in response.url and "zoek" not in response.url
    pagina = client.get(response.url).content.decode()
    assert "zoek=" not in pagina and 'value="Fenna Kramer"' in pagina
    if gevonden:
        assert gevonden in pagina and "Visser, Bram" not in pagina
    htmx = client.post(url, {"zoek": "Visser"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "HX-Push-Url" not in htmx.headers
