"""The request's state machine (PROCESSES.md 2): every allowed transition, every refused one,
history rows, notifications, double submission and the no-overlap rule."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from arrangementen import services
from arrangementen.choices import (
    AanvraagStatus,
    Adviessoort,
    Afsluitresultaat,
    Beoordelaar,
    Besluitsoort,
    Conclusie,
    DoelenBereikt,
    Kostenwijze,
    Meldingsoort,
)
from arrangementen.models import Aanvraag, Evaluatiemoment, Statusovergang
from arrangementen.services import AanvraagFout, Aanvraaginhoud, Evaluatiegegevens, GelijktijdigeWijziging
from swv.models import Melding, Taak
from tests.arrangementen.factories import AanvraagFactory, ArrangementtypeFactory, MDOUitkomstFactory
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db

BEGIN = date(2031, 9, 1)


def inhoud(**extra) -> Aanvraaginhoud:
    waarden = dict(
        begindatum=BEGIN,
        einddatum=BEGIN + timedelta(days=139),
        ondersteuningsbehoefte="Lezen op niveau groep 3.",
        doelen="AVI E4 na 20 weken.",
        inzet_wat="Individuele leesbegeleiding.",
        inzet_wie="Remedial teacher",
        uren_per_week=Decimal("2"),
        ouders_visie="Ouders steunen het.",
        ouders_toestemming=True,
        kind_visie="Wil beter lezen.",
        evaluatiedata=(BEGIN + timedelta(days=70), BEGIN + timedelta(days=139)),
    )
    waarden.update(extra)
    return Aanvraaginhoud(**waarden)


@pytest.fixture
def type_(db):
    return ArrangementtypeFactory()


@pytest.fixture
def leerling(personas):
    return LeerlingFactory(school=personas.school_a)


def maak(personas, leerling, type_, **extra):
    return services.aanvraag_aanmaken(
        door=personas.alice, leerling=leerling, arrangementtype=type_, inhoud=inhoud(**extra)
    )


def stand(aanvraag) -> str:
    aanvraag.refresh_from_db()
    return aanvraag.status


# --- making and changing a request -----------------------------------------------------------


def test_an_ib_er_makes_a_concept_from_an_mdo_outcome(personas, leerling, type_):
    uitkomst = MDOUitkomstFactory(mdo__dossier__school=personas.school_a, mdo__dossier__leerling=leerling)
    aanvraag = services.aanvraag_aanmaken(
        door=personas.alice, leerling=leerling, arrangementtype=type_, inhoud=inhoud(), mdo_uitkomst=uitkomst
    )
    assert aanvraag.status == AanvraagStatus.CONCEPT
    assert (aanvraag.mdo, aanvraag.dossier, aanvraag.school) == (uitkomst.mdo, uitkomst.mdo.dossier, personas.school_a)
    assert aanvraag.nummer.startswith(f"ARR-{timezone.localdate().year}-")
    # 250 per week over 20 weeks: the catalogue's tariff.
    assert (aanvraag.totale_kosten, aanvraag.gevraagd_bedrag) == (Decimal("5000.00"), Decimal("5000.00"))
    assert list(aanvraag.evaluatiemomenten.values_list("datum", flat=True)) == [
        BEGIN + timedelta(days=70),
        BEGIN + timedelta(days=139),
    ]
    assert list(Statusovergang.objects.filter(aanvraag=aanvraag).values_list("van", "naar", "door")) == [
        ("", "concept", personas.alice.pk)
    ]


def test_the_same_form_posted_twice_makes_one_request(personas, leerling, type_):
    sleutel = uuid.uuid4()
    een = services.aanvraag_aanmaken(
        door=personas.alice, leerling=leerling, arrangementtype=type_, inhoud=inhoud(), idempotentiesleutel=sleutel
    )
    twee = services.aanvraag_aanmaken(
        door=personas.alice, leerling=leerling, arrangementtype=type_, inhoud=inhoud(), idempotentiesleutel=sleutel
    )
    assert een.pk == twee.pk and Aanvraag.objects.count() == 1


def test_a_second_request_of_the_same_type_may_not_overlap(personas, leerling, type_):
    maak(personas, leerling, type_)
    with pytest.raises(AanvraagFout, match="mogen niet overlappen"):
        maak(
            personas,
            leerling,
            type_,
            begindatum=BEGIN + timedelta(days=100),
            einddatum=BEGIN + timedelta(days=200),
            evaluatiedata=(BEGIN + timedelta(days=200),),
        )
    assert Aanvraag.objects.count() == 1
    # Another type, or a later period, is fine.
    maak(personas, leerling, ArrangementtypeFactory())
    maak(
        personas,
        leerling,
        type_,
        begindatum=BEGIN + timedelta(days=140),
        einddatum=BEGIN + timedelta(days=200),
        evaluatiedata=(BEGIN + timedelta(days=200),),
    )
    assert Aanvraag.objects.count() == 3


def test_a_withdrawn_or_refused_request_frees_its_period(personas, leerling, type_):
    eerste = AanvraagFactory(
        school=personas.school_a,
        leerling=leerling,
        arrangementtype=type_,
        afgewezen=True,
        begindatum=BEGIN,
        einddatum=BEGIN + timedelta(days=139),
    )
    maak(personas, leerling, type_)
    assert Aanvraag.objects.exclude(pk=eerste.pk).count() == 1


@pytest.mark.parametrize(
    "extra, melding",
    [
        ({"einddatum": BEGIN}, "einddatum moet na de begindatum"),
        ({"evaluatiedata": (BEGIN - timedelta(days=1),)}, "buiten het arrangement"),
        ({"bijdrage_school": Decimal("3000"), "bijdrage_gemeente": Decimal("2500")}, "meer dan de totale kosten"),
        ({"kostenwijze": Kostenwijze.BEGROTING}, "minstens één regel"),
    ],
)
def test_invalid_content_is_refused_with_a_dutch_reason(personas, leerling, type_, extra, melding):
    with pytest.raises(AanvraagFout, match=melding):
        maak(personas, leerling, type_, **extra)
    assert not Aanvraag.objects.exists()


def test_an_itemised_budget_and_the_municipality_share_set_the_amount_asked(personas, leerling):
    oj = ArrangementtypeFactory(jeugdhulp=True, tarief=None, tarief_eenheid="")
    aanvraag = maak(
        personas,
        leerling,
        oj,
        kostenwijze=Kostenwijze.BEGROTING,
        begrotingsregels=(("Ambulant begeleider", Decimal("6000")), ("Materialen", Decimal("250.50"))),
    )
    assert aanvraag.totale_kosten == Decimal("6250.50")
    assert aanvraag.bijdrage_gemeente == Decimal("2500.20")  # 40 % from the catalogue
    assert aanvraag.gevraagd_bedrag == Decimal("3750.30")
    assert aanvraag.begrotingsregels.count() == 2


def test_an_ib_er_of_another_school_cannot_file_for_the_pupil(personas, leerling, type_):
    with pytest.raises(AanvraagFout):
        services.aanvraag_aanmaken(door=personas.bob, leerling=leerling, arrangementtype=type_, inhoud=inhoud())


def test_an_outcome_of_another_pupil_is_refused(personas, leerling, type_):
    ander = MDOUitkomstFactory(mdo__dossier__school=personas.school_a)
    with pytest.raises(AanvraagFout, match="MDO-uitkomst"):
        services.aanvraag_aanmaken(
            door=personas.alice, leerling=leerling, arrangementtype=type_, inhoud=inhoud(), mdo_uitkomst=ander
        )


def test_an_inactive_type_cannot_be_requested(personas, leerling):
    with pytest.raises(AanvraagFout):
        maak(personas, leerling, ArrangementtypeFactory(actief=False))


def test_a_stale_edit_is_refused_and_changes_nothing(personas, leerling, type_):
    aanvraag = maak(personas, leerling, type_)
    services.aanvraag_wijzigen(aanvraag=aanvraag, door=personas.alice, inhoud=inhoud(doelen="Nieuw doel."), versie=1)
    with pytest.raises(GelijktijdigeWijziging):
        services.aanvraag_wijzigen(aanvraag=aanvraag, door=personas.alice, inhoud=inhoud(doelen="Oud doel."), versie=1)
    aanvraag.refresh_from_db()
    assert aanvraag.doelen == "Nieuw doel."


def test_changing_a_concept_undoes_the_directors_agreement(personas, leerling):
    aanvraag = maak(personas, leerling, ArrangementtypeFactory(met_instemming=True))
    services.aanvraag_instemmen(aanvraag=aanvraag, door=personas.dora)
    aanvraag.refresh_from_db()
    assert aanvraag.directeur_akkoord_door == personas.dora
    services.aanvraag_wijzigen(
        aanvraag=aanvraag, door=personas.alice, inhoud=inhoud(doelen="Anders."), versie=aanvraag.versie
    )
    aanvraag.refresh_from_db()
    assert aanvraag.directeur_akkoord_op is None


# --- submission and the directeur's agreement -------------------------------------------------


def test_submitting_notifies_the_consultant_and_records_history(personas, leerling, type_):
    aanvraag = maak(personas, leerling, type_)
    services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    assert stand(aanvraag) == AanvraagStatus.INGEDIEND
    assert aanvraag.ingediend_op is not None
    overgang = aanvraag.statusovergangen.last()
    assert (overgang.van, overgang.naar, overgang.door) == ("concept", "ingediend", personas.alice)
    assert list(Melding.objects.values_list("ontvanger", "soort")) == [(personas.charlie.pk, Meldingsoort.INGEDIEND)]


def test_a_type_assessed_by_the_committee_notifies_its_members(personas, leerling):
    aanvraag = maak(personas, leerling, ArrangementtypeFactory(beoordelaar=Beoordelaar.AC))
    services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    assert list(Melding.objects.values_list("ontvanger", flat=True)) == [personas.anna.pk]


def test_submitting_twice_is_refused_the_second_time(personas, leerling, type_):
    aanvraag = maak(personas, leerling, type_)
    services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    with pytest.raises(AanvraagFout, match="niet mogelijk"):
        services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    assert aanvraag.statusovergangen.count() == 2 and Melding.objects.count() == 1


def test_an_incomplete_request_cannot_be_submitted(personas, leerling, type_):
    aanvraag = maak(personas, leerling, type_, ouders_toestemming=False, kind_visie="", doelen="")
    with pytest.raises(AanvraagFout) as fout:
        services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    tekst = str(fout.value)
    assert "toestemming van de ouders" in tekst and "visie van het kind" in tekst and "doelen" in tekst
    assert stand(aanvraag) == AanvraagStatus.CONCEPT


def test_the_directors_agreement_is_required_when_the_type_says_so(personas, leerling):
    aanvraag = maak(personas, leerling, ArrangementtypeFactory(met_instemming=True))
    with pytest.raises(AanvraagFout, match="directeur"):
        services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    with pytest.raises(AanvraagFout):
        services.aanvraag_instemmen(aanvraag=aanvraag, door=personas.alice)  # only the directeur
    services.aanvraag_instemmen(aanvraag=aanvraag, door=personas.dora)
    services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    assert stand(aanvraag) == AanvraagStatus.INGEDIEND


def test_the_swv_default_decides_when_the_type_leaves_the_agreement_open(personas, leerling, settings):
    settings.SWV_ARRANGEMENT_DIRECTEUR_INSTEMMING = False
    aanvraag = maak(personas, leerling, ArrangementtypeFactory(directeur_instemming=None))
    services.aanvraag_indienen(aanvraag=aanvraag, door=personas.alice)
    assert stand(aanvraag) == AanvraagStatus.INGEDIEND


# --- assessment ----------------------------------------------------------------------------------


def test_the_consultant_asks_for_information_and_the_ib_er_answers(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, aangemaakt_door=personas.alice, ingediend=True)
    services.aanvraag_in_beoordeling_nemen(aanvraag=aanvraag, door=personas.charlie)
    verzoek = services.aanvraag_aanvulling_vragen(aanvraag=aanvraag, door=personas.charlie, vraag="Welke toets?")
    assert stand(aanvraag) == AanvraagStatus.AANVULLING_GEVRAAGD
    assert Melding.objects.get(soort=Meldingsoort.AANVULLING_GEVRAAGD).ontvanger == personas.alice
    services.aanvraag_aanvullen(aanvraag=aanvraag, door=personas.alice, antwoord="De AVI-toets van Cito.")
    assert stand(aanvraag) == AanvraagStatus.INGEDIEND
    verzoek.refresh_from_db()
    assert (verzoek.antwoord, verzoek.beantwoord_door) == ("De AVI-toets van Cito.", personas.alice)
    assert Melding.objects.get(soort=Meldingsoort.INGEDIEND).ontvanger == personas.charlie
    assert [o.naar for o in aanvraag.statusovergangen.all()] == ["in_beoordeling", "aanvulling_gevraagd", "ingediend"]


def test_the_committee_grants_in_full_and_the_letter_job_starts(personas, django_capture_on_commit_callbacks):
    aanvraag = AanvraagFactory(school=personas.school_a, aangemaakt_door=personas.alice, in_beoordeling=True)
    with django_capture_on_commit_callbacks(execute=False):
        besluit = services.aanvraag_toekennen(
            aanvraag=aanvraag,
            door=personas.anna,
            bedrag=Decimal("5000"),
            begindatum=aanvraag.begindatum,
            einddatum=aanvraag.einddatum,
            voorwaarden="Evaluatie met ouders.",
        )
    assert stand(aanvraag) == AanvraagStatus.TOEGEKEND
    assert (besluit.soort, aanvraag.toegekend_bedrag) == (Besluitsoort.TOEGEKEND, Decimal("5000.00"))
    assert besluit.brief_taak.soort == "arrangement_besluitbrief" and Taak.objects.count() == 1
    assert set(Melding.objects.filter(soort=Meldingsoort.BESLOTEN).values_list("ontvanger", flat=True)) == {
        personas.alice.pk,
        personas.charlie.pk,
    }


def test_less_money_or_a_shorter_period_is_granted_in_part_with_reasons(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    eind = aanvraag.einddatum - timedelta(days=30)
    with pytest.raises(AanvraagFout, match="motivering|redenen"):
        services.aanvraag_toekennen(
            aanvraag=aanvraag,
            door=personas.anna,
            bedrag=Decimal("4000"),
            begindatum=aanvraag.begindatum,
            einddatum=eind,
        )
    besluit = services.aanvraag_toekennen(
        aanvraag=aanvraag,
        door=personas.anna,
        bedrag=Decimal("4000"),
        begindatum=aanvraag.begindatum,
        einddatum=eind,
        motivering="Twintig weken is te lang voor deze doelen.",
    )
    aanvraag.refresh_from_db()
    assert besluit.soort == Besluitsoort.DEELS_TOEGEKEND
    assert (besluit.gevraagd_bedrag, besluit.bedrag) == (Decimal("5000.00"), Decimal("4000.00"))
    assert (aanvraag.toegekend_bedrag, aanvraag.einddatum) == (Decimal("4000.00"), eind)
    # The evaluation moment at the old end moved inside the granted period (plus its margin).
    assert all(m.datum <= eind + timedelta(days=42) for m in aanvraag.evaluatiemomenten.all())


@pytest.mark.parametrize(
    "bedrag, begin_delta, eind_delta, melding",
    [
        (Decimal("6000"), 0, 0, "niet meer zijn dan"),
        (Decimal("0"), 0, 0, "meer dan nul"),
        (Decimal("5000"), -1, 0, "binnen de aangevraagde periode"),
        (Decimal("5000"), 0, 1, "binnen de aangevraagde periode"),
    ],
)
def test_a_grant_beyond_the_request_is_refused(personas, bedrag, begin_delta, eind_delta, melding):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    with pytest.raises(AanvraagFout, match=melding):
        services.aanvraag_toekennen(
            aanvraag=aanvraag,
            door=personas.anna,
            bedrag=bedrag,
            motivering="x",
            begindatum=aanvraag.begindatum + timedelta(days=begin_delta),
            einddatum=aanvraag.einddatum + timedelta(days=eind_delta),
        )
    assert stand(aanvraag) == AanvraagStatus.IN_BEOORDELING


def test_who_decides_follows_the_type(personas):
    ac_besluit = AanvraagFactory(school=personas.school_a, in_beoordeling=True)  # consultant assesses, AC decides
    with pytest.raises(AanvraagFout, match="mag dit niet"):
        services.aanvraag_afwijzen(aanvraag=ac_besluit, door=personas.charlie, motivering="x")
    services.aanvraag_advies_geven(
        aanvraag=ac_besluit, door=personas.charlie, soort=Adviessoort.AFWIJZEN, motivering="Past in basisondersteuning."
    )
    alleen_consulent = AanvraagFactory(
        school=personas.school_a,
        in_beoordeling=True,
        arrangementtype=ArrangementtypeFactory(beoordelaar=Beoordelaar.CONSULENT),
    )
    services.aanvraag_afwijzen(
        aanvraag=alleen_consulent, door=personas.charlie, motivering="Basisondersteuning volstaat."
    )
    assert stand(alleen_consulent) == AanvraagStatus.AFGEWEZEN
    with pytest.raises(AanvraagFout):
        services.aanvraag_in_beoordeling_nemen(
            aanvraag=AanvraagFactory(
                school=personas.school_a, ingediend=True, arrangementtype=alleen_consulent.arrangementtype
            ),
            door=personas.anna,
        )


def test_a_refusal_needs_reasons_and_commits_nothing(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    with pytest.raises(AanvraagFout, match="redenen"):
        services.aanvraag_afwijzen(aanvraag=aanvraag, door=personas.anna, motivering=" ")
    besluit = services.aanvraag_afwijzen(
        aanvraag=aanvraag, door=personas.anna, motivering="Valt binnen basisondersteuning."
    )
    aanvraag.refresh_from_db()
    assert (besluit.soort, besluit.bedrag, aanvraag.toegekend_bedrag) == (Besluitsoort.AFGEWEZEN, None, None)


def test_an_advice_above_the_amount_asked_is_refused(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, in_beoordeling=True)
    with pytest.raises(AanvraagFout):
        services.aanvraag_advies_geven(
            aanvraag=aanvraag,
            door=personas.charlie,
            soort=Adviessoort.TOEKENNEN,
            bedrag=Decimal("9999"),
            motivering="Meer nodig.",
        )


# --- running, evaluating, ending ---------------------------------------------------------------


def gegevens(**extra) -> Evaluatiegegevens:
    waarden = dict(
        doelen_bereikt=DoelenBereikt.DEELS,
        conclusie=Conclusie.VOORTZETTEN,
        toelichting="Vooruitgang op AVI.",
        ouders_betrokken=4,
        ouders_geholpen=5,
        ouders_cijfer=8,
        ouders_doorgaan="ja",
        kind_fijn=3,
        kind_geleerd=2,
        kind_doorgaan="ja",
        kind_opmerking="Lezen is leuker nu.",
    )
    waarden.update(extra)
    return Evaluatiegegevens(**waarden)


@pytest.fixture
def lopend(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, aangemaakt_door=personas.alice, lopend=True)
    Evaluatiemoment.objects.create(aanvraag=aanvraag, datum=aanvraag.begindatum + timedelta(days=60))
    return aanvraag


def test_the_ib_er_starts_a_granted_arrangement(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, toegekend=True)
    services.arrangement_starten(aanvraag=aanvraag, door=personas.alice)
    assert stand(aanvraag) == AanvraagStatus.LOPEND


def test_continuing_at_an_evaluation_keeps_the_arrangement_running(personas, lopend):
    eerste = lopend.evaluatiemomenten.order_by("datum").first()
    evaluatie = services.evaluatie_vastleggen(aanvraag=lopend, door=personas.alice, moment=eerste, gegevens=gegevens())
    assert stand(lopend) == AanvraagStatus.LOPEND
    assert (evaluatie.ouders_cijfer, evaluatie.kind_fijn, evaluatie.vastgelegd_door) == (8, 3, personas.alice)
    with pytest.raises(AanvraagFout, match="al vastgelegd"):
        services.evaluatie_vastleggen(aanvraag=lopend, door=personas.alice, moment=eerste, gegevens=gegevens())


def test_continue_is_not_possible_at_the_last_moment(personas, lopend):
    for moment in lopend.evaluatiemomenten.order_by("datum")[:1]:
        services.evaluatie_vastleggen(aanvraag=lopend, door=personas.alice, moment=moment, gegevens=gegevens())
    laatste = lopend.evaluatiemomenten.order_by("datum").last()
    with pytest.raises(AanvraagFout, match="laatste evaluatiemoment"):
        services.evaluatie_vastleggen(aanvraag=lopend, door=personas.alice, moment=laatste, gegevens=gegevens())
    services.evaluatie_vastleggen(
        aanvraag=lopend,
        door=personas.alice,
        moment=laatste,
        gegevens=gegevens(conclusie=Conclusie.STOPPEN, doelen_bereikt=DoelenBereikt.JA),
    )
    assert stand(lopend) == AanvraagStatus.GEEVALUEERD


def test_missing_questionnaire_answers_need_a_reason(personas, lopend):
    moment = lopend.evaluatiemomenten.order_by("datum").first()
    with pytest.raises(AanvraagFout, match="ouders"):
        services.evaluatie_vastleggen(
            aanvraag=lopend, door=personas.alice, moment=moment, gegevens=gegevens(ouders_cijfer=None)
        )
    with pytest.raises(AanvraagFout, match="kind"):
        services.evaluatie_vastleggen(
            aanvraag=lopend, door=personas.alice, moment=moment, gegevens=gegevens(kind_ingevuld=False)
        )
    evaluatie = services.evaluatie_vastleggen(
        aanvraag=lopend,
        door=personas.alice,
        moment=moment,
        gegevens=gegevens(kind_ingevuld=False, kind_reden_niet="Te jong om de vragen te begrijpen."),
    )
    assert (evaluatie.kind_fijn, evaluatie.kind_doorgaan) == (None, "")


def test_a_moment_of_another_arrangement_is_refused(personas, lopend):
    ander = AanvraagFactory(school=personas.school_a, lopend=True)
    with pytest.raises(AanvraagFout):
        services.evaluatie_vastleggen(
            aanvraag=lopend, door=personas.alice, moment=ander.evaluatiemomenten.first(), gegevens=gegevens()
        )


def test_an_evaluated_arrangement_is_closed_with_a_result(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, geevalueerd=True)
    with pytest.raises(AanvraagFout):
        services.arrangement_afsluiten(aanvraag=aanvraag, door=personas.alice, resultaat=Afsluitresultaat.VERLENGD)
    services.arrangement_afsluiten(
        aanvraag=aanvraag, door=personas.alice, resultaat=Afsluitresultaat.TLV, toelichting="SBO"
    )
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.afsluitresultaat, aanvraag.afgesloten_op) == (
        AanvraagStatus.AFGESLOTEN,
        Afsluitresultaat.TLV,
        timezone.localdate(),
    )


def test_extending_closes_the_arrangement_and_links_a_follow_up_concept(personas):
    leerling = LeerlingFactory(school=personas.school_a)
    aanvraag = AanvraagFactory(school=personas.school_a, leerling=leerling, geevalueerd=True)
    eind = aanvraag.einddatum + timedelta(days=120)
    vervolg = services.arrangement_verlengen(aanvraag=aanvraag, door=personas.alice, einddatum=eind)
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.afsluitresultaat) == (AanvraagStatus.AFGESLOTEN, Afsluitresultaat.VERLENGD)
    assert (vervolg.status, vervolg.vorige, vervolg.leerling, vervolg.einddatum) == (
        AanvraagStatus.CONCEPT,
        aanvraag,
        leerling,
        eind,
    )
    assert vervolg.begindatum == aanvraag.einddatum + timedelta(days=1)
    assert vervolg.doelen == aanvraag.doelen


def test_a_granted_arrangement_can_still_be_withdrawn(personas):
    aanvraag = AanvraagFactory(school=personas.school_a, toegekend=True)
    with pytest.raises(AanvraagFout, match="reden"):
        services.aanvraag_intrekken(aanvraag=aanvraag, door=personas.alice, reden="")
    services.aanvraag_intrekken(aanvraag=aanvraag, door=personas.alice, reden="Leerling verhuist.")
    assert stand(aanvraag) == AanvraagStatus.INGETROKKEN
    assert aanvraag.statusovergangen.last().reden == "Leerling verhuist."


# --- every refused transition ------------------------------------------------------------------

ALLE = [s.value for s in AanvraagStatus]
TRAIT = {
    "concept": {},
    "ingediend": {"ingediend": True},
    "in_beoordeling": {"in_beoordeling": True},
    "aanvulling_gevraagd": {"aanvulling_gevraagd": True},
    "toegekend": {"toegekend": True},
    "afgewezen": {"afgewezen": True},
    "lopend": {"lopend": True},
    "geevalueerd": {"geevalueerd": True},
    "afgesloten": {"afgesloten": True},
    "ingetrokken": {"ingetrokken": True},
}


def _aanroepen(naam, aanvraag, p):
    a = aanvraag
    return {
        "indienen": lambda: services.aanvraag_indienen(aanvraag=a, door=p.alice),
        "instemmen": lambda: services.aanvraag_instemmen(aanvraag=a, door=p.dora),
        "in_beoordeling_nemen": lambda: services.aanvraag_in_beoordeling_nemen(aanvraag=a, door=p.charlie),
        "aanvulling_vragen": lambda: services.aanvraag_aanvulling_vragen(aanvraag=a, door=p.charlie, vraag="?"),
        "aanvullen": lambda: services.aanvraag_aanvullen(aanvraag=a, door=p.alice, antwoord="!"),
        "advies": lambda: services.aanvraag_advies_geven(
            aanvraag=a, door=p.charlie, soort="toekennen", motivering="ok"
        ),
        "toekennen": lambda: services.aanvraag_toekennen(
            aanvraag=a, door=p.anna, bedrag=a.gevraagd_bedrag, begindatum=a.begindatum, einddatum=a.einddatum
        ),
        "afwijzen": lambda: services.aanvraag_afwijzen(aanvraag=a, door=p.anna, motivering="nee"),
        "intrekken": lambda: services.aanvraag_intrekken(aanvraag=a, door=p.alice, reden="weg"),
        "starten": lambda: services.arrangement_starten(aanvraag=a, door=p.alice),
        "evalueren": lambda: services.evaluatie_vastleggen(
            aanvraag=a, door=p.alice, moment=a.evaluatiemomenten.first(), gegevens=gegevens(conclusie=Conclusie.STOPPEN)
        ),
        "afsluiten": lambda: services.arrangement_afsluiten(
            aanvraag=a, door=p.alice, resultaat=Afsluitresultaat.DOELEN_BEREIKT
        ),
        "verlengen": lambda: services.arrangement_verlengen(
            aanvraag=a, door=p.alice, einddatum=a.einddatum + timedelta(days=90)
        ),
    }[naam]


TOEGESTAAN = {
    "indienen": {"concept": "ingediend"},
    "instemmen": {"concept": "concept"},
    "in_beoordeling_nemen": {"ingediend": "in_beoordeling"},
    "aanvulling_vragen": {"in_beoordeling": "aanvulling_gevraagd"},
    "aanvullen": {"aanvulling_gevraagd": "ingediend"},
    "advies": {"in_beoordeling": "in_beoordeling"},
    "toekennen": {"in_beoordeling": "toegekend"},
    "afwijzen": {"in_beoordeling": "afgewezen"},
    "intrekken": {
        s: "ingetrokken" for s in ("concept", "ingediend", "in_beoordeling", "aanvulling_gevraagd", "toegekend")
    },
    "starten": {"toegekend": "lopend"},
    "evalueren": {"lopend": "geevalueerd"},
    "afsluiten": {"geevalueerd": "afgesloten"},
    "verlengen": {"geevalueerd": "afgesloten"},
}


@pytest.mark.parametrize("status", ALLE)
@pytest.mark.parametrize("actie", sorted(TOEGESTAAN))
def test_each_service_accepts_exactly_its_source_states(personas, actie, status, django_capture_on_commit_callbacks):
    aanvraag = AanvraagFactory(school=personas.school_a, aangemaakt_door=personas.alice, **TRAIT[status])
    aanroep = _aanroepen(actie, aanvraag, personas)
    with django_capture_on_commit_callbacks(execute=False):
        if status in TOEGESTAAN[actie]:
            aanroep()
            assert stand(aanvraag) == TOEGESTAAN[actie][status]
        else:
            with pytest.raises(AanvraagFout):
                aanroep()
            assert stand(aanvraag) == status
