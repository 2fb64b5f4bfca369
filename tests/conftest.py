"""Shared fixtures: personas (healthchecks' alice/bob/charlie), the CI database guard, a real worker."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from swv.choices import Rol
from tests.factories import (
    BestuurFactory,
    KringFactory,
    SamenwerkingsverbandFactory,
    SchoolFactory,
    gebruiker_met_rol,
    tweefactor_activeren,
)

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    # Hashing is not under test here; PBKDF2 would make every persona cost a third of a second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # CI must prove the portal on PostgreSQL and Redis; refuse to pass on the embedded defaults there.
    if os.environ.get("CI") and not os.environ.get("SWV_TOESTAAN_ZONDER_POSTGRES"):
        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            pytest.exit(f"CI runs the tests on PostgreSQL; DATABASE_URL points at {engine}.", returncode=3)
        if not settings.CELERY_BROKER_URL.startswith("redis://"):
            pytest.exit("CI runs the tests with Redis as broker; set CELERY_BROKER_URL.", returncode=3)


@pytest.fixture(autouse=True)
def _lege_cache():
    """Login throttling and TOTP replay protection live in the cache: no test may inherit them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def personas(db):
    """Two schools of two boards in one kring, and one user per role.

    alice: ib-er school A · bob: ib-er school B · charlie: consulent of school A · dirk: DB ·
    lotte: leerkracht A · dora: directeur A · bea: beleidsmedewerker · carla: controller ·
    bert: bestuurder of board A · olga: OPR · tim: TLC · anna: AC · beheer: beheerder.
    """
    swv = SamenwerkingsverbandFactory()
    kring = KringFactory(swv=swv, naam="Kring Leiden")
    school_a = SchoolFactory(swv=swv, kring=kring, bestuur=BestuurFactory(naam="Stichting Noord"), naam="Basisschool A")
    school_b = SchoolFactory(swv=swv, kring=kring, bestuur=BestuurFactory(naam="Stichting Zuid"), naam="Basisschool B")

    class P:
        pass

    p = P()
    p.swv, p.kring, p.school_a, p.school_b = swv, kring, school_a, school_b
    p.alice = gebruiker_met_rol(Rol.IB_ER, school=school_a, email="alice@example.nl", voornaam="Alice")
    p.bob = gebruiker_met_rol(Rol.IB_ER, school=school_b, email="bob@example.nl", voornaam="Bob")
    p.charlie = gebruiker_met_rol(Rol.CONSULENT, school=school_a, email="charlie@example.nl", voornaam="Charlie")
    p.dirk = gebruiker_met_rol(Rol.DB, email="dirk@example.nl", voornaam="Dirk")
    p.lotte = gebruiker_met_rol(Rol.LEERKRACHT, school=school_a, email="lotte@example.nl", voornaam="Lotte")
    p.dora = gebruiker_met_rol(Rol.DIRECTEUR, school=school_a, email="dora@example.nl", voornaam="Dora")
    p.bea = gebruiker_met_rol(Rol.BELEIDSMEDEWERKER, email="bea@example.nl", voornaam="Bea")
    p.carla = gebruiker_met_rol(Rol.CONTROLLER, email="carla@example.nl", voornaam="Carla")
    p.bert = gebruiker_met_rol(Rol.BESTUURDER, bestuur=school_a.bestuur, email="bert@example.nl", voornaam="Bert")
    p.olga = gebruiker_met_rol(Rol.OPR_LID, email="olga@example.nl", voornaam="Olga")
    p.tim = gebruiker_met_rol(Rol.TLC_LID, email="tim@example.nl", voornaam="Tim")
    p.anna = gebruiker_met_rol(Rol.AC_LID, email="anna@example.nl", voornaam="Anna")
    p.beheer = gebruiker_met_rol(Rol.BEHEERDER, email="beheer@example.nl", voornaam="Beheer", is_staff=True)
    # Like real accounts, every persona has set up two-factor authentication.
    for naam in (
        "alice",
        "bob",
        "charlie",
        "dirk",
        "lotte",
        "dora",
        "bea",
        "carla",
        "bert",
        "olga",
        "tim",
        "anna",
        "beheer",
    ):
        user = getattr(p, naam)
        user.totp_secret = tweefactor_activeren(user)
    return p


def _database_url() -> str:
    from django.db import connection

    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def celery_worker(transactional_db, settings):
    """A real Celery worker process on the configured broker (Redis in CI), on the test database.

    The worker consumes a queue of its own, so concurrent test runs never take each other's
    messages. Tests using it run with committed transactions (``transactional_db``).
    """
    from swv.celery import app

    queue = f"test-{uuid.uuid4().hex[:10]}"
    oude_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    proc = werker_starten(queue)
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()
    app.conf.task_default_queue = oude_queue


def werker_starten(queue: str, *, env: dict[str, str] | None = None, include: str = "") -> subprocess.Popen:
    """Start a real worker process on ``queue`` (log in ``var/worker-<queue>.log``, appended to, so
    that a restarted worker on the same queue keeps one log) and wait until it is ready. ``env``
    adds environment variables; ``include`` names extra modules to import (test job kinds)."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "swv.settings",
        **(env or {}),
    }
    pad = ROOT / "var" / f"worker-{queue}.log"
    begin = pad.stat().st_size if pad.exists() else 0
    with open(pad, "a") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "swv",
                "worker",
                "--pool=solo",
                "--concurrency=1",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-Q",
                queue,
                "--loglevel=INFO",
                *(["--include", include] if include else []),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if "ready" in pad.read_text()[begin:]:
            break
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    else:  # pragma: no cover
        proc.kill()
        raise RuntimeError("The Celery worker did not start in 30 s")
    if proc.poll() is not None:
        raise RuntimeError("The Celery worker exited:\n" + pad.read_text())
    return proc


def wacht_op(voorwaarde, *, seconden: float = 30, interval: float = 0.2):
    """Poll until ``voorwaarde()`` is truthy (for work done by the worker); fail after ``seconden``."""
    deadline = time.monotonic() + seconden
    while time.monotonic() < deadline:
        waarde = voorwaarde()
        if waarde:
            return waarde
        time.sleep(interval)
    raise AssertionError(f"Condition not met within {seconden} s")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database may empty the access log: Django's flush after a transactional test uses
    TRUNCATE, which the trigger of swv migration 0005 refuses unless ``swv.toegangslog_legen`` is
    on. Set for this database only (new sessions, the worker's too); production never sets it."""
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                naam = connection.ops.quote_name(connection.settings_dict["NAME"])
                cursor.execute(f"ALTER DATABASE {naam} SET swv.toegangslog_legen = 'aan'")
            connection.close()
