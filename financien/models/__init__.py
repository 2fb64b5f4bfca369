"""Models of the finance app: parameters per year, budget, actuals and the T-rapportage."""

from financien.models.begroting import Begroting, Begrotingsbedrag, Begrotingspost, Beleidsthema
from financien.models.innovatie import Innovatieaanvraag, InnovatieStatusovergang, Innovatietoekenning
from financien.models.parameters import Arrangementenbudget, Jaarparameters
from financien.models.rapportage import TRapportage, TRapportageRegel
from financien.models.realisatie import RealisatieImport, Realisatieregel, Rekeningkoppeling

__all__ = [
    "Arrangementenbudget",
    "Begroting",
    "Begrotingsbedrag",
    "Begrotingspost",
    "Beleidsthema",
    "InnovatieStatusovergang",
    "Innovatieaanvraag",
    "Innovatietoekenning",
    "Jaarparameters",
    "RealisatieImport",
    "Realisatieregel",
    "Rekeningkoppeling",
    "TRapportage",
    "TRapportageRegel",
]
