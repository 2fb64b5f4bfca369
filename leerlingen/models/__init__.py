from .basis import Inschrijving, Leerling
from .document import Document
from .dossier import Dossier, DossierSectie, DossierStatusovergang, Interventie, Signaal
from .importeren import Leerlingimport
from .mdo import MDO, Afspraak, MDOAdvies, MDODeelnemer, MDOUitkomst, StemVanHetKind
from .opp import OPP, OPPInstemming, OPPVersie
from .overstap import Overstap

__all__ = [
    "Inschrijving",
    "Leerling",
    # issue 3: dossier, OPP, MDO, documents, transfers, imports
    "Afspraak",
    "Document",
    "Dossier",
    "DossierSectie",
    "DossierStatusovergang",
    "Interventie",
    "Leerlingimport",
    "MDO",
    "MDOAdvies",
    "MDODeelnemer",
    "MDOUitkomst",
    "OPP",
    "OPPInstemming",
    "OPPVersie",
    "Overstap",
    "Signaal",
    "StemVanHetKind",
]
from .risicolijst import Risicolijstregel, Risicolijstronde, Risicosignalering  # noqa: E402
from .thuiszitters import Ketenpartner, Ladderstap, Ladderstapwijziging, Thuiszittercasus, ThuiszitterStatuswijziging  # noqa: E402
from .zorgplicht import Zorgplichtcasus, ZorgplichtHerinnering, ZorgplichtStatuswijziging  # noqa: E402

__all__ += [
    "Ketenpartner",
    "Ladderstap",
    "Ladderstapwijziging",
    "Thuiszittercasus",
    "ThuiszitterStatuswijziging",
    "Zorgplichtcasus",
    "ZorgplichtHerinnering",
    "ZorgplichtStatuswijziging",
    "Risicolijstregel",
    "Risicolijstronde",
    "Risicosignalering",
]
from .oso import OsoOntvangst, OsoVerzorger  # noqa: E402

__all__ += ["OsoOntvangst", "OsoVerzorger"]

# issue 13: the register of privacy requests
from .privacy import Bewaartermijnrapport, Privacyverzoek, PrivacyverzoekStatusovergang  # noqa: E402

__all__ += ["Bewaartermijnrapport", "Privacyverzoek", "PrivacyverzoekStatusovergang"]
from .ouders import Logboekbericht, OuderBrief, OuderKoppeling  # noqa: E402

__all__ += ["Logboekbericht", "OuderBrief", "OuderKoppeling"]
