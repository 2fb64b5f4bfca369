"""One selector per key figure: the dashboard tile, the Excel export and the report PDF show the
same numbers (issue 8: "a test asserts equality")."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from kwaliteit.kengetallen import Filters, get_kengetal
from kwaliteit.opmaak import formatteer
from tests.kwaliteit.conftest import maak_versie, pdf_tekst

pytestmark = pytest.mark.django_db

SLEUTELS = [
    "leerlingen_per_soort",
    "deelnamepercentage",
    "leerlingen_per_bestuur",
    "leerlingen_per_kring",
    "leerlingen_per_gemeente",
]


@pytest.fixture
def bronnen(client, personas, scholen, django_capture_on_commit_callbacks):
    """For school year 2025-2026 (dashboard) and calendar year 2025 (jaarverslag) the count date is
    1 October 2025 in both, so the headline figures must be identical."""
    client.force_login(personas.dirk)
    html = client.get(reverse("kwaliteit:dashboard"), {"schooljaar": 2025}).content.decode()
    versie = maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2025, door=personas.dirk)
    with versie.taak.bestand.open("rb") as fh:
        pdf = pdf_tekst(fh.read())
    return html, pdf


def test_tile_excel_and_pdf_agree(client, personas, bronnen):
    html, pdf = bronnen
    for sleutel in SLEUTELS:
        _vergelijk(client, personas, html, pdf, sleutel)


def _vergelijk(client, personas, html, pdf, sleutel):
    kengetal = get_kengetal(sleutel)
    uitkomst = kengetal.bereken(personas.dirk, Filters.voor_schooljaar(2025))
    tegel = dict(re.findall(r'data-kengetal="([^"]+)">([^<]*)<', html))
    werkmap = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("kwaliteit:kengetal_export", args=[sleutel]), {"schooljaar": 2025}).content)
    )
    toelichting = {rij[0]: rij[1] for rij in werkmap.worksheets[0].iter_rows(min_row=4, values_only=True)}
    with translation.override("nl"):
        for kc in uitkomst.kerncijfers:
            tekst = formatteer(kc.waarde, kc.soort, teller=kc.teller)
            assert tegel[f"{sleutel}:{kc.sleutel}"] == tekst  # the tile
            assert toelichting[str(kc.label)] == pytest.approx(float(kc.waarde))  # the export
            assert tekst in pdf  # the PDF (no small numbers in these data)
    for tabel, blad in zip(uitkomst.tabellen, werkmap.worksheets[1:], strict=True):
        for rij, excel in zip(tabel.rijen, blad.iter_rows(min_row=2, values_only=True), strict=False):
            for kolom, cel in zip(tabel.kolommen, excel, strict=False):
                waarde = rij.get(kolom.sleutel)
                if kolom.numeriek and waarde is not None:
                    assert cel == pytest.approx(float(waarde))
                    with translation.override("nl"):
                        assert formatteer(waarde, kolom.soort, teller=rij.get(kolom.teller)) in pdf
