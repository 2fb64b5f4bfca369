"""Unread in-app notifications across the apps, counted in one query per request.

Each app keeps its own notification model (their occasions and e-mail bookkeeping differ), with
``MeldingQuerySet`` as its manager (a notification is its recipient's only), and registers the model
here in its ``AppConfig.ready``: ``registreer_meldingbron("tlv", "tlv.TLVMelding")``. The home page
shows every app's count; ``ongelezen(request, naam)`` computes all of them at once (one SELECT with a
COUNT subquery per app) and keeps the result on the request, so the home page costs one query for
notifications however many apps register a source.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import IntegerField, Subquery

#: source name -> "app_label.Model" of a notification model with a ``MeldingQuerySet`` manager
_BRONNEN: dict[str, str] = {}


class MeldingQuerySet(models.QuerySet):
    """The manager of every app's notification model (fields ``ontvanger`` and ``gelezen_op``)."""

    def visible_to(self, user, action: str = "view"):
        """A notification is its recipient's only (to read, or to mark as read)."""
        if not (user and user.is_authenticated and user.is_active) or action not in {"view", "change"}:
            return self.none()
        return self.filter(ontvanger=user)

    def ongelezen(self):
        return self.filter(gelezen_op__isnull=True)


def registreer_meldingbron(naam: str, model: str) -> None:
    """Register an app's notification model ("app_label.Model") under a source name."""
    _BRONNEN.setdefault(naam, model)


class _Aantal(Subquery):
    """``(SELECT COUNT(*) FROM (<queryset>))``: a count as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _aantal)"
    output_field = IntegerField()


def _tellen(user) -> dict[str, int]:
    if not (user and user.is_authenticated and user.is_active) or not _BRONNEN:
        return dict.fromkeys(_BRONNEN, 0)
    telbaar = {  # annotation names of their own, so that no source name can clash with a user field
        f"ongelezen_{naam}": _Aantal(apps.get_model(model).objects.visible_to(user).ongelezen().order_by().values("pk"))
        for naam, model in _BRONNEN.items()
    }
    waarden = get_user_model().objects.filter(pk=user.pk).annotate(**telbaar).values_list(*telbaar).first()
    return {naam: int(waarde or 0) for naam, waarde in zip(_BRONNEN, waarden or [0] * len(telbaar), strict=True)}


def ongelezen(request, naam: str) -> int:
    """The number of ``request.user``'s unread notifications of source ``naam`` (all sources are
    counted together on first use and cached on the request)."""
    aantallen = getattr(request, "_swv_ongelezen", None)
    if aantallen is None:
        aantallen = _tellen(request.user)
        request._swv_ongelezen = aantallen
    return aantallen.get(naam, 0)
