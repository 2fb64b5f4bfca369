"""``manage.py demo_swv``: build the demo SWV (real DUO schools, demo users, fictitious pupils).

``--schaal groot`` builds the largest SWV of the country instead (Amsterdam-Diemen, PO 27-07) for
benchmarks. Running it again is safe: existing schools, users and pupils are kept.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from swv.demo import DEMO_ACCOUNTS, DEMO_EXTERNE_ACCOUNTS, DEMO_WACHTWOORD, bouw_demo


class Command(BaseCommand):
    help = "Build the demo SWV with real DUO schools, demo accounts for every role and fictitious pupils."

    def add_arguments(self, parser):
        parser.add_argument("--schaal", choices=["normaal", "groot"], default="normaal")
        parser.add_argument("--swv", default=None, help="SWV code (default: SWV_CODE, or PO2707 for --schaal groot)")
        parser.add_argument("--fractie", type=float, default=1.0, help="share of the real pupil counts to generate")

    def handle(self, *args, schaal, swv, fractie, **options):
        code = swv or ("PO2707" if schaal == "groot" else settings.SWV_CODE)
        call_command("duo_import", code, stdout=self.stdout)
        bouw_demo(swv_code=code, fractie=fractie, log=self.stdout.write)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_WACHTWOORD}):"))
        for email, _voornaam, _achternaam, rol, _scope in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:28} {rol.label}")
        for email, omschrijving in DEMO_EXTERNE_ACCOUNTS:
            self.stdout.write(f"  {email:28} {omschrijving}")
