"""The one action view (``swv.generiek``): the same answers in every app.

422 for an invalid form, the domain error on the form (422, 409 for a concurrent edit), 405 with
``Allow: POST`` for a GET on a button, 404 outside the scope or without the role, a redirect with
a message on success.
"""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.urls import path

from swv.choices import Rol
from swv.fouten import DomeinFout, GelijktijdigeWijziging
from swv.generiek import ActieView, RolVereistMixin, ScopedDetailView
from swv.models import School
from swv.urls import urlpatterns as portaal_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

GELUKT = "/gelukt/"


class NaamForm(forms.Form):
    naam = forms.CharField()


class SchoolHernoemen(ActieView):
    """Only a beheerder may change a school (``School.objects.visible_to(user, "change")``)."""

    model = School
    form_class = NaamForm
    titel = "Hernoemen"
    succes_bericht = "Hernoemd."

    def uitvoeren(self, form):
        naam = form.cleaned_data["naam"]
        if naam == "veld":
            raise DomeinFout({"naam": "Deze naam is bezet."})
        if naam == "algemeen":
            raise DomeinFout("Nu even niet.")
        if naam == "botsing":
            raise GelijktijdigeWijziging
        School.objects.filter(pk=self.object.pk).update(naam=naam)
        return GELUKT


class SchoolKnop(ActieView):
    model = School
    alleen_post = True
    succes_bericht = "Gedaan."

    def uitvoeren(self, form):
        if self.request.POST.get("weiger"):
            raise DomeinFout("Nu even niet.")

    def terug_url(self):
        return "/school/"


class AlleenBeheer(RolVereistMixin, ScopedDetailView):
    model = School
    rollen = (Rol.BEHEERDER,)
    template_name = "swv/formulier.html"


urlpatterns = [
    path("t/<uuid:uuid>/hernoemen/", SchoolHernoemen.as_view(), name="t_hernoemen"),
    path("t/<uuid:uuid>/knop/", SchoolKnop.as_view(), name="t_knop"),
    path("t/<uuid:uuid>/", AlleenBeheer.as_view(), name="t_detail"),
    *portaal_urls,
]


def _berichten(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_get_shows_the_form(client, personas):
    client.force_login(personas.beheer)
    response = client.get(f"/t/{personas.school_a.uuid}/hernoemen/")
    assert response.status_code == 200
    assert response.context["form"].is_bound is False
    assert response.context["object"] == personas.school_a


def test_success_redirects_with_the_message(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/hernoemen/", {"naam": "Nieuwe naam"})
    assert response.status_code == 302
    assert response["Location"] == GELUKT
    assert _berichten(response) == ["Hernoemd."]
    personas.school_a.refresh_from_db()
    assert personas.school_a.naam == "Nieuwe naam"


def test_an_invalid_form_answers_422_and_saves_nothing(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/hernoemen/", {"naam": ""})
    assert response.status_code == 422
    assert response.context["form"].errors["naam"]
    personas.school_a.refresh_from_db()
    assert personas.school_a.naam == "Basisschool A"


def test_a_domain_error_about_a_field_goes_to_that_field_with_422(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/hernoemen/", {"naam": "veld"})
    assert response.status_code == 422
    assert response.context["form"].errors == {"naam": ["Deze naam is bezet."]}


def test_a_domain_error_for_the_whole_form_goes_to_the_error_summary(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/hernoemen/", {"naam": "algemeen"})
    assert response.status_code == 422
    assert response.context["form"].non_field_errors() == ["Nu even niet."]
    assert "Nu even niet." in response.content.decode()


def test_a_concurrent_edit_answers_409_with_its_message(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/hernoemen/", {"naam": "botsing"})
    assert response.status_code == 409
    assert response.context["form"].non_field_errors() == [str(GelijktijdigeWijziging.standaard_bericht)]


@pytest.mark.parametrize("methode", ["get", "post"])
def test_outside_the_scope_answers_404(client, personas, methode):
    # An ib-er may view a school but not change it: the "change" queryset is empty for her.
    client.force_login(personas.alice)
    response = getattr(client, methode)(f"/t/{personas.school_a.uuid}/hernoemen/", {"naam": "x"})
    assert response.status_code == 404
    personas.school_a.refresh_from_db()
    assert personas.school_a.naam == "Basisschool A"


def test_an_unknown_or_malformed_id_answers_404(client, personas):
    client.force_login(personas.beheer)
    assert client.get("/t/00000000-0000-0000-0000-000000000000/hernoemen/").status_code == 404


def test_anonymous_users_go_to_the_login_page(client, personas):
    response = client.get(f"/t/{personas.school_a.uuid}/hernoemen/")
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_get_on_a_button_answers_405_with_allow_post(client, personas):
    client.force_login(personas.beheer)
    response = client.get(f"/t/{personas.school_a.uuid}/knop/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_a_button_redirects_with_the_success_message(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/knop/")
    assert response.status_code == 302
    assert response["Location"] == "/school/"
    assert _berichten(response) == ["Gedaan."]


def test_a_refused_button_returns_with_the_error_as_a_message(client, personas):
    client.force_login(personas.beheer)
    response = client.post(f"/t/{personas.school_a.uuid}/knop/", {"weiger": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/school/"
    assert _berichten(response) == ["Nu even niet."]


def test_a_button_outside_the_scope_answers_404(client, personas):
    client.force_login(personas.alice)
    assert client.post(f"/t/{personas.school_a.uuid}/knop/").status_code == 404


def test_a_page_for_a_role_answers_404_to_other_roles(client, personas):
    client.force_login(personas.alice)
    assert client.get(f"/t/{personas.school_a.uuid}/").status_code == 404
    client.force_login(personas.beheer)
    response = client.get(f"/t/{personas.school_a.uuid}/")
    assert response.status_code == 200
    assert response.context["object"] == personas.school_a
