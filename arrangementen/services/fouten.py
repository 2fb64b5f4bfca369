"""Domain errors of the arrangements app: shown to the user with their (Dutch) message, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging

__all__ = ["AanvraagFout", "GelijktijdigeWijziging"]


class AanvraagFout(DomeinFout):
    """An action the rules of the arrangement process do not allow (illegal state, bad input, no right)."""
