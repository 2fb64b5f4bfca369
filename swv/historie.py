"""Who and why on the row django-simple-history writes at the next ``save()`` or ``delete()``.

django-simple-history reads two private attributes of the instance, ``_history_user`` and
``_change_reason``; ``met_historie`` is the one typed place that sets them, so that no service
writes them itself. Without ``door`` the user comes from the request (``HistoryRequestMiddleware``).

    met_historie(begroting, door=door, reden=_("Amounts changed")).save()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from swv.models import Gebruiker

M = TypeVar("M", bound=models.Model)

# The history table's ``history_change_reason`` column.
MAX_REDEN = 100


def met_historie(obj: M, *, door: Gebruiker | None = None, reden: StrOrPromise = "") -> M:
    """``obj`` with who (``door``) and why (``reden``, cut to the column) for its next history row."""
    historisch: Any = obj  # the attributes are simple-history's, not the model's
    if door is not None:
        historisch._history_user = door
    if reden:
        historisch._change_reason = str(reden)[:MAX_REDEN]
    return obj
