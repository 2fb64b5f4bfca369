"""Writes of the finance app (Styleguide services): keyword-only, atomic, validate -> write ->
history -> jobs on commit. Domain errors are ``FinancienFout`` with a Dutch message for the user."""

from __future__ import annotations

from swv.fouten import DomeinFout


class FinancienFout(DomeinFout):
    """A refused finance action; ``str(fout)`` is the message for the user."""
