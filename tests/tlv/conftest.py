"""Fixtures of the TLV tests: an SBO and an SO school with their staff, and a pupil of school A."""

from __future__ import annotations

import pytest

from swv.choices import Rol
from tests.factories import SchoolFactory, gebruiker_met_rol, tweefactor_activeren
from tests.leerlingen.factories import LeerlingFactory


@pytest.fixture
def wereld(personas):
    """``personas`` plus: sbo (SBO De Brug) with sanne (ib-er) and stijn (directeur), so (SO De Horizon),
    and daan, a pupil of school A."""
    p = personas
    p.sbo = SchoolFactory(swv=p.swv, kring=p.kring, sbo=True, naam="SBO De Brug")
    p.so = SchoolFactory(swv=p.swv, kring=p.kring, so=True, naam="SO De Horizon")
    p.sanne = gebruiker_met_rol(Rol.IB_ER, school=p.sbo, email="sanne@example.nl", voornaam="Sanne")
    p.stijn = gebruiker_met_rol(Rol.DIRECTEUR, school=p.sbo, email="stijn@example.nl", voornaam="Stijn")
    for user in (p.sanne, p.stijn):
        user.totp_secret = tweefactor_activeren(user)
    p.daan = LeerlingFactory(school=p.school_a, voornaam="Daan", achternaam="Visser")
    return p
