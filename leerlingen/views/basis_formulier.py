"""A thin form view that calls one service and shows its Dutch domain errors on the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import FormView

from leerlingen.forms.thuiszitters import fout_op_formulier
from swv.access import zichtbaar_of_404


class ServiceFormView(LoginRequiredMixin, FormView):
    """``voer_uit(form)`` calls the service and returns the object to redirect to (its URL via
    ``succes_url(obj)``); a ``ValidationError`` from the service goes onto the form, nothing is saved.

    Set ``model`` and ``action`` to load ``self.object`` by ``uuid`` through ``visible_to``: the
    page answers 404 outside the user's scope (same rule as the service's own check).
    """

    template_name = "leerlingen/thuiszitters/formulier.html"
    model = None
    action = "change"
    succes_melding = ""
    titel = ""
    terug = "home"  # URL name of the cancel link when there is no object

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = None
        if self.model is not None:
            self.object = zichtbaar_of_404(
                self.model.objects.visible_to(request.user, self.action), uuid=kwargs["uuid"]
            )
        self.controleer_toegang()
        return super().dispatch(request, *args, **kwargs)

    def controleer_toegang(self) -> None:
        """Raise ``Http404`` when the user may not use this form (roles); the default allows."""

    def form_valid(self, form):
        try:
            resultaat = self.voer_uit(form)
        except ValidationError as fout:
            fout_op_formulier(form, fout)
            return self.form_invalid(form)
        if self.succes_melding:
            messages.success(self.request, self.succes_melding)
        return redirect(self.succes_url(resultaat))

    def voer_uit(self, form):  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def succes_url(self, resultaat) -> str:
        return resultaat.get_absolute_url() if hasattr(resultaat, "get_absolute_url") else self.request.path

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        from django.urls import reverse

        terug_url = self.object.get_absolute_url() if hasattr(self.object, "get_absolute_url") else reverse(self.terug)
        ctx.update(object=self.object, titel=self.titel, terug_url=terug_url)
        return ctx


def vereis(voorwaarde: bool) -> None:
    if not voorwaarde:
        raise Http404
