"""Querysets of the organisation register."""

from __future__ import annotations

from django.db import models
from django.db.models import OuterRef, Subquery


class SchoolQuerySet(models.QuerySet):
    """Schools are public DUO data: any active account may read the register."""

    def visible_to(self, user, action: str = "view") -> SchoolQuerySet:
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if action == "view":
            return self
        from swv.access import heeft_rol
        from swv.choices import Rol

        return self if heeft_rol(user, Rol.BEHEERDER) else self.none()

    def actief(self) -> SchoolQuerySet:
        return self.filter(actief=True)

    def met_laatste_telling(self) -> SchoolQuerySet:
        """Annotate ``laatste_teldatum`` and ``laatste_aantal`` (one subquery, no N+1)."""
        from swv.models import Leerlingtelling

        laatste = Leerlingtelling.objects.filter(school=OuterRef("pk")).order_by("-teldatum")
        return self.annotate(
            laatste_teldatum=Subquery(laatste.values("teldatum")[:1]),
            laatste_aantal=Subquery(laatste.values("aantal")[:1]),
        )
