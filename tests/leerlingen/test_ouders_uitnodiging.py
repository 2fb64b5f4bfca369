"""Invitation end to end (issue 14): the ib-er invites from the pupil's page, a real worker e-mails
a link (no pupil data), the parent sets a password through it, must set up TOTP, then sees the child."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from leerlingen.models import OuderKoppeling
from swv.middleware import moet_tweefactor_instellen
from tests.conftest import wacht_op
from tests.factories import tweefactor_activeren
from tests.swv.mailserver import verstuurd

NIEUW_WACHTWOORD = "Ouder-Wachtwoord-2026!"


@pytest.fixture
def mailserver(tmp_path, monkeypatch):
    """The worker's mail server (tests/swv/mailserver.py): request it before ``celery_worker``."""
    monkeypatch.setenv("EMAIL_BACKEND", "tests.swv.mailserver.Mailserver")
    monkeypatch.setenv("SWV_TEST_MAILMAP", str(tmp_path))
    return tmp_path


@pytest.mark.worker
def test_the_invited_parent_sets_a_password_and_a_second_factor(client, gezin, mailserver, celery_worker, settings):
    settings.DEMO_MODE = False
    client.force_login(gezin.alice)
    pagina = client.get(reverse("leerlingen:detail", args=[gezin.kind_a.uuid]))
    assert reverse("leerlingen:ouder_uitnodigen", args=[gezin.kind_a.uuid]) in pagina.content.decode()
    antwoord = client.post(
        reverse("leerlingen:ouder_uitnodigen", args=[gezin.kind_a.uuid]),
        {
            "voornaam": "Fatima",
            "achternaam": "El Amrani",
            "email": "fatima@example.nl",
            "relatie": "moeder",
            "gezag": "ja",
        },
    )
    assert antwoord.status_code == 302
    koppeling = OuderKoppeling.objects.get(ouder__email="fatima@example.nl")
    [bericht] = wacht_op(lambda: verstuurd(mailserver))
    for geheim in ("Sam", gezin.kind_a.achternaam, str(gezin.kind_a.uuid), gezin.school_a.naam):
        assert geheim not in bericht
    link = re.search(r"http://[^\s\"<>]+/accounts/password/reset/key/[^\s\"<>]+", bericht).group(0)
    pad = link.split("://", 1)[1].split("/", 1)[1]

    client.logout()
    antwoord = client.get("/" + pad)
    assert antwoord.status_code == 302  # allauth moves the key into the session
    antwoord = client.post(antwoord.url, {"password1": NIEUW_WACHTWOORD, "password2": NIEUW_WACHTWOORD})
    assert antwoord.status_code == 302
    ouder = koppeling.ouder
    ouder.refresh_from_db()
    assert ouder.has_usable_password()

    assert client.login(email="fatima@example.nl", password=NIEUW_WACHTWOORD)
    assert moet_tweefactor_instellen(ouder)
    antwoord = client.get(reverse("leerlingen:ouders_home"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("mfa_activate_totp")
    tweefactor_activeren(ouder)
    antwoord = client.get(reverse("leerlingen:ouders_kind", args=[gezin.kind_a.uuid]))
    assert antwoord.status_code == 200
