"""``manage.py duo_import PO2801``: import or update the SWV's schools from DUO open data."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from swv.duo import DuoImportFout, duo_importeren


class Command(BaseCommand):
    help = "Import schools, boards, municipalities and pupil counts of one SWV from DUO open data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("swv_code", nargs="?", default=settings.SWV_CODE, help="e.g. PO2801")
        parser.add_argument("--map", dest="map_", default=str(settings.DUO_DATA_DIR), help="folder with the DUO files")
        parser.add_argument("--naam", default=None, help="name of the SWV (on first import)")

    def handle(self, *args, swv_code, map_, naam, **options):
        try:
            rapport = duo_importeren(
                map_=Path(map_), swv_code=swv_code.upper().replace(" ", "").replace("-", ""), swv_naam=naam
            )
        except DuoImportFout as fout:
            raise CommandError(f"Import afgebroken, er is niets ingelezen. {fout}") from None
        for regel in rapport.regels():
            self.stdout.write(regel)
