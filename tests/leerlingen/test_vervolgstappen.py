"""After an MDO whose outcome is "arrangement request" or "TLV proposal" the MDO page offers that
next step, prefilled with the MDO and the pupil; the child's voice of the MDO starts the request."""

from __future__ import annotations

import pytest
from django.urls import reverse

from leerlingen.choices import Uitkomstsoort
from leerlingen.services import dossier as dossier_services
from leerlingen.vervolgstappen import vervolgstappen
from tests.arrangementen.factories import AanvraagFactory, ArrangementtypeFactory
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import MDOFactory
from tests.tlv.factories import TLVFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(personas):
    return dossier_services.dossier_openen(
        door=personas.alice, leerling=LeerlingFactory(school=personas.school_a), aanleiding="Zorgen"
    )


def _pagina(client, user, mdo) -> str:
    client.force_login(user)
    response = client.get(reverse("leerlingen:mdo_detail", args=[mdo.uuid]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_arrangement_outcome_offers_the_request_form_with_the_childs_voice(client, personas, dossier):
    ArrangementtypeFactory()
    mdo = MDOFactory(dossier=dossier, gehouden=True, uitkomst=Uitkomstsoort.ARRANGEMENTAANVRAAG)
    uitkomst = mdo.uitkomsten.get()
    html = _pagina(client, personas.alice, mdo)
    url = reverse("arrangementen:aanvraag_nieuw", args=[dossier.leerling.uuid]) + f"?uitkomst={uitkomst.uuid}"
    assert "Volgende stap" in html and f'href="{url}"' in html and "Arrangementaanvraag starten" in html
    formulier = client.get(url)
    assert formulier.status_code == 200
    tekst = formulier.content.decode()
    # The child's voice recorded at the MDO (the factory's) is the initial child's view.
    assert "Wat het kind zei: Lezen is moeilijk" in tekst and "Wat het kind wil: Hulp in de klas" in tekst


def test_a_tlv_outcome_offers_a_new_tlv_request_for_the_pupil(client, personas, dossier):
    mdo = MDOFactory(dossier=dossier, gehouden=True, uitkomst=Uitkomstsoort.TLV_VOORSTEL)
    html = _pagina(client, personas.alice, mdo)
    url = reverse("tlv:nieuw") + f"?mdo={mdo.uuid}"
    assert f'href="{url}"' in html and "TLV-aanvraag starten" in html
    formulier = client.get(url).content.decode()
    assert f'value="{dossier.leerling.pk}" selected' in formulier or f'value="{dossier.leerling.uuid}"' in formulier


def test_once_the_step_is_taken_the_page_links_to_what_it_made(client, personas, dossier):
    mdo = MDOFactory(dossier=dossier, gehouden=True, uitkomst=Uitkomstsoort.ARRANGEMENTAANVRAAG)
    aanvraag = AanvraagFactory(school=personas.school_a, leerling=dossier.leerling, mdo_uitkomst=mdo.uitkomsten.get())
    html = _pagina(client, personas.alice, mdo)
    assert reverse("arrangementen:detail", args=[aanvraag.uuid]) in html
    assert "Arrangementaanvraag starten" not in html
    tlv_mdo = MDOFactory(dossier=dossier, gehouden=True, uitkomst=Uitkomstsoort.TLV_VOORSTEL)
    tlv = TLVFactory(leerling=dossier.leerling, aanvragende_school=personas.school_a, mdo=tlv_mdo)
    html = _pagina(client, personas.alice, tlv_mdo)
    assert tlv.get_absolute_url() in html and "TLV-aanvraag starten" not in html


def test_no_step_for_a_planned_meeting_or_another_outcome(personas, dossier):
    gepland = MDOFactory(dossier=dossier)
    assert vervolgstappen(gepland, [], personas.alice) == []
    anders = MDOFactory(dossier=dossier, gehouden=True, uitkomst=Uitkomstsoort.JEUGDHULP)
    assert vervolgstappen(anders, list(anders.uitkomsten.all()), personas.alice) == []


@pytest.mark.parametrize("wie", ["dirk", "charlie", "lotte"])
def test_only_who_may_start_the_request_gets_the_button(personas, dossier, wie):
    for soort in (Uitkomstsoort.ARRANGEMENTAANVRAAG, Uitkomstsoort.TLV_VOORSTEL):
        mdo = MDOFactory(dossier=dossier, gehouden=True, uitkomst=soort)
        stappen = vervolgstappen(mdo, list(mdo.uitkomsten.all()), getattr(personas, wie))
        assert not [s for s in stappen if not s.gedaan]
