"""The budget: standard layout, budgets per year, amounts with a revision check, computed lines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from financien.choices import Blok, Grondslag
from financien.models import Begroting, Begrotingsbedrag, Begrotingspost
from financien.services import FinancienFout
from financien.services import begroting as services
from tests.factories import LeerlingtellingFactory, SchoolFactory
from tests.financien.factories import BegrotingspostFactory, JaarparametersFactory

pytestmark = pytest.mark.django_db


def test_the_standard_layout_follows_the_blocks_of_seed_002(personas):
    aantal = services.standaard_posten_aanmaken(door=personas.carla)
    assert aantal == Begrotingspost.objects.count() > 20
    assert set(Begrotingspost.objects.values_list("blok", flat=True)) == set(Blok.values)
    assert Begrotingspost.objects.get(grondslag=Grondslag.SO_AFDRACHT).blok == Blok.GESPECIALISEERD_ONDERWIJS
    with pytest.raises(FinancienFout, match="al begrotingsposten"):
        services.standaard_posten_aanmaken(door=personas.carla)


def test_a_computed_basis_belongs_to_one_line(personas):
    services.begrotingspost_opslaan(
        door=personas.carla, code="1.01", naam="Lichte", blok=Blok.BATEN, grondslag=Grondslag.LICHTE_PERSONEEL
    )
    with pytest.raises(FinancienFout, match="grondslag al"):
        services.begrotingspost_opslaan(
            door=personas.carla, code="1.02", naam="Nog een", blok=Blok.BATEN, grondslag=Grondslag.LICHTE_PERSONEEL
        )
    with pytest.raises(FinancienFout, match="code 1.01"):
        services.begrotingspost_opslaan(door=personas.carla, code="1.01", naam="Dubbel", blok=Blok.BATEN)


def test_a_line_with_amounts_cannot_switch_between_income_and_costs(personas):
    post = BegrotingspostFactory(blok=Blok.BATEN)
    Begrotingsbedrag.objects.create(begroting=Begroting.objects.create(jaar=2026), post=post, bedrag=10)
    with pytest.raises(FinancienFout, match="baten en lasten"):
        services.begrotingspost_opslaan(
            door=personas.carla, post=post, code=post.code, naam=post.naam, blok=Blok.RESERVE
        )


def test_a_new_budget_starts_from_the_previous_year(personas):
    post = BegrotingspostFactory()
    vorig = services.begroting_aanmaken(door=personas.carla, jaar=2026)
    services.begroting_wijzigen(
        door=personas.carla, begroting=vorig, revisie=0, bedragen={post.pk: Decimal("1234.50")}, reserve_begin=None
    )
    nieuw = services.begroting_aanmaken(door=personas.carla, jaar=2027)
    assert list(nieuw.bedragen.values_list("post", "bedrag")) == [(post.pk, Decimal("1234.50"))]
    with pytest.raises(FinancienFout, match="al een begroting voor 2027"):
        services.begroting_aanmaken(door=personas.carla, jaar=2027)


def test_budget_amounts_are_saved_at_once_and_a_stale_form_is_refused(personas):
    post = BegrotingspostFactory()
    begroting = services.begroting_aanmaken(door=personas.carla, jaar=2026)
    services.begroting_wijzigen(
        door=personas.carla,
        begroting=begroting,
        revisie=0,
        bedragen={post.pk: Decimal("10")},
        reserve_begin=Decimal("500"),
        toelichting="Vastgesteld door de ALV",
    )
    with pytest.raises(FinancienFout, match="in de tussentijd"):
        services.begroting_wijzigen(
            door=personas.carla, begroting=begroting, revisie=0, bedragen={post.pk: Decimal("99")}, reserve_begin=None
        )
    begroting.refresh_from_db()
    assert (begroting.reserve_begin, begroting.revisie) == (Decimal("500.00"), 1)
    assert Begrotingsbedrag.objects.get(post=post).bedrag == Decimal("10.00")
    assert Begrotingsbedrag.objects.get(post=post).history.first().history_user == personas.carla


@pytest.fixture
def berekend(personas):
    services.standaard_posten_aanmaken(door=personas.carla)
    LeerlingtellingFactory(school=personas.school_a, teldatum=date(2024, 10, 1), aantal=1000)
    LeerlingtellingFactory(school=personas.school_b, teldatum=date(2024, 10, 1), aantal=500)
    LeerlingtellingFactory(school=SchoolFactory(sbo=True), teldatum=date(2024, 10, 1), aantal=50)
    params = JaarparametersFactory(jaar=2026, teldatum=date(2025, 2, 1), verevening=Decimal("-1000"))
    return services.begroting_aanmaken(door=personas.carla, jaar=2026), params


def _bedrag(begroting, grondslag):
    return (
        Begrotingsbedrag.objects.filter(begroting=begroting, post__grondslag=grondslag)
        .values_list("bedrag", flat=True)
        .first()
    )


def test_computed_lines_are_filled_from_the_parameters_and_absent_sources_are_skipped(personas, berekend):
    begroting, _params = berekend
    # No TLV in the register: the deductions are skipped, never filled with zeros.
    resultaat = services.begroting_uit_parameters_vullen(
        door=personas.carla, begroting=begroting, vandaag=date(2026, 3, 1)
    )
    assert _bedrag(begroting, Grondslag.LICHTE_PERSONEEL) == Decimal("223935.00")  # 1,500 x 149.29
    assert _bedrag(begroting, Grondslag.ZWARE_NORMATIEF) == Decimal("503440.00")  # 1,550 x 324.80
    assert _bedrag(begroting, Grondslag.VEREVENING) == Decimal("-1000.00")
    assert _bedrag(begroting, Grondslag.BASISONDERSTEUNING) == Decimal("155000.00")  # 2 x 2,500 + 1,500 x 100
    assert {p.grondslag for p in resultaat["overgeslagen"]} == {Grondslag.SO_AFDRACHT, Grondslag.SBO_AFDRACHT}
    assert _bedrag(begroting, Grondslag.SO_AFDRACHT) is None  # no zero where there is no data


def test_with_a_tlv_register_the_deductions_are_filled_too(personas, berekend, monkeypatch):
    begroting, _params = berekend
    tlvs = [
        {"soort": "SO", "categorie": "laag", "aantal": 10},
        {"soort": "SO", "categorie": "hoog", "aantal": 2},
        {"soort": "SBO", "categorie": "", "aantal": 5},
    ]
    monkeypatch.setattr("tlv.selectors.tlv_aantallen_voor_bekostiging", lambda *, peildatum: tlvs)
    resultaat = services.begroting_uit_parameters_vullen(
        door=personas.carla, begroting=begroting, vandaag=date(2026, 3, 1)
    )
    assert resultaat["overgeslagen"] == []
    assert _bedrag(begroting, Grondslag.SO_AFDRACHT) == Decimal("150000.00")  # 10 x 10,000 + 2 x 25,000
    assert _bedrag(begroting, Grondslag.SBO_AFDRACHT) == Decimal("20000.00")  # 5 x 4,000 (every SBO TLV)


def test_filling_needs_the_parameters_of_the_year(personas):
    begroting = services.begroting_aanmaken(door=personas.carla, jaar=2031)
    with pytest.raises(FinancienFout, match="nog geen parameters voor 2031"):
        services.begroting_uit_parameters_vullen(door=personas.carla, begroting=begroting)
