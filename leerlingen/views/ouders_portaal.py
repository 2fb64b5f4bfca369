"""The parents' own pages (issue 14): their children, what the school shares, and their answers.

Only a user without a membership who has a link to a child passes ``heeft_toegang`` (staff get 404
here, parents get 404 on every staff page: they have no membership); each child's page loads the
parent's link in force to that child (``toegang.koppeling_van``) or answers 404. Every view of a
child's data writes an access-log row (``swv.protocol.log_ouderportaal_bekeken``, in ``OuderMixin``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from leerlingen.forms.ouders import OuderDocumentForm, OuderInstemmingForm, OuderLogboekForm, ZienswijzeForm
from leerlingen.models import OuderBrief
from leerlingen.ouders import selectors
from leerlingen.ouders.bronnen import ouderbron
from leerlingen.ouders.toegang import is_portaalouder, koppeling_van
from leerlingen.services import ouders as services
from swv.access import zichtbaar_of_404
from swv.generiek import ActieView, ToegangMixin
from swv.protocol import log_document_gedownload, log_ouderportaal_bekeken


class OuderMixin(ToegangMixin):
    """The parents' pages: parents only; with ``kind`` in the URL, the parent's link to that child,
    then the page's own objects (``laad_kind``), then one access-log row for the child (about
    ``protocol_object()``), unless the page shows none of the child's data (``protocol = False``)."""

    koppeling: Any = None
    protocol = True

    def heeft_toegang(self, user) -> bool:
        return is_portaalouder(user)

    def laad(self) -> None:
        if "kind" in self.kwargs:
            self.koppeling = koppeling_van(self.request.user, self.kwargs["kind"])
        super().laad()
        if self.koppeling is None:
            return
        self.laad_kind()
        if self.protocol:
            log_ouderportaal_bekeken(
                gebruiker=self.request.user,
                leerling=self.koppeling.leerling,
                obj=self.protocol_object(),
                request=self.request,
            )

    def laad_kind(self) -> None:
        """Load the page's objects of the child (404 when not the child's); the default loads none."""

    def protocol_object(self) -> Any:
        """What the access-log row is about: by default the child itself."""
        return None

    def kind_url(self) -> str:
        return reverse("leerlingen:ouders_kind", args=[self.koppeling.leerling.uuid])


class OuderHomeView(OuderMixin, TemplateView):
    template_name = "leerlingen/ouders/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["koppelingen"] = selectors.kinderen_overzicht(self.request.user)
        for k in ctx["koppelingen"]:
            log_ouderportaal_bekeken(gebruiker=self.request.user, leerling=k.leerling, request=self.request)
        return ctx


class KindView(OuderMixin, TemplateView):
    template_name = "leerlingen/ouders/kind.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        k = self.koppeling
        ctx.update(
            koppeling=k,
            leerling=k.leerling,
            secties=selectors.gedeelde_secties(k),
            opp_versies=selectors.opp_versies(k),
            mdos=selectors.mdos(k),
            verzoeken=selectors.verzoeken(k),
            brieven=selectors.brieven(k),
            logboek=selectors.logboek(k),
        )
        return ctx


class OuderActieView(OuderMixin, ActieView):
    """A parent's answer on something about their child: the form page of the parents' portal."""

    template_name = "leerlingen/ouders/formulier.html"
    model = None

    def terug_url(self) -> str:
        return self.kind_url()


class OPPInstemmingView(OuderActieView):
    form_class = OuderInstemmingForm
    titel = _("Your answer on the plan for your child (OPP)")
    knop = _("Send my answer")
    succes_bericht = _("Thank you. Your answer has been sent to the school.")
    uitleg = _(
        "The school made a plan for your child: the development perspective (OPP). You may say whether "
        "you agree with the part that says what support your child gets. Your answer goes to the school "
        "and is kept with the plan, with the date. If you do not agree, the school will talk to you."
    )

    versie: Any = None

    def laad_kind(self) -> None:
        self.versie = selectors.opp_versie(self.koppeling, self.kwargs["uuid"])
        if self.versie is None:
            raise Http404

    def protocol_object(self) -> Any:
        return self.versie

    def get_context_data(self, **kwargs):
        return super().get_context_data(versie=self.versie, **kwargs)

    def uitvoeren(self, form):
        services.opp_instemming_door_ouder(koppeling=self.koppeling, oppversie=self.versie, **form.cleaned_data)


class ZienswijzeView(OuderActieView):
    form_class = ZienswijzeForm
    titel = _("Your view on the request")
    knop = _("Send my view")
    succes_bericht = _("Thank you. Your view has been added to the request.")
    uitleg = _(
        "The school is preparing a request for extra support for your child. Your view is added to the "
        "request, with your name and the date. The school and the SWV read it before they decide."
    )

    bron: Any = None
    verzoek: Any = None

    def laad_kind(self) -> None:
        self.bron = ouderbron(self.kwargs["bron"])
        if self.bron is None:
            raise Http404
        self.verzoek = next(
            (v for v in self.bron.verzoeken(self.koppeling.leerling) if str(v.uuid) == str(self.kwargs["uuid"])), None
        )
        if self.verzoek is None:
            raise Http404

    def get_initial(self):
        return {"tekst": self.verzoek.zienswijze}

    def get_context_data(self, **kwargs):
        return super().get_context_data(verzoek=self.verzoek, **kwargs)

    def uitvoeren(self, form):
        self.bron.zienswijze_geven(koppeling=self.koppeling, uuid=self.verzoek.uuid, **form.cleaned_data)


class OuderBriefView(OuderMixin, View):
    """Download of a letter delivered to the parent: only their own, of a child with a link in force
    (``OuderBrief.objects.visible_to``), access-logged; while the PDF is still being made, back to
    the child's page with a message."""

    def get(self, request, uuid):
        brief = zichtbaar_of_404(
            OuderBrief.objects.visible_to(request.user).select_related("taak", "leerling"), uuid=uuid
        )
        if not brief.taak.bestand:
            messages.info(request, _("The letter is still being prepared. Try again in a minute."))
            return redirect("leerlingen:ouders_kind", brief.leerling.uuid)
        log_document_gedownload(gebruiker=request.user, document=brief, leerling=brief.leerling, request=request)
        services.brief_gedownload(brief=brief)
        return FileResponse(brief.taak.bestand.open("rb"), as_attachment=True, filename=brief.taak.bestandsnaam)


class OuderDocumentView(OuderActieView):
    form_class = OuderDocumentForm
    titel = _("Send a document to the school")
    knop = _("Send document")
    succes_bericht = _("Thank you. The school can now read the document.")
    uitleg = _(
        "Do you have a report about your child, for example from youth care or a doctor? Send it here. "
        "The document is added to your child's dossier at school, marked as coming from you. "
        "Only the school staff who work on your child's support can read it."
    )

    def uitvoeren(self, form):
        services.document_van_ouder(koppeling=self.koppeling, **form.cleaned_data)


class OuderLogboekView(OuderActieView):
    form_class = OuderLogboekForm
    titel = _("Write a message to the school")
    knop = _("Send message")
    succes_bericht = _("Your message is in the logbook.")
    protocol = False  # the form only; the messages are on the child's page
    uitleg = _(
        "Your message goes into the logbook of your child. The school staff who work on your child's "
        "support read it. The other parent with authority reads it too, unless you tick 'Only for the school'."
    )

    def uitvoeren(self, form):
        services.logboek_schrijven(door=self.request.user, leerling=self.koppeling.leerling, **form.cleaned_data)
