"""Views to register pupils, import them from a school administration export (preview, then
confirm), and record a school transfer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from leerlingen.choices import Importactie, ImportStatus
from leerlingen.forms import dossier as forms
from leerlingen.models import Leerlingimport
from leerlingen.selectors.leerling import huidige_inschrijving
from leerlingen.services import importeren as services
from leerlingen.services.overstap import (
    leerkrachten_van_school,
    leerling_leerkrachten_koppelen,
    leerling_overplaatsen,
    leerling_registreren,
)
from leerlingen.views.dossier import LeerlingFormView
from swv.access import scholen, zichtbaar_of_404
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.generiek import ActieView
from swv.models import Gebruiker, School


class LeerlingNieuwView(ActieView):
    rollen = (Rol.IB_ER,)
    form_class = forms.LeerlingForm
    template_name = "leerlingen/formulier.html"
    titel = _("Register a pupil")
    knop = _("Register pupil")
    succes_bericht = _("The pupil has been registered.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scholen": scholen(self.request.user, [Rol.IB_ER]).order_by("naam")}

    def terug_url(self):
        return reverse("leerlingen:lijst")

    def uitvoeren(self, form):
        leerling = leerling_registreren(door=self.request.user, **form.cleaned_data)
        return reverse("leerlingen:detail", args=[leerling.uuid])


class ImportNieuwView(ActieView):
    rollen = (Rol.IB_ER,)
    form_class = forms.ImportForm
    template_name = "leerlingen/import_nieuw.html"
    fout_veld = "bestand"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scholen": scholen(self.request.user, [Rol.IB_ER]).order_by("naam")}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["recent"] = Leerlingimport.objects.visible_to(self.request.user).select_related("school")[:10]
        return ctx

    def uitvoeren(self, form):
        import_ = services.import_voorbereiden(
            door=self.request.user, school=form.cleaned_data["school"], bestand=form.cleaned_data["bestand"]
        )
        return reverse("leerlingen:import_detail", args=[import_.uuid])


class ImportDetailView(LoginRequiredMixin, View):
    """The preview per row; POST ``bevestigen`` writes everything, ``annuleren`` discards it."""

    def _import(self, uuid):
        return zichtbaar_of_404(
            Leerlingimport.objects.visible_to(self.request.user).select_related("school"), uuid=uuid
        )

    def get(self, request, uuid):
        import_ = self._import(uuid)
        return render(
            request,
            "leerlingen/import_detail.html",
            {"import": import_, "regels": import_.regels, "acties": dict(Importactie.choices), "Status": ImportStatus},
        )

    def post(self, request, uuid):
        import_ = self._import(uuid)
        try:
            if "annuleren" in request.POST:
                services.import_annuleren(door=request.user, leerlingimport=import_)
                messages.info(request, _("The import has been cancelled; nothing was imported."))
                return redirect("leerlingen:import_nieuw")
            import_ = services.import_bevestigen(door=request.user, leerlingimport=import_)
        except DomeinFout as fout:
            messages.error(request, fout.bericht)
        else:
            messages.success(
                request,
                _("Import done: %(nieuw)s created, %(bijgewerkt)s updated, %(ongewijzigd)s unchanged.")
                % {
                    "nieuw": import_.aantal_nieuw,
                    "bijgewerkt": import_.aantal_bijgewerkt,
                    "ongewijzigd": import_.aantal_ongewijzigd,
                },
            )
        return redirect("leerlingen:import_detail", uuid=import_.uuid)


class OverstapView(LeerlingFormView):
    form_class = forms.OverstapForm
    titel = _("Record a school transfer")
    knop = _("Record transfer")
    succes_bericht = _("The transfer has been recorded; the dossier has moved to the new school.")

    def get_form_kwargs(self):
        huidig = huidige_inschrijving(self.object)
        qs = School.objects.filter(actief=True)
        if huidig is not None:
            qs = qs.filter(swv_id=huidig.school.swv_id).exclude(pk=huidig.school_id)
        return {**super().get_form_kwargs(), "scholen": qs.order_by("naam")}

    def get_context_data(self, **kwargs):
        from leerlingen.conf import overstap_leesrecht_dagen

        dagen = overstap_leesrecht_dagen()
        uitleg = (
            _("After the transfer your school can read what it wrote in the dossier for %(n)s days.") % {"n": dagen}
            if dagen
            else _("After the transfer your school can no longer read the dossier.")
        )
        return super().get_context_data(uitleg=uitleg, **kwargs)

    def uitvoeren(self, form):
        return leerling_overplaatsen(door=self.request.user, leerling=self.object, **form.cleaned_data)

    def succes_url(self, resultaat):
        return reverse("leerlingen:lijst")


class LeerkrachtenView(LeerlingFormView):
    """The ib-er links the pupil's teachers (who then read its dossier)."""

    form_class = forms.LeerkrachtenForm
    titel = _("Link teachers")
    knop = _("Save")
    succes_bericht = _("The linked teachers have been saved.")

    def get_form_kwargs(self):
        inschrijving = huidige_inschrijving(self.object)
        kandidaten = leerkrachten_van_school(inschrijving.school) if inschrijving else Gebruiker.objects.none()
        return {**super().get_form_kwargs(), "kandidaten": kandidaten}

    def get_initial(self):
        return {"leerkrachten": list(self.object.leerkrachten.all())}

    def uitvoeren(self, form):
        return leerling_leerkrachten_koppelen(
            door=self.request.user, leerling=self.object, leerkrachten=list(form.cleaned_data["leerkrachten"])
        )
