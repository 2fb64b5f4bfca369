"""Scoped querysets of the pupil's case (dossier, signals, OPP, MDO, documents): PRIVACY.md in one place.

A dossier follows the pupil: the staff of the school that holds it (``Dossier.school``, moved by a
recorded transfer) see it while the pupil is enrolled there; a leerkracht only when linked to the
pupil; the consulent assigned to the school; DB and beleidsmedewerker read-only; per-object grants
on the pupil (django-guardian). After a transfer the old school keeps read access to what *it*
wrote (items whose ``school`` is the old school) until ``Overstap.leesrecht_tot``
(``SWV_OVERSTAP_LEESRECHT_DAGEN``; ``None`` means no access at all).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from leerlingen.querysets import LeerlingQuerySet
from swv.access import heeft_rol, lidmaatschappen, school_ids
from swv.choices import SWV_LEERLINGDATA_ROLLEN, Rol

STAF_ROLLEN = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT)


def _p(prefix: str, veld: str) -> str:
    return f"{prefix}__{veld}" if prefix else veld


def dossier_regel(user, action: str, prefix: str = "") -> Q | None:
    """The full-access rule on a dossier reached through ``prefix`` (``""`` = the dossier itself).

    Returns ``None`` for "everything" (SWV-wide reading roles) and ``Q(pk__in=[])`` for nothing.
    """
    from leerlingen.models import Inschrijving, Leerling

    vandaag = timezone.localdate()
    if action == "view":
        if heeft_rol(user, *SWV_LEERLINGDATA_ROLLEN):
            return None
        staf = school_ids(user, STAF_ROLLEN)
        leerkracht = school_ids(user, [Rol.LEERKRACHT])
    elif action == "change":
        staf = school_ids(user, [Rol.IB_ER])
        leerkracht = set()
    else:
        return Q(pk__in=[])
    # "Enrolled now at one of the user's schools" as a semi-join on those schools' enrolments (the
    # database starts from the school index, not from every enrolment of the SWV).
    huidig = Inschrijving.objects.actief_op(vandaag)
    regel = Q(pk__in=[])
    if staf:
        regel |= Q(**{f"{_p(prefix, 'school_id')}__in": staf}) & Q(
            **{f"{_p(prefix, 'leerling_id')}__in": huidig.filter(school_id__in=staf).values("leerling_id")}
        )
    if leerkracht:
        gekoppeld = Leerling.leerkrachten.through.objects.filter(gebruiker_id=user.pk).values("leerling_id")
        regel |= (
            Q(**{f"{_p(prefix, 'school_id')}__in": leerkracht})
            & Q(**{f"{_p(prefix, 'leerling_id')}__in": huidig.filter(school_id__in=leerkracht).values("leerling_id")})
            & Q(**{f"{_p(prefix, 'leerling_id')}__in": gekoppeld})
        )
    toegekend = LeerlingQuerySet._toegekend(user, action)
    if toegekend:
        regel |= Q(**{f"{_p(prefix, 'leerling_id')}__in": toegekend})
    return regel


def oude_school_regel(user, *, leerling_pad: str, school_pad: str) -> Q:
    """Read access of a school the pupil left, to the items it wrote, while the transfer allows it."""
    from leerlingen.models import Overstap

    staf = school_ids(user, STAF_ROLLEN)
    if not staf:
        return Q(pk__in=[])
    overstap = Overstap.objects.filter(
        leerling=OuterRef(leerling_pad),
        van_school=OuterRef(school_pad),
        van_school_id__in=staf,
        leesrecht_tot__gte=timezone.localdate(),
    )
    return Q(Exists(overstap))


class DossierQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> DossierQuerySet:
        """Dossiers the user may read (``view``: full or old-school access) or change (``change``)."""
        if not (user.is_authenticated and user.is_active) or not lidmaatschappen(user):
            return self.none()
        regel = dossier_regel(user, action)
        if regel is None:
            return self
        if action == "view":
            from leerlingen.models import Overstap

            staf = school_ids(user, STAF_ROLLEN)
            if staf:
                # The old school sees the dossier (header) when the dossier existed before the transfer.
                regel |= Q(
                    Exists(
                        Overstap.objects.filter(
                            leerling=OuterRef("leerling"),
                            van_school_id__in=staf,
                            leesrecht_tot__gte=timezone.localdate(),
                            datum__gte=OuterRef("geopend_op"),
                        )
                    )
                )
        return self.filter(regel)

    def volledig_zichtbaar(self, user, action: str = "view") -> DossierQuerySet:
        """Dossiers with full access (everything in them, not only the old school's own items)."""
        if not (user.is_authenticated and user.is_active) or not lidmaatschappen(user):
            return self.none()
        regel = dossier_regel(user, action)
        return self if regel is None else self.filter(regel)

    def actief(self) -> DossierQuerySet:
        from leerlingen.choices import DossierStatus

        return self.exclude(status=DossierStatus.AFGESLOTEN)


class DossierOnderdeelQuerySet(models.QuerySet):
    """Items inside a dossier (signal, section, intervention, OPP, MDO, agreement, document ...).

    ``dossier_pad`` is the lookup from the item to its dossier, ``school_pad`` to the school that
    wrote it (for the old school's read access after a transfer). Items without a dossier
    (``dossier_optioneel``: a signal before the dossier is opened, a document of another app)
    follow the pupil's own visibility.
    """

    dossier_pad = "dossier"
    school_pad = "school"
    leerling_pad = "dossier__leerling"
    dossier_optioneel = False

    def visible_to(self, user, action: str = "view"):
        if not (user.is_authenticated and user.is_active) or not lidmaatschappen(user):
            return self.none()
        regel = dossier_regel(user, action, self.dossier_pad)
        if regel is None:
            return self
        if self.dossier_optioneel:
            from leerlingen.models import Leerling

            regel |= Q(**{f"{self.dossier_pad}__isnull": True}) & Q(
                leerling__in=Leerling.objects.visible_to(user, action)
            )
        if action == "view":
            regel |= oude_school_regel(user, leerling_pad=self.leerling_pad, school_pad=self.school_pad)
        return self.filter(regel)


class StatusovergangQuerySet(DossierOnderdeelQuerySet):
    # A transition has no author school of its own; it goes with the school holding the dossier.
    school_pad = "dossier__school"


class SignaalQuerySet(DossierOnderdeelQuerySet):
    leerling_pad = "leerling"
    dossier_optioneel = True


class DocumentQuerySet(DossierOnderdeelQuerySet):
    leerling_pad = "leerling"
    dossier_optioneel = True


class OPPVersieQuerySet(DossierOnderdeelQuerySet):
    dossier_pad = "opp__dossier"
    leerling_pad = "opp__dossier__leerling"


class OPPQuerySet(DossierOnderdeelQuerySet):
    school_pad = "dossier__school"  # an OPP itself has no author school; its versions have.

    def visible_to(self, user, action: str = "view"):
        from leerlingen.models import Dossier

        return self.filter(dossier__in=Dossier.objects.visible_to(user, action))


class InstemmingQuerySet(DossierOnderdeelQuerySet):
    dossier_pad = "versie__opp__dossier"
    school_pad = "versie__school"
    leerling_pad = "versie__opp__dossier__leerling"


class MDOQuerySet(DossierOnderdeelQuerySet):
    def gepland(self):
        from leerlingen.choices import MDOStatus

        return self.filter(status=MDOStatus.GEPLAND)

    def gehouden(self):
        from leerlingen.choices import MDOStatus

        return self.filter(status=MDOStatus.GEHOUDEN)

    def met_uitkomst(self, soort: str):
        """Held MDOs with this outcome (e.g. ``Uitkomstsoort.ARRANGEMENTAANVRAAG``): where requests start."""
        return self.gehouden().filter(uitkomsten__soort=soort).distinct()


class MDOOnderdeelQuerySet(DossierOnderdeelQuerySet):
    """Participants, the child's voice, outcomes and advice: visible with their MDO."""

    dossier_pad = "mdo__dossier"
    school_pad = "mdo__school"
    leerling_pad = "mdo__dossier__leerling"


class AfspraakQuerySet(DossierOnderdeelQuerySet):
    def open_(self):
        from leerlingen.choices import AfspraakStatus

        return self.filter(status=AfspraakStatus.OPEN)


class OverstapQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """Transfers of pupils the user may see (the new school) or that left the user's school."""
        if not (user.is_authenticated and user.is_active) or not lidmaatschappen(user):
            return self.none()
        from leerlingen.models import Leerling

        if action != "view":
            return self.filter(leerling__in=Leerling.objects.visible_to(user, action))
        return self.filter(
            Q(leerling__in=Leerling.objects.visible_to(user, action))
            | Q(van_school_id__in=school_ids(user, STAF_ROLLEN), leesrecht_tot__gte=timezone.localdate())
        )


class LeerlingimportQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """Imports are the ib-er's own work for their school."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(school_id__in=school_ids(user, [Rol.IB_ER]))


class OsoOntvangstQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """The ib-er of the receiving school sees (and confirms) its OSO dossiers; once imported, whoever
        sees the pupil reads it (the assessor sees the parents' ``inzage`` with the request)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        eigen = Q(school_id__in=school_ids(user, [Rol.IB_ER]))
        if action != "view":
            return self.filter(eigen)
        from leerlingen.models import Leerling

        return self.filter(eigen | Q(status="bevestigd", leerling__in=Leerling.objects.visible_to(user, "view")))


class OsoVerzorgerQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view"):
        """Parents/guardians from an OSO dossier: whoever sees the pupil."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        from leerlingen.models import Leerling

        return self.filter(leerling__in=Leerling.objects.visible_to(user, action))
