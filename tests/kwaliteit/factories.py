"""Factories and data helpers of the quality app's tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from kwaliteit.choices import EvaluatieStatus, JaarplanStatus
from kwaliteit.models import (
    Actie,
    Ambitie,
    Doel,
    DoelEvaluatie,
    Evaluatiemoment,
    Jaarplan,
    KalenderItem,
    LandelijkCijfer,
)
from swv.models import Leerlingtelling

T2024 = date(2024, 10, 1)
T2025 = date(2025, 10, 1)


def tellingen(school, per_datum: dict) -> None:
    """Pupil counts of ``school``: {teldatum: n}; ``None`` is a count DUO masked as "<5"."""
    for teldatum, aantal in per_datum.items():
        Leerlingtelling.objects.create(school=school, teldatum=teldatum, aantal=aantal, minder_dan_vijf=aantal is None)


class LandelijkCijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LandelijkCijfer

    teldatum = T2025
    leerlingen_bo = 1000
    leerlingen_sbo = 20
    leerlingen_so = 30
    bron = LandelijkCijfer.Bron.DUO


class JaarplanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jaarplan
        django_get_or_create = ["jaar"]
        skip_postgeneration_save = True

    jaar = 2025
    titel = factory.LazyAttribute(lambda o: f"Jaarplan {o.jaar}")
    status = JaarplanStatus.CONCEPT

    class Params:
        vastgesteld = factory.Trait(status=JaarplanStatus.VASTGESTELD)

    @factory.post_generation
    def momenten(obj, create, extracted, **kwargs):
        if create and not obj.evaluatiemomenten.exists():
            Evaluatiemoment.objects.create(jaarplan=obj, naam="Juni", datum=date(obj.jaar, 6, 30))
            Evaluatiemoment.objects.create(jaarplan=obj, naam="Oktober", datum=date(obj.jaar, 10, 31))


class AmbitieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambitie

    jaarplan = factory.SubFactory(JaarplanFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    titel = "Inclusief en passend onderwijs"


class DoelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Doel

    ambitie = factory.SubFactory(AmbitieFactory)
    jaarplan = factory.LazyAttribute(lambda o: o.ambitie.jaarplan)
    code = factory.Sequence(lambda n: f"{n % 90 + 1}a")
    titel = "Terugdringen van het deelnamepercentage S(B)O"
    beoogd_resultaat = "Het aantal verwijzingen naar het SO is kleiner of gelijk aan de landelijke norm."


class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    doel = factory.SubFactory(DoelFactory)
    omschrijving = "Masterclass per werkgebied"
    door_wie = "Consulenten"
    budget = Decimal("4000")


class DoelEvaluatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DoelEvaluatie

    doel = factory.SubFactory(DoelFactory)
    moment = factory.LazyAttribute(lambda o: o.doel.jaarplan.evaluatiemomenten.order_by("datum").first())
    status = EvaluatieStatus.OP_KOERS
    reflectie = "Loopt volgens plan."


class KalenderItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KalenderItem

    product = factory.Sequence(lambda n: f"Product {n}")
    doelgroep = "Statutaire gremia"
    eigenaar = "DB / controller"
    frequentie = "3x per jaar"
    maanden = factory.LazyFunction(lambda: [4, 9, 11])
