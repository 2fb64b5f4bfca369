"""``manage.py bewaartermijn [--dry-run] [--datum YYYY-MM-DD]``: run the retention job now.

A dry run lists the pupils whose data would go (by UUID and the date they left, never by name) and
the rows per kind, and changes nothing. The daily beat task does the real run."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand

from leerlingen.services.bewaartermijn import bewaartermijn_uitvoeren


class Command(BaseCommand):
    help = "Anonymise or destroy pupil data past the retention term (2 years after leaving)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would go; change nothing.")
        parser.add_argument("--datum", type=date.fromisoformat, default=None, help="Reference date (default today).")

    def handle(self, *args, dry_run: bool = False, datum: date | None = None, **options):
        uitkomst = bewaartermijn_uitvoeren(vandaag=datum, droog=dry_run)
        kop = "Droog: zou vervallen" if dry_run else "Vervallen"
        self.stdout.write(
            f"{kop}: {len(uitkomst.leerlingen)} leerling(en) vertrokken op of voor {uitkomst.grens:%d-%m-%Y}"
        )
        for leerling_uuid, vertrokken in uitkomst.leerlingen:
            self.stdout.write(f"  {leerling_uuid}  vertrokken {vertrokken:%d-%m-%Y}")
        for soort, aantal in sorted(uitkomst.aantallen.items()):
            self.stdout.write(f"  {soort}: {aantal}")
        if uitkomst.rapport is not None:
            self.stdout.write(f"Rapport {uitkomst.rapport.pk} vastgelegd.")
