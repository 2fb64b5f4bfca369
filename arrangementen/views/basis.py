"""Shared plumbing of the arrangements views: a form view that fetches its request scoped for the
action (404 otherwise), calls one service and shows a domain error on the form without saving
half; and a POST-only action view for one-click transitions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from arrangementen.models import Aanvraag
from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout, GelijktijdigeWijziging

AANVRAAG_RELATIES = ("leerling", "school", "arrangementtype", "aangemaakt_door")


def aanvraag_of_404(user, uuid, action: str = "view") -> Aanvraag:
    return zichtbaar_of_404(Aanvraag.objects.visible_to(user, action).select_related(*AANVRAAG_RELATIES), uuid=uuid)


class AanvraagActieView(LoginRequiredMixin, View):
    """GET shows ``form_class`` for the request; POST validates it and calls ``uitvoeren(form)``."""

    action = "change"
    form_class = None
    template_name = "arrangementen/formulier.html"
    titel = ""
    knop = ""
    uitleg = ""
    succes_bericht = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.aanvraag = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        return aanvraag_of_404(self.request.user, self.kwargs["uuid"], self.action)

    def get_form_kwargs(self) -> dict:
        return {}

    def get_initial(self) -> dict:
        return {}

    def get_context_data(self, **kwargs) -> dict:
        return {"titel": self.titel, "knop": self.knop, "uitleg": self.uitleg, "aanvraag": self.aanvraag, **kwargs}

    def terug_url(self) -> str:
        return reverse("arrangementen:detail", args=[self.aanvraag.uuid])

    def uitvoeren(self, form):
        raise NotImplementedError

    def succes_url(self, resultaat) -> str:
        return self.terug_url()

    def render_form(self, form, status: int = 200):
        return render(
            self.request,
            self.template_name,
            self.get_context_data(form=form, terug_url=self.terug_url()),
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self.render_form(self.form_class(initial=self.get_initial(), **self.get_form_kwargs()))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, request.FILES, initial=self.get_initial(), **self.get_form_kwargs())
        if form.is_valid():
            try:
                resultaat = self.uitvoeren(form)
            except GelijktijdigeWijziging as fout:
                form.add_error(None, fout.bericht)
                return self.render_form(form, status=409)
            except DomeinFout as fout:
                form.add_error(None, fout.bericht)
            else:
                if self.succes_bericht:
                    messages.success(request, self.succes_bericht)
                return redirect(self.succes_url(resultaat))
        return self.render_form(form, status=422)


class AanvraagKnopView(LoginRequiredMixin, View):
    """A one-click transition (POST only): call ``service(aanvraag=..., door=...)`` and go back to
    the request's page, with the domain error as a message when the service refuses."""

    action = "change"
    service = None
    succes_bericht = ""

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, uuid):
        aanvraag = aanvraag_of_404(request.user, uuid, self.action)
        try:
            self.uitvoeren(aanvraag)
        except DomeinFout as fout:
            messages.error(request, fout.bericht)
        else:
            messages.success(request, self.succes_bericht)
        return redirect("arrangementen:detail", uuid=aanvraag.uuid)

    def uitvoeren(self, aanvraag):
        self.service(aanvraag=aanvraag, door=self.request.user)
