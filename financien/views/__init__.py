"""Views of the finance app (thin: parse input, call one service or selector, render).

Finance pages answer 404 to everyone outside the finance roles (deny by default); writes are for
the controller only. The allocation pages also admit a bestuurder, scoped to the own board.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from financien.querysets import mag_beheren, mag_lezen
from swv.fouten import DomeinFout


class ToegangMixin:
    def heeft_toegang(self, user) -> bool:  # pragma: no cover - overridden
        return False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.heeft_toegang(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["mag_beheren"] = mag_beheren(self.request.user)
        return ctx


class LezenMixin(ToegangMixin):
    """Finance roles (controller, DB) read."""

    def heeft_toegang(self, user) -> bool:
        return mag_lezen(user)


class BeherenMixin(ToegangMixin):
    """Only the controller writes."""

    def heeft_toegang(self, user) -> bool:
        return mag_beheren(user)


def fout_melden(request, fout) -> None:
    messages.error(request, str(fout))


class FormulierPostMixin:
    """POST of a page's form by the controller: valid -> ``uitvoeren(form)`` (calls one service and
    returns the redirect); a domain error or invalid input re-renders the page with the messages."""

    formulier = None
    fout_veld: str | None = None  # the field a domain error belongs to (None: the whole form)

    def uitvoeren(self, form):  # pragma: no cover - every view defines it
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        if not mag_beheren(request.user):
            raise Http404
        form = self.formulier(request.POST, request.FILES or None)
        if form.is_valid():
            try:
                return self.uitvoeren(form)
            except DomeinFout as fout:
                form.add_error(self.fout_veld, str(fout))
        return self.render_to_response(self.get_context_data(form=form))
