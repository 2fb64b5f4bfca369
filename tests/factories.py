"""Factories of the platform (organisation register, accounts, memberships)."""

from __future__ import annotations

from datetime import date

import factory

from swv.choices import Rol, Soort
from swv.models import Bestuur, Gebruiker, Gemeente, Kring, Leerlingtelling, Lidmaatschap, Samenwerkingsverband, School

WACHTWOORD = "Test-Wachtwoord-2026!"


class SamenwerkingsverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Samenwerkingsverband
        django_get_or_create = ["code"]

    code = "PO2801"
    naam = "PPO regio Leiden"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{(n % 9000) + 1:04d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class BestuurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bestuur

    nummer = factory.Sequence(lambda n: f"{40000 + n}")
    naam = factory.Sequence(lambda n: f"Stichting {n}")


class KringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kring

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    naam = factory.Sequence(lambda n: f"Kring {n}")


def _brin(n: int) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXZ"
    return (
        f"{10 + n // len(letters) ** 2 % 90:02d}{letters[n // len(letters) % len(letters)]}{letters[n % len(letters)]}"
    )


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    swv = factory.SubFactory(SamenwerkingsverbandFactory)
    brin = factory.Sequence(_brin)
    vestigingscode = factory.LazyAttribute(lambda o: f"{o.brin}00")
    naam = factory.Sequence(lambda n: f"Basisschool De Regenboog {n}")
    soort = Soort.BO
    gemeente = factory.SubFactory(GemeenteFactory)
    bestuur = factory.SubFactory(BestuurFactory)
    postcode = "2312 AB"
    plaats = "Leiden"

    class Params:
        sbo = factory.Trait(soort=Soort.SBO, naam=factory.Sequence(lambda n: f"SBO De Brug {n}"))
        so = factory.Trait(soort=Soort.SO, naam=factory.Sequence(lambda n: f"SO De Horizon {n}"))


class LeerlingtellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leerlingtelling

    school = factory.SubFactory(SchoolFactory)
    teldatum = date(2025, 10, 1)
    aantal = 200


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.nl")
    voornaam = factory.Faker("first_name", locale="nl_NL")
    achternaam = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def opslaan(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    gebruiker = factory.SubFactory(GebruikerFactory)
    rol = Rol.IB_ER
    school = factory.SubFactory(SchoolFactory)
    begindatum = date(2020, 8, 1)


def gebruiker_met_rol(rol: str, *, school: School | None = None, bestuur: Bestuur | None = None, **kwargs) -> Gebruiker:
    """A user with one current membership of ``rol`` on the given scope."""
    user = GebruikerFactory(**kwargs)
    Lidmaatschap.objects.create(gebruiker=user, rol=rol, school=school, bestuur=bestuur, begindatum=date(2020, 8, 1))
    return user


def tweefactor_activeren(user: Gebruiker) -> str:
    """Give ``user`` a TOTP authenticator (as after set-up) and return its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    """The current six-digit code of an authenticator app for ``secret``."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    # The portal accepts only the current period's code (MFA_TOTP_TOLERANCE 0), as a user's app shows
    # it; a code read in the last seconds of a period would expire before the form reaches the server.
    over = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if over < 3:
        time.sleep(over + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
