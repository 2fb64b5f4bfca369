"""The demo SWV: real schools from DUO, kringen, demo users for every role, fictitious pupils.

Apps add their own demo content with ``@demo_stap(volgorde)`` in a ``demo.py`` imported by their
AppConfig; ``bouw_demo`` runs every step in order after the register, users and pupils exist.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from swv.choices import Rol, Soort
from swv.models import Gebruiker, Kring, Lidmaatschap, Samenwerkingsverband, School

DEMO_WACHTWOORD = "Demo-Portaal-2026!"

#: Kringen of PPO regio Leiden by gemeente (seed 002 mentions kringen; the split here is illustrative).
LEIDEN_KRINGEN = {
    "Leiden": "Kring Leiden",
    "Leiderdorp": "Kring Leiderdorp en Zoeterwoude",
    "Zoeterwoude": "Kring Leiderdorp en Zoeterwoude",
    "Oegstgeest": "Kring Oegstgeest",
    "Voorschoten": "Kring Voorschoten en Wassenaar",
    "Wassenaar": "Kring Voorschoten en Wassenaar",
    "Kaag en Braassem": "Kring Kaag en Braassem",
}


@dataclass(frozen=True)
class DemoStap:
    naam: str
    functie: Callable[[DemoContext], str | None]
    volgorde: int


_STAPPEN: list[DemoStap] = []


def demo_stap(volgorde: int = 50):
    """Register a demo step ``f(ctx) -> message``; steps run in ``volgorde`` after the base demo."""

    def registreer(functie):
        naam = f"{functie.__module__}.{functie.__name__}"
        if not any(s.naam == naam for s in _STAPPEN):
            _STAPPEN.append(DemoStap(naam=naam, functie=functie, volgorde=volgorde))
            _STAPPEN.sort(key=lambda s: (s.volgorde, s.naam))
        return functie

    return registreer


@dataclass
class DemoContext:
    swv: Samenwerkingsverband
    gebruikers: dict[str, Gebruiker]
    school_a: School
    school_b: School
    rng: random.Random
    vandaag: date
    fractie: float = 1.0


def maak_kringen(swv: Samenwerkingsverband) -> int:
    """One kring per gemeente (Leiden: the clusters above); schools without a kring are assigned."""
    n = 0
    for school in School.objects.filter(swv=swv, kring__isnull=True).select_related("gemeente"):
        naam = (
            LEIDEN_KRINGEN.get(school.gemeente.naam, f"Kring {school.gemeente.naam}")
            if swv.code == "PO2801"
            else f"Kring {school.gemeente.naam}"
        )
        kring, _ = Kring.objects.get_or_create(swv=swv, naam=naam)
        school.kring = kring
        school.save(update_fields=["kring"])
        n += 1
    return n


def _kies_scholen(swv) -> tuple[School, School]:
    bo = list(
        School.objects.filter(swv=swv, soort=Soort.BO, actief=True)
        .met_laatste_telling()
        .order_by("-laatste_aantal", "vestigingscode")
    )
    # School A: a large BO school; school B: a BO school of another board.
    a = bo[0]
    b = next((s for s in bo[1:] if s.bestuur_id != a.bestuur_id), bo[1])
    return a, b


DEMO_ACCOUNTS = [
    # (e-mail, voornaam, achternaam, rol, scope)
    ("ib@demo.swv.nl", "Ingrid", "Bakker", Rol.IB_ER, "a"),
    ("ib2@demo.swv.nl", "Bart", "Claassen", Rol.IB_ER, "b"),
    ("leerkracht@demo.swv.nl", "Lotte", "de Wit", Rol.LEERKRACHT, "a"),
    ("directeur@demo.swv.nl", "Dirk", "Verbeek", Rol.DIRECTEUR, "a"),
    ("consulent@demo.swv.nl", "Chantal", "Osman", Rol.CONSULENT, "kring_a"),
    ("tlc@demo.swv.nl", "Tamara", "Lindeman", Rol.TLC_LID, "swv"),
    ("ac@demo.swv.nl", "Arjen", "Coster", Rol.AC_LID, "swv"),
    ("db@demo.swv.nl", "Dorien", "Brink", Rol.DB, "swv"),
    ("beleid@demo.swv.nl", "Bas", "Meulenbelt", Rol.BELEIDSMEDEWERKER, "swv"),
    ("controller@demo.swv.nl", "Carla", "Fontein", Rol.CONTROLLER, "swv"),
    ("bestuurder@demo.swv.nl", "Bert", "Staal", Rol.BESTUURDER, "bestuur_a"),
    ("opr@demo.swv.nl", "Olga", "Prins", Rol.OPR_LID, "swv"),
    ("beheer@demo.swv.nl", "Benno", "Heer", Rol.BEHEERDER, "swv"),
]


#: Demo accounts without a membership (parents, issue 14), added by the apps' demo steps at import:
#: (e-mail, description), printed by ``demo_swv`` after the role accounts.
DEMO_EXTERNE_ACCOUNTS: list[tuple[str, str]] = []


def maak_demo_gebruikers(swv, school_a: School, school_b: School, vandaag: date) -> dict[str, Gebruiker]:
    schooljaar_begin = date(vandaag.year if vandaag.month >= 8 else vandaag.year - 1, 8, 1)
    gebruikers = {}
    kring_scholen = list(School.objects.filter(kring=school_a.kring, actief=True)) if school_a.kring_id else [school_a]
    for email, voornaam, achternaam, rol, scope in DEMO_ACCOUNTS:
        user, _ = Gebruiker.objects.get_or_create(
            email=email, defaults={"voornaam": voornaam, "achternaam": achternaam}
        )
        user.is_demo = True
        user.is_staff = user.is_superuser = rol == Rol.BEHEERDER
        user.set_password(DEMO_WACHTWOORD)
        user.save()
        if not Lidmaatschap.objects.filter(gebruiker=user, rol=rol).exists():
            if scope == "a":
                Lidmaatschap.objects.create(gebruiker=user, rol=rol, school=school_a, begindatum=schooljaar_begin)
            elif scope == "b":
                Lidmaatschap.objects.create(gebruiker=user, rol=rol, school=school_b, begindatum=schooljaar_begin)
            elif scope == "kring_a":
                for s in kring_scholen:
                    Lidmaatschap.objects.create(
                        gebruiker=user,
                        rol=rol,
                        school=s,
                        begindatum=schooljaar_begin,
                        einddatum=date(schooljaar_begin.year + 1, 7, 31),
                    )
            elif scope == "bestuur_a":
                Lidmaatschap.objects.create(
                    gebruiker=user, rol=rol, bestuur=school_a.bestuur, begindatum=schooljaar_begin
                )
            else:
                Lidmaatschap.objects.create(gebruiker=user, rol=rol, begindatum=schooljaar_begin)
        gebruikers[rol if scope != "b" else "ib_er_b"] = user
    return gebruikers


def bouw_demo(*, swv_code: str, fractie: float = 1.0, zaad: int = 2801, log=print) -> DemoContext:
    swv = Samenwerkingsverband.objects.get(code=swv_code)
    rng = random.Random(zaad)
    vandaag = timezone.localdate()
    with transaction.atomic():
        log(f"Kringen: {maak_kringen(swv)} scholen ingedeeld.")
        school_a, school_b = _kies_scholen(swv)
        gebruikers = maak_demo_gebruikers(swv, school_a, school_b, vandaag)
    ctx = DemoContext(
        swv=swv, gebruikers=gebruikers, school_a=school_a, school_b=school_b, rng=rng, vandaag=vandaag, fractie=fractie
    )
    for stap in _STAPPEN:
        with transaction.atomic():
            melding = stap.functie(ctx)
        if melding:
            log(melding)
    return ctx
