"""The TLV key figures (issue 8): requests and decisions, waiting time to placement and SO pupils
per funding category, on constructed TLVs with known answers; the empty case, the bestuurder's
scope, the filters, query counts, and the dashboard, Excel and TLC annual report agreeing."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from kwaliteit.kengetallen import Filters, Uitkomst, get_kengetal, indicator_waarde
from kwaliteit.opmaak import formatteer
from swv.access import lidmaatschappen
from tests.factories import SchoolFactory
from tests.kwaliteit.conftest import maak_versie, pdf_tekst
from tests.kwaliteit.test_dashboard import kengetallen_in
from tests.leerlingen.factories import LeerlingFactory
from tests.tlv.factories import TLVFactory

pytestmark = pytest.mark.django_db

F2025 = Filters.voor_schooljaar(2025)  # 1 August 2025 - 31 July 2026
SLEUTELS = ("tlv_aanvragen", "wachttijd_plaatsing", "so_per_categorie")


def bereken(sleutel, user, filters=F2025) -> Uitkomst:
    return get_kengetal(sleutel).bereken(user, filters)


#: The tables of tlv_aanvragen, in order (titles are translated, so tests go by position).
TABELLEN = ("per_soort", "per_leeftijd", "per_school", "per_bestuur")


def rijen(uitkomst: Uitkomst, tabel: str) -> list[dict]:
    return uitkomst.tabellen[TABELLEN.index(tabel)].rijen


@pytest.fixture
def tlvs(personas):
    """School A (board Noord) and school B (board Zuid) request TLVs for SBO De Brug and SO De Horizon.

    In 2025-2026: six requests (four in May-July), five decisions (30, 30, 40, 10 and 16 days),
    four issued, one refused, one extension, one direct entry, one return. Active on 31 July 2026:
    one SBO and SO laag 2, midden 1, hoog 1. Placed after 10 (Brug), 20 and 30 days (Horizon);
    one issued TLV still waiting at De Horizon.
    """
    p = personas
    brug = SchoolFactory(swv=p.swv, kring=p.kring, bestuur=p.school_a.bestuur, sbo=True, naam="SBO De Brug")
    horizon = SchoolFactory(swv=p.swv, kring=p.kring, bestuur=p.school_b.bestuur, so=True, naam="SO De Horizon")
    a, b = dict(aanvragende_school=p.school_a), dict(aanvragende_school=p.school_b)
    # Pupils are born on 14 May 2016 unless told otherwise.
    TLVFactory(
        actief=True,
        beoogde_school=brug,
        eerst_ingediend_op=date(2025, 9, 1),
        besluit_datum=date(2025, 10, 1),
        afgegeven_op=date(2025, 10, 1),
        ingangsdatum=date(2025, 10, 1),
        einddatum=date(2027, 7, 31),
        plaatsingsdatum=date(2025, 10, 11),
        **a,
    )
    TLVFactory(
        actief=True,
        so=True,
        categorie="laag",
        route="verlenging",
        beoogde_school=horizon,
        eerst_ingediend_op=date(2026, 5, 10),
        besluit_datum=date(2026, 6, 9),
        afgegeven_op=date(2026, 6, 9),
        ingangsdatum=date(2026, 6, 9),
        einddatum=date(2028, 7, 31),
        plaatsingsdatum=date(2026, 6, 29),
        **a,
    )
    TLVFactory(
        geweigerd=True,
        beoogde_school=brug,
        leerling=LeerlingFactory(geboortedatum=date(2012, 1, 1)),
        eerst_ingediend_op=date(2026, 6, 1),
        besluit_datum=date(2026, 7, 11),
        **a,
    )
    TLVFactory(ingediend=True, beoogde_school=brug, eerst_ingediend_op=date(2026, 7, 20), **a)
    TLVFactory(
        afgegeven=True,
        so=True,
        categorie="laag",
        beoogde_school=horizon,
        eerst_ingediend_op=date(2026, 6, 15),
        besluit_datum=date(2026, 7, 1),
        afgegeven_op=date(2026, 7, 1),
        ingangsdatum=date(2026, 8, 15),
        einddatum=date(2028, 7, 31),
        **a,
    )  # issued, starts after the period, still waiting
    TLVFactory(
        actief=True,
        so=True,
        categorie="laag",
        beoogde_school=horizon,
        eerst_ingediend_op=date(2024, 3, 1),
        besluit_datum=date(2024, 4, 1),
        afgegeven_op=date(2024, 4, 1),
        ingangsdatum=date(2024, 8, 1),
        einddatum=date(2027, 7, 31),
        **a,
    )  # an earlier year's, still active
    TLVFactory(
        actief=True,
        so=True,
        categorie="hoog",
        route="rechtstreeks",
        geen_einddatum_reden="EMB",
        beoogde_school=horizon,
        leerling=LeerlingFactory(geboortedatum=date(2019, 3, 1)),
        eerst_ingediend_op=date(2025, 11, 3),
        besluit_datum=date(2025, 11, 13),
        afgegeven_op=date(2025, 11, 13),
        ingangsdatum=date(2025, 11, 13),
        einddatum=None,
        plaatsingsdatum=date(2025, 12, 13),
        **b,
    )
    TLVFactory(
        actief=True,
        so=True,
        categorie="midden",
        beoogde_school=horizon,
        eerst_ingediend_op=date(2024, 3, 1),
        besluit_datum=date(2024, 4, 1),
        afgegeven_op=date(2024, 4, 1),
        ingangsdatum=date(2024, 8, 1),
        einddatum=date(2026, 12, 31),
        **b,
    )
    TLVFactory(
        actief=True,
        beoogde_school=brug,
        status="ingetrokken",
        beeindigd_op=date(2026, 3, 1),
        beeindigingsreden="teruggeplaatst",
        eerst_ingediend_op=date(2023, 5, 1),
        besluit_datum=date(2023, 6, 1),
        afgegeven_op=date(2023, 6, 1),
        ingangsdatum=date(2023, 8, 1),
        einddatum=date(2026, 7, 31),
        **b,
    )
    p.brug, p.horizon = brug, horizon
    return p


def test_requests_and_decisions_with_known_answers(tlvs):
    uitkomst = bereken("tlv_aanvragen", tlvs.dirk)
    waarde = uitkomst.indicator
    assert (waarde("aanvragen"), waarde("afgegeven"), waarde("afgewezen")) == (6, 4, 1)
    assert waarde("doorlooptijd") == Decimal("25.2")  # (30 + 30 + 40 + 10 + 16) / 5
    assert waarde("aandeel_mei_juli") == Decimal("66.7")  # 4 of 6
    assert next(k for k in uitkomst.kerncijfers if k.sleutel == "aandeel_mei_juli").teller == 4
    assert (waarde("verlengingen"), waarde("rechtstreeks"), waarde("terugplaatsingen")) == (1, 1, 1)
    per_soort = [(r["soort"], r["aantal"], r["aandeel"]) for r in rijen(uitkomst, "per_soort")]
    assert per_soort == [("SBO", 1, Decimal("25.00")), ("SO", 1, Decimal("25.00")), ("SO", 2, Decimal("50.00"))]
    assert [(r["leeftijd"], r["aantal"]) for r in rijen(uitkomst, "per_leeftijd")] == [
        ("6", 1),
        ("9", 2),
        ("10", 2),
        ("13+", 1),
    ]
    assert {r["school"]: r["aantal"] for r in rijen(uitkomst, "per_school")} == {"Basisschool A": 5, "Basisschool B": 1}
    assert {r["bestuur"]: r["aantal"] for r in rijen(uitkomst, "per_bestuur")} == {
        "Stichting Noord": 5,
        "Stichting Zuid": 1,
    }
    assert uitkomst.grafiek.labels == ["6", "9", "10", "13+"] and uitkomst.grafiek.reeksen[0].waarden == [1, 2, 2, 1]
    # The jaarplan reads the placeholder's declared headline figures.
    assert indicator_waarde(tlvs.dirk, F2025, "tlv_aanvragen:afgewezen") == 1


def test_waiting_time_to_placement_per_special_school(tlvs):
    uitkomst = bereken("wachttijd_plaatsing", tlvs.dirk)
    assert uitkomst.indicator("mediaan") == 20  # 10, 20, 30 days
    assert (uitkomst.indicator("geplaatst"), uitkomst.indicator("wachtend")) == (3, 1)
    per_school = {r["school"]: r for r in uitkomst.tabellen[0].rijen}
    assert (per_school["SBO De Brug"]["aantal"], per_school["SBO De Brug"]["mediaan"]) == (1, 10)
    horizon = per_school["SO De Horizon"]
    assert (horizon["aantal"], horizon["mediaan"], horizon["p25"], horizon["p75"], horizon["wachtend"]) == (
        2,
        25,
        Decimal("22.5"),
        Decimal("27.5"),
        1,
    )
    assert uitkomst.grafiek.labels == ["SBO De Brug", "SO De Horizon"]


def test_so_pupils_per_funding_category_at_the_end_of_the_period(tlvs):
    uitkomst = bereken("so_per_categorie", tlvs.dirk)
    assert [uitkomst.indicator(c) for c in ("laag", "midden", "hoog", "totaal")] == [2, 1, 1, 4]
    assert [r["aandeel"] for r in uitkomst.tabellen[0].rijen] == [Decimal("50.00"), Decimal("25.00"), Decimal("25.00")]
    # On 1 January 2026 the TLV issued on 9 June 2026 was not active yet.
    vroeger = Filters(begin=date(2025, 1, 1), einde=date(2026, 1, 1), label="2025")
    assert [bereken("so_per_categorie", tlvs.dirk, vroeger).indicator(c) for c in ("laag", "midden", "hoog")] == [
        1,
        1,
        1,
    ]


def test_the_registry_keeps_domain_order_and_indicators_of_the_placeholders():
    for sleutel, domein, volgorde, indicatoren in (
        ("tlv_aanvragen", "tlv", 10, {"aanvragen", "afgegeven", "afgewezen", "doorlooptijd", "aandeel_mei_juli"}),
        ("wachttijd_plaatsing", "tlv", 20, {"mediaan"}),
        ("so_per_categorie", "leerlingen", 25, {"laag", "midden", "hoog"}),
    ):
        kengetal = get_kengetal(sleutel)
        assert kengetal.beschikbaar and (kengetal.domein, kengetal.volgorde) == (domein, volgorde)
        assert set(dict(kengetal.indicatoren)) == indicatoren


@pytest.mark.parametrize("sleutel", SLEUTELS)
def test_without_tlvs_the_figures_are_empty_not_zero(personas, sleutel):
    uitkomst = bereken(sleutel, personas.dirk)
    assert uitkomst.bron_beschikbaar and uitkomst.leeg and uitkomst.grafiek is None
    assert all(k.waarde is None for k in uitkomst.kerncijfers)


def test_a_period_without_activity_is_empty(tlvs):
    uitkomst = bereken("tlv_aanvragen", tlvs.dirk, Filters.voor_schooljaar(2030))
    assert uitkomst.leeg and uitkomst.indicator("aanvragen") is None


def test_the_bestuurder_sees_the_requests_of_the_boards_schools_only(tlvs):
    bert = tlvs.bert  # bestuurder of Stichting Noord (school A)
    aanvragen = bereken("tlv_aanvragen", bert)
    assert (
        aanvragen.indicator("aanvragen"),
        aanvragen.indicator("afgegeven"),
        aanvragen.indicator("terugplaatsingen"),
    ) == (5, 3, 0)
    assert {r["school"] for r in rijen(aanvragen, "per_school")} == {"Basisschool A"}
    wachttijd = bereken("wachttijd_plaatsing", bert)
    assert (wachttijd.indicator("mediaan"), wachttijd.indicator("geplaatst"), wachttijd.indicator("wachtend")) == (
        15,
        2,
        1,
    )
    so = bereken("so_per_categorie", bert)
    assert [so.indicator(c) for c in ("laag", "midden", "hoog")] == [2, 0, 0]
    # Filtering on another board does not widen the scope: it empties it.
    for sleutel in SLEUTELS:
        assert bereken(sleutel, bert, F2025.met(bestuur_id=tlvs.school_b.bestuur_id)).leeg


@pytest.mark.parametrize("persona", ["alice", "olga", "beheer"])
def test_roles_without_aggregate_access_get_nothing(tlvs, persona):
    for sleutel in SLEUTELS:
        assert bereken(sleutel, getattr(tlvs, persona)).leeg


def test_the_organisation_filters_apply_to_the_requesting_school(tlvs):
    zuid = F2025.met(bestuur_id=tlvs.school_b.bestuur_id)
    assert bereken("tlv_aanvragen", tlvs.dirk, zuid).indicator("aanvragen") == 1
    assert [bereken("so_per_categorie", tlvs.dirk, zuid).indicator(c) for c in ("laag", "midden", "hoog")] == [0, 1, 1]
    assert bereken("tlv_aanvragen", tlvs.dirk, F2025.met(school_id=tlvs.school_a.pk)).indicator("aanvragen") == 5
    assert bereken("tlv_aanvragen", tlvs.dirk, F2025.met(kring_id=tlvs.kring.pk)).indicator("aanvragen") == 6
    gemeente = F2025.met(gemeente_id=tlvs.school_b.gemeente_id)
    assert bereken("wachttijd_plaatsing", tlvs.dirk, gemeente).indicator("mediaan") == 30
    # The school type is the requesting school's: BO schools requested all of these, SBO schools none.
    assert bereken("tlv_aanvragen", tlvs.dirk, F2025.met(soort="BO")).indicator("aanvragen") == 6
    for sleutel in SLEUTELS:
        assert bereken(sleutel, tlvs.dirk, F2025.met(soort="SBO")).leeg


@pytest.mark.parametrize("persona, budget", [("dirk", (4, 1, 1)), ("bert", (5, 2, 2))])
def test_each_selector_runs_a_fixed_number_of_queries(tlvs, persona, budget, django_assert_max_num_queries):
    """tlv_kengetallen: requests, decisions, returns, active; the others one each. A bestuurder's
    scope costs one more (the board's schools). Memberships are cached per request (warmed here)."""
    user = getattr(tlvs, persona)
    lidmaatschappen(user)
    for sleutel, maximum in zip(SLEUTELS, budget, strict=True):
        with django_assert_max_num_queries(maximum):
            bereken(sleutel, user)
    for _i in range(5):  # more data, same number of queries
        TLVFactory(
            afgegeven=True,
            so=True,
            categorie="midden",
            aanvragende_school=tlvs.school_a,
            beoogde_school=tlvs.horizon,
            eerst_ingediend_op=date(2026, 2, 1),
            besluit_datum=date(2026, 3, 1),
            afgegeven_op=date(2026, 3, 1),
            ingangsdatum=date(2026, 3, 1),
            einddatum=date(2027, 3, 1),
            plaatsingsdatum=date(2026, 3, 20),
        )
    for sleutel, maximum in zip(SLEUTELS, budget, strict=True):
        with django_assert_max_num_queries(maximum):
            bereken(sleutel, user)


def test_the_register_link_is_offered_to_those_who_may_open_the_register(client, tlvs):
    kengetal = get_kengetal("so_per_categorie")
    link = kengetal.drilldown_url(F2025.met(bestuur_id=tlvs.school_a.bestuur_id), tlvs.dirk)
    assert link.startswith(reverse("tlv:register")) and "soort=SO" in link and "actief_op=2026-07-31" in link
    assert f"bestuur={tlvs.school_a.bestuur_id}" in link
    assert kengetal.drilldown_url(F2025, tlvs.bert) is None and kengetal.drilldown_url(F2025, tlvs.carla) is None
    client.force_login(tlvs.dirk)
    assert client.get(link).status_code == 200
    register = reverse("tlv:register")
    assert (
        f'href="{register}?afgegeven_van=2025-08-01&amp;afgegeven_tot=2026-07-31"'
        in client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025, "domein": "tlv"}).content.decode()
    )
    client.force_login(tlvs.bert)
    html = client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025, "domein": "tlv"}).content.decode()
    assert kengetallen_in(html)["tlv_aanvragen:aanvragen"] == "5" and register not in html


