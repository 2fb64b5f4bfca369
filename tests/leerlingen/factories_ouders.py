"""Factories and the shared world of the parents' portal tests (issue 14)."""

from __future__ import annotations

from datetime import date

import factory
import pytest

from leerlingen.choices import Deelnemersrol, Ouderrelatie, Sectie
from leerlingen.models import DossierSectie, MDODeelnemer, OuderKoppeling
from tests.factories import GebruikerFactory, tweefactor_activeren
from tests.leerlingen.factories import LeerlingFactory
from tests.leerlingen.factories_dossier import DossierFactory, MDOFactory, OPPVersieFactory


class OuderKoppelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OuderKoppeling

    ouder = factory.SubFactory(GebruikerFactory)
    leerling = factory.SubFactory(LeerlingFactory)
    relatie = Ouderrelatie.MOEDER
    gezag = True
    begin = date(2024, 8, 1)
    uitgenodigd_door = factory.SubFactory(GebruikerFactory)


@pytest.fixture
def gezin(personas):
    """``personas`` plus: kind_a (school A, a dossier with a shared and an internal section, an OPP
    concept, an MDO the parents were invited to and one they were not) with ``ouder`` (mother, gezag)
    and ``vader`` (father, gezag); kind_b (school B) with ``ouder2``. Parents have set up TOTP."""
    p = personas
    p.kind_a = LeerlingFactory(school=p.school_a, voornaam="Sam", achternaam="Jansen")
    p.kind_b = LeerlingFactory(school=p.school_b, voornaam="Noor", achternaam="Bakker")
    p.dossier_a = DossierFactory(school=p.school_a, leerling=p.kind_a, regievoerder=p.alice)
    p.gedeeld = DossierSectie.objects.create(
        dossier=p.dossier_a,
        sectie=Sectie.ONDERSTEUNINGSBEHOEFTEN,
        tekst="Sam heeft baat bij korte instructie.",
        school=p.school_a,
        bijgewerkt_door=p.alice,
        gedeeld_met_ouders=True,
    )
    p.intern = DossierSectie.objects.create(
        dossier=p.dossier_a,
        sectie=Sectie.ANALYSE,
        tekst="Interne werkaantekening.",
        school=p.school_a,
        bijgewerkt_door=p.alice,
    )
    p.opp_a = OPPVersieFactory(dossier=p.dossier_a, opgesteld_door=p.alice)
    p.mdo_uitgenodigd = MDOFactory(dossier=p.dossier_a, gepland_door=p.alice, agenda="Gesprek met ouders")
    MDODeelnemer.objects.create(mdo=p.mdo_uitgenodigd, naam="Moeder", rol=Deelnemersrol.OUDER)
    p.mdo_intern = MDOFactory(dossier=p.dossier_a, gepland_door=p.alice, agenda="Intern overleg")
    p.ouder = GebruikerFactory(email="ouder@example.nl", voornaam="Mira", achternaam="Jansen")
    p.vader = GebruikerFactory(email="vader@example.nl", voornaam="Piet", achternaam="Jansen")
    p.ouder2 = GebruikerFactory(email="ouder2@example.nl", voornaam="Eva", achternaam="Bakker")
    p.koppeling = OuderKoppelingFactory(ouder=p.ouder, leerling=p.kind_a, uitgenodigd_door=p.alice)
    p.koppeling_vader = OuderKoppelingFactory(
        ouder=p.vader, leerling=p.kind_a, relatie=Ouderrelatie.VADER, uitgenodigd_door=p.alice
    )
    p.koppeling2 = OuderKoppelingFactory(ouder=p.ouder2, leerling=p.kind_b, uitgenodigd_door=p.bob)
    for user in (p.ouder, p.vader, p.ouder2):
        user.totp_secret = tweefactor_activeren(user)
    return p
