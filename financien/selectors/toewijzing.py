"""The allocation to schools and boards: everything for finance roles, the own board for a bestuurder."""

from __future__ import annotations

from financien.berekening import Toewijzing, parameters_voor, toewijzing
from financien.querysets import mag_lezen
from swv.access import bestuur_ids
from swv.choices import Rol


def mag_toewijzing_zien(user) -> bool:
    return mag_lezen(user) or bool(bestuur_ids(user, [Rol.BESTUURDER]))


def toewijzing_voor(user, *, jaar: int, bestuur_nummer: str | None = None) -> Toewijzing | None:
    """The allocation of ``jaar`` in the user's scope (optionally one board); ``None`` when the
    year has no parameters or the user may see none of it."""
    if mag_lezen(user):
        scope = None
    else:
        scope = bestuur_ids(user, [Rol.BESTUURDER])
        if not scope:
            return None
    parameters = parameters_voor(jaar)
    if parameters is None:
        return None
    if bestuur_nummer is not None:
        from swv.models import Bestuur

        bestuur = Bestuur.objects.filter(nummer=bestuur_nummer).first()
        if bestuur is None or (scope is not None and bestuur.pk not in scope):
            return None
        scope = {bestuur.pk}
    return toewijzing(parameters, bestuur_ids=scope)
