"""OPP versions and consent; MDO planning, verslag with the child's voice, outcomes, agreements, advice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from leerlingen.choices import (
    AfspraakStatus,
    Deelnemersrol,
    DossierStatus,
    Instemmingsbesluit,
    Instemmingswijze,
    MDOStatus,
    OPPStatus,
    Ouderrelatie,
    StemNietGehoordReden,
    StemWijze,
    Uitkomstsoort,
    Uitstroomniveau,
)
from leerlingen.models import MDO, Afspraak, OPPVersie, StemVanHetKind
from leerlingen.services import dossier as dossier_services
from leerlingen.services import mdo as services
from leerlingen.services import opp as opp_services
from leerlingen.services.fouten import DossierFout, GelijktijdigeWijziging
from tests.gelijktijdig import gelijktijdig, precies_een_wint
from tests.leerlingen.factories import LeerlingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(personas):
    leerling = LeerlingFactory(school=personas.school_a)
    return dossier_services.dossier_openen(door=personas.alice, leerling=leerling, aanleiding="Zorgen")


def _opp(personas, dossier, **kw):
    return opp_services.opp_versie_opstellen(
        door=personas.alice,
        dossier=dossier,
        uitstroomniveau=Uitstroomniveau.VMBO_BASIS,
        doelen="Lezen AVI M5",
        handelingsdeel="RT 2x per week",
        **kw,
    )


# --- OPP --------------------------------------------------------------------------------------------


def test_an_opp_is_drawn_up_as_draft_version_one(personas, dossier):
    versie = _opp(personas, dossier)
    assert (versie.versienummer, versie.status, versie.opp.dossier) == (1, OPPStatus.CONCEPT, dossier)


def test_a_second_draft_next_to_the_first_is_refused(personas, dossier):
    _opp(personas, dossier)
    with pytest.raises(DossierFout, match="conceptversie"):
        _opp(personas, dossier)


def test_adopting_a_new_version_supersedes_the_previous(personas, dossier):
    v1 = opp_services.opp_vaststellen(door=personas.alice, oppversie=_opp(personas, dossier))
    assert v1.status == OPPStatus.VASTGESTELD and v1.vastgesteld_op == timezone.localdate()
    v2 = opp_services.opp_vaststellen(door=personas.alice, oppversie=_opp(personas, dossier))
    v1.refresh_from_db()
    assert (v1.status, v2.status, v2.versienummer) == (OPPStatus.VERVANGEN, OPPStatus.VASTGESTELD, 2)
    assert v2.opp.huidige_versie == v2


def test_an_adopted_version_can_be_neither_adopted_again_nor_edited(personas, dossier):
    v = opp_services.opp_vaststellen(door=personas.alice, oppversie=_opp(personas, dossier))
    with pytest.raises(DossierFout, match="conceptversie"):
        opp_services.opp_vaststellen(door=personas.alice, oppversie=v)
    with pytest.raises(DossierFout, match="conceptversie"):
        opp_services.opp_versie_bijwerken(
            door=personas.alice,
            oppversie=v,
            versie=v.versie,
            uitstroomniveau=Uitstroomniveau.HAVO,
            doelen="x",
            handelingsdeel="y",
        )


def test_a_stale_edit_of_the_draft_is_detected(personas, dossier):
    v = _opp(personas, dossier)
    opp_services.opp_versie_bijwerken(
        door=personas.alice, oppversie=v, versie=1, uitstroomniveau=Uitstroomniveau.HAVO, doelen="a", handelingsdeel="b"
    )
    with pytest.raises(GelijktijdigeWijziging):
        opp_services.opp_versie_bijwerken(
            door=personas.alice,
            oppversie=v,
            versie=1,
            uitstroomniveau=Uitstroomniveau.HAVO,
            doelen="c",
            handelingsdeel="d",
        )


@pytest.mark.django_db(transaction=True)
def test_a_concurrent_edit_of_the_draft_is_detected(personas, dossier):
    v = _opp(personas, dossier)

    def bijwerken(doelen):  # both started from version 1 of the draft
        return lambda: opp_services.opp_versie_bijwerken(
            door=personas.alice,
            oppversie=OPPVersie.objects.get(pk=v.pk),
            versie=1,
            uitstroomniveau=Uitstroomniveau.HAVO,
            doelen=doelen,
            handelingsdeel="d",
        )

    winnaar, _fout = precies_een_wint(gelijktijdig(bijwerken("a"), bijwerken("c")), GelijktijdigeWijziging)
    v.refresh_from_db()
    assert (v.doelen, v.versie) == (winnaar.doelen, 2)


def test_an_opp_without_handelingsdeel_is_refused(personas, dossier):
    with pytest.raises(DossierFout, match="handelingsdeel"):
        opp_services.opp_versie_opstellen(
            door=personas.alice, dossier=dossier, uitstroomniveau=Uitstroomniveau.HAVO, doelen="x", handelingsdeel=" "
        )


def test_consent_is_recorded_as_data(personas, dossier):
    v = _opp(personas, dossier)
    i = opp_services.opp_instemming_vastleggen(
        door=personas.alice,
        oppversie=v,
        besluit=Instemmingsbesluit.INGESTEMD,
        ouder_naam="R. de Vries",
        ouder_relatie=Ouderrelatie.VADER,
        datum=timezone.localdate(),
        wijze=Instemmingswijze.SCHRIFTELIJK,
    )
    assert (i.besluit, i.vastgelegd_door, i.wijze) == (Instemmingsbesluit.INGESTEMD, personas.alice, "schriftelijk")


def test_an_objection_needs_an_explanation(personas, dossier):
    v = _opp(personas, dossier)
    with pytest.raises(DossierFout, match="bezwaar"):
        opp_services.opp_instemming_vastleggen(
            door=personas.alice,
            oppversie=v,
            besluit=Instemmingsbesluit.BEZWAAR,
            ouder_naam="R. de Vries",
            ouder_relatie=Ouderrelatie.VADER,
            datum=timezone.localdate(),
            wijze=Instemmingswijze.GESPREK,
        )


def test_consent_on_a_superseded_version_is_refused(personas, dossier):
    v1 = opp_services.opp_vaststellen(door=personas.alice, oppversie=_opp(personas, dossier))
    opp_services.opp_vaststellen(door=personas.alice, oppversie=_opp(personas, dossier))
    v1.refresh_from_db()
    with pytest.raises(DossierFout, match="vervangen"):
        opp_services.opp_instemming_vastleggen(
            door=personas.alice,
            oppversie=v1,
            besluit=Instemmingsbesluit.INGESTEMD,
            ouder_naam="x",
            ouder_relatie=Ouderrelatie.MOEDER,
            datum=timezone.localdate(),
            wijze=Instemmingswijze.GESPREK,
        )


@pytest.mark.parametrize("persona", ["bob", "dora", "charlie", "lotte", "dirk"])
def test_only_the_ib_er_writes_the_opp(personas, dossier, persona):
    with pytest.raises(DossierFout, match="niet wijzigen"):
        opp_services.opp_versie_opstellen(
            door=getattr(personas, persona),
            dossier=dossier,
            uitstroomniveau=Uitstroomniveau.HAVO,
            doelen="x",
            handelingsdeel="y",
        )


# --- MDO --------------------------------------------------------------------------------------------


def _plan(personas, dossier, **kw):
    return services.mdo_plannen(
        door=personas.alice,
        dossier=dossier,
        begint_om=timezone.now() + timedelta(days=3),
        deelnemers=[
            services.Deelnemer(rol=Deelnemersrol.CONSULENT, gebruiker=personas.charlie),
            services.Deelnemer(rol=Deelnemersrol.OUDER, naam="Mevrouw Jansen"),
        ],
        agenda="Leesontwikkeling",
        **kw,
    )


def _verslag(**kw):
    data = {
        "gehouden_op": timezone.localdate(),
        "verslag": "Besproken: voortgang lezen.",
        "stem": services.StemGegevens(gehoord=True, wijze=StemWijze.GESPREK_VOORAF, wat_zei_kind="Ik vind lezen stom"),
        "uitkomsten": [(Uitkomstsoort.ARRANGEMENTAANVRAAG, "Aanvraag leesarrangement"), (Uitkomstsoort.OPP, "")],
        "afspraken": [
            services.AfspraakGegevens(
                omschrijving="Aanvraag indienen",
                uiterlijk=timezone.localdate() + timedelta(days=14),
                uitvoerder_naam="Ib-er",
            )
        ],
    }
    data.update(kw)
    return services.Verslag(**data)


def test_planning_an_mdo_moves_the_dossier_into_mdo_and_invites(personas, dossier, django_capture_on_commit_callbacks):
    from swv.celery import app

    # On the Celery app itself: once an earlier test has read its configuration, a changed Django
    # setting no longer reaches it (the invitation then went to the broker and the outbox stayed empty).
    oud, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            mdo = _plan(personas, dossier)
    finally:
        app.conf.task_always_eager = oud
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.IN_BEHANDELING_MDO
    rollen = sorted(mdo.deelnemers.values_list("rol", flat=True))
    assert rollen == ["consulent", "ib_er", "ouder"]
    assert [m.to for m in mail.outbox] == [[personas.charlie.email]]
    assert dossier.leerling.achternaam not in mail.outbox[0].body  # a link only, no pupil details
    assert f"/leerlingen/mdo/{mdo.uuid}/" in mail.outbox[0].body


def test_a_user_of_another_school_cannot_be_invited(personas, dossier):
    with pytest.raises(DossierFout, match="geen medewerker"):
        services.mdo_plannen(
            door=personas.alice,
            dossier=dossier,
            begint_om=timezone.now() + timedelta(days=1),
            deelnemers=[services.Deelnemer(rol=Deelnemersrol.IB_ER, gebruiker=personas.bob)],
        )
    assert not MDO.objects.exists()


def test_an_external_participant_needs_a_name(personas, dossier):
    with pytest.raises(DossierFout, match="naam"):
        services.mdo_plannen(
            door=personas.alice,
            dossier=dossier,
            begint_om=timezone.now() + timedelta(days=1),
            deelnemers=[services.Deelnemer(rol=Deelnemersrol.OUDER)],
        )


def test_the_verslag_records_voice_outcomes_and_agreements_and_returns_the_dossier_to_open(personas, dossier):
    mdo = _plan(personas, dossier)
    mdo = services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=_verslag())
    assert mdo.status == MDOStatus.GEHOUDEN and mdo.verslag_door == personas.alice
    assert mdo.stem_van_het_kind.gehoord is True
    assert set(mdo.uitkomsten.values_list("soort", flat=True)) == {"arrangementaanvraag", "opp"}
    assert Afspraak.objects.get(mdo=mdo).status == AfspraakStatus.OPEN
    assert MDO.objects.met_uitkomst(Uitkomstsoort.ARRANGEMENTAANVRAAG).get() == mdo
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.OPEN


def test_the_verslag_is_refused_without_the_childs_voice_or_reason(personas, dossier):
    mdo = _plan(personas, dossier)
    with pytest.raises(DossierFout, match="waarom het kind niet"):
        services.mdo_verslag_vastleggen(
            door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=_verslag(stem=services.StemGegevens(gehoord=False))
        )
    with pytest.raises(DossierFout, match="wat het kind zei"):
        services.mdo_verslag_vastleggen(
            door=personas.alice,
            mdo=mdo,
            versie=mdo.versie,
            verslag=_verslag(stem=services.StemGegevens(gehoord=True, wijze=StemWijze.IN_OVERLEG)),
        )
    mdo.refresh_from_db()
    assert mdo.status == MDOStatus.GEPLAND and not StemVanHetKind.objects.exists()


def test_a_child_that_could_not_be_heard_is_recorded_with_the_reason(personas, dossier):
    mdo = _plan(personas, dossier)
    stem = services.StemGegevens(gehoord=False, reden_niet_gehoord=StemNietGehoordReden.TE_JONG)
    services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=_verslag(stem=stem))
    assert StemVanHetKind.objects.get(mdo=mdo).reden_niet_gehoord == "te_jong"


def test_the_verslag_needs_an_outcome(personas, dossier):
    mdo = _plan(personas, dossier)
    with pytest.raises(DossierFout, match="uitkomst"):
        services.mdo_verslag_vastleggen(
            door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=_verslag(uitkomsten=[])
        )


def test_a_verslag_for_a_future_date_is_refused(personas, dossier):
    mdo = _plan(personas, dossier)
    with pytest.raises(DossierFout, match="toekomst"):
        services.mdo_verslag_vastleggen(
            door=personas.alice,
            mdo=mdo,
            versie=mdo.versie,
            verslag=_verslag(gehouden_op=timezone.localdate() + timedelta(days=1)),
        )


def test_a_held_or_cancelled_mdo_accepts_no_second_verslag(personas, dossier):
    mdo = _plan(personas, dossier)
    services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=_verslag())
    with pytest.raises(DossierFout, match="niet meer gepland"):
        services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=mdo.versie + 1, verslag=_verslag())
    with pytest.raises(DossierFout, match="niet meer gepland"):
        services.mdo_annuleren(door=personas.alice, mdo=mdo, reden="x")


def test_a_stale_form_cannot_overwrite_a_changed_meeting(personas, dossier):
    mdo = _plan(personas, dossier)
    services.mdo_bijwerken(
        door=personas.alice,
        mdo=mdo,
        versie=mdo.versie,
        begint_om=mdo.begint_om + timedelta(hours=1),
        duur_minuten=90,
        locatie="Lokaal 3",
        agenda="Nieuw",
    )
    with pytest.raises(GelijktijdigeWijziging):
        services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=1, verslag=_verslag())


def test_cancelling_needs_a_reason_and_returns_the_dossier_to_open(personas, dossier):
    mdo = _plan(personas, dossier)
    with pytest.raises(DossierFout, match="reden"):
        services.mdo_annuleren(door=personas.alice, mdo=mdo, reden="")
    services.mdo_annuleren(door=personas.alice, mdo=mdo, reden="Ouders ziek")
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.OPEN


def test_the_dossier_stays_in_mdo_while_another_meeting_is_planned(personas, dossier):
    eerste = _plan(personas, dossier)
    _plan(personas, dossier)
    services.mdo_annuleren(door=personas.alice, mdo=eerste, reden="Dubbel gepland")
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.IN_BEHANDELING_MDO


def test_planning_in_a_closed_dossier_is_refused(personas, dossier):
    from leerlingen.choices import Afsluitreden

    dossier_services.dossier_afsluiten(door=personas.alice, dossier=dossier, reden=Afsluitreden.DOELEN_BEREIKT)
    with pytest.raises(DossierFout, match="afgesloten"):
        _plan(personas, dossier)


def test_the_assigned_consulent_adds_advice_but_not_others(personas, dossier):
    mdo = _plan(personas, dossier)
    advies = services.mdo_advies_toevoegen(door=personas.charlie, mdo=mdo, tekst="Overweeg een leesarrangement.")
    assert advies.auteur == personas.charlie
    for persona in ("lotte", "dora", "bob", "dirk"):
        with pytest.raises(DossierFout):
            services.mdo_advies_toevoegen(door=getattr(personas, persona), mdo=mdo, tekst="x")


def test_an_agreement_is_marked_done_by_the_ib_er_once(personas, dossier):
    mdo = _plan(personas, dossier)
    services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=_verslag())
    afspraak = Afspraak.objects.get()
    with pytest.raises(DossierFout):
        services.afspraak_afronden(door=personas.dora, afspraak=afspraak)
    afspraak = services.afspraak_afronden(door=personas.alice, afspraak=afspraak)
    assert afspraak.status == AfspraakStatus.AFGEROND and afspraak.afgerond_op == timezone.localdate()
    with pytest.raises(DossierFout, match="niet meer open"):
        services.afspraak_afronden(door=personas.alice, afspraak=afspraak)


def test_the_person_carrying_out_an_agreement_marks_it_done(personas, dossier):
    mdo = _plan(personas, dossier)
    verslag = _verslag(
        afspraken=[
            services.AfspraakGegevens(
                omschrijving="Observatie", uiterlijk=date.today() + timedelta(days=30), uitvoerder=personas.charlie
            )
        ]
    )
    services.mdo_verslag_vastleggen(door=personas.alice, mdo=mdo, versie=mdo.versie, verslag=verslag)
    afspraak = services.afspraak_afronden(door=personas.charlie, afspraak=Afspraak.objects.get())
    assert afspraak.status == AfspraakStatus.AFGEROND
