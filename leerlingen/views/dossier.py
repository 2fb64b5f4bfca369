"""Views of the dossier (groeidocument): overview, detail, sections, signals, interventions,
documents, history, open/close/reopen, timeline. Thin: a scoped object, one service or selector."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from leerlingen import protocol
from leerlingen.choices import DossierStatus, Sectie
from leerlingen.forms import dossier as forms
from leerlingen.models import Document, Dossier, DossierSectie, Interventie, Leerling
from leerlingen.selectors import dossier as selectors
from leerlingen.services import dossier as services
from leerlingen.services.document import document_toevoegen
from leerlingen.tijdlijn import leerling_zichtbaar, tijdlijn
from leerlingen.views.basis import ActieFormView
from swv.access import scholen, zichtbaar_of_404
from swv.choices import LEERLINGDATA_ROLLEN, Rol
from swv.generiek import RolVereistMixin, ZoektermMixin
from swv.protocol import log_document_gedownload


def dossier_url(dossier, anker: str = "") -> str:
    return reverse("leerlingen:dossier_detail", args=[dossier.uuid]) + (f"#{anker}" if anker else "")


class DossierLijstView(RolVereistMixin, ZoektermMixin, View):
    """The school overview of dossiers (ib-er, directeur, consulent; DB/beleid SWV-wide), with counts."""

    rollen = LEERLINGDATA_ROLLEN
    per_pagina = 50

    def get(self, request):
        user = request.user
        status = request.GET.get("status", "")
        zoek = self.zoekterm()  # POSTed, kept in the session: never in the URL (ZoektermMixin)
        mijn_scholen = scholen(user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.LEERKRACHT]).order_by("naam")
        school = mijn_scholen.filter(uuid=request.GET.get("school")).first() if request.GET.get("school") else None
        qs = selectors.dossier_lijst(user, status=status, school=school, zoek=zoek)
        pagina = Paginator(qs, self.per_pagina).get_page(request.GET.get("pagina"))
        protocol.log_dossiers_bekeken(gebruiker=user, aantal=len(pagina.object_list), request=request)
        querystring = request.GET.copy()
        querystring.pop("pagina", None)
        return render(
            request,
            "leerlingen/dossier_lijst.html",
            {
                "pagina": pagina,
                "status": status,
                "zoek": zoek,
                "school": school,
                "mijn_scholen": mijn_scholen,
                "statussen": DossierStatus.choices,
                "kengetallen": selectors.kengetallen(user, school=school),
                "querystring": querystring,
            },
        )


class DossierDetailView(LoginRequiredMixin, View):
    def get(self, request, uuid):
        user = request.user
        dossier = zichtbaar_of_404(
            Dossier.objects.visible_to(user).select_related("leerling", "school", "regievoerder"), uuid=uuid
        )
        protocol.log_dossier_bekeken(gebruiker=user, dossier=dossier, request=request)
        ctx = {
            "dossier": dossier,
            "leerling": dossier.leerling,
            "mag_wijzigen": selectors.mag_wijzigen(user, dossier),
            **selectors.dossier_inhoud(user, dossier),
        }
        return render(request, "leerlingen/dossier_detail.html", ctx)


class LeerlingFormView(ActieFormView):
    """A form on a pupil (open a dossier, add a signal, record a transfer); back to the pupil page."""

    model = Leerling

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object, **kwargs)

    def terug_url(self):
        return reverse("leerlingen:detail", args=[self.object.uuid])


class DossierOpenenView(LeerlingFormView):
    form_class = forms.DossierOpenenForm
    titel = _("Open a dossier")
    knop = _("Open dossier")
    uitleg = _("You become the case manager (regievoerder) of this pupil's dossier.")
    succes_bericht = _("The dossier has been opened.")

    def uitvoeren(self, form):
        return services.dossier_openen(
            door=self.request.user, leerling=self.object, aanleiding=form.cleaned_data["aanleiding"]
        )

    def succes_url(self, dossier):
        return dossier_url(dossier)


class DossierFormView(ActieFormView):
    """A form on a dossier the user may change (the ib-er)."""

    model = Dossier

    def get_queryset(self):
        return super().get_queryset().select_related("leerling", "school")

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object.leerling, dossier=self.object, **kwargs)

    def terug_url(self):
        return dossier_url(self.object)


class DossierAfsluitenView(DossierFormView):
    form_class = forms.AfsluitenForm
    titel = _("Close the dossier")
    knop = _("Close dossier")
    succes_bericht = _("The dossier has been closed.")

    def uitvoeren(self, form):
        d = form.cleaned_data
        return services.dossier_afsluiten(
            door=self.request.user, dossier=self.object, reden=d["reden"], toelichting=d["toelichting"]
        )


class DossierHeropenenView(DossierFormView):
    form_class = forms.HeropenenForm
    titel = _("Reopen the dossier")
    knop = _("Reopen dossier")
    succes_bericht = _("The dossier has been reopened.")

    def uitvoeren(self, form):
        return services.dossier_heropenen(door=self.request.user, dossier=self.object, reden=form.cleaned_data["reden"])


class SectieBewerkenView(DossierFormView):
    form_class = forms.SectieForm
    knop = _("Save")
    succes_bericht = _("The section has been saved.")

    def dispatch(self, request, *args, **kwargs):
        if kwargs["sectie"] not in Sectie.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def titel(self):
        return Sectie(self.kwargs["sectie"]).label

    def _bestaand(self):
        return DossierSectie.objects.filter(dossier=self.object, sectie=self.kwargs["sectie"]).first()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sectie": self.kwargs["sectie"]}

    def get_initial(self):
        s = self._bestaand()
        return {
            "tekst": s.tekst if s else "",
            "versie": s.versie if s else 0,
            "gedeeld_met_ouders": s.gedeeld_met_ouders if s else False,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            uitleg=_("If someone else saves this section while you edit it, you are told so; nothing is overwritten."),
            **kwargs,
        )

    def uitvoeren(self, form):
        d = form.cleaned_data
        return services.sectie_bijwerken(
            door=self.request.user,
            dossier=self.object,
            sectie=self.kwargs["sectie"],
            tekst=d["tekst"],
            versie=d["versie"],
            gedeeld_met_ouders=d["gedeeld_met_ouders"],
        )

    def succes_url(self, resultaat):
        return dossier_url(self.object, "groeidocument")


class InterventieNieuwView(DossierFormView):
    form_class = forms.InterventieForm
    titel = _("Add an intervention")
    knop = _("Add intervention")
    succes_bericht = _("The intervention has been added.")

    def uitvoeren(self, form):
        return services.interventie_toevoegen(door=self.request.user, dossier=self.object, **form.cleaned_data)

    def succes_url(self, resultaat):
        return dossier_url(self.object, "interventies")


class InterventieEvaluerenView(ActieFormView):
    model = Interventie
    form_class = forms.EvaluatieForm
    titel = _("Evaluate the intervention")
    knop = _("Save evaluation")
    succes_bericht = _("The evaluation has been saved.")

    def get_queryset(self):
        # Interventions of dossiers the user may change (the ib-er).
        return Interventie.objects.filter(
            dossier__in=Dossier.objects.visible_to(self.request.user, "change")
        ).select_related("dossier__leerling")

    def get_initial(self):
        i = self.object
        return {
            "evaluatie": i.evaluatie,
            "resultaat": i.resultaat,
            "evaluatiedatum": i.evaluatiedatum,
            "versie": i.versie,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            leerling=self.object.dossier.leerling, uitleg=self.object.omschrijving, **kwargs
        )

    def terug_url(self):
        return dossier_url(self.object.dossier, "interventies")

    def uitvoeren(self, form):
        d = form.cleaned_data
        return services.interventie_evalueren(door=self.request.user, interventie=self.object, **d)


class SignaalNieuwView(LeerlingFormView):
    """A leerkracht (linked), ib-er or directeur records a signal about a pupil of their school."""

    action = "view"
    form_class = forms.SignaalForm
    titel = _("Add a signal")
    knop = _("Save signal")
    succes_bericht = _("The signal has been recorded.")

    def uitvoeren(self, form):
        return services.signaal_toevoegen(door=self.request.user, leerling=self.object, **form.cleaned_data)


class DocumentNieuwView(DossierFormView):
    form_class = forms.DocumentForm
    titel = _("Add a document")
    knop = _("Upload document")
    succes_bericht = _("The document has been added.")
    uitleg = _("Allowed: PDF, Word (DOCX), Excel (XLSX), PNG or JPEG. The content of the file is checked.")

    def uitvoeren(self, form):
        d = form.cleaned_data
        return document_toevoegen(
            door=self.request.user,
            leerling=self.object.leerling,
            dossier=self.object,
            bestand=d["bestand"],
            titel=d["titel"],
            soort=d["soort"],
        )

    def succes_url(self, resultaat):
        return dossier_url(self.object, "documenten")


class DocumentDownloadView(LoginRequiredMixin, View):
    """The only way to a document's file: scoped (404 otherwise) and written to the access log."""

    def get(self, request, uuid):
        document = zichtbaar_of_404(Document.objects.visible_to(request.user).select_related("leerling"), uuid=uuid)
        log_document_gedownload(gebruiker=request.user, document=document, leerling=document.leerling, request=request)
        try:
            bestand = document.bestand.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        naam = f"{document.titel[:80]}.{document.extensie}".replace("/", "-").replace("\\", "-")
        antwoord = FileResponse(bestand, as_attachment=True, filename=naam, content_type=document.inhoudstype)
        antwoord["X-Content-Type-Options"] = "nosniff"
        antwoord["Cache-Control"] = "private, no-store"
        return antwoord


