"""Irreversible acts ask for confirmation and say what cannot be undone (swv.generiek.ActieView
``onomkeerbaar``): one pattern for adopting an OPP or a report, publishing and deciding."""

from __future__ import annotations

import pytest
from django.urls import reverse

from arrangementen.views.aanvraag import BesluitView
from kwaliteit.views.verslagen import VersiePublicerenView, VersieVaststellenView
from leerlingen.choices import OPPStatus
from leerlingen.models import OPPVersie
from leerlingen.services import dossier as dossier_services
from leerlingen.services import opp as opp_services
from leerlingen.views.mdo import OPPVaststellenView
from tests.leerlingen.factories import LeerlingFactory
from tlv.views.aanvraag import BesluitenView

pytestmark = pytest.mark.django_db

BEVESTIGD = {"onomkeerbaar_getoond": "1", "onomkeerbaar_bevestigd": "on"}


@pytest.fixture
def oppversie(personas):
    dossier = dossier_services.dossier_openen(
        door=personas.alice, leerling=LeerlingFactory(school=personas.school_a), aanleiding="Zorgen"
    )
    return opp_services.opp_versie_opstellen(
        door=personas.alice, dossier=dossier, uitstroomniveau="vmbo_basis", doelen="Lezen", handelingsdeel="RT"
    )


def test_every_irreversible_act_names_its_consequence():
    for view in (OPPVaststellenView, VersieVaststellenView, VersiePublicerenView, BesluitenView, BesluitView):
        assert str(view.onomkeerbaar), view


def test_the_adopt_button_first_shows_the_consequence_and_adopts_only_when_confirmed(client, personas, oppversie):
    url = reverse("leerlingen:opp_vaststellen", args=[oppversie.uuid])
    client.force_login(personas.alice)
    for antwoord in (client.get(url), client.post(url)):  # from the OPP page: the confirmation step
        html = antwoord.content.decode()
        assert antwoord.status_code == 200
        assert "Ik begrijp dat dit niet ongedaan kan worden" in html and "kan niet meer worden gewijzigd" in html
        assert "Bevestig dat u" not in html  # no error before the user had a chance
    assert OPPVersie.objects.get(pk=oppversie.pk).status == OPPStatus.CONCEPT
    niet_aangevinkt = client.post(url, {"onomkeerbaar_getoond": "1"})
    assert niet_aangevinkt.status_code == 422 and "Bevestig dat u begrijpt" in niet_aangevinkt.content.decode()
    assert OPPVersie.objects.get(pk=oppversie.pk).status == OPPStatus.CONCEPT
    assert client.post(url, BEVESTIGD).status_code == 302
    assert OPPVersie.objects.get(pk=oppversie.pk).status == OPPStatus.VASTGESTELD


def test_the_confirmation_page_is_404_outside_the_scope(client, personas, oppversie):
    client.force_login(personas.bob)
    url = reverse("leerlingen:opp_vaststellen", args=[oppversie.uuid])
    assert client.get(url).status_code == 404
    assert client.post(url, BEVESTIGD).status_code == 404
    assert OPPVersie.objects.get(pk=oppversie.pk).status == OPPStatus.CONCEPT


def test_a_button_without_consequence_still_answers_a_get_with_405(client, personas):
    from tests.arrangementen.factories import AanvraagFactory

    aanvraag = AanvraagFactory(school=personas.school_a)
    client.force_login(personas.alice)
    assert client.get(reverse("arrangementen:indienen", args=[aanvraag.uuid])).status_code == 405
