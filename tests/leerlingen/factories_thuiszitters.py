"""Factories of thuiszitter and zorgplicht cases, chain partners and the risicolijst (with traits)."""

from __future__ import annotations

from datetime import date, timedelta

import factory
import pytest

from leerlingen.models import Ketenpartner, Ladderstap, Risicosignalering, Thuiszittercasus, Zorgplichtcasus
from tests.factories import GebruikerFactory, GemeenteFactory, SchoolFactory
from tests.leerlingen.factories import LeerlingFactory


def ladder_installeren() -> None:
    """The default ladder of the data migration. Tests with ``transactional_db`` (the worker, the
    browser) flush the tables afterwards, data migrations included, so tests install it again."""
    import importlib

    if not Ladderstap.objects.exists():
        migratie = importlib.import_module("leerlingen.migrations.0004_ladderstappen_standaard")
        for volgorde, naam, omschrijving in migratie.STANDAARD_STAPPEN:
            Ladderstap.objects.create(volgorde=volgorde, naam=naam, omschrijving=omschrijving)


@pytest.fixture(autouse=True)
def standaard_ladder(request):
    """Autouse in the modules that import it: the default de-escalatieladder is present."""
    if (
        "db" in request.fixturenames
        or "transactional_db" in request.fixturenames
        or request.node.get_closest_marker("django_db")
    ):
        request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
        ladder_installeren()


def eerste_stap() -> Ladderstap:
    ladder_installeren()
    return Ladderstap.objects.order_by("volgorde").first()


class KetenpartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ketenpartner

    soort = Ketenpartner.Soort.LEERPLICHT
    organisatie = "Regionaal Bureau Leerplicht"
    naam = factory.Sequence(lambda n: f"Leerplichtambtenaar {n}")


class ThuiszittercasusFactory(factory.django.DjangoModelFactory):
    """A case of an enrolled pupil at ``school`` (relative absence); ``zonder_inschrijving=True``
    gives a child without enrolment (absolute absence), ``afgesloten=True`` a closed case."""

    class Meta:
        model = Thuiszittercasus

    school = factory.SubFactory(SchoolFactory)
    leerling = factory.LazyAttribute(lambda o: LeerlingFactory(school=o.school) if o.school else LeerlingFactory())
    gemeente = factory.LazyAttribute(lambda o: o.school.gemeente if o.school else GemeenteFactory())
    soort = Thuiszittercasus.Soort.RELATIEF_VERZUIM
    reden = Thuiszittercasus.Reden.SCHOOLWEIGERING
    sinds = date(2025, 9, 1)
    huidige_stap = factory.LazyFunction(eerste_stap)
    aangemaakt_door = factory.SubFactory(GebruikerFactory)

    class Params:
        zonder_inschrijving = factory.Trait(school=None, soort=Thuiszittercasus.Soort.ABSOLUUT_VERZUIM)
        afgesloten = factory.Trait(
            status=Thuiszittercasus.Status.AFGESLOTEN,
            uitkomst=Thuiszittercasus.Uitkomst.EIGEN_SCHOOL,
            einddatum=factory.LazyAttribute(lambda o: o.sinds + timedelta(weeks=8)),
        )
        met_opp = factory.Trait(heeft_opp=True, opp_datum=date(2025, 6, 1))


class ZorgplichtcasusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zorgplichtcasus

    school = factory.SubFactory(SchoolFactory)
    bestuur = factory.LazyAttribute(lambda o: o.school.bestuur)
    leerling = factory.SubFactory(LeerlingFactory, geboortedatum=date(2021, 10, 1))
    aanmeldingsdatum = date(2026, 3, 2)
    termijn_datum = factory.LazyAttribute(lambda o: o.aanmeldingsdatum + timedelta(weeks=6))
    aangemaakt_door = factory.SubFactory(GebruikerFactory)

    class Params:
        verlengd = factory.Trait(
            status=Zorgplichtcasus.Status.VERLENGD,
            verlenging_reden="Onderzoek loopt",
            verlengd_tot=factory.LazyAttribute(lambda o: o.termijn_datum + timedelta(weeks=4)),
        )
        besloten = factory.Trait(
            status=Zorgplichtcasus.Status.BESLOTEN,
            uitkomst=Zorgplichtcasus.Uitkomst.EIGEN_SCHOOL_ZONDER,
            besluitdatum=factory.LazyAttribute(lambda o: o.aanmeldingsdatum + timedelta(weeks=3)),
        )


class RisicosignaleringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risicosignalering

    school = factory.SubFactory(SchoolFactory)
    leerling = factory.LazyAttribute(lambda o: LeerlingFactory(school=o.school))
    reden = "Veel verzuim"
    afgesproken_actie = "Gesprek met ouders"
    sinds = date(2026, 1, 10)
    gesignaleerd_door = factory.SubFactory(GebruikerFactory)
