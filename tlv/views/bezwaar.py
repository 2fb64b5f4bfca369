"""Objections: register on a TLV, then advice, extension, decision (with a letter), withdrawal, beroep."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from tlv import termijnen
from tlv.forms import AdviesForm, AdviesVragenForm, BeroepForm, BezwaarBeslissenForm, BezwaarForm, RedenForm
from tlv.protocol import log_besluitbrief_gedownload
from tlv.services import bezwaar as diensten
from tlv.views.basis import ActieView, BezwaarMixin, TLVMixin, brief_response, brief_status


class BezwaarRegistrerenView(TLVMixin, ActieView):
    action = "bezwaar"
    form_class = BezwaarForm
    titel = _("Register an objection")
    knop = _("Register the objection")
    succes_bericht = _("The objection was registered.")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.tlv.bekendgemaakt_op:
            ctx["uitleg"] = _("The objection term ends on %(datum)s.") % {
                "datum": f"{termijnen.bezwaartermijn_einde(self.tlv.bekendgemaakt_op):%d-%m-%Y}"
            }
        return ctx

    def get_initial(self):
        return {"ontvangen_op": timezone.localdate()}

    def uitvoeren(self, form):
        bezwaar = diensten.bezwaar_registreren(door=self.request.user, tlv=self.tlv, **form.cleaned_data)
        return bezwaar.get_absolute_url()


class BezwaarDetailView(BezwaarMixin, TemplateView):
    template_name = "tlv/bezwaar_detail.html"

    def get_context_data(self, **kwargs):
        from tlv.selectors import rechten

        ctx = super().get_context_data(**kwargs)
        b = self.bezwaar
        ctx.update(
            bezwaar=b,
            tlv=self.tlv,
            mag=rechten(self.request.user, self.tlv),
            beslistermijn=termijnen.bezwaar_beslistermijn(b.termijn_einde, verdaagd=bool(b.verdaagd_op)),
            beroepstermijn_einde=termijnen.beroepstermijn_einde(b.beslist_op) if b.beslist_op else None,
            overgangen=b.statusovergangen.select_related("door"),
            vandaag=timezone.localdate(),
        )
        return ctx


class BezwaarActieView(BezwaarMixin, ActieView):
    action = "change"


class AdviesVragenView(BezwaarActieView):
    form_class = AdviesVragenForm
    titel = _("Ask for advice on the objection")
    succes_bericht = _("The advice was requested.")

    def get_initial(self):
        return {"advies_gevraagd_op": timezone.localdate()}

    def uitvoeren(self, form):
        diensten.bezwaar_advies_vragen(door=self.request.user, bezwaar=self.bezwaar, **form.cleaned_data)


class AdviesView(BezwaarActieView):
    form_class = AdviesForm
    titel = _("Record the hearing and the advice")
    succes_bericht = _("The advice was recorded.")

    def get_initial(self):
        return {"hoorzitting_op": self.bezwaar.hoorzitting_op, "advies_ontvangen_op": timezone.localdate()}

    def uitvoeren(self, form):
        diensten.bezwaar_advies_vastleggen(door=self.request.user, bezwaar=self.bezwaar, **form.cleaned_data)


class VerdagenView(BezwaarActieView):
    form_class = RedenForm
    titel = _("Extend the decision term once")
    succes_bericht = _("The decision term was extended.")

    def uitvoeren(self, form):
        diensten.bezwaar_verdagen(door=self.request.user, bezwaar=self.bezwaar, reden=form.cleaned_data["reden"])


class BeslissenView(BezwaarActieView):
    form_class = BezwaarBeslissenForm
    titel = _("Decide on the objection")
    knop = _("Take the decision")
    succes_bericht = _("The decision on the objection was recorded; the letter is being prepared.")
    uitleg = _("A well-founded objection revises the decision: fill in the revised category, start or end date.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "tlv": self.tlv}

    def uitvoeren(self, form):
        diensten.bezwaar_beslissen(
            door=self.request.user,
            bezwaar=self.bezwaar,
            beslissing=form.cleaned_data["beslissing"],
            motivering=form.cleaned_data["motivering"],
            herzien=form.herzien(),
        )


class BezwaarIntrekkenView(BezwaarActieView):
    form_class = RedenForm
    titel = _("Record that the objection was withdrawn")
    succes_bericht = _("The objection was withdrawn.")

    def uitvoeren(self, form):
        diensten.bezwaar_intrekken(door=self.request.user, bezwaar=self.bezwaar, reden=form.cleaned_data["reden"])


class BeroepView(BezwaarActieView):
    form_class = BeroepForm
    titel = _("Record an appeal")
    succes_bericht = _("The appeal was recorded.")

    def uitvoeren(self, form):
        diensten.bezwaar_beroep_vastleggen(door=self.request.user, bezwaar=self.bezwaar, **form.cleaned_data)


class BezwaarBriefView(BezwaarMixin, View):
    def get(self, request, uuid):
        taak = self.bezwaar.beslissingsbrief
        if request.GET.get("status"):
            return brief_status(request, taak, reverse("tlv:bezwaar_brief", args=[uuid]))
        return brief_response(
            request,
            taak,
            log=lambda: log_besluitbrief_gedownload(gebruiker=request.user, tlv=self.tlv, request=request),
        )
