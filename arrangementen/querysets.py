"""Scoped querysets of the arrangements app: who may see or act on a request (PRIVACY.md).

- ib-er and directeur of the requesting school see its requests; the consulent assigned to that
  school too; a request that is over (refused, closed, withdrawn) only while the pupil is enrolled
  at their school today; a leerkracht only requests of pupils linked to them;
- AC members see the requests their committee assesses (types assessed by the AC), once submitted;
- DB and beleidsmedewerker read every submitted request;
- controller, bestuurder, OPR, TLC: no requests (the controller sees budget aggregates only).
Actions beyond ``view``: ``change`` (the ib-er: edit, submit, supplement, withdraw, start,
evaluate, close), ``instemmen`` (the directeur), ``beoordelen`` (take into assessment, ask for
information, advise) and ``besluiten`` (decide). Deny by default: unknown actions see nothing.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q

from arrangementen.choices import AanvraagStatus
from leerlingen.querysets import huidige_relatie
from swv.access import heeft_rol, lidmaatschappen, school_ids
from swv.choices import Rol

NIETS = Q(pk__in=[])
#: Statuses of a request whose matter is over (see ``aanvraag_regel``: current relationship).
AFGELOPEN = (AanvraagStatus.AFGEWEZEN, AanvraagStatus.AFGESLOTEN, AanvraagStatus.INGETROKKEN)
BUDGET_LEZERS = (Rol.CONTROLLER, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.AC_LID, Rol.BEHEERDER)
BUDGET_BEHEERDERS = (Rol.CONTROLLER, Rol.DB)


def _p(prefix: str, veld: str) -> str:
    return f"{prefix}__{veld}" if prefix else veld


def _actief(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and lidmaatschappen(user))


def aanvraag_regel(user, action: str, prefix: str = "") -> Q:
    """The rule on a request reached through ``prefix`` (``""`` = the request itself)."""
    from arrangementen.choices import AanvraagStatus, Beoordelaar

    p = lambda veld: _p(prefix, veld)  # noqa: E731
    niet_concept = ~Q(**{p("status"): AanvraagStatus.CONCEPT})
    ac_typen = [Beoordelaar.AC, Beoordelaar.CONSULENT_AC]
    regel = NIETS
    if action == "view":
        staf = school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT])
        if staf:
            # A request that is over is seen only while the pupil is enrolled at the user's school
            # today (current relationship, PRIVACY.md).
            relatie = ~Q(**{f"{p('status')}__in": AFGELOPEN}) | huidige_relatie(
                user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT], p("leerling_id")
            )
            regel |= Q(**{f"{p('school_id')}__in": staf}) & relatie
        leerkracht = school_ids(user, [Rol.LEERKRACHT])
        if leerkracht:
            from leerlingen.models import Leerling

            gekoppeld = Leerling.leerkrachten.through.objects.filter(
                leerling_id=OuterRef(p("leerling_id")), gebruiker_id=user.pk
            )
            regel |= Q(**{f"{p('school_id')}__in": leerkracht}) & Q(Exists(gekoppeld))
        if heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER):
            regel |= niet_concept
        elif heeft_rol(user, Rol.AC_LID):
            regel |= Q(**{f"{p('beoordelaar')}__in": ac_typen}) & niet_concept
    elif action == "change":
        regel = Q(**{f"{p('school_id')}__in": school_ids(user, [Rol.IB_ER])})
    elif action == "instemmen":
        regel = Q(**{f"{p('school_id')}__in": school_ids(user, [Rol.DIRECTEUR])})
    elif action in ("beoordelen", "besluiten"):
        consulent_typen = (
            [Beoordelaar.CONSULENT, Beoordelaar.CONSULENT_AC] if action == "beoordelen" else [Beoordelaar.CONSULENT]
        )
        consulent = school_ids(user, [Rol.CONSULENT])
        if consulent:
            regel |= Q(**{f"{p('school_id')}__in": consulent, f"{p('beoordelaar')}__in": consulent_typen})
        if heeft_rol(user, Rol.AC_LID):
            regel |= Q(**{f"{p('beoordelaar')}__in": ac_typen})
        regel &= niet_concept
    return regel


class AanvraagQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> AanvraagQuerySet:
        if not _actief(user):
            return self.none()
        return self.filter(aanvraag_regel(user, action))

    def met_status(self, *statussen) -> AanvraagQuerySet:
        return self.filter(status__in=statussen)


class AanvraagOnderdeelQuerySet(models.QuerySet):
    """Things inside a request (status history, questions, advice, decision, evaluation): visible
    with their request."""

    aanvraag_pad = "aanvraag"

    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        return self.filter(aanvraag_regel(user, action, self.aanvraag_pad))


class EvaluatiemomentQuerySet(AanvraagOnderdeelQuerySet):
    def open_(self):
        """Moments without a recorded evaluation."""
        return self.filter(evaluatie__isnull=True)


class ArrangementtypeQuerySet(models.QuerySet):
    """The catalogue is not personal data: every active account reads it; DB and beheerder change it."""

    def visible_to(self, user, action: str = "view"):
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if action == "view":
            return self
        return self if heeft_rol(user, Rol.DB, Rol.BEHEERDER) else self.none()

    def actief(self):
        return self.filter(actief=True)


class BudgetQuerySet(models.QuerySet):
    """Budgets are aggregates: controller, DB, beleidsmedewerker, AC (assessors) and beheerder read
    them; the controller and DB change them."""

    def visible_to(self, user, action: str = "view"):
        if not _actief(user):
            return self.none()
        rollen = BUDGET_LEZERS if action == "view" else BUDGET_BEHEERDERS if action == "change" else ()
        return self if rollen and heeft_rol(user, *rollen) else self.none()


class RealisatieQuerySet(BudgetQuerySet):
    """Realised costs name a request by its number (no pupil data): the budget's readers see them."""
