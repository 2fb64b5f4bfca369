"""The logbook with the school (issue 14): who reads which message."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from leerlingen.models import Logboekbericht
from leerlingen.services.ouders import logboek_schrijven
from tests.beperkingen import schendt

pytestmark = pytest.mark.django_db


def _zichtbaar(user, kind):
    return set(Logboekbericht.objects.visible_to(user).filter(leerling=kind).values_list("tekst", flat=True))


def test_the_logbook_visibility_rules(gezin):
    logboek_schrijven(door=gezin.alice, leerling=gezin.kind_a, tekst="School: goede week gehad.")
    logboek_schrijven(door=gezin.ouder, leerling=gezin.kind_a, tekst="Moeder: slecht geslapen.")
    logboek_schrijven(door=gezin.ouder, leerling=gezin.kind_a, tekst="Moeder: alleen voor school.", alleen_school=True)
    alles = {"School: goede week gehad.", "Moeder: slecht geslapen.", "Moeder: alleen voor school."}
    assert _zichtbaar(gezin.alice, gezin.kind_a) == alles
    assert _zichtbaar(gezin.ouder, gezin.kind_a) == alles
    assert _zichtbaar(gezin.vader, gezin.kind_a) == alles - {"Moeder: alleen voor school."}
    assert _zichtbaar(gezin.ouder2, gezin.kind_a) == set()
    assert _zichtbaar(gezin.bob, gezin.kind_a) == set()


def test_strangers_cannot_write_and_the_school_cannot_hide_a_message_from_parents(gezin):
    for vreemde in (gezin.ouder2, gezin.bob):
        with pytest.raises(PermissionDenied):
            logboek_schrijven(door=vreemde, leerling=gezin.kind_a, tekst="Hallo")
    bericht = logboek_schrijven(door=gezin.alice, leerling=gezin.kind_a, tekst="Voor ouders", alleen_school=True)
    assert not bericht.alleen_school
    with schendt("logboek_alleen_school_van_ouder"):
        Logboekbericht.objects.filter(pk=bericht.pk).update(alleen_school=True)


def test_parent_and_school_write_through_their_pages(client, gezin):
    client.force_login(gezin.ouder)
    url = reverse("leerlingen:ouders_logboek", args=[gezin.kind_a.uuid])
    assert client.post(url, {"tekst": " "}).status_code == 422
    assert client.post(url, {"tekst": "Vraag over huiswerk", "alleen_school": "on"}).status_code == 302
    assert (
        "Vraag over huiswerk"
        in client.get(reverse("leerlingen:ouders_kind", args=[gezin.kind_a.uuid])).content.decode()
    )
    client.force_login(gezin.alice)
    staf_url = reverse("leerlingen:logboek", args=[gezin.kind_a.uuid])
    assert "Vraag over huiswerk" in client.get(staf_url).content.decode()
    assert client.post(staf_url, {"tekst": "Antwoord van school"}).status_code == 302
    client.force_login(gezin.vader)
    html = client.get(reverse("leerlingen:ouders_kind", args=[gezin.kind_a.uuid])).content.decode()
    assert "Antwoord van school" in html and "Vraag over huiswerk" not in html
    client.force_login(gezin.bob)
    assert client.get(staf_url).status_code == 404
