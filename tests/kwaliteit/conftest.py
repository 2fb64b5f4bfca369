"""Fixtures of the quality app: an SBO and an SO school next to the personas' two BO schools,
with pupil counts whose key figures are easy to compute by hand, and report helpers."""

from __future__ import annotations

import io

import pytest

from tests.factories import SchoolFactory
from tests.kwaliteit.factories import T2024, T2025, LandelijkCijferFactory, tellingen


@pytest.fixture
def scholen(personas):
    """Board Noord: school A (BO) and an SBO; board Zuid: school B (BO) and an SO/VSO school.

    2024: A 300, B 200, SBO 10, SO 40 (550); 2025: A 310, B 190, SBO 12, SO 38 (550).
    National 2025: BO 1000, SBO 20, SO 30.
    """
    from swv.choices import Soort

    sbo = SchoolFactory(
        swv=personas.swv, kring=personas.kring, bestuur=personas.school_a.bestuur, sbo=True, naam="SBO De Brug"
    )
    so = SchoolFactory(
        swv=personas.swv,
        kring=None,
        bestuur=personas.school_b.bestuur,
        so=True,
        soort=Soort.SO_VSO,
        naam="SO De Horizon",
    )
    tellingen(personas.school_a, {T2024: 300, T2025: 310})
    tellingen(personas.school_b, {T2024: 200, T2025: 190})
    tellingen(sbo, {T2024: 10, T2025: 12})
    tellingen(so, {T2024: 40, T2025: 38})
    LandelijkCijferFactory(teldatum=T2025)
    return {"a": personas.school_a, "b": personas.school_b, "sbo": sbo, "so": so}


@pytest.fixture
def kwaliteit_seed():
    """The seed rows of migration kwaliteit 0002 (calendar, standards, themes). Transactional tests
    flush tables, so tests that need them ask for this fixture (idempotent)."""
    from importlib import import_module

    from django.apps import apps

    import_module("kwaliteit.migrations.0002_kwaliteitskalender_en_standaarden").vul(apps, None)
    import_module("kwaliteit.migrations.0005_klachten").kalender_klachten(apps, None)
    import_module("kwaliteit.migrations.0006_kalender_innovatie").koppel_innovatie(apps, None)


def maak_versie(django_capture_on_commit_callbacks, *, soort: str, jaar: int, door):
    """Generate a report version synchronously (the job's service, without a worker)."""
    from kwaliteit.services.verslagen import rapport_genereren
    from swv.taken import taak_uitvoeren_service

    with django_capture_on_commit_callbacks(execute=False):
        versie = rapport_genereren(soort=soort, jaar=jaar, door=door)
    taak_uitvoeren_service(taak_id=versie.taak_id)
    versie.refresh_from_db()
    versie.taak.refresh_from_db()
    return versie


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)


@pytest.fixture
def jaarverslag(personas, scholen, django_capture_on_commit_callbacks):
    return maak_versie(django_capture_on_commit_callbacks, soort="jaarverslag", jaar=2025, door=personas.dirk)


@pytest.fixture
def plaatshouder():
    """A key figure whose source app has not landed (every real app has registered its selectors):
    registered for the test, removed afterwards."""
    from kwaliteit.choices import Domein
    from kwaliteit.kengetallen import get_kengetal, registreer_kengetal
    from kwaliteit.kengetallen.register import _REGISTER

    registreer_kengetal(
        sleutel="test_plaatshouder",
        titel="Testplaatshouder",
        domein=Domein.LEERLINGEN,
        volgorde=99,
        bron="testbron",
        indicatoren={"aantal": "aantal"},
        drilldown=lambda f: "/ergens/",
    )
    yield get_kengetal("test_plaatshouder")
    _REGISTER.pop("test_plaatshouder", None)
