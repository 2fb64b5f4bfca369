"""Scoped querysets of the TLV app: who may see and do what (PRIVACY.md "need to know"), in one place.

``TLV.objects.visible_to(user, action)``:

- ``view``: staff (ib-er, directeur, consulent) of the requesting school; staff of the intended
  S(B)O school from the first submission on; once the TLV is over (refused, expired, ended,
  extended) only while the pupil is enrolled at their school today (current relationship); TLC members, DB and beleidsmedewerker every submitted
  request of the SWV (the TLC works from one queue of all requests, so no per-object grants are
  needed); nobody else (leerkracht, bestuurder, controller, OPR, AC, beheerder: 404).
- ``change``: the ib-er of the requesting school (edit, submit, complete, withdraw the request).
- ``beoordelen``: TLC members (procedural check, ask for information) on submitted requests.
- ``besluiten``: the deciding role of ``tlv.conf.besluit_rol`` (TLC or DB) on submitted requests.
- ``plaatsen``: ib-er and directeur of the intended S(B)O school (placement, end, return review).
- ``verlengen``: ib-er of the S(B)O school or of the requesting school (a new linked request).
- ``terugkeer``: staff of both schools and the TLC (the yearly return review).
- ``beeindigen``: the deciding role, and ib-er/directeur of the S(B)O school.
- ``bezwaar``: TLC members, DB and the objection-deciding role (register and handle objections);
  ``bezwaar_beslissen``: the role of ``tlv.conf.bezwaar_besluit_rol`` (DB by default).
- ``register``: TLC, DB and beleidsmedewerker: every submitted request (the TLV register).
- ``bekostiging``: DB, beleidsmedewerker, controller and TLC: issued TLVs only (the finance contract).
- ``aggregaat``: the SWV-wide roles above plus the AC (all submitted), a bestuurder the requests of
  the board's schools (key figures only; never a detail page).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone

from leerlingen.querysets import huidige_relatie
from swv.access import heeft_rol, lidmaatschappen, school_ids
from swv.choices import Rol
from tlv.choices import TLVStatus

STAF = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT)
SCHOOLLEIDING = (Rol.IB_ER, Rol.DIRECTEUR)
NIETS = Q(pk__in=[])
INGEDIEND = Q(eerst_ingediend_op__isnull=False)
#: A TLV whose matter is over: seen by school staff only while the pupil is enrolled with them.
AFGELOPEN = (TLVStatus.GEWEIGERD, TLVStatus.VERLOPEN, TLVStatus.INGETROKKEN, TLVStatus.VERLENGD)


def _scholen(user, rollen, veld: str) -> Q:
    ids = school_ids(user, rollen)
    return Q(**{f"{veld}__in": ids}) if ids else NIETS


def tlv_regel(user, action: str) -> Q:
    """The Q-rule on ``TLV`` for ``action`` (``NIETS`` when the user may not)."""
    from tlv import conf

    aanvrager = lambda rollen: _scholen(user, rollen, "aanvragende_school_id")  # noqa: E731
    sbo = lambda rollen: _scholen(user, rollen, "beoogde_school_id") & INGEDIEND  # noqa: E731
    rol = lambda *rollen: INGEDIEND if heeft_rol(user, *rollen) else NIETS  # noqa: E731

    if action == "view":
        # School staff through a current relationship only: while the TLV is under way or in force,
        # or while the pupil is enrolled at one of their schools today; an expired, ended or refused
        # TLV of a pupil who left is not theirs any more (PRIVACY.md, issue 13).
        relatie = ~Q(status__in=AFGELOPEN) | huidige_relatie(user, STAF)
        return ((aanvrager(STAF) | sbo(STAF)) & relatie) | rol(Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER)
    if action == "change":
        return aanvrager([Rol.IB_ER])
    if action == "beoordelen":
        return rol(Rol.TLC_LID)
    if action == "besluiten":
        return rol(conf.besluit_rol())
    if action == "plaatsen":
        return sbo(SCHOOLLEIDING)
    if action == "verlengen":
        return aanvrager([Rol.IB_ER]) | sbo([Rol.IB_ER])
    if action == "terugkeer":
        return aanvrager(STAF) | sbo(STAF) | rol(Rol.TLC_LID)
    if action == "beeindigen":
        return sbo(SCHOOLLEIDING) | rol(conf.besluit_rol())
    if action == "bezwaar":
        return rol(Rol.TLC_LID, Rol.DB, conf.bezwaar_besluit_rol())
    if action == "bezwaar_beslissen":
        return rol(conf.bezwaar_besluit_rol())
    if action == "register":
        return rol(Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER)
    if action == "bekostiging":
        return rol(Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER) & Q(afgegeven_op__isnull=False)
    if action == "aggregaat":
        regel = rol(Rol.TLC_LID, Rol.AC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER)
        return regel | (_scholen(user, [Rol.BESTUURDER], "aanvragende_school_id") & INGEDIEND)
    return NIETS


class TLVQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> TLVQuerySet:
        if not (user and user.is_authenticated and user.is_active) or not lidmaatschappen(user):
            return self.none()
        return self.filter(tlv_regel(user, action))

    def afgegeven(self) -> TLVQuerySet:
        return self.filter(afgegeven_op__isnull=False)

    def actief_op(self, datum: date | None = None) -> TLVQuerySet:
        """Issued TLVs in force on ``datum``: started, not past the end date and not ended early.

        The one definition of "active" for the register, the key figures and the finance contract;
        by dates, so it also answers for a past peildatum.
        """
        datum = datum or timezone.localdate()
        return self.filter(afgegeven_op__isnull=False, ingangsdatum__lte=datum).filter(
            Q(einddatum__isnull=True) | Q(einddatum__gte=datum),
            Q(beeindigd_op__isnull=True) | Q(beeindigd_op__gt=datum),
        )


class TLVOnderdeelQuerySet(models.QuerySet):
    """Rows inside a TLV (transitions, expert advice, return reviews): visible with their TLV."""

    def visible_to(self, user, action: str = "view"):
        from tlv.models import TLV

        return self.filter(tlv__in=TLV.objects.visible_to(user, action))


class BezwaarQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """Objections: read with the TLV (``view``); handled by TLC and DB (``change``)."""
        from tlv.models import TLV

        return self.filter(tlv__in=TLV.objects.visible_to(user, "view" if action == "view" else "bezwaar"))

    def open_(self):
        from tlv.choices import OPEN_BEZWAAR

        return self.filter(status__in=OPEN_BEZWAAR)


class BezwaarOnderdeelQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        from tlv.models import Bezwaar

        return self.filter(bezwaar__in=Bezwaar.objects.visible_to(user, action))
