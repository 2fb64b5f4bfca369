"""Views of requests: lists, the work queue, a pupil's arrangements, the request form, the
request's page with its transitions, and the decision letter."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from arrangementen import selectors, services
from arrangementen.choices import TE_BEOORDELEN_STATUSSEN, AanvraagStatus
from arrangementen.forms import (
    AanvraagForm,
    AdviesForm,
    AfrondenForm,
    AntwoordForm,
    BesluitForm,
    EvaluatieForm,
    IntrekkenForm,
    VraagForm,
)
from arrangementen.models import Arrangementtype, Besluit
from arrangementen.services import GelijktijdigeWijziging
from arrangementen.vervolgstap import stem_van_het_kind_als_visie
from arrangementen.views.basis import AanvraagActieView, AanvraagKnopView, aanvraag_of_404
from leerlingen.models import Leerling, MDOUitkomst
from swv.access import school_ids, zichtbaar_of_404
from swv.choices import LEERLINGDATA_ROLLEN, Rol
from swv.generiek import ActieView, HtmxDeelMixin, RolVereistMixin, ZoektermMixin
from swv.models import School
from swv.protocol import log_document_gedownload, log_leerling_bekeken, log_leerlingen_gezocht

BEOORDELAARS = (Rol.CONSULENT, Rol.AC_LID)


class AanvraagLijstView(RolVereistMixin, ZoektermMixin, HtmxDeelMixin, TemplateView):
    htmx_template = "arrangementen/partials/_aanvraag_tabel.html"
    """All requests the user may see, filterable by status, type and school (htmx: the table only)."""

    rollen = LEERLINGDATA_ROLLEN
    template_name = "arrangementen/lijst.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user, g = self.request.user, self.request.GET
        filters = {k: g.get(k, "").strip() for k in ("status", "type", "school")}
        filters["zoek"] = self.zoekterm()  # POSTed, kept in the session: never in the URL
        arrangementtype = (
            Arrangementtype.objects.filter(uuid=filters["type"]).first() if _is_uuid(filters["type"]) else None
        )
        mijn_scholen = School.objects.filter(
            pk__in=school_ids(user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.LEERKRACHT])
        ).order_by("naam")
        school = mijn_scholen.filter(uuid=filters["school"]).first() if _is_uuid(filters["school"]) else None
        qs = selectors.aanvragen_lijst(
            user, status=filters["status"], arrangementtype=arrangementtype, school=school, zoek=filters["zoek"]
        )
        pagina = Paginator(qs, self.per_pagina).get_page(g.get("pagina"))
        if filters["zoek"]:
            log_leerlingen_gezocht(gebruiker=user, aantal=len(pagina.object_list), request=self.request)
        querystring = g.copy()
        querystring.pop("pagina", None)
        ctx.update(
            pagina=pagina,
            filters=filters,
            statussen=AanvraagStatus.choices,
            typen=Arrangementtype.objects.all(),
            mijn_scholen=mijn_scholen,
            querystring=querystring,
        )
        return ctx


def _is_uuid(tekst: str) -> bool:
    import uuid

    try:
        uuid.UUID(tekst)
    except ValueError:
        return False
    return True


class WerkvoorraadView(RolVereistMixin, TemplateView):
    """The assessor's queue: what is missing and any budget or capacity warning per request."""

    rollen = BEOORDELAARS
    template_name = "arrangementen/werkvoorraad.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        pagina, regels = selectors.werkvoorraad(self.request.user, status=status, pagina=self.request.GET.get("pagina"))
        querystring = self.request.GET.copy()
        querystring.pop("pagina", None)
        ctx.update(
            pagina=pagina,
            regels=regels,
            status=status,
            querystring=querystring,
            statussen=[(s.value, s.label) for s in TE_BEOORDELEN_STATUSSEN],
        )
        return ctx


class LeerlingArrangementenView(LoginRequiredMixin, View):
    """A pupil's requests and arrangements, with "new request" for the ib-er of the pupil's school."""

    def get(self, request, uuid):
        leerling = zichtbaar_of_404(Leerling.objects.visible_to(request.user), uuid=uuid)
        log_leerling_bekeken(gebruiker=request.user, leerling=leerling, request=request)
        return render(
            request,
            "arrangementen/leerling.html",
            {
                "leerling": leerling,
                "aanvragen": selectors.van_leerling(request.user, leerling),
                "mag_aanvragen": Leerling.objects.visible_to(request.user, "change").filter(pk=leerling.pk).exists(),
            },
        )


