from .basis import Inschrijving, Leerling

__all__ = ["Inschrijving", "Leerling"]
from .meldingen import Melding  # noqa: E402
from .risicolijst import Risicolijstregel, Risicolijstronde, Risicosignalering  # noqa: E402
from .thuiszitters import Ketenpartner, Ladderstap, Ladderstapwijziging, Thuiszittercasus, ThuiszitterStatuswijziging  # noqa: E402
from .zorgplicht import Zorgplichtcasus, ZorgplichtHerinnering, ZorgplichtStatuswijziging  # noqa: E402

__all__ += [
    "Ketenpartner", "Ladderstap", "Ladderstapwijziging", "Thuiszittercasus", "ThuiszitterStatuswijziging",
    "Zorgplichtcasus", "ZorgplichtHerinnering", "ZorgplichtStatuswijziging", "Melding",
    "Risicolijstregel", "Risicolijstronde", "Risicosignalering",
]
