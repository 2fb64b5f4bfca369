"""One case overview per pupil: every part of the case (registered by the apps), each with its
status and next deadline, scoped per user, with a fixed query budget; the pupil page links every
arrangement request and TLV."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from arrangementen.models import Aanvraag
from leerlingen import overzicht as overzicht_module
from leerlingen.choices import OPPStatus
from leerlingen.overzicht import OverzichtRegel, overzicht, overzichtonderdelen, registreer_overzichtbron
from leerlingen.services import dossier as dossier_services
from tests.arrangementen.factories import AanvraagFactory
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import (
    AfspraakFactory,
    DocumentFactory,
    InstemmingFactory,
    MDOFactory,
    OPPVersieFactory,
)
from tests.leerlingen.factories_thuiszitters import ThuiszittercasusFactory, ZorgplichtcasusFactory
from tests.tlv.factories import TLVFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(personas):
    return dossier_services.dossier_openen(
        door=personas.alice, leerling=LeerlingFactory(school=personas.school_a), aanleiding="Zorgen"
    )


def _vul(dossier, personas, n: int) -> None:
    """``n`` of every kind of thing in the pupil's case."""
    leerling = dossier.leerling
    InstemmingFactory(versie__dossier=dossier)
    for i in range(n):
        MDOFactory(dossier=dossier, gehouden=True)
        AfspraakFactory(dossier=dossier)
        DocumentFactory(dossier=dossier)
        OPPVersieFactory(
            dossier=dossier, versienummer=i + 2, status=OPPStatus.VERVANGEN, vastgesteld_op=date(2025, 1, 1)
        )
        AanvraagFactory(school=personas.school_a, leerling=leerling, toegekend=True)
        TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, actief=i == 0, geweigerd=i > 0)
        ThuiszittercasusFactory(school=personas.school_a, leerling=leerling, afgesloten=True)
        ZorgplichtcasusFactory(school=personas.school_a, leerling=leerling)
    MDOFactory(dossier=dossier)  # planned: its date is a deadline


def test_every_part_of_the_case_is_registered_in_page_order():
    assert overzichtonderdelen() == [
        "dossier",
        "mdo",
        "opp",
        "arrangementen",
        "tlv",
        "thuiszitters",
        "brieven",
        "documenten",
    ]


def test_the_overview_shows_each_part_with_status_and_next_deadline(personas, dossier):
    _vul(dossier, personas, 1)
    tlv_lopend = TLVFactory(leerling=dossier.leerling, aanvragende_school=personas.school_a, ingediend=True)
    onderdelen = {o.sleutel: o for o in overzicht(dossier.leerling, personas.alice)}
    assert all(onderdelen[s].regels for s in ("dossier", "mdo", "opp", "arrangementen", "tlv", "thuiszitters"))
    assert len(onderdelen["documenten"].regels) == 1
    morgen = timezone.localdate() + timedelta(days=1)
    assert onderdelen["mdo"].volgende_termijn == morgen  # the planned meeting
    tlv_regel = next(r for r in onderdelen["tlv"].regels if r.url == tlv_lopend.get_absolute_url())
    assert tlv_regel.status == "ingediend" and tlv_regel.termijn_label == "besluit"
    assert tlv_regel.termijn is not None and tlv_regel.termijn > timezone.localdate()
    aanvraag_regel = onderdelen["arrangementen"].regels[0]
    assert aanvraag_regel.status == "toegekend" and aanvraag_regel.termijn_label == "evaluatie"
    assert onderdelen["dossier"].regels[0].termijn_label.startswith("afspraak: ")
    assert any("ouders: ingestemd op 02-10-2024" in r.status for r in onderdelen["opp"].regels)


def test_the_page_lists_and_links_every_part(client, personas, dossier):
    _vul(dossier, personas, 1)
    client.force_login(personas.alice)
    response = client.get(reverse("leerlingen:overzicht", args=[dossier.leerling.uuid]))
    assert response.status_code == 200
    html = response.content.decode()
    for kop in ("Ondersteuningsdossier", "MDO- en OT-overleggen", "Arrangementaanvragen", "TLV&#x27;s", "Documenten"):
        assert kop in html
    for aanvraag in Aanvraag.objects.filter(leerling=dossier.leerling):
        assert reverse("arrangementen:detail", args=[aanvraag.uuid]) in html
    for tlv in dossier.leerling.tlvs.all():
        assert tlv.get_absolute_url() in html