class GeschiedenisView(LoginRequiredMixin, View):
    """Every change in the dossier (who, when, before/after), for the ib-er who may change it."""

    def get(self, request, uuid):
        dossier = zichtbaar_of_404(
            Dossier.objects.visible_to(request.user, "change").select_related("leerling"), uuid=uuid
        )
        protocol.log_geschiedenis_bekeken(gebruiker=request.user, dossier=dossier, request=request)
        return render(
            request,
            "leerlingen/dossier_geschiedenis.html",
            {
                "dossier": dossier,
                "leerling": dossier.leerling,
                "wijzigingen": selectors.geschiedenis(request.user, dossier),
            },
        )


class TijdlijnView(LoginRequiredMixin, View):
    """The pupil's timeline: for users who see the pupil or (old school) part of its dossier."""

    def get(self, request, uuid):
        user = request.user
        leerling = Leerling.objects.filter(uuid=uuid).first()
        if leerling is None or not (
            leerling_zichtbaar(leerling, user) or Dossier.objects.visible_to(user).filter(leerling=leerling).exists()
        ):
            raise Http404
        protocol.log_tijdlijn_bekeken(gebruiker=user, leerling=leerling, request=request)
        items = tijdlijn(leerling, user)
        return render(request, "leerlingen/tijdlijn.html", {"leerling": leerling, "items": items})
