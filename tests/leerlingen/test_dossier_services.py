"""The dossier's state machine and edits: every allowed and refused transition, history, concurrency."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from leerlingen.choices import Afsluitreden, DossierStatus, Interventieresultaat, Melder, Sectie, Signaalcategorie
from leerlingen.models import Dossier, DossierSectie, DossierStatusovergang
from leerlingen.services import dossier as services
from leerlingen.services.fouten import DossierFout, GelijktijdigeWijziging
from tests.gelijktijdig import gelijktijdig, precies_een_wint
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import DossierFactory, MDOFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leerling(personas):
    return LeerlingFactory(school=personas.school_a)


@pytest.fixture
def dossier(personas, leerling):
    return services.dossier_openen(door=personas.alice, leerling=leerling, aanleiding="Leesproblemen")


def test_the_ib_er_opens_a_dossier_and_becomes_regievoerder(personas, dossier):
    assert dossier.status == DossierStatus.OPEN
    assert dossier.regievoerder == personas.alice
    assert dossier.school == personas.school_a
    overgang = DossierStatusovergang.objects.get(dossier=dossier)
    assert (overgang.van, overgang.naar, overgang.door) == ("", DossierStatus.OPEN, personas.alice)


def test_opening_links_the_signals_of_the_school_made_before(personas, leerling):
    signaal = services.signaal_toevoegen(
        door=personas.alice,
        leerling=leerling,
        datum=date(2025, 1, 6),
        melder=Melder.OUDERS,
        categorie=Signaalcategorie.GEDRAG,
        omschrijving="Slaapt slecht",
    )
    assert signaal.dossier is None
    dossier = services.dossier_openen(door=personas.alice, leerling=leerling)
    signaal.refresh_from_db()
    assert signaal.dossier == dossier


def test_a_second_open_dossier_is_refused(personas, leerling, dossier):
    with pytest.raises(DossierFout, match="al een open dossier"):
        services.dossier_openen(door=personas.alice, leerling=leerling)


@pytest.mark.parametrize("persona", ["bob", "dora", "lotte", "charlie", "dirk"])
def test_only_the_ib_er_of_the_school_opens_a_dossier(personas, leerling, persona):
    with pytest.raises(DossierFout):
        services.dossier_openen(door=getattr(personas, persona), leerling=leerling)
    assert not Dossier.objects.exists()


def test_closing_needs_a_reason_and_records_the_transition(personas, dossier):
    gesloten = services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    assert gesloten.status == DossierStatus.AFGESLOTEN
    assert gesloten.afgesloten_op == timezone.localdate()
    assert list(gesloten.statusovergangen.values_list("van", "naar")) == [
        ("", "open"),
        ("open", "afgesloten"),
    ]


def test_closing_with_other_reason_needs_an_explanation(personas, dossier):
    with pytest.raises(DossierFout, match="Licht"):
        services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.ANDERS)


def test_closing_twice_is_refused(personas, dossier):
    services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    with pytest.raises(DossierFout, match="al gesloten"):
        services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)


def test_closing_is_refused_while_an_mdo_is_planned(personas, dossier):
    MDOFactory(dossier=dossier)
    with pytest.raises(DossierFout, match="gepland"):
        services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)


def test_a_closed_dossier_reopens_with_a_reason(personas, dossier):
    services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    with pytest.raises(DossierFout, match="reden"):
        services.dossier_heropenen(door=personas.alice, dossier=dossier, reden=" ")
    heropend = services.dossier_heropenen(door=personas.alice, dossier=dossier, reden="Nieuwe zorgen")
    assert heropend.status == DossierStatus.OPEN
    assert heropend.afgesloten_op is None and heropend.afsluitreden == ""
    assert heropend.statusovergangen.last().reden == "Nieuwe zorgen"


def test_reopening_an_open_dossier_is_refused(personas, dossier):
    with pytest.raises(DossierFout, match="Alleen een gesloten"):
        services.dossier_heropenen(door=personas.alice, dossier=dossier, reden="x")


def test_reopening_is_refused_when_the_pupil_has_another_open_dossier(personas, leerling, dossier):
    services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    services.dossier_openen(door=personas.alice, leerling=leerling)
    with pytest.raises(DossierFout, match="al een open dossier"):
        services.dossier_heropenen(door=personas.alice, dossier=dossier, reden="x")


def test_a_section_is_saved_with_history(personas, dossier):
    s = services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.ANALYSE, tekst="Eerste", versie=0)
    s = services.sectie_bijwerken(
        door=personas.alice, dossier=dossier, sectie=Sectie.ANALYSE, tekst="Tweede", versie=s.versie
    )
    assert s.versie == 2
    assert [h.tekst for h in s.history.order_by("history_date")] == ["Eerste", "Tweede"]


def test_a_stale_edit_of_the_same_section_is_detected(personas, dossier):
    s = services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="A", versie=0)
    services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="B", versie=s.versie)
    with pytest.raises(GelijktijdigeWijziging, match="Iemand anders"):
        services.sectie_bijwerken(
            door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="C", versie=s.versie
        )
    s.refresh_from_db()
    assert s.tekst == "B"


def _sectie_opslaan(personas, dossier, sectie, tekst, versie):
    """One save as a thread performs it: its own copy of the dossier, read on its own connection."""
    return lambda: services.sectie_bijwerken(
        door=personas.alice, dossier=Dossier.objects.get(pk=dossier.pk), sectie=sectie, tekst=tekst, versie=versie
    )


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_edit_of_the_same_section_is_detected(personas, dossier):
    s = services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="A", versie=0)
    winnaar, fout = precies_een_wint(
        gelijktijdig(
            _sectie_opslaan(personas, dossier, Sectie.DOELEN, "B", s.versie),
            _sectie_opslaan(personas, dossier, Sectie.DOELEN, "C", s.versie),
        ),
        GelijktijdigeWijziging,
    )
    assert "Iemand anders" in str(fout)
    s.refresh_from_db()
    assert (s.tekst, s.versie) == (winnaar.tekst, 2)
    assert s.history.count() == 2


def test_two_first_saves_of_a_new_section_do_not_overwrite(personas, dossier):
    services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.VISIE_KIND, tekst="A", versie=0)
    with pytest.raises(GelijktijdigeWijziging):
        services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.VISIE_KIND, tekst="B", versie=0)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_first_saves_of_a_new_section_do_not_overwrite(personas, dossier):
    winnaar, fout = precies_een_wint(
        gelijktijdig(
            _sectie_opslaan(personas, dossier, Sectie.VISIE_KIND, "A", 0),
            _sectie_opslaan(personas, dossier, Sectie.VISIE_KIND, "B", 0),
        ),
        GelijktijdigeWijziging,
    )
    assert "Iemand anders" in str(fout)
    assert DossierSectie.objects.get(dossier=dossier, sectie=Sectie.VISIE_KIND).tekst == winnaar.tekst


def test_editing_different_sections_at_once_is_no_conflict(personas, dossier):
    services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.ANALYSE, tekst="A", versie=0)
    services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.DOELEN, tekst="B", versie=0)
    assert dict(DossierSectie.objects.filter(dossier=dossier).values_list("sectie", "tekst")) == {
        Sectie.ANALYSE: "A",
        Sectie.DOELEN: "B",
    }


def test_a_closed_dossier_cannot_be_edited(personas, dossier):
    services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    with pytest.raises(DossierFout, match="gesloten"):
        services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.ANALYSE, tekst="x", versie=0)


def test_a_linked_teacher_adds_a_signal_which_joins_the_open_dossier(personas, leerling, dossier):
    leerling.leerkrachten.add(personas.lotte)
    signaal = services.signaal_toevoegen(
        door=personas.lotte,
        leerling=leerling,
        datum=timezone.localdate(),
        melder=Melder.LEERKRACHT,
        categorie=Signaalcategorie.LEREN,
        omschrijving="Leest traag",
    )
    assert signaal.dossier == dossier and signaal.school == personas.school_a


@pytest.mark.parametrize("persona", ["lotte", "bob", "charlie", "dirk"])
def test_others_cannot_add_a_signal(personas, leerling, persona):
    with pytest.raises(DossierFout):
        services.signaal_toevoegen(
            door=getattr(personas, persona),
            leerling=leerling,
            datum=timezone.localdate(),
            melder=Melder.LEERKRACHT,
            categorie=Signaalcategorie.LEREN,
            omschrijving="x",
        )


def test_a_signal_cannot_be_dated_in_the_future(personas, leerling):
    with pytest.raises(DossierFout, match="toekomst"):
        services.signaal_toevoegen(
            door=personas.alice,
            leerling=leerling,
            datum=timezone.localdate() + timedelta(days=1),
            melder=Melder.OUDERS,
            categorie=Signaalcategorie.LEREN,
            omschrijving="x",
        )


def test_an_intervention_is_added_and_evaluated(personas, dossier):
    i = services.interventie_toevoegen(
        door=personas.alice, dossier=dossier, omschrijving="RT lezen", startdatum=date(2025, 1, 6)
    )
    i = services.interventie_evalueren(
        door=personas.alice,
        interventie=i,
        evaluatie="Vooruitgang",
        resultaat=Interventieresultaat.DEELS,
        evaluatiedatum=timezone.localdate(),
        versie=i.versie,
    )
    assert i.resultaat == Interventieresultaat.DEELS
    with pytest.raises(GelijktijdigeWijziging):
        services.interventie_evalueren(
            door=personas.alice,
            interventie=i,
            evaluatie="x",
            resultaat=Interventieresultaat.BEHAALD,
            evaluatiedatum=timezone.localdate(),
            versie=1,
        )


def test_an_intervention_ending_before_it_starts_is_refused(personas, dossier):
    with pytest.raises(DossierFout, match="einddatum"):
        services.interventie_toevoegen(
            door=personas.alice,
            dossier=dossier,
            omschrijving="x",
            startdatum=date(2025, 2, 1),
            einddatum=date(2025, 1, 1),
        )


def test_writing_marks_the_dossier_active(personas, dossier):
    Dossier.objects.filter(pk=dossier.pk).update(laatste_activiteit=timezone.now() - timedelta(days=200))
    services.sectie_bijwerken(door=personas.alice, dossier=dossier, sectie=Sectie.ANALYSE, tekst="x", versie=0)
    dossier.refresh_from_db()
    assert dossier.laatste_activiteit > timezone.now() - timedelta(minutes=1)


def test_factory_traits_give_valid_states(personas):
    assert DossierFactory(school=personas.school_a, afgesloten=True).status == DossierStatus.AFGESLOTEN