def test_the_pupil_page_links_every_request_and_tlv_and_the_overview(client, personas, dossier):
    aanvragen = [AanvraagFactory(school=personas.school_a, leerling=dossier.leerling) for _ in range(2)]
    tlv = TLVFactory(leerling=dossier.leerling, aanvragende_school=personas.school_a, ingediend=True)
    client.force_login(personas.alice)
    html = client.get(reverse("leerlingen:detail", args=[dossier.leerling.uuid])).content.decode()
    for a in aanvragen:
        assert reverse("arrangementen:detail", args=[a.uuid]) in html
    assert tlv.get_absolute_url() in html
    assert reverse("leerlingen:overzicht", args=[dossier.leerling.uuid]) in html


@pytest.mark.parametrize("wie", ["bob", "olga", "beheer", "carla", "bert"])
def test_others_get_exactly_404(client, personas, dossier, wie):
    _vul(dossier, personas, 1)
    client.force_login(getattr(personas, wie))
    response = client.get(reverse("leerlingen:overzicht", args=[dossier.leerling.uuid]))
    assert response.status_code == 404


def test_an_unknown_pupil_is_404_and_anonymous_goes_to_login(client, personas, dossier):
    client.force_login(personas.alice)
    assert client.get(reverse("leerlingen:overzicht", args=[personas.alice.uuid])).status_code == 404
    client.logout()
    response = client.get(reverse("leerlingen:overzicht", args=[dossier.leerling.uuid]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_each_part_shows_only_what_the_user_may_see(personas, dossier):
    """A source starts from visible_to: a request of another school is not on alice's overview."""
    elders = AanvraagFactory(school=personas.school_b, leerling=dossier.leerling)
    onderdelen = {o.sleutel: o for o in overzicht(dossier.leerling, personas.alice)}
    assert onderdelen["arrangementen"].regels == []
    assert onderdelen["dossier"].regels  # alice's own dossier
    van_bob = {o.sleutel: o.regels for o in overzicht(dossier.leerling, personas.bob)}
    assert [r.titel.split(":")[0] for r in van_bob.pop("arrangementen")] == [elders.nummer]
    assert not any(van_bob.values())


def test_viewing_the_overview_is_access_logged(client, personas, dossier):
    from swv.models import Toegangslog

    client.force_login(personas.alice)
    voor = Toegangslog.objects.count()
    client.get(reverse("leerlingen:overzicht", args=[dossier.leerling.uuid]))
    assert Toegangslog.objects.count() == voor + 1


@pytest.mark.parametrize("aantal", [1, 4])
def test_the_overview_has_a_fixed_query_budget(client, personas, dossier, aantal, django_assert_max_num_queries):
    _vul(dossier, personas, aantal)
    client.force_login(personas.alice)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("leerlingen:overzicht", args=[dossier.leerling.uuid]))
    assert response.status_code == 200


def test_another_app_adds_a_part_without_changing_this_app(personas, dossier, monkeypatch):
    monkeypatch.setattr(overzicht_module, "_ONDERDELEN", dict(overzicht_module._ONDERDELEN))

    @registreer_overzichtbron("extra", "Extra", volgorde=1)
    def extra(leerling, user):
        yield OverzichtRegel(titel="Iets", url="/x/", status="open", termijn=timezone.localdate() - timedelta(days=1))

    registreer_overzichtbron("extra", "Extra")(extra)  # registering twice is a no-op
    eerste = overzicht(dossier.leerling, personas.alice)[0]
    assert eerste.sleutel == "extra" and len(eerste.regels) == 1 and eerste.regels[0].termijn_verstreken


def test_the_number_of_queries_does_not_grow_with_the_case(client, personas, dossier):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("leerlingen:overzicht", args=[dossier.leerling.uuid])
    client.force_login(personas.alice)
    _vul(dossier, personas, 1)
    with CaptureQueriesContext(connection) as een:
        client.get(url)
    for _ in range(3):
        MDOFactory(dossier=dossier, gehouden=True)
        DocumentFactory(dossier=dossier)
        AanvraagFactory(school=personas.school_a, leerling=dossier.leerling, ingediend=True)
        TLVFactory(leerling=dossier.leerling, aanvragende_school=personas.school_a, geweigerd=True)
    with CaptureQueriesContext(connection) as meer:
        client.get(url)
    assert len(meer) == len(een)
