"""The one way to assert that the database refuses a row: ``schendt("<constraint name>")`` expects an
``IntegrityError`` of exactly that constraint (not just any constraint, which would hide a test that
trips over a NOT NULL before it reaches the rule it is about).

    with schendt("tlv_einde_na_ingang"):
        TLV.objects.filter(pk=tlv.pk).update(einddatum=tlv.ingangsdatum)

PostgreSQL names the constraint in its message; SQLite names a CHECK constraint but reports a unique
one by its columns, so there the pattern is built from the model's ``UniqueConstraint``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction


def _patroon(naam: str) -> str:
    if connection.vendor == "postgresql":
        return f'"{re.escape(naam)}"'
    for model in apps.get_models():
        for beperking in model._meta.constraints:
            if beperking.name == naam and isinstance(beperking, models.UniqueConstraint) and beperking.fields:
                tabel = model._meta.db_table
                kolommen = [model._meta.get_field(veld).column for veld in beperking.fields]
                return "UNIQUE constraint failed: " + re.escape(", ".join(f"{tabel}.{k}" for k in kolommen))
        for veld in model._meta.local_fields:  # unique=True: PostgreSQL names it <table>_<column>_key
            if veld.unique and naam == f"{model._meta.db_table}_{veld.column}_key":
                return "UNIQUE constraint failed: " + re.escape(f"{model._meta.db_table}.{veld.column}")
    return re.escape(naam)


@contextmanager
def schendt(naam: str) -> Iterator[pytest.ExceptionInfo[IntegrityError]]:
    """The block is refused by the database constraint ``naam`` (in a savepoint, so the test goes on)."""
    with pytest.raises(IntegrityError, match=_patroon(naam)) as fout, transaction.atomic():
        yield fout
