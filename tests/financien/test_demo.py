"""The finance demo step: three years, monthly actuals, one final and one draft T-rapportage; idempotent."""

from __future__ import annotations

import random
from datetime import date

import pytest

from financien.choices import RapportStatus
from financien.demo import demo_financien
from financien.models import Begroting, Begrotingsbedrag, Jaarparameters, RealisatieImport, Realisatieregel, TRapportage
from swv.choices import Rol
from swv.demo import DemoContext
from tests.factories import LeerlingtellingFactory

pytestmark = pytest.mark.django_db


def test_the_demo_builds_three_years_and_two_reports_once(personas):
    for school, aantal in ((personas.school_a, 420), (personas.school_b, 310)):
        LeerlingtellingFactory(school=school, teldatum=date(2024, 10, 1), aantal=aantal)
        LeerlingtellingFactory(school=school, teldatum=date(2025, 10, 1), aantal=aantal + 5)
    ctx = DemoContext(
        swv=personas.swv,
        gebruikers={Rol.CONTROLLER: personas.carla},
        school_a=personas.school_a,
        school_b=personas.school_b,
        rng=random.Random(1),
        vandaag=date(2026, 11, 22),
    )
    demo_financien(ctx)
    aantallen = [
        m.objects.count()
        for m in (Jaarparameters, Begroting, Begrotingsbedrag, RealisatieImport, Realisatieregel, TRapportage)
    ]
    demo_financien(ctx)
    assert [
        m.objects.count()
        for m in (Jaarparameters, Begroting, Begrotingsbedrag, RealisatieImport, Realisatieregel, TRapportage)
    ] == aantallen
    assert list(Jaarparameters.objects.order_by("jaar").values_list("jaar", flat=True)) == [2025, 2026, 2027]
    assert RealisatieImport.objects.verwerkt().filter(jaar=2025).count() == 12
    assert RealisatieImport.objects.verwerkt().filter(jaar=2026).count() == 10
    definitief = TRapportage.objects.get(status=RapportStatus.DEFINITIEF)
    concept = TRapportage.objects.get(status=RapportStatus.CONCEPT)
    assert (definitief.jaar, definitief.t_nummer, definitief.pdf_definitief) == (2026, 2, True)
    assert (concept.jaar, concept.t_nummer, bool(concept.pdf), concept.pdf_definitief) == (2026, 3, True, False)
    baten = sum(
        Begrotingsbedrag.objects.filter(begroting__jaar=2026, post__blok="baten").values_list("bedrag", flat=True)
    )
    lasten = sum(
        Begrotingsbedrag.objects.filter(begroting__jaar=2026)
        .exclude(post__blok="baten")
        .values_list("bedrag", flat=True)
    )
    assert baten > 0 and 0 <= baten - lasten < baten / 100  # the demo budget closes with a small surplus
