"""Unread notifications of all apps are counted in one query and kept on the request."""

from __future__ import annotations

from django.test import RequestFactory
from django.utils import timezone

from arrangementen.models import Melding as Arrangementmelding
from leerlingen.models import Melding as Leerlingmelding
from swv.meldingen import ongelezen
from tests.arrangementen.factories import AanvraagFactory
from tests.tlv.factories import TLVFactory
from tlv.models import TLVMelding


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_every_apps_unread_notifications_in_one_query(personas, django_assert_num_queries):
    alice, bob = personas.alice, personas.bob
    Leerlingmelding.objects.create(ontvanger=alice, titel="Termijn", link="/x/")
    Leerlingmelding.objects.create(ontvanger=alice, titel="Gelezen", link="/y/", gelezen_op=timezone.now())
    Leerlingmelding.objects.create(ontvanger=bob, titel="Van een ander", link="/z/")
    aanvraag = AanvraagFactory(school=personas.school_a)
    for i in range(2):
        Arrangementmelding.objects.create(ontvanger=alice, aanvraag=aanvraag, soort="ingediend", sleutel=f"test:{i}")
    TLVMelding.objects.create(ontvanger=bob, tlv=TLVFactory(), soort="ingediend", sleutel="test:bob")

    request = _request(alice)
    with django_assert_num_queries(1):
        aantallen = {naam: ongelezen(request, naam) for naam in ("leerlingen", "arrangementen", "tlv", "onbekend")}
    assert aantallen == {"leerlingen": 1, "arrangementen": 2, "tlv": 0, "onbekend": 0}
    assert ongelezen(_request(bob), "tlv") == 1


def test_an_anonymous_visitor_has_no_notifications():
    from django.contrib.auth.models import AnonymousUser

    assert ongelezen(_request(AnonymousUser()), "leerlingen") == 0  # no database access (no db fixture)