class AanvraagNieuwView(ActieView):
    """The request form for a pupil of the ib-er's school, optionally from an MDO outcome."""

    model = Leerling
    action = "change"
    form_class = AanvraagForm
    template_name = "arrangementen/aanvraag_formulier.html"
    titel = gettext_lazy("New arrangement request")
    succes_bericht = gettext_lazy("The request has been saved as a concept. Check it and submit it.")

    def laad(self):
        super().laad()
        self.leerling = self.object
        self.uitkomst = None
        uitkomst_uuid = self.request.GET.get("uitkomst") or self.request.POST.get("uitkomst")
        if uitkomst_uuid:
            self.uitkomst = zichtbaar_of_404(
                MDOUitkomst.objects.visible_to(self.request.user).select_related("mdo__stem_van_het_kind"),
                uuid=uitkomst_uuid,
                mdo__dossier__leerling=self.leerling,
            )

    def get_initial(self):
        if self.uitkomst is not None:
            # The MDO's outcome and the child's voice heard there start the request's text.
            return {
                "ondersteuningsbehoefte": self.uitkomst.toelichting,
                **stem_van_het_kind_als_visie(self.uitkomst.mdo),
            }
        if self.request.GET.get("oso"):
            # ?oso=<uuid>: the support history of this pupil's imported OSO dossier as a starting text.
            from leerlingen.oso.selectors import oso_samenvatting

            return {
                "ondersteuningsbehoefte": oso_samenvatting(self.request.user, self.leerling, self.request.GET["oso"])
            }
        return {}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(leerling=self.leerling, uitkomst=self.uitkomst, typen=Arrangementtype.objects.actief())
        return ctx

    def uitvoeren(self, form):
        aanvraag = services.aanvraag_aanmaken(
            door=self.request.user,
            leerling=self.leerling,
            arrangementtype=form.cleaned_data["arrangementtype"],
            inhoud=form.inhoud(),
            idempotentiesleutel=form.cleaned_data.get("idempotentiesleutel"),
            mdo_uitkomst=self.uitkomst,
        )
        return reverse("arrangementen:detail", args=[aanvraag.uuid])


class AanvraagBewerkenView(AanvraagActieView):
    template_name = "arrangementen/aanvraag_formulier.html"
    form_class = AanvraagForm
    titel = gettext_lazy("Change the request")
    succes_bericht = gettext_lazy("The request has been saved.")

    def get_initial(self):
        return AanvraagForm.initial_van(self.aanvraag)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(leerling=self.aanvraag.leerling, typen=Arrangementtype.objects.actief())
        return ctx

    def uitvoeren(self, form):
        versie = form.cleaned_data.get("versie")
        if versie is None:
            raise GelijktijdigeWijziging(_("The form is incomplete; reload the page and try again."))
        return services.aanvraag_wijzigen(
            aanvraag=self.aanvraag,
            door=self.request.user,
            inhoud=form.inhoud(),
            versie=versie,
            arrangementtype=form.cleaned_data["arrangementtype"],
        )


class AanvraagDetailView(LoginRequiredMixin, View):
    """The request's page: content, costs, evaluation plan and evaluations, questions, advice,
    decision and letter, history, and the actions this user may take now. Access-logged."""

    def get(self, request, uuid):
        aanvraag = aanvraag_of_404(request.user, uuid)
        log_leerling_bekeken(gebruiker=request.user, leerling=aanvraag.leerling, request=request)
        return render(
            request,
            "arrangementen/detail.html",
            {"p": selectors.aanvraag_pagina(request.user, aanvraag), "aanvraag": aanvraag},
        )


class InstemmenView(AanvraagKnopView):
    action = "instemmen"
    service = staticmethod(services.aanvraag_instemmen)
    succes_bericht = gettext_lazy("You have agreed to the request.")


class IndienenView(AanvraagKnopView):
    service = staticmethod(services.aanvraag_indienen)
    succes_bericht = gettext_lazy("The request has been submitted.")


