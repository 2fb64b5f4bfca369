"""``manage.py landelijke_cijfers_importeren``: national pupil totals per count date from DUO's file."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kwaliteit.services.fouten import KwaliteitFout
from kwaliteit.services.landelijk import landelijke_cijfers_importeren, swv_cijfers_importeren


class Command(BaseCommand):
    help = (
        "Compute the national pupil totals (BO, SBO, SO) per count date from DUO's historical file, and the "
        "totals of every PO SWV for the national comparison (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--map", dest="map_", default=str(settings.DUO_DATA_DIR), help="folder with the DUO files")

    def handle(self, *args, map_, **options):
        try:
            with transaction.atomic():  # both or neither
                verslag = landelijke_cijfers_importeren(map_=Path(map_))
                aantal = swv_cijfers_importeren(map_=Path(map_))
        except KwaliteitFout as fout:
            raise CommandError(f"Import afgebroken, er is niets ingelezen. {fout}") from None
        for regel in verslag.regels():
            self.stdout.write(regel)
        self.stdout.write(f"Cijfers per samenwerkingsverband: {aantal} rijen (SWV en teldatum).")
