"""Choices shared by the whole portal: school types and the roles of GLOSSARY.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    """Kind of school (DUO's SOORT_VESTIGING for primary education)."""

    BO = "BO", _("Regular primary school (BO)")
    SBO = "SBO", _("Special primary school (SBO)")
    SO = "SO", _("Special school (SO)")
    SO_VSO = "SO/VSO", _("Special school SO/VSO")


class Rol(models.TextChoices):
    """A user's role in the portal; held through a ``Lidmaatschap`` with a scope and dates."""

    IB_ER = "ib_er", _("Internal support coordinator (ib-er)")
    LEERKRACHT = "leerkracht", _("Teacher")
    DIRECTEUR = "directeur", _("School head")
    CONSULENT = "consulent", _("SWV consultant")
    TLC_LID = "tlc_lid", _("Admissions committee member (TLC)")
    AC_LID = "ac_lid", _("Arrangements committee member (AC)")
    DB = "db", _("Director-board member (DB)")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Policy officer")
    CONTROLLER = "controller", _("Controller")
    BESTUURDER = "bestuurder", _("School board official")
    OPR_LID = "opr_lid", _("Support plan council member (OPR)")
    BEHEERDER = "beheerder", _("Administrator")


#: Roles whose scope is one school (the consulent: an assigned school).
SCHOOL_ROLLEN = frozenset({Rol.IB_ER, Rol.LEERKRACHT, Rol.DIRECTEUR, Rol.CONSULENT})
#: Roles whose scope is one school board.
BESTUUR_ROLLEN = frozenset({Rol.BESTUURDER})
#: Roles whose scope is the whole SWV.
SWV_ROLLEN = frozenset(
    {Rol.TLC_LID, Rol.AC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.OPR_LID, Rol.BEHEERDER}
)
#: Roles that can see pupil-level data somewhere; they must use two-factor authentication.
LEERLINGDATA_ROLLEN = frozenset(
    {Rol.IB_ER, Rol.LEERKRACHT, Rol.DIRECTEUR, Rol.CONSULENT, Rol.TLC_LID, Rol.AC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER}
)
#: SWV-wide roles that may open any pupil of the SWV (a logged act; dashboards stay aggregate).
SWV_LEERLINGDATA_ROLLEN = frozenset({Rol.DB, Rol.BELEIDSMEDEWERKER})
