"""Factories of the TLV app, with traits for every state (``TLVFactory(actief=True)``).

The pupil-dossier factories below (dossier, OPP, MDO, document) are the minimum a complete TLV
request needs; the dossier issue brings fuller ones, which may replace them after the merge.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from leerlingen.choices import Deelnemersrol, Documentsoort, MDOStatus, OPPStatus, Uitkomstsoort, Uitstroomniveau
from leerlingen.models import MDO, OPP, Document, Dossier, MDODeelnemer, MDOUitkomst, OPPVersie
from tests.factories import GebruikerFactory, SchoolFactory
from tests.leerlingen.factories import LeerlingFactory
from tlv.choices import Adviesconclusie, Kwalificatie, OudersInstemming, TLVSoort, TLVStatus
from tlv.models import TLV, Deskundigenadvies

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def vandaag():
    return timezone.localdate()


def dagen(n: int):
    return factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=n))


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier

    leerling = factory.SubFactory(LeerlingFactory)
    school = factory.SubFactory(SchoolFactory)
    regievoerder = factory.SubFactory(GebruikerFactory)


class OPPVersieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OPPVersie

    opp = factory.LazyAttribute(lambda o: OPP.objects.get_or_create(dossier=o.dossier)[0])
    versienummer = 1
    status = OPPStatus.VASTGESTELD
    school = factory.LazyAttribute(lambda o: o.dossier.school)
    uitstroomniveau = Uitstroomniveau.PRAKTIJKONDERWIJS
    doelen = "Lezen op niveau M5."
    handelingsdeel = "Dagelijks 30 minuten begeleiding in een kleine groep."
    opgesteld_door = factory.SubFactory(GebruikerFactory)
    vastgesteld_op = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))

    class Params:
        dossier = None


class MDOFactory(factory.django.DjangoModelFactory):
    """A held MDO with the S(B)O school present and a TLV proposal as outcome."""

    class Meta:
        model = MDO
        skip_postgeneration_save = True

    dossier = factory.SubFactory(DossierFactory)
    school = factory.LazyAttribute(lambda o: o.dossier.school)
    status = MDOStatus.GEHOUDEN
    begint_om = factory.LazyFunction(
        lambda: timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=30), datetime.min.time()))
    )
    gehouden_op = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    verslag = "Besproken: de ondersteuningsbehoefte overstijgt wat de school kan bieden."
    gepland_door = factory.SubFactory(GebruikerFactory)

    @factory.post_generation
    def met_sbo(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            MDODeelnemer.objects.create(
                mdo=obj, naam="Mw. De Brug", organisatie="SBO De Brug", rol=Deelnemersrol.SBO_SO_SCHOOL
            )
            MDOUitkomst.objects.create(mdo=obj, soort=Uitkomstsoort.TLV_VOORSTEL)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    leerling = factory.SubFactory(LeerlingFactory)
    school = factory.SubFactory(SchoolFactory)
    soort = Documentsoort.ONDERZOEK
    titel = "Deskundigenadvies"
    bestand = factory.LazyFunction(lambda: ContentFile(PDF, name="advies.pdf"))
    oorspronkelijke_naam = "advies.pdf"
    inhoudstype = "application/pdf"
    extensie = "pdf"
    grootte = len(PDF)
    sha256 = "0" * 64
    geupload_door = factory.SubFactory(GebruikerFactory)


class TLVFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TLV

    leerling = factory.SubFactory(LeerlingFactory)
    aanvragende_school = factory.SubFactory(SchoolFactory)
    beoogde_school = factory.SubFactory(SchoolFactory, sbo=True)
    soort = TLVSoort.SBO
    aangemaakt_door = factory.SubFactory(GebruikerFactory)
    status = TLVStatus.CONCEPT

    class Params:
        so = factory.Trait(
            soort=TLVSoort.SO,
            voorgestelde_categorie="laag",
            beoogde_school=factory.SubFactory(SchoolFactory, so=True),
        )
        ingediend = factory.Trait(status=TLVStatus.INGEDIEND, ingediend_op=dagen(-7), eerst_ingediend_op=dagen(-7))
        getoetst = factory.Trait(
            ingediend=True,
            status=TLVStatus.PROCEDUREEL_GETOETST,
            getoetst_op=dagen(-2),
        )
        aanvulling = factory.Trait(
            ingediend=True,
            status=TLVStatus.AANVULLING_GEVRAAGD,
            aanvulling_gevraagd_op=dagen(-3),
            aanvulling_vraag="Graag het handelingsdeel van het OPP.",
        )
        besloten = factory.Trait(
            ingediend=True,
            besluit_datum=dagen(-1),
            bekendgemaakt_op=dagen(-1),
            motivering="Conform deskundigenadvies.",
        )
        afgegeven = factory.Trait(
            besloten=True,
            status=TLVStatus.AFGEGEVEN,
            afgegeven_op=dagen(-1),
            nummer=factory.Sequence(lambda n: f"TLV-2801-2026-{n + 1:04d}"),
            ingangsdatum=dagen(30),
            einddatum=dagen(30 + 730),
            categorie=factory.LazyAttribute(lambda o: o.voorgestelde_categorie),
        )
        actief = factory.Trait(afgegeven=True, status=TLVStatus.ACTIEF, ingangsdatum=dagen(-100), einddatum=dagen(630))
        geweigerd = factory.Trait(besloten=True, status=TLVStatus.GEWEIGERD, motivering="Het advies is niet eenduidig.")
        verlopen = factory.Trait(
            afgegeven=True,
            status=TLVStatus.VERLOPEN,
            ingangsdatum=dagen(-800),
            einddatum=dagen(-70),
            beeindigd_op=dagen(-69),
            beeindigingsreden="verlopen",
        )


def volledige_aanvraag(*, door, leerling, school, beoogde_school, soort=TLVSoort.SBO, **velden) -> TLV:
    """A draft request with every checklist item in order (dossier, OPP, MDO, two experts, parents)."""
    dossier = Dossier.objects.filter(leerling=leerling).first() or DossierFactory(
        leerling=leerling, school=school, regievoerder=door
    )
    opp = OPPVersie.objects.filter(opp__dossier=dossier, status=OPPStatus.VASTGESTELD).first() or OPPVersieFactory(
        dossier=dossier, opgesteld_door=door
    )
    mdo = MDOFactory(dossier=dossier, gepland_door=door)
    waarden = dict(
        leerling=leerling,
        dossier=dossier,
        aanvragende_school=school,
        beoogde_school=beoogde_school,
        soort=soort,
        voorgestelde_categorie="midden" if soort == TLVSoort.SO else "",
        opp_versie=opp,
        mdo=mdo,
        toelating_datum=vandaag() - timedelta(days=10),
        toelating_door="J. de Vries, directeur",
        voorgestelde_duur_maanden=24,
        redenen="De ondersteuningsbehoefte overstijgt de basisondersteuning.",
        ouders_zienswijze="Ouders zien dat hun kind vastloopt en steunen de aanvraag.",
        ouders_instemming=OudersInstemming.INGESTEMD,
        ouders_instemming_datum=vandaag() - timedelta(days=5),
        evaluatieafspraken="Evaluatie na een jaar.",
        terugkeerafspraken="Jaarlijks terugkeergesprek.",
        aangemaakt_door=door,
    )
    waarden.update(velden)
    tlv = TLV.objects.create(**waarden)
    for volgorde, (naam, kwalificatie, expertise) in enumerate(
        [
            ("Dr. A. Jansen", Kwalificatie.ORTHOPEDAGOOG, ""),
            ("M. Pietersen", Kwalificatie.SPECIALIST_SO, "gedrag, cluster 4"),
        ],
        start=1,
    ):
        Deskundigenadvies.objects.create(
            tlv=tlv,
            volgorde=volgorde,
            naam=naam,
            kwalificatie=kwalificatie,
            expertise=expertise,
            datum=vandaag() - timedelta(days=14),
            advies="Een plaatsing op het S(B)O is passend.",
            conclusie=Adviesconclusie.POSITIEF,
            vastgelegd_door=door,
            document=DocumentFactory(leerling=leerling, school=school, geupload_door=door),
        )
    return tlv
