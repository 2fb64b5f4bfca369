from .gebruikers import Gebruiker, Lidmaatschap
from .historie import Statusovergang
from .meldingen import Melding
from .organisatie import Bestuur, Gemeente, Kring, Leerlingtelling, Samenwerkingsverband, School
from .protocol import Toegangslog
from .taken import Taak, WorkerHartslag

__all__ = [
    "Bestuur",
    "Gebruiker",
    "Gemeente",
    "Kring",
    "Leerlingtelling",
    "Lidmaatschap",
    "Melding",
    "Samenwerkingsverband",
    "School",
    "Statusovergang",
    "Taak",
    "Toegangslog",
    "WorkerHartslag",
]
