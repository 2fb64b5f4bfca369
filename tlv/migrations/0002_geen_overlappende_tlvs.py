"""On PostgreSQL, refuse two issued TLVs of the same soort for one pupil whose periods overlap.

A TLV applies from ``ingangsdatum`` up to and including ``einddatum`` (open-ended for EMB), or until
the day before ``beeindigd_op`` when it ended early; a TLV ended before it started covers no days.
SQLite has no exclusion constraints: there the service ``tlv_afgeven`` checks the same rule (and it
does so on PostgreSQL too, for a Dutch message; this constraint is the guarantee under races).
"""

from django.db import migrations

CONSTRAINT = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE tlv_tlv ADD CONSTRAINT tlv_geen_overlap_per_leerling_en_soort EXCLUDE USING gist (
    leerling_id WITH =,
    soort WITH =,
    daterange(
        ingangsdatum,
        CASE WHEN einddatum IS NULL AND beeindigd_op IS NULL THEN NULL
             ELSE GREATEST(ingangsdatum, LEAST(einddatum + 1, beeindigd_op)) END,
        '[)'
    ) WITH &&
) WHERE (afgegeven_op IS NOT NULL);
"""
TERUG = "ALTER TABLE tlv_tlv DROP CONSTRAINT IF EXISTS tlv_geen_overlap_per_leerling_en_soort;"


def maak_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CONSTRAINT)


def verwijder_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG)


class Migration(migrations.Migration):
    dependencies = [("tlv", "0001_initial")]
    operations = [migrations.RunPython(maak_constraint, verwijder_constraint)]
