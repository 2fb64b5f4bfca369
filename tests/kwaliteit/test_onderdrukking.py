"""Secondary (complementary) suppression of published tables (issue 13): the algorithm on known
tables, and an outsider who attacks what is published and recovers nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kwaliteit.kengetallen import Filters, Kengetal
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst
from kwaliteit.onderdrukking import Afgeleid, Som, afleidbaar, cel, kc, kolomsom, onderdruk
from kwaliteit.opmaak import grafiek_onderdrukt
from kwaliteit.presentatie import presenteer
from tests.kwaliteit.aanvaller import aanval

FILTERS = Filters.voor_kalenderjaar(2025)
KENGETAL = Kengetal(sleutel="test", titel="Test", domein="thuiszitters")


def thuiszitters(absoluut: int, relatief: int, dreigend: int = 0) -> Uitkomst:
    """The issue's example: 14 active thuiszitters, 10 of them long-term relative absence, 4
    absolute absence; threatened cases are shown but do not count."""
    rijen = [
        {"soort": "absoluut verzuim", "actief": absoluut},
        {"soort": "relatief verzuim", "actief": relatief},
        {"soort": "dreigend", "actief": dreigend},
    ]
    return Uitkomst(
        kerncijfers=[Kerncijfer("actief", "actief", absoluut + relatief)],
        tabellen=[Tabel("Per type", [Kolom("soort", "Type"), Kolom("actief", "Actief", "aantal")], rijen)],
        grafiek=Grafiek(
            "staaf",
            "Per type",
            [r["soort"] for r in rijen],
            [Reeks("Actief", [r["actief"] for r in rijen], tabelkolom=(0, "actief"))],
        ),
        sommen=[kolomsom(kc("actief"), 0, [0, 1], "actief")],
    )


def teksten(weergave) -> tuple[dict, list[list[str]]]:
    return (
        {k["sleutel"]: k["tekst"] for k in weergave.kerncijfers},
        [[c["tekst"] for c in rij] for t in weergave.tabellen for rij in t.cellen],
    )


def test_the_issues_example_hides_the_sibling_of_the_small_count():
    weergave = presenteer(KENGETAL, thuiszitters(4, 10), FILTERS, onderdrukken=True)
    kerncijfers, rijen = teksten(weergave)
    assert kerncijfers == {"actief": "14"}
    assert rijen == [["absoluut verzuim", "< 5"], ["relatief verzuim", "*"], ["dreigend", "0"]]
    assert weergave.tabellen[0].onderdrukt
    assert aanval(weergave) == {}
    # The chart leaves out both bars: a bar of 10 gives 4 as well.
    assert grafiek_onderdrukt(weergave.uitkomst.grafiek, weergave.onderdrukking).reeksen[0].waarden == [None, None, 0]


def test_the_old_primary_suppression_alone_gives_the_small_count_away():
    """What was published before: only "< 5"; the outsider computes 14 - 10 = 4."""
    weergave = presenteer(KENGETAL, thuiszitters(4, 10), FILTERS, onderdrukken=True)
    weergave.tabellen[0].cellen[1][1]["tekst"] = "10"
    assert aanval(weergave) == {cel(0, 0, "actief"): 4}


def test_zero_is_shown_and_a_table_without_small_counts_is_untouched():
    assert not onderdruk({"a": 0, "b": 7, "t": 7}, [Som("t", ("a", "b"))], drempel=5)
    weergave = presenteer(KENGETAL, thuiszitters(6, 10), FILTERS, onderdrukken=True)
    assert teksten(weergave)[1] == [["absoluut verzuim", "6"], ["relatief verzuim", "10"], ["dreigend", "0"]]
    assert not weergave.tabellen[0].onderdrukt


def test_the_complement_is_the_smallest_part_that_is_not_zero_else_the_total():
    o = onderdruk({"t": 23, "a": 3, "b": 0, "c": 8, "d": 12}, [Som("t", ("a", "b", "c", "d"))], drempel=5)
    assert o.klein == {"a"} and o.verborgen == {"c"}
    o = onderdruk({"t": 3, "a": 3, "b": 0}, [Som("t", ("a", "b"))], drempel=5)
    assert o.klein == {"t", "a"} and not o.verborgen  # two hidden: t = a, but neither is known
    o = onderdruk({"t": 9, "a": 3, "b": 0, "u": 9}, [Som("t", ("a", "b")), Som("u", ("t",))], drempel=5)
    # t = 3 + 0 would be 3: t is hidden; then u repeats t, so u is hidden too.
    assert o.verborgen >= {"t", "u"}


def test_two_small_counts_that_can_only_be_ones_or_fours_get_a_third_cell():
    o = onderdruk({"t": 12, "a": 1, "b": 1, "c": 10}, [Som("t", ("a", "b", "c"))], drempel=5)
    assert o.klein == {"a", "b"} and o.verborgen == {"c"}
    o = onderdruk({"t": 18, "a": 4, "b": 4, "c": 10}, [Som("t", ("a", "b", "c"))], drempel=5)
    assert o.verborgen == {"c"}
    o = onderdruk({"t": 15, "a": 2, "b": 3, "c": 10}, [Som("t", ("a", "b", "c"))], drempel=5)
    assert not o.verborgen  # 2 + 3 = 5: 1 + 4, 2 + 3, 3 + 2 or 4 + 1


def test_suppression_spreads_over_rows_and_columns_until_nothing_follows():
    """A 3 x 3 table with row and column totals: one small cell hides a cell in its row, which hides
    one in its column, and so on; no hidden cell follows from all relations together."""
    waarden = [[3, 20, 30], [12, 14, 16], [22, 25, 40]]
    aantallen = {(r, k): v for r, rij in enumerate(waarden) for k, v in enumerate(rij)}
    aantallen |= {("r", r): sum(rij) for r, rij in enumerate(waarden)}
    aantallen |= {("k", k): sum(rij[k] for rij in waarden) for k in range(3)}
    aantallen[("totaal",)] = sum(map(sum, waarden))
    sommen = [Som(("r", r), tuple((r, k) for k in range(3))) for r in range(3)]
    sommen += [Som(("k", k), tuple((r, k) for r in range(3))) for k in range(3)]
    sommen += [Som(("totaal",), tuple(("r", r) for r in range(3))), Som(("totaal",), tuple(("k", k) for k in range(3)))]
    o = onderdruk(aantallen, sommen, drempel=5)
    assert o.klein == {(0, 0)} and len(o.verborgen) >= 3
    assert not afleidbaar(o.klein | o.verborgen, sommen)
    for som in sommen:
        assert len([c for c in (som.totaal, *som.delen) if c in o]) != 1


def test_the_joint_relations_are_checked_too():
    """x + y = 10 and x + y + z = 12 give z = 2, though every relation has two hidden cells."""
    aantallen = {"t": 10, "u": 12, "x": 3, "y": 7, "z": 2}
    sommen = [Som("t", ("x", "y")), Som("u", ("x", "y", "z"))]
    assert afleidbaar({"x", "y", "z"}, sommen) == {"z"}
    o = onderdruk(aantallen, sommen, drempel=5)
    assert not afleidbaar(o.klein | o.verborgen, sommen)


def test_a_percentage_is_hidden_with_its_count_or_its_base():
    aantallen = {"n": 40, "t": 3, "m": 37}
    afgeleid = [Afgeleid("pt", "t", "n"), Afgeleid("pm", "m", "n"), Afgeleid("pn", "n", None)]
    o = onderdruk(aantallen, [Som("n", ("t", "m"))], afgeleid, drempel=5)
    # t is small, m its complement (40 - 37 = 3), and their percentages (7.5% of 40 = 3).
    assert o.klein == {"t"} and o.verborgen == {"m", "pt", "pm"}
    o = onderdruk({"n": 3, "t": 3}, [], [Afgeleid("pt", "t", "n")], drempel=5)
    assert "pt" in o.verborgen  # a percentage and its count give the base


def test_a_percentage_with_its_base_no_longer_gives_the_count():
    """The issue's second example: "MDOs with the child's voice < 5" followed from the share and the
    number of MDOs held."""
    uitkomst = Uitkomst(
        kerncijfers=[
            Kerncijfer("gehouden", "gehouden", 40),
            Kerncijfer("met_stem", "met stem", 37),
            Kerncijfer(
                "aandeel",
                "aandeel",
                Decimal("92.50"),
                "percentage",
                teller=37,
                teller_sleutel="met_stem",
                noemer_sleutel="gehouden",
            ),
        ],
        tabellen=[
            Tabel(
                "Stem",
                [
                    Kolom("stem", "Stem"),
                    Kolom("aantal", "MDOs", "aantal"),
                    Kolom("aandeel", "%", "percentage", teller="aantal", noemer="kerncijfer:gehouden"),
                ],
                [
                    {"stem": "gehoord", "aantal": 37, "aandeel": Decimal("92.50")},
                    {"stem": "niet gehoord", "aantal": 3, "aandeel": Decimal("7.50")},
                ],
            )
        ],
        sommen=[kolomsom(kc("gehouden"), 0, [0, 1], "aantal"), kolomsom(kc("met_stem"), 0, [0], "aantal")],
    )
    weergave = presenteer(KENGETAL, uitkomst, FILTERS, onderdrukken=True)
    kerncijfers, rijen = teksten(weergave)
    assert kerncijfers == {"gehouden": "40", "met_stem": "*", "aandeel": "*"}
    assert rijen == [["gehoord", "*", "*"], ["niet gehoord", "< 5", "*"]]
    assert aanval(weergave) == {}


@pytest.mark.parametrize("zaad", range(60))
def test_random_tables_with_row_and_column_totals_give_nothing_away(zaad):
    """Tables of small and larger counts with a total column and a total row (as a table declares
    them), with the grand total as a headline figure and a percentage of the row total per row."""
    import random

    kans = random.Random(zaad)
    delen = ["a", "b", "c", "d"][: kans.randint(2, 4)]
    rijen = []
    for i in range(kans.randint(2, 6)):
        rij = {d: kans.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30]) for d in delen}
        rijen.append({"naam": f"rij {i}", **rij, "totaal": sum(rij.values())})
    rijen.append({"naam": "totaal", **{k: sum(r[k] for r in rijen) for k in [*delen, "totaal"]}})
    for rij in rijen:
        rij["pct"] = Decimal(100 * rij["a"]) / rijen[-1]["a"] if rijen[-1]["a"] else None
    tabel = Tabel(
        "Tabel",
        [
            Kolom("naam", "Naam"),
            *(Kolom(d, d, "aantal") for d in delen),
            Kolom("totaal", "Totaal", "aantal"),
            Kolom("pct", "a (%)", "percentage", teller="a", noemer="kerncijfer:a"),
        ],
        rijen,
        totaalrij=True,
        rijsommen=(("totaal", tuple(delen)),),
    )
    uitkomst = Uitkomst(
        kerncijfers=[Kerncijfer("a", "a", rijen[-1]["a"]), Kerncijfer("totaal", "totaal", rijen[-1]["totaal"])],
        tabellen=[tabel],
        sommen=[Som(kc("a"), (cel(0, len(rijen) - 1, "a"),)), Som(kc("totaal"), (cel(0, len(rijen) - 1, "totaal"),))],
    )
    weergave = presenteer(KENGETAL, uitkomst, FILTERS, onderdrukken=True)
    assert aanval(weergave) == {}
    geteld = [(r, d) for r, rij in enumerate(rijen) for d in [*delen, "totaal"]]
    assert all(
        weergave.tabellen[0].cellen[r][1 + [*delen, "totaal"].index(d)]["tekst"] == "< 5"
        for r, d in geteld
        if 0 < rijen[r][d] < 5
    )


# -- The published jaarverslag under attack ----------------------------------------------------------


def oude_weergave(weergave):
    """The same key figure as the portal published it before secondary suppression: only counts
    below the threshold ("< 5") and what names them as its count ("*") were hidden."""
    from copy import deepcopy

    from kwaliteit.opmaak import formatteer

    oud = deepcopy(weergave)
    for k, kc_ in zip(oud.kerncijfers, oud.uitkomst.kerncijfers, strict=True):
        k["tekst"] = formatteer(kc_.waarde, kc_.soort, onderdrukken=True, teller=kc_.teller)
    for t in oud.tabellen:
        for rij, cellen in zip(t.tabel.rijen, t.cellen, strict=True):
            for kolom, c in zip(t.tabel.kolommen, cellen, strict=True):
                teller = rij.get(kolom.teller) if kolom.teller else None
                c["tekst"] = formatteer(rij.get(kolom.sleutel), kolom.soort, onderdrukken=True, teller=teller)
    return oud


@pytest.fixture
def kleine_aantallen(personas, scholen):
    """Calendar year 2025 with small numbers, as in a small region: 14 active thuiszitters (10
    long-term relative absence at school A, 4 absolute absence), 12 MDOs at school A of which 3 did
    not hear the child (too young), 2 open zorgplicht cases."""
    from datetime import date

    from leerlingen.choices import StemNietGehoordReden
    from leerlingen.models import StemVanHetKind
    from tests.factories import GemeenteFactory
    from tests.leerlingen.factories_dossier import DossierFactory, MDOFactory
    from tests.leerlingen.factories_thuiszitters import ThuiszittercasusFactory, ZorgplichtcasusFactory

    a = scholen["a"]
    gemeente = GemeenteFactory(naam="Kleine Gemeente")
    for _i in range(10):
        ThuiszittercasusFactory(school=a, sinds=date(2025, 6, 2))
    for _i in range(4):
        ThuiszittercasusFactory(zonder_inschrijving=True, gemeente=gemeente, sinds=date(2025, 9, 1))
    for i in range(12):
        mdo = MDOFactory(dossier=DossierFactory(school=a), gehouden=True, gehouden_op=date(2025, 3, 1 + i))
        if i < 3:
            StemVanHetKind.objects.filter(mdo=mdo).update(
                gehoord=False,
                wijze="",
                wat_zei_kind="",
                wat_wil_kind="",
                reden_niet_gehoord=StemNietGehoordReden.TE_JONG,
            )
    ZorgplichtcasusFactory(school=a, aanmeldingsdatum=date(2025, 11, 3))
    ZorgplichtcasusFactory(school=a, aanmeldingsdatum=date(2025, 12, 1))


@pytest.mark.django_db
def test_an_outsider_recovers_nothing_from_the_published_jaarverslag(personas, kleine_aantallen):
    """Every key figure of the jaarverslag as the PDF shows it (headline figures, tables), attacked by
    linear arithmetic over rows, columns, totals and percentages: nothing hidden is recovered. The
    same data as published before (primary suppression only) gives small counts away."""
    from django.utils import translation

    from kwaliteit.choices import RapportSoort
    from kwaliteit.models import Rapport
    from kwaliteit.selectors.verslagen import verslag_inhoud

    rapport = Rapport.objects.create(soort=RapportSoort.JAARVERSLAG, jaar=2025)
    with translation.override("nl"):
        inhoud = verslag_inhoud(rapport=rapport, versie_nummer=1, user=personas.dirk)
    weergaven = [w for h in inhoud["hoofdstukken"] for w in h["weergaven"] if w.bron_beschikbaar and not w.leeg]
    klein = 0
    oud_gevonden = {}
    for w in weergaven:
        assert aanval(w) == {}, w.kengetal.sleutel
        klein += len(w.onderdrukking.klein)
        gevonden = aanval(oude_weergave(w))
        if gevonden:
            oud_gevonden[w.kengetal.sleutel] = gevonden
        grafiek = grafiek_onderdrukt(w.uitkomst.grafiek, w.onderdrukking)
        for reeks in grafiek.reeksen if grafiek else []:
            if reeks.tabelkolom:
                t, kolom = reeks.tabelkolom
                for j, waarde in enumerate(reeks.waarden):
                    assert waarde is None or cel(t, j, kolom) not in w.onderdrukking, w.kengetal.sleutel
    assert klein >= 4  # there were small numbers to protect
    thuis = next(w for w in weergaven if w.kengetal.sleutel == "thuiszitters")
    assert {k["sleutel"]: k["tekst"] for k in thuis.kerncijfers}["actief"] == "14"
    # Before: 14 active, 10 relative absence, "< 5" absolute absence: 4. And 12 MDOs held, 9 heard.
    assert cel(0, 0, "actief") in oud_gevonden["thuiszitters"]
    assert oud_gevonden["thuiszitters"][cel(0, 0, "actief")] == 4
    assert "mdo_hoorrecht" in oud_gevonden


@pytest.mark.django_db
def test_the_jaarplans_live_values_in_the_published_pdf_are_suppressed_like_their_chapter(personas, kleine_aantallen):
    """A goal's live value is a headline figure: in the published report it reads as in the key
    figure's chapter (the MDOs with the child's voice, 9 of 12 with 3 not heard, read "*")."""
    from kwaliteit.selectors.jaarplan import jaarplan_overzicht
    from tests.kwaliteit.factories import AmbitieFactory, DoelFactory

    ambitie = AmbitieFactory(jaarplan__jaar=2025)
    DoelFactory(ambitie=ambitie, code="1a", kengetal="mdo_hoorrecht:met_stem")
    DoelFactory(ambitie=ambitie, code="1b", kengetal="thuiszitters:actief")
    DoelFactory(ambitie=ambitie, code="1c", kengetal="zorgplicht:open")
    overzicht = jaarplan_overzicht(personas.dirk, ambitie.jaarplan, onderdrukken=True)
    doelen = {d.code: d for a in overzicht["ambities"] for d in a.doelen.all()}
    assert (doelen["1a"].live_waarde, doelen["1a"].live_tekst) == (9, "*")
    assert (doelen["1b"].live_waarde, doelen["1b"].live_tekst) == (14, "14")
    assert (doelen["1c"].live_waarde, doelen["1c"].live_tekst) == (2, "< 5")
    # The portal's own page (internal) keeps the exact value.
    intern = jaarplan_overzicht(personas.dirk, ambitie.jaarplan)
    assert all(d.live_tekst is None for a in intern["ambities"] for d in a.doelen.all())


def test_counts_named_in_a_footnote_are_written_as_counts_are():
    """The arrangements' evaluation table says how many evaluations there were and how many parents
    and children answered: published, a small one reads "< 5"; the dashboard keeps it exact."""
    tabel = Tabel(
        "Evaluaties",
        [Kolom("vraag", "Vraag"), Kolom("aantal", "Aantal", "aantal")],
        [{"vraag": "Doel behaald", "aantal": 12}],
        voetnoot="12 evaluations; parents answered 3, children 0.",
        voetnoot_sjabloon="%(n)s evaluations; parents answered %(ouders)s, children %(kind)s.",
        voetnoot_aantallen={"n": 12, "ouders": 3, "kind": 0},
    )
    uitkomst = Uitkomst(tabellen=[tabel])
    assert presenteer(KENGETAL, uitkomst, FILTERS, onderdrukken=True).tabellen[0].voetnoot == (
        "12 evaluations; parents answered < 5, children 0."
    )
    assert presenteer(KENGETAL, uitkomst, FILTERS).tabellen[0].voetnoot == tabel.voetnoot


@pytest.mark.django_db
def test_an_outsider_recovers_nothing_from_the_published_tlv_figures(personas, scholen):
    """15 SO TLVs of school A issued this year, 12 in category low and 3 in medium: published before
    as "15 issued, 12 low, < 5 medium" (3). Now every TLV key figure resists the attack."""
    from kwaliteit.kengetallen import get_kengetal
    from tests.tlv.factories import TLVFactory

    for i in range(15):
        TLVFactory(
            so=True, actief=True, aanvragende_school=scholen["a"], voorgestelde_categorie="laag" if i < 12 else "midden"
        )
    filters = Filters.voor_kalenderjaar(2026)
    oud_gevonden = {}
    for sleutel in ("so_per_categorie", "tlv_aanvragen", "wachttijd_plaatsing"):
        kengetal = get_kengetal(sleutel)
        weergave = presenteer(kengetal, kengetal.bereken(personas.dirk, filters), filters, onderdrukken=True)
        assert aanval(weergave) == {}, sleutel
        oud_gevonden[sleutel] = aanval(oude_weergave(weergave))
    assert 3 in oud_gevonden["so_per_categorie"].values()
    assert 3 in oud_gevonden["tlv_aanvragen"].values()
