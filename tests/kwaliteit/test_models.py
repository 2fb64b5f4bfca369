"""Invariants held by the database itself (CheckConstraint / UniqueConstraint), on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from kwaliteit.models import (
    Actie,
    DoelEvaluatie,
    KalenderItem,
    KalenderMoment,
    LandelijkCijfer,
    Publicatie,
    Rapport,
    RapportVersie,
    Statuswijziging,
)
from swv.models import Taak
from tests.beperkingen import schendt
from tests.kwaliteit.factories import (
    ActieFactory,
    DoelEvaluatieFactory,
    DoelFactory,
    JaarplanFactory,
    KalenderItemFactory,
)

pytestmark = pytest.mark.django_db


def weigert(beperking: str, maak):
    with schendt(beperking):
        maak()


def test_goal_codes_have_a_format_and_are_unique_per_plan(personas):
    doel = DoelFactory(code="2a")
    weigert("doel_code_uniek_per_jaarplan", lambda: DoelFactory(ambitie=doel.ambitie, code="2a"))
    weigert("doel_code_formaat", lambda: DoelFactory(ambitie=doel.ambitie, code="twee"))
    DoelFactory(ambitie__jaarplan=JaarplanFactory(jaar=2030), code="2a")  # another plan may use it


def test_budgets_are_not_negative(personas):
    weigert("actie_budget_niet_negatief", lambda: ActieFactory(budget=Decimal("-0.01")))
    assert ActieFactory(budget=None).budget is None and Actie.objects.count() == 1


def test_one_evaluation_per_goal_and_moment_with_a_reflection(personas):
    evaluatie = DoelEvaluatieFactory(vastgelegd_door=personas.bea)
    weigert(
        "evaluatie_een_per_doel_en_moment",
        lambda: DoelEvaluatie.objects.create(
            doel=evaluatie.doel, moment=evaluatie.moment, status="op_koers", reflectie="x", vastgelegd_door=personas.bea
        ),
    )
    weigert("evaluatie_reflectie_verplicht", lambda: DoelEvaluatie.objects.filter(pk=evaluatie.pk).update(reflectie=""))
    weigert(
        "evaluatie_status_geldig", lambda: DoelEvaluatie.objects.filter(pk=evaluatie.pk).update(status="fantastisch")
    )


def test_calendar_months_and_intervals():
    item = KalenderItemFactory()
    weigert("kalendermoment_maand_geldig", lambda: KalenderMoment.objects.create(item=item, jaar=2026, maand=13))
    KalenderMoment.objects.create(item=item, jaar=2026, maand=4)
    weigert("kalendermoment_uniek", lambda: KalenderMoment.objects.create(item=item, jaar=2026, maand=4))
    weigert(
        "kalender_interval_heeft_referentie",
        lambda: KalenderItem.objects.filter(pk=item.pk).update(interval_jaren=4, referentiejaar=None),
    )


def test_national_rates_are_percentages():
    weigert(
        "landelijk_deelname_so_percentage",
        lambda: LandelijkCijfer.objects.create(teldatum="2025-10-01", deelname_so=Decimal("101")),
    )


def test_one_adopted_version_per_report_with_its_hash(personas):
    rapport = Rapport.objects.create(soort="jaarverslag", jaar=2025)

    def versie(nummer, **velden):
        taak = Taak.objects.create(soort="kwaliteit_jaarverslag", omschrijving="x")
        return RapportVersie.objects.create(
            rapport=rapport, nummer=nummer, taak=taak, aangemaakt_door=personas.dirk, **velden
        )

    vastgesteld = {"status": "vastgesteld", "sha256": "a" * 64, "vastgesteld_op": timezone.now()}
    versie(1, **vastgesteld)
    weigert("rapportversie_een_vastgesteld", lambda: versie(2, **vastgesteld))
    weigert(
        "rapportversie_vastgesteld_heeft_bestand", lambda: versie(3, status="vastgesteld")
    )  # adopted without a frozen file
    weigert("rapportversie_nummer_uniek", lambda: versie(1))  # number taken
    weigert("rapport_uniek_per_soort_en_jaar", lambda: Rapport.objects.create(soort="jaarverslag", jaar=2025))


def test_a_publication_has_an_audience_a_hash_and_a_complete_withdrawal(personas):
    velden = dict(
        titel="OSP",
        documentsoort="osp",
        jaar=2025,
        bestand="publicaties/x.pdf",
        bestandsnaam="x.pdf",
        mimetype="application/pdf",
        grootte=10,
        sha256="b" * 64,
        gepubliceerd_door=personas.dirk,
    )
    weigert("publicatie_heeft_doelgroep", lambda: Publicatie.objects.create(**velden))
    weigert(
        "publicatie_sha256_formaat",
        lambda: Publicatie.objects.create(**{**velden, "voor_opr": True, "sha256": "niet-hex"}),
    )
    publicatie = Publicatie.objects.create(**velden, voor_opr=True)
    weigert(
        "publicatie_intrekking_compleet",
        lambda: Publicatie.objects.filter(pk=publicatie.pk).update(status="ingetrokken"),
    )
    weigert(
        "publicatie_intrekking_compleet",
        lambda: Publicatie.objects.filter(pk=publicatie.pk).update(status="ingetrokken", ingetrokken_op=timezone.now()),
    )


def test_a_status_change_changes_the_status(personas):
    plan = JaarplanFactory()
    from django.contrib.contenttypes.models import ContentType

    weigert(
        "statuswijziging_verandert",
        lambda: Statuswijziging.objects.create(
            content_type=ContentType.objects.get_for_model(plan), object_id=plan.pk, van="concept", naar="concept"
        ),
    )
