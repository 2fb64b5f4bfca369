"""Scoped querysets of the finance app.

Finance is SWV-wide data without pupils: the controller maintains it, the DB reads it (``conf``).
A bestuurder reads only its own board's allocation, which the allocation selector computes from
the register with ``swv.access.bestuur_ids``; no finance model is visible to a bestuurder directly.
Everyone else sees nothing (deny by default).
"""

from __future__ import annotations

from django.db import models

from financien import conf
from financien.choices import ImportStatus, ParametersStatus, RapportStatus
from swv.access import heeft_rol


def mag_lezen(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and heeft_rol(user, *conf.leesrollen()))


def mag_beheren(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and heeft_rol(user, *conf.beheerrollen()))


class FinancienQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        if action == "view" and mag_lezen(user):
            return self
        if action == "change" and mag_beheren(user):
            return self
        return self.none()


class JaarparametersQuerySet(FinancienQuerySet):
    def actueel(self):
        return self.filter(status=ParametersStatus.ACTUEEL)


class RealisatieImportQuerySet(FinancienQuerySet):
    def verwerkt(self):
        return self.filter(status=ImportStatus.VERWERKT)


class TRapportageQuerySet(FinancienQuerySet):
    def definitief(self):
        return self.filter(status=RapportStatus.DEFINITIEF)

    def lopend(self):
        """Reports that count for their period: the open concept and the final one."""
        return self.exclude(status=RapportStatus.VERVANGEN)


class InnovatieQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """``view``: the SWV's DB, beleid, controller and the TLC/AC (who advise) all requests; a
        bestuurder the board's; a directeur or ib-er their school's. ``change`` (edit and submit a
        draft): the bestuurder, directeur and ib-er of the request. ``adviseren``: TLC and AC;
        ``besluiten``: the DB. Nobody else (the OPR counts through the key figure)."""
        from swv.access import bestuur_ids, school_ids
        from swv.choices import Rol

        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if action == "adviseren":
            return self if heeft_rol(user, Rol.TLC_LID, Rol.AC_LID) else self.none()
        if action == "besluiten":
            return self if heeft_rol(user, Rol.DB) else self.none()
        if action == "tellen":  # counts only (the key figure, the jaarverslag, the OPR)
            from financien.selectors.innovatie import mag_tellen

            return self if mag_tellen(user) else self.none()
        if action == "view" and heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.TLC_LID, Rol.AC_LID):
            return self
        if action not in ("view", "change"):
            return self.none()
        return self.filter(
            models.Q(bestuur_id__in=bestuur_ids(user, [Rol.BESTUURDER]))
            | models.Q(school_id__in=school_ids(user, [Rol.DIRECTEUR, Rol.IB_ER]))
        )
