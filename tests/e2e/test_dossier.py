"""Browser journey of issue 3: the ib-er imports pupils, opens a dossier, writes the OPP with the
parents' consent, plans an MDO with a parent and the consulent, records the verslag with the child's
voice and an outcome; the consulent logs in and sees it; an ib-er of another school cannot find it."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from leerlingen.models import MDO, Dossier, Leerling, OPPInstemming
from tests.e2e.conftest import axe_check, inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EXPORT = (
    b"voornaam;tussenvoegsel;achternaam;geboortedatum;bsn;groep\n"
    b"Fenna;;Kramer;12-03-2016;;5\n"
    b"Ruben;van der;Steen;01-10-2015;;6\n"
)


def test_ib_er_runs_a_case_from_import_to_mdo_and_the_consulent_sees_it(page, personas):
    alice, charlie = personas.alice, personas.charlie
    vandaag = timezone.localdate().isoformat()

    # 1. Import pupils: preview first, then confirm.
    inloggen(page, alice)
    page.get_by_role("heading", name="Mijn werklijst", exact=True).wait_for()
    axe_check(page, context="(home ib-er)")
    page.get_by_role("link", name="Leerlingen", exact=True).first.click()
    page.get_by_role("link", name="Leerlingen importeren").click()
    axe_check(page, context="(import)")
    page.get_by_label("Exportbestand (CSV of Excel)").set_input_files(
        files=[{"name": "export.csv", "mimeType": "text/csv", "buffer": EXPORT}]
    )
    page.get_by_role("button", name="Voorbeeld tonen").click()
    page.get_by_role("heading", name="Voorbeeld van de import").wait_for()
    axe_check(page, context="(import preview)")
    assert Leerling.objects.count() == 0  # nothing imported before confirming
    page.get_by_role("button", name="Import bevestigen").click()
    page.get_by_text("Import voltooid: 2 nieuw").wait_for()
    assert Leerling.objects.count() == 2

    # 2. Find the pupil and open the dossier.
    page.get_by_role("link", name="Leerlingen", exact=True).first.click()
    page.get_by_label("Zoeken op naam").fill("Kramer")
    page.locator("form[role=search]").get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Kramer, Fenna").click()
    axe_check(page, context="(pupil)")
    page.get_by_role("link", name="Dossier openen").click()
    axe_check(page, context="(open dossier form)")
    page.get_by_label("Aanleiding").fill("Leerkracht signaleert stagnerende leesontwikkeling.")
    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_role("heading", name="Dossier van Fenna Kramer").wait_for()
    axe_check(page, context="(dossier)")
    page.get_by_role("link", name="analyse bewerken").click()
    page.get_by_label("Analyse").fill("Fenna leest op AVI E4; spelling is op niveau.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Fenna leest op AVI E4").wait_for()

    # 3. The OPP, adopted, with the parents' consent on the handelingsdeel.
    page.get_by_role("link", name="OPP opstellen").first.click()
    axe_check(page, context="(OPP form)")
    page.get_by_label("Verwacht uitstroomniveau").select_option(label="vmbo kaderberoepsgerichte leerweg")
    page.get_by_label(re.compile("^Doelen")).fill("Eind groep 6 AVI M6.")
    page.get_by_label(re.compile("^Handelingsdeel")).fill("Dagelijks 20 minuten extra leesinstructie.")
    page.get_by_role("button", name="Concept opslaan").click()
    page.get_by_role("heading", name="OPP-versie 1 van Fenna Kramer").wait_for()
    page.get_by_role("button", name="Dit OPP vaststellen").click()
    # Adopting cannot be undone: a confirmation page says so first.
    page.get_by_role("heading", name="Deze OPP-versie vaststellen").wait_for()
    axe_check(page, context="(confirm adopting the OPP)")
    page.get_by_label("Ik begrijp dat dit niet ongedaan kan worden").check()
    page.get_by_role("button", name="OPP vaststellen").click()
    page.get_by_text("Het OPP is vastgesteld.").wait_for()
    axe_check(page, context="(OPP)")
    page.get_by_role("link", name="Besluit ouders vastleggen").click()
    axe_check(page, context="(consent form)")
    page.get_by_label("ingestemd").check()
    page.get_by_label("Naam van de ouder").fill("Sanne Kramer")
    page.get_by_label("Relatie tot de leerling").select_option(label="moeder")
    page.get_by_label("Hoe").select_option(label="schriftelijk (ondertekend)")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_role("cell", name="Sanne Kramer (moeder)").wait_for()
    assert OPPInstemming.objects.filter(besluit="ingestemd").count() == 1

    # 4. Plan an MDO with the consulent (portal) and a parent (external).
    page.get_by_role("link", name="Terug naar het dossier").click()
    page.get_by_role("link", name="MDO of OT-overleg plannen").click()
    axe_check(page, context="(plan MDO)")
    page.get_by_label(re.compile("^Datum")).fill(vandaag)
    page.get_by_label(re.compile("^Tijd")).fill("08:30")
    page.get_by_label("Agenda").fill("1. Leesontwikkeling\n2. Wat wil Fenna?")
    page.get_by_label(charlie.get_full_name()).check()
    page.locator("#id_extern-0-naam").fill("Sanne Kramer")
    page.locator("#id_extern-0-rol").select_option(label="ouder / verzorger")
    page.get_by_role("button", name="Overleg plannen").click()
    page.get_by_role("heading", name="MDO over Fenna Kramer").wait_for()
    axe_check(page, context="(MDO planned)")

    # 5. The verslag with the child's voice, the outcome and an agreement.
    page.get_by_role("link", name="Verslag vastleggen").click()
    axe_check(page, context="(verslag form)")
    page.get_by_label(re.compile("^Verslag")).fill(
        "Fenna vertelt dat lezen moeilijk is; school vraagt een arrangement aan."
    )
    page.get_by_label("Ja, het kind is gehoord").check()
    page.get_by_label("Hoe is het kind gehoord").select_option(label="nam deel aan het overleg")
    page.get_by_label("Wat het kind zei").fill("Ik wil graag beter leren lezen, met hulp in de klas.")
    page.get_by_label("arrangementaanvraag").check()
    page.locator("#id_afspraak-0-omschrijving").fill("Arrangementsaanvraag indienen")
    page.locator("#id_afspraak-0-uitvoerder_naam").fill("Ib-er")
    page.locator("#id_afspraak-0-uiterlijk").fill((timezone.localdate() + timezone.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Verslag opslaan").click()
    page.get_by_text("Het verslag is vastgelegd.").wait_for()
    axe_check(page, context="(MDO held)")
    mdo = MDO.objects.get()
    assert mdo.status == "gehouden" and mdo.stem_van_het_kind.gehoord
    assert list(mdo.uitkomsten.values_list("soort", flat=True)) == ["arrangementaanvraag"]

    page.get_by_role("link", name="Terug naar het dossier").click()
    page.get_by_role("link", name="Tijdlijn").first.click()
    page.get_by_role("heading", name="Tijdlijn van Fenna Kramer").wait_for()
    axe_check(page, context="(timeline)")
    page.get_by_role("button", name="Uitloggen").click()

    # 6. The consulent logs in, finds the dossier and reads the verslag with the child's voice.
    inloggen(page, charlie)
    page.get_by_role("link", name="Dossiers").first.click()
    page.get_by_role("heading", name="Dossiers").wait_for()
    axe_check(page, context="(dossiers consulent)")
    page.get_by_role("link", name="Kramer, Fenna").click()
    page.get_by_role("link", name=re.compile("^MDO ")).click()
    page.get_by_text("Ik wil graag beter leren lezen, met hulp in de klas.").wait_for()
    page.get_by_role("link", name="Advies toevoegen").click()
    page.get_by_label("Advies").fill("Betrek de leesspecialist van het SWV bij de aanvraag.")
    page.get_by_role("button", name="Advies opslaan").click()
    page.get_by_text("Betrek de leesspecialist van het SWV bij de aanvraag.").wait_for()
    axe_check(page, context="(MDO consulent)")
    page.get_by_role("button", name="Uitloggen").click()

    # 7. An ib-er of another school cannot find the pupil, nor open the dossier by its address.
    inloggen(page, personas.bob)
    page.goto("/leerlingen/")
    page.get_by_label("Zoeken op naam").fill("Kramer")
    page.locator("form[role=search]").get_by_role("button", name="Zoeken").click()
    page.get_by_text("Geen leerlingen in uw scholen gevonden met deze zoekopdracht.").wait_for()
    assert page.get_by_role("link", name="Kramer, Fenna").count() == 0
    axe_check(page, context="(search other school)")
    antwoord = page.goto(f"/leerlingen/dossiers/{Dossier.objects.get().uuid}/")
    assert antwoord.status == 404
    assert not [f for f in page.csp_fouten if "Content Security Policy" in f], page.csp_fouten
