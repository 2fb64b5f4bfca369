"""Factories and helpers of the finance tests: parameters (with seed 002's 2014 rates), budget
lines, budgets, account mappings and imports through the real services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from financien.choices import Blok, Grondslag, SboRegel
from financien.models import Begroting, Begrotingsbedrag, Begrotingspost, Jaarparameters, Rekeningkoppeling


class JaarparametersFactory(factory.django.DjangoModelFactory):
    """Parameters of a year; by default seed 002's 2014-15 rates (PPO regio Leiden)."""

    class Meta:
        model = Jaarparameters

    jaar = 2026
    teldatum = factory.LazyAttribute(lambda o: date(o.jaar - 1, 2, 1))
    prognose_groei = Decimal("-1.00")
    tarief_lichte_personeel = Decimal("149.29")
    tarief_lichte_materieel = Decimal("7.48")
    tarief_zware = Decimal("324.80")
    verevening = Decimal("0.00")
    so_tarief_laag = Decimal("10000.00")
    so_tarief_midden = Decimal("20000.00")
    so_tarief_hoog = Decimal("25000.00")
    sbo_regel = SboRegel.PER_TLV
    sbo_tarief = Decimal("4000.00")
    basisbedrag_per_school = Decimal("2500.00")
    bedrag_per_leerling = Decimal("100.00")

    class Params:
        seed_2014 = factory.Trait(
            jaar=2014,
            teldatum=date(2013, 10, 1),
            verevening=Decimal("0.00"),
            sbo_regel=SboRegel.DREMPEL,
            basisbedrag_per_school=Decimal("0.00"),
        )
        seed_2015 = factory.Trait(
            jaar=2015,
            teldatum=date(2014, 10, 1),
            verevening=Decimal("-892744.00"),
            sbo_regel=SboRegel.DREMPEL,
            basisbedrag_per_school=Decimal("0.00"),
        )


class BegrotingspostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begrotingspost
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"9.{n:02d}")
    naam = factory.Sequence(lambda n: f"Post {n}")
    blok = Blok.CENTRALE_ORGANISATIE
    grondslag = Grondslag.HANDMATIG
    volgorde = factory.Sequence(lambda n: n)


class BegrotingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Begroting
        django_get_or_create = ["jaar"]

    jaar = 2026


def maak_begroting(jaar: int, posten: dict[str, tuple[str, str, Decimal]], *, reserve_begin=None) -> Begroting:
    """A budget with lines ``{code: (name, block, amount)}``, each line mapped to account ``R<code>``."""
    begroting = BegrotingFactory(jaar=jaar, reserve_begin=reserve_begin)
    for code, (naam, blok, bedrag) in posten.items():
        post = BegrotingspostFactory(code=code, naam=naam, blok=blok)
        Begrotingsbedrag.objects.update_or_create(begroting=begroting, post=post, defaults={"bedrag": Decimal(bedrag)})
        Rekeningkoppeling.objects.get_or_create(rekening=f"R{code}", defaults={"post": post})
    return begroting


#: A small budget in seed 002's blocks (amounts a year).
KLEINE_BEGROTING = {
    "1.01": ("Lichte ondersteuning", Blok.BATEN, Decimal("1200000.00")),
    "1.03": ("Zware ondersteuning", Blok.BATEN, Decimal("2400000.00")),
    "2.01": ("Directie", Blok.CENTRALE_ORGANISATIE, Decimal("120000.00")),
    "3.01": ("Basisondersteuning", Blok.ONDERSTEUNING_SCHOLEN, Decimal("1800000.00")),
    "4.01": ("Beschikbaar voor arrangementen", Blok.ARRANGEMENTEN, Decimal("600000.00")),
    "5.01": ("Overdracht SO", Blok.GESPECIALISEERD_ONDERWIJS, Decimal("1000000.00")),
    "6.01": ("Dotatie algemene reserve", Blok.RESERVE, Decimal("24000.00")),
}


def csv_bestand(
    rijen: list[tuple], *, naam: str = "grootboek.csv", kop: str = "rekening;omschrijving;bedrag"
) -> SimpleUploadedFile:
    regels = [kop] + [";".join(str(v) for v in rij) for rij in rijen]
    return SimpleUploadedFile(naam, ("\n".join(regels) + "\n").encode("utf-8"), content_type="text/csv")


def importeer(door, jaar: int, maand: int, rijen: list[tuple], **kwargs):
    """Read and process an export through the real services; returns the processed import."""
    from financien.services.realisatie import realisatie_inlezen, realisatie_verwerken

    invoer = realisatie_inlezen(door=door, jaar=jaar, maand=maand, bestand=csv_bestand(rijen, **kwargs))
    assert invoer.aantal_fouten == 0, invoer.voorbeeld
    return realisatie_verwerken(door=door, invoer=invoer)
