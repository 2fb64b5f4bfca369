"""Login, two-factor duty, sign-up closed, throttling."""

import pytest
from django.urls import reverse

from swv.middleware import moet_tweefactor_instellen
from tests.factories import WACHTWOORD, tweefactor_activeren

pytestmark = pytest.mark.django_db


def _zonder_tweefactor(user):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=user).delete()
    return user


def test_roles_with_pupil_data_must_set_up_two_factor(client, personas, settings):
    settings.DEMO_MODE = False
    _zonder_tweefactor(personas.alice)
    client.force_login(personas.alice)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url == reverse("mfa_activate_totp")


def test_after_setting_up_totp_the_home_page_opens(client, personas, settings):
    settings.DEMO_MODE = False
    tweefactor_activeren(_zonder_tweefactor(personas.alice))
    client.force_login(personas.alice)
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize(
    "persona, verplicht",
    [("olga", False), ("carla", False), ("bert", True), ("dirk", True), ("charlie", True), ("tim", True)],
)
def test_which_roles_need_two_factor(personas, settings, persona, verplicht):
    settings.DEMO_MODE = False
    assert moet_tweefactor_instellen(_zonder_tweefactor(getattr(personas, persona))) is verplicht


def test_demo_accounts_are_exempt_only_in_demo_mode(personas, settings):
    _zonder_tweefactor(personas.alice).is_demo = True
    settings.DEMO_MODE = True
    assert not moet_tweefactor_instellen(personas.alice)
    settings.DEMO_MODE = False
    assert moet_tweefactor_instellen(personas.alice)


def test_sign_up_is_closed(client):
    client.post(reverse("account_signup"), {"email": "x@example.nl", "password1": "Heel-Lang-Wachtwoord-1"})
    from swv.models import Gebruiker

    assert not Gebruiker.objects.filter(email="x@example.nl").exists()


def test_failed_logins_are_throttled_per_account_with_the_time_to_wait(client, personas):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "alice@example.nl", "password": "fout"})
    response = client.post(reverse("account_login"), {"login": "alice@example.nl", "password": WACHTWOORD})
    # The form again with the reason, not 429; and nothing logged in.
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated
    assert (
        "Te veel mislukte inlogpogingen voor dit account. Probeer het over 15 minuten opnieuw"
        in response.content.decode()
    )


def test_a_locked_account_does_not_lock_its_colleagues_behind_the_same_address(client, personas):
    """One pupil guessing at a school's shared address locks one account, not the whole school."""
    from tests.factories import GebruikerFactory

    for _ in range(8):
        client.post(reverse("account_login"), {"login": "alice@example.nl", "password": "fout"})
    collegas = [GebruikerFactory(email=f"collega{i}@example.nl") for i in range(40)]
    for collega in collegas[:10]:  # a few typos each, all from the school's one address
        for _ in range(3):
            client.post(reverse("account_login"), {"login": collega.email, "password": "fout"})
    for collega in collegas:  # 08:30: forty colleagues log in within the minute from that address
        response = client.post(reverse("account_login"), {"login": collega.email, "password": WACHTWOORD})
        assert response.status_code == 302, collega.email
        client.logout()


def test_many_failures_from_one_address_lock_the_address_with_its_own_message(client, personas, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "5/15m/key,10/15m/ip"}
    for i in range(10):
        client.post(reverse("account_login"), {"login": f"raden{i}@example.nl", "password": "fout"})
    response = client.post(reverse("account_login"), {"login": "bob@example.nl", "password": WACHTWOORD})
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated
    assert "Te veel mislukte inlogpogingen vanaf dit netwerk. Probeer het over 15 minuten opnieuw" in (
        response.content.decode()
    )


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_password_reset_sends_a_link_not_data(client, personas, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": "alice@example.nl"})
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
