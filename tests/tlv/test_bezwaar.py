"""Objections (Awb): term computed and kept, advice, decision with a letter, revised decisions, beroep."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.tlv.factories import TLVFactory
from tlv.choices import Bezwaarbeslissing, BezwaarStatus, Commissie, Indiener, TLVStatus
from tlv.services import bezwaar as diensten
from tlv.services.fouten import TLVFout

pytestmark = pytest.mark.django_db


def vandaag():
    return timezone.localdate()


def registreer(p, tlv, **kw):
    velden = dict(
        ontvangen_op=vandaag(),
        indiener=Indiener.OUDERS,
        indiener_naam="Fam. Visser",
        gronden="Wij vinden de categorie te laag.",
    )
    velden.update(kw)
    return diensten.bezwaar_registreren(door=p.tim, tlv=tlv, **velden)


def test_the_term_runs_six_weeks_from_the_day_after_sending(wereld):
    with time_machine.travel(date(2026, 2, 20), tick=False):
        tlv = TLVFactory(
            so=True,
            afgegeven=True,
            aanvragende_school=wereld.school_a,
            bekendgemaakt_op=date(2026, 1, 9),
            afgegeven_op=date(2026, 1, 9),
            besluit_datum=date(2026, 1, 9),
        )
        bezwaar = registreer(wereld, tlv, ontvangen_op=date(2026, 2, 20))
    # Friday 9 January + 6 weeks = Friday 20 February: the last day, so still in time.
    assert (bezwaar.termijn_einde, bezwaar.binnen_termijn) == (date(2026, 2, 20), True)
    tlv.refresh_from_db()
    assert (tlv.status, tlv.status_voor_bezwaar) == (TLVStatus.IN_BEZWAAR, TLVStatus.AFGEGEVEN)
    assert list(bezwaar.statusovergangen.values_list("naar", flat=True)) == ["ontvangen"]


def test_a_late_objection_is_registered_as_late(wereld):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        tlv = TLVFactory(geweigerd=True, bekendgemaakt_op=date(2026, 1, 9), besluit_datum=date(2026, 1, 9))
        bezwaar = registreer(
            wereld, tlv, ontvangen_op=date(2026, 2, 23), te_laat_toelichting="Ouders waren in het buitenland."
        )
    assert bezwaar.binnen_termijn is False and bezwaar.te_laat_toelichting


def test_an_objection_against_an_active_tlv_leaves_it_active(wereld):
    tlv = TLVFactory(actief=True, so=True)
    registreer(wereld, tlv)
    tlv.refresh_from_db()
    assert tlv.status == TLVStatus.ACTIEF


def test_one_open_objection_per_decision(wereld):
    tlv = TLVFactory(geweigerd=True)
    registreer(wereld, tlv)
    with pytest.raises(TLVFout, match="in bezwaar|al een bezwaar"):
        registreer(wereld, tlv)


def test_a_request_without_a_decision_cannot_be_objected_to(wereld):
    with pytest.raises(TLVFout):
        registreer(wereld, TLVFactory(ingediend=True))


def test_the_school_does_not_register_objections(wereld):
    with pytest.raises(TLVFout):
        diensten.bezwaar_registreren(
            door=wereld.alice,
            tlv=TLVFactory(geweigerd=True, aanvragende_school=wereld.school_a),
            ontvangen_op=vandaag(),
            indiener="school",
            indiener_naam="x",
            gronden="y",
        )


def test_advice_then_an_unfounded_decision_restores_the_decision(wereld):
    tlv = TLVFactory(geweigerd=True)
    bezwaar = registreer(wereld, tlv)
    bezwaar = diensten.bezwaar_advies_vragen(
        door=wereld.tim,
        bezwaar=bezwaar,
        commissie=Commissie.LBT,
        advies_gevraagd_op=vandaag(),
        hoorzitting_op=vandaag() + timedelta(days=20),
    )
    with pytest.raises(TLVFout, match="advies van de commissie"):
        diensten.bezwaar_beslissen(door=wereld.dirk, bezwaar=bezwaar, beslissing="ongegrond", motivering="x")
    bezwaar = diensten.bezwaar_advies_vastleggen(
        door=wereld.tim,
        bezwaar=bezwaar,
        advies_ontvangen_op=vandaag(),
        advies_strekking=Bezwaarbeslissing.ONGEGROND,
        advies="Procedure juist gevolgd.",
    )
    bezwaar = diensten.bezwaar_beslissen(
        door=wereld.dirk,
        bezwaar=bezwaar,
        beslissing=Bezwaarbeslissing.ONGEGROND,
        motivering="Het besluit blijft in stand.",
    )
    tlv.refresh_from_db()
    assert (bezwaar.status, tlv.status, bezwaar.beslissingsbrief.soort) == (
        BezwaarStatus.BESLIST,
        TLVStatus.GEWEIGERD,
        "tlv_beslissing_op_bezwaar",
    )
    assert [o for o in bezwaar.statusovergangen.values_list("naar", flat=True)] == [
        "ontvangen",
        "advies_gevraagd",
        "advies_ontvangen",
        "beslist",
    ]


def test_only_the_objection_decider_decides(wereld, settings):
    bezwaar = registreer(wereld, TLVFactory(geweigerd=True))
    with pytest.raises(TLVFout):
        diensten.bezwaar_beslissen(door=wereld.tim, bezwaar=bezwaar, beslissing="ongegrond", motivering="x")
    settings.TLV_BEZWAAR_BESLISSER = "tlc"
    assert (
        diensten.bezwaar_beslissen(door=wereld.tim, bezwaar=bezwaar, beslissing="ongegrond", motivering="x").status
        == "beslist"
    )


def test_a_well_founded_objection_against_a_refusal_issues_the_tlv(wereld):
    tlv = TLVFactory(geweigerd=True, so=True, aanvragende_school=wereld.school_a)
    bezwaar = registreer(wereld, tlv)
    with pytest.raises(TLVFout, match="bekostigingscategorie"):
        diensten.bezwaar_beslissen(
            door=wereld.dirk,
            bezwaar=bezwaar,
            beslissing="gegrond",
            motivering="x",
            herzien={"ingangsdatum": vandaag(), "einddatum": vandaag() + timedelta(days=365)},
        )
    diensten.bezwaar_beslissen(
        door=wereld.dirk,
        bezwaar=bezwaar,
        beslissing="gegrond",
        motivering="De route is wel gevolgd.",
        herzien={"categorie": "midden", "ingangsdatum": vandaag(), "einddatum": vandaag() + timedelta(days=365)},
    )
    tlv.refresh_from_db()
    assert (tlv.status, tlv.categorie, tlv.nummer is not None) == (TLVStatus.ACTIEF, "midden", True)


def test_a_well_founded_objection_against_the_category_revises_it(wereld):
    tlv = TLVFactory(afgegeven=True, so=True, categorie="laag")
    bezwaar = registreer(wereld, tlv)
    with pytest.raises(TLVFout, match="wijzig de categorie"):
        diensten.bezwaar_beslissen(door=wereld.dirk, bezwaar=bezwaar, beslissing="gegrond", motivering="x", herzien={})
    diensten.bezwaar_beslissen(
        door=wereld.dirk,
        bezwaar=bezwaar,
        beslissing="gegrond",
        motivering="Zorgzwaarte hoger.",
        herzien={"categorie": "hoog"},
    )
    tlv.refresh_from_db()
    assert (tlv.categorie, tlv.status) == ("hoog", TLVStatus.AFGEGEVEN)


def test_the_decision_term_can_be_extended_once(wereld):
    bezwaar = registreer(wereld, TLVFactory(geweigerd=True))
    diensten.bezwaar_verdagen(door=wereld.tim, bezwaar=bezwaar, reden="Hoorzitting later.")
    with pytest.raises(TLVFout, match="één keer"):
        diensten.bezwaar_verdagen(door=wereld.tim, bezwaar=bezwaar, reden="Nog eens.")


def test_the_decision_terms_follow_the_settings(wereld, settings):
    from tlv import termijnen

    assert termijnen.bezwaar_beslistermijn(date(2026, 2, 20)) == date(2026, 5, 15)
    assert termijnen.bezwaar_beslistermijn(date(2026, 2, 20), verdaagd=True) == date(2026, 6, 26)
    settings.TLV_BEZWAAR_BESLISTERMIJN_WEKEN = 6
    assert termijnen.bezwaar_beslistermijn(date(2026, 2, 20)) == date(2026, 4, 3)


def test_a_withdrawn_objection_restores_the_decision(wereld):
    tlv = TLVFactory(afgegeven=True)
    bezwaar = registreer(wereld, tlv)
    diensten.bezwaar_intrekken(door=wereld.tim, bezwaar=bezwaar, reden="Ouders trekken het bezwaar in.")
    tlv.refresh_from_db()
    assert tlv.status == TLVStatus.AFGEGEVEN
    with pytest.raises(TLVFout):
        diensten.bezwaar_intrekken(door=wereld.tim, bezwaar=bezwaar, reden="nogmaals")


def test_beroep_is_recorded_after_the_decision_only(wereld):
    bezwaar = registreer(wereld, TLVFactory(geweigerd=True))
    with pytest.raises(TLVFout):
        diensten.bezwaar_beroep_vastleggen(
            door=wereld.tim, bezwaar=bezwaar, beroep_ingesteld_op=vandaag(), beroep_toelichting="x"
        )
    bezwaar = diensten.bezwaar_beslissen(door=wereld.dirk, bezwaar=bezwaar, beslissing="ongegrond", motivering="x")
    bezwaar = diensten.bezwaar_beroep_vastleggen(
        door=wereld.tim,
        bezwaar=bezwaar,
        beroep_ingesteld_op=vandaag(),
        beroep_toelichting="Rechtbank Den Haag, SGR 26/1234",
    )
    assert bezwaar.beroep_ingesteld_op == vandaag()
