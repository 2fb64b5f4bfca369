"""Unread in-app notifications across the apps, counted in one query per request.

Each app keeps its own notification model (their occasions and e-mail bookkeeping differ) and
registers a function ``user -> queryset of that user's unread notifications`` here in its
``AppConfig.ready``. The home page shows every app's count; ``ongelezen(request, naam)`` computes all
of them at once (one SELECT with a COUNT subquery per app) and keeps the result on the request, so
the home page costs one query for notifications however many apps register a source.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import IntegerField, QuerySet, Subquery

_BRONNEN: dict[str, Callable[..., QuerySet]] = {}


def registreer_meldingbron(naam: str, ongelezen: Callable[..., QuerySet]) -> None:
    """Register ``ongelezen(user)``: the queryset of ``user``'s unread notifications of an app."""
    _BRONNEN.setdefault(naam, ongelezen)


class _Aantal(Subquery):
    """``(SELECT COUNT(*) FROM (<queryset>))``: a count as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _aantal)"
    output_field = IntegerField()


def _tellen(user) -> dict[str, int]:
    if not (user and user.is_authenticated and user.is_active) or not _BRONNEN:
        return dict.fromkeys(_BRONNEN, 0)
    telbaar, aantallen = {}, {}
    for naam, bron in _BRONNEN.items():
        qs = bron(user)
        if qs.query.is_empty():
            aantallen[naam] = 0
        else:
            telbaar[naam] = _Aantal(qs.order_by().values("pk"))
    if telbaar:
        rij = get_user_model().objects.filter(pk=user.pk).values(**telbaar).first() or {}
        aantallen.update({naam: rij.get(naam) or 0 for naam in telbaar})
    return aantallen


def ongelezen(request, naam: str) -> int:
    """The number of ``request.user``'s unread notifications of source ``naam`` (all sources are
    counted together on first use and cached on the request)."""
    aantallen = getattr(request, "_swv_ongelezen", None)
    if aantallen is None:
        aantallen = _tellen(request.user)
        request._swv_ongelezen = aantallen
    return aantallen.get(naam, 0)
