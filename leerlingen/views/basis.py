"""Shared plumbing of the case views: a form view that fetches its object scoped (404 otherwise),
calls one service and shows a domain error on the form instead of saving half."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.views import View

from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout, GelijktijdigeWijziging


class ActieFormView(LoginRequiredMixin, View):
    """GET shows ``form_class``; POST validates it and calls ``uitvoeren(form)`` (one service).

    Subclasses set ``model``/``action`` (the object comes from ``model.objects.visible_to(user,
    action)``, so anything out of scope answers 404) and implement ``uitvoeren`` and ``succes_url``.
    """

    model = None
    action = "change"
    form_class = None
    #: An optional formset next to the form (external participants, agreements).
    formset_class = None
    formset_prefix = ""
    formset = None
    template_name = "leerlingen/formulier.html"
    titel = ""
    knop = ""
    uitleg = ""
    succes_bericht = ""

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user, self.action)

    def get_object(self):
        return zichtbaar_of_404(self.get_queryset(), uuid=self.kwargs["uuid"])

    def get_form_kwargs(self) -> dict:
        return {}

    def get_formset_kwargs(self) -> dict:
        return {}

    def maak_formset(self, data=None):
        if self.formset_class is None:
            return None
        return self.formset_class(data, prefix=self.formset_prefix, **self.get_formset_kwargs())

    def get_initial(self) -> dict:
        return {}

    def get_context_data(self, **kwargs) -> dict:
        return {"titel": self.titel, "knop": self.knop, "uitleg": self.uitleg, "object": self.object, **kwargs}

    def terug_url(self) -> str:
        raise NotImplementedError

    def uitvoeren(self, form):
        raise NotImplementedError

    def succes_url(self, resultaat) -> str:
        return self.terug_url()

    def render_form(self, form, status: int = 200):
        ctx = self.get_context_data(form=form, formset=self.formset, terug_url=self.terug_url())
        return render(self.request, self.template_name, ctx, status=status)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.formset = self.maak_formset()
        return self.render_form(self.form_class(initial=self.get_initial(), **self.get_form_kwargs()))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, request.FILES, initial=self.get_initial(), **self.get_form_kwargs())
        self.formset = self.maak_formset(request.POST)
        if form.is_valid() and (self.formset is None or self.formset.is_valid()):
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
        return self.render_form(form, status=400 if form.errors else 200)


class PostActieView(LoginRequiredMixin, View):
    """A POST-only action on a scoped object (confirm, adopt, mark done): service, message, redirect."""

    model = None
    action = "change"
    succes_bericht = ""

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user, self.action)

    def post(self, request, uuid):
        self.object = zichtbaar_of_404(self.get_queryset(), uuid=uuid)
        try:
            resultaat = self.uitvoeren()
        except DomeinFout as fout:
            messages.error(request, fout.bericht)
            return redirect(self.fout_url())
        if self.succes_bericht:
            messages.success(request, self.succes_bericht)
        return redirect(self.succes_url(resultaat))

    def uitvoeren(self):
        raise NotImplementedError

    def succes_url(self, resultaat) -> str:
        raise NotImplementedError

    def fout_url(self) -> str:
        return self.succes_url(self.object)
