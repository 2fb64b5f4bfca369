"""Database constraints of the TLV register (run on PostgreSQL in CI; SQLite enforces the checks too).

The overlap rule is a PostgreSQL exclusion constraint; on SQLite, which has none, the same rule is
the service's check, asserted here instead so that the test proves the invariant on both.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from tests.beperkingen import schendt
from tests.tlv.factories import TLVFactory
from tlv.choices import TLVStatus
from tlv.models import TLV, Deskundigenadvies
from tlv.services import beoordeling
from tlv.services.fouten import TLVFout

pytestmark = pytest.mark.django_db


def weigert(beperking: str, **velden):
    tlv = TLVFactory(**velden.pop("_trait", {}))
    with schendt(beperking):
        TLV.objects.filter(pk=tlv.pk).update(**velden)


def test_the_end_date_must_be_after_the_start_date():
    weigert("tlv_einde_na_begin", _trait={"afgegeven": True}, einddatum=date(2026, 1, 1), ingangsdatum=date(2026, 1, 1))


def test_an_sbo_tlv_has_no_category():
    weigert("tlv_categorie_alleen_en_altijd_bij_so", _trait={"afgegeven": True}, categorie="laag")


def test_an_issued_so_tlv_has_a_category():
    weigert("tlv_categorie_alleen_en_altijd_bij_so", _trait={"afgegeven": True, "so": True}, categorie="")


def test_a_submitted_so_request_proposes_a_category():
    weigert("tlv_categorie_alleen_en_altijd_bij_so", _trait={"ingediend": True, "so": True}, voorgestelde_categorie="")


def test_only_a_direct_entry_may_be_without_an_end_date():
    weigert(
        "tlv_afgegeven_met_nummer_en_looptijd", _trait={"afgegeven": True}, einddatum=None, geen_einddatum_reden="EMB"
    )
    tlv = TLVFactory(afgegeven=True, route="rechtstreeks")
    weigert(
        "tlv_afgegeven_met_nummer_en_looptijd",
        _trait={"afgegeven": True, "route": "rechtstreeks"},
        einddatum=None,
        geen_einddatum_reden="",
    )
    TLV.objects.filter(pk=tlv.pk).update(einddatum=None, geen_einddatum_reden="EMB: gehele schoolloopbaan")


def test_an_issued_tlv_has_a_number_and_numbers_are_unique():
    weigert("tlv_afgegeven_met_nummer_en_looptijd", _trait={"afgegeven": True}, nummer=None)
    eerste = TLVFactory(afgegeven=True)
    weigert("tlv_tlv_nummer_key", _trait={"afgegeven": True}, nummer=eerste.nummer)


def test_a_refusal_has_reasons():
    weigert("tlv_geweigerd_met_motivering", _trait={"geweigerd": True}, motivering="")


def test_placement_is_not_before_issue():
    weigert("tlv_plaatsing_na_afgifte", _trait={"afgegeven": True}, plaatsingsdatum=date(2000, 1, 1))


def test_an_ended_tlv_has_a_reason():
    weigert("tlv_beeindigd_met_reden", _trait={"actief": True}, beeindigd_op=date(2026, 1, 1))


def test_one_request_in_progress_per_pupil():
    tlv = TLVFactory(ingediend=True)
    with schendt("tlv_een_lopende_aanvraag_per_leerling"):
        TLVFactory(leerling=tlv.leerling)


def test_the_first_expert_is_an_orthopedagogue_or_psychologist():
    tlv = TLVFactory()
    with schendt("deskundigenadvies_eerste_is_orthopedagoog_of_psycholoog"):
        Deskundigenadvies.objects.create(
            tlv=tlv,
            volgorde=1,
            naam="X",
            kwalificatie="arts",
            datum=date(2026, 1, 1),
            advies="a",
            conclusie="positief",
            vastgelegd_door=tlv.aangemaakt_door,
        )


def test_no_two_issued_tlvs_of_one_type_overlap_for_a_pupil(wereld):
    eerste = TLVFactory(actief=True, ingangsdatum=date(2025, 8, 1), einddatum=date(2027, 7, 31))
    tweede = TLVFactory(getoetst=True, leerling=eerste.leerling)
    if connection.vendor == "postgresql":
        with schendt("tlv_geen_overlap_per_leerling_en_soort"):
            TLVFactory(
                actief=True, leerling=eerste.leerling, ingangsdatum=date(2027, 7, 31), einddatum=date(2028, 7, 31)
            )
    with pytest.raises(TLVFout, match="al TLV"):
        beoordeling.tlv_afgeven(
            door=wereld.tim, tlv=tweede, ingangsdatum=date(2027, 1, 1), einddatum=date(2028, 7, 31), motivering="x"
        )


def test_touching_periods_and_other_types_do_not_overlap():
    eerste = TLVFactory(actief=True, ingangsdatum=date(2025, 8, 1), einddatum=date(2027, 7, 31))
    TLVFactory(afgegeven=True, leerling=eerste.leerling, ingangsdatum=date(2027, 8, 1), einddatum=date(2029, 7, 31))
    TLVFactory(
        afgegeven=True, so=True, leerling=eerste.leerling, ingangsdatum=date(2026, 1, 1), einddatum=date(2026, 7, 31)
    )
    assert sorted(TLV.objects.filter(leerling=eerste.leerling).values_list("ingangsdatum", flat=True)) == [
        date(2025, 8, 1),
        date(2026, 1, 1),
        date(2027, 8, 1),
    ]


def test_a_tlv_that_ended_early_frees_the_rest_of_its_period():
    eerste = TLVFactory(
        actief=True,
        ingangsdatum=date(2025, 8, 1),
        einddatum=date(2027, 7, 31),
        status=TLVStatus.INGETROKKEN,
        beeindigd_op=date(2026, 1, 1),
        beeindigingsreden="teruggeplaatst",
    )
    TLVFactory(afgegeven=True, leerling=eerste.leerling, ingangsdatum=date(2026, 1, 1), einddatum=date(2027, 12, 31))
    # An open-ended EMB TLV before its start withdrawn covers nothing at all.
    TLVFactory(
        afgegeven=True,
        leerling=eerste.leerling,
        route="rechtstreeks",
        einddatum=None,
        geen_einddatum_reden="EMB",
        ingangsdatum=date(2030, 1, 1),
        beeindigd_op=date(2029, 6, 1),
        beeindigingsreden="ingetrokken",
        status=TLVStatus.INGETROKKEN,
    )
    assert TLV.objects.actief_op(date(2026, 6, 1)).filter(leerling=eerste.leerling).count() == 1


def test_an_open_ended_tlv_overlaps_everything_after_its_start(wereld):
    emb = TLVFactory(
        actief=True,
        so=True,
        route="rechtstreeks",
        einddatum=None,
        geen_einddatum_reden="EMB",
        ingangsdatum=date(2024, 8, 1),
    )
    if connection.vendor == "postgresql":
        with schendt("tlv_geen_overlap_per_leerling_en_soort"):
            TLVFactory(
                afgegeven=True,
                so=True,
                leerling=emb.leerling,
                ingangsdatum=date(2040, 1, 1),
                einddatum=date(2041, 1, 1),
            )
    tweede = TLVFactory(getoetst=True, so=True, leerling=emb.leerling)
    with pytest.raises(TLVFout):
        beoordeling.tlv_afgeven(
            door=wereld.tim,
            tlv=tweede,
            ingangsdatum=date(2040, 1, 1),
            einddatum=date(2041, 1, 1),
            categorie="laag",
            motivering="x",
        )
    assert emb.is_actief_op(date(2040, 1, 1)) and not emb.is_actief_op(date(2024, 7, 31))
    assert emb.einddatum is None and emb.laatste_geldige_dag is None