class InBeoordelingView(AanvraagKnopView):
    action = "beoordelen"
    service = staticmethod(services.aanvraag_in_beoordeling_nemen)
    succes_bericht = gettext_lazy("You are assessing this request.")


class StartenView(AanvraagKnopView):
    service = staticmethod(services.arrangement_starten)
    succes_bericht = gettext_lazy("The arrangement is running.")


class AanvullingVragenView(AanvraagActieView):
    action = "beoordelen"
    form_class = VraagForm
    titel = gettext_lazy("Ask for more information")
    knop = gettext_lazy("Send the question")
    uitleg = gettext_lazy("The school is notified and answers on the request's page. The request is held until then.")
    succes_bericht = gettext_lazy("Your question has been sent to the school.")

    def uitvoeren(self, form):
        return services.aanvraag_aanvulling_vragen(
            aanvraag=self.aanvraag, door=self.request.user, vraag=form.cleaned_data["vraag"]
        )


class AanvullenView(AanvraagActieView):
    form_class = AntwoordForm
    titel = gettext_lazy("Answer the assessor's question")
    knop = gettext_lazy("Send the answer and submit again")
    succes_bericht = gettext_lazy("Your answer has been sent; the request is submitted again.")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["vraag"] = self.aanvraag.aanvullingsverzoeken.filter(beantwoord_op__isnull=True).first()
        return ctx

    def uitvoeren(self, form):
        return services.aanvraag_aanvullen(
            aanvraag=self.aanvraag, door=self.request.user, antwoord=form.cleaned_data["antwoord"]
        )


class AdviesView(AanvraagActieView):
    action = "beoordelen"
    form_class = AdviesForm
    titel = gettext_lazy("Advise the committee")
    knop = gettext_lazy("Save the advice")
    succes_bericht = gettext_lazy("Your advice has been saved.")

    def uitvoeren(self, form):
        d = form.cleaned_data
        return services.aanvraag_advies_geven(
            aanvraag=self.aanvraag,
            door=self.request.user,
            soort=d["soort"],
            bedrag=d.get("bedrag"),
            motivering=d["motivering"],
        )


class BesluitView(AanvraagActieView):
    action = "besluiten"
    form_class = BesluitForm
    template_name = "arrangementen/besluit_formulier.html"
    titel = gettext_lazy("Decide on the request")
    knop = gettext_lazy("Take the decision")
    succes_bericht = gettext_lazy("The decision has been taken; the letter is being made.")
    onomkeerbaar = gettext_lazy(
        "The decision is final once taken and the letter is sent to school and parents; it can only be "
        "challenged by an objection (bezwaar)."
    )

    def get_initial(self):
        a = self.aanvraag
        advies = a.adviezen.order_by("-op").first()
        return {
            "bedrag": advies.bedrag if advies and advies.bedrag is not None else a.gevraagd_bedrag,
            "begindatum": a.begindatum,
            "einddatum": a.einddatum,
        }

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["signalen"] = selectors.budgetsignalen(self.aanvraag)
        ctx["adviezen"] = list(self.aanvraag.adviezen.select_related("door"))
        return ctx

    def uitvoeren(self, form):
        d = form.cleaned_data
        if d["besluit"] == BesluitForm.AFWIJZEN:
            return services.aanvraag_afwijzen(
                aanvraag=self.aanvraag, door=self.request.user, motivering=d["motivering"]
            )
        return services.aanvraag_toekennen(
            aanvraag=self.aanvraag,
            door=self.request.user,
            bedrag=d["bedrag"],
            begindatum=d["begindatum"],
            einddatum=d["einddatum"],
            voorwaarden=d.get("voorwaarden") or "",
            motivering=d.get("motivering") or "",
        )


class IntrekkenView(AanvraagActieView):
    form_class = IntrekkenForm
    titel = gettext_lazy("Withdraw the request")
    knop = gettext_lazy("Withdraw")
    uitleg = gettext_lazy("A withdrawn request cannot be reopened. A granted amount is released from the budget.")
    succes_bericht = gettext_lazy("The request has been withdrawn.")

    def uitvoeren(self, form):
        return services.aanvraag_intrekken(
            aanvraag=self.aanvraag, door=self.request.user, reden=form.cleaned_data["reden"]
        )


