"""Trigram indexes for searching pupils by part of their name (PostgreSQL only).

``icontains`` compiles to ``UPPER(col) LIKE UPPER('%..%')``; a pg_trgm GIN index on ``UPPER(col)``
turns the sequential scan of every pupil into an index lookup (docs/benchmarks.md). SQLite, the
embedded default for trying the portal, does without.
"""

from django.db import migrations

INDEXEN = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS leerling_voornaam_trgm ON leerlingen_leerling USING gin (UPPER(voornaam) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS leerling_achternaam_trgm ON leerlingen_leerling USING gin (UPPER(achternaam) gin_trgm_ops);
"""
TERUG = """
DROP INDEX IF EXISTS leerling_voornaam_trgm;
DROP INDEX IF EXISTS leerling_achternaam_trgm;
"""


def maak(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEXEN)


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG)


class Migration(migrations.Migration):
    dependencies = [("leerlingen", "0002_initial")]
    operations = [migrations.RunPython(maak, verwijder)]
