"""The national comparison of all PO samenwerkingsverbanden (issue 18): every SWV's totals computed
from DUO's public files, equal to the register's own import for this SWV, idempotent, ranked, shown
to the SWV-wide roles and the OPR (404 for the others) in a bounded number of queries, and exported."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Sum
from django.urls import reverse

from kwaliteit.models import SwvCijfer
from kwaliteit.selectors.vergelijking import swv_vergelijking
from kwaliteit.services.landelijk import swv_cijfers_importeren
from swv.choices import Soort
from swv.duo import duo_importeren
from swv.models import Leerlingtelling
from tests.beperkingen import schendt

pytestmark = pytest.mark.django_db
TELDATUM = date(2025, 10, 1)


@pytest.fixture
def cijfers():
    swv_cijfers_importeren(map_=settings.DUO_DATA_DIR)


def test_every_po_swv_gets_its_totals_and_they_add_up_to_nearly_the_country(cijfers):
    from kwaliteit.services.landelijk import lees_landelijke_totalen
    from swv.duo import HISTORISCH

    rijen = SwvCijfer.objects.filter(teldatum=TELDATUM)
    assert rijen.count() == 76
    som = rijen.aggregate(bo=Sum("leerlingen_bo"), sbo=Sum("leerlingen_sbo"), so=Sum("leerlingen_so"))
    land = lees_landelijke_totalen(settings.DUO_DATA_DIR / HISTORISCH)[TELDATUM]
    # Only locations whose address and gemeente are both unknown stay unassigned: well under 0.5 %.
    for soort, veld in (("bo", "leerlingen_bo"), ("sbo", "leerlingen_sbo"), ("so", "leerlingen_so")):
        assert land[veld] * Decimal("0.995") <= som[soort] <= land[veld]


def test_this_swv_has_exactly_the_figures_of_its_own_register_import(cijfers):
    duo_importeren(map_=settings.DUO_DATA_DIR, swv_code="PO2801")
    tellingen = Leerlingtelling.objects.filter(school__swv__code="PO2801", teldatum=TELDATUM)

    def som(*soorten):
        return tellingen.filter(school__soort__in=soorten).aggregate(n=Sum("aantal"))["n"] or 0

    leiden = SwvCijfer.objects.get(swv_code="PO2801", teldatum=TELDATUM)
    assert (leiden.leerlingen_bo, leiden.leerlingen_sbo, leiden.leerlingen_so) == (
        som(Soort.BO),
        som(Soort.SBO),
        som(Soort.SO, Soort.SO_VSO),
    )


def test_importing_again_changes_nothing(cijfers):
    voor = list(SwvCijfer.objects.order_by("pk").values_list("pk", "swv_code", "teldatum", "leerlingen_so"))
    uit = StringIO()
    call_command("landelijke_cijfers_importeren", stdout=uit)
    assert "Cijfers per samenwerkingsverband" in uit.getvalue()
    assert list(SwvCijfer.objects.order_by("pk").values_list("pk", "swv_code", "teldatum", "leerlingen_so")) == voor


def test_the_database_refuses_a_second_row_or_a_bad_code():
    SwvCijfer.objects.create(
        swv_code="PO2801", teldatum=TELDATUM, leerlingen_bo=1, leerlingen_sbo=0, leerlingen_so=0, vestigingen=1
    )
    with schendt("swv_cijfer_uniek_per_teldatum"):
        SwvCijfer.objects.create(
            swv_code="PO2801", teldatum=TELDATUM, leerlingen_bo=2, leerlingen_sbo=0, leerlingen_so=0, vestigingen=1
        )
    with schendt("swv_cijfer_po_code"):
        SwvCijfer.objects.create(
            swv_code="VO2801", teldatum=TELDATUM, leerlingen_bo=2, leerlingen_sbo=0, leerlingen_so=0, vestigingen=1
        )


def _rij(code, bo, sbo, so, teldatum=TELDATUM):
    return SwvCijfer.objects.create(
        swv_code=code, teldatum=teldatum, leerlingen_bo=bo, leerlingen_sbo=sbo, leerlingen_so=so, vestigingen=3
    )


def test_rates_ranks_ties_spread_growth_and_the_country(personas):
    _rij("PO2801", 900, 50, 50)  # 5 % SBO, 5 % SO
    _rij("PO2802", 960, 20, 20)  # 2 %, 2 %
    _rij("PO2803", 960, 20, 20)  # 2 %, 2 % (a tie)
    _rij("PO2801", 800, 50, 50, teldatum=date(2024, 10, 1))
    v = swv_vergelijking(user=personas.dirk)
    assert v.teldatum == TELDATUM and v.teldata == [TELDATUM, date(2024, 10, 1)]
    eigen = v.eigen
    assert eigen is not None and eigen.code == settings.SWV_CODE == "PO2801"
    assert (eigen.pct_sbo, eigen.rang_sbo, eigen.rang_so) == (Decimal("5.00"), 3, 3)
    assert [r.rang_so for r in v.rijen] == [3, 1, 1]
    assert eigen.groei == Decimal("11.1")  # 900 -> 1,000 pupils
    assert v.landelijk.totaal == 3000 and v.landelijk.pct_so == Decimal("3.00")
    assert (v.spreiding_so.laagste, v.spreiding_so.mediaan, v.spreiding_so.hoogste) == (
        Decimal("2.00"),
        Decimal("2.00"),
        Decimal("5.00"),
    )
    # An earlier count date can be chosen; an unknown one falls back to the newest.
    assert swv_vergelijking(user=personas.dirk, teldatum=date(2024, 10, 1)).aantal == 1
    assert swv_vergelijking(user=personas.dirk, teldatum=date(2020, 1, 1)).teldatum == TELDATUM


def test_without_figures_the_page_says_how_to_get_them(client, personas):
    client.force_login(personas.dirk)
    response = client.get(reverse("kwaliteit:vergelijking"))
    assert response.status_code == 200
    assert "landelijke_cijfers_importeren" in response.content.decode()


def test_who_sees_the_comparison_and_in_how_many_queries(client, personas, cijfers, django_assert_max_num_queries):
    url = reverse("kwaliteit:vergelijking")
    for persona in ("dirk", "bea", "carla", "olga"):
        client.force_login(getattr(personas, persona))
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200, persona
        html = response.content.decode()
        assert "PO2815" in html and "PO2707" in html and "(dit SWV)" in html
    for persona in ("alice", "lotte", "dora", "charlie", "bert", "tim", "anna", "beheer"):
        client.force_login(getattr(personas, persona))
        assert client.get(url).status_code == 404, persona
        assert client.get(reverse("kwaliteit:vergelijking_export")).status_code == 404, persona


def test_the_excel_export_has_every_swv_and_the_country(client, personas, cijfers):
    client.force_login(personas.olga)
    response = client.get(reverse("kwaliteit:vergelijking_export"), {"teldatum": "2024-10-01"})
    assert (
        response.status_code == 200 and 'filename="vergelijking-swv-2024-10-01.xlsx"' in response["Content-Disposition"]
    )
    blad = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    rijen = list(blad.iter_rows(min_row=2, values_only=True))
    assert len(rijen) == 77 and rijen[-1][1] == "Landelijk (alle SWV's)"
    leiden = next(r for r in rijen if r[0] == "PO2801")
    assert leiden[5] == leiden[2] + leiden[3] + leiden[4]
    assert round(Decimal(str(leiden[6])) * leiden[5] / 100) == leiden[3]  # the SBO rate, as a number
    assert blad.cell(row=2, column=7).number_format == '0.0"%"'


def test_a_historical_file_without_locations_or_gemeenten_is_refused_in_dutch(tmp_path):
    from kwaliteit.services.fouten import KwaliteitFout
    from swv.duo import HISTORISCH

    (tmp_path / HISTORISCH).write_text(
        "\ufeffVESTIGINGSCODE;SOORT_VESTIGING;LEERLINGEN_2025\r\n01AA00;BO;100\r\n", encoding="utf-8"
    )
    with pytest.raises(KwaliteitFout, match="mist de kolommen VESTIGINGSCODE en GEMEENTENAAM_VESTIGING"):
        swv_cijfers_importeren(map_=tmp_path)
    assert not SwvCijfer.objects.exists()