def test_dashboard_excel_and_the_tlc_annual_report_agree(client, tlvs, django_capture_on_commit_callbacks):
    """The same selector behind the tile, the export and the PDF; the published PDF suppresses
    counts below 5 (and percentages of them) but shows the figures, not "no data yet"."""
    client.force_login(tlvs.dirk)
    tegel = kengetallen_in(
        "".join(  # so_per_categorie is in the pupils' domain
            client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025, "domein": d}).content.decode()
            for d in ("tlv", "leerlingen")
        )
    )
    versie = maak_versie(django_capture_on_commit_callbacks, soort="tlc_jaarverslag", jaar=2025, door=tlvs.tim)
    with versie.taak.bestand.open("rb") as fh:
        pdf = pdf_tekst(fh.read())
    assert "Het portaal bevat nog geen gegevens voor dit verslag" not in pdf and "Nog geen gegevens" not in pdf
    for sleutel in SLEUTELS:
        uitkomst = bereken(sleutel, tlvs.dirk)
        werkmap = openpyxl.load_workbook(
            io.BytesIO(client.get(reverse("kwaliteit:kengetal_export", args=[sleutel]), {"schooljaar": 2025}).content)
        )
        excel = {rij[0]: rij[1] for rij in werkmap.worksheets[0].iter_rows(min_row=4, values_only=True)}
        with translation.override("nl"):
            for kc in uitkomst.kerncijfers:
                assert tegel[f"{sleutel}:{kc.sleutel}"] == formatteer(kc.waarde, kc.soort, teller=kc.teller)
                assert excel[str(kc.label)] == pytest.approx(float(kc.waarde))
                assert formatteer(kc.waarde, kc.soort, teller=kc.teller, onderdrukken=True) in pdf
        for tabel, blad in zip(uitkomst.tabellen, werkmap.worksheets[1:], strict=True):
            cellen = list(blad.iter_rows(min_row=2, max_row=1 + len(tabel.rijen), values_only=True))
            for rij, excelrij in zip(tabel.rijen, cellen, strict=True):
                for kolom, cel in zip(tabel.kolommen, excelrij, strict=True):
                    if kolom.numeriek and rij.get(kolom.sleutel) is not None:
                        assert cel == pytest.approx(float(rij[kolom.sleutel]))
    # 6 requests, 25.2 days on average; 4 issued and 4 of 6 in May-July are published as "< 5" and "*".
    assert "25,2" in pdf and "< 5" in pdf and "66,7%" not in pdf
