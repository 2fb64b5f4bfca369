"""Domain errors of the arrangements app: shown to the user with their (Dutch) message, never retried."""


class AanvraagFout(Exception):
    """An action the rules of the arrangement process do not allow (illegal state, bad input, no right)."""

    def __init__(self, bericht) -> None:
        super().__init__(str(bericht))
        self.bericht = bericht


class GelijktijdigeWijziging(AanvraagFout):
    """Someone else changed the request since this user opened it: no silent overwrite."""
