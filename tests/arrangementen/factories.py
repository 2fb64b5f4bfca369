"""Factories of the arrangements app, with a trait per state of a request.

Rows are written directly (not through the services) so tests can set up any state quickly; the
service tests exercise the transitions themselves. The few pupil-case rows a request starts from
(dossier, held MDO with outcome) are made here too.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from arrangementen.choices import (
    AanvraagStatus,
    Afsluitresultaat,
    Beoordelaar,
    Besluitsoort,
    Categorie,
    Kostenwijze,
    TariefEenheid,
)
from arrangementen.models import Aanvraag, Arrangementbudget, Arrangementtype, Besluit, Evaluatiemoment
from arrangementen.services.geld import verplichtingen_schrijven
from leerlingen.choices import MDOStatus, Uitkomstsoort
from leerlingen.models import MDO, Dossier, MDOUitkomst
from tests.factories import GebruikerFactory, SchoolFactory
from tests.leerlingen.factories import LeerlingFactory


class ArrangementtypeFactory(factory.django.DjangoModelFactory):
    """Default: an education arrangement at 250 per week, consultant assesses and AC decides, no
    directeur's agreement needed (trait ``met_instemming``)."""

    class Meta:
        model = Arrangementtype

    code = factory.Sequence(lambda n: f"type-{n}")
    naam = factory.Sequence(lambda n: f"Onderwijsarrangement {n}")
    categorie = Categorie.ONDERWIJS
    tarief = Decimal("250.00")
    tarief_eenheid = TariefEenheid.PER_WEEK
    beoordelaar = Beoordelaar.CONSULENT_AC
    directeur_instemming = False

    class Params:
        met_instemming = factory.Trait(directeur_instemming=True)
        jeugdhulp = factory.Trait(
            categorie=Categorie.ONDERWIJS_JEUGDHULP,
            aandeel_gemeente_pct=Decimal("40"),
            beoordelaar=Beoordelaar.AC,
            naam=factory.Sequence(lambda n: f"Onderwijs-jeugdhulparrangement {n}"),
        )
        regionaal = factory.Trait(
            categorie=Categorie.REGIONAAL,
            aanbieder="Regionale aanbieder",
            capaciteit=2,
            tarief=Decimal("6000.00"),
            tarief_eenheid=TariefEenheid.PER_ARRANGEMENT,
        )


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    school = factory.SubFactory(SchoolFactory)
    leerling = factory.LazyAttribute(lambda o: LeerlingFactory(school=o.school))
    regievoerder = factory.SubFactory(GebruikerFactory)


class MDOFactory(factory.django.DjangoModelFactory):
    """A held MDO (verslag recorded) in a dossier."""

    class Meta:
        model = MDO

    dossier = factory.SubFactory(DossierFactory)
    school = factory.LazyAttribute(lambda o: o.dossier.school)
    status = MDOStatus.GEHOUDEN
    begint_om = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    gehouden_op = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    verslag = "Besproken: lezen blijft achter ondanks extra instructie in de groep."
    gepland_door = factory.LazyAttribute(lambda o: o.dossier.regievoerder)


class MDOUitkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MDOUitkomst

    mdo = factory.SubFactory(MDOFactory)
    soort = Uitkomstsoort.ARRANGEMENTAANVRAAG
    toelichting = "Arrangement aanvragen voor intensieve leesbegeleiding."


def _volgend_jaar() -> date:
    return timezone.localdate() + timedelta(days=14)


