"""Parameters per year: change in place while open, a new version once a final T-rapportage exists."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from financien.choices import ParametersStatus, RapportStatus
from financien.models import Arrangementenbudget, Jaarparameters, TRapportage
from financien.services import FinancienFout
from financien.services.parameters import (
    WAARDEVELDEN,
    arrangementenbudget_opslaan,
    arrangementenbudget_verwijderen,
    jaarparameters_aanmaken,
    jaarparameters_kopieren,
    jaarparameters_wijzigen,
)
from tests.beperkingen import schendt
from tests.financien.factories import JaarparametersFactory

pytestmark = pytest.mark.django_db


def _waarden(params, **wijziging):
    return {**model_to_dict(params, fields=WAARDEVELDEN), **wijziging}


def _definitief(jaar, params):
    from django.utils import timezone

    return TRapportage.objects.create(
        jaar=jaar,
        t_nummer=1,
        tot_en_met_maand=3,
        status=RapportStatus.DEFINITIEF,
        definitief_op=timezone.now(),
        parameters=params,
    )


def test_the_controller_creates_the_parameters_of_a_year(personas):
    params = jaarparameters_aanmaken(
        door=personas.carla, jaar=2027, waarden=_waarden(JaarparametersFactory.build(jaar=2027))
    )
    assert (params.jaar, params.versie, params.status) == (2027, 1, ParametersStatus.ACTUEEL)
    assert params.history.first().history_user == personas.carla


def test_a_second_set_for_the_same_year_is_refused(personas):
    JaarparametersFactory(jaar=2027)
    with pytest.raises(FinancienFout, match="al parameters voor 2027"):
        jaarparameters_aanmaken(
            door=personas.carla, jaar=2027, waarden=_waarden(JaarparametersFactory.build(jaar=2027))
        )


def test_open_parameters_are_changed_in_place_with_history(personas):
    params = JaarparametersFactory(jaar=2026)
    nieuw = jaarparameters_wijzigen(
        door=personas.carla,
        parameters=params,
        revisie=0,
        waarden=_waarden(params, tarief_zware=Decimal("330.00")),
        reden="DUO-regeling 2026",
    )
    assert nieuw.pk == params.pk and nieuw.versie == 1 and nieuw.revisie == 1
    assert Jaarparameters.objects.get(pk=params.pk).tarief_zware == Decimal("330.00")
    laatste = params.history.first()
    assert (laatste.history_user, laatste.history_change_reason) == (personas.carla, "DUO-regeling 2026")
    assert laatste.prev_record.tarief_zware == Decimal("324.80")


def test_a_stale_form_is_refused(personas):
    params = JaarparametersFactory(jaar=2026)
    jaarparameters_wijzigen(door=personas.carla, parameters=params, revisie=0, waarden=_waarden(params))
    with pytest.raises(FinancienFout, match="in de tussentijd"):
        jaarparameters_wijzigen(
            door=personas.carla, parameters=params, revisie=0, waarden=_waarden(params, tarief_zware=Decimal("1"))
        )
    assert Jaarparameters.objects.get(pk=params.pk).tarief_zware == Decimal("324.80")


def test_frozen_parameters_become_a_new_version_and_the_old_one_stays(personas):
    params = JaarparametersFactory(jaar=2026)
    rapport = _definitief(2026, params)
    with pytest.raises(FinancienFout, match="reden"):
        jaarparameters_wijzigen(
            door=personas.carla, parameters=params, revisie=0, waarden=_waarden(params, tarief_zware=Decimal("330"))
        )
    nieuw = jaarparameters_wijzigen(
        door=personas.carla,
        parameters=params,
        revisie=0,
        waarden=_waarden(params, tarief_zware=Decimal("330")),
        reden="Nabetaling DUO",
    )
    params.refresh_from_db()
    assert (nieuw.versie, nieuw.status, nieuw.tarief_zware, nieuw.reden) == (
        2,
        ParametersStatus.ACTUEEL,
        Decimal("330.00"),
        "Nabetaling DUO",
    )
    assert (params.status, params.tarief_zware) == (ParametersStatus.VERVANGEN, Decimal("324.80"))
    rapport.refresh_from_db()
    assert rapport.parameters == params  # the final report keeps the version it used


def test_a_superseded_version_cannot_be_changed(personas):
    params = JaarparametersFactory(jaar=2026)
    _definitief(2026, params)
    jaarparameters_wijzigen(door=personas.carla, parameters=params, revisie=0, waarden=_waarden(params), reden="x")
    with pytest.raises(FinancienFout, match="nieuwere versie"):
        jaarparameters_wijzigen(door=personas.carla, parameters=params, revisie=0, waarden=_waarden(params), reden="y")


def test_the_minimum_reserve_may_not_exceed_the_signalling_value(personas):
    params = JaarparametersFactory(jaar=2026)
    with pytest.raises(FinancienFout, match="minimumreserve"):
        jaarparameters_wijzigen(
            door=personas.carla,
            parameters=params,
            revisie=0,
            waarden=_waarden(params, minimum_reserve_percentage=Decimal("4.00")),
        )


def test_a_year_is_copied_to_the_next_with_its_budgets(personas):
    params = JaarparametersFactory(jaar=2026, teldatum=date(2025, 2, 1))
    Arrangementenbudget.objects.create(parameters=params, kring=personas.kring, bedrag=Decimal("50000"))
    volgend = jaarparameters_kopieren(door=personas.carla, jaar=2026)
    assert (volgend.jaar, volgend.versie, volgend.teldatum, volgend.tarief_zware) == (
        2027,
        1,
        date(2026, 2, 1),
        params.tarief_zware,
    )
    assert list(volgend.arrangementenbudgetten.values_list("kring", "bedrag")) == [
        (personas.kring.pk, Decimal("50000.00"))
    ]
    with pytest.raises(FinancienFout, match="al parameters voor 2027"):
        jaarparameters_kopieren(door=personas.carla, jaar=2026)
    with pytest.raises(FinancienFout, match="geen parameters voor 2030"):
        jaarparameters_kopieren(door=personas.carla, jaar=2030)


def test_arrangement_budgets_per_school_or_kring(personas):
    params = JaarparametersFactory(jaar=2026)
    budget = arrangementenbudget_opslaan(
        door=personas.carla, parameters=params, school=personas.school_a, bedrag=Decimal("1000")
    )
    arrangementenbudget_opslaan(
        door=personas.carla, parameters=params, school=personas.school_a, bedrag=Decimal("2000")
    )
    assert list(params.arrangementenbudgetten.values_list("bedrag", flat=True)) == [Decimal("2000.00")]
    with pytest.raises(FinancienFout, match="school of een kring"):
        arrangementenbudget_opslaan(
            door=personas.carla, parameters=params, school=personas.school_a, kring=personas.kring, bedrag=Decimal("1")
        )
    _definitief(2026, params)
    with pytest.raises(FinancienFout, match="nieuwe versie"):
        arrangementenbudget_opslaan(door=personas.carla, parameters=params, kring=personas.kring, bedrag=Decimal("1"))
    with pytest.raises(FinancienFout, match="nieuwe versie"):
        arrangementenbudget_verwijderen(door=personas.carla, budget=Arrangementenbudget.objects.get(pk=budget.pk))


@pytest.mark.parametrize(
    "veld, waarde, beperking",
    [
        ("tarief_zware", Decimal("-1"), "jaarparameters_tarieven_niet_negatief"),
        ("sbo_drempel_percentage", Decimal("101"), "jaarparameters_percentages_bereik"),
        ("minimum_reserve_percentage", Decimal("9"), "jaarparameters_minimum_onder_signaleringswaarde"),
    ],
)
def test_the_database_refuses_impossible_parameters(veld, waarde, beperking):
    with schendt(beperking):
        JaarparametersFactory(jaar=2026, **{veld: waarde})


def test_the_database_allows_one_current_version_per_year():
    JaarparametersFactory(jaar=2026)
    with schendt("jaarparameters_een_actueel"):
        JaarparametersFactory(jaar=2026, versie=2)


def test_an_arrangement_budget_belongs_to_a_school_or_a_kring_never_both(personas):
    params = JaarparametersFactory(jaar=2026)
    with schendt("arrangementenbudget_school_of_kring"):
        Arrangementenbudget.objects.create(parameters=params, school=personas.school_a, kring=personas.kring, bedrag=1)
    with schendt("arrangementenbudget_bedrag_niet_negatief"):
        Arrangementenbudget.objects.create(parameters=params, kring=personas.kring, bedrag=-1)
