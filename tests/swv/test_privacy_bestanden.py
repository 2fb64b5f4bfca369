"""Generated files with pupil data (issue 13): served only within the pupil's current scope (or the
export's current right), never because "you requested it", and every download is access-logged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from swv.models import Lidmaatschap, Taak, Toegangslog
from tests.leerlingen.factories import LeerlingFactory
from tests.tlv.factories import TLVFactory

pytestmark = pytest.mark.django_db


def _klare_taak(soort: str, door, parameters: dict) -> Taak:
    taak = Taak.objects.create(
        soort=soort, omschrijving="x", aangevraagd_door=door, parameters=parameters, status=Taak.Status.KLAAR
    )
    taak.bestand.save("brief.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    taak.bestandsnaam = "brief.pdf"
    taak.save()
    return taak


def _rol_beeindigen(user) -> None:
    Lidmaatschap.objects.filter(gebruiker=user).update(einddatum=timezone.localdate() - timedelta(days=1))


def test_a_tlv_letter_is_served_within_scope_and_logged_with_the_pupil(client, personas):
    leerling = LeerlingFactory(school=personas.school_a)
    tlv = TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, ingediend=True)
    taak = _klare_taak("tlv_besluitbrief", personas.alice, {"tlv": str(tlv.uuid)})
    client.force_login(personas.alice)
    response = client.get(reverse("taak_download", args=[taak.uuid]))
    assert response.status_code == 200
    rij = Toegangslog.objects.get(gebeurtenis="document_gedownload")
    assert rij.leerling_uuid == leerling.uuid and rij.object_uuid == tlv.uuid and rij.gebruiker == personas.alice


def test_the_requester_who_lost_the_pupil_gets_404_for_the_letter(client, personas):
    tlv = TLVFactory(leerling=LeerlingFactory(school=personas.school_a), aanvragende_school=personas.school_a)
    taak = _klare_taak("tlv_besluitbrief", personas.alice, {"tlv": str(tlv.uuid)})
    _rol_beeindigen(personas.alice)
    client.force_login(personas.alice)
    assert client.get(reverse("taak_download", args=[taak.uuid])).status_code == 404
    assert client.get(reverse("taak_detail", args=[taak.uuid])).status_code == 404
    assert not Toegangslog.objects.filter(gebeurtenis="document_gedownload").exists()


def test_a_letter_of_another_schools_pupil_is_404_even_for_its_requester(client, personas):
    tlv = TLVFactory(leerling=LeerlingFactory(school=personas.school_b), aanvragende_school=personas.school_b)
    taak = _klare_taak("tlv_besluitbrief", personas.alice, {"tlv": str(tlv.uuid)})
    client.force_login(personas.alice)
    assert client.get(reverse("taak_download", args=[taak.uuid])).status_code == 404


def test_a_pupil_export_is_served_while_the_right_lasts_and_logged(client, personas):
    taak = _klare_taak("thuiszitters_excel", personas.alice, {"datum": "2026-01-01"})
    client.force_login(personas.alice)
    assert client.get(reverse("taak_download", args=[taak.uuid])).status_code == 200
    assert (
        Toegangslog.objects.filter(gebeurtenis="thuiszitters_excel_gedownload", gebruiker=personas.alice).count() == 1
    )
    _rol_beeindigen(personas.alice)
    assert client.get(reverse("taak_download", args=[taak.uuid])).status_code == 404
