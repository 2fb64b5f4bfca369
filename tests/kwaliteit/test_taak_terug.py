"""A finished job's page leads back to what it belongs to (swv.taken: ``taaksoort(..., terug=)``):
the jaarverslag job to the report, where it is adopted and published."""

from __future__ import annotations

import pytest
from django.urls import reverse

from swv import taken
from swv.models import Taak

pytestmark = pytest.mark.django_db


def test_the_finished_jaarverslag_job_leads_to_the_report_to_adopt_and_publish(client, personas, jaarverslag):
    assert jaarverslag.taak.status == Taak.Status.KLAAR
    client.force_login(personas.dirk)
    html = client.get(reverse("taak_detail", args=[jaarverslag.taak.uuid])).content.decode()
    url = reverse("kwaliteit:verslag", args=[jaarverslag.rapport.uuid])
    assert f'href="{url}"' in html and "Naar het verslag: controleren, vaststellen en publiceren" in html
    assert client.get(url).status_code == 200


def test_a_job_kind_without_a_way_back_shows_none(client, personas, monkeypatch):
    monkeypatch.setattr(taken, "_REGISTER", dict(taken._REGISTER))
    taken.taaksoort("test_zonder_terug")(lambda taak, voortgang: ("x.txt", b"x"))
    taak = Taak.objects.create(soort="test_zonder_terug", omschrijving="Test", aangevraagd_door=personas.dirk)
    assert taken.terug_naar(taak) is None
    client.force_login(personas.dirk)
    assert client.get(reverse("taak_detail", args=[taak.uuid])).status_code == 200


def test_every_report_job_of_a_page_names_its_way_back():
    for soort in ("kwaliteit_jaarverslag", "kwaliteit_jaarplan", "tlv_besluitbrief"):
        assert taken.get_taaksoort(soort).terug is not None
