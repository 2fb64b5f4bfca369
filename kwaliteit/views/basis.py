"""Shared view plumbing: a form page that calls one service and shows its domain error in the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import FormView

from swv.access import RolVereistMixin
from swv.fouten import DomeinFout


class ServiceFormView(LoginRequiredMixin, RolVereistMixin, FormView):
    """A form page (``kwaliteit/formulier.html``) whose valid input goes to ``uitvoeren(form)``.

    ``uitvoeren`` calls one service and returns the URL to go to; a ``KwaliteitFout`` becomes a
    form error (nothing is half-saved: services run in one transaction), a refused permission 404.
    """

    template_name = "kwaliteit/formulier.html"
    titel = ""
    knop = ""
    melding = ""
    annuleren_url = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.laad(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def laad(self, **kwargs) -> None:
        """Load the objects the page is about (scoped: 404 outside scope)."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(titel=self.titel, knop=self.knop, annuleren_url=self.annuleren_url)
        return ctx

    def uitvoeren(self, form) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            url = self.uitvoeren(form)
        except DomeinFout as fout:
            form.add_error(None, str(fout))
            return self.form_invalid(form)
        except PermissionDenied:
            raise Http404
        if self.melding:
            messages.success(self.request, self.melding)
        return redirect(url)
