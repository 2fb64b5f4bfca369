"""Database helpers shared by the apps' migrations."""

from __future__ import annotations

from django.db import migrations


def alleen_postgresql(sql: str, reverse_sql: str) -> migrations.RunPython:
    """A migration operation that runs ``sql`` on PostgreSQL only (triggers, pg_trgm indexes,
    exclusion constraints); SQLite, the embedded default for trying the portal, does without."""

    def vooruit(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    def terug(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(reverse_sql)

    return migrations.RunPython(vooruit, terug)
