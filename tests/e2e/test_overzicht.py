"""Browser journey of issue 16: the ib-er opens a pupil's case overview from the pupil page, sees
every part with status and deadline, follows a request; from a held MDO whose outcome is an
arrangement request she takes the offered next step and finds the child's voice in the form."""

from __future__ import annotations

import pytest

from leerlingen.choices import Uitkomstsoort
from leerlingen.services import dossier as dossier_services
from tests.arrangementen.factories import AanvraagFactory, ArrangementtypeFactory
from tests.e2e.conftest import axe_check, inloggen
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import MDOFactory
from tests.tlv.factories import TLVFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_ib_er_finds_the_whole_case_and_takes_the_next_step_after_the_mdo(page, personas):
    alice = personas.alice
    leerling = LeerlingFactory(school=personas.school_a, voornaam="Fenna", achternaam="Kramer")
    dossier = dossier_services.dossier_openen(door=alice, leerling=leerling, aanleiding="Zorgen")
    ArrangementtypeFactory(naam="Leesbegeleiding")
    mdo = MDOFactory(dossier=dossier, gehouden=True, uitkomst=Uitkomstsoort.ARRANGEMENTAANVRAAG)
    eerdere = AanvraagFactory(school=personas.school_a, leerling=leerling, ingediend=True)
    tlv = TLVFactory(leerling=leerling, aanvragende_school=personas.school_a, ingediend=True)

    inloggen(page, alice)
    page.goto(f"/leerlingen/{leerling.uuid}/")
    # The pupil page lists every request and TLV and links the overview.
    page.get_by_role("link", name=f"{eerdere.nummer}: {eerdere.arrangementtype.naam}").wait_for()
    page.locator(f'a[href="{tlv.get_absolute_url()}"]').first.wait_for()
    axe_check(page, context="(pupil with requests and TLVs)")
    page.get_by_role("link", name="Casusoverzicht", exact=False).click()
    page.get_by_role("heading", name="Casusoverzicht van Fenna Kramer").wait_for()
    for kop in ("Ondersteuningsdossier", "MDO- en OT-overleggen", "Arrangementaanvragen", "TLV's", "Brieven"):
        page.get_by_role("heading", name=kop, exact=True).wait_for()
    assert page.get_by_role("columnheader", name="Eerstvolgende termijn").count() >= 1
    axe_check(page, context="(case overview)")

    # The MDO's next step: the request form, prefilled with the child's voice.
    page.get_by_role("link", name=str(mdo)).click()
    page.get_by_role("heading", name="Volgende stap").wait_for()
    axe_check(page, context="(MDO with next step)")
    page.get_by_role("link", name="Arrangementaanvraag starten").click()
    page.get_by_role("heading", name="Nieuwe arrangementaanvraag").wait_for()
    assert "Lezen is moeilijk" in page.get_by_label("De visie van het kind", exact=False).first.input_value()
    axe_check(page, context="(request form from the MDO)")

    # Someone of another school does not find the overview.
    page.context.clear_cookies()
    inloggen(page, personas.bob)
    antwoord = page.goto(f"/leerlingen/{leerling.uuid}/overzicht/")
    assert antwoord is not None and antwoord.status == 404
