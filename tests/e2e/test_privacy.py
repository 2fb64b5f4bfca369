"""Browser journeys of issue 13 (Playwright + axe on every page): an ib-er exports all data of a
pupil for a request for access; the DB registers the parents' request, takes it in hand, attaches
the inzage export, extends the deadline with a reason, records the answer and keeps the data longer."""

from __future__ import annotations

import re
import zipfile

import pytest

from leerlingen.models import Privacyverzoek
from swv.models import Taak, Toegangslog
from tests.e2e.conftest import axe_check, inloggen
from tests.leerlingen.factories_dossier import DossierFactory, MDOFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_inzage_export_and_the_register_of_privacy_requests(page, personas, celery_worker):
    dossier = DossierFactory(school=personas.school_a, regievoerder=personas.alice)
    MDOFactory(dossier=dossier, gehouden=True)
    leerling = dossier.leerling

    # The ib-er of the pupil's school exports everything from the pupil page.
    inloggen(page, personas.alice)
    page.goto(f"/leerlingen/{leerling.uuid}/")
    page.get_by_role("heading", name="Privacy").wait_for()
    axe_check(page, context="(pupil page with the privacy section)")
    page.get_by_role("button", name="Alle gegevens exporteren (inzage)").click()
    page.get_by_text("De inzage-export is gestart; hieronder ziet u de voortgang.").wait_for()
    axe_check(page, context="(export progress)")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"inzage-.*\.zip downloaden")).click(timeout=60_000)
    assert download.value.suggested_filename == f"inzage-{leerling.uuid}.zip"
    with zipfile.ZipFile(download.value.path()) as archief:
        assert {"overzicht.pdf", "gegevens.json"} <= set(archief.namelist())
    assert Toegangslog.objects.filter(gebeurtenis="inzage_gedownload", leerling_uuid=leerling.uuid).count() == 1

    # The DB (privacy officer) registers the parents' request and answers it.
    page.context.clear_cookies()
    inloggen(page, personas.dirk)
    page.goto(f"/leerlingen/{leerling.uuid}/")
    page.get_by_role("link", name="Privacyverzoek registreren").click()
    page.get_by_role("heading", name="Privacyverzoek registreren").wait_for()
    axe_check(page, context="(register form)")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("Kies het soort verzoek.").first.wait_for()
    axe_check(page, context="(register form with errors)")
    page.get_by_label("Soort verzoek").select_option("inzage")
    page.get_by_label("Ingediend door").fill("beide ouders")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_role("heading", name="Privacyverzoek: Inzage").wait_for()
    axe_check(page, context="(request detail)")

    page.get_by_role("button", name="In behandeling nemen").click()
    page.get_by_text("Het verzoek is in behandeling.").wait_for()
    page.get_by_role("button", name="Inzage-export maken").click()
    page.get_by_role("link", name=re.compile(r"inzage-.*\.zip downloaden")).wait_for(timeout=60_000)
    page.go_back()
    page.reload()
    page.get_by_role("link", name="Termijn verlengen").click()
    axe_check(page, context="(extend)")
    page.get_by_label("Reden van de verlenging").fill("Omvangrijk dossier met veel documenten")
    page.get_by_role("button", name="Verlengen").click()
    page.get_by_text("De termijn is verlengd.").wait_for()
    page.get_by_role("link", name="Antwoord vastleggen").click()
    page.locator("#id_uitkomst").select_option("toegewezen")
    page.get_by_role("button", name="Antwoord vastleggen").click()
    page.get_by_text("Het antwoord is vastgelegd.").wait_for()

    page.get_by_role("link", name="Alle privacyverzoeken").click()
    page.get_by_role("heading", name="Privacyverzoeken", exact=True).wait_for()
    axe_check(page, context="(register list)")
    page.get_by_role("link", name="Uitvoeringen van de bewaartermijn").click()
    page.get_by_text("De bewaartermijntaak heeft nog niet gedraaid.").wait_for()
    axe_check(page, context="(retention runs)")

    # The DB keeps this pupil's data longer for a legal reason.
    page.goto(f"/leerlingen/{leerling.uuid}/")
    axe_check(page, context="(pupil page as DB)")
    page.get_by_role("link", name="Gegevens langer bewaren").click()
    page.get_by_role("heading", name="Gegevens langer bewaren").wait_for()
    axe_check(page, context="(keep longer)")
    page.get_by_label("Bewaren tot").fill("2031-01-01")
    page.get_by_label("Wettelijke reden").fill("Lopende rechtszaak")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De bewaartermijn is verlengd.").wait_for()
    assert page.get_by_text("Bewaard tot 01-01-2031 om een wettelijke reden.").is_visible()

    verzoek = Privacyverzoek.objects.get()
    assert verzoek.status == Privacyverzoek.Status.AFGEHANDELD and verzoek.verlengd_tot is not None
    assert verzoek.export is not None and verzoek.export.status == Taak.Status.KLAAR
    assert not [f for f in page.csp_fouten if "Content Security Policy" in f or "Refused" in f], page.csp_fouten
