"""Domain errors of the pupil's case: shown to the user with their (Dutch) message, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging, OngeldigeOvergang

__all__ = ["DossierFout", "GelijktijdigeWijziging", "DossierOngeldigeOvergang"]


class DossierFout(DomeinFout):
    """An action that the rules of the dossier, OPP or MDO do not allow (illegal state, bad input)."""


class DossierOngeldigeOvergang(DossierFout, OngeldigeOvergang):
    """A step from a status of a dossier that does not allow it (raised by ``swv.overgangen``)."""
