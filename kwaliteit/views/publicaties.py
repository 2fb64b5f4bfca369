"""Publications: the OPR's read-only portal (by kind and year, with history), a publication with the
OPR's decisions, uploads and withdrawal by the DB, and the public list served without login."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from kwaliteit import conf, forms
from kwaliteit.choices import DocumentSoort
from kwaliteit.models import Publicatie, Statuswijziging
from kwaliteit.selectors import publicaties as selectors
from kwaliteit.services import publicaties as services
from swv.access import heeft_rol, zichtbaar_of_404
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.generiek import ActieView, RolVereistMixin

LEZERS = conf.SWV_BREED | {Rol.OPR_LID, Rol.BESTUURDER}


def _bestand(publicatie: Publicatie, *, inline: bool) -> FileResponse:
    response = FileResponse(
        publicatie.bestand.open("rb"),
        as_attachment=not inline,
        filename=publicatie.bestandsnaam,
        content_type=publicatie.mimetype,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PublicatiesView(RolVereistMixin, TemplateView):
    """Published documents by kind and year; for each the current publication and its history."""

    rollen = LEZERS
    template_name = "kwaliteit/publicaties.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        soort = self.request.GET.get("soort", "")
        soort = soort if soort in DocumentSoort.values else ""
        jaar_tekst = self.request.GET.get("jaar", "")
        jaar = int(jaar_tekst) if jaar_tekst.isdigit() else None
        ctx.update(
            groepen=selectors.publicaties_per_soort(user, soort=soort, jaar=jaar),
            soort=soort,
            jaar=jaar,
            soorten=DocumentSoort.choices,
            jaren=selectors.publicatie_jaren(user),
            mag_publiceren=heeft_rol(user, *conf.PUBLICEREN),
        )
        return ctx


class PublicatieDetailView(RolVereistMixin, TemplateView):
    rollen = LEZERS
    template_name = "kwaliteit/publicatie.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        publicatie = zichtbaar_of_404(
            Publicatie.objects.visible_to(user).select_related("gepubliceerd_door", "bron_versie__rapport"),
            uuid=kwargs["uuid"],
        )
        ctx.update(
            publicatie=publicatie,
            besluiten=publicatie.opr_besluiten.select_related("vastgelegd_door").order_by("-datum", "-pk"),
            historie=Statuswijziging.objects.van(publicatie).select_related("door"),
            andere=Publicatie.objects.visible_to(user)
            .filter(documentsoort=publicatie.documentsoort, jaar=publicatie.jaar)
            .exclude(pk=publicatie.pk)
            .order_by("-gepubliceerd_op"),
            is_secretaris=services.is_opr_secretaris(user) and publicatie.voor_opr,
            mag_intrekken=heeft_rol(user, *conf.PUBLICEREN) and publicatie.is_gepubliceerd,
            besluit_form=kwargs.get("besluit_form") or forms.OprBesluitForm(),
            intrekken_form=forms.RedenForm(),
        )
        return ctx

    def post(self, request, uuid):
        """The OPR secretary records a decision of the OPR (consent or advice) on this publication."""
        publicatie = zichtbaar_of_404(Publicatie.objects.visible_to(request.user).filter(voor_opr=True), uuid=uuid)
        if not services.is_opr_secretaris(request.user):
            raise Http404
        form = forms.OprBesluitForm(request.POST)
        if form.is_valid():
            try:
                services.oprbesluit_vastleggen(publicatie=publicatie, door=request.user, **form.cleaned_data)
                messages.success(request, _("The decision of the OPR has been recorded."))
                return redirect("publicaties:detail", uuid=publicatie.uuid)
            except DomeinFout as fout:
                form.add_error(None, str(fout))
        return self.render_to_response(self.get_context_data(uuid=uuid, besluit_form=form))


class PublicatieDownloadView(RolVereistMixin, View):
    rollen = LEZERS

    def get(self, request, uuid):
        publicatie = zichtbaar_of_404(Publicatie.objects.visible_to(request.user).gepubliceerd(), uuid=uuid)
        return _bestand(publicatie, inline=False)


class PublicatieIntrekkenView(ActieView):
    rollen = conf.PUBLICEREN
    form_class = forms.RedenForm
    titel = gettext_lazy("Withdraw the publication")
    knop = gettext_lazy("Withdraw")
    succes_bericht = gettext_lazy("The publication has been withdrawn.")

    def terug_url(self):
        return reverse("publicaties:detail", args=[self.publicatie.uuid])

    def laad(self):
        self.publicatie = zichtbaar_of_404(
            Publicatie.objects.visible_to(self.request.user, "change"), uuid=self.kwargs["uuid"]
        )

    def uitvoeren(self, form) -> str | None:
        services.publicatie_intrekken(
            publicatie=self.publicatie, door=self.request.user, reden=form.cleaned_data["reden"]
        )
        return self.terug_url()


class PublicatieUploadView(ActieView):
    rollen = conf.PUBLICEREN
    form_class = forms.UploadPublicatieForm
    titel = gettext_lazy("Publish a document")
    knop = gettext_lazy("Publish")
    succes_bericht = gettext_lazy("The document has been published; the published file is frozen.")

    def terug_url(self):
        return reverse("publicaties:overzicht")

    def uitvoeren(self, form) -> str:
        d = form.cleaned_data
        publicatie = services.publiceren_van_upload(
            bestand=d["bestand"],
            documentsoort=d["documentsoort"],
            jaar=d["jaar"],
            titel=d["titel"],
            doelgroepen=d["doelgroepen"],
            toelichting=d["toelichting"],
            door=self.request.user,
        )
        return reverse("publicaties:detail", args=[publicatie.uuid])


class OpenbaarView(TemplateView):
    """Public documents, without login (only what was published to the public and not withdrawn)."""

    template_name = "kwaliteit/openbaar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["publicaties"] = Publicatie.objects.openbaar().order_by("documentsoort", "-jaar", "-gepubliceerd_op")
        return ctx


class OpenbaarDownloadView(View):
    def get(self, request, uuid):
        return _bestand(zichtbaar_of_404(Publicatie.objects.openbaar(), uuid=uuid), inline=True)
