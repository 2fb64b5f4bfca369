"""Browser journey of the complaints procedure (issue 17): the DB registers a parent's complaint,
acknowledges, handles it with a confidential adviser and closes it with a lesson; the OPR member
sees the figures without names (small numbers suppressed) and gets 404 on the complaint itself."""

from __future__ import annotations

import pytest

from kwaliteit.models import Klacht
from tests.e2e.conftest import axe_check, inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_db_handles_a_complaint_and_the_opr_sees_only_figures(page, personas, live_server, browser):
    inloggen(page, personas.dirk)
    page.get_by_role("link", name="Klachten", exact=True).click()
    page.get_by_role("heading", name="Klachten", exact=True).wait_for()
    axe_check(page, context="(complaints list)")
    page.get_by_role("link", name="Klacht registreren").click()
    page.get_by_role("button", name="Klacht registreren").click()  # empty: the errors, nothing saved
    page.locator(".portaal-foutsamenvatting").wait_for()
    axe_check(page, context="(registration with errors)")
    assert not Klacht.objects.exists()
    page.get_by_label("Waarover gaat de klacht?").select_option(label="communicatie en informatie")
    page.locator("#id_omschrijving").fill("Niet teruggebeld over de aanvraag.")
    page.get_by_label("Naam van de ouder die klaagt").fill("Mevrouw Jansen")
    page.get_by_role("button", name="Klacht registreren").click()
    page.get_by_role("heading", name="Klacht over communicatie en informatie").wait_for()
    axe_check(page, context="(complaint page)")

    page.get_by_role("link", name="Ontvangst bevestigen").click()
    page.get_by_role("button", name="Ontvangstbevestiging vastleggen").click()
    page.get_by_role("link", name="Klacht in behandeling nemen").click()
    page.get_by_role("button", name="Klacht behandelen").click()
    page.get_by_role("link", name="Derde inschakelen").click()
    page.get_by_label("Wie is ingeschakeld?").select_option(label="vertrouwenspersoon")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Klacht afhandelen").click()
    axe_check(page, context="(close form)")
    page.get_by_label("Oordeel").select_option(label="deels gegrond")
    page.get_by_label("Motivering aan de ouder").fill("Excuses aangeboden.")
    page.get_by_label("Wat leren we ervan?").fill("Binnen twee werkdagen terugbellen.")
    page.get_by_role("button", name="Klacht afhandelen").click()
    page.get_by_text("De klacht is afgehandeld.").wait_for()
    klacht = Klacht.objects.get()
    assert (klacht.status, klacht.derde, klacht.oordeel) == ("afgehandeld", "vertrouwenspersoon", "deels_gegrond")
    assert klacht.statusovergangen.count() == 4

    context = browser.new_context(locale="nl-NL", bypass_csp=True, base_url=live_server.url)
    opr = context.new_page()
    try:
        inloggen(opr, personas.olga)
        opr.get_by_role("link", name="Klachten in cijfers").click()
        opr.get_by_role("heading", name="Klachten in cijfers", exact=False).wait_for()
        axe_check(opr, context="(OPR: complaints in figures)")
        tekst = opr.content()
        assert "&lt; 5" in tekst and "Jansen" not in tekst
        antwoord = opr.goto(live_server.url + klacht.get_absolute_url())
        assert antwoord is not None and antwoord.status == 404
    finally:
        context.close()
