"""The SO/SBO deduction forecast and the TLVs behind one number (access-logged)."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from financien.choices import SoCategorie
from financien.selectors.afdrachten import afdrachten_voor, tlvs_achter_getal
from financien.views import LezenMixin
from swv.protocol import log_export


class AfdrachtenView(LezenMixin, TemplateView):
    template_name = "financien/afdrachten.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        jaar = self.kwargs.get("jaar") or timezone.localdate().year
        afdrachten = afdrachten_voor(self.request.user, jaar=jaar, vandaag=timezone.localdate())
        if afdrachten is None:  # no right to finance (the role check lets only readers in)
            raise Http404
        ctx.update(jaar=jaar, **afdrachten)
        return ctx


class AfdrachtTlvsView(LezenMixin, TemplateView):
    """The TLVs behind one number of the forecast. Viewing this list of pupils' TLVs is logged."""

    template_name = "financien/afdracht_tlvs.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        soort = self.request.GET.get("soort", "").upper()
        categorie = self.request.GET.get("categorie", "").lower()
        if (
            soort not in {"SO", "SBO"}
            or (soort == "SO" and categorie not in SoCategorie.values)
            or (soort == "SBO" and categorie)
        ):
            raise Http404
        jaar = self.kwargs["jaar"]
        lijst = tlvs_achter_getal(
            self.request.user, jaar=jaar, soort=soort, categorie=categorie, vandaag=timezone.localdate()
        )
        if lijst is None:
            raise Http404
        if lijst["aanwezig"]:
            log_export(
                gebruiker=self.request.user,
                gebeurtenis="financien_tlvs_bekostiging",
                aantal=len(lijst["rijen"]),
                request=self.request,
            )
        label = "SBO" if soort == "SBO" else f"SO {SoCategorie(categorie).label}"
        ctx.update(jaar=jaar, soort=soort, categorie=categorie, label=label, lijst=lijst)
        return ctx
