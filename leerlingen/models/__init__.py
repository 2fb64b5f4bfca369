from .basis import Inschrijving, Leerling

__all__ = ["Inschrijving", "Leerling"]
