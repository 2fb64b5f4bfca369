"""``manage.py oso_import FILE --school VESTIGINGSCODE``: receive and import an OSO dossier in batch.

Calls the same service as the upload page (``leerlingen.oso.service``); as the ib-er of the school
(``--gebruiker`` when the school has more than one).
"""

from __future__ import annotations

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from leerlingen.oso.service import OsoImportFout, oso_bevestigen, oso_ontvangen
from swv.choices import Rol
from swv.models import Gebruiker, Lidmaatschap, School


class Command(BaseCommand):
    help = "Receive an OSO dossier (POSWV or POPO) for a school and import it."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="the OSO XML file")
        parser.add_argument("--school", required=True, help="vestigingscode of the receiving school, e.g. 04PN00")
        parser.add_argument("--gebruiker", help="e-mail of the ib-er who imports (when the school has several)")
        parser.add_argument("--alleen-controleren", action="store_true", help="check and show, import nothing")

    def handle(self, *args, **opts):
        school = School.objects.filter(vestigingscode=opts["school"].upper()).first()
        if school is None:
            raise CommandError(f"Geen school met vestigingscode {opts['school']}.")
        ib_ers = Lidmaatschap.objects.actief_op().filter(school=school, rol=Rol.IB_ER).values("gebruiker_id")
        gebruikers = Gebruiker.objects.filter(is_active=True, pk__in=ib_ers)
        if opts["gebruiker"]:
            gebruikers = gebruikers.filter(email__iexact=opts["gebruiker"])
        if gebruikers.count() != 1:
            raise CommandError("Kies de ib-er van de school met --gebruiker (e-mailadres).")
        door = gebruikers.get()
        try:
            with open(opts["bestand"], "rb") as f:
                ontvangst = oso_ontvangen(door=door, bestand=File(f, name=opts["bestand"]), school=school)
                if not opts["alleen_controleren"]:
                    ontvangst = oso_bevestigen(door=door, ontvangst=ontvangst)
        except OSError as fout:
            raise CommandError(str(fout)) from None
        except OsoImportFout as fout:
            raise CommandError(" ".join(str(b) for b in fout.berichten)) from None
        self.stdout.write(f"OSO-dossier {ontvangst.uuid}: {ontvangst.get_status_display()}")
