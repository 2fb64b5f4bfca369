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
