"""Browser journey of the TLV procedure (Playwright + axe on every page).

The ib-er completes the checklist and submits, the TLC asks for information, the ib-er completes,
the TLC issues the TLV, the decision letter downloads, the S(B)O school records the placement three
weeks later, the register shows it with its waiting time; a reminder appears when time is moved to
four months before the end date; an objection is registered and decided.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from swv.choices import Rol
from tests.e2e.conftest import axe_check, inloggen
from tests.factories import SchoolFactory, gebruiker_met_rol, tweefactor_activeren
from tests.leerlingen.factories import LeerlingFactory
from tests.tlv.factories import PDF, DossierFactory, MDOFactory, OPPVersieFactory
from tlv.models import TLV
from tlv.services.looptijd import tlv_dagelijkse_ronde

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


_PERIODE: dict[int, int] = {}


def wissel(page, gebruiker):
    """Log out (a fresh session) and log in as ``gebruiker``.

    allauth refuses a TOTP code that was used before (and allows no clock tolerance): wait for a
    period this user has not logged in with yet, and not its last seconds.
    """
    import time as _time

    page.context.clear_cookies()
    while _time.time() % 30 > 24 or _PERIODE.get(gebruiker.pk) == int(_time.time() // 30):
        _time.sleep(0.5)
    _PERIODE[gebruiker.pk] = int(_time.time() // 30)
    inloggen(page, gebruiker)


def bezoek(page, naam: str):
    axe_check(page, context=f"({naam})")


def test_tlv_journey_from_request_to_objection(page, personas, celery_worker):
    p = personas
    sbo = SchoolFactory(swv=p.swv, kring=p.kring, sbo=True, naam="SBO De Brug")
    sanne = gebruiker_met_rol(Rol.IB_ER, school=sbo, email="sanne@example.nl", voornaam="Sanne")
    sanne.totp_secret = tweefactor_activeren(sanne)
    daan = LeerlingFactory(school=p.school_a, voornaam="Daan", achternaam="Visser")
    begin = timezone.localdate() - timedelta(days=21)

    # Three weeks ago: the request, the TLC's question, the completion and the decision.
    with time_machine.travel(datetime.combine(begin, time(9)), tick=True):
        dossier = DossierFactory(leerling=daan, school=p.school_a, regievoerder=p.alice)
        OPPVersieFactory(dossier=dossier, opgesteld_door=p.alice)
        MDOFactory(dossier=dossier, gepland_door=p.alice)
        dag = begin.isoformat()

        wissel(page, p.alice)
        page.get_by_role("link", name="TLV-aanvragen").first.click()
        page.get_by_role("heading", name="TLV-aanvragen").wait_for()
        bezoek(page, "TLV list")
        page.get_by_role("link", name="Nieuwe TLV-aanvraag").click()
        bezoek(page, "new request")
        page.get_by_label("Leerling").select_option(label=f"Daan Visser ({daan.geboortedatum:%d-%m-%Y})")
        page.get_by_label("speciaal basisonderwijs (SBO)").check()
        page.get_by_role("button", name="Aanvraag starten").click()
        page.get_by_role("heading", name="Checklist").wait_for()
        assert page.get_by_text("Ontbreekt:").count() >= 5
        bezoek(page, "draft with checklist")

        page.get_by_role("link", name="Aanvraag aanvullen").click()
        bezoek(page, "request form")
        page.get_by_label("Beoogde S(B)O-school").select_option(label="SBO De Brug (SBO, Leiden)")
        page.get_by_label("Datum waarop de school verklaarde").fill(dag)
        page.get_by_label("Verklaard door (naam en functie)").fill("J. de Vries, directeur SBO De Brug")
        page.get_by_label("Voorgestelde duur (maanden)").fill("24")
        page.get_by_label("Redenen van de aanvraag").fill("De ondersteuningsbehoefte overstijgt de basisondersteuning.")
        page.get_by_label("MDO met de S(B)O-school").select_option(index=1)
        page.get_by_label("Zienswijze van de ouders").fill("Ouders steunen de aanvraag.")
        page.get_by_label("Instemming ouders").select_option(value="ingestemd")
        page.get_by_label("Datum van instemming of uitzondering").fill(dag)
        page.get_by_label("Afspraken over evaluatie").fill("Evaluatie na een jaar.")
        page.get_by_label("Afspraken over terugkeer naar het regulier onderwijs").fill("Jaarlijks terugkeergesprek.")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("De aanvraag is opgeslagen.").wait_for()

        for volgorde, naam, kwalificatie, expertise in [
            (1, "Drs. K. de Boer", "orthopedagoog", ""),
            (2, "M. Haddou", "deskundige uit het gespecialiseerd onderwijs", "gedrag"),
        ]:
            page.get_by_role("link", name=f"Deskundigenadvies {volgorde} vastleggen").click()
            bezoek(page, f"expert {volgorde}")
            page.get_by_label("Naam van de deskundige").fill(naam)
            page.get_by_label("Kwalificatie").select_option(label=kwalificatie)
            if expertise:
                page.get_by_label("Deskundigheid").fill(expertise)
            page.get_by_label("Datum van het advies").fill(dag)
            page.get_by_label(re.compile(r"^Advies \(")).fill("Plaatsing op het SBO is passend.")
            page.get_by_label("adviseert een TLV", exact=True).check()
            page.get_by_label("Adviesdocument").set_input_files(
                files=[{"name": "advies.pdf", "mimeType": "application/pdf", "buffer": PDF}]
            )
            page.get_by_role("button", name="Opslaan").click()
            page.get_by_text("Het deskundigenadvies is opgeslagen.").wait_for()
        assert page.get_by_text("Ontbreekt:").count() == 0
        page.get_by_role("button", name="Aanvraag indienen").click()
        page.get_by_text("De aanvraag is naar de TLC gestuurd.").wait_for()
        bezoek(page, "submitted")

        wissel(page, p.tim)
        page.get_by_role("link", name="TLC-werkvoorraad").click()
        bezoek(page, "TLC queue")
        page.get_by_role("link", name="Daan Visser").click()
        page.get_by_role("link", name="Aanvulling vragen aan de school").click()
        bezoek(page, "ask for information")
        page.get_by_label("Welke informatie ontbreekt?").fill("Graag beschrijven welke arrangementen al zijn ingezet.")
        page.get_by_role("button", name="Vraag versturen").click()
        page.get_by_text("de beslistermijn is opgeschort").first.wait_for()

        wissel(page, p.alice)
        page.get_by_role("link", name="TLV-aanvragen").first.click()
        page.get_by_role("link", name="Daan Visser").click()
        page.get_by_text("De TLC vraagt om aanvulling:").wait_for()
        bezoek(page, "information requested")
        page.get_by_role("link", name="Aanvraag aanvullen").click()
        page.get_by_label("Redenen van de aanvraag").fill(
            "De ondersteuningsbehoefte overstijgt de basisondersteuning. Twee jaar arrangement gedrag is ingezet."
        )
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("button", name="Aangevulde aanvraag indienen").click()
        page.get_by_text("De aanvraag is naar de TLC gestuurd.").wait_for()

        wissel(page, p.tim)
        page.get_by_role("link", name="TLC-werkvoorraad").click()
        page.get_by_role("link", name="Daan Visser").click()
        page.get_by_role("link", name="Procedurele toets vastleggen").click()
        bezoek(page, "procedural check")
        page.get_by_label("De route van het ondersteuningsplan is gevolgd").check()
        page.get_by_label("Het advies van deskundigen, school en ouders is eenduidig").check()
        page.get_by_label("Alle verplichte documenten zijn aanwezig").check()
        page.get_by_role("button", name="Toets vastleggen").click()
        page.get_by_role("link", name="Besluiten over de aanvraag").click()
        bezoek(page, "decision form")
        page.get_by_label("TLV afgeven").check()
        page.get_by_label("Motivering van het besluit").fill(
            "Beide deskundigen adviseren het SBO; de route is gevolgd."
        )
        page.get_by_label("Ik begrijp dat dit niet ongedaan kan worden").check()
        page.get_by_role("button", name="Besluit nemen").click()
        page.get_by_text("Het besluit is vastgelegd").wait_for()

    tlv = TLV.objects.get(leerling=daan)
    assert tlv.status == "actief" and tlv.afgegeven_op == begin

    # Today: the letter, the placement and the register.
    wissel(page, p.alice)
    page.goto(tlv.get_absolute_url())
    page.get_by_role("link", name="Brief downloaden (PDF)").wait_for(timeout=60_000)
    bezoek(page, "issued TLV with letter")
    with page.expect_download() as download:
        page.get_by_role("link", name="Brief downloaden (PDF)").click()
    assert download.value.suggested_filename == f"tlv-besluit-{tlv.nummer}.pdf"

    wissel(page, sanne)
    page.get_by_role("link", name="TLV-aanvragen").first.click()
    page.get_by_role("link", name="Daan Visser").click()
    page.get_by_role("link", name="Plaatsing vastleggen").click()
    bezoek(page, "placement")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    page.get_by_text("De plaatsingsdatum is vastgelegd.").wait_for()
    assert page.get_by_text("21 dagen").is_visible()

    wissel(page, p.dirk)
    page.get_by_role("link", name="TLV-register").click()
    bezoek(page, "register")
    rij = page.get_by_role("row").filter(has_text=tlv.nummer)
    assert re.search(r"\b21\b", rij.inner_text())

    # Four months before the end date, the daily run reminds the schools.
    with time_machine.travel(datetime.combine(tlv.einddatum - timedelta(days=122), time(7)), tick=False):
        assert tlv_dagelijkse_ronde()["herinneringen_einddatum"] >= 2
    wissel(page, p.alice)
    page.get_by_role("link", name="nieuwe meldingen").click()
    bezoek(page, "notifications")
    page.get_by_role("button", name="Een TLV loopt binnenkort af").click()
    page.get_by_role("heading", name=f"TLV {tlv.nummer}").wait_for()

    # An objection is registered by the TLC and decided by the DB.
    wissel(page, p.tim)
    page.goto(tlv.get_absolute_url())
    page.get_by_role("link", name="Bezwaar registreren").click()
    bezoek(page, "register objection")
    page.get_by_label("ouders/verzorgers").check()
    page.get_by_label("Naam van de indiener").fill("Fam. Visser")
    page.get_by_label("Gronden van het bezwaar").fill("Wij vinden twee jaar te lang.")
    page.get_by_role("button", name="Bezwaar registreren").click()
    page.get_by_text("Het bezwaar is geregistreerd.").wait_for()
    bezoek(page, "objection")

    wissel(page, p.dirk)
    page.goto(tlv.bezwaren.get().get_absolute_url())
    page.get_by_role("link", name="Beslissen op het bezwaar").click()
    bezoek(page, "decide objection")
    page.get_by_label("ongegrond").check()
    page.get_by_label(re.compile(r"^Motivering \(")).fill("De duur volgt het advies van de deskundigen.")
    page.get_by_role("button", name="Besluit nemen").click()
    page.get_by_text("De beslissing op het bezwaar is vastgelegd").wait_for()
    page.get_by_role("link", name="Brief downloaden (PDF)").wait_for(timeout=60_000)
    bezoek(page, "objection decided")
    assert not [f for f in page.csp_fouten if "Content Security Policy" in f]
