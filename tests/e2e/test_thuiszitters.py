"""Browser journeys of issue 6 (Playwright + axe on every page): a consulent registers a child
without enrolment, escalates it two steps and closes it with a placement; an ib-er registers a
zorgplicht case and sees the countdown; the risicolijst round is compiled and exported."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from leerlingen.models import Risicolijstronde, Thuiszittercasus, Zorgplichtcasus
from swv.models import Taak
from tests.e2e.conftest import axe_check, inloggen
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_thuiszitters import RisicosignaleringFactory, standaard_ladder  # noqa: F401 (autouse)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def opslaan(page):
    page.get_by_role("button", name="Opslaan").click()


def test_a_consulent_registers_a_child_without_enrolment_escalates_and_closes_it(page, personas):
    vandaag = timezone.localdate()
    inloggen(page, personas.charlie)
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Thuiszitters", exact=True).click()
    page.get_by_role("heading", name="Thuiszitters", exact=True).wait_for()
    axe_check(page, context="(thuiszitters list)")

    page.get_by_role("link", name="Kind zonder inschrijving registreren").click()
    page.get_by_role("heading", name="Kind zonder inschrijving registreren").wait_for()
    axe_check(page, context="(register child without enrolment)")
    page.get_by_label("Voornaam").fill("Sem")
    page.get_by_label("Achternaam").fill("Visser")
    page.get_by_label("Geboortedatum").fill("2018-04-01")
    page.get_by_label("Woongemeente van het kind").select_option(str(personas.school_a.gemeente_id))
    page.get_by_label("Absoluut verzuim (niet ingeschreven)").check()
    page.get_by_label("Thuis sinds").fill((vandaag - timedelta(weeks=15)).isoformat())
    page.locator("#id_reden").select_option("geen_aanbod")
    page.get_by_label("Onderwijs in de tussentijd (uren per week)").fill("2")
    opslaan(page)
    page.get_by_role("heading", name="Thuiszittercasus van Sem Visser").wait_for()
    assert page.get_by_text("Geen passend aanbod binnen 3 maanden").is_visible()
    assert page.get_by_text("Het kind staat niet ingeschreven op een school en heeft geen vrijstelling 5a").is_visible()
    axe_check(page, context="(case detail)")

    # Escalate: step 1 -> 2, then 2 -> 4 (skipping 3 needs a reason).
    page.get_by_role("link", name="Ladderstap wijzigen").click()
    page.get_by_role("heading", name="Stap op de de-escalatieladder wijzigen").wait_for()
    axe_check(page, context="(ladder step)")
    page.get_by_label("2. Ondersteuningsteam (OT/MDO)").check()
    opslaan(page)
    page.get_by_text("De stap op de de-escalatieladder is gewijzigd.").wait_for()
    page.get_by_role("link", name="Ladderstap wijzigen").click()
    page.get_by_label("4. Thuiszittersoverleg SWV").check()
    opslaan(page)
    page.get_by_text("U slaat 1 stap van de ladder over: geef de reden.").first.wait_for()
    axe_check(page, context="(ladder step with error)")
    page.get_by_label("Reden").fill("Geen passend aanbod in de regio; bovenschools overleg nodig.")
    opslaan(page)
    page.get_by_text("De stap op de de-escalatieladder is gewijzigd.").wait_for()
    assert page.get_by_role("cell", name="Geen passend aanbod in de regio; bovenschools overleg nodig.").is_visible()

    page.get_by_role("link", name="Casus afsluiten").click()
    page.get_by_role("heading", name="Casus afsluiten").wait_for()
    axe_check(page, context="(close case)")
    page.get_by_label("Geplaatst op een andere school").check()
    page.get_by_label("School van plaatsing").select_option(str(personas.school_b.uuid))
    opslaan(page)
    page.get_by_text("De casus is afgesloten.").wait_for()
    assert page.get_by_text("Geplaatst op een andere school: Basisschool B").is_visible()
    axe_check(page, context="(closed case)")

    casus = Thuiszittercasus.objects.get()
    assert (casus.status, casus.huidige_stap.volgorde, casus.geplaatst_school, casus.stapwijzigingen.count()) == (
        "afgesloten",
        4,
        personas.school_b,
        3,
    )


def test_an_ib_er_registers_a_zorgplicht_case_and_sees_the_countdown(page, personas):
    aanmelding = timezone.localdate() - timedelta(days=10)
    inloggen(page, personas.alice)
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Zorgplicht", exact=True).click()
    page.get_by_role("heading", name="Zorgplicht", exact=True).wait_for()
    axe_check(page, context="(zorgplicht list)")
    page.get_by_role("link", name="Schriftelijke aanmelding registreren").click()
    page.get_by_role("heading", name="Schriftelijke aanmelding registreren (zorgplicht)").wait_for()
    axe_check(page, context="(zorgplicht form)")
    page.get_by_label("Voornaam").fill("Lina")
    page.get_by_label("Achternaam").fill("Bakker")
    page.get_by_label("Geboortedatum").fill("2022-01-10")
    page.get_by_label("Datum schriftelijke aanmelding").fill(aanmelding.isoformat())
    page.get_by_label("Mogelijke ondersteuningsbehoefte").fill("Taalontwikkeling")
    opslaan(page)
    page.get_by_role("heading", name="Zorgplichtcasus van Lina Bakker").wait_for()
    casus = Zorgplichtcasus.objects.get()
    assert page.get_by_role("status").filter(has_text="Nog 32 dagen tot de uiterste beslisdatum").is_visible()
    assert page.locator("progress").get_attribute("value") == str(casus.percentage_verstreken)
    axe_check(page, context="(zorgplicht countdown)")
    page.get_by_role("link", name="Alle zorgplichtcasussen").click()
    assert page.get_by_role("cell", name=re.compile("nog 32 dagen")).is_visible()


@pytest.mark.worker
def test_the_risicolijst_round_is_compiled_and_exported(page, personas, celery_worker):
    LeerlingFactory(school=personas.school_a, voornaam="Anouk", achternaam="Aalbers")
    RisicosignaleringFactory(
        school=personas.school_b, reden="Wacht op plaatsing SO", sinds=timezone.localdate() - timedelta(days=40)
    )

    # The consulent marks a pupil of school A.
    inloggen(page, personas.charlie)
    page.goto("/leerlingen/risicolijst/")
    axe_check(page, context="(risicolijst consulent)")
    page.get_by_role("link", name="Leerling op de risicolijst zetten").click()
    page.get_by_label("Naam van de leerling").fill("Anouk")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Aalbers, Anouk").click()
    page.get_by_role("heading", name="Leerling op de risicolijst zetten").wait_for()
    axe_check(page, context="(risk mark form)")
    page.get_by_label("Waarom loopt de leerling risico?").fill("Veel verzuim na de zomer")
    page.get_by_label("Afgesproken actie").fill("Gesprek met ouders en leerplicht")
    opslaan(page)
    page.get_by_text("De leerling staat nu op de risicolijst.").wait_for()
    page.get_by_role("button", name="Uitloggen").click()

    # The beleidsmedewerker compiles the round and exports it.
    inloggen(page, personas.bea)
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Risicolijst").click()
    page.get_by_role("link", name="Ronde samenstellen").click()
    page.get_by_role("heading", name="Ronde van de risicolijst samenstellen").wait_for()
    axe_check(page, context="(compile round)")
    opslaan(page)
    page.get_by_role("heading", name=re.compile(r"Risicolijst, ronde ")).wait_for()
    assert page.get_by_text("Dit is de eerste ronde: elke leerling is nieuw.").is_visible()
    assert page.get_by_role("cell", name="Aalbers, Anouk").is_visible()
    axe_check(page, context="(round)")
    ronde_url = page.url

    page.get_by_role("button", name="Exporteren naar Excel").click()
    page.get_by_role("heading", name=re.compile(r"Risicolijst .* \(Excel\)")).wait_for()
    axe_check(page, context="(export progress)")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"risicolijst-.*\.xlsx downloaden")).click(timeout=60_000)
    assert download.value.suggested_filename.endswith(".xlsx")

    page.goto(ronde_url)
    page.get_by_role("button", name="Exporteren naar PDF").click()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"risicolijst-.*\.pdf downloaden")).click(timeout=60_000)
    assert download.value.suggested_filename.endswith(".pdf")
    assert Risicolijstronde.objects.get().aantal_op_lijst == 2
    assert set(Taak.objects.values_list("status", flat=True)) == {Taak.Status.KLAAR}
