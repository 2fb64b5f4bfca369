"""The one notification page of the portal: every app's notifications of the user, newest first;
opening one marks it read and goes to its object's page (which answers 404 once access ended)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from swv import meldingen
from swv.access import zichtbaar_of_404
from swv.models import Melding


def _bron(request) -> str:
    """The optional app filter (``?bron=tlv``), only when it names an app with notifications."""
    bron = request.GET.get("bron") or request.POST.get("bron") or ""
    return bron if bron in meldingen.bronnen() else ""


class MeldingenView(LoginRequiredMixin, TemplateView):
    template_name = "swv/meldingen.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        bron = _bron(self.request)
        ctx["bron"] = bron
        ctx["querystring"] = QueryDict(f"bron={bron}") if bron else None  # kept by the page links
        ctx["pagina"] = Paginator(meldingen.meldingen_lijst(self.request.user, bron=bron or None), 50).get_page(
            self.request.GET.get("pagina")
        )
        ctx["ongelezen"] = meldingen.ongelezen(self.request, bron)
        return ctx


class MeldingOpenenView(LoginRequiredMixin, View):
    """Mark one notification as read and go to its object's page (POST: a GET changes nothing)."""

    def post(self, request, uuid):
        melding = cast(Melding, zichtbaar_of_404(Melding.objects.visible_to(request.user, "change"), uuid=uuid))
        meldingen.melding_gelezen(door=request.user, melding=melding)
        # The link is a path of our own routes (never a host), so this cannot redirect elsewhere.
        return redirect(melding.link or "meldingen")


class MeldingenGelezenView(LoginRequiredMixin, View):
    def post(self, request):
        bron = _bron(request)
        n = meldingen.meldingen_alle_gelezen(door=request.user, bron=bron or None)
        messages.success(
            request, ngettext("%(n)s notification marked as read.", "%(n)s notifications marked as read.", n) % {"n": n}
        )
        return redirect(reverse("meldingen") + (f"?bron={bron}" if bron else ""))
