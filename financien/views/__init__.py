"""Views of the finance app (thin: parse input, call one service or selector, render).

Finance pages answer 404 to everyone outside the finance roles (deny by default); writes are for
the controller only. The allocation pages also admit a bestuurder, scoped to the own board.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages

from financien.querysets import mag_beheren, mag_lezen
from swv.generiek import ActieView
from swv.generiek import ToegangMixin as BasisToegangMixin


class ToegangMixin(BasisToegangMixin):
    """The finance rule instead of a role list (``heeft_toegang``); the pages show the
    controller's forms when ``mag_beheren``."""

    def heeft_toegang(self, user: Any) -> bool:  # pragma: no cover - overridden
        return False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        ctx["mag_beheren"] = mag_beheren(self.request.user)
        return ctx


class LezenMixin(ToegangMixin):
    """Finance roles (controller, DB) read; only the controller writes (any POST)."""

    def heeft_toegang(self, user: Any) -> bool:
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return mag_lezen(user)
        return mag_beheren(user)


class BeherenMixin(ToegangMixin):
    """Only the controller writes."""

    def heeft_toegang(self, user: Any) -> bool:
        return mag_beheren(user)


class PaginaMetFormulier(LezenMixin, ActieView):
    """A finance page that the finance roles read, with the controller's form on it: the one
    action view (``uitvoeren(form)`` returns the URL to go to); readers get no form."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if not mag_beheren(self.request.user):
            kwargs.setdefault("form", None)
        return super().get_context_data(**kwargs)


def fout_melden(request, fout) -> None:
    messages.error(request, str(fout))


def formulierfouten_melden(request, form) -> None:
    """A form posted from a page that shows no form of its own: its errors become messages."""
    for fouten in form.errors.values():
        for tekst in fouten:
            messages.error(request, str(tekst))
