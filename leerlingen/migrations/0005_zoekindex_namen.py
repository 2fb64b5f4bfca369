"""Trigram indexes for searching pupils by part of their name (PostgreSQL only).

``icontains`` compiles to ``UPPER(col) LIKE UPPER('%..%')``; a pg_trgm GIN index on ``UPPER(col)``
turns the sequential scan of every pupil into an index lookup (docs/benchmarks.md). SQLite, the
embedded default for trying the portal, does without.
"""

from django.db import migrations

from swv.db import alleen_postgresql

INDEXEN = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS leerling_voornaam_trgm ON leerlingen_leerling USING gin (UPPER(voornaam) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS leerling_achternaam_trgm ON leerlingen_leerling USING gin (UPPER(achternaam) gin_trgm_ops);
"""
TERUG = """
DROP INDEX IF EXISTS leerling_voornaam_trgm;
DROP INDEX IF EXISTS leerling_achternaam_trgm;
"""



class Migration(migrations.Migration):
    dependencies = [("leerlingen", "0004_mdodeelnemer_uitgenodigd_op")]
    operations = [alleen_postgresql(INDEXEN, TERUG)]
