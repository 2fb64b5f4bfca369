"""Browser journeys of the platform: login with two-factor, a home page per role, the register."""

from __future__ import annotations

import re

import pytest

from swv.models import Taak
from tests.conftest import wacht_op
from tests.e2e.conftest import axe_check, inloggen
from tests.factories import WACHTWOORD, LeerlingtellingFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_ib_er_logs_in_with_two_factor_and_sees_her_school(page, personas, settings):
    settings.DEMO_MODE = False
    page.goto("/")
    axe_check(page, context="(login)")
    inloggen(page, personas.alice)
    page.get_by_role("heading", name="Welkom, Alice").wait_for()
    assert page.get_by_role("heading", name="Mijn school(s)").is_visible()
    assert page.get_by_role("link", name="Basisschool A").is_visible()
    assert page.get_by_text("Basisschool B").count() == 0
    axe_check(page, context="(home ib-er)")


def test_a_new_account_must_set_up_totp_before_it_sees_anything(page, personas, settings):
    from allauth.mfa.models import Authenticator

    settings.DEMO_MODE = False
    Authenticator.objects.filter(user=personas.charlie).delete()
    personas.charlie.totp_secret = None
    inloggen_zonder_wachten(page, personas.charlie)
    # Setting up an authenticator asks for the password once more (allauth: protects a hijacked session).
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    axe_check(page, context="(reauthenticate)")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    axe_check(page, context="(totp activation)")
    page.goto("/leerlingen/")
    page.wait_for_url(re.compile(r"/accounts/"))
    assert "/leerlingen/" not in page.url


def inloggen_zonder_wachten(page, gebruiker):
    from tests.factories import WACHTWOORD

    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill(gebruiker.email)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.mark.parametrize(
    "persona, kop",
    [
        ("charlie", "Aan mij toegewezen scholen"),
        ("dirk", "Het hele samenwerkingsverband"),
        ("bert", "Mijn schoolbestuur"),
        ("olga", "Gepubliceerde documenten"),
        ("beheer", "Beheer"),
    ],
)
def test_each_role_lands_on_a_fitting_home_page(page, personas, persona, kop):
    LeerlingtellingFactory(school=personas.school_a, aantal=250)
    inloggen(page, getattr(personas, persona))
    kop_op_pagina = page.get_by_role("heading", name=kop, exact=True)
    kop_op_pagina.wait_for()
    assert kop_op_pagina.is_visible()
    axe_check(page, context=f"(home {persona})")


@pytest.mark.worker
def test_the_db_filters_the_register_and_exports_it_with_a_progress_bar(page, personas, celery_worker):
    LeerlingtellingFactory(school=personas.school_a, aantal=250)
    inloggen(page, personas.dirk)
    page.get_by_role("link", name="Scholenregister").first.click()
    page.get_by_role("heading", name="Scholenregister").wait_for()
    axe_check(page, context="(register)")
    page.get_by_label("Zoeken op naam, plaats of vestigingscode").fill("Basisschool B")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_text("1 school gevonden").wait_for()
    page.get_by_role("button", name="Register exporteren naar Excel").click()
    page.get_by_role("heading", name="Scholenregister (Excel)").wait_for()
    axe_check(page, context="(job progress)")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"scholenregister-.*\.xlsx downloaden")).click(timeout=30_000)
    assert download.value.suggested_filename.endswith(".xlsx")
    assert Taak.objects.get().status == Taak.Status.KLAAR
    wacht_op(lambda: True)
