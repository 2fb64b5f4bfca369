"""Factories of the pupil's case (dossier, signals, OPP, MDO, agreements, documents) with state traits.

Rows are written directly (not through the services) so tests can set up any state quickly; the
service tests exercise the transitions themselves.
"""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from leerlingen.choices import (
    Afsluitreden,
    AfspraakStatus,
    Deelnemersrol,
    Documentsoort,
    DossierStatus,
    Instemmingsbesluit,
    Instemmingswijze,
    MDOStatus,
    Melder,
    OPPStatus,
    Ouderrelatie,
    Signaalcategorie,
    StemWijze,
    Uitkomstsoort,
    Uitstroomniveau,
)
from leerlingen.models import (
    MDO,
    OPP,
    Afspraak,
    Document,
    Dossier,
    MDODeelnemer,
    MDOUitkomst,
    OPPInstemming,
    OPPVersie,
    Signaal,
    StemVanHetKind,
)
from tests.factories import GebruikerFactory, SchoolFactory
from tests.leerlingen.factories import LeerlingFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class DossierFactory(factory.django.DjangoModelFactory):
    """``DossierFactory(school=s)`` also enrols a new pupil at ``s``; traits ``afgesloten``, ``in_mdo``."""

    class Meta:
        model = Dossier

    school = factory.SubFactory(SchoolFactory)
    leerling = factory.LazyAttribute(lambda o: LeerlingFactory(school=o.school))
    regievoerder = factory.SubFactory(GebruikerFactory)
    aanleiding = "Zorgen over lezen en concentratie"
    geopend_op = date(2024, 9, 1)

    class Params:
        afgesloten = factory.Trait(
            status=DossierStatus.AFGESLOTEN, afgesloten_op=date(2025, 6, 1), afsluitreden=Afsluitreden.DOELEN_BEREIKT
        )
        in_mdo = factory.Trait(status=DossierStatus.IN_BEHANDELING_MDO)


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaal

    dossier = factory.SubFactory(DossierFactory)
    leerling = factory.SelfAttribute("dossier.leerling")
    school = factory.SelfAttribute("dossier.school")
    datum = date(2024, 9, 1)
    melder = Melder.LEERKRACHT
    categorie = Signaalcategorie.LEREN
    omschrijving = "Leest op AVI E3 in groep 5"
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


class OPPVersieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OPPVersie

    opp = factory.LazyAttribute(lambda o: OPP.objects.get_or_create(dossier=o.dossier)[0])
    versienummer = 1
    school = factory.LazyAttribute(lambda o: o.opp.dossier.school)
    uitstroomniveau = Uitstroomniveau.VMBO_KADER
    doelen = "Technisch lezen AVI M5 eind groep 6"
    handelingsdeel = "Twee keer per week RT lezen door de onderwijsassistent"
    opgesteld_door = factory.SubFactory(GebruikerFactory)

    class Params:
        dossier = factory.SubFactory(DossierFactory)
        vastgesteld = factory.Trait(status=OPPStatus.VASTGESTELD, vastgesteld_op=date(2024, 10, 1))


class InstemmingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OPPInstemming

    versie = factory.SubFactory(OPPVersieFactory, vastgesteld=True)
    besluit = Instemmingsbesluit.INGESTEMD
    ouder_naam = "M. Jansen"
    ouder_relatie = Ouderrelatie.MOEDER
    datum = date(2024, 10, 2)
    wijze = Instemmingswijze.GESPREK
    vastgelegd_door = factory.SubFactory(GebruikerFactory)


class MDOFactory(factory.django.DjangoModelFactory):
    """A planned MDO tomorrow; trait ``gehouden`` adds a verslag, the child's voice and an outcome."""

    class Meta:
        model = MDO
        skip_postgeneration_save = True

    dossier = factory.SubFactory(DossierFactory)
    school = factory.SelfAttribute("dossier.school")
    begint_om = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
    agenda = "1. Stand van zaken\n2. Wat wil het kind?"
    gepland_door = factory.SubFactory(GebruikerFactory)

    class Params:
        gehouden = factory.Trait(
            status=MDOStatus.GEHOUDEN,
            begint_om=factory.LazyFunction(lambda: timezone.now() - timedelta(days=7)),
            gehouden_op=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7)),
            verslag="Besproken: leesontwikkeling stagneert.",
        )
        geannuleerd = factory.Trait(status=MDOStatus.GEANNULEERD, annuleringsreden="Ouders ziek")

    @factory.post_generation
    def uitkomst(obj, create, extracted, **kwargs):
        """Held MDOs get the child's voice and an outcome (``uitkomst=Uitkomstsoort.X`` to choose)."""
        if create and obj.status == MDOStatus.GEHOUDEN:
            StemVanHetKind.objects.create(
                mdo=obj,
                gehoord=True,
                wijze=StemWijze.GESPREK_VOORAF,
                wat_zei_kind="Lezen is moeilijk",
                wat_wil_kind="Hulp in de klas",
            )
            MDOUitkomst.objects.create(mdo=obj, soort=extracted or Uitkomstsoort.BASISONDERSTEUNING)


class DeelnemerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MDODeelnemer

    mdo = factory.SubFactory(MDOFactory)
    naam = "Mevrouw Jansen"
    rol = Deelnemersrol.OUDER


class AfspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afspraak

    dossier = factory.SubFactory(DossierFactory)
    school = factory.SelfAttribute("dossier.school")
    omschrijving = "Leesplan opstellen"
    uitvoerder_naam = "Juf Lotte"
    uiterlijk = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))

    class Params:
        verlopen = factory.Trait(uiterlijk=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=3)))
        afgerond = factory.Trait(status=AfspraakStatus.AFGEROND, afgerond_op=factory.LazyFunction(timezone.localdate))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    dossier = factory.SubFactory(DossierFactory)
    leerling = factory.SelfAttribute("dossier.leerling")
    school = factory.SelfAttribute("dossier.school")
    soort = Documentsoort.ONDERZOEK
    titel = "Onderzoeksverslag"
    bestand = factory.LazyFunction(lambda: ContentFile(PDF, name="verslag.pdf"))
    oorspronkelijke_naam = "verslag.pdf"
    inhoudstype = "application/pdf"
    extensie = "pdf"
    grootte = len(PDF)
    sha256 = "0" * 64
    geupload_door = factory.SubFactory(GebruikerFactory)
