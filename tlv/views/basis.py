"""The TLV app's defaults on the one set of view bases (``swv.generiek``): the scoped TLV and
objection pages (404 outside scope), the action page template, and the letter download."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from swv.generiek import ActieView as BasisActieView
from swv.generiek import ScopedObjectMixin
from tlv.models import TLV, Bezwaar

TLV_RELATIES = ("leerling", "aanvragende_school", "beoogde_school", "dossier", "vorige")
BEZWAAR_RELATIES = ("tlv", "tlv__leerling", "tlv__aanvragende_school")


class TLVMixin(ScopedObjectMixin):
    """The page is about one TLV (``self.tlv``), visible to the user for ``action``."""

    model = TLV
    relaties = TLV_RELATIES

    def laad(self) -> None:
        self.object = self.tlv = self.get_object()


class BezwaarMixin(ScopedObjectMixin):
    """The page is about one objection (``self.bezwaar``) and its TLV."""

    model = Bezwaar
    relaties = BEZWAAR_RELATIES

    def laad(self) -> None:
        self.object = self.bezwaar = self.get_object()
        self.tlv = self.bezwaar.tlv


class ActieView(BasisActieView):
    """The TLV pages' template and default message; the TLV heads the form."""

    template_name = "tlv/actie.html"
    succes_bericht: Any = _("Saved.")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("tlv", getattr(self, "tlv", None))
        return ctx


class PostActieView(TLVMixin, ActieView):
    """A button (POST only) on the TLV page."""

    alleen_post = True
    succes_bericht = _("Done.")


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
