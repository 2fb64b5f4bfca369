from .aanvraag import Aanvraag, Aanvullingsverzoek, Advies, Begrotingsregel, Besluit, Statusovergang
from .catalogus import Arrangementtype
from .evaluatie import Evaluatie, Evaluatiemoment
from .geld import Arrangementbudget, Realisatie, Verplichting

__all__ = [
    "Aanvraag",
    "Aanvullingsverzoek",
    "Advies",
    "Arrangementbudget",
    "Arrangementtype",
    "Begrotingsregel",
    "Besluit",
    "Evaluatie",
    "Evaluatiemoment",
    "Realisatie",
    "Statusovergang",
    "Verplichting",
]
