"""The key figures of thuiszitters and zorgplicht (issue 8 on issue 6's data): known answers on
constructed cases, the empty case, the bestuurder's scope, the filters, the query budget per
selector, the tile and the Excel export agreeing, and the jaarverslag's chapter."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from kwaliteit.kengetallen import Filters, get_kengetal
from kwaliteit.opmaak import formatteer
from kwaliteit.presentatie import presenteer
from leerlingen.models import Thuiszittercasus
from swv.access import lidmaatschappen
from tests.factories import GemeenteFactory, SchoolFactory
from tests.kwaliteit.conftest import maak_versie, pdf_tekst
from tests.leerlingen.factories_thuiszitters import ThuiszittercasusFactory, ZorgplichtcasusFactory

pytestmark = pytest.mark.django_db

SCHOOLJAAR = Filters.voor_schooljaar(2025)  # 1 Aug 2025 - 31 Jul 2026: the reference date is 31 Jul 2026
SOORT = Thuiszittercasus.Soort


@pytest.fixture(autouse=True)
def na_het_schooljaar():
    """Today is after the school year, so every figure is counted on 31 July 2026."""
    with time_machine.travel(datetime(2026, 9, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        yield


@pytest.fixture
def gemeente_zonder_school():
    return GemeenteFactory(naam="Gemeente Zonder School")


@pytest.fixture
def casussen(personas, scholen, gemeente_zonder_school):
    """Board Noord (school A, SBO), board Zuid (school B, SO). Active on 31 Jul 2026 and counting as
    thuiszitter: A 28 days, A 119 days, B 455 days, a child without enrolment 42 days (4 in all;
    older than 13 weeks: 2). New in the school year: those two of A, the child without enrolment and
    a case of A closed in October (4); closed: 1. Not counted: a threatened case at B, a case at the
    SBO that starts after the year, a case of A closed before it."""
    a, b, sbo = scholen["a"], scholen["b"], scholen["sbo"]
    ThuiszittercasusFactory(school=a, sinds=date(2026, 7, 3))
    ThuiszittercasusFactory(school=a, sinds=date(2026, 4, 3))
    ThuiszittercasusFactory(school=b, sinds=date(2025, 5, 2))
    ThuiszittercasusFactory(zonder_inschrijving=True, gemeente=gemeente_zonder_school, sinds=date(2026, 6, 19))
    ThuiszittercasusFactory(school=a, sinds=date(2025, 9, 1), afgesloten=True)  # closed 27 Oct 2025
    ThuiszittercasusFactory(school=b, soort=SOORT.DREIGEND, sinds=date(2026, 1, 1))
    ThuiszittercasusFactory(school=sbo, sinds=date(2026, 8, 10))
    ThuiszittercasusFactory(school=a, sinds=date(2025, 1, 6), afgesloten=True)  # closed 3 Mar 2025


@pytest.fixture
def zorgplicht_casussen(personas, scholen):
    """Open on 31 Jul 2026: A applied 1 Jul (30 days), A 1 Jun (60 days: past 6 weeks), B 1 May
    (91 days, extended: past 6 and 10 weeks). Not open: B decided, A applied in August."""
    a, b = scholen["a"], scholen["b"]
    ZorgplichtcasusFactory(school=a, aanmeldingsdatum=date(2026, 7, 1))
    ZorgplichtcasusFactory(school=a, aanmeldingsdatum=date(2026, 6, 1))
    ZorgplichtcasusFactory(school=b, aanmeldingsdatum=date(2026, 5, 1), verlengd=True)
    ZorgplichtcasusFactory(school=b, aanmeldingsdatum=date(2026, 3, 2), besloten=True)
    ZorgplichtcasusFactory(school=a, aanmeldingsdatum=date(2026, 8, 5))


def cijfers(user, sleutel: str, filters: Filters = SCHOOLJAAR) -> dict:
    return {k.sleutel: k.waarde for k in get_kengetal(sleutel).bereken(user, filters).kerncijfers}


def test_the_db_sees_the_whole_swv_with_known_answers(personas, casussen):
    c = cijfers(personas.dirk, "thuiszitters")
    assert c["actief"] == 4 and c["ouder_dan_3_maanden"] == 2 and c["nieuw"] == 4 and c["afgesloten"] == 1
    assert c["per_1000"] == Decimal("7.3")  # 4 of the 550 pupils at the count date of 1 Oct 2025
    # Durations 28, 42, 119 and 455 days: quartiles 38.5, 80.5 and 203 days.
    assert c["mediaan_weken"] == Decimal("11.5")
    duur = get_kengetal("thuiszitters").bereken(personas.dirk, SCHOOLJAAR).tabellen[1].rijen[0]
    assert (duur["aantal"], duur["q1"], duur["mediaan"], duur["q3"]) == (
        4,
        Decimal("5.5"),
        Decimal("11.5"),
        Decimal("29.0"),
    )


def test_the_table_per_type_shows_threatened_cases_without_counting_them(personas, casussen):
    rijen = {r["soort"]: r for r in get_kengetal("thuiszitters").bereken(personas.dirk, SCHOOLJAAR).tabellen[0].rijen}
    relatief, absoluut, dreigend = (
        rijen[SOORT(s).label] for s in (SOORT.RELATIEF_VERZUIM, SOORT.ABSOLUUT_VERZUIM, SOORT.DREIGEND)
    )
    assert (relatief["actief"], relatief["ouder"], relatief["nieuw"], relatief["afgesloten"]) == (3, 2, 3, 1)
    assert (absoluut["actief"], absoluut["ouder"], absoluut["nieuw"]) == (1, 0, 1)
    assert (dreigend["actief"], dreigend["ouder"]) == (1, 1)
    assert rijen[SOORT.VRIJSTELLING_5A.label]["ouder"] is None  # the 3-month target does not apply


def test_a_bestuurder_sees_only_the_boards_schools(personas, casussen):
    c = cijfers(personas.bert, "thuiszitters")  # board Noord: school A and the SBO
    assert (c["actief"], c["ouder_dan_3_maanden"], c["nieuw"], c["afgesloten"]) == (2, 1, 3, 1)
    assert c["per_1000"] == Decimal("6.2")  # 2 of 322 pupils (A 310, SBO 12)
    assert c["mediaan_weken"] == Decimal("10.5")  # 28 and 119 days
    # A filter on the other board gives nothing, not that board's cases.
    zuid = personas.school_b.bestuur_id
    assert cijfers(personas.bert, "thuiszitters", SCHOOLJAAR.met(bestuur_id=zuid))["actief"] == 0


def test_filters_narrow_the_cases(personas, casussen, gemeente_zonder_school, scholen):
    zuid = cijfers(personas.dirk, "thuiszitters", SCHOOLJAAR.met(bestuur_id=personas.school_b.bestuur_id))
    assert (zuid["actief"], zuid["nieuw"], zuid["per_1000"]) == (1, 0, Decimal("4.4"))  # 1 of 228 (B 190, SO 38)
    # A child without enrolment counts in its municipality, where no school is: no rate.
    gemeente = cijfers(personas.dirk, "thuiszitters", SCHOOLJAAR.met(gemeente_id=gemeente_zonder_school.pk))
    assert (gemeente["actief"], gemeente["per_1000"]) == (1, None)
    assert cijfers(personas.dirk, "thuiszitters", SCHOOLJAAR.met(soort="BO"))["actief"] == 3
    assert cijfers(personas.dirk, "thuiszitters", SCHOOLJAAR.met(soort="SBO"))["actief"] == 0
    school_a = cijfers(personas.dirk, "thuiszitters", SCHOOLJAAR.met(school_id=scholen["a"].pk))
    assert (school_a["actief"], school_a["nieuw"], school_a["afgesloten"]) == (2, 3, 1)


def test_the_empty_case(personas, scholen):
    c = cijfers(personas.dirk, "thuiszitters")
    assert (c["actief"], c["ouder_dan_3_maanden"], c["nieuw"], c["afgesloten"]) == (0, 0, 0, 0)
    assert c["per_1000"] == Decimal("0.0") and c["mediaan_weken"] is None
    assert get_kengetal("thuiszitters").bereken(personas.dirk, SCHOOLJAAR).grafiek is None
    z = cijfers(personas.dirk, "zorgplicht")
    assert (z["open"], z["over_6_weken"], z["over_10_weken"]) == (0, 0, 0)


def test_roles_that_count_no_cases_get_no_numbers_rather_than_zeros(personas, casussen, zorgplicht_casussen):
    for sleutel in ("thuiszitters", "zorgplicht"):
        uitkomst = get_kengetal(sleutel).bereken(personas.carla, SCHOOLJAAR)  # the controller
        assert uitkomst.leeg and all(k.waarde is None for k in uitkomst.kerncijfers)


def test_zorgplicht_past_6_and_10_weeks(personas, zorgplicht_casussen):
    z = cijfers(personas.dirk, "zorgplicht")
    assert (z["open"], z["over_6_weken"], z["over_10_weken"]) == (3, 2, 1)
    rijen = {r["naam"]: r for r in get_kengetal("zorgplicht").bereken(personas.dirk, SCHOOLJAAR).tabellen[0].rijen}
    assert (rijen["Stichting Noord"]["open"], rijen["Stichting Zuid"]["over_10"]) == (2, 1)
    bert = cijfers(personas.bert, "zorgplicht")
    assert (bert["open"], bert["over_6_weken"], bert["over_10_weken"]) == (2, 1, 0)
    # On 30 June: B (1 May: past 6 weeks, not 10) and A (1 June); B's case of March was decided.
    juni = cijfers(
        personas.dirk, "zorgplicht", Filters(begin=date(2026, 1, 1), einde=date(2026, 6, 30), label="2026-H1")
    )
    assert (juni["open"], juni["over_6_weken"], juni["over_10_weken"]) == (2, 1, 0)


@pytest.mark.parametrize(("sleutel", "budget"), [("thuiszitters", 3), ("zorgplicht", 1)])
@pytest.mark.parametrize("persona", ["dirk", "bert"])
def test_each_selector_has_a_small_fixed_number_of_queries(
    personas, casussen, zorgplicht_casussen, sleutel, budget, persona, django_assert_max_num_queries
):
    user = getattr(personas, persona)
    lidmaatschappen(user)  # the memberships are read once per request
    with django_assert_max_num_queries(budget):
        get_kengetal(sleutel).bereken(user, SCHOOLJAAR.met(kring_id=personas.kring.pk))
    for _i in range(5):
        ThuiszittercasusFactory(school=SchoolFactory(swv=personas.swv, bestuur=personas.school_a.bestuur))
    with django_assert_max_num_queries(budget):
        get_kengetal(sleutel).bereken(user, SCHOOLJAAR)


def test_published_output_hides_small_counts_and_what_derives_from_them(personas, casussen):
    kengetal = get_kengetal("thuiszitters")
    weergave = presenteer(kengetal, kengetal.bereken(personas.bert, SCHOOLJAAR), SCHOOLJAAR, onderdrukken=True)
    tekst = {k["sleutel"]: k["tekst"] for k in weergave.kerncijfers}
    assert tekst["actief"] == "< 5" and tekst["per_1000"] == "*" and tekst["mediaan_weken"] == "*"
    duur = weergave.tabellen[1].cellen[0]
    assert [c["tekst"] for c in duur[1:]] == ["< 5", "*", "*", "*"]
    assert weergave.drilldown is None


def test_the_tile_links_to_the_thuiszitter_dashboard_and_agrees_with_the_export(
    client, personas, casussen, zorgplicht_casussen
):
    client.force_login(personas.dirk)
    html = client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025, "domein": "thuiszitters"}).content.decode()
    tegel = dict(re.findall(r'data-kengetal="([^"]+)">([^<]*)<', html))
    assert f"{reverse('leerlingen:thuiszitters_dashboard')}?datum=2026-07-31" in html
    assert reverse("leerlingen:zorgplicht") in html
    for sleutel in ("thuiszitters", "zorgplicht"):
        uitkomst = get_kengetal(sleutel).bereken(personas.dirk, SCHOOLJAAR)
        werkmap = openpyxl.load_workbook(
            io.BytesIO(client.get(reverse("kwaliteit:kengetal_export", args=[sleutel]), {"schooljaar": 2025}).content)
        )
        export = {rij[0]: rij[1] for rij in werkmap.worksheets[0].iter_rows(min_row=4, values_only=True)}
        for kc in uitkomst.kerncijfers:
            assert tegel[f"{sleutel}:{kc.sleutel}"] == formatteer(kc.waarde, kc.soort, teller=kc.teller)
            assert export[str(kc.label)] == pytest.approx(float(kc.waarde))


def test_the_bestuurders_dashboard_shows_the_boards_figures(client, personas, casussen):
    client.force_login(personas.bert)
    html = client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025, "domein": "thuiszitters"}).content.decode()
    tegel = dict(re.findall(r'data-kengetal="([^"]+)">([^<]*)<', html))
    assert tegel["thuiszitters:actief"] == "2" and tegel["thuiszitters:per_1000"] == "6,2"


def test_the_jaarverslag_chapter_shows_real_figures(
    personas, casussen, zorgplicht_casussen, django_capture_on_commit_callbacks
):
    """Calendar year 2025 (reference date 31 Dec 2025): only B's case is active (the others start in
    2026); new in 2025: B's and A's two, both closed in 2025."""
    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2025, door=personas.dirk)
    with versie.taak.bestand.open("rb") as fh:
        tekst = pdf_tekst(fh.read())
    hoofdstuk = tekst.split("Thuiszitters en zorgplicht")[-1].split("stem van het kind")[0]
    assert "Het portaal bevat nog geen gegevens voor dit hoofdstuk" not in hoofdstuk
    uitkomst = get_kengetal("thuiszitters").bereken(personas.dirk, Filters.voor_kalenderjaar(2025))
    c = {k.sleutel: k.waarde for k in uitkomst.kerncijfers}
    assert (c["actief"], c["nieuw"], c["afgesloten"]) == (1, 3, 2)
    weergave = presenteer(get_kengetal("thuiszitters"), uitkomst, Filters.voor_kalenderjaar(2025), onderdrukken=True)
    for k in weergave.kerncijfers:
        assert f"{k['tekst']}{k['label']}".replace(" ", "") in hoofdstuk.replace(" ", "").replace("\n", "")
