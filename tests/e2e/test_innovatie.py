"""Browser journey of the innovation requests (issue 17): a school head applies (refused without a
financial justification, then submitted), a TLC member advises, the DB grants it against a budget
line; another board's bestuurder gets 404."""

from __future__ import annotations

import pytest
from django.utils import timezone

from financien.choices import Blok
from financien.models import Innovatieaanvraag, Innovatietoekenning
from tests.e2e.conftest import axe_check, inloggen
from tests.financien.factories import BegrotingspostFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _nieuwe_context(browser, live_server):
    return browser.new_context(locale="nl-NL", bypass_csp=True, base_url=live_server.url)


def test_a_school_applies_the_tlc_advises_and_the_db_grants(page, personas, browser, live_server):
    post = BegrotingspostFactory(blok=Blok.ONDERSTEUNING_SCHOLEN, naam="Innovatie en ontwikkeling")
    inloggen(page, personas.dora)
    page.get_by_role("link", name="Innovatieaanvragen", exact=True).click()
    page.get_by_role("heading", name="Innovatieaanvragen", exact=True).wait_for()
    axe_check(page, context="(innovation requests)")
    page.get_by_role("link", name="Nieuwe innovatieaanvraag").click()
    page.get_by_label("Titel").fill("Plusklas")
    page.get_by_label("Thema").select_option(label="(hoog)begaafde leerlingen")
    page.locator("#id_school").select_option(label=str(personas.school_a))
    page.get_by_label("Plan").fill("Een plusklas voor begaafde leerlingen van groep 5 tot 8.")
    page.get_by_label("Aangevraagd bedrag per jaar (euro)").fill("12000")
    page.get_by_label("Eerste jaar").fill(str(timezone.localdate().year))
    axe_check(page, context="(new request form)")
    page.get_by_role("button", name="Opslaan als concept").click()
    page.get_by_role("button", name="Aanvraag indienen").click()
    page.get_by_text("Een aanvraag kan niet zonder financiële onderbouwing worden ingediend.").wait_for()
    aanvraag = Innovatieaanvraag.objects.get()
    assert aanvraag.status == "concept"
    Innovatieaanvraag.objects.filter(pk=aanvraag.pk).update(financiele_onderbouwing="0,2 fte en materialen")
    page.reload()
    page.get_by_role("button", name="Aanvraag indienen").click()
    page.get_by_text("De aanvraag is ingediend.").wait_for()
    axe_check(page, context="(submitted request)")

    tlc_context = _nieuwe_context(browser, live_server)
    try:
        tlc = tlc_context.new_page()
        inloggen(tlc, personas.tim)
        tlc.goto(aanvraag.get_absolute_url())
        tlc.get_by_role("link", name="Advies over de innovatieaanvraag").click()
        tlc.get_by_label("Advies aan het DB").fill("Positief: past bij het OSP.")
        tlc.get_by_role("button", name="Opslaan").click()
        tlc.get_by_text("Het advies is vastgelegd.").wait_for()
    finally:
        tlc_context.close()

    db_context = _nieuwe_context(browser, live_server)
    try:
        db = db_context.new_page()
        inloggen(db, personas.dirk)
        db.goto(aanvraag.get_absolute_url())
        db.get_by_role("link", name="Innovatieaanvraag toekennen").click()
        axe_check(db, context="(grant form)")
        db.get_by_label("Begrotingspost").select_option(label=str(post))
        db.get_by_label("Evaluatiedatum").fill(f"{timezone.localdate().year + 1}-12-01")
        db.get_by_role("button", name="Toekennen").click()
        db.get_by_text("De aanvraag is toegekend.").wait_for()
        axe_check(db, context="(granted request)")
    finally:
        db_context.close()
    assert Innovatietoekenning.objects.filter(aanvraag=aanvraag, post=post).count() == 1

    from swv.choices import Rol
    from tests.factories import gebruiker_met_rol, tweefactor_activeren

    ander = gebruiker_met_rol(Rol.BESTUURDER, bestuur=personas.school_b.bestuur, email="zuid@example.nl")
    ander.totp_secret = tweefactor_activeren(ander)  # a bestuurder reaches named pupils: TOTP
    ander_context = _nieuwe_context(browser, live_server)
    try:
        pagina = ander_context.new_page()
        inloggen(pagina, ander)
        antwoord = pagina.goto(aanvraag.get_absolute_url())
        assert antwoord is not None and antwoord.status == 404
    finally:
        ander_context.close()
