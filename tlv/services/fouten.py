"""Domain errors of the TLV app: shown to the user with their (Dutch) message, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging

__all__ = ["TLVFout", "GelijktijdigeWijziging"]


class TLVFout(DomeinFout):
    """An action the rules of the TLV procedure do not allow (illegal state, missing data, no right)."""
