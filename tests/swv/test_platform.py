"""Platform guarantees: production settings, CSP, no inline scripts, admin with history, i18n, storage."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def _productie_env(**extra) -> dict:
    # The e2e conftest allows async-unsafe ORM calls for Playwright; production never does.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **extra}


def test_production_settings_pass_check_deploy_without_warnings():
    env = {
        **_productie_env(),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "portaal.swv.nl",
        "DATABASE_URL": "postgres://swv@127.0.0.1:5432/swv",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "SWV_DEMO_MODE": "false",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_demo_mode_and_embedded_services():
    env = {
        **_productie_env(),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "portaal.swv.nl",
        "SWV_DEMO_MODE": "true",
        "DATABASE_URL": "",
        "CELERY_BROKER_URL": "",
    }
    env.pop("DATABASE_URL")
    env.pop("CELERY_BROKER_URL")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    for code in ("swv.E001", "swv.E002", "swv.E003"):
        assert code in result.stderr + result.stdout


def test_production_needs_a_secret_key_and_no_wildcard_host():
    env = {**_productie_env(), "DJANGO_DEBUG": "false", "DJANGO_ALLOWED_HOSTS": "*", "DJANGO_SECRET_KEY": "x" * 60}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "wildcard" in result.stderr


def test_the_compose_file_describes_scaled_web_and_worker_one_beat_postgres_redis_and_object_store():
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    diensten = compose["services"]
    assert set(diensten) == {"migrate", "web", "worker", "beat", "proxy", "db", "redis", "objectstore", "bucket"}
    assert "gunicorn" in compose["services"]["web"]["command"]
    # Scale-out: more than one web and worker node, exactly one beat, files in the shared bucket.
    assert diensten["web"]["deploy"]["replicas"] > 1 and diensten["worker"]["deploy"]["replicas"] > 1
    assert "deploy" not in diensten["beat"] and "ports" not in diensten["web"]
    assert diensten["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for dienst in ("web", "worker", "beat"):
        assert diensten[dienst]["environment"]["SWV_S3_BUCKET"] == "swv-prive"
        assert not diensten[dienst].get("volumes")  # no node-local private files
    assert compose["services"]["worker"]["command"].startswith("celery -A swv worker")
    assert compose["services"]["beat"]["command"].startswith("celery -A swv beat")
    for dienst in ("web", "worker", "beat"):
        env = compose["services"][dienst]["environment"]
        assert env["DJANGO_DEBUG"] == "false" and env["SWV_DEMO_MODE"] == "false"


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("account_login"))
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_templates_contain_no_inline_scripts_or_styles():
    for pad in (ROOT / "templates").rglob("*.html"):
        tekst = pad.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", tekst), f"inline script in {pad}"
        assert " style=" not in tekst and "<style" not in tekst or pad.parts[-2] == "pdf", f"inline style in {pad}"
        assert "hx-on" not in tekst, f"hx-on needs eval: {pad}"


def test_private_files_live_outside_the_web_root():
    from django.core.files.storage import storages

    private = Path(storages["private"].location).resolve()
    for publiek in (Path(settings.STATIC_ROOT).resolve(), Path(settings.MEDIA_ROOT).resolve(), ROOT / "static"):
        assert publiek not in private.parents and private != publiek
    with pytest.raises(ValueError):
        storages["private"].url("taken/rapport.pdf")


def test_sessions_expire():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_AGE <= 8 * 3600


@pytest.mark.django_db
def test_every_admin_changelist_and_history_page_opens(client, personas):
    from django.contrib import admin

    superuser = personas.beheer
    superuser.is_superuser = True
    superuser.save()
    client.force_login(superuser)
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        assert client.get(reverse(f"admin:{info[0]}_{info[1]}_changelist")).status_code == 200, info
        obj = model._default_manager.first()
        if obj is not None and hasattr(model_admin, "history_view"):
            assert client.get(reverse(f"admin:{info[0]}_{info[1]}_history", args=[obj.pk])).status_code == 200, info


@pytest.mark.django_db
def test_the_portal_speaks_dutch_by_default_and_english_on_request(client, personas):
    client.force_login(personas.dirk)
    assert "Het hele samenwerkingsverband" in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "The whole partnership" in client.get(reverse("home")).content.decode()


def test_form_errors_are_summarised_and_linked_to_their_field():
    from django import forms
    from django.template.loader import render_to_string

    class Formulier(forms.Form):
        naam = forms.CharField(label="Naam", help_text="Zoals in de administratie")

    html = render_to_string("swv/forms/form.html", {"form": Formulier(data={"naam": ""})})
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_naam_helptext id_naam_error"' in html
    assert 'id="id_naam_error"' in html and 'href="#id_naam"' in html


def test_passwords_are_hashed_with_argon2id_and_old_pbkdf2_hashes_still_work():
    """A login costs one Argon2id check (about 0.25 s of CPU) instead of PBKDF2's 1,000,000 rounds."""
    from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher

    from swv import settings as instellingen

    assert instellingen.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in instellingen.PASSWORD_HASHERS
    argon2 = Argon2PasswordHasher()  # the tests themselves hash with MD5 (tests/conftest.py)
    versleuteld = argon2.encode("een lang wachtwoord", argon2.salt())
    assert versleuteld.startswith("argon2$argon2id$")
    assert argon2.verify("een lang wachtwoord", versleuteld)
    assert not argon2.verify("een ander wachtwoord", versleuteld)
    pbkdf2 = PBKDF2PasswordHasher()
    assert pbkdf2.verify("een lang wachtwoord", pbkdf2.encode("een lang wachtwoord", pbkdf2.salt()))
