"""Load test of the portal (issue 18): several roles log in and walk their main pages with think time.

Run against a portal with the demo data (``make loadtest``, or by hand):

    .venv/bin/locust -f scripts/locustfile.py --host http://127.0.0.1:8000 --headless \\
        --users 200 --spawn-rate 10 --run-time 3m --csv var/loadtest

Every simulated person logs in once with a demo account (demo mode: no TOTP) and then, with 2-8 s
between clicks as a person would, opens the pages of their role. Failed logins and any response other
than 200 count as errors. ``LOADTEST_WACHTTIJD=0`` gives the closed-loop ceiling (no think time).
Numbers and the machine's load go into docs/benchmarks.md.
"""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, constant, task

WACHTWOORD = os.environ.get("LOADTEST_WACHTWOORD", "Demo-Portaal-2026!")
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_WACHT = between(2, 8) if os.environ.get("LOADTEST_WACHTTIJD", "") != "0" else constant(0)


class Portaalgebruiker(HttpUser):
    abstract = True
    wait_time = _WACHT
    email = ""
    paginas: list[str] = []

    def on_start(self) -> None:
        pagina = self.client.get("/accounts/login/", name="login (formulier)")
        gevonden = _CSRF.search(pagina.text)
        token = gevonden.group(1) if gevonden else ""
        with self.client.post(
            "/accounts/login/",
            {"login": self.email, "password": WACHTWOORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code != 200 or "/accounts/login/" in antwoord.url:
                antwoord.failure(f"inloggen mislukt voor {self.email}")

    #: Name searches, posted as the browser does (a term never goes into a URL: issue 13).
    zoektermen: list[str] = []

    @task(5)
    def pagina(self) -> None:
        self.client.get(random.choice(self.paginas) if self.paginas else "/")

    @task(1)
    def zoeken(self) -> None:
        if not self.zoektermen:
            return
        pagina = self.client.get("/leerlingen/", name="/leerlingen/ (zoekformulier)")
        gevonden = _CSRF.search(pagina.text)
        self.client.post(
            "/leerlingen/",
            {"zoek": random.choice(self.zoektermen), "csrfmiddlewaretoken": gevonden.group(1) if gevonden else ""},
            headers={"Referer": f"{self.host}/leerlingen/", "HX-Request": "true"},
            name="/leerlingen/ (zoeken)",
        )


class IbEr(Portaalgebruiker):
    weight = 5
    email = "ib@demo.swv.nl"
    paginas = ["/", "/leerlingen/", "/leerlingen/dossiers/", "/arrangementen/", "/tlv/"]
    zoektermen = ["jan", "de", "van"]


class Leerkracht(Portaalgebruiker):
    weight = 2
    email = "leerkracht@demo.swv.nl"
    paginas = ["/", "/leerlingen/"]


class Consulent(Portaalgebruiker):
    weight = 2
    email = "consulent@demo.swv.nl"
    paginas = ["/", "/leerlingen/", "/arrangementen/werkvoorraad/", "/leerlingen/dossiers/"]
    zoektermen = ["de", "bakker"]


class TlcLid(Portaalgebruiker):
    weight = 1
    email = "tlc@demo.swv.nl"
    paginas = ["/", "/tlv/werkvoorraad/", "/tlv/register/", "/tlv/"]


class Directeur(Portaalgebruiker):
    weight = 1
    email = "directeur@demo.swv.nl"
    paginas = ["/", "/leerlingen/", "/arrangementen/"]


class Db(Portaalgebruiker):
    weight = 1
    email = "db@demo.swv.nl"
    paginas = [
        "/",
        "/kwaliteit/dashboard/",
        "/kwaliteit/dashboard/?domein=tlv",
        "/kwaliteit/dashboard/?domein=arrangementen",
        "/kwaliteit/vergelijking/",
        "/financien/",
    ]
    zoektermen = ["jan"]


class Controller(Portaalgebruiker):
    weight = 1
    email = "controller@demo.swv.nl"
    paginas = ["/", "/financien/", "/financien/reserves/", "/kwaliteit/dashboard/?domein=financien"]


class Opr(Portaalgebruiker):
    weight = 1
    email = "opr@demo.swv.nl"
    paginas = ["/", "/publicaties/", "/kwaliteit/vergelijking/"]
