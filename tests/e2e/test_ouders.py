"""Browser journeys of issue 14: the ib-er invites a parent from the pupil's page and shares a
section; a parent on a phone-sized screen reads what is shared, consents to the OPP and gives their
view on a TLV request. axe-core on every page."""

from __future__ import annotations

import pytest

from leerlingen.models import OPPInstemming, OuderKoppeling
from tests.e2e.conftest import axe_check, inloggen
from tests.leerlingen import factories_ouders
from tests.tlv.factories import TLVFactory
from tlv.models import TLV

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

gezin = factories_ouders.gezin  # the parents' portal world (a fixture)

TELEFOON = {"width": 375, "height": 740}


def test_the_ib_er_invites_a_parent_from_the_pupils_page(page, gezin, mailoutbox):
    inloggen(page, gezin.alice)
    page.goto(f"/leerlingen/{gezin.kind_a.uuid}/")
    page.get_by_role("heading", name="Ouders in het ouderportaal").wait_for()
    axe_check(page, context="(pupil with parents)")
    page.get_by_role("link", name="Ouder uitnodigen").click()
    axe_check(page, context="(invite form)")
    page.get_by_label("Voornaam van de ouder").fill("Fatima")
    page.get_by_label("Achternaam van de ouder").fill("El Amrani")
    page.get_by_label("E-mailadres van de ouder").fill("fatima@example.nl")
    page.get_by_label("Nee").check()
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.get_by_text("Een ouder zonder gezag krijgt alleen toegang met een reden").first.wait_for()
    axe_check(page, context="(invite form with error)")
    assert not OuderKoppeling.objects.filter(ouder__email="fatima@example.nl").exists()
    page.get_by_label("Ja", exact=True).check()
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.get_by_text("De ouder is uitgenodigd.").wait_for()
    assert OuderKoppeling.objects.filter(ouder__email="fatima@example.nl", gezag=True).exists()
    page.get_by_text("Fatima El Amrani").wait_for()


def test_a_parent_on_a_phone_consents_and_gives_a_view(page, gezin):
    tlv = TLVFactory(leerling=gezin.kind_a, aanvragende_school=gezin.school_a, aangemaakt_door=gezin.alice)
    page.set_viewport_size(TELEFOON)
    inloggen(page, gezin.ouder)
    page.get_by_role("heading", name="Ouderportaal").wait_for()
    axe_check(page, context="(parent home)")
    page.get_by_role("link", name="Sam Jansen").click()
    page.get_by_text("Sam heeft baat bij korte instructie.").wait_for()
    assert page.get_by_text("Interne werkaantekening.").count() == 0
    axe_check(page, context="(child page)")
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= TELEFOON["width"], "the child's page scrolls sideways on a phone"

    page.get_by_role("link", name="Geef uw antwoord op dit plan").click()
    axe_check(page, context="(OPP consent)")
    page.get_by_label("Nee, ik ben het niet eens").check()
    page.get_by_role("button", name="Mijn antwoord versturen").click()
    page.get_by_text("Schrijf op waarom u het niet eens bent").first.wait_for()
    axe_check(page, context="(OPP consent with error)")
    page.get_by_label("Uw toelichting").fill("Wij willen eerst een gesprek over de uren.")
    page.get_by_role("button", name="Mijn antwoord versturen").click()
    page.get_by_text("Uw antwoord is naar de school gestuurd.").wait_for()
    assert OPPInstemming.objects.get(versie=gezin.opp_a).besluit == "bezwaar"

    page.get_by_role("link", name="Geef uw mening").first.click()
    axe_check(page, context="(zienswijze)")
    page.get_by_label("Uw mening").fill("Wij steunen de overstap naar de SBO-school.")
    page.get_by_label("Ja, ik ben het eens").check()
    page.get_by_role("button", name="Mijn mening versturen").click()
    page.get_by_text("Uw mening is aan de aanvraag toegevoegd.").wait_for()
    axe_check(page, context="(child page after answers)")
    tlv = TLV.objects.get(pk=tlv.pk)
    assert tlv.ouders_portaal_door == gezin.ouder and tlv.ouders_instemming == "ingestemd"

    # Another child's page does not exist for this parent.
    antwoord = page.goto(f"/leerlingen/ouders/kind/{gezin.kind_b.uuid}/")
    assert antwoord.status == 404