class AanvraagFactory(factory.django.DjangoModelFactory):
    """A complete concept request (every hard requirement met, one evaluation moment at the end).

    State traits: ``ingediend``, ``in_beoordeling``, ``aanvulling_gevraagd``, ``toegekend``,
    ``afgewezen``, ``lopend``, ``geevalueerd``, ``afgesloten``, ``ingetrokken``.
    """

    class Meta:
        model = Aanvraag
        skip_postgeneration_save = True

    nummer = factory.Sequence(lambda n: f"ARR-2099-{n:05d}")
    school = factory.SubFactory(SchoolFactory)
    leerling = factory.LazyAttribute(lambda o: LeerlingFactory(school=o.school))
    arrangementtype = factory.SubFactory(ArrangementtypeFactory)
    beoordelaar = factory.LazyAttribute(lambda o: o.arrangementtype.effectieve_beoordelaar)
    aangemaakt_door = factory.SubFactory(GebruikerFactory)
    ondersteuningsbehoefte = "Begrijpend lezen op niveau groep 3; heeft 1-op-1 instructie nodig."
    doelen = "Na 20 weken leest Sam AVI E4 vloeiend (gemeten met de AVI-toets)."
    inzet_wat = "Twee keer per week 45 minuten individuele leesbegeleiding."
    inzet_wie = "Remedial teacher van het SWV"
    uren_per_week = Decimal("1.50")
    begindatum = factory.LazyFunction(_volgend_jaar)
    einddatum = factory.LazyAttribute(lambda o: o.begindatum + timedelta(days=139))
    kostenwijze = Kostenwijze.TARIEF
    totale_kosten = Decimal("5000.00")
    gevraagd_bedrag = Decimal("5000.00")
    ouders_visie = "Ouders zien dat Sam thuis niet wil lezen en steunen de aanvraag."
    ouders_toestemming = True
    ouders_toestemming_datum = factory.LazyFunction(timezone.localdate)
    kind_visie = "Sam wil graag beter leren lezen."

    class Params:
        ingediend = factory.Trait(
            status=AanvraagStatus.INGEDIEND,
            ingediend_op=factory.LazyFunction(timezone.now),
            laatst_ingediend_op=factory.LazyFunction(timezone.now),
        )
        in_beoordeling = factory.Trait(ingediend=True, status=AanvraagStatus.IN_BEOORDELING)
        aanvulling_gevraagd = factory.Trait(ingediend=True, status=AanvraagStatus.AANVULLING_GEVRAAGD)
        toegekend = factory.Trait(
            ingediend=True, status=AanvraagStatus.TOEGEKEND, toegekend_bedrag=factory.SelfAttribute("gevraagd_bedrag")
        )
        afgewezen = factory.Trait(ingediend=True, status=AanvraagStatus.AFGEWEZEN)
        lopend = factory.Trait(toegekend=True, status=AanvraagStatus.LOPEND)
        geevalueerd = factory.Trait(toegekend=True, status=AanvraagStatus.GEEVALUEERD)
        afgesloten = factory.Trait(
            toegekend=True,
            status=AanvraagStatus.AFGESLOTEN,
            afgesloten_op=factory.LazyFunction(timezone.localdate),
            afsluitresultaat=Afsluitresultaat.DOELEN_BEREIKT,
        )
        ingetrokken = factory.Trait(status=AanvraagStatus.INGETROKKEN)

    @factory.post_generation
    def onderdelen(obj, create, extracted, **kwargs):
        if not create:
            return
        Evaluatiemoment.objects.create(aanvraag=obj, datum=obj.einddatum)
        if obj.toegekend_bedrag is not None:
            verplichtingen_schrijven(obj)
        if obj.toegekend_bedrag is not None or obj.status == AanvraagStatus.AFGEWEZEN:
            afgewezen = obj.status == AanvraagStatus.AFGEWEZEN
            Besluit.objects.create(
                aanvraag=obj,
                soort=Besluitsoort.AFGEWEZEN if afgewezen else Besluitsoort.TOEGEKEND,
                gevraagd_bedrag=obj.gevraagd_bedrag,
                gevraagd_begin=obj.begindatum,
                gevraagd_eind=obj.einddatum,
                bedrag=None if afgewezen else obj.toegekend_bedrag,
                begindatum=None if afgewezen else obj.begindatum,
                einddatum=None if afgewezen else obj.einddatum,
                motivering="Past niet binnen de criteria." if afgewezen else "",
                genomen_door=obj.aangemaakt_door,
            )


class ArrangementbudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arrangementbudget

    jaar = factory.LazyFunction(lambda: timezone.localdate().year)
    bedrag = Decimal("20000.00")
