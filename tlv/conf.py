"""Settings of the TLV app with the defaults of the seeds (PROCESSES.md sections 3 and 4).

Each is read when used (not at import), so a deployment overrides it in its settings and tests change
it with the ``settings`` fixture. Every deadline of the app is a date computed from these values
(``tlv.termijnen``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from swv.choices import Rol

_BESLISSERS = {"tlc": Rol.TLC_LID, "db": Rol.DB}


def _beslisser(naam: str, default: str) -> str:
    waarde = str(getattr(settings, naam, default)).lower()
    if waarde not in _BESLISSERS:
        raise ImproperlyConfigured(f"{naam} must be 'tlc' or 'db', not {waarde!r}.")
    return _BESLISSERS[waarde]


def besluit_rol() -> str:
    """Who decides on a TLV request: the TLC (seed 002, Leiden) or the DB (seed 004, Haaglanden)."""
    return _beslisser("TLV_BESLISSER", "tlc")


def bezwaar_besluit_rol() -> str:
    """Who decides on an objection (namens het bestuur; seed 004: the director after the LBT's advice)."""
    return _beslisser("TLV_BEZWAAR_BESLISSER", "db")


def beslistermijn_weken() -> int:
    """Decision term from the complete submission (Awb 4:13; PROCESSES.md: 8 weeks)."""
    return int(getattr(settings, "TLV_BESLISTERMIJN_WEKEN", 8))


def bezwaartermijn_weken() -> int:
    """Objection term from the day after the decision was sent (Awb 6:7/6:8: 6 weeks)."""
    return int(getattr(settings, "TLV_BEZWAARTERMIJN_WEKEN", 6))


def bezwaar_beslistermijn_weken() -> int:
    """Term to decide on an objection with an advisory committee (Awb 7:10: 12 weeks)."""
    return int(getattr(settings, "TLV_BEZWAAR_BESLISTERMIJN_WEKEN", 12))


def bezwaar_verdaging_weken() -> int:
    """The one extension of the objection decision term (Awb 7:10 lid 3: 6 weeks)."""
    return int(getattr(settings, "TLV_BEZWAAR_VERDAGING_WEKEN", 6))


def beroepstermijn_weken() -> int:
    """Term for beroep at the court after the decision on the objection (Awb 6:7: 6 weeks)."""
    return int(getattr(settings, "TLV_BEROEPSTERMIJN_WEKEN", 6))


def herinnering_maanden() -> int:
    """How long before the end date school and consulent are reminded to evaluate (default 4 months)."""
    return int(getattr(settings, "TLV_HERINNERING_MAANDEN", 4))


def terugkeer_interval_maanden() -> int:
    """The return review (terugkeer) of an active TLV is due at least this often (seed 003: yearly)."""
    return int(getattr(settings, "TLV_TERUGKEER_INTERVAL_MAANDEN", 12))


def maximale_duur_maanden() -> int:
    """Longest duration a request may propose (the end date of a decision is checked against it too)."""
    return int(getattr(settings, "TLV_MAXIMALE_DUUR_MAANDEN", 96))


def swv_postadres() -> str:
    """Where objections are sent: the SWV's postal address, printed in every decision letter."""
    return str(
        getattr(
            settings,
            "SWV_POSTADRES",
            "Samenwerkingsverband passend onderwijs\nt.a.v. de directeur-bestuurder\nPostbus 1000\n2300 BA Leiden",
        )
    )


def bezwaarcommissie() -> str:
    """Who advises on objections (seed 004: the national LBT), named in the decision letter."""
    return str(getattr(settings, "TLV_BEZWAARCOMMISSIE", "Landelijke Bezwaaradviescommissie TLV (LBT)"))


def rechtbank() -> str:
    """The court for beroep, named in the letter on an objection."""
    return str(getattr(settings, "TLV_RECHTBANK", "de rechtbank Den Haag, sector bestuursrecht"))
