"""Scoped querysets of the quality app: ``visible_to(user, action)`` on every protected model.

Plans, the calendar and reports are SWV-level documents: access follows the user's roles (see
``kwaliteit.conf``), never a school scope, and they contain aggregates only. Publications are
visible per audience: the OPR sees what was published to it, bestuurders (the ALV) what was
published to the ALV/RvT, everyone (also without login) what is public. Deny by default.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from swv.access import heeft_rol, rollen
from swv.choices import Rol


def _mag(user, toegestaan) -> bool:
    return bool(user and user.is_authenticated and user.is_active and heeft_rol(user, *toegestaan))


class JaarplanQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> JaarplanQuerySet:
        from kwaliteit import conf

        toegestaan = {
            "view": conf.JAARPLAN_LEZEN,
            "change": conf.JAARPLAN_BEWERKEN,
            "vaststellen": conf.JAARPLAN_VASTSTELLEN,
        }.get(action, ())
        return self if _mag(user, toegestaan) else self.none()


class JaarplanOnderdeelQuerySet(JaarplanQuerySet):
    """Ambitions, goals, actions, moments and evaluations follow the rule of their plan."""


class KalenderQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> KalenderQuerySet:
        from kwaliteit import conf

        toegestaan = {"view": conf.KALENDER_LEZEN, "change": conf.KALENDER_BEWERKEN}.get(action, ())
        return self if _mag(user, toegestaan) else self.none()


def _verslagsoorten(user, action: str) -> list[str]:
    from kwaliteit import conf
    from kwaliteit.choices import RapportSoort

    actie = {"view": "lezen", "genereren": "genereren", "vaststellen": "vaststellen"}.get(action)
    if actie is None or not (user and user.is_authenticated and user.is_active):
        return []
    mijn = rollen(user)
    return [s for s in RapportSoort.values if conf.verslag_rollen(s, actie) & mijn]


class RapportQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> RapportQuerySet:
        """Report kinds the user may read, generate or adopt (TLC members: the TLC report, ...)."""
        return self.filter(soort__in=_verslagsoorten(user, action))


class RapportVersieQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> RapportVersieQuerySet:
        return self.filter(rapport__soort__in=_verslagsoorten(user, action))


class PublicatieQuerySet(models.QuerySet):
    def gepubliceerd(self) -> PublicatieQuerySet:
        from kwaliteit.choices import PublicatieStatus

        return self.filter(status=PublicatieStatus.GEPUBLICEERD)

    def openbaar(self) -> PublicatieQuerySet:
        """What anyone may read without logging in: published to the public and not withdrawn."""
        return self.gepubliceerd().filter(openbaar=True)

    def visible_to(self, user, action: str = "view") -> PublicatieQuerySet:
        """``view``: per audience (withdrawn ones stay visible as history); ``change``: the DB."""
        from kwaliteit import conf

        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if action == "change":
            return self if heeft_rol(user, *conf.PUBLICEREN) else self.none()
        if action != "view":
            return self.none()
        if heeft_rol(user, *conf.SWV_BREED):
            return self
        regel = Q(openbaar=True)
        if heeft_rol(user, Rol.OPR_LID):
            regel |= Q(voor_opr=True)
        if heeft_rol(user, Rol.BESTUURDER):
            regel |= Q(voor_alv_rvt=True)
        return self.filter(regel)


class KlachtQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> KlachtQuerySet:
        """``view``: the handlers (DB, beleidsmedewerker) every complaint, a parent its own;
        ``change``: the handlers; ``tellen`` (counts only, never a complaint's page): the SWV-wide
        roles and the OPR. Nobody else: schools and boards see no complaints."""
        from kwaliteit import conf

        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if action == "tellen":
            return self if heeft_rol(user, *conf.KLACHT_TELLERS) else self.none()
        if heeft_rol(user, *conf.KLACHT_BEHANDELAARS):
            return self if action in ("view", "change") else self.none()
        if action == "view":
            return self.filter(ouder=user)
        return self.none()
