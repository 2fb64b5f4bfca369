"""Scoped querysets of thuiszitter and zorgplicht cases, the risicolijst and in-app notifications.

One rule per model in ``visible_to(user, action)`` (PRIVACY.md: need to know, deny by default):

==================  =====================================================================================
action              meaning
==================  =====================================================================================
``view``            open the case or row (lists, detail, exports use the same rule)
``change``          edit the case's details
``regie``           thuiszitter cases: move on the de-escalatieladder, link partners, close the case
``tellen``          count in aggregate tiles (a bestuurder counts the board's cases but opens none)
==================  =====================================================================================

A child without enrolment (``school`` is empty) is visible only to SWV staff: the DB and the
beleidsmedewerker (SWV-wide) and a consulent who is the case's regisseur or is assigned to a school
in the child's municipality. ``Leerling.objects.visible_to`` is not widened: these cases are the
consulent's only window on such a child.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone

from swv.access import bestuur_ids, heeft_rol, lidmaatschappen, school_ids
from swv.choices import SWV_LEERLINGDATA_ROLLEN, Rol

SCHOOL_STAF = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT)
SWV_STAF = (Rol.DB, Rol.BELEIDSMEDEWERKER)


def _actief(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and lidmaatschappen(user))


class ActiefOpQuerySet(models.QuerySet):
    """The one definition of "active on date X" for every list, export and tile (issue 6):
    ``sinds <= X`` and (no end date or ``einddatum > X``)."""

    def actief_op(self, datum: date | None = None):
        datum = datum or timezone.localdate()
        return self.filter(sinds__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gt=datum))


def _consulent_zonder_inschrijving(user) -> Q:
    """Cases of children without enrolment that a consulent may see: as regisseur, or in a
    municipality where the consulent has an assigned school (leerplicht is organised per gemeente)."""
    from swv.models import School

    ids = school_ids(user, [Rol.CONSULENT])
    if not ids:
        return Q(pk__in=[])
    gemeenten = School.objects.filter(pk__in=ids).values("gemeente_id")
    return Q(school__isnull=True) & (Q(regisseur=user) | Q(gemeente_id__in=gemeenten))


class ThuiszittercasusQuerySet(ActiefOpQuerySet):
    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        if action == "tellen":
            if heeft_rol(user, *SWV_STAF):
                return self
            besturen = bestuur_ids(user, [Rol.BESTUURDER])
            return self.filter(school__bestuur_id__in=besturen) if besturen else self.none()
        if action == "view":
            if heeft_rol(user, *SWV_LEERLINGDATA_ROLLEN):
                return self
            school_rollen: tuple[Rol, ...] = SCHOOL_STAF
        elif action == "change":
            if heeft_rol(user, Rol.BELEIDSMEDEWERKER):
                return self
            school_rollen = SCHOOL_STAF
        elif action == "regie":
            if heeft_rol(user, Rol.BELEIDSMEDEWERKER):
                return self
            school_rollen = (Rol.CONSULENT,)
        else:
            return self.none()
        ids = school_ids(user, school_rollen)
        regel = Q(school_id__in=ids) if ids else Q(pk__in=[])
        return self.filter(regel | _consulent_zonder_inschrijving(user))

    def telt_als_thuiszitter(self):
        """Absoluut verzuim and langdurig relatief verzuim; threatened cases and exemptions are
        registered but are no thuiszitters (GLOSSARY)."""
        from leerlingen.models.thuiszitters import Thuiszittercasus

        return self.filter(soort__in=Thuiszittercasus.THUISZITTER_SOORTEN)

    def met_signalen(self, datum: date | None = None):
        """Annotate the seed-000 flags as booleans computed in SQL (see ``Thuiszittercasus``)."""
        from leerlingen.models.thuiszitters import Thuiszittercasus

        datum = datum or timezone.localdate()
        return self.annotate(
            signaal_termijn=models.ExpressionWrapper(Thuiszittercasus.regel_over_termijn(datum), models.BooleanField()),
            signaal_zonder_opp=models.ExpressionWrapper(Thuiszittercasus.regel_zonder_opp(), models.BooleanField()),
            signaal_zonder_inschrijving=models.ExpressionWrapper(
                Thuiszittercasus.regel_zonder_inschrijving(), models.BooleanField()
            ),
        )


class ZorgplichtcasusQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        besturen = bestuur_ids(user, [Rol.BESTUURDER])
        if action == "tellen":
            if heeft_rol(user, *SWV_STAF):
                return self
            return self.filter(bestuur_id__in=besturen) if besturen else self.none()
        if action == "view":
            if heeft_rol(user, *SWV_STAF):
                return self
            ids = school_ids(user, SCHOOL_STAF)
            regel = Q(school_id__in=ids) | Q(bestuur_id__in=besturen)
        elif action == "change":
            # The school where the parents applied decides; its board holds the zorgplicht.
            regel = Q(school_id__in=school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR]))
        else:
            return self.none()
        return self.filter(regel)

    def lopend(self):
        from leerlingen.models.zorgplicht import Zorgplichtcasus

        return self.filter(status__in=Zorgplichtcasus.LOPENDE_STATUSSEN)


class RisicosignaleringQuerySet(ActiefOpQuerySet):
    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        if action == "view":
            if heeft_rol(user, *SWV_STAF):
                return self
        elif action == "change":
            if heeft_rol(user, Rol.BELEIDSMEDEWERKER):
                return self
        else:
            return self.none()
        ids = school_ids(user, [Rol.CONSULENT])
        return self.filter(school_id__in=ids) if ids else self.none()


class RisicolijstrondeQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        if action == "view" and (heeft_rol(user, *SWV_STAF) or school_ids(user, [Rol.CONSULENT])):
            return self
        if action == "change" and heeft_rol(user, Rol.BELEIDSMEDEWERKER):
            return self
        return self.none()


class RisicolijstregelQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        if not _actief(user) or action != "view":
            return self.none()
        if heeft_rol(user, *SWV_STAF):
            return self
        ids = school_ids(user, [Rol.CONSULENT])
        return self.filter(school_id__in=ids) if ids else self.none()


class LadderstapQuerySet(models.QuerySet):
    """The de-escalatieladder is configuration, not pupil data: every account may read it;
    the beleidsmedewerker (and the beheerder) maintain it."""

    def visible_to(self, user, action: str = "view"):
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if action == "view":
            return self
        if action == "change" and heeft_rol(user, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER):
            return self
        return self.none()

    def actief(self):
        return self.filter(actief=True)


class KetenpartnerQuerySet(models.QuerySet):
    """External contacts (leerplicht, jeugdteam ...): no pupil data, read by case workers."""

    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        if action == "view" and heeft_rol(user, *SCHOOL_STAF, *SWV_STAF):
            return self
        if action == "change" and heeft_rol(user, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER):
            return self
        return self.none()