class AfrondenView(AanvraagActieView):
    """The end of an evaluated arrangement: close, extend (linked follow-up) or towards a TLV."""

    form_class = AfrondenForm
    titel = gettext_lazy("End the arrangement")
    knop = gettext_lazy("Confirm")

    def uitvoeren(self, form):
        d = form.cleaned_data
        if d["keuze"] == AfrondenForm.VERLENGEN:
            vervolg = services.arrangement_verlengen(
                aanvraag=self.aanvraag,
                door=self.request.user,
                einddatum=d["einddatum"],
                toelichting=d["toelichting"],
                idempotentiesleutel=d.get("idempotentiesleutel"),
            )
            messages.success(self.request, _("The arrangement is closed; complete and submit the follow-up request."))
            return reverse("arrangementen:bewerken", args=[vervolg.uuid])
        resultaat = "tlv" if d["keuze"] == AfrondenForm.TLV else d["resultaat"]
        services.arrangement_afsluiten(
            aanvraag=self.aanvraag, door=self.request.user, resultaat=resultaat, toelichting=d["toelichting"]
        )
        if d["keuze"] == AfrondenForm.TLV:
            messages.success(self.request, _("The arrangement is closed. Start the TLV proposal here."))
            return selectors.aanvragen.tlv_start_url(self.aanvraag)
        messages.success(self.request, _("The arrangement is closed."))
        return self.terug_url()


class EvaluatieView(ActieView):
    """Record the evaluation of one moment: the school's, the parents' and the child's answers."""

    form_class = EvaluatieForm
    template_name = "arrangementen/evaluatie_formulier.html"
    succes_bericht = gettext_lazy("The evaluation has been recorded.")

    def laad(self):
        # The moment is scoped through its request (the selector applies visible_to).
        moment = selectors.aanvragen.evaluatie_moment(self.request.user, self.kwargs["uuid"])
        if moment is None:
            raise Http404
        self.moment = moment

    def get_initial(self):
        from django.utils import timezone

        return {"datum": min(self.moment.datum, timezone.localdate())}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(moment=self.moment, aanvraag=self.moment.aanvraag)
        return ctx

    def terug_url(self):
        return reverse("arrangementen:detail", args=[self.moment.aanvraag.uuid])

    def uitvoeren(self, form):
        services.evaluatie_vastleggen(
            aanvraag=self.moment.aanvraag, door=self.request.user, moment=self.moment, gegevens=form.gegevens()
        )


def _besluit_met_brief(user, uuid) -> Besluit:
    aanvraag = aanvraag_of_404(user, uuid)
    besluit = Besluit.objects.filter(aanvraag=aanvraag).select_related("brief_taak").first()
    if besluit is None:
        raise Http404
    return besluit


class BriefDownloadView(LoginRequiredMixin, View):
    """The decision letter, for whoever may see the request (school staff, consulent, assessor,
    DB/beleid); every download is access-logged."""

    def get(self, request, uuid):
        besluit = _besluit_met_brief(request.user, uuid)
        if not besluit.brief:
            raise Http404
        log_document_gedownload(
            gebruiker=request.user, document=besluit, leerling=besluit.aanvraag.leerling, request=request
        )
        return FileResponse(
            besluit.brief.open("rb"),
            as_attachment=True,
            filename=f"besluit-{besluit.aanvraag.nummer}.pdf",
            content_type="application/pdf",
        )


class BriefStatusView(LoginRequiredMixin, View):
    """The letter's status (htmx polls it until the job is done)."""

    def get(self, request, uuid):
        besluit = _besluit_met_brief(request.user, uuid)
        return render(
            request,
            "arrangementen/partials/_brief.html",
            {
                "besluit": besluit,
                "aanvraag": besluit.aanvraag,
                "mag_opnieuw": selectors.aanvragen.mag(request.user, besluit.aanvraag, "besluiten"),
            },
        )


class BriefOpnieuwView(AanvraagKnopView):
    action = "besluiten"
    service = staticmethod(services.besluitbrief_opnieuw_maken)
    succes_bericht = gettext_lazy("The letter is being made again.")
