"""Domain errors of the quality app: shown to the user as they are, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging, OngeldigeOvergang

__all__ = ["KwaliteitFout", "GelijktijdigeWijziging", "KwaliteitOngeldigeOvergang"]


class KwaliteitFout(DomeinFout):
    """A refused action (illegal state, invalid input); the message is for the user."""


class KwaliteitOngeldigeOvergang(KwaliteitFout, OngeldigeOvergang):
    """A step from a status of an annual plan, report version or publication that does not allow it (raised by ``swv.overgangen``)."""
