"""Scoped querysets of pupils: the one rule of PRIVACY.md, used by every list, search and detail."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from swv.access import heeft_rol, lidmaatschappen, school_ids
from swv.choices import SWV_LEERLINGDATA_ROLLEN, Rol


class LeerlingQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = "view") -> LeerlingQuerySet:
        """Pupils the user may see (``view``) or change (``change``) through a current relationship.

        - ib-er and directeur: pupils currently enrolled at their school(s);
        - leerkracht: only pupils linked to them, at their school;
        - consulent: pupils enrolled at the schools assigned to them;
        - DB and beleidsmedewerker: every pupil, read-only (opening one is a logged act);
        - per-object grants through django-guardian (a TLC member on one request, an expert);
        - everyone else (controller, bestuurder, OPR, ...): nothing.
        Changing is for the ib-er of the pupil's school (and per-object ``change`` grants).
        """
        if not (user.is_authenticated and user.is_active) or not lidmaatschappen(user):
            return self.none()
        from leerlingen.models import Inschrijving

        vandaag = timezone.localdate()
        # Semi-joins on the enrolments of the user's schools (pk IN (...)) rather than a correlated
        # EXISTS per pupil: the database starts from the school's enrolments, not from every pupil
        # of the SWV (issue 3 benchmark: the school's list and search stay fast at any SWV size).
        huidig = Inschrijving.objects.actief_op(vandaag)
        if action == "view":
            if heeft_rol(user, *SWV_LEERLINGDATA_ROLLEN):
                return self
            ids = school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT])
            leerkracht_ids = school_ids(user, [Rol.LEERKRACHT])
        elif action == "change":
            ids = school_ids(user, [Rol.IB_ER])
            leerkracht_ids = set()
        else:
            return self.none()
        regel = Q(pk__in=huidig.filter(school_id__in=ids).values("leerling_id")) if ids else Q(pk__in=[])
        if leerkracht_ids:
            from leerlingen.models import Leerling

            gekoppeld = Leerling.leerkrachten.through.objects.filter(gebruiker_id=user.pk).values("leerling_id")
            regel |= Q(pk__in=huidig.filter(school_id__in=leerkracht_ids).values("leerling_id")) & Q(pk__in=gekoppeld)
        regel |= Q(pk__in=self._toegekend(user, action))
        return self.filter(regel)

    @staticmethod
    def _toegekend(user, action: str):
        from guardian.shortcuts import get_objects_for_user

        from leerlingen.models import Leerling

        perm = "leerlingen.view_leerling" if action == "view" else "leerlingen.change_leerling"
        return get_objects_for_user(
            user, perm, klass=Leerling, accept_global_perms=False, with_superuser=False
        ).values("pk")

    def zoek(self, tekst: str) -> LeerlingQuerySet:
        """Find by (part of) name; BSN is never a search key in lists."""
        q = Q()
        for deel in tekst.split():
            q &= Q(voornaam__icontains=deel) | Q(achternaam__icontains=deel) | Q(tussenvoegsel__iexact=deel)
        return self.filter(q)


class InschrijvingQuerySet(models.QuerySet):
    def actief_op(self, datum=None) -> InschrijvingQuerySet:
        datum = datum or timezone.localdate()
        return self.filter(begindatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gt=datum))
