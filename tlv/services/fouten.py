"""Domain errors of the TLV app: shown to the user with their (Dutch) message, never retried."""


class TLVFout(Exception):
    """An action the rules of the TLV procedure do not allow (illegal state, missing data, no right)."""

    def __init__(self, bericht) -> None:
        super().__init__(str(bericht))
        self.bericht = bericht


class GelijktijdigeWijziging(TLVFout):
    """Someone else changed the same TLV since this user opened it: no silent overwrite."""
