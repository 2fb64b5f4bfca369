from .historie import Statuswijziging
from .jaarplan import Actie, Ambitie, Doel, DoelEvaluatie, Evaluatiemoment, Inspectiestandaard, Jaarplan, OspThema
from .kalender import KalenderItem, KalenderMoment
from .klachten import Klacht, KlachtStatusovergang
from .landelijk import LandelijkCijfer, SwvCijfer
from .publicaties import OprBesluit, Publicatie
from .verslagen import Rapport, RapportVersie

__all__ = [
    "Actie",
    "Ambitie",
    "Doel",
    "DoelEvaluatie",
    "Evaluatiemoment",
    "Inspectiestandaard",
    "Jaarplan",
    "KalenderItem",
    "KalenderMoment",
    "Klacht",
    "KlachtStatusovergang",
    "LandelijkCijfer",
    "OprBesluit",
    "OspThema",
    "Publicatie",
    "Rapport",
    "RapportVersie",
    "Statuswijziging",
    "SwvCijfer",
]
