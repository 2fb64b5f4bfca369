"""Browser journeys: Playwright drives Debian's Chromium (no browser download); axe-core checks
every visited page for accessibility violations (WCAG 2.1 A/AA)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.factories import WACHTWOORD

# Playwright's sync API runs an event loop in this thread; the ORM calls in the test itself are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "static" / "vendor" / "axe-core" / "axe.min.js"


def _chromium() -> str:
    for kandidaat in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if kandidaat and Path(kandidaat).exists():
            return kandidaat
    pytest.fail("Chromium not found: install Debian's chromium package (make setup does) or set CHROMIUM_PATH")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=_chromium(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    # The login throttle counts failed logins per IP in the (per-process, locmem) cache; earlier
    # tests in the same run (tests/swv/test_auth.py) fail logins from 127.0.0.1 on purpose.
    from django.core.cache import cache

    cache.clear()
    # bypass_csp only lets the test inject axe-core; the portal's own pages run under the real CSP.
    context = browser.new_context(locale="nl-NL", bypass_csp=True, base_url=live_server.url)
    context.set_default_timeout(15_000)
    pg = context.new_page()
    fouten: list[str] = []
    pg.on("console", lambda msg: fouten.append(msg.text) if msg.type == "error" else None)
    pg.csp_fouten = fouten
    yield pg
    context.close()


def axe_check(page, *, context: str = "") -> None:
    """Run axe-core on the current page; fail with a readable list of violations."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run npm ci (make setup)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    violations = result["violations"]
    if violations:
        regels = [
            f"- {v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in violations
        ]
        pytest.fail(f"axe-core found {len(violations)} violation(s) on {page.url} {context}:\n" + "\n".join(regels))


def inloggen(page, gebruiker, wachtwoord: str = WACHTWOORD) -> None:
    """Log in through the real login form, answering the TOTP step when the user has two-factor.

    Journeys call ``tweefactor_activeren(user)`` first for roles that see pupil data, and pass the
    user whose ``totp_secret`` attribute then holds the secret.
    """
    from tests.factories import totp_code

    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill(gebruiker.email)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    secret = getattr(gebruiker, "totp_secret", None)
    if secret:
        page.get_by_label("Code").fill(totp_code(secret))
        page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def met_tweefactor(gebruiker):
    """Set up TOTP for ``gebruiker`` and remember the secret on the object for ``inloggen``."""
    from tests.factories import tweefactor_activeren

    gebruiker.totp_secret = tweefactor_activeren(gebruiker)
    return gebruiker
