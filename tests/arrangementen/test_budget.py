"""Budget arithmetic: spreading over years, tariffs, commitment on grant, release on refusal and
withdrawal, realisation, remaining, the over-budget warning, and the finance app's contract."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from arrangementen import services
from arrangementen.budget import jaarverdeling, tariefbedrag
from arrangementen.choices import AanvraagStatus, Realisatiebron, TariefEenheid
from arrangementen.models import Realisatie
from arrangementen.selectors import arrangementen_budgetbeslag, budgetoverzicht, budgetsignalen
from arrangementen.services import AanvraagFout
from tests.arrangementen.factories import AanvraagFactory, ArrangementbudgetFactory, ArrangementtypeFactory

D = Decimal


# --- pure arithmetic --------------------------------------------------------------------------


def test_an_amount_within_one_year_stays_whole():
    assert jaarverdeling(D("1000"), date(2030, 1, 1), date(2030, 6, 30)) == {2030: D("1000.00")}


def test_an_amount_over_two_years_is_split_by_days_and_adds_up_exactly():
    delen = jaarverdeling(D("1000.01"), date(2030, 12, 1), date(2031, 1, 30))
    assert delen == {2030: D("508.20"), 2031: D("491.81")}
    assert sum(delen.values()) == D("1000.01")


def test_an_amount_over_three_years_adds_up_exactly():
    delen = jaarverdeling(D("999.99"), date(2030, 12, 31), date(2032, 1, 1))
    assert list(delen) == [2030, 2031, 2032] and sum(delen.values()) == D("999.99")


@pytest.mark.parametrize(
    "eenheid, uren, verwacht",
    [
        (TariefEenheid.PER_ARRANGEMENT, None, D("300.00")),
        (TariefEenheid.PER_WEEK, None, D("6000.00")),
        (TariefEenheid.PER_UUR, D("2"), D("12000.00")),
    ],
)
def test_the_tariff_prices_per_arrangement_week_or_hour(eenheid, uren, verwacht):
    # 1 January + 139 days = exactly 20 weeks.
    assert (
        tariefbedrag(
            tarief=D("300"), eenheid=eenheid, begin=date(2030, 1, 1), eind=date(2030, 5, 20), uren_per_week=uren
        )
        == verwacht
    )


# --- commitment, release, realisation ----------------------------------------------------------


def _in_2030(**kwargs):
    return AanvraagFactory(
        begindatum=date(2030, 2, 1),
        einddatum=date(2030, 6, 30),
        gevraagd_bedrag=D("5000"),
        totale_kosten=D("5000"),
        **kwargs,
    )


@pytest.mark.django_db
def test_granting_commits_and_refusing_or_withdrawing_does_not(personas):
    toegekend = _in_2030(school=personas.school_a, in_beoordeling=True)
    afgewezen = _in_2030(school=personas.school_a, in_beoordeling=True)
    ingetrokken = _in_2030(school=personas.school_a, in_beoordeling=True)
    for a in (toegekend, ingetrokken):
        services.aanvraag_toekennen(
            aanvraag=a,
            door=personas.anna,
            bedrag=D("4000"),
            begindatum=a.begindatum,
            einddatum=a.einddatum,
            motivering="Minder uren nodig.",
        )
    services.aanvraag_afwijzen(aanvraag=afgewezen, door=personas.anna, motivering="Basisondersteuning.")
    assert arrangementen_budgetbeslag(jaar=2030)["toegekend"] == D("8000.00")
    services.aanvraag_intrekken(aanvraag=ingetrokken, door=personas.alice, reden="Verhuisd.")
    beslag = arrangementen_budgetbeslag(jaar=2030)
    assert beslag["toegekend"] == D("4000.00")
    assert beslag["per_school"] == [
        {"school_id": personas.school_a.pk, "toegekend": D("4000.00"), "gerealiseerd": D("0.00")}
    ]


@pytest.mark.django_db
def test_running_evaluated_and_closed_arrangements_keep_their_commitment(personas):
    for status in ("lopend", "geevalueerd", "afgesloten"):
        _in_2030(school=personas.school_a, **{status: True})
    AanvraagFactory(
        school=personas.school_b,
        begindatum=date(2030, 9, 1),
        einddatum=date(2031, 6, 30),
        gevraagd_bedrag=D("3030"),
        toegekend=True,
    )
    beslag = arrangementen_budgetbeslag(jaar=2030)
    assert beslag["toegekend"] == D("15000.00") + jaarverdeling(D("3030"), date(2030, 9, 1), date(2031, 6, 30))[2030]
    assert (
        arrangementen_budgetbeslag(jaar=2031)["toegekend"]
        == jaarverdeling(D("3030"), date(2030, 9, 1), date(2031, 6, 30))[2031]
    )


@pytest.mark.django_db
def test_realised_costs_are_entered_replaced_and_summed(personas):
    a = _in_2030(school=personas.school_a, lopend=True)
    services.realisatie_vastleggen(door=personas.carla, aanvraag=a, jaar=2030, bedrag=D("1200"))
    services.realisatie_vastleggen(
        door=personas.carla, aanvraag=a, jaar=2030, bedrag=D("1250.50"), omschrijving="Factuur mei"
    )
    assert Realisatie.objects.get().bedrag == D("1250.50")
    assert arrangementen_budgetbeslag(jaar=2030)["gerealiseerd"] == D("1250.50")


@pytest.mark.django_db
def test_only_the_controller_or_db_record_money(personas):
    a = _in_2030(school=personas.school_a, lopend=True)
    for wie in (personas.alice, personas.anna, personas.bea):
        with pytest.raises(AanvraagFout):
            services.realisatie_vastleggen(door=wie, aanvraag=a, jaar=2030, bedrag=D("1"))
        with pytest.raises(AanvraagFout):
            services.budget_vastleggen(door=wie, jaar=2030, bedrag=D("1"))
    with pytest.raises(AanvraagFout, match="toegekende"):
        services.realisatie_vastleggen(
            door=personas.carla, aanvraag=_in_2030(school=personas.school_a, ingediend=True), jaar=2030, bedrag=D("1")
        )


@pytest.mark.django_db
def test_an_import_is_all_or_nothing(personas):
    a = _in_2030(school=personas.school_a, lopend=True)
    b = _in_2030(school=personas.school_b, afgesloten=True)
    goed = f"aanvraagnummer;jaar;bedrag\n{a.nummer};2030;1.234,56\n{b.nummer};2030;99\n".encode()
    fout = goed + b"ARR-1999-00001;2030;10\n"
    with pytest.raises(AanvraagFout, match="Regel 4"):
        services.realisaties_importeren(door=personas.carla, bestand=SimpleUploadedFile("export.csv", fout))
    assert not Realisatie.objects.exists()
    assert services.realisaties_importeren(door=personas.carla, bestand=SimpleUploadedFile("export.csv", goed)) == 2
    assert set(Realisatie.objects.values_list("bedrag", "bron")) == {
        (D("1234.56"), Realisatiebron.GEIMPORTEERD),
        (D("99.00"), Realisatiebron.GEIMPORTEERD),
    }


@pytest.mark.django_db
def test_an_excel_export_is_imported_too(personas):
    import openpyxl

    a = _in_2030(school=personas.school_a, lopend=True)
    werkmap = openpyxl.Workbook()
    werkmap.active.append(["Aanvraagnummer", "Jaar", "Bedrag", "Omschrijving"])
    werkmap.active.append([a.nummer, 2030, 800.25, "Grootboek 4410"])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    services.realisaties_importeren(door=personas.carla, bestand=SimpleUploadedFile("export.xlsx", buffer.getvalue()))
    assert Realisatie.objects.get().omschrijving == "Grootboek 4410"


# --- the over-budget warning ------------------------------------------------------------------


@pytest.mark.django_db
def test_a_request_above_the_schools_remaining_budget_is_flagged_not_blocked(personas):
    ArrangementbudgetFactory(jaar=2030, school=personas.school_a, bedrag=D("6000"))
    _in_2030(school=personas.school_a, lopend=True)  # commits 5000
    nieuw = _in_2030(school=personas.school_a, in_beoordeling=True)
    signalen = budgetsignalen(nieuw)
    assert [s.overschrijding for s in signalen] == [True]
    assert "budget van de school" in signalen[0].tekst and "€ 1.000,00" in signalen[0].tekst
    besluit = services.aanvraag_toekennen(
        aanvraag=nieuw, door=personas.anna, bedrag=D("5000"), begindatum=nieuw.begindatum, einddatum=nieuw.einddatum
    )
    assert besluit.boven_budget and "budget van de school" in besluit.budgetsignaal
    nieuw.refresh_from_db()
    assert nieuw.status == AanvraagStatus.TOEGEKEND


@pytest.mark.django_db
def test_the_kring_budget_applies_when_the_school_has_none(personas):
    ArrangementbudgetFactory(jaar=2030, kring=personas.kring, bedrag=D("9000"))
    _in_2030(school=personas.school_b, toegekend=True)
    signalen = budgetsignalen(_in_2030(school=personas.school_a, in_beoordeling=True))
    assert len(signalen) == 1 and "budget van de kring" in signalen[0].tekst


@pytest.mark.django_db
def test_the_swv_budget_is_checked_too(personas):
    ArrangementbudgetFactory(jaar=2030, bedrag=D("7000"))
    ArrangementbudgetFactory(jaar=2030, school=personas.school_a, bedrag=D("100000"))
    _in_2030(school=personas.school_b, toegekend=True)
    teksten = [
        s.tekst for s in budgetsignalen(_in_2030(school=personas.school_a, in_beoordeling=True)) if s.overschrijding
    ]
    assert len(teksten) == 1 and "samenwerkingsverband" in teksten[0]


@pytest.mark.django_db
def test_without_any_budget_the_assessor_is_told_so(personas):
    signalen = budgetsignalen(_in_2030(school=personas.school_a, in_beoordeling=True))
    assert [(s.overschrijding, "geen budget" in s.tekst) for s in signalen] == [(False, True)]


@pytest.mark.django_db
def test_a_full_regional_arrangement_is_flagged(personas):
    regionaal = ArrangementtypeFactory(regionaal=True)  # two places
    ArrangementbudgetFactory(jaar=2030, school=personas.school_a, bedrag=D("100000"))
    _in_2030(school=personas.school_a, arrangementtype=regionaal, toegekend=True)
    _in_2030(school=personas.school_b, arrangementtype=regionaal, lopend=True)
    teksten = [
        s.tekst
        for s in budgetsignalen(_in_2030(school=personas.school_a, arrangementtype=regionaal, in_beoordeling=True))
    ]
    assert teksten == [f"{regionaal.naam} is vol in deze periode: 2 van de 2 plaatsen zijn bezet."]


# --- the overview -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_overview_shows_available_committed_realised_and_remaining(personas):
    ArrangementbudgetFactory(jaar=2030, school=personas.school_a, bedrag=D("12000"))
    ArrangementbudgetFactory(jaar=2030, kring=personas.kring, bedrag=D("30000"))
    a = _in_2030(school=personas.school_a, lopend=True)
    services.realisatie_vastleggen(door=personas.carla, aanvraag=a, jaar=2030, bedrag=D("2000"))
    o = budgetoverzicht(personas.carla, jaar=2030)
    school = next(r for r in o["per_school"] if r.school == personas.school_a)
    assert (school.beschikbaar, school.toegekend, school.gerealiseerd, school.resterend) == (
        D("12000"),
        D("5000.00"),
        D("2000.00"),
        D("7000.00"),
    )
    kring = o["per_kring"][0]
    assert (kring.beschikbaar, kring.toegekend, kring.resterend) == (D("30000"), D("5000.00"), D("25000.00"))
    # Without an explicit SWV line, the SWV's total is the sum of the school and kring budgets.
    assert (o["totaal"].beschikbaar, o["totaal"].toegekend) == (D("42000.00"), D("5000.00"))


@pytest.mark.django_db
def test_pupil_level_roles_do_not_get_the_overview(personas):
    assert budgetoverzicht(personas.alice, jaar=2030) is None
    assert budgetoverzicht(personas.bert, jaar=2030) is None
