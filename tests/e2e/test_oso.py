"""Browser journey of the OSO intake (Playwright + axe on every page): the ib-er uploads the school's
SWV dossier, checks the preview, confirms, and starts a TLV request with the pupil prefilled."""

from __future__ import annotations

from pathlib import Path

import pytest

from leerlingen.models import Leerling, OsoOntvangst
from tests.e2e.conftest import axe_check, inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VOL = Path(__file__).resolve().parents[1] / "data" / "oso" / "oso_PaO_POSWV_full.xml"


def test_ib_er_imports_an_oso_dossier_and_starts_a_tlv_request(page, personas, tmp_path):
    p = personas
    p.school_a.brin, p.school_a.vestigingscode = "04PN", "04PN00"
    p.school_a.save()
    inloggen(page, p.alice)
    page.goto("/leerlingen/")
    page.get_by_role("link", name="OSO-dossier ontvangen").click()
    page.get_by_role("heading", name="OSO-dossier ontvangen").wait_for()
    axe_check(page, context="(upload)")

    # A file against the schema: the lxml check's Dutch message names element and line; nothing is written.
    fout = tmp_path / "fout.xml"
    fout.write_bytes(VOL.read_bytes().replace(b"<inzagedatum>2016-03-31", b"<inzagedatum>31-03-2016"))
    page.get_by_label("OSO-dossier (XML)").set_input_files(str(fout))
    page.get_by_role("button", name="Voorbeeld tonen").click()
    page.get_by_text("Regel 34: Element <inzagedatum> heeft een ongeldige waarde").first.wait_for()
    assert not OsoOntvangst.objects.exists()
    axe_check(page, context="(schema error)")

    page.get_by_label("OSO-dossier (XML)").set_input_files(str(VOL))
    page.get_by_role("button", name="Voorbeeld tonen").click()
    page.get_by_role("heading", name="OSO-dossier: voorbeeld").wait_for()
    assert page.get_by_text("Teveel zorggegevens in het dossier").is_visible()
    assert page.get_by_text("Slechthorend en slechtziend").is_visible()
    assert page.get_by_text("geheim", exact=True).count() >= 1  # secret contact data is not shown
    assert "geheim@geheim.geheim" not in page.content()
    assert not Leerling.objects.exists()
    axe_check(page, context="(preview)")

    page.get_by_role("button", name="Import bevestigen").click()
    page.get_by_text("Het dossier is geïmporteerd. Volgende stap:").wait_for()
    axe_check(page, context="(result)")
    leerling = OsoOntvangst.objects.get().leerling
    assert leerling is not None and leerling.achternaam == "Oosterhout"

    page.get_by_role("link", name="Een TLV-aanvraag starten voor deze leerling").click()
    page.get_by_role("heading", name="Nieuwe TLV-aanvraag").wait_for()
    gekozen = page.get_by_label("Leerling").evaluate("el => el.options[el.selectedIndex].text")
    assert "Oosterhout" in gekozen
    axe_check(page, context="(TLV request prefilled)")
    page.get_by_label("speciaal basisonderwijs (SBO)").check()
    page.get_by_role("button", name="Aanvraag starten").click()
    page.get_by_role("heading", name="Checklist").wait_for()
    axe_check(page, context="(TLV draft)")
