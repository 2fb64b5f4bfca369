"""Measure the server time of a login per demo role (docs/benchmarks.md, "Login").

Run against a database with the demo SWV (``make run`` builds it):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/swv .venv/bin/python scripts/login_meten.py
Prints wall and CPU seconds of ``POST /accounts/login/`` and of the home page after it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "swv.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from swv.demo import DEMO_WACHTWOORD  # noqa: E402

ROLLEN = ["ib", "consulent", "db", "controller", "bestuurder", "opr"]


def _meet(functie, *args, **kwargs):
    wand, cpu = time.perf_counter(), time.process_time()
    resultaat = functie(*args, **kwargs)
    return resultaat, time.perf_counter() - wand, time.process_time() - cpu


def main() -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    for rol in ROLLEN:
        client = Client()
        client.get("/accounts/login/")
        gegevens = {"login": f"{rol}@demo.swv.nl", "password": DEMO_WACHTWOORD}
        antwoord, wand, cpu = _meet(client.post, "/accounts/login/", gegevens)
        _, h_wand, h_cpu = _meet(client.get, antwoord["Location"])
        print(f"{rol:<12} login {wand:.2f} s (CPU {cpu:.2f} s)  home {h_wand:.2f} s (CPU {h_cpu:.2f} s)")


if __name__ == "__main__":
    main()
