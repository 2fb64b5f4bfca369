"""OSO intake pages: the ib-er uploads a dossier, checks the preview, confirms (``leerlingen.oso.service``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from leerlingen.forms.dossier import OsoUploadForm
from leerlingen.models import OsoOntvangst
from leerlingen.models.oso import OsoStatus
from leerlingen.oso.lezen import CATEGORIEEN
from leerlingen.oso.service import oso_annuleren, oso_bevestigen, oso_ontvangen
from swv.access import scholen, zichtbaar_of_404
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.generiek import ActieView
from swv.protocol import log_leerling_bekeken


class OsoNieuwView(ActieView):
    rollen = (Rol.IB_ER,)
    form_class = OsoUploadForm
    template_name = "leerlingen/oso_nieuw.html"
    fout_veld = "bestand"
    titel = _("Receive an OSO dossier")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scholen": scholen(self.request.user, [Rol.IB_ER]).order_by("naam")}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["recent"] = OsoOntvangst.objects.visible_to(self.request.user, "change").select_related("school")[:10]
        return ctx

    def uitvoeren(self, form):
        school = form.cleaned_data["school"]
        ontvangst = oso_ontvangen(door=self.request.user, bestand=form.cleaned_data["bestand"], school=school)
        return reverse("leerlingen:oso_detail", args=[ontvangst.uuid])


class OsoDetailView(LoginRequiredMixin, View):
    """The preview (``ontvangen``) or the result (``bevestigd``); POST confirms or cancels."""

    def _ontvangst(self, uuid, action: str):
        return zichtbaar_of_404(
            OsoOntvangst.objects.visible_to(self.request.user, action).select_related(
                "school", "van_school", "leerling"
            ),
            uuid=uuid,
        )

    def get(self, request, uuid):
        ontvangst = self._ontvangst(uuid, "view")
        if ontvangst.leerling is not None:
            log_leerling_bekeken(gebruiker=request.user, leerling=ontvangst.leerling, request=request)
        g = ontvangst.gegevens
        return render(
            request,
            "leerlingen/oso_detail.html",
            {
                "o": ontvangst,
                "g": g,
                "Status": OsoStatus,
                "mag_bevestigen": ontvangst.school_id in {s.pk for s in scholen(request.user, [Rol.IB_ER])},
                "geweigerd": [CATEGORIEEN[c][0] for c in g.get("geweigerd", []) if c in CATEGORIEEN],
                "genegeerd": [CATEGORIEEN[c][0] for c in g.get("genegeerd", []) if c in CATEGORIEEN],
                "verzorgers": ontvangst.verzorgers.all() if ontvangst.status == OsoStatus.BEVESTIGD else None,
                "documenten": ontvangst.documenten.all() if ontvangst.status == OsoStatus.BEVESTIGD else None,
            },
        )

    def post(self, request, uuid):
        ontvangst = self._ontvangst(uuid, "change")
        try:
            if "annuleren" in request.POST:
                oso_annuleren(door=request.user, ontvangst=ontvangst)
                messages.info(request, _("The OSO dossier has been discarded; nothing was imported."))
                return redirect("leerlingen:oso_nieuw")
            oso_bevestigen(door=request.user, ontvangst=ontvangst, request=request)
        except DomeinFout as fout:
            messages.error(request, fout.bericht)
        else:
            messages.success(request, _("The OSO dossier has been imported."))
        return redirect("leerlingen:oso_detail", uuid=ontvangst.uuid)
