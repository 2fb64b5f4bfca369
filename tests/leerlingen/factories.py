"""Factories of pupils and enrolments."""

from __future__ import annotations

from datetime import date

import factory

from leerlingen.models import Inschrijving, Leerling
from tests.factories import SchoolFactory


class LeerlingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leerling
        skip_postgeneration_save = True

    voornaam = factory.Faker("first_name", locale="nl_NL")
    achternaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = date(2016, 5, 14)

    @factory.post_generation
    def school(obj, create, extracted, **kwargs):
        """``LeerlingFactory(school=s)`` enrols the pupil at ``s`` (group 5) from 1 August 2020."""
        if create and extracted is not None:
            Inschrijving.objects.create(
                leerling=obj, school=extracted, groep=kwargs.get("groep", 5), begindatum=date(2020, 8, 1)
            )


class InschrijvingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inschrijving

    leerling = factory.SubFactory(LeerlingFactory)
    school = factory.SubFactory(SchoolFactory)
    groep = 5
    begindatum = date(2020, 8, 1)
