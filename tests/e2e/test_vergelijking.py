"""Browser journey of the national comparison (issue 18): the OPR member opens it from the menu,
chooses an earlier count date and downloads the Excel; axe on the page."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.conf import settings

from kwaliteit.services.landelijk import swv_cijfers_importeren
from tests.e2e.conftest import axe_check, inloggen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_opr_compares_the_swv_with_the_country(page, personas):
    swv_cijfers_importeren(map_=settings.DUO_DATA_DIR)
    inloggen(page, personas.olga)
    page.get_by_role("link", name="Vergelijking", exact=True).click()
    page.get_by_role("heading", name="Landelijke vergelijking van de samenwerkingsverbanden").wait_for()
    axe_check(page, context="(national comparison)")
    assert page.get_by_text("Alle 76 samenwerkingsverbanden PO op 01-10-2025").is_visible()
    assert page.locator("tr.portaal-rij--eigen").inner_text().startswith("PO2801")
    page.get_by_label("Teldatum", exact=True).select_option("2015-10-01")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**teldatum=2015-10-01")
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als Excel").click()
    blad = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).worksheets[0]
    assert blad.title == "Vergelijking 01-10-2015" and blad.max_row == 78
