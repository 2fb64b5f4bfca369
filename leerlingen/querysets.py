"""Scoped querysets of pupils: the one rule of PRIVACY.md, used by every list, search and detail."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from swv.access import heeft_rol, lidmaatschappen, school_ids
from swv.choices import SWV_LEERLINGDATA_ROLLEN, Rol

TUSSENVOEGSELS = frozenset({"de", "den", "der", "van", "te", "ten", "ter", "het", "'t", "in", "op", "el", "al"})


def huidige_relatie(user, rollen, veld: str = "leerling_id") -> Q:
    """Rows whose pupil is enrolled today at a school where the user holds one of ``rollen``:
    PRIVACY.md's "current relationship". Other apps' rules on a pupil's history (TLVs, requests)
    require it once the matter is over, so that a school's staff lose an old file of a pupil who
    left (the retention job removes what is older than the term)."""
    ids = school_ids(user, rollen)
    if not ids:
        return Q(pk__in=[])
    from leerlingen.models import Inschrijving

    return Q(**{f"{veld}__in": Inschrijving.objects.actief_op().filter(school_id__in=ids).values("leerling_id")})


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
        from leerlingen.models import Inschrijving, Leerling

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
        elif action == "ouders":
            # Linking parents to a pupil (issue 14): the ib-er and directeur of the current school.
            ids = school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR])
            if not ids:
                return self.none()
            return self.filter(pk__in=huidig.filter(school_id__in=ids).values("leerling_id"))
        else:
            return self.none()
        regel = Q(pk__in=huidig.filter(school_id__in=ids).values("leerling_id")) if ids else Q(pk__in=[])
        if leerkracht_ids:
            from leerlingen.models import Leerling

            gekoppeld = Leerling.leerkrachten.through.objects.filter(gebruiker_id=user.pk).values("leerling_id")
            regel |= Q(pk__in=huidig.filter(school_id__in=leerkracht_ids).values("leerling_id")) & Q(pk__in=gekoppeld)
        toegekend = self._toegekend(user, action)
        if toegekend:
            regel |= Q(pk__in=toegekend)
        return self.filter(regel)

    @staticmethod
    def _toegekend(user, action: str) -> list[int]:
        """Pupil ids granted to the user per object (django-guardian), read straight from the
        guardian tables (usually none: then no clause at all), cached on the user per request."""
        cache = getattr(user, "_swv_toegekende_leerlingen", None)
        if cache is None:
            # Both actions in one query: a page that checks "view" usually checks "change" too.
            from django.contrib.contenttypes.models import ContentType
            from guardian.models import GroupObjectPermission, UserObjectPermission

            from leerlingen.models import Leerling

            ct = ContentType.objects.get_for_model(Leerling)
            codes = {"view_leerling": "view", "change_leerling": "change"}
            velden = ("object_pk", "permission__codename")
            eigen = UserObjectPermission.objects.filter(
                user_id=user.pk, content_type=ct, permission__codename__in=codes
            )
            groep = GroupObjectPermission.objects.filter(
                group__in=user.groups.all(), content_type=ct, permission__codename__in=codes
            )
            gevonden: dict[str, set[int]] = {"view": set(), "change": set()}
            for pk, codename in eigen.values_list(*velden).union(groep.values_list(*velden)):
                gevonden[codes[codename]].add(int(pk))
            cache = {actie: sorted(pks) for actie, pks in gevonden.items()}
            user._swv_toegekende_leerlingen = cache
        return cache["view" if action == "view" else "change"]

    def zoek(self, tekst: str) -> LeerlingQuerySet:
        """Find by (part of) first or last name; a name particle ("de", "van der") matches the infix.

        BSN is never a search key in lists. On PostgreSQL trigram indexes serve the ``icontains``.
        """
        q = Q()
        for deel in tekst.split():
            if deel.lower() in TUSSENVOEGSELS:
                q &= Q(tussenvoegsel__icontains=deel)
            else:
                q &= Q(voornaam__icontains=deel) | Q(achternaam__icontains=deel)
        return self.filter(q)


class InschrijvingQuerySet(models.QuerySet):
    def actief_op(self, datum=None) -> InschrijvingQuerySet:
        datum = datum or timezone.localdate()
        return self.filter(begindatum__lte=datum).filter(Q(einddatum__isnull=True) | Q(einddatum__gt=datum))
