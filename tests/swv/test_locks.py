"""The two locks: the production image installs runtime dependencies only; the test lock adds the test
tools with the same runtime pins (``make lock`` writes both from pyproject.toml)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTGEREEDSCHAP = {"pytest", "playwright", "mypy", "ruff"}


def pins(bestand: str) -> dict[str, str]:
    """``{normalised name: version}`` of a lock file."""
    uit = {}
    for regel in (ROOT / bestand).read_text().splitlines():
        if regel.strip() and not regel.startswith("#"):
            naam, versie = regel.split("==")
            uit[re.sub(r"[-_.]+", "-", naam).lower()] = versie
    return uit


def test_the_production_lock_holds_no_test_tools():
    productie = pins("requirements.lock")
    assert not {naam for naam in productie if naam in TESTGEREEDSCHAP or naam.startswith("pytest-")}
    assert {"django", "psycopg", "celery", "gunicorn", "weasyprint"} <= set(productie)


def test_the_test_lock_adds_the_test_tools_with_the_same_runtime_pins():
    productie, test = pins("requirements.lock"), pins("requirements-test.lock")
    assert TESTGEREEDSCHAP <= set(test)
    assert {naam: test.get(naam) for naam in productie} == productie


def test_the_image_installs_the_production_lock_and_development_the_test_lock():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.findall(r"pip install .*-r (\S+)", dockerfile) == ["requirements.lock"]
    assert "requirements-test.lock" not in dockerfile
    makefile = (ROOT / "Makefile").read_text()
    assert "$(PIP) install --quiet -r requirements-test.lock" in makefile
