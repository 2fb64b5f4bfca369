"""The T-rapportage: versions and transitions, reconciliation with the imported actuals, the
calendar start by celery beat, the hand-over selector, and the PDF on a real worker."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from financien.berekening import is_bevroren
from financien.choices import ImportStatus, RapportStatus
from financien.models import Realisatieregel, TRapportage
from financien.selectors import definitieve_t_rapportages
from financien.services import FinancienFout
from financien.services import rapportage as services
from financien.weergave import rapport_weergave
from swv.models import Taak
from tests.conftest import wacht_op
from tests.financien.factories import KLEINE_BEGROTING, JaarparametersFactory, importeer, maak_begroting

pytestmark = pytest.mark.django_db


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)


@pytest.fixture
def jaar_met_realisatie(personas):
    """Budget 2026, parameters, and actuals for January to October (March imported twice)."""
    maak_begroting(2026, KLEINE_BEGROTING, reserve_begin=Decimal("100000"))
    JaarparametersFactory(jaar=2026)
    for maand in range(1, 11):
        importeer(
            personas.carla,
            2026,
            maand,
            [
                ("R1.01", "DUO", "100000"),
                ("R1.03", "DUO", "200000"),
                ("R2.01", "Directie", f"{9000 + maand * 100},25"),
                ("R3.01", "Scholen", "150000"),
                ("R5.01", "SO", "83333,33"),
                ("R4.01", "Arrangementen", "-1200,10"),
            ],
        )
    importeer(personas.carla, 2026, 3, [("R1.01", "DUO gecorrigeerd", "100500"), ("R2.01", "Directie", "9300,25")])
    return personas


def _start(door, jaar=2026, t_nummer=2, django_capture_on_commit_callbacks=None):
    with django_capture_on_commit_callbacks(execute=False):
        return services.t_rapportage_starten(door=door, jaar=jaar, t_nummer=t_nummer)


def _gebouwd(personas, capture, t_nummer=2):
    rapport = _start(personas.carla, t_nummer=t_nummer, django_capture_on_commit_callbacks=capture)
    naam, pdf = services.t_rapportage_opbouwen(rapport=rapport)
    rapport.refresh_from_db()
    return rapport, pdf


def test_the_report_totals_equal_its_lines_and_the_imported_actuals(
    jaar_met_realisatie, django_capture_on_commit_callbacks
):
    rapport, pdf = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)  # T2: actuals to August
    assert rapport.tot_en_met_maand == 8
    regels = list(rapport.regels.all())
    geimporteerd = Realisatieregel.objects.filter(
        realisatie_import__status=ImportStatus.VERWERKT, realisatie_import__jaar=2026, realisatie_import__maand__lte=8
    ).aggregate(s=Sum("bedrag"))["s"]
    assert sum(r.realisatie for r in regels) == geimporteerd
    weergave = rapport_weergave(rapport)
    tot = weergave["totalen"]
    for veld in ("begroting", "realisatie", "prognose"):
        assert getattr(tot.baten, veld) + getattr(tot.lasten, veld) == sum(getattr(r, veld) for r in regels)
        assert sum(getattr(b, veld) for b in tot.blokken) == sum(getattr(r, veld) for r in regels)
    assert tot.baten.begroting == Decimal("3600000.00")
    assert tot.baten.realisatie == Decimal("2200500.00")  # 7 x 300,000 + March, whose re-import holds only 100,500
    assert tot.resultaat.realisatie == tot.baten.realisatie - tot.lasten.realisatie
    # Forecast per line: actuals to August + 4/12 of the budget.
    directie = next(r for r in regels if r.code == "2.01")
    assert directie.realisatie == Decimal("75602.00") and directie.prognose == Decimal("115602.00")
    tekst = pdf_tekst(pdf)
    assert "T-rapportage T2 2026" in tekst and "CONCEPT" in tekst
    for bedrag in ("€ 3.600.000,00", "€ 2.200.500,00", "€ 75.602,00", "€ 115.602,00"):
        assert bedrag in tekst


def test_starting_needs_a_budget(personas, django_capture_on_commit_callbacks):
    with pytest.raises(FinancienFout, match="nog geen begroting voor 2026"):
        _start(personas.carla, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    assert not TRapportage.objects.exists() and not Taak.objects.exists()


def test_a_start_creates_the_row_and_its_job(jaar_met_realisatie, django_capture_on_commit_callbacks):
    rapport = _start(jaar_met_realisatie.carla, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    assert (rapport.status, rapport.versie, rapport.taak.soort) == (RapportStatus.CONCEPT, 1, services.TAAKSOORT)
    assert rapport.taak.parameters == {"rapport": str(rapport.uuid), "fase": "concept"}


def test_a_new_version_supersedes_the_draft_and_keeps_its_explanations(
    jaar_met_realisatie, django_capture_on_commit_callbacks
):
    eerste, _ = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    regel = eerste.regels.get(code="2.01")
    services.t_rapportage_toelichten(
        door=jaar_met_realisatie.carla,
        rapport=eerste,
        revisie=0,
        toelichtingen={regel.pk: "Cao-verhoging"},
        prognoses={},
    )
    tweede, _ = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    eerste.refresh_from_db()
    assert (eerste.status, tweede.versie, tweede.status) == (RapportStatus.VERVANGEN, 2, RapportStatus.CONCEPT)
    assert tweede.regels.get(code="2.01").toelichting == "Cao-verhoging"
    with pytest.raises(FinancienFout, match="vervangen"):
        services.t_rapportage_opbouwen(rapport=eerste)


def test_making_final_needs_an_explanation_for_every_difference(
    jaar_met_realisatie, django_capture_on_commit_callbacks, settings
):
    settings.FINANCIEN_TOELICHTING_DREMPEL = "0"
    rapport, _ = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    with pytest.raises(FinancienFout, match="Licht eerst elke regel met een verschil toe: .*2.01 Directie"):
        services.t_rapportage_definitief_maken(door=jaar_met_realisatie.carla, rapport=rapport)
    teksten = {r.pk: f"Toelichting {r.code}" for r in rapport.regels.all()}
    services.t_rapportage_toelichten(
        door=jaar_met_realisatie.carla, rapport=rapport, revisie=0, toelichtingen=teksten, prognoses={}
    )
    with django_capture_on_commit_callbacks(execute=False):
        services.t_rapportage_definitief_maken(door=jaar_met_realisatie.carla, rapport=rapport)
    rapport.refresh_from_db()
    assert (rapport.status, rapport.definitief_door) == (RapportStatus.DEFINITIEF, jaar_met_realisatie.carla)
    assert rapport.history.first().history_change_reason == "Definitief gemaakt"
    assert rapport.taak.parameters["fase"] == "definitief"
    assert is_bevroren(2026)


def test_a_final_report_refuses_every_further_change(jaar_met_realisatie, django_capture_on_commit_callbacks, settings):
    settings.FINANCIEN_TOELICHTING_DREMPEL = "100000000"
    rapport, _ = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False):
        services.t_rapportage_definitief_maken(door=jaar_met_realisatie.carla, rapport=rapport)
    with pytest.raises(FinancienFout, match="Alleen een concept kan definitief"):
        services.t_rapportage_definitief_maken(door=jaar_met_realisatie.carla, rapport=rapport)
    with pytest.raises(FinancienFout, match="Alleen een concept kan worden toegelicht"):
        services.t_rapportage_toelichten(
            door=jaar_met_realisatie.carla, rapport=rapport, revisie=rapport.revisie, toelichtingen={}, prognoses={}
        )
    with pytest.raises(FinancienFout, match="al definitief"):
        _start(jaar_met_realisatie.carla, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)


def test_a_draft_cannot_be_made_final_before_its_lines_exist(jaar_met_realisatie, django_capture_on_commit_callbacks):
    rapport = _start(jaar_met_realisatie.carla, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    with pytest.raises(FinancienFout, match="nog niet berekend"):
        services.t_rapportage_definitief_maken(door=jaar_met_realisatie.carla, rapport=rapport)


def test_stale_explanations_are_refused_and_forecasts_can_be_adjusted(
    jaar_met_realisatie, django_capture_on_commit_callbacks
):
    rapport, _ = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    regel = rapport.regels.get(code="2.01")
    services.t_rapportage_toelichten(
        door=jaar_met_realisatie.carla,
        rapport=rapport,
        revisie=0,
        toelichtingen={},
        prognoses={regel.pk: Decimal("120000.00")},
    )
    assert rapport.regels.get(code="2.01").verschil == Decimal("0.00")
    with pytest.raises(FinancienFout, match="in de tussentijd"):
        services.t_rapportage_toelichten(
            door=jaar_met_realisatie.carla, rapport=rapport, revisie=0, toelichtingen={}, prognoses={}
        )


def test_building_twice_renders_once(jaar_met_realisatie, django_capture_on_commit_callbacks):
    rapport, pdf = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    naam = rapport.pdf.name
    _naam, opnieuw = services.t_rapportage_opbouwen(rapport=rapport)
    rapport.refresh_from_db()
    assert (opnieuw, rapport.pdf.name, rapport.regels.count()) == (pdf, naam, len(KLEINE_BEGROTING))


def test_celery_beat_starts_the_report_of_a_configured_month_once(
    jaar_met_realisatie, django_capture_on_commit_callbacks
):
    with time_machine.travel(date(2026, 5, 1)), django_capture_on_commit_callbacks(execute=False):
        assert services.t_rapportage_volgens_kalender(vandaag=date(2026, 5, 1)) is None
    with time_machine.travel(date(2026, 9, 1)), django_capture_on_commit_callbacks(execute=False):
        rapport = services.t_rapportage_volgens_kalender(vandaag=date(2026, 9, 1))
        assert services.t_rapportage_volgens_kalender(vandaag=date(2026, 9, 1)) is None
    assert (rapport.t_nummer, rapport.tot_en_met_maand, rapport.aangemaakt_door) == (2, 8, None)
    assert TRapportage.objects.count() == 1


def test_the_beat_entry_runs_the_calendar_task(jaar_met_realisatie, settings, django_capture_on_commit_callbacks):
    from financien import tasks

    taken = {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert tasks.t_rapportage_volgens_kalender.name in taken
    with time_machine.travel(date(2026, 11, 1)), django_capture_on_commit_callbacks(execute=False):
        uitkomst = tasks.t_rapportage_volgens_kalender.apply().get()
    assert uitkomst == str(TRapportage.objects.get(t_nummer=3, tot_en_met_maand=10).uuid)


def test_final_reports_are_handed_over_with_title_period_date_and_pdf(
    jaar_met_realisatie, django_capture_on_commit_callbacks, settings
):
    settings.FINANCIEN_TOELICHTING_DREMPEL = "100000000"
    rapport, _ = _gebouwd(jaar_met_realisatie, django_capture_on_commit_callbacks)
    assert not definitieve_t_rapportages(jaar_met_realisatie.dirk).exists()
    with django_capture_on_commit_callbacks(execute=False):
        services.t_rapportage_definitief_maken(door=jaar_met_realisatie.carla, rapport=rapport)
    assert not definitieve_t_rapportages(jaar_met_realisatie.dirk).exists()  # the final PDF is not there yet
    concept_pdf = TRapportage.objects.get(pk=rapport.pk).pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        services.t_rapportage_opbouwen(rapport=rapport)
    assert not rapport.pdf.storage.exists(concept_pdf)  # the draft file of this version is replaced, not orphaned
    [overdracht] = definitieve_t_rapportages(jaar_met_realisatie.dirk)
    assert (overdracht.titel, overdracht.periode_label) == (
        "T-rapportage T2 2026",
        "1 januari tot en met augustus 2026",
    )
    assert overdracht.datum == timezone.localdate(TRapportage.objects.get(pk=rapport.pk).definitief_op)
    with overdracht.pdf_openen() as f:
        assert "definitief" in pdf_tekst(f.read())
    assert not definitieve_t_rapportages(jaar_met_realisatie.alice).exists()


@pytest.mark.worker
def test_the_t_rapportage_pdf_is_built_on_a_real_worker(client, personas, celery_worker, settings):
    settings.FINANCIEN_TOELICHTING_DREMPEL = "0"
    maak_begroting(2026, KLEINE_BEGROTING, reserve_begin=Decimal("100000"))
    JaarparametersFactory(jaar=2026)
    importeer(personas.carla, 2026, 1, [("R1.01", "DUO", "100000"), ("R2.01", "Directie", "12500,75")])
    client.force_login(personas.carla)

    response = client.post(reverse("financien:t_rapportages"), {"jaar": 2026, "t_nummer": 1})
    rapport = TRapportage.objects.get()
    assert response.status_code == 302 and response.url == reverse("financien:t_rapportage", args=[rapport.uuid])
    wacht_op(lambda: Taak.objects.filter(pk=rapport.taak_id, status=Taak.Status.KLAAR).exists(), seconden=60)
    rapport.refresh_from_db()
    assert rapport.pdf and not rapport.pdf_definitief and rapport.taak.pogingen == 1
    with rapport.pdf_openen() as f:
        tekst = pdf_tekst(f.read())
    assert "CONCEPT" in tekst and "€ 12.500,75" in tekst and "€ 3.600.000,00" in tekst

    data = {"revisie": rapport.revisie}
    for regel in rapport.regels.all():
        data[f"prognose_{regel.pk}"] = str(regel.prognose).replace(".", ",")
        data[f"toelichting_{regel.pk}"] = f"Toelichting bij {regel.code}"
    assert client.post(reverse("financien:t_rapportage", args=[rapport.uuid]), data).status_code == 302
    assert client.post(reverse("financien:t_rapportage_actie", args=[rapport.uuid, "definitief"])).status_code == 302
    wacht_op(lambda: TRapportage.objects.filter(pk=rapport.pk, pdf_definitief=True).exists(), seconden=60)
    rapport.refresh_from_db()
    download = client.get(reverse("financien:t_rapportage_pdf", args=[rapport.uuid]))
    tekst = pdf_tekst(b"".join(download.streaming_content))
    assert "definitief" in tekst and "CONCEPT" not in tekst and "Toelichting bij 2.01" in tekst
    assert download["Content-Disposition"].startswith('attachment; filename="t-rapportage-2026-T1-v1-definitief.pdf"')
