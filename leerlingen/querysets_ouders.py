"""Scoping of parents' links: who sees a link (the school staff of the child, the parent) and
which children a parent sees (``OuderKoppelingQuerySet.kinderen_van``): the one rule of the
parents' portal, used by the letters' and logbook's scoping and ``leerlingen.ouders.toegang``."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from swv.access import lidmaatschappen, school_ids
from swv.choices import Rol

#: Staff who link parents to a child and end links (issue 14).
KOPPELROLLEN = (Rol.IB_ER, Rol.DIRECTEUR)


class OuderKoppelingQuerySet(models.QuerySet):
    def actief(self, datum=None) -> OuderKoppelingQuerySet:
        """Links in force on ``datum`` (today): started, not ended, and the child is enrolled at one
        of the SWV's schools that day (a link ends by itself when the child leaves)."""
        from leerlingen.models import Inschrijving

        datum = datum or timezone.localdate()
        ingeschreven = Inschrijving.objects.actief_op(datum).values("leerling_id")
        return self.filter(begin__lte=datum, leerling_id__in=ingeschreven).filter(
            Q(einde__isnull=True) | Q(einde__gt=datum)
        )

    def kinderen_van(self, ouder) -> models.QuerySet:
        """The ids of the children ``ouder`` has a link in force to (a subquery)."""
        return self.actief().filter(ouder=ouder).values("leerling_id")

    def visible_to(self, user, action: str = "view") -> OuderKoppelingQuerySet:
        """Staff: the links of children they may see (``view``) or, for the ib-er and directeur of
        the child's current school, change. A parent: their own links in force (view only)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if not lidmaatschappen(user):
            return self.actief().filter(ouder=user) if action == "view" else self.none()
        from leerlingen.models import Inschrijving, Leerling

        if action == "view":
            return self.filter(leerling__in=Leerling.objects.visible_to(user, "view"))
        if action == "change":
            ids = school_ids(user, KOPPELROLLEN)
            huidig = Inschrijving.objects.actief_op().filter(school_id__in=ids).values("leerling_id")
            return self.filter(leerling_id__in=huidig) if ids else self.none()
        return self.none()


class OuderBriefQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> OuderBriefQuerySet:
        """A parent: their own letters about a child they have a link in force to. Staff: the
        letters of pupils they see (to check what was delivered when)."""
        if not (user.is_authenticated and user.is_active) or action != "view":
            return self.none()
        from leerlingen.models import Leerling, OuderKoppeling

        if not lidmaatschappen(user):
            kinderen = OuderKoppeling.objects.kinderen_van(user)
            return self.filter(ouder=user, leerling_id__in=kinderen)
        return self.filter(leerling__in=Leerling.objects.visible_to(user, "view"))


class LogboekQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> LogboekQuerySet:
        """Staff: the messages of pupils they see. A parent: of their children (link in force), the
        school's messages, their own, and the other parents' unless marked "only for the school"."""
        if not (user.is_authenticated and user.is_active) or action != "view":
            return self.none()
        from leerlingen.models import Leerling, OuderKoppeling

        if not lidmaatschappen(user):
            kinderen = OuderKoppeling.objects.kinderen_van(user)
            return self.filter(leerling_id__in=kinderen).filter(
                Q(van_ouder=False) | Q(auteur=user) | Q(alleen_school=False)
            )
        return self.filter(leerling__in=Leerling.objects.visible_to(user, "view"))
