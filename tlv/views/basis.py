"""Shared view machinery: the scoped TLV lookup (404 outside scope) and the action-form view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView

from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout
from tlv.models import TLV, Bezwaar


def scoped_tlv(user, uuid, action: str = "view") -> TLV:
    qs = TLV.objects.visible_to(user, action).select_related(
        "leerling", "aanvragende_school", "beoogde_school", "dossier", "vorige"
    )
    return zichtbaar_of_404(qs, uuid=uuid)


class ScopedMixin(LoginRequiredMixin):
    """Loads the view's object through ``visible_to(user, action)`` before anything else (``laad``):
    anything outside the user's scope answers 404."""

    action = "view"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.laad(request.user, kwargs["uuid"])
        return super().dispatch(request, *args, **kwargs)

    def laad(self, user, uuid) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class TLVMixin(ScopedMixin):
    def laad(self, user, uuid) -> None:
        self.tlv = scoped_tlv(user, uuid, self.action)


class ActieView(FormView):
    """A form that performs one service on the object; a domain error becomes a form error.

    Subclasses set ``titel``, ``knop``, ``form_class`` and implement ``uitvoeren(form)``.
    """

    template_name = "tlv/actie.html"
    titel = ""
    knop = _("Save")
    gelukt = _("Saved.")
    toelichting = ""

    def object(self):
        return self.tlv

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            titel=self.titel, knop=self.knop, toelichting=self.toelichting, tlv=self.tlv, terug=self.get_success_url()
        )
        return ctx

    def form_valid(self, form):
        try:
            self.uitvoeren(form)
        except DomeinFout as fout:
            form.add_error(None, fout.bericht)
            return self.form_invalid(form)
        messages.success(self.request, self.gelukt)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.object().get_absolute_url()

    def uitvoeren(self, form):  # pragma: no cover - abstract
        raise NotImplementedError


class PostActieView(TLVMixin, View):
    """A button (POST only) that performs one service and returns to the TLV."""

    gelukt = _("Done.")

    def get(self, request, *args, **kwargs):
        raise Http404

    def post(self, request, *args, **kwargs):
        try:
            doel = self.uitvoeren()
        except DomeinFout as fout:
            messages.error(request, fout.bericht)
            doel = None
        else:
            messages.success(request, self.gelukt)
        return redirect(doel or self.tlv.get_absolute_url())


def brief_response(request, taak, *, log) -> FileResponse:
    """Serve a finished letter job's PDF (after the caller's scope check) and log the download."""
    if taak is None or not taak.bestand:
        raise Http404
    log()
    return FileResponse(
        taak.bestand.open("rb"), as_attachment=True, filename=taak.bestandsnaam, content_type="application/pdf"
    )


def brief_status(request, taak, download_url: str):
    return render(request, "tlv/partials/_brief.html", {"taak": taak, "download_url": download_url})


def scoped_bezwaar(user, uuid, action: str = "view") -> Bezwaar:
    qs = Bezwaar.objects.visible_to(user, action).select_related("tlv", "tlv__leerling", "tlv__aanvragende_school")
    return zichtbaar_of_404(qs, uuid=uuid)
