"""Browser journeys of issue 8: the DB's dashboard and export, the June evaluation of the jaarplan,
the jaarverslag from generation to publication, the OPR portal, and the accountability calendar."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from kwaliteit.models import DoelEvaluatie, KalenderMoment, Publicatie, RapportVersie
from tests.e2e.conftest import axe_check, inloggen
from tests.kwaliteit.conftest import kwaliteit_seed, scholen  # noqa: F401  (fixtures of tests/kwaliteit)
from tests.leerlingen.factories import LeerlingFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_db_filters_the_dashboard_to_one_board_and_exports_a_table(page, personas, scholen):  # noqa: F811
    inloggen(page, personas.dirk)
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("heading", name="Dashboard met kengetallen").wait_for()
    axe_check(page, context="(dashboard)")
    assert page.locator('[data-kengetal="leerlingen_per_soort:totaal"]').inner_text() == "550"
    page.get_by_label("Schoolbestuur", exact=True).select_option(label="Stichting Zuid")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_text("Schoolbestuur: Stichting Zuid").wait_for()
    assert page.locator('[data-kengetal="leerlingen_per_soort:totaal"]').inner_text() == "228"
    assert "bestuur=" in page.url  # the filtered view has its own address
    page.get_by_text("Tabel: Leerlingen per schoolbestuur").click()
    axe_check(page, context="(dashboard, one board, table open)")
    with page.expect_download() as download:
        page.get_by_role("link", name="Leerlingen per schoolbestuur exporteren naar Excel").click()
    werkmap = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    rijen = list(werkmap.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5]) for r in rijen if r[5] is not None] == [("Stichting Zuid", 228)]
    page.get_by_role("link", name="Scholen achter Leerlingen per soort onderwijs").click()
    page.get_by_role("heading", name="Scholen achter de kengetallen").wait_for()
    assert (
        page.get_by_role("link", name="SO De Horizon").is_visible() and page.get_by_text("Basisschool A").count() == 0
    )
    axe_check(page, context="(drill-down)")


def test_the_beleidsmedewerker_records_a_june_evaluation(page, personas):
    from kwaliteit.services import jaarplan as s

    plan = s.jaarplan_aanmaken(jaar=date.today().year, titel="Jaarplan hoorrecht", door=personas.bea)
    ambitie = s.ambitie_opslaan(jaarplan=plan, nummer=1, titel="Hoorrecht kind", door=personas.bea)
    doel = s.doel_opslaan(
        ambitie=ambitie, code="1a", titel="Hoorrecht realiseren", beoogd_resultaat="In ieder MDO", door=personas.bea
    )
    s.actie_opslaan(
        doel=doel,
        omschrijving="Masterclass per werkgebied",
        door_wie="Consulenten",
        budget=Decimal("4000"),
        door=personas.bea,
    )
    inloggen(page, personas.bea)
    page.get_by_role("link", name="Jaarplan", exact=True).click()
    page.get_by_role("heading", name="Jaarplannen").wait_for()
    axe_check(page, context="(annual plans)")
    page.get_by_role("link", name="Jaarplan hoorrecht").click()
    page.get_by_role("heading", name="1a. Hoorrecht realiseren").wait_for()
    axe_check(page, context="(annual plan)")
    page.get_by_role("link", name="Doel 1a evalueren (Juni)").click()
    page.get_by_role("heading", name="Evaluatie Juni: doel 1a").wait_for()
    axe_check(page, context="(evaluation form)")
    page.get_by_role("button", name="Evaluatie opslaan").click()
    page.get_by_role("alert").wait_for()  # the error summary: nothing chosen yet
    axe_check(page, context="(evaluation form with errors)")
    page.get_by_label("op koers").check()
    page.get_by_label("Reflectie").fill("Masterclasses in zes van de acht werkgebieden gegeven.")
    page.get_by_role("button", name="Evaluatie opslaan").click()
    page.get_by_text("De evaluatie is opgeslagen.").wait_for()
    assert page.get_by_text("Masterclasses in zes van de acht werkgebieden gegeven.").is_visible()
    axe_check(page, context="(annual plan after evaluation)")
    evaluatie = DoelEvaluatie.objects.get()
    assert (evaluatie.status, evaluatie.moment.naam, evaluatie.vastgelegd_door) == ("op_koers", "Juni", personas.bea)


@pytest.mark.worker
def test_the_db_generates_the_jaarverslag_adopts_it_and_publishes_it_to_the_opr(page, personas, scholen, celery_worker):  # noqa: F811
    inloggen(page, personas.dirk)
    page.get_by_role("link", name="Verslagen", exact=True).click()
    page.get_by_role("heading", name="Verslagen", exact=True).wait_for()
    axe_check(page, context="(reports)")
    page.get_by_label("Verslag", exact=True).select_option(label="Jaarverslag")
    page.get_by_label("Jaar", exact=True).fill("2025")
    page.get_by_role("button", name="Maken").click()
    page.get_by_role("heading", name="Jaarverslag 2025, versie 1 (pdf)").wait_for()
    axe_check(page, context="(job progress)")
    page.get_by_role("link", name=re.compile(r"jaarverslag-2025-v1\.pdf downloaden")).wait_for(timeout=60_000)
    page.get_by_role("link", name="Verslagen", exact=True).click()
    page.get_by_role("link", name="Jaarverslag 2025").click()
    page.get_by_role("heading", name="Jaarverslag 2025").wait_for()
    axe_check(page, context="(report with versions)")
    page.get_by_role("button", name="Versie 1 vaststellen").click()
    page.get_by_role("heading", name="Deze versie vaststellen").wait_for()
    axe_check(page, context="(confirm adopting)")
    page.get_by_label("Ik begrijp dat dit niet ongedaan kan worden").check()
    page.get_by_role("button", name="Vaststellen", exact=True).click()
    page.get_by_text("Versie 1 is vastgesteld; het bestand ligt vast.").wait_for()
    page.get_by_role("link", name="Versie 1 publiceren").click()
    page.get_by_role("heading", name="Jaarverslag 2025 publiceren").wait_for()
    axe_check(page, context="(publish form)")
    page.get_by_label("Ondersteuningsplanraad (OPR)").check()
    page.get_by_label("Ik begrijp dat dit niet ongedaan kan worden").check()
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("Het verslag is gepubliceerd; het gepubliceerde bestand ligt vast.").wait_for()
    axe_check(page, context="(publication)")
    publicatie = Publicatie.objects.get()
    assert publicatie.voor_opr and not publicatie.openbaar
    assert publicatie.sha256 == RapportVersie.objects.get().sha256


def test_an_opr_member_reads_the_published_report_and_cannot_reach_any_pupil(
    page,
    personas,
    scholen,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    from kwaliteit.services import publicaties, verslagen
    from tests.kwaliteit.conftest import maak_versie, pdf_tekst

    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2025, door=personas.dirk)
    versie = verslagen.rapportversie_vaststellen(versie=versie, door=personas.dirk)
    publicaties.publiceren_van_versie(versie=versie, doelgroepen=["opr"], door=personas.dirk)
    leerling = LeerlingFactory(school=personas.school_a)
    inloggen(page, personas.olga)
    page.get_by_role("heading", name="Gepubliceerde documenten").wait_for()
    axe_check(page, context="(OPR home)")
    page.get_by_role("link", name="Publicaties", exact=True).click()
    page.get_by_role("heading", name="Gepubliceerde documenten").wait_for()
    axe_check(page, context="(OPR portal)")
    page.get_by_role("link", name="Jaarverslag 2025").click()
    page.get_by_role("heading", name="Jaarverslag 2025").wait_for()
    axe_check(page, context="(publication for the OPR)")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"jaarverslag-2025-v1\.pdf downloaden")).click()
    assert "Jaarverslag 2025" in pdf_tekst(open(download.value.path(), "rb").read())
    for url in ("/leerlingen/", f"/leerlingen/{leerling.uuid}/"):
        assert page.goto(url).status == 404
    assert page.get_by_role("link", name="Leerlingen").count() == 0


def test_the_db_sees_what_is_due_and_updates_a_status(page, personas, kwaliteit_seed):  # noqa: F811
    inloggen(page, personas.dirk)
    page.get_by_role("link", name="Kalender", exact=True).click()
    page.get_by_role("heading", name="Kwaliteitskalender").wait_for()
    axe_check(page, context="(calendar)")
    rij = (
        page.get_by_role("row").filter(has=page.get_by_role("rowheader")).filter(has=page.get_by_role("combobox")).first
    )
    product = rij.get_by_role("rowheader").inner_text().splitlines()[0]
    rij.get_by_role("combobox").select_option(label="in voorbereiding")
    rij.get_by_role("textbox").fill("Eerste versie besproken")
    rij.get_by_role("button", name=re.compile("Opslaan")).click()
    page.get_by_text(f"De status van {product} is opgeslagen.").wait_for()
    axe_check(page, context="(calendar after update)")
    assert KalenderMoment.objects.get(item__product=product).opmerking == "Eerste versie besproken"
