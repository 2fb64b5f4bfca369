"""National figures: computed from DUO's historical file (idempotent, hand-entered rates kept),
entered by hand, and the demo step that uses them."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kwaliteit.models import LandelijkCijfer
from kwaliteit.services.fouten import KwaliteitFout
from kwaliteit.services.landelijk import landelijke_cijfers_importeren
from swv.duo import HISTORISCH

pytestmark = pytest.mark.django_db

KOP = "INSTELLINGCODE;VESTIGINGSCODE;NAAM_VESTIGING;SOORT_VESTIGING;LEERLINGEN_2024;LEERLINGEN_2025"


def duo_map(tmp_path, regels: list[str]):
    (tmp_path / HISTORISCH).write_text("\ufeff" + "\r\n".join([KOP, *regels]) + "\r\n", encoding="utf-8")
    return tmp_path


def test_national_totals_per_count_date(tmp_path):
    map_ = duo_map(
        tmp_path,
        [
            "01AA;01AA00;A;BO;100;110",
            "01AB;01AB00;B;BO;200;<5",
            "01AC;01AC00;C;SBO;10;12",
            "01AD;01AD00;D;SO;5;6",
            "01AE;01AE00;E;SO/VSO;20;22",
            "01AF;01AF00;F;VSO;99;99",
        ],
    )
    verslag = landelijke_cijfers_importeren(map_=map_)
    assert verslag.nieuw == [date(2024, 10, 1), date(2025, 10, 1)]
    cijfer = LandelijkCijfer.objects.get(teldatum=date(2025, 10, 1))
    assert (cijfer.leerlingen_bo, cijfer.leerlingen_sbo, cijfer.leerlingen_so) == (
        110,
        12,
        28,
    )  # VSO left out, "<5" too
    assert cijfer.percentage_sbo == Decimal("8.00") and cijfer.percentage_so == Decimal("18.67")  # of 150
    assert cijfer.bron == LandelijkCijfer.Bron.DUO


def test_importing_again_changes_nothing_and_keeps_entered_rates(tmp_path):
    map_ = duo_map(tmp_path, ["01AA;01AA00;A;BO;100;110", "01AC;01AC00;C;SBO;10;12"])
    landelijke_cijfers_importeren(map_=map_)
    LandelijkCijfer.objects.filter(teldatum=date(2025, 10, 1)).update(deelname_sbo=Decimal("2.10"))
    verslag = landelijke_cijfers_importeren(map_=map_)
    assert (verslag.nieuw, verslag.gewijzigd, verslag.ongewijzigd) == ([], [], 2)
    assert LandelijkCijfer.objects.get(teldatum=date(2025, 10, 1)).percentage_sbo == Decimal("2.10")


def test_a_malformed_file_imports_nothing_and_says_where(tmp_path):
    map_ = duo_map(tmp_path, ["01AA;01AA00;A;BO;100;110", "01AB;01AB00;B;BO;honderd;5"])
    with pytest.raises(KwaliteitFout, match="regel 3, kolom LEERLINGEN_2024: ongeldig getal 'honderd'"):
        landelijke_cijfers_importeren(map_=map_)
    assert not LandelijkCijfer.objects.exists()
    with pytest.raises(CommandError, match="Import afgebroken"):
        call_command("landelijke_cijfers_importeren", "--map", str(map_))


def test_the_command_on_the_real_duo_file():
    uit = StringIO()
    call_command("landelijke_cijfers_importeren", stdout=uit)
    assert "nieuw 30" in uit.getvalue()
    cijfer = LandelijkCijfer.objects.get(teldatum=date(2025, 10, 1))
    assert cijfer.leerlingen_sbo == 31612 and cijfer.percentage_sbo == Decimal("2.18")


def test_entering_national_figures_by_hand(client, personas):
    client.force_login(personas.bea)
    url = reverse("kwaliteit:landelijk_nieuw")
    response = client.post(url, {"teldatum": "2026-02-01", "deelname_sbo": "101", "deelname_so": "1.6"})
    assert response.status_code == 422 and not LandelijkCijfer.objects.exists()
    response = client.post(
        url, {"teldatum": "2026-02-01", "deelname_sbo": "1.9", "deelname_so": "1.6", "opmerking": "Kijkglazen"}
    )
    assert response.status_code == 302
    cijfer = LandelijkCijfer.objects.get()
    assert (cijfer.percentage_so, cijfer.bron) == (Decimal("1.60"), LandelijkCijfer.Bron.HANDMATIG)
    assert client.get(reverse("kwaliteit:landelijk_bewerken", args=["2026-02-01"])).status_code == 200
    assert client.get(reverse("kwaliteit:landelijk_bewerken", args=["niet-een-datum"])).status_code == 404
    client.force_login(personas.carla)
    assert client.get(reverse("kwaliteit:landelijk")).status_code == 200
    assert client.get(url).status_code == 404


def test_the_demo_step_is_complete_and_idempotent(personas, scholen):
    from kwaliteit.demo import demo_kwaliteit
    from kwaliteit.models import DoelEvaluatie, Jaarplan, OprBesluit, Publicatie, RapportVersie
    from swv.choices import Rol
    from swv.demo import DemoContext

    gebruikers = {Rol.DB: personas.dirk, Rol.BELEIDSMEDEWERKER: personas.bea, Rol.OPR_LID: personas.olga}
    ctx = DemoContext(
        swv=personas.swv,
        gebruikers=gebruikers,
        school_a=personas.school_a,
        school_b=personas.school_b,
        rng=random.Random(1),
        vandaag=date(2026, 11, 22),
    )
    demo_kwaliteit(ctx)
    telling = (
        Jaarplan.objects.count(),
        DoelEvaluatie.objects.count(),
        RapportVersie.objects.count(),
        Publicatie.objects.count(),
        OprBesluit.objects.count(),
    )
    assert telling == (1, 4, 1, 1, 1)
    assert Jaarplan.objects.get().status == "vastgesteld"
    assert RapportVersie.objects.get().status == "vastgesteld" and Publicatie.objects.get().voor_opr
    demo_kwaliteit(ctx)
    assert telling == (
        Jaarplan.objects.count(),
        DoelEvaluatie.objects.count(),
        RapportVersie.objects.count(),
        Publicatie.objects.count(),
        OprBesluit.objects.count(),
    )
