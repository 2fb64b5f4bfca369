"""Passwords (issue 13): at least 12 characters, not a common password, not a weak Dutch one, and
the reason is told in Dutch."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from swv.accounts.wachtwoorden import LIJST, zwakke_woorden
from tests.factories import WACHTWOORD


@pytest.mark.parametrize(
    "wachtwoord",
    [
        "wachtwoord12",
        "Wachtwoord2025!",
        "w4chtw00rd123",
        "welkomwelkom",
        "Welkom2025!!!",
        "123Feyenoord!!",
        "sinterklaas2026",
        "Zorgplicht-2026",
        "Kort1!",  # too short
        "123456789012",  # numbers only
        "passwordpassword",  # Django's common list
    ],
)
def test_weak_passwords_are_refused(wachtwoord):
    with pytest.raises(ValidationError):
        validate_password(wachtwoord)


@pytest.mark.parametrize("wachtwoord", ["fiets paraplu dinsdag", "Groene-Olifant-Zwemt-7", "kastanje-boom-licht"])
def test_passphrases_are_accepted(wachtwoord):
    validate_password(wachtwoord)


def test_the_reason_is_given_in_dutch():
    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        validate_password("wachtwoord12")
    tekst = " ".join(fout.value.messages)
    assert "te makkelijk te raden" in tekst and "wachtwoord12" not in tekst


def test_the_word_list_is_shipped_sorted_and_lower_case():
    woorden = [r for r in LIJST.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    assert woorden == sorted(woorden) and all(w == w.lower() for w in woorden)
    assert {"wachtwoord", "welkom", "geheim"} <= zwakke_woorden()


@pytest.mark.django_db
def test_changing_to_wachtwoord12_is_refused_and_nothing_is_saved(client, personas, settings):
    settings.DEMO_MODE = False
    client.force_login(personas.alice)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": WACHTWOORD, "password1": "wachtwoord12", "password2": "wachtwoord12"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 200
    assert "te makkelijk te raden" in response.content.decode()
    personas.alice.refresh_from_db()
    assert personas.alice.check_password(WACHTWOORD)
