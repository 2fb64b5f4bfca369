"""Settings of the quality and reporting app, each with a default (override in settings)."""

from django.conf import settings

from swv.choices import Rol


def kleine_aantallen_drempel() -> int:
    """Counts from 1 up to (not including) this threshold are shown as "< N" in published output."""
    return int(getattr(settings, "SWV_KLEINE_AANTALLEN_DREMPEL", 5))


def evaluatiemaanden() -> tuple[int, ...]:
    """Default evaluation moments of a new jaarplan: June and October (seed 003)."""
    return tuple(getattr(settings, "KWALITEIT_EVALUATIEMAANDEN", (6, 10)))


def basis_url() -> str:
    """The portal's address for links in e-mails (``SWV_BASIS_URL``)."""
    return str(getattr(settings, "SWV_BASIS_URL", "http://localhost:8000")).rstrip("/")


def trendjaren() -> int:
    """How many count dates the dashboard's trend tables show (the selected one and earlier)."""
    return int(getattr(settings, "KWALITEIT_TRENDJAREN", 10))


#: Roles that see the whole SWV's key figures, plans and reports (REPORTING.md).
SWV_BREED = frozenset({Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER})
#: The dashboard: SWV-wide roles, and the bestuurder limited to the board's schools.
DASHBOARD_ROLLEN = SWV_BREED | {Rol.BESTUURDER}
#: Jaarplan: the beleidsmedewerker edits, the DB adopts; these read.
JAARPLAN_LEZEN = SWV_BREED
JAARPLAN_BEWERKEN = frozenset({Rol.BELEIDSMEDEWERKER})
JAARPLAN_VASTSTELLEN = frozenset({Rol.DB})
#: Accountability calendar.
KALENDER_LEZEN = SWV_BREED | {Rol.TLC_LID, Rol.AC_LID}
KALENDER_BEWERKEN = frozenset({Rol.DB, Rol.BELEIDSMEDEWERKER})
#: Publishing and withdrawing publications.
PUBLICEREN = frozenset({Rol.DB})

_VERSLAG_LEZEN = {
    "jaarverslag": SWV_BREED,
    "tlc_jaarverslag": SWV_BREED | {Rol.TLC_LID},
    "ac_jaarverslag": SWV_BREED | {Rol.AC_LID},
    "jaarplan": SWV_BREED,
}
_VERSLAG_GENEREREN = {
    "jaarverslag": frozenset({Rol.DB, Rol.BELEIDSMEDEWERKER}),
    "tlc_jaarverslag": frozenset({Rol.DB, Rol.TLC_LID}),
    "ac_jaarverslag": frozenset({Rol.DB, Rol.AC_LID}),
    "jaarplan": frozenset({Rol.DB, Rol.BELEIDSMEDEWERKER}),
}


def verslag_rollen(soort: str, actie: str) -> frozenset[str]:
    """Roles that may ``lezen`` (read), ``genereren`` (generate) or ``vaststellen`` (adopt) a report kind."""
    if actie == "vaststellen":
        return frozenset({Rol.DB})
    tabel = _VERSLAG_LEZEN if actie == "lezen" else _VERSLAG_GENEREREN if actie == "genereren" else {}
    return frozenset(tabel.get(soort, frozenset()))


#: The national comparison of all SWVs (public DUO aggregates): SWV-wide roles and the OPR.
VERGELIJKING_LEZEN = SWV_BREED | {Rol.OPR_LID}
#: Complaints (seed 002): the directeur (DB) handles them, the beleidsmedewerker may register and
#: assist; these see the complaints themselves. The OPR and the SWV-wide roles see counts only.
KLACHT_BEHANDELAARS = frozenset({Rol.DB, Rol.BELEIDSMEDEWERKER})
KLACHT_TELLERS = SWV_BREED | {Rol.OPR_LID}


def klacht_bevestigen_dagen() -> int:
    """Days after receipt within which the complaint is acknowledged (``KWALITEIT_KLACHT_BEVESTIGEN_DAGEN``)."""
    return int(getattr(settings, "KWALITEIT_KLACHT_BEVESTIGEN_DAGEN", 5))


def klacht_afhandelen_dagen() -> int:
    """Days after receipt within which the complaint is answered, in writing and with reasons
    (``KWALITEIT_KLACHT_AFHANDELEN_DAGEN``; seed 002 art. 18: six weeks)."""
    return int(getattr(settings, "KWALITEIT_KLACHT_AFHANDELEN_DAGEN", 42))


def klacht_herinnering_dagen() -> tuple[int, ...]:
    """Days before the handling term on which the handlers are reminded (``KWALITEIT_KLACHT_HERINNERING_DAGEN``)."""
    return tuple(getattr(settings, "KWALITEIT_KLACHT_HERINNERING_DAGEN", (7,)))
