"""Invariants the database enforces itself (run on PostgreSQL in CI): amounts never negative, dates
in order, one open request per pupil, type and start, decisions complete, answers or a reason."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from arrangementen.choices import AanvraagStatus, Besluitsoort
from arrangementen.models import Aanvraag, Arrangementbudget, Besluit, Evaluatie, Realisatie, Statusovergang
from tests.arrangementen.factories import AanvraagFactory, ArrangementtypeFactory
from tests.beperkingen import schendt

pytestmark = pytest.mark.django_db


def weigert(beperking: str, functie) -> None:
    with schendt(beperking):
        functie()


def test_amounts_cannot_be_negative(personas):
    a = AanvraagFactory(school=personas.school_a)
    for veld in ("totale_kosten", "bijdrage_school", "bijdrage_gemeente", "gevraagd_bedrag"):
        weigert(
            "aanvraag_bedragen_niet_negatief",
            lambda veld=veld: Aanvraag.objects.filter(pk=a.pk).update(**{veld: Decimal("-1")}),
        )
    weigert(
        "aanvraag_toegekend_niet_negatief",
        lambda: Aanvraag.objects.filter(pk=a.pk).update(toegekend_bedrag=Decimal("-1")),
    )
    weigert("budget_niet_negatief", lambda: Arrangementbudget.objects.create(jaar=2030, bedrag=Decimal("-5")))
    weigert(
        "realisatie_niet_negatief",
        lambda: Realisatie.objects.create(aanvraag=a, jaar=2030, bedrag=Decimal("-5"), vastgelegd_door=personas.carla),
    )
    weigert("arrtype_tarief_niet_negatief", lambda: ArrangementtypeFactory(tarief=Decimal("-1")))


def test_the_end_comes_after_the_start(personas):
    a = AanvraagFactory(school=personas.school_a)
    weigert("aanvraag_einde_na_begin", lambda: Aanvraag.objects.filter(pk=a.pk).update(einddatum=a.begindatum))


def test_one_open_request_per_pupil_type_and_start(personas):
    a = AanvraagFactory(school=personas.school_a)
    kopie = dict(school=a.school, leerling=a.leerling, arrangementtype=a.arrangementtype, begindatum=a.begindatum)
    weigert("aanvraag_een_open_per_leerling_type_periode", lambda: AanvraagFactory(**kopie))
    Aanvraag.objects.filter(pk=a.pk).update(status=AanvraagStatus.INGETROKKEN)
    AanvraagFactory(**kopie)  # a withdrawn request frees it


def test_one_open_extension_per_arrangement(personas):
    a = AanvraagFactory(school=personas.school_a, afgesloten=True)
    AanvraagFactory(school=personas.school_a, vorige=a)
    weigert("aanvraag_een_verlenging_per_arrangement", lambda: AanvraagFactory(school=personas.school_a, vorige=a))


def test_a_committing_state_needs_the_granted_amount(personas):
    a = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    weigert(
        "aanvraag_toegekend_met_bedrag",
        lambda: Aanvraag.objects.filter(pk=a.pk).update(status=AanvraagStatus.TOEGEKEND),
    )


def test_a_closed_arrangement_has_a_date_and_result(personas):
    a = AanvraagFactory(school=personas.school_a, geevalueerd=True)
    weigert(
        "aanvraag_afgesloten_met_resultaat",
        lambda: Aanvraag.objects.filter(pk=a.pk).update(status=AanvraagStatus.AFGESLOTEN),
    )


def test_decisions_are_complete(personas):
    a = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    basis = dict(
        aanvraag=a,
        gevraagd_bedrag=a.gevraagd_bedrag,
        gevraagd_begin=a.begindatum,
        gevraagd_eind=a.einddatum,
        genomen_door=personas.anna,
    )
    weigert(
        "besluit_toegekend_met_bedrag_of_afgewezen_met_reden",
        lambda: Besluit.objects.create(soort=Besluitsoort.AFGEWEZEN, **basis),
    )  # no reasons
    weigert(
        "besluit_toegekend_met_bedrag_of_afgewezen_met_reden",
        lambda: Besluit.objects.create(soort=Besluitsoort.TOEGEKEND, **basis),
    )  # no amount or period
    weigert(
        "besluit_deels_met_motivering",
        lambda: Besluit.objects.create(
            soort=Besluitsoort.DEELS_TOEGEKEND,
            bedrag=Decimal("1"),
            begindatum=a.begindatum,
            einddatum=a.einddatum,
            **basis,
        ),
    )  # partial without reasons
    weigert(
        "besluit_toegekend_met_bedrag_of_afgewezen_met_reden",
        lambda: Besluit.objects.create(
            soort=Besluitsoort.TOEGEKEND,
            bedrag=Decimal("1"),
            begindatum=a.begindatum,
            einddatum=a.begindatum - timedelta(days=1),
            **basis,
        ),
    )


def test_an_evaluation_has_the_answers_or_the_reason(personas):
    a = AanvraagFactory(school=personas.school_a, lopend=True)
    basis = dict(
        moment=a.evaluatiemomenten.get(),
        aanvraag=a,
        doelen_bereikt="ja",
        conclusie="stoppen",
        toelichting="x",
        vastgelegd_door=personas.alice,
        kind_ingevuld=False,
        kind_reden_niet="Te jong.",
    )
    weigert("evaluatie_ouders_antwoorden_of_reden", lambda: Evaluatie.objects.create(ouders_ingevuld=True, **basis))
    weigert("evaluatie_ouders_antwoorden_of_reden", lambda: Evaluatie.objects.create(ouders_ingevuld=False, **basis))
    weigert(
        "evaluatie_cijfer_1_10",
        lambda: Evaluatie.objects.create(
            ouders_ingevuld=True, ouders_betrokken=4, ouders_geholpen=4, ouders_cijfer=11, ouders_doorgaan="ja", **basis
        ),
    )
    Evaluatie.objects.create(ouders_ingevuld=False, ouders_reden_niet="Niet bereikbaar.", **basis)


def test_budgets_are_unique_per_year_and_level(personas):
    Arrangementbudget.objects.create(jaar=2030, bedrag=1)
    weigert("budget_uniek_swv", lambda: Arrangementbudget.objects.create(jaar=2030, bedrag=2))
    Arrangementbudget.objects.create(jaar=2030, school=personas.school_a, bedrag=1)
    weigert(
        "budget_uniek_school", lambda: Arrangementbudget.objects.create(jaar=2030, school=personas.school_a, bedrag=2)
    )
    weigert(
        "budget_school_of_kring",
        lambda: Arrangementbudget.objects.create(jaar=2031, school=personas.school_a, kring=personas.kring, bedrag=2),
    )


def test_a_transition_changes_the_status(personas):
    a = AanvraagFactory(school=personas.school_a)
    weigert(
        "aanvraagovergang_van_ongelijk_naar",
        lambda: Statusovergang.objects.create(aanvraag=a, van="concept", naar="concept", door=personas.alice),
    )


def test_the_catalogue_shares_add_up_to_at_most_100(db):
    weigert(
        "arrtype_aandelen_samen_max_100",
        lambda: ArrangementtypeFactory(aandeel_school_pct=Decimal("60"), aandeel_gemeente_pct=Decimal("50")),
    )
    assert ArrangementtypeFactory(aandeel_gemeente_pct=Decimal("50")).aandeel_swv_pct == Decimal("50")


def test_a_request_number_is_unique(personas):
    a = AanvraagFactory(school=personas.school_a, begindatum=date(2030, 1, 1), einddatum=date(2030, 5, 1))
    weigert("arrangementen_aanvraag_nummer_key", lambda: AanvraagFactory(school=personas.school_a, nummer=a.nummer))
