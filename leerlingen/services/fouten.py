"""Domain errors of the pupil's case: shown to the user with their (Dutch) message, never retried."""

from swv.fouten import DomeinFout, GelijktijdigeWijziging

__all__ = ["DossierFout", "GelijktijdigeWijziging"]


class DossierFout(DomeinFout):
    """An action that the rules of the dossier, OPP or MDO do not allow (illegal state, bad input)."""
