"""Domain errors of the quality app: shown to the user as they are, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging

__all__ = ["KwaliteitFout", "GelijktijdigeWijziging"]


class KwaliteitFout(DomeinFout):
    """A refused action (illegal state, invalid input); the message is for the user."""
