"""Searchable long selects (swv.formulieren.zoekkeuze): the plain select stays as the fallback, a
search box asks the one endpoint for the matching options of the same scoped queryset; the term is
POSTed (never in a URL) and a pupil search is access-logged."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from swv.models import Toegangslog
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

URL = reverse("zoekkeuze", args=["tlv-leerlingen"])


def _opties(html: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"', html)


def test_the_new_tlv_form_has_a_search_box_above_the_full_select(client, personas):
    leerlingen = [LeerlingFactory(school=personas.school_a) for _ in range(3)]
    client.force_login(personas.alice)
    html = client.get(reverse("tlv:nieuw")).content.decode()
    assert f'hx-post="{URL}"' in html and 'hx-params="zoek-leerling"' in html
    assert "hx-push-url" not in html and 'type="search"' in html
    # Without JavaScript the select still offers every pupil (the fallback).
    assert {str(l.pk) for l in leerlingen} <= set(_opties(html))


def test_the_endpoint_answers_the_matching_options_of_the_users_own_pupils(client, personas):
    kramer = LeerlingFactory(school=personas.school_a, voornaam="Fenna", achternaam="Kramer")
    LeerlingFactory(school=personas.school_a, voornaam="Ruben", achternaam="Steen")
    elders = LeerlingFactory(school=personas.school_b, voornaam="Fenna", achternaam="Kramer")
    client.force_login(personas.alice)
    response = client.post(URL, {"zoek-leerling": "fenna kram"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="id_leerling")
    assert response.status_code == 200
    html = response.content.decode()
    assert _opties(html) == ["", str(kramer.pk)]  # not Steen, not the pupil of school B
    assert str(elders.pk) not in html
    assert 'id="id_leerling-status"' in html and "1 resultaat" in html
    client.force_login(personas.bob)
    assert _opties(client.post(URL, {"zoek-leerling": "Kramer"}).content.decode()) == ["", str(elders.pk)]


def test_a_long_result_is_cut_with_a_hint(client, personas):
    for _ in range(53):
        LeerlingFactory(school=personas.school_a, achternaam="Jansen")
    client.force_login(personas.alice)
    html = client.post(URL, {"zoek-leerling": "jans"}).content.decode()
    assert len(_opties(html)) == 51 and "typ verder" in html


def test_the_search_is_access_logged_without_the_term(client, personas):
    LeerlingFactory(school=personas.school_a, achternaam="Kramer")
    client.force_login(personas.alice)
    client.post(URL, {"zoek-leerling": "Kramer"})
    log = Toegangslog.objects.filter(gebeurtenis="leerlingen_gezocht").get()
    assert "Kramer" not in str(log.__dict__)


def test_the_endpoint_refuses_the_wrong_method_unknown_sources_and_anonymous_users(client, personas):
    client.force_login(personas.alice)
    assert client.get(URL + "?zoek-leerling=Kramer").status_code == 405
    assert client.post(reverse("zoekkeuze", args=["bestaat-niet"]), {"zoek-leerling": "x"}).status_code == 404
    client.logout()
    response = client.post(URL, {"zoek-leerling": "Kramer"})
    assert response.status_code == 302 and "login" in response["Location"]


def test_someone_without_pupils_finds_nothing(client, personas):
    LeerlingFactory(school=personas.school_a, achternaam="Kramer")
    client.force_login(personas.olga)
    assert _opties(client.post(URL, {"zoek-leerling": "Kramer"}).content.decode()) == [""]


def test_the_school_source_answers_uuids_like_the_fields_it_feeds(client, personas):
    from tests.factories import SchoolFactory

    regenboog = SchoolFactory(swv=personas.swv, naam="De Regenboog")
    client.force_login(personas.alice)
    html = client.post(reverse("zoekkeuze", args=["scholen"]), {"zoek-andere_school": "regenb"}).content.decode()
    assert _opties(html) == ["", str(regenboog.uuid)]


def test_a_field_whose_values_differ_from_the_source_is_refused():
    from django import forms

    from swv.formulieren import zoekkeuze
    from swv.models import School

    class F(forms.Form):
        school = forms.ModelChoiceField(queryset=School.objects.all())  # values are pks, the source gives uuids

    with pytest.raises(TypeError):
        zoekkeuze(F(), "school", bron="scholen", user=None)
