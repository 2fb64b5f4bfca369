"""Domain errors of the arrangements app: shown to the user with their (Dutch) message, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging, OngeldigeOvergang

__all__ = ["AanvraagFout", "GelijktijdigeWijziging", "AanvraagOngeldigeOvergang"]


class AanvraagFout(DomeinFout):
    """An action the rules of the arrangement process do not allow (illegal state, bad input, no right)."""


class AanvraagOngeldigeOvergang(AanvraagFout, OngeldigeOvergang):
    """A step from a status of an arrangement request that does not allow it (raised by ``swv.overgangen``)."""
