"""Demo pupils: fictitious pupils (Dutch names) at every school, as many as DUO counted there."""

from __future__ import annotations

import random
from datetime import date, timedelta

from leerlingen.models import Inschrijving, Leerling
from leerlingen.validators import is_geldig_bsn
from swv.choices import Rol
from swv.demo import DemoContext, demo_stap
from swv.models import Leerlingtelling, School

VOORNAMEN = (
    "Noah Emma Lucas Julia Sem Mila Liam Tess Finn Sophie Daan Zoë Levi Sara Luuk Nora Milan Yara Bram Evi "
    "Jesse Saar Thomas Lotte Mees Anna Sam Liv Adam Lynn Max Fleur Jayden Noor Mohamed Nina Thijs Lieke Siem "
    "Roos Gijs Jasmijn Jens Esmee Ruben Fenna Hugo Isa Stijn Sofie Teun Femke Ryan Elin Ayoub Ilse Vince Maud "
    "Mats Amira Ties Lina Boaz Nova Olivier Julie Floris Hanna Jurre Lara Joep Eva Dex Vera Quinn Fatima Owen"
).split()
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Janssen"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("de", "Jong"),
    ("", "Schouten"),
    ("van", "Beek"),
    ("", "Willems"),
    ("van", "Vliet"),
    ("", "Hoekstra"),
    ("", "Maas"),
    ("", "Verhoeven"),
    ("", "Koster"),
    ("van", "Dam"),
    ("", "Prins"),
    ("", "Blom"),
    ("", "Huisman"),
    ("", "Yılmaz"),
    ("", "El Amrani"),
    ("", "Kaya"),
    ("", "Bouzid"),
    ("", "Nguyen"),
    ("", "Şahin"),
    ("", "Pinas"),
    ("", "Kartosen"),
]


def _bsn_reeks(start: int):
    """Valid (11-proef) fictitious BSNs, in order from ``start``."""
    n = start
    while True:
        n += 1
        if is_geldig_bsn(f"{n:09d}"):
            yield f"{n:09d}"


def maak_leerlingen(swv, rng: random.Random, vandaag: date, fractie: float = 1.0) -> int:
    """Fictitious pupils per school, as many as the school's latest DUO count (times ``fractie``)."""
    laatste = (
        Leerlingtelling.objects.filter(school__swv=swv).order_by("-teldatum").values_list("teldatum", flat=True).first()
    )
    tellingen = (
        dict(Leerlingtelling.objects.filter(school__swv=swv, teldatum=laatste).values_list("school_id", "aantal"))
        if laatste is not None
        else {}
    )
    bestaand = set(Inschrijving.objects.filter(school__swv=swv).values_list("school_id", flat=True).distinct())
    bsns = _bsn_reeks(100_000_000 + rng.randrange(0, 10_000_000))
    bezet = set(Leerling.objects.exclude(bsn="").values_list("bsn", flat=True))
    schooljaar = vandaag.year if vandaag.month >= 8 else vandaag.year - 1
    totaal = 0
    for school in School.objects.filter(swv=swv, actief=True).order_by("pk"):
        if school.pk in bestaand:
            continue
        aantal = max(1, round((tellingen.get(school.pk) or 3) * fractie))
        leerlingen, groepen = [], []
        for _ in range(aantal):
            groep = rng.randint(1, 8)
            geboortejaar = schooljaar - 4 - groep + (1 if rng.random() < 0.25 else 0)
            tussen, achter = rng.choice(ACHTERNAMEN)
            bsn = next(bsns)
            while bsn in bezet:
                bsn = next(bsns)
            leerlingen.append(
                Leerling(
                    voornaam=rng.choice(VOORNAMEN),
                    tussenvoegsel=tussen,
                    achternaam=achter,
                    geboortedatum=date(geboortejaar, rng.randint(1, 12), rng.randint(1, 28)),
                    bsn=bsn,
                )
            )
            groepen.append(groep)
        Leerling.objects.bulk_create(leerlingen, batch_size=2000)
        Inschrijving.objects.bulk_create(
            [
                Inschrijving(
                    leerling=leerling,
                    school=school,
                    groep=groep,
                    begindatum=date(schooljaar - groep + 1, 8, 20)
                    if groep > 1
                    else vandaag - timedelta(days=rng.randint(20, 90)),
                )
                for leerling, groep in zip(leerlingen, groepen, strict=True)
            ],
            batch_size=2000,
        )
        totaal += aantal
    return totaal


@demo_stap(volgorde=10)
def demo_leerlingen(ctx: DemoContext) -> str:
    aantal = maak_leerlingen(ctx.swv, ctx.rng, ctx.vandaag, ctx.fractie)
    # The demo teacher is linked to a group-5 class of school A.
    leerkracht = ctx.gebruikers[Rol.LEERKRACHT]
    if not leerkracht.gekoppelde_leerlingen.exists():
        ids = list(
            Leerling.objects.filter(inschrijvingen__school=ctx.school_a, inschrijvingen__groep=5).values_list(
                "pk", flat=True
            )[:25]
        )
        leerkracht.gekoppelde_leerlingen.add(*ids)
    return f"Leerlingen: {aantal} fictieve leerlingen aangemaakt."
