"""Domain errors of the TLV app: shown to the user with their (Dutch) message, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging, OngeldigeOvergang

__all__ = ["TLVFout", "GelijktijdigeWijziging", "TLVOngeldigeOvergang"]


class TLVFout(DomeinFout):
    """An action the rules of the TLV procedure do not allow (illegal state, missing data, no right)."""


class TLVOngeldigeOvergang(TLVFout, OngeldigeOvergang):
    """A step from a status of a TLV or objection that does not allow it (raised by ``swv.overgangen``)."""
