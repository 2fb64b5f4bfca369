"""Generated reports: the list with the generate form, a report's versions, adopting, withdrawing,
downloading and publishing a version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from kwaliteit import conf, forms
from kwaliteit.choices import RapportSoort, VersieStatus
from kwaliteit.models import Publicatie, RapportVersie
from kwaliteit.selectors.verslagen import verslagen
from kwaliteit.services import publicaties as publicatie_services
from kwaliteit.services import verslagen as services
from swv.access import heeft_rol, rollen, zichtbaar_of_404
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.generiek import ActieView, RolVereistMixin
from swv.models import Taak

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LEZERS = conf.SWV_BREED | {Rol.TLC_LID, Rol.AC_LID}


def _soorten(user, actie: str) -> list[tuple[str, StrOrPromise]]:
    mijn = rollen(user)
    return [(s, label) for s, label in RapportSoort.choices if conf.verslag_rollen(s, actie) & mijn]


class VerslagenView(RolVereistMixin, TemplateView):
    rollen = LEZERS
    template_name = "kwaliteit/verslagen.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        soort = self.request.GET.get("soort", "")
        qs = verslagen(user)
        if soort in RapportSoort.values:
            qs = qs.filter(soort=soort)
        te_genereren = _soorten(user, "genereren")
        initial = {"jaar": timezone.localdate().year, "soort": soort if soort in dict(te_genereren) else None}
        ctx.update(
            rapporten=qs,
            soort=soort,
            soorten=RapportSoort.choices,
            form=forms.RapportGenererenForm(soorten=te_genereren, initial=initial) if te_genereren else None,
        )
        return ctx


class VerslagGenererenView(RolVereistMixin, View):
    """Start generating a version; the progress page of the job follows."""

    rollen = LEZERS

    def post(self, request):
        form = forms.RapportGenererenForm(request.POST, soorten=_soorten(request.user, "genereren"))
        if not form.is_valid():
            messages.error(request, _("Choose a report and a year between 2000 and 2100."))
            return redirect("kwaliteit:verslagen")
        try:
            versie = services.rapport_genereren(
                soort=form.cleaned_data["soort"], jaar=form.cleaned_data["jaar"], door=request.user
            )
        except DomeinFout as fout:
            messages.error(request, str(fout))
            return redirect("kwaliteit:verslagen")
        except PermissionDenied:
            raise Http404
        messages.info(request, _("The report is being generated; you can follow its progress below."))
        return redirect("taak_detail", uuid=versie.taak.uuid)


class VerslagDetailView(RolVereistMixin, TemplateView):
    rollen = LEZERS
    template_name = "kwaliteit/verslag.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        rapport = zichtbaar_of_404(verslagen(user), uuid=kwargs["uuid"])
        versies = list(rapport.versies.all())
        ctx.update(
            rapport=rapport,
            versies=versies,
            heeft_vastgesteld=any(v.status == VersieStatus.VASTGESTELD for v in versies),
            mag_genereren=heeft_rol(user, *conf.verslag_rollen(rapport.soort, "genereren")),
            mag_vaststellen=heeft_rol(user, *conf.verslag_rollen(rapport.soort, "vaststellen")),
            mag_publiceren=heeft_rol(user, *conf.PUBLICEREN),
            publicaties=Publicatie.objects.visible_to(user)
            .filter(bron_versie__rapport=rapport)
            .order_by("-gepubliceerd_op"),
            genereren_form=forms.RapportGenererenForm(
                soorten=[(rapport.soort, rapport.get_soort_display())],
                initial={"soort": rapport.soort, "jaar": rapport.jaar},
            ),
            taak_klaar=Taak.Status.KLAAR,
        )
        return ctx


def _versie(user, uuid, actie: str = "view") -> RapportVersie:
    return zichtbaar_of_404(RapportVersie.objects.visible_to(user, actie).select_related("rapport", "taak"), uuid=uuid)


class VersieVaststellenView(ActieView):
    rollen = (Rol.DB,)
    alleen_post = True
    titel = gettext_lazy("Adopt this version")
    knop = gettext_lazy("Adopt")
    onomkeerbaar = gettext_lazy(
        "The file of an adopted version is frozen: it cannot be changed, only withdrawn with a reason."
    )

    def laad(self):
        self.versie = _versie(self.request.user, self.kwargs["uuid"], "vaststellen")

    def terug_url(self):
        return reverse("kwaliteit:verslag", args=[self.versie.rapport.uuid])

    def uitvoeren(self, form):
        services.rapportversie_vaststellen(versie=self.versie, door=self.request.user)
        messages.success(
            self.request, _("Version %(n)s has been adopted; its file is frozen.") % {"n": self.versie.nummer}
        )


class VersieIntrekkenView(ActieView):
    rollen = (Rol.DB,)
    form_class = forms.RedenForm
    titel = gettext_lazy("Withdraw the adopted version")
    knop = gettext_lazy("Withdraw")
    succes_bericht = gettext_lazy("The version has been withdrawn.")

    def terug_url(self):
        return reverse("kwaliteit:verslag", args=[self.versie.rapport.uuid])

    def laad(self):
        self.versie = _versie(self.request.user, self.kwargs["uuid"], "vaststellen")

    def uitvoeren(self, form) -> str | None:
        services.rapportversie_intrekken(versie=self.versie, door=self.request.user, reden=form.cleaned_data["reden"])
        return self.terug_url()


class VersieDownloadView(RolVereistMixin, View):
    """A version's PDF: the frozen copy once adopted, the job's file while a draft (private)."""

    rollen = LEZERS

    def get(self, request, uuid):
        versie = _versie(request.user, uuid)
        bestand, naam = (
            (versie.bestand, versie.bestandsnaam) if versie.bestand else (versie.taak.bestand, versie.taak.bestandsnaam)
        )
        if not bestand:
            raise Http404
        return FileResponse(bestand.open("rb"), as_attachment=True, filename=naam, content_type="application/pdf")


class VersiePublicerenView(ActieView):
    rollen = conf.PUBLICEREN
    form_class = forms.PublicerenForm
    knop = gettext_lazy("Publish")
    succes_bericht = gettext_lazy("The report has been published; the published file is frozen.")
    onomkeerbaar = gettext_lazy(
        "The report becomes public for the chosen audiences and the published file is frozen; "
        "it cannot be changed afterwards."
    )

    def terug_url(self):
        return reverse("kwaliteit:verslag", args=[self.versie.rapport.uuid])

    def laad(self):
        self.versie = _versie(self.request.user, self.kwargs["uuid"])
        if self.versie.status != VersieStatus.VASTGESTELD:
            raise Http404
        self.titel = _("Publish %(rapport)s") % {"rapport": self.versie.rapport}

    def get_initial(self):
        return {"titel": str(self.versie.rapport), "doelgroepen": []}

    def uitvoeren(self, form) -> str:
        d = form.cleaned_data
        publicatie = publicatie_services.publiceren_van_versie(
            versie=self.versie,
            doelgroepen=d["doelgroepen"],
            titel=d["titel"],
            toelichting=d["toelichting"],
            door=self.request.user,
        )
        return reverse("publicaties:detail", args=[publicatie.uuid])
