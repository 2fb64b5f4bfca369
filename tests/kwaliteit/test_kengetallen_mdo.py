"""The key figure of MDOs and the child's voice (hoorrecht, issue 8 on issue 3's data): known answers,
the empty case, the bestuurder's scope, the query budget, suppression in published output."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kwaliteit.kengetallen import Filters, get_kengetal
from kwaliteit.presentatie import presenteer
from leerlingen.choices import MDOSoort, StemNietGehoordReden, StemWijze
from leerlingen.models import StemVanHetKind
from swv.access import lidmaatschappen
from tests.leerlingen.factories_dossier import DossierFactory, MDOFactory

pytestmark = pytest.mark.django_db

SCHOOLJAAR = Filters.voor_schooljaar(2025)


def gehouden(school, op: date, **kwargs):
    return MDOFactory(dossier=DossierFactory(school=school), gehouden=True, gehouden_op=op, **kwargs)


@pytest.fixture
def mdos(personas, scholen):
    """In school year 2025-2026: at A an MDO that heard the child (October) and one where the child was
    too young (February); at B an OT meeting that heard the child and an MDO without the child's voice.
    Not counted: an MDO at A held in July 2025, a planned one and a cancelled one."""
    a, b = scholen["a"], scholen["b"]
    gehouden(a, date(2025, 10, 1))
    te_jong = gehouden(a, date(2026, 2, 1))
    StemVanHetKind.objects.filter(mdo=te_jong).update(
        gehoord=False, wijze="", wat_zei_kind="", wat_wil_kind="", reden_niet_gehoord=StemNietGehoordReden.TE_JONG
    )
    gehouden(b, date(2026, 3, 1), soort=MDOSoort.OT)
    zonder = gehouden(b, date(2026, 3, 15))
    StemVanHetKind.objects.filter(mdo=zonder).delete()
    gehouden(a, date(2025, 7, 15))
    MDOFactory(dossier=DossierFactory(school=a))
    MDOFactory(dossier=DossierFactory(school=a), geannuleerd=True)


def uitkomst(user, filters=SCHOOLJAAR):
    return get_kengetal("mdo_hoorrecht").bereken(user, filters)


def cijfers(user, filters=SCHOOLJAAR) -> dict:
    return {k.sleutel: k.waarde for k in uitkomst(user, filters).kerncijfers}


def test_the_db_sees_held_mdos_and_the_share_with_the_childs_voice(personas, mdos):
    c = cijfers(personas.dirk)
    assert (c["gehouden"], c["met_stem"], c["aandeel_stem_kind"]) == (4, 2, Decimal("50.00"))
    aandeel = next(k for k in uitkomst(personas.dirk).kerncijfers if k.sleutel == "aandeel_stem_kind")
    assert aandeel.soort == "percentage" and aandeel.teller == 2


def test_the_tables_per_kind_of_meeting_and_how_the_child_was_heard(personas, mdos):
    per_soort, stem = uitkomst(personas.dirk).tabellen
    rijen = {str(r["soort"]): r for r in per_soort.rijen}
    assert (rijen[str(MDOSoort.MDO.label)]["gehouden"], rijen[str(MDOSoort.MDO.label)]["met_stem"]) == (3, 1)
    assert rijen[str(MDOSoort.MDO.label)]["aandeel"] == Decimal("33.33")
    assert rijen[str(MDOSoort.OT.label)]["aandeel"] == Decimal("100.00")
    assert per_soort.kolom("aandeel").teller == "met_stem"
    aantallen = {str(r["stem"]): r["aantal"] for r in stem.rijen}
    assert aantallen[str(StemWijze.GESPREK_VOORAF.label)] == 2
    assert aantallen[str(StemNietGehoordReden.TE_JONG.label)] == 1
    assert list(aantallen.values())[-1] == 1  # not recorded
    assert sum(aantallen.values()) == 4


def test_a_bestuurder_sees_only_the_boards_schools(personas, mdos):
    c = cijfers(personas.bert)  # board Noord: school A
    assert (c["gehouden"], c["met_stem"], c["aandeel_stem_kind"]) == (2, 1, Decimal("50.00"))
    assert cijfers(personas.bert, SCHOOLJAAR.met(bestuur_id=personas.school_b.bestuur_id))["gehouden"] == 0


def test_filters_and_the_period(personas, mdos, scholen):
    assert cijfers(personas.dirk, SCHOOLJAAR.met(school_id=scholen["b"].pk))["gehouden"] == 2
    assert cijfers(personas.dirk, SCHOOLJAAR.met(soort="SO"))["gehouden"] == 0
    assert cijfers(personas.dirk, Filters.voor_kalenderjaar(2025))["gehouden"] == 2  # July and October 2025


def test_the_empty_case(personas, scholen):
    c = cijfers(personas.dirk)
    assert (c["gehouden"], c["met_stem"], c["aandeel_stem_kind"]) == (0, 0, None)
    assert uitkomst(personas.dirk).grafiek is None


def test_roles_that_count_nothing_get_no_numbers(personas, mdos):
    u = uitkomst(personas.carla)  # the controller
    assert u.leeg and all(k.waarde is None for k in u.kerncijfers)


@pytest.mark.parametrize("persona", ["dirk", "bert"])
def test_one_query_whatever_the_data(personas, mdos, scholen, persona, django_assert_max_num_queries):
    user = getattr(personas, persona)
    lidmaatschappen(user)
    with django_assert_max_num_queries(1):
        uitkomst(user)
    for i in range(5):
        gehouden(scholen["a"], date(2026, 4, 1 + i))
    with django_assert_max_num_queries(1):
        uitkomst(user, SCHOOLJAAR.met(kring_id=personas.kring.pk))


def test_published_output_hides_a_share_of_a_small_count(personas, mdos):
    kengetal = get_kengetal("mdo_hoorrecht")
    weergave = presenteer(kengetal, uitkomst(personas.dirk), SCHOOLJAAR, onderdrukken=True)
    tekst = {k["sleutel"]: k["tekst"] for k in weergave.kerncijfers}
    assert (tekst["gehouden"], tekst["met_stem"], tekst["aandeel_stem_kind"]) == ("< 5", "< 5", "*")
