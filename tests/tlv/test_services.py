"""The TLV state machine: every allowed transition, every refused one, with its history row."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from swv.choices import Rol
from swv.models import Melding
from tests.factories import gebruiker_met_rol
from tests.gelijktijdig import gelijktijdig, precies_een_wint
from tests.tlv.factories import PDF, DossierFactory, MDOFactory, TLVFactory, volledige_aanvraag
from tlv.choices import Beeindigingsreden, Meldingsoort, Route, Terugkeerconclusie, TLVSoort, TLVStatus
from tlv.models import TLV
from tlv.services import aanvraag, beoordeling, looptijd
from tlv.services.fouten import GelijktijdigeWijziging, TLVFout

pytestmark = pytest.mark.django_db


def vandaag():
    return timezone.localdate()


@pytest.fixture
def concept(wereld):
    return volledige_aanvraag(
        door=wereld.alice, leerling=wereld.daan, school=wereld.school_a, beoogde_school=wereld.sbo
    )


@pytest.fixture
def ingediend(wereld, concept):
    return aanvraag.tlv_indienen(door=wereld.alice, tlv=concept)


@pytest.fixture
def getoetst(wereld, ingediend):
    return beoordeling.tlv_procedureel_toetsen(
        door=wereld.tim, tlv=ingediend, route_gevolgd=True, advies_consistent=True, documenten_compleet=True
    )


def afgeven(p, tlv, *, begin=None, eind=None, **kw):
    begin = begin or vandaag()
    return beoordeling.tlv_afgeven(
        door=p.tim,
        tlv=tlv,
        ingangsdatum=begin,
        einddatum=eind or begin + timedelta(days=730),
        motivering="Conform het deskundigenadvies.",
        **kw,
    )


def overgangen(tlv):
    return list(tlv.statusovergangen.values_list("van", "naar"))


# --- starting and completing the request -------------------------------------------------------


def test_ib_er_starts_a_request_from_the_pupils_dossier(wereld):
    dossier = DossierFactory(leerling=wereld.daan, school=wereld.school_a, regievoerder=wereld.alice)
    mdo = MDOFactory(dossier=dossier)
    tlv = aanvraag.tlv_aanvraag_starten(door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SBO, mdo=mdo)
    assert (tlv.status, tlv.aanvragende_school, tlv.dossier, tlv.mdo) == (
        TLVStatus.CONCEPT,
        wereld.school_a,
        dossier,
        mdo,
    )
    assert overgangen(tlv) == [("", "concept")]


def test_it_refuses_a_request_without_a_dossier_on_the_regular_route(wereld):
    with pytest.raises(TLVFout, match="dossier"):
        aanvraag.tlv_aanvraag_starten(door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SBO)


def test_a_direct_entry_needs_no_dossier(wereld):
    tlv = aanvraag.tlv_aanvraag_starten(
        door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SO, route=Route.RECHTSTREEKS
    )
    assert tlv.route == Route.RECHTSTREEKS and tlv.dossier is None


def test_it_refuses_a_request_for_a_child_under_four(wereld):
    """S(B)O admission is for children of school age: no request before the fourth birthday."""
    vandaag = timezone.localdate()
    wereld.daan.geboortedatum = vandaag - relativedelta(years=4) + timedelta(days=1)
    wereld.daan.save()
    with pytest.raises(TLVFout, match="nog geen 4 jaar"):
        aanvraag.tlv_aanvraag_starten(
            door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SO, route=Route.RECHTSTREEKS
        )
    assert not TLV.objects.filter(leerling=wereld.daan).exists()
    wereld.daan.geboortedatum = vandaag - relativedelta(years=4)  # the fourth birthday is today
    wereld.daan.save()
    aanvraag.tlv_aanvraag_starten(door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SO, route=Route.RECHTSTREEKS)


def test_the_proposed_start_date_is_not_before_the_fourth_birthday(wereld, concept):
    vierde_verjaardag = wereld.daan.geboortedatum + relativedelta(years=4)
    with pytest.raises(TLVFout, match="nog geen 4 jaar"):
        aanvraag.tlv_aanvraag_bijwerken(
            door=wereld.alice,
            tlv=concept,
            versie=concept.versie,
            voorgestelde_ingangsdatum=vierde_verjaardag - timedelta(days=1),
        )
    concept.refresh_from_db()
    assert concept.voorgestelde_ingangsdatum is None


def test_ib_er_of_another_school_cannot_start_a_request(wereld):
    DossierFactory(leerling=wereld.daan, school=wereld.school_a, regievoerder=wereld.alice)
    with pytest.raises(TLVFout, match="mag geen TLV aanvragen"):
        aanvraag.tlv_aanvraag_starten(door=wereld.bob, leerling=wereld.daan, soort=TLVSoort.SBO)


def test_it_refuses_a_second_open_request_for_the_same_pupil(wereld, concept):
    with pytest.raises(TLVFout, match="al een TLV-aanvraag"):
        aanvraag.tlv_aanvraag_starten(
            door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SO, route=Route.RECHTSTREEKS
        )


def test_saving_the_request_checks_the_intended_school_type(wereld, concept):
    with pytest.raises(TLVFout, match="school voor SBO"):
        aanvraag.tlv_aanvraag_bijwerken(door=wereld.alice, tlv=concept, versie=concept.versie, beoogde_school=wereld.so)
    tlv = aanvraag.tlv_aanvraag_bijwerken(
        door=wereld.alice,
        tlv=concept,
        versie=concept.versie,
        soort=TLVSoort.SO,
        beoogde_school=wereld.so,
        voorgestelde_categorie="hoog",
    )
    assert (tlv.soort, tlv.voorgestelde_categorie, tlv.versie) == ("SO", "hoog", concept.versie + 1)


def test_a_stale_edit_form_does_not_overwrite_a_newer_save(wereld, concept):
    aanvraag.tlv_aanvraag_bijwerken(door=wereld.alice, tlv=concept, versie=concept.versie, redenen="Nieuw")
    with pytest.raises(GelijktijdigeWijziging):
        aanvraag.tlv_aanvraag_bijwerken(door=wereld.alice, tlv=concept, versie=concept.versie, redenen="Oud")
    concept.refresh_from_db()
    assert concept.redenen == "Nieuw"


def test_the_directeur_may_read_but_not_edit_the_request(wereld, concept):
    with pytest.raises(TLVFout, match="niet doen"):
        aanvraag.tlv_aanvraag_bijwerken(door=wereld.dora, tlv=concept, versie=concept.versie, redenen="x")


def test_expert_advice_is_stored_with_its_document(wereld, concept):
    bestand = SimpleUploadedFile("advies.pdf", PDF, content_type="application/pdf")
    advies = aanvraag.deskundigenadvies_vastleggen(
        door=wereld.alice,
        tlv=concept,
        volgorde=1,
        naam="Drs. K. de Boer",
        kwalificatie="psycholoog",
        datum=vandaag(),
        advies="Passend.",
        conclusie="positief",
        bestand=bestand,
    )
    assert advies.document.extensie == "pdf" and advies.document.leerling == wereld.daan
    assert concept.deskundigenadviezen.count() == 2


@pytest.mark.parametrize(
    "wijziging, melding",
    [
        ({"volgorde": 1, "kwalificatie": "specialist_so"}, "orthopedagoog of een psycholoog"),
        ({"volgorde": 2, "naam": "Dr. A. Jansen"}, "twee verschillende deskundigen"),
        ({"volgorde": 2, "expertise": ""}, "deskundigheid"),
        ({"datum": date(2999, 1, 1)}, "toekomst"),
    ],
)
def test_expert_advice_rules(wereld, concept, wijziging, melding):
    velden = dict(
        volgorde=1,
        naam="Nieuwe Naam",
        kwalificatie="orthopedagoog",
        expertise="gedrag",
        datum=vandaag(),
        advies="Passend.",
        conclusie="positief",
    )
    velden.update(wijziging)
    with pytest.raises(TLVFout, match=melding):
        aanvraag.deskundigenadvies_vastleggen(door=wereld.alice, tlv=concept, **velden)


def test_a_file_that_is_not_what_its_name_says_is_refused(wereld, concept):
    nep = SimpleUploadedFile("advies.pdf", b"MZ\x90\x00 dit is geen pdf", content_type="application/pdf")
    with pytest.raises(TLVFout, match="geen geldig PDF-bestand"):
        aanvraag.deskundigenadvies_vastleggen(
            door=wereld.alice,
            tlv=concept,
            volgorde=1,
            naam="X",
            kwalificatie="psycholoog",
            datum=vandaag(),
            advies="a",
            conclusie="positief",
            bestand=nep,
        )


# --- submit, more information, check -------------------------------------------------------------


def test_an_incomplete_request_cannot_be_submitted(wereld, concept):
    concept.deskundigenadviezen.filter(volgorde=2).delete()
    TLV.objects.filter(pk=concept.pk).update(redenen="")
    with pytest.raises(TLVFout) as fout:
        aanvraag.tlv_indienen(door=wereld.alice, tlv=concept)
    assert "Redenen van de aanvraag" in str(fout.value) and "Deskundigenadvies 2" in str(fout.value)
    concept.refresh_from_db()
    assert concept.status == TLVStatus.CONCEPT


def test_submitting_starts_the_decision_term_and_tells_the_tlc(wereld, concept):
    tlv = aanvraag.tlv_indienen(door=wereld.alice, tlv=concept)
    assert (tlv.status, tlv.ingediend_op, tlv.eerst_ingediend_op) == (TLVStatus.INGEDIEND, vandaag(), vandaag())
    assert overgangen(tlv)[-1] == ("concept", "ingediend")
    assert Melding.objects.filter(ontvanger=wereld.tim, soort=Meldingsoort.INGEDIEND).count() == 1


def test_a_submitted_request_cannot_be_submitted_again(wereld, ingediend):
    with pytest.raises(TLVFout, match="ingediend"):
        aanvraag.tlv_indienen(door=wereld.alice, tlv=ingediend)


def test_the_tlc_asks_for_more_information_and_the_term_is_suspended_meanwhile(wereld, concept):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        tlv = aanvraag.tlv_indienen(door=wereld.alice, tlv=concept)
    with time_machine.travel(date(2026, 3, 9), tick=False):
        tlv = beoordeling.tlv_aanvulling_vragen(door=wereld.tim, tlv=tlv, vraag="Graag het verslag van het MDO.")
        assert Melding.objects.filter(ontvanger=wereld.alice, soort=Meldingsoort.AANVULLING_GEVRAAGD).exists()
        tlv = aanvraag.tlv_aanvraag_bijwerken(door=wereld.alice, tlv=tlv, versie=tlv.versie, redenen="Aangevuld.")
    with time_machine.travel(date(2026, 3, 19), tick=False):
        tlv = aanvraag.tlv_indienen(door=wereld.alice, tlv=tlv)
    assert (tlv.status, tlv.ingediend_op, tlv.opgeschort_dagen) == (TLVStatus.INGEDIEND, date(2026, 3, 2), 10)
    assert [n for _v, n in overgangen(tlv)] == ["ingediend", "aanvulling_gevraagd", "ingediend"]


def test_only_the_tlc_asks_for_more_information(wereld, ingediend):
    with pytest.raises(TLVFout):
        beoordeling.tlv_aanvulling_vragen(door=wereld.dirk, tlv=ingediend, vraag="x")
    with pytest.raises(TLVFout, match="niet doen"):  # a draft is not the TLC's yet
        beoordeling.tlv_aanvulling_vragen(door=wereld.tim, tlv=TLVFactory(), vraag="x")
    getoetst = TLVFactory(getoetst=True)
    beoordeling.tlv_aanvulling_vragen(door=wereld.tim, tlv=getoetst, vraag="Graag het OPP.")
    with pytest.raises(TLVFout, match="aanvulling gevraagd"):
        beoordeling.tlv_aanvulling_vragen(door=wereld.tim, tlv=getoetst, vraag="Nog meer.")


def test_the_procedural_check_moves_the_request_on(wereld, getoetst):
    assert (getoetst.status, getoetst.getoetst_door) == (TLVStatus.PROCEDUREEL_GETOETST, wereld.tim)


def test_a_failed_check_is_refused_in_favour_of_asking_for_information(wereld, ingediend):
    with pytest.raises(TLVFout, match="aanvulling"):
        beoordeling.tlv_procedureel_toetsen(
            door=wereld.tim, tlv=ingediend, route_gevolgd=True, advies_consistent=False, documenten_compleet=True
        )


def test_when_the_db_decides_the_check_must_carry_the_tlc_advice(wereld, ingediend, settings):
    settings.TLV_BESLISSER = "db"
    with pytest.raises(TLVFout, match="advies"):
        beoordeling.tlv_procedureel_toetsen(
            door=wereld.tim, tlv=ingediend, route_gevolgd=True, advies_consistent=True, documenten_compleet=True
        )


# --- decision -------------------------------------------------------------------------------------


def test_issuing_gives_a_number_and_activates_a_tlv_that_starts_today(wereld, getoetst):
    tlv = afgeven(wereld, getoetst)
    assert tlv.nummer == f"TLV-2801-{vandaag().year}-0001"
    assert (tlv.status, tlv.afgegeven_op, tlv.bekendgemaakt_op) == (TLVStatus.ACTIEF, vandaag(), vandaag())
    assert overgangen(tlv)[-2:] == [("procedureel_getoetst", "afgegeven"), ("afgegeven", "actief")]
    assert tlv.besluitbrief.soort == "tlv_besluitbrief"
    assert Melding.objects.filter(ontvanger=wereld.sanne, soort=Meldingsoort.BESLUIT).exists()


def test_a_tlv_starting_later_stays_issued_until_its_start_date(wereld, getoetst):
    tlv = afgeven(wereld, getoetst, begin=vandaag() + timedelta(days=20))
    assert tlv.status == TLVStatus.AFGEGEVEN
    assert looptijd.tlv_dagelijkse_ronde(vandaag=vandaag() + timedelta(days=20))["geactiveerd"] == 1
    tlv.refresh_from_db()
    assert tlv.status == TLVStatus.ACTIEF


def test_numbers_count_on_per_year(wereld, getoetst):
    eerste = afgeven(wereld, getoetst)
    tweede = TLVFactory(getoetst=True, aanvragende_school=wereld.school_b)
    tweede = afgeven(wereld, tweede)
    assert int(tweede.nummer[-4:]) == int(eerste.nummer[-4:]) + 1


@pytest.mark.parametrize(
    "kw, melding",
    [
        ({"categorie": "laag"}, "SBO heeft geen"),
        ({"eind": date(2000, 1, 1)}, "na de begindatum"),
    ],
)
def test_issuing_checks_the_data_of_the_tlv(wereld, getoetst, kw, melding):
    with pytest.raises(TLVFout, match=melding):
        afgeven(wereld, getoetst, **kw)


def test_an_so_tlv_needs_a_category(wereld):
    tlv = TLVFactory(so=True, getoetst=True, aanvragende_school=wereld.school_a)
    with pytest.raises(TLVFout, match="bekostigingscategorie"):
        afgeven(wereld, tlv)
    assert afgeven(wereld, tlv, categorie="hoog").categorie == "hoog"


def test_only_a_direct_entry_may_have_no_end_date_and_then_with_a_reason(wereld):
    gewoon = TLVFactory(so=True, getoetst=True)
    with pytest.raises(TLVFout, match="rechtstreekse instroom"):
        beoordeling.tlv_afgeven(
            door=wereld.tim, tlv=gewoon, ingangsdatum=vandaag(), einddatum=None, categorie="hoog", motivering="x"
        )
    emb = TLVFactory(so=True, getoetst=True, route=Route.RECHTSTREEKS)
    with pytest.raises(TLVFout, match="waarom"):
        beoordeling.tlv_afgeven(
            door=wereld.tim, tlv=emb, ingangsdatum=vandaag(), einddatum=None, categorie="hoog", motivering="x"
        )
    tlv = beoordeling.tlv_afgeven(
        door=wereld.tim,
        tlv=emb,
        ingangsdatum=vandaag(),
        einddatum=None,
        categorie="hoog",
        motivering="EMB",
        geen_einddatum_reden="EMB-leerling: TLV voor de gehele schoolloopbaan.",
    )
    assert tlv.einddatum is None and tlv.is_actief_op(vandaag() + timedelta(days=3650))


def test_a_request_is_decided_only_after_the_procedural_check(wereld, ingediend):
    with pytest.raises(TLVFout, match="ingediend"):
        afgeven(wereld, ingediend)


def test_the_decider_follows_the_setting(wereld, getoetst, settings):
    settings.TLV_BESLISSER = "db"
    with pytest.raises(TLVFout, match="niet doen"):
        afgeven(wereld, getoetst)
    tlv = beoordeling.tlv_afgeven(
        door=wereld.dirk,
        tlv=getoetst,
        ingangsdatum=vandaag(),
        einddatum=vandaag() + timedelta(days=365),
        motivering="Conform advies.",
    )
    assert tlv.besluit_door == wereld.dirk


def test_it_refuses_a_tlv_overlapping_an_issued_one_of_the_same_type(wereld, getoetst):
    TLVFactory(actief=True, leerling=wereld.daan, status=TLVStatus.VERLENGD)
    with pytest.raises(TLVFout, match="al TLV"):
        afgeven(wereld, getoetst)


def test_refusing_needs_reasons_and_produces_a_letter(wereld, getoetst):
    with pytest.raises(TLVFout, match="redenen"):
        beoordeling.tlv_weigeren(door=wereld.tim, tlv=getoetst, motivering=" ")
    tlv = beoordeling.tlv_weigeren(door=wereld.tim, tlv=getoetst, motivering="De route is niet gevolgd.")
    assert (tlv.status, tlv.nummer, tlv.besluitbrief.soort) == (TLVStatus.GEWEIGERD, None, "tlv_besluitbrief")


def test_the_school_withdraws_its_request(wereld, ingediend):
    tlv = aanvraag.tlv_aanvraag_intrekken(door=wereld.alice, tlv=ingediend, reden="Ouders kiezen een ander traject.")
    assert (tlv.status, tlv.beeindigingsreden) == (TLVStatus.INGETROKKEN, Beeindigingsreden.AANVRAAG_INGETROKKEN)
    # The pupil may get a new request now.
    aanvraag.tlv_aanvraag_starten(door=wereld.alice, leerling=wereld.daan, soort=TLVSoort.SBO)


def test_a_decided_request_can_no_longer_be_withdrawn_by_the_school(wereld, getoetst):
    tlv = afgeven(wereld, getoetst)
    with pytest.raises(TLVFout, match="actief"):
        aanvraag.tlv_aanvraag_intrekken(door=wereld.alice, tlv=tlv, reden="x")


# --- life of an issued TLV ------------------------------------------------------------------------


def test_the_sbo_school_records_the_placement_and_the_waiting_time_follows(wereld):
    tlv = TLVFactory(
        afgegeven=True,
        beoogde_school=wereld.sbo,
        aanvragende_school=wereld.school_a,
        afgegeven_op=vandaag() - timedelta(days=40),
    )
    tlv = looptijd.plaatsing_vastleggen(door=wereld.sanne, tlv=tlv, plaatsingsdatum=vandaag() - timedelta(days=12))
    assert (tlv.plaatsingsdatum, tlv.wachttijd_dagen, tlv.plaatsing_door) == (
        vandaag() - timedelta(days=12),
        28,
        wereld.sanne,
    )


@pytest.mark.parametrize("dagen_terug, melding", [(50, "voor de afgifte"), (-1, "toekomst")])
def test_placement_dates_must_be_between_issue_and_today(wereld, dagen_terug, melding):
    tlv = TLVFactory(afgegeven=True, beoogde_school=wereld.sbo, afgegeven_op=vandaag() - timedelta(days=40))
    with pytest.raises(TLVFout, match=melding):
        looptijd.plaatsing_vastleggen(
            door=wereld.sanne, tlv=tlv, plaatsingsdatum=vandaag() - timedelta(days=dagen_terug)
        )


def test_the_requesting_school_does_not_record_the_placement(wereld):
    tlv = TLVFactory(afgegeven=True, beoogde_school=wereld.sbo, aanvragende_school=wereld.school_a)
    with pytest.raises(TLVFout):
        looptijd.plaatsing_vastleggen(door=wereld.alice, tlv=tlv, plaatsingsdatum=vandaag())


def test_an_active_tlv_expires_the_day_after_its_end_date(wereld):
    tlv = TLVFactory(actief=True, einddatum=vandaag() - timedelta(days=1))
    assert looptijd.tlv_dagelijkse_ronde()["verlopen"] == 1
    tlv.refresh_from_db()
    assert (tlv.status, tlv.beeindigd_op, tlv.beeindigingsreden) == (TLVStatus.VERLOPEN, vandaag(), "verlopen")
    assert tlv.statusovergangen.last().door is None


def test_the_sbo_school_ends_a_tlv_when_the_pupil_returns(wereld):
    tlv = TLVFactory(actief=True, beoogde_school=wereld.sbo)
    tlv = looptijd.tlv_beeindigen(
        door=wereld.sanne,
        tlv=tlv,
        reden=Beeindigingsreden.TERUGGEPLAATST,
        datum=vandaag(),
        toelichting="Terug naar de eigen basisschool.",
    )
    assert (tlv.status, tlv.beeindigd_op) == (TLVStatus.INGETROKKEN, vandaag())
    assert not tlv.is_actief_op(vandaag())


def test_only_the_decider_withdraws_a_tlv(wereld):
    tlv = TLVFactory(actief=True, beoogde_school=wereld.sbo)
    with pytest.raises(TLVFout):
        looptijd.tlv_beeindigen(
            door=wereld.sanne, tlv=tlv, reden=Beeindigingsreden.INGETROKKEN, datum=vandaag(), toelichting="x"
        )
    tlv = looptijd.tlv_beeindigen(
        door=wereld.tim, tlv=tlv, reden=Beeindigingsreden.INGETROKKEN, datum=vandaag(), toelichting="Onjuist afgegeven."
    )
    assert tlv.beeindigingsreden == Beeindigingsreden.INGETROKKEN
    with pytest.raises(TLVFout, match="ingetrokken"):
        looptijd.tlv_beeindigen(
            door=wereld.tim, tlv=tlv, reden=Beeindigingsreden.INGETROKKEN, datum=vandaag(), toelichting="x"
        )


def test_an_extension_is_a_new_linked_request_on_a_shortened_route(wereld):
    oud = TLVFactory(
        actief=True,
        leerling=wereld.daan,
        beoogde_school=wereld.sbo,
        aanvragende_school=wereld.school_a,
        einddatum=vandaag() + timedelta(days=90),
    )
    nieuw = looptijd.tlv_verlenging_aanvragen(door=wereld.sanne, tlv=oud)
    assert (nieuw.route, nieuw.vorige, nieuw.aanvragende_school, nieuw.status) == (
        Route.VERLENGING,
        oud,
        wereld.sbo,
        "concept",
    )
    assert nieuw.voorgestelde_ingangsdatum == oud.einddatum + timedelta(days=1)
    from tlv.checklist import checklist

    assert {p.sleutel for p in checklist(nieuw)} >= {"evaluatie", "deskundige_1"} and "mdo" not in {
        p.sleutel for p in checklist(nieuw)
    }
    with pytest.raises(TLVFout, match="al een TLV-aanvraag"):
        looptijd.tlv_verlenging_aanvragen(door=wereld.sanne, tlv=oud)


def test_issuing_the_extension_marks_the_old_tlv_extended_without_overlap(wereld):
    oud = TLVFactory(
        actief=True, leerling=wereld.daan, beoogde_school=wereld.sbo, einddatum=vandaag() + timedelta(days=90)
    )
    nieuw = TLVFactory(
        getoetst=True, leerling=wereld.daan, route=Route.VERLENGING, vorige=oud, beoogde_school=wereld.sbo
    )
    nieuw = afgeven(wereld, nieuw, begin=oud.einddatum + timedelta(days=1))
    oud.refresh_from_db()
    assert (oud.status, oud.beeindigingsreden, oud.beeindigd_op) == (TLVStatus.VERLENGD, "verlengd", nieuw.ingangsdatum)
    assert oud.is_actief_op(vandaag()) and not oud.is_actief_op(nieuw.ingangsdatum)


def test_the_return_review_is_recorded(wereld):
    tlv = TLVFactory(actief=True, beoogde_school=wereld.sbo, afgegeven_op=vandaag() - timedelta(days=300))
    bespreking = looptijd.terugkeerbespreking_vastleggen(
        door=wereld.sanne,
        tlv=tlv,
        datum=vandaag(),
        deelnemers="Sanne (ib SBO), Charlie (consulent)",
        conclusie=Terugkeerconclusie.VOORTZETTEN,
    )
    assert bespreking.tlv == tlv
    with pytest.raises(TLVFout, match="tussen"):
        looptijd.terugkeerbespreking_vastleggen(
            door=wereld.sanne,
            tlv=tlv,
            datum=vandaag() + timedelta(days=1),
            deelnemers="x",
            conclusie=Terugkeerconclusie.VOORTZETTEN,
        )


def test_a_tlc_member_of_another_swv_role_cannot_act(wereld, ingediend):
    ac = gebruiker_met_rol(Rol.AC_LID, email="ac2@example.nl")
    with pytest.raises(TLVFout):
        beoordeling.tlv_procedureel_toetsen(
            door=ac, tlv=ingediend, route_gevolgd=True, advies_consistent=True, documenten_compleet=True
        )


@pytest.mark.django_db(transaction=True)
def test_two_racing_transitions_do_not_both_succeed(wereld, ingediend):
    """Two TLC members check the same request at the same moment: the row lock lets one through, the
    other finds the request already checked."""

    def toetsen():
        return beoordeling.tlv_procedureel_toetsen(
            door=wereld.tim,
            tlv=TLV.objects.get(pk=ingediend.pk),
            route_gevolgd=True,
            advies_consistent=True,
            documenten_compleet=True,
        )

    winnaar, fout = precies_een_wint(gelijktijdig(toetsen, toetsen), TLVFout)
    assert "procedureel getoetst" in str(fout).lower()
    ingediend.refresh_from_db()
    assert (ingediend.status, ingediend.versie) == (TLVStatus.PROCEDUREEL_GETOETST, winnaar.versie)
    assert overgangen(ingediend).count((TLVStatus.INGEDIEND, TLVStatus.PROCEDUREEL_GETOETST)) == 1


def test_a_transition_on_a_stale_object_is_refused(wereld, ingediend):
    """The second of two deciders works on a stale object: the version claim refuses it."""
    from tlv.services.basis import vergrendel

    verouderd = TLV.objects.get(pk=ingediend.pk)
    beoordeling.tlv_aanvulling_vragen(door=wereld.tim, tlv=ingediend, vraag="Graag meer.")
    with pytest.raises(TLVFout, match="aanvulling gevraagd"):
        beoordeling.tlv_procedureel_toetsen(
            door=wereld.tim, tlv=verouderd, route_gevolgd=True, advies_consistent=True, documenten_compleet=True
        )
    with pytest.raises(GelijktijdigeWijziging):
        vergrendel(verouderd, [TLVStatus.AANVULLING_GEVRAAGD], versie=verouderd.versie)
