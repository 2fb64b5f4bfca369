"""Thuiszitter cases: registration rules, the ladder (skipping needs a reason), closing, and the
refused transitions with their Dutch errors."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine

from leerlingen.models import Ladderstap, Ladderstapwijziging, Thuiszittercasus, ThuiszitterStatuswijziging
from leerlingen.services.thuiszitters import (
    Domeinfout,
    ketenpartner_aanmaken,
    ladderstap_opslaan,
    thuiszitter_afsluiten,
    thuiszitter_partner_koppelen,
    thuiszitter_registreren,
    thuiszitter_registreren_zonder_inschrijving,
    thuiszitter_stap_wijzigen,
    thuiszitter_wijzigen,
)
from tests.beperkingen import schendt
from tests.gelijktijdig import gelijktijdig, precies_een_wint
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_thuiszitters import ThuiszittercasusFactory, standaard_ladder  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def vaste_dag():
    with time_machine.travel(date(2026, 3, 2), tick=False):
        yield


def stap(n: int) -> Ladderstap:
    return Ladderstap.objects.get(volgorde=n)


def registreer(personas, leerling=None, **extra):
    leerling = leerling or LeerlingFactory(school=personas.school_a)
    velden = {"soort": "relatief_verzuim", "reden": "schoolweigering", "sinds": date(2026, 1, 12)}
    velden.update(extra)
    return thuiszitter_registreren(door=personas.alice, leerling=leerling, **velden)


def fout(excinfo) -> str:
    return " ".join(excinfo.value.messages)


# --- registration ---


def test_an_ib_er_registers_a_case_for_a_pupil_of_her_school_on_the_first_step(personas):
    casus = registreer(personas, onderwijs_uren=Decimal("4.5"))
    assert (casus.school, casus.gemeente, casus.huidige_stap.volgorde, casus.status) == (
        personas.school_a,
        personas.school_a.gemeente,
        1,
        "actief",
    )
    assert Ladderstapwijziging.objects.get(casus=casus).van_stap is None
    assert ThuiszitterStatuswijziging.objects.get(casus=casus).naar == "actief"
    assert casus.history.count() == 1


def test_it_refuses_a_pupil_of_another_school(personas):
    with pytest.raises(Domeinfout) as e:
        thuiszitter_registreren(
            door=personas.bob,
            leerling=LeerlingFactory(school=personas.school_a),
            soort="relatief_verzuim",
            reden="gedrag",
            sinds=date(2026, 1, 12),
        )
    assert "eigen school" in fout(e)
    assert not Thuiszittercasus.objects.exists()


def test_absolute_absence_is_refused_for_an_enrolled_pupil(personas):
    with pytest.raises(Domeinfout) as e:
        registreer(personas, soort="absoluut_verzuim")
    assert "langdurig relatief verzuim" in fout(e)


def test_a_second_active_case_for_the_same_pupil_is_refused(personas):
    casus = registreer(personas)
    with pytest.raises(Domeinfout) as e:
        registreer(personas, leerling=casus.leerling)
    assert "loopt al een thuiszittercasus" in fout(e)


def test_a_since_date_in_the_future_is_refused(personas):
    with pytest.raises(Domeinfout) as e:
        registreer(personas, sinds=VANDAAG + timedelta(days=1))
    assert "mag niet in de toekomst liggen" in fout(e)


def test_an_opp_needs_its_date(personas):
    with pytest.raises(Domeinfout) as e:
        registreer(personas, heeft_opp=True)
    assert "datum van het OPP" in fout(e)


def test_four_year_olds_count_but_three_year_olds_do_not(personas):
    vier = LeerlingFactory(school=personas.school_a, geboortedatum=date(2021, 12, 1))
    assert registreer(personas, leerling=vier).pk
    drie = LeerlingFactory(school=personas.school_a, geboortedatum=date(2022, 12, 1))
    with pytest.raises(Domeinfout) as e:
        registreer(personas, leerling=drie)
    assert "tussen 4 en 14 jaar" in fout(e)


def test_a_duplicate_submit_returns_the_same_case(personas):
    import uuid

    sleutel = uuid.uuid4()
    leerling = LeerlingFactory(school=personas.school_a)
    eerste = registreer(personas, leerling=leerling, uuid=sleutel)
    tweede = registreer(personas, leerling=leerling, uuid=sleutel)
    assert eerste.pk == tweede.pk and Thuiszittercasus.objects.count() == 1


def test_a_consulent_registers_a_child_without_enrolment(personas):
    casus = thuiszitter_registreren_zonder_inschrijving(
        door=personas.charlie,
        voornaam="Sem",
        achternaam="Visser",
        geboortedatum=date(2018, 4, 1),
        gemeente=personas.school_a.gemeente,
        soort="absoluut_verzuim",
        reden="geen_aanbod",
        sinds=date(2026, 2, 1),
    )
    assert casus.school is None and casus.regisseur == personas.charlie
    assert not casus.leerling.inschrijvingen.exists()
    assert casus.zonder_inschrijving


def test_an_ib_er_cannot_register_a_child_without_enrolment(personas):
    with pytest.raises(Domeinfout) as e:
        thuiszitter_registreren_zonder_inschrijving(
            door=personas.alice,
            voornaam="Sem",
            achternaam="Visser",
            geboortedatum=date(2018, 4, 1),
            gemeente=personas.school_a.gemeente,
            soort="absoluut_verzuim",
            reden="geen_aanbod",
            sinds=date(2026, 2, 1),
        )
    assert "consulent of de beleidsmedewerker" in fout(e)
    from leerlingen.models import Leerling

    assert not Leerling.objects.filter(voornaam="Sem").exists()  # nothing half-saved


def test_relative_absence_is_refused_for_a_child_without_enrolment(personas):
    with pytest.raises(Domeinfout) as e:
        thuiszitter_registreren_zonder_inschrijving(
            door=personas.bea,
            voornaam="Sem",
            achternaam="Visser",
            geboortedatum=date(2018, 4, 1),
            gemeente=personas.school_a.gemeente,
            soort="relatief_verzuim",
            reden="geen_aanbod",
            sinds=date(2026, 2, 1),
        )
    assert "niet ingeschreven" in fout(e)


# --- the ladder ---


def test_moving_one_step_up_needs_no_reason_and_is_recorded(personas):
    casus = registreer(personas)
    thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(2), van_stap=stap(1))
    casus.refresh_from_db()
    laatste = casus.stapwijzigingen.order_by("-pk").first()
    assert (
        casus.huidige_stap.volgorde,
        laatste.van_stap.volgorde,
        laatste.naar_stap.volgorde,
        laatste.door,
        laatste.overgeslagen,
    ) == (2, 1, 2, personas.charlie, 0)


def test_skipping_a_step_without_a_reason_is_refused(personas):
    casus = registreer(personas)
    with pytest.raises(Domeinfout) as e:
        thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(3), reden="  ")
    assert fout(e) == "U slaat 1 stap van de ladder over: geef de reden."
    casus.refresh_from_db()
    assert casus.huidige_stap.volgorde == 1


def test_skipping_steps_with_a_reason_records_how_many(personas):
    casus = registreer(personas)
    thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(4), reden="Acute situatie")
    assert casus.stapwijzigingen.order_by("-pk").first().overgeslagen == 2


def test_moving_down_is_allowed_without_a_reason(personas):
    casus = registreer(personas)
    thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(4), reden="Acuut")
    thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(2))
    casus.refresh_from_db()
    assert casus.huidige_stap.volgorde == 2


def test_a_stale_move_on_the_ladder_is_detected(personas):
    casus = registreer(personas)
    thuiszitter_stap_wijzigen(door=personas.bea, casus=casus, naar_stap=stap(2), van_stap=stap(1))
    with pytest.raises(Domeinfout) as e:
        thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(2), van_stap=stap(1))
    assert "intussen op de ladder verplaatst" in fout(e)


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_move_on_the_ladder_is_detected(personas):
    casus = registreer(personas)
    eerder = set(Ladderstapwijziging.objects.filter(casus=casus).values_list("pk", flat=True))

    def verplaatsen(door, naar):  # both saw the case on step 1
        return lambda: thuiszitter_stap_wijzigen(
            door=door, casus=Thuiszittercasus.objects.get(pk=casus.pk), naar_stap=stap(naar), van_stap=stap(1)
        )

    winnaar, verliezer = precies_een_wint(
        gelijktijdig(verplaatsen(personas.bea, 2), verplaatsen(personas.charlie, 2)), Domeinfout
    )
    assert "intussen op de ladder verplaatst" in " ".join(verliezer.messages)
    casus.refresh_from_db()
    assert casus.huidige_stap == winnaar.naar_stap
    assert set(Ladderstapwijziging.objects.filter(casus=casus).values_list("pk", flat=True)) - eerder == {winnaar.pk}


def test_the_ib_er_cannot_move_a_case_on_the_ladder(personas):
    casus = registreer(personas)
    with pytest.raises(Domeinfout):
        thuiszitter_stap_wijzigen(door=personas.alice, casus=casus, naar_stap=stap(2))


def test_a_step_with_active_cases_cannot_be_taken_out_of_use(personas):
    registreer(personas)
    with pytest.raises(Domeinfout) as e:
        ladderstap_opslaan(door=personas.bea, stap=stap(1), volgorde=1, naam=stap(1).naam, actief=False)
    assert "1 lopende casus" in fout(e)


def test_the_policy_officer_adds_a_step_and_others_may_not(personas):
    nieuw = ladderstap_opslaan(door=personas.bea, volgorde=7, naam="Landelijk overleg")
    assert nieuw.actief
    with pytest.raises(Domeinfout):
        ladderstap_opslaan(door=personas.charlie, volgorde=8, naam="Iets")
    with pytest.raises(Domeinfout) as e:
        ladderstap_opslaan(door=personas.bea, volgorde=7, naam="Dubbel")
    assert "volgnummer" in fout(e)


# --- details and partners ---


def test_changing_details_checks_the_version(personas):
    casus = registreer(personas)
    velden = {
        "reden": "gedrag",
        "reden_toelichting": "",
        "heeft_opp": True,
        "opp_datum": date(2026, 2, 1),
        "onderwijs_uren": Decimal(6),
        "plan": "Plan",
        "volgende_actie": "Bellen",
        "volgende_actie_datum": date(2026, 3, 9),
    }
    thuiszitter_wijzigen(door=personas.alice, casus=casus, versie=casus.versie, **velden)
    with pytest.raises(Domeinfout) as e:
        thuiszitter_wijzigen(door=personas.charlie, casus=casus, versie=casus.versie, **velden)  # a stale version
    assert "intussen gewijzigd" in fout(e)
    casus.refresh_from_db()
    assert casus.heeft_opp and casus.versie == 2


def test_chain_partners_are_linked_once(personas):
    casus = registreer(personas)
    partner = ketenpartner_aanmaken(
        door=personas.charlie, soort="jeugdteam", organisatie="Jeugdteam Leiden", naam="Sanne"
    )
    thuiszitter_partner_koppelen(door=personas.charlie, casus=casus, partner=partner)
    with pytest.raises(Domeinfout) as e:
        thuiszitter_partner_koppelen(door=personas.charlie, casus=casus, partner=partner)
    assert "al aan de casus gekoppeld" in fout(e)
    with pytest.raises(Domeinfout):
        ketenpartner_aanmaken(door=personas.alice, soort="jeugdteam", organisatie="X", naam="Y")


# --- closing ---


def test_closing_with_a_placement_records_the_school_and_history(personas):
    casus = registreer(personas)
    thuiszitter_afsluiten(
        door=personas.charlie,
        casus=casus,
        einddatum=date(2026, 2, 20),
        uitkomst="andere_school",
        geplaatst_school=personas.school_b,
    )
    casus.refresh_from_db()
    assert (casus.status, casus.geplaatst_school, casus.einddatum) == (
        "afgesloten",
        personas.school_b,
        date(2026, 2, 20),
    )
    assert casus.statuswijzigingen.order_by("-pk").first().van == "actief"


def test_an_end_date_before_the_since_date_is_refused(personas):
    casus = registreer(personas)
    with pytest.raises(Domeinfout) as e:
        thuiszitter_afsluiten(door=personas.charlie, casus=casus, einddatum=date(2026, 1, 1), uitkomst="eigen_school")
    assert fout(e) == "De einddatum mag niet vóór de datum thuis sinds (12 januari 2026) liggen."


def test_a_placement_without_a_school_is_refused(personas):
    casus = registreer(personas)
    with pytest.raises(Domeinfout) as e:
        thuiszitter_afsluiten(door=personas.charlie, casus=casus, einddatum=VANDAAG, uitkomst="sbo_so_tlv")
    assert "Kies de school van plaatsing" in fout(e)


def test_a_closed_case_cannot_be_closed_or_changed_again(personas):
    casus = registreer(personas)
    thuiszitter_afsluiten(door=personas.charlie, casus=casus, einddatum=VANDAAG, uitkomst="eigen_school")
    with pytest.raises(Domeinfout) as e:
        thuiszitter_afsluiten(door=personas.charlie, casus=casus, einddatum=VANDAAG, uitkomst="eigen_school")
    assert "afgesloten" in fout(e)
    with pytest.raises(Domeinfout):
        thuiszitter_stap_wijzigen(door=personas.charlie, casus=casus, naar_stap=stap(2))


# --- database invariants ---


@pytest.mark.parametrize(
    "wijziging, beperking",
    [
        (  # end before start
            {"einddatum": date(2025, 8, 1), "status": "afgesloten", "uitkomst": "eigen_school"},
            "thuiszitter_einde_niet_voor_begin",
        ),
        ({"status": "afgesloten"}, "thuiszitter_status_past_bij_einde"),  # closed without end and outcome
        ({"einddatum": date(2025, 12, 1)}, "thuiszitter_status_past_bij_einde"),  # an end date on an active case
        ({"onderwijs_uren": Decimal(-1)}, "thuiszitter_uren_0_tot_40"),
        ({"heeft_opp": True}, "thuiszitter_opp_met_datum"),  # OPP without date
        ({"soort": "absoluut_verzuim"}, "thuiszitter_soort_past_bij_inschrijving"),  # absolute absence with a school
    ],
)
def test_the_database_refuses_inconsistent_cases(personas, wijziging, beperking):
    casus = ThuiszittercasusFactory(school=personas.school_a)
    for veld, waarde in wijziging.items():
        setattr(casus, veld, waarde)
    with schendt(beperking):
        casus.save()


def test_the_database_allows_one_active_case_per_pupil(personas):
    casus = ThuiszittercasusFactory(school=personas.school_a)
    with schendt("thuiszitter_een_actieve_casus_per_leerling"):
        ThuiszittercasusFactory(school=personas.school_a, leerling=casus.leerling)
    ThuiszittercasusFactory(school=personas.school_a, leerling=casus.leerling, afgesloten=True)


def test_the_database_refuses_a_skip_without_reason(personas):
    casus = ThuiszittercasusFactory(school=personas.school_a)
    with schendt("ladderstap_overslaan_met_reden"):
        Ladderstapwijziging.objects.create(
            casus=casus, van_stap=stap(1), naar_stap=stap(3), overgeslagen=1, door=personas.bea
        )
