"""Writes of the finance app (Styleguide services): keyword-only, atomic, validate -> write ->
history -> jobs on commit. Domain errors are ``FinancienFout`` with a Dutch message for the user."""

from __future__ import annotations

from swv.fouten import DomeinFout


class FinancienFout(DomeinFout):
    """A refused finance action; ``str(fout)`` is the message for the user."""


def met_historie(obj, *, door, reden: str = ""):
    """Attach who and why to the history row the next ``save()`` writes (django-simple-history)."""
    obj._history_user = door
    if reden:
        obj._change_reason = reden[:100]
    return obj
