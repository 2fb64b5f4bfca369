"""Invariants of the pupil's case held by the database itself (run on PostgreSQL in CI)."""

from __future__ import annotations

from datetime import date

import pytest

from leerlingen.choices import DossierStatus, MDOStatus, OPPStatus
from leerlingen.models import MDODeelnemer, OPPVersie, Overstap, StemVanHetKind
from tests.beperkingen import schendt
from tests.leerlingen.factories_dossier import (
    AfspraakFactory,
    DossierFactory,
    InstemmingFactory,
    MDOFactory,
    OPPVersieFactory,
)

pytestmark = pytest.mark.django_db


def _weigert(beperking: str, fn):
    with schendt(beperking):
        fn()


def test_one_active_dossier_per_pupil(personas):
    d = DossierFactory(school=personas.school_a)
    _weigert(
        "dossier_een_actief_per_leerling",
        lambda: DossierFactory(school=personas.school_a, leerling=d.leerling, regievoerder=d.regievoerder),
    )
    DossierFactory(school=personas.school_a, leerling=d.leerling, afgesloten=True)  # a closed one may coexist


def test_a_closed_dossier_has_a_date_and_reason(personas):
    _weigert(
        "dossier_afgesloten_met_datum_en_reden",
        lambda: DossierFactory(school=personas.school_a, status=DossierStatus.AFGESLOTEN),
    )
    _weigert(
        "dossier_afgesloten_met_datum_en_reden",
        lambda: DossierFactory(school=personas.school_a, afgesloten_op=date(2025, 1, 1)),
    )
    _weigert(
        "dossier_afgesloten_na_geopend",
        lambda: DossierFactory(school=personas.school_a, afgesloten=True, afgesloten_op=date(2020, 1, 1)),
    )


def test_one_adopted_and_one_draft_opp_version(personas):
    v = OPPVersieFactory(dossier=DossierFactory(school=personas.school_a), vastgesteld=True)
    _weigert("oppversie_een_vastgesteld", lambda: OPPVersieFactory(opp=v.opp, versienummer=2, vastgesteld=True))
    OPPVersieFactory(opp=v.opp, versienummer=2)
    _weigert("oppversie_een_concept", lambda: OPPVersieFactory(opp=v.opp, versienummer=3))
    _weigert(
        "oppversie_nummer_uniek",
        lambda: OPPVersieFactory(
            opp=v.opp, versienummer=1, status=OPPStatus.VERVANGEN, vastgesteld_op=date(2024, 1, 1)
        ),
    )
    _weigert("oppversie_vastgesteld_met_datum", lambda: OPPVersie.objects.filter(pk=v.pk).update(vastgesteld_op=None))


def test_an_objection_has_an_explanation(personas):
    _weigert("oppinstemming_bezwaar_met_toelichting", lambda: InstemmingFactory(besluit="bezwaar", toelichting=""))


def test_a_held_mdo_has_minutes_and_the_childs_voice_is_complete(personas):
    _weigert(
        "mdo_gehouden_met_verslag", lambda: MDOFactory(dossier__school=personas.school_a, status=MDOStatus.GEHOUDEN)
    )
    mdo = MDOFactory(dossier__school=personas.school_a)
    _weigert("stemvanhetkind_gehoord_of_reden", lambda: StemVanHetKind.objects.create(mdo=mdo, gehoord=True))
    _weigert("stemvanhetkind_gehoord_of_reden", lambda: StemVanHetKind.objects.create(mdo=mdo, gehoord=False))
    _weigert("mdodeelnemer_gebruiker_of_naam", lambda: MDODeelnemer.objects.create(mdo=mdo, rol="ouder"))
    _weigert(
        "mdo_geannuleerd_met_reden", lambda: MDOFactory(dossier__school=personas.school_a, status=MDOStatus.GEANNULEERD)
    )
    _weigert("mdo_duur_redelijk", lambda: MDOFactory(dossier__school=personas.school_a, duur_minuten=0))


def test_an_agreement_has_someone_and_a_done_date(personas):
    _weigert("afspraak_met_uitvoerder", lambda: AfspraakFactory(dossier__school=personas.school_a, uitvoerder_naam=""))
    _weigert(
        "afspraak_afgerond_met_datum", lambda: AfspraakFactory(dossier__school=personas.school_a, status="afgerond")
    )


def test_a_transfer_goes_to_another_school_and_access_ends_after_it(personas):
    d = DossierFactory(school=personas.school_a)
    basis = {"leerling": d.leerling, "vastgelegd_door": personas.alice, "datum": date(2025, 1, 1)}
    _weigert(
        "overstap_andere_school",
        lambda: Overstap.objects.create(van_school=personas.school_a, naar_school=personas.school_a, **basis),
    )
    _weigert(
        "overstap_leesrecht_na_datum",
        lambda: Overstap.objects.create(
            van_school=personas.school_a, naar_school=personas.school_b, leesrecht_tot=date(2024, 12, 1), **basis
        ),
    )
