"""Key figures (kengetallen): the registry and its selectors. See ``register`` and docs/kwaliteit.md.

Importing this package registers the key figures of every source app. A source app's key figures are registered from a module
here (``kwaliteit/kengetallen/<bron>.py``, added to ``BRONNEN``) that reads that app's selectors,
so that dependencies keep pointing towards kwaliteit.
"""

from importlib import import_module

from kwaliteit.kengetallen.filters import Filters, scholen_in_scope
from kwaliteit.kengetallen.register import (
    Grafiek,
    Kengetal,
    Kerncijfer,
    Kolom,
    Reeks,
    Tabel,
    Uitkomst,
    alle_kengetallen,
    get_kengetal,
    indicator_keuzes,
    indicator_waarde,
    kengetal,
    registreer_kengetal,
)

#: Modules that register key figures, in order.
BRONNEN = ["leerlingen", "thuiszitters", "mdo", "arrangementen", "financien", "tlv", "klachten", "innovatie"]

for _bron in BRONNEN:
    import_module(f"kwaliteit.kengetallen.{_bron}")

__all__ = [
    "Filters",
    "Grafiek",
    "Kengetal",
    "Kerncijfer",
    "Kolom",
    "Reeks",
    "Tabel",
    "Uitkomst",
    "alle_kengetallen",
    "get_kengetal",
    "indicator_keuzes",
    "indicator_waarde",
    "kengetal",
    "registreer_kengetal",
    "scholen_in_scope",
]
