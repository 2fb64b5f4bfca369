"""Browser journey of finance: the controller sets parameters, imports actuals, starts a
T-rapportage, watches the progress bar, fills the explanations, makes it final and downloads it."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import pytest

from financien.models import Jaarparameters, RealisatieImport, TRapportage
from tests.e2e.conftest import axe_check, inloggen
from tests.factories import LeerlingtellingFactory
from tests.financien.factories import KLEINE_BEGROTING, JaarparametersFactory, maak_begroting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def private_opslag(tmp_path, monkeypatch):
    from tests.financien.conftest import tijdelijke_private_opslag

    with tijdelijke_private_opslag(tmp_path, monkeypatch) as map_:
        yield map_


@pytest.mark.worker
def test_the_controller_goes_from_parameters_to_a_final_t_rapportage(
    private_opslag, page, personas, celery_worker, tmp_path
):
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2025, 10, 1), aantal=400)
    JaarparametersFactory(jaar=2026, teldatum=date(2025, 10, 1))
    maak_begroting(2026, KLEINE_BEGROTING, reserve_begin=Decimal("150000"))
    inloggen(page, personas.carla)

    page.get_by_role("link", name="Financiën", exact=True).click()
    page.get_by_role("heading", name="Financiën 2026").wait_for()
    axe_check(page, context="(finance overview)")

    # Parameters: a new rate for heavy support.
    page.get_by_role("navigation", name="Onderdelen financiën").get_by_role("link", name="Parameters").click()
    page.get_by_role("heading", name="Parameters per jaar").wait_for()
    axe_check(page, context="(parameters per year)")
    page.get_by_role("link", name="2026", exact=True).click()
    page.get_by_role("heading", name="Parameters 2026 (versie 1)").wait_for()
    axe_check(page, context="(parameters 2026)")
    page.get_by_label("Zware ondersteuning: tarief per leerling (BO + SBO)").fill("330,00")
    page.get_by_role("button", name="Parameters opslaan").click()
    page.get_by_text("De parameters van 2026 zijn opgeslagen.").wait_for()
    assert Jaarparameters.objects.get(jaar=2026).tarief_zware == Decimal("330.00")

    # Actuals: read January, check the preview, book it.
    bestand = tmp_path / "grootboek-januari.csv"
    bestand.write_text(
        "rekening;omschrijving;bedrag\nR1.01;DUO januari;100.000,00\nR2.01;Directie januari;12.500,75\n",
        encoding="utf-8",
    )
    page.get_by_role("navigation", name="Onderdelen financiën").get_by_role("link", name="Realisatie").click()
    page.get_by_role("heading", name="Realisatie", exact=True).wait_for()
    axe_check(page, context="(actuals)")
    page.get_by_label("Jaar").fill("2026")
    page.get_by_label("Maand").select_option(label="januari")
    page.get_by_label("Export uit de boekhouding (CSV of XLSX)").set_input_files(str(bestand))
    page.get_by_role("button", name="Bestand inlezen").click()
    page.get_by_role("heading", name="Import januari 2026").wait_for()
    axe_check(page, context="(import preview)")
    page.get_by_role("button", name="Bevestigen en boeken").click()
    page.get_by_text("Er zijn 2 boekingen verwerkt.").wait_for()
    assert RealisatieImport.objects.verwerkt().get().totaal == Decimal("112500.75")

    # T-rapportage: start, watch the progress bar, explain, make final, download.
    page.get_by_role("navigation", name="Onderdelen financiën").get_by_role("link", name="T-rapportages").click()
    page.get_by_role("heading", name="T-rapportages", exact=True).wait_for()
    axe_check(page, context="(t-rapportages)")
    page.get_by_label("Jaar").fill("2026")
    page.get_by_label("Periode").select_option(label="T1 (realisatie tot en met maart)")
    page.get_by_role("button", name="T-rapportage maken").click()
    page.get_by_role("heading", name="T-rapportage T1 2026").wait_for()
    page.locator("progress").first.wait_for(state="attached")
    axe_check(page, context="(t-rapportage progress)")
    page.get_by_role("heading", name="Samenvatting").wait_for(timeout=60_000)  # the page reloads when the job is done
    axe_check(page, context="(t-rapportage draft)")
    toelichtingen = page.get_by_label(re.compile(r"^Toelichting \d"))
    for i in range(toelichtingen.count()):
        toelichtingen.nth(i).fill(f"Verklaring {i + 1}: realisatie tot en met januari, rest volgens begroting.")
    page.get_by_role("button", name="Toelichtingen opslaan").click()
    page.get_by_text("De toelichtingen zijn opgeslagen.").wait_for()
    page.get_by_role("button", name="Definitief maken").click()
    page.get_by_text("De T-rapportage is definitief; de definitieve PDF wordt gemaakt.").wait_for()
    link = page.get_by_role("link", name="t-rapportage-2026-T1-v1-definitief.pdf downloaden")
    link.wait_for(timeout=60_000)
    axe_check(page, context="(t-rapportage final)")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "t-rapportage-2026-T1-v1-definitief.pdf"
    from pypdf import PdfReader

    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages)
    assert "definitief" in tekst and "Verklaring 1" in tekst and "€ 12.500,75" in tekst
    assert TRapportage.objects.get().status == "definitief"
    # No Content Security Policy violations (inline SVG charts, htmx polling); a missing favicon is not ours.
    assert not [f for f in page.csp_fouten if "Content Security Policy" in f or "Refused" in f], page.csp_fouten
