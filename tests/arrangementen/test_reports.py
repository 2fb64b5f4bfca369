"""Report jobs: the decision letter made by a real Celery worker (PDF text checked with pypdf) and
the AC annual report data (selectors and the Excel export)."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from arrangementen import services
from arrangementen.models import Besluit, Evaluatie, Realisatie
from arrangementen.selectors import jaarverslag_aantallen, jaarverslag_evaluaties, jaarverslag_geld
from swv.models import Taak
from swv.taken import taak_starten, taak_uitvoeren_service
from tests.arrangementen.factories import AanvraagFactory
from tests.conftest import wacht_op


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(inhoud)).pages)


@pytest.mark.worker
def test_the_decision_letter_is_made_by_the_worker_and_holds_the_decision(client, personas, celery_worker):
    aanvraag = AanvraagFactory(
        school=personas.school_a,
        in_beoordeling=True,
        begindatum=date(2031, 9, 1),
        einddatum=date(2032, 1, 18),
        gevraagd_bedrag=Decimal("5000"),
    )
    services.aanvraag_toekennen(
        aanvraag=aanvraag,
        door=personas.anna,
        bedrag=Decimal("4000"),
        begindatum=date(2031, 9, 1),
        einddatum=date(2031, 12, 20),
        voorwaarden="Tussentijdse evaluatie met de consulent.",
        motivering="Vier maanden is genoeg voor deze doelen.",
    )
    besluit = wacht_op(lambda: Besluit.objects.filter(aanvraag=aanvraag).exclude(brief="").first(), seconden=60)
    assert Taak.objects.get(pk=besluit.brief_taak_id).status == Taak.Status.KLAAR
    client.force_login(personas.alice)
    response = client.get(reverse("arrangementen:brief", args=[aanvraag.uuid]))
    inhoud = b"".join(response.streaming_content)
    tekst = pdf_tekst(inhoud)
    for verwacht in (
        f"Besluit op arrangementaanvraag {aanvraag.nummer}",
        aanvraag.leerling.volledige_naam,
        "Besluit: deels toegekend",
        "€ 5.000,00",
        "€ 4.000,00",
        "1 september 2031 – 20 december 2031",
        "Tussentijdse evaluatie met de consulent.",
        "Vier maanden is genoeg voor deze doelen.",
        "bezwaar",
        personas.swv.naam,
    ):
        assert verwacht in tekst, verwacht


@pytest.mark.django_db
def test_the_letter_job_is_idempotent_and_states_a_refusal_with_objection(personas, django_capture_on_commit_callbacks):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    with django_capture_on_commit_callbacks(execute=False):
        besluit = services.aanvraag_afwijzen(
            aanvraag=aanvraag, door=personas.anna, motivering="Past in de basisondersteuning."
        )
    taak_uitvoeren_service(taak_id=besluit.brief_taak_id)
    besluit.refresh_from_db()
    eerste = besluit.brief.name
    # Stored once: with the decision, not a second copy on the job (issue 13).
    assert Taak.objects.get(pk=besluit.brief_taak_id).status == Taak.Status.KLAAR
    assert not Taak.objects.get(pk=besluit.brief_taak_id).bestand
    tekst = pdf_tekst(besluit.brief.read())
    assert "Besluit: afgewezen" in tekst and "Past in de basisondersteuning." in tekst and "6 weken" in tekst
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(soort="arrangement_besluitbrief", omschrijving="x", parameters={"besluit_id": besluit.pk})
    taak_uitvoeren_service(taak_id=taak.pk)
    besluit.refresh_from_db()
    assert besluit.brief.name == eerste
    assert "/" not in besluit.brief.name.rsplit("besluiten/", 1)[-1].split("/", 1)[-1]  # <uuid>.pdf, no names


# --- the AC annual report data --------------------------------------------------------------------


def _op(d: date):
    return timezone.make_aware(datetime.combine(d, time(12)))


@pytest.fixture
def jaar_2030(personas):
    """School year 2030-2031: two granted (one evaluated by parents and child), one refused, one withdrawn."""
    ingediend = _op(date(2030, 10, 1))
    a = AanvraagFactory(
        school=personas.school_a, afgesloten=True, ingediend_op=ingediend, gevraagd_bedrag=Decimal("5000")
    )
    b = AanvraagFactory(
        school=personas.school_b, toegekend=True, ingediend_op=ingediend, gevraagd_bedrag=Decimal("3000")
    )
    AanvraagFactory(school=personas.school_a, afgewezen=True, ingediend_op=ingediend)
    AanvraagFactory(school=personas.school_a, ingetrokken=True, ingediend_op=ingediend)
    AanvraagFactory(school=personas.school_a, ingediend=True, ingediend_op=_op(date(2031, 9, 1)))  # next school year
    Besluit.objects.filter(aanvraag__in=[a, b]).update(datum=date(2030, 11, 1))
    Besluit.objects.filter(aanvraag__status="afgewezen").update(datum=date(2030, 11, 1))
    Evaluatie.objects.create(
        moment=a.evaluatiemomenten.get(),
        aanvraag=a,
        datum=date(2031, 3, 1),
        doelen_bereikt="ja",
        conclusie="stoppen",
        toelichting="Gehaald.",
        ouders_betrokken=5,
        ouders_geholpen=4,
        ouders_cijfer=8,
        ouders_doorgaan="nee",
        kind_fijn=3,
        kind_geleerd=3,
        kind_doorgaan="nee",
        vastgelegd_door=personas.alice,
    )
    Realisatie.objects.create(aanvraag=a, jaar=2031, bedrag=Decimal("4800"), vastgelegd_door=personas.carla)
    return a, b


@pytest.mark.django_db
def test_counts_per_type_school_and_outcome(personas, jaar_2030):
    aantallen = jaarverslag_aantallen(personas.dirk, jaar=2030)
    assert aantallen["totaal"] == 4
    assert aantallen["per_uitkomst_telling"] == {
        "toegekend": 2,
        "deels_toegekend": 0,
        "afgewezen": 1,
        "ingetrokken": 1,
        "in_behandeling": 0,
    }
    per_school = {rij[0]: rij[1] for rij in aantallen["per_school"].rijen}
    assert per_school == {"Basisschool A": 3, "Basisschool B": 1}


@pytest.mark.django_db
def test_evaluation_answers_are_counted(personas, jaar_2030):
    e = jaarverslag_evaluaties(personas.anna, jaar=2030)
    assert (e["aantal"], e["ouders_ingevuld"], e["kind_ingevuld"], e["gemiddeld_cijfer_ouders"]) == (
        1,
        1,
        1,
        Decimal("8.0"),
    )
    fijn = next(v for v in e["verdelingen"] if v["veld"] == "kind_fijn")
    assert [a["aantal"] for a in fijn["antwoorden"]] == [0, 0, 1]


@pytest.mark.django_db
def test_money_of_the_school_years_decisions(personas, jaar_2030):
    geld = jaarverslag_geld(personas.carla, jaar=2030)
    assert (geld["toegekend"], geld["gerealiseerd"]) == (Decimal("8000.00"), Decimal("4800.00"))


@pytest.mark.django_db
def test_roles_without_the_report_get_nothing(personas, jaar_2030):
    assert jaarverslag_aantallen(personas.alice, jaar=2030)["totaal"] == 0
    assert jaarverslag_geld(personas.bert, jaar=2030)["toegekend"] == Decimal("0.00")


@pytest.mark.django_db
def test_the_excel_export_has_a_sheet_per_table(personas, jaar_2030, django_capture_on_commit_callbacks):
    import openpyxl

    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(
            soort="arrangementen_jaarverslag_excel",
            omschrijving="AC",
            aangevraagd_door=personas.anna,
            parameters={"jaar": 2030},
        )
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert taak.status == Taak.Status.KLAAR and taak.bestandsnaam == "ac-jaarverslag-2030-2031.xlsx"
    werkmap = openpyxl.load_workbook(taak.bestand.open("rb"))
    assert werkmap.sheetnames == ["Per soort", "Per school", "Per uitkomst", "Evaluaties", "Geld"]
    assert werkmap["Per uitkomst"]["B2"].value == 2


@pytest.mark.django_db
def test_the_export_refuses_a_user_without_the_report(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        taak = taak_starten(
            soort="arrangementen_jaarverslag_excel",
            omschrijving="AC",
            aangevraagd_door=personas.alice,
            parameters={"jaar": 2030},
        )
    taak_uitvoeren_service(taak_id=taak.pk)
    taak.refresh_from_db()
    assert taak.status == Taak.Status.MISLUKT
