"""Domain errors of the pupil's case: shown to the user with their (Dutch) message, never retried."""


class DossierFout(Exception):
    """An action that the rules of the dossier, OPP or MDO do not allow (illegal state, bad input)."""

    def __init__(self, bericht) -> None:
        super().__init__(str(bericht))
        self.bericht = bericht


class GelijktijdigeWijziging(DossierFout):
    """Someone else saved the same item since this user opened it: no silent overwrite."""
