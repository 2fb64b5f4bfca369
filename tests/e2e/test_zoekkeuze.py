"""Browser check of the searchable long select (issue 16): on the new-TLV form the ib-er types part
of a name; the options narrow through htmx under the real CSP, the match is chosen, the page URL
stays without the term, and axe finds no violations."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import axe_check, inloggen
from tests.leerlingen.factories import LeerlingFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_ib_er_finds_a_pupil_by_typing_part_of_the_name(page, personas):
    for i in range(60):
        LeerlingFactory(school=personas.school_a, achternaam=f"Jansen{i:02d}")
    kramer = LeerlingFactory(school=personas.school_a, voornaam="Fenna", achternaam="Kramer")
    inloggen(page, personas.alice)
    page.goto("/tlv/nieuw/")
    keuze = page.get_by_label("Leerling", exact=False).and_(page.locator("select"))
    assert keuze.locator("option").count() == 62  # the full list without JavaScript
    axe_check(page, context="(new TLV form with search)")
    page.get_by_label("Zoeken in de lijst").fill("kram")
    page.get_by_text("1 resultaat").wait_for()
    assert keuze.locator("option").count() == 2
    assert keuze.input_value() == str(kramer.pk)
    assert "kram" not in page.url
    assert not [f for f in page.csp_fouten if "Content Security Policy" in f or "Refused" in f], page.csp_fouten
    axe_check(page, context="(after the search)")
