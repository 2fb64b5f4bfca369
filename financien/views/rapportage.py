"""T-rapportages: list and start, detail with explanations, progress, finalise, PDF download."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from financien.choices import RapportStatus
from financien.forms import ToelichtingForm, TRapportageStartForm
from financien.models import TRapportage
from financien.querysets import mag_beheren
from financien.selectors.rapportage import t_rapportages
from financien.services import rapportage as services
from financien.views import BeherenMixin, LezenMixin, PaginaMetFormulier, fout_melden
from financien.weergave import rapport_weergave
from swv.access import zichtbaar_of_404
from swv.fouten import DomeinFout


def _rapport(request, uuid) -> TRapportage:
    return zichtbaar_of_404(t_rapportages(request.user), uuid=uuid)


class TRapportagesView(PaginaMetFormulier):
    template_name = "financien/t_rapportages.html"
    form_class = TRapportageStartForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rapporten"] = t_rapportages(self.request.user)[:60]
        return ctx

    def get_initial(self):
        return {"jaar": timezone.localdate().year}

    def uitvoeren(self, form):
        rapport = services.t_rapportage_starten(door=self.request.user, **form.cleaned_data)
        messages.info(self.request, _("The T-rapportage is being generated; you can follow its progress below."))
        return reverse("financien:t_rapportage", kwargs={"uuid": rapport.uuid})


class TRapportageView(LezenMixin, TemplateView):
    template_name = "financien/t_rapportage.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        rapport = kwargs.get("rapport") or _rapport(self.request, self.kwargs["uuid"])
        ctx.update(rapport_weergave(rapport))
        ctx["bezig"] = rapport.taak is not None and not rapport.taak.is_afgelopen
        ctx["ontbrekend"] = services.regels_zonder_toelichting(rapport) if rapport.gegenereerd_op else []
        if ctx["mag_beheren"] and rapport.status == RapportStatus.CONCEPT and rapport.gegenereerd_op:
            ctx["form"] = kwargs.get("form") or ToelichtingForm(
                regels=ctx["regels"], initial={"revisie": rapport.revisie}
            )
        return ctx

    def post(self, request, uuid):
        rapport = _rapport(request, uuid)
        form = ToelichtingForm(request.POST, regels=list(rapport.regels.all()))
        if form.is_valid():
            try:
                services.t_rapportage_toelichten(
                    door=request.user,
                    rapport=rapport,
                    revisie=form.cleaned_data["revisie"],
                    toelichtingen=form.toelichtingen(),
                    prognoses=form.prognoses(),
                )
            except DomeinFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _("The explanations have been saved."))
                return redirect("financien:t_rapportage", uuid=uuid)
        return self.render_to_response(self.get_context_data(rapport=rapport, form=form))


class TRapportageVoortgangView(LezenMixin, View):
    """htmx polls this while the job runs; when it has finished the page reloads to show the result."""

    def get(self, request, uuid):
        rapport = _rapport(request, uuid)
        response = render(
            request,
            "financien/partials/_rapport_voortgang.html",
            {"rapport": rapport, "mag_beheren": mag_beheren(request.user)},
        )
        if rapport.taak is not None and rapport.taak.status == rapport.taak.Status.KLAAR:
            response["HX-Refresh"] = "true"
        return response


class TRapportageActieView(BeherenMixin, View):
    """POST actions on a report: make final, regenerate as a new version, retry a failed job."""

    def post(self, request, uuid, actie):
        rapport = _rapport(request, uuid)
        try:
            if actie == "definitief":
                services.t_rapportage_definitief_maken(door=request.user, rapport=rapport)
                messages.success(request, _("The T-rapportage is final; the final PDF is being generated."))
            elif actie == "nieuwe-versie":
                rapport = services.t_rapportage_starten(door=request.user, jaar=rapport.jaar, t_nummer=rapport.t_nummer)
                messages.info(request, _("A new version is being generated; explanations are carried over."))
            elif actie == "opnieuw":
                services.t_rapportage_opnieuw_starten(door=request.user, rapport=rapport)
                messages.info(request, _("The job has been started again."))
            else:
                raise Http404
        except DomeinFout as fout:
            fout_melden(request, fout)
        return redirect("financien:t_rapportage", uuid=rapport.uuid)


class TRapportagePdfView(LezenMixin, View):
    def get(self, request, uuid):
        rapport = _rapport(request, uuid)
        if not rapport.pdf:
            raise Http404
        return FileResponse(
            rapport.pdf_openen(), as_attachment=True, filename=rapport.pdf_bestandsnaam, content_type="application/pdf"
        )
