"""The TLV page and everything done on it: the school's request, the TLC's check and decision, the
letter, placement, return review, end and extension. Each action is one service call."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from leerlingen.models import MDO, Leerling
from swv.access import zichtbaar_of_404
from swv.choices import Rol
from swv.protocol import log_document_gedownload
from tlv import conf, termijnen
from tlv.checklist import aandachtspunten, checklist
from tlv.choices import IN_BEHANDELING, TLVStatus
from tlv.forms import (
    AanvraagForm,
    AanvraagStartenForm,
    AanvullingForm,
    BeeindigenForm,
    BesluitForm,
    DeskundigenadviesForm,
    PlaatsingForm,
    RedenForm,
    TerugkeerForm,
    ToetsForm,
)
from tlv.models import Deskundigenadvies
from tlv.protocol import log_besluitbrief_gedownload, log_tlv_bekeken
from tlv.selectors import rechten
from tlv.services import aanvraag, beoordeling, looptijd
from tlv.views.basis import ActieView, PostActieView, TLVMixin, brief_response, brief_status


class AanvraagStartenView(ActieView):
    """The ib-er starts a request for a pupil of the school (``?mdo=<uuid>`` from an MDO outcome)."""

    rollen = (Rol.IB_ER,)
    form_class = AanvraagStartenForm
    titel = _("New TLV request")
    knop = _("Start the request")
    uitleg = _(
        "Choose the pupil and the type. You then complete the checklist; nothing is sent to the TLC until you submit."
    )
    succes_bericht = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def _mdo(self):
        uuid = self.request.GET.get("mdo") or self.request.POST.get("mdo")
        if not uuid:
            return None
        # Scoped through the pupil (the ib-er's change right), the rule tlv_aanvraag_starten applies too.
        leerlingen = Leerling.objects.visible_to(self.request.user, "change")
        return zichtbaar_of_404(
            MDO.objects.filter(dossier__leerling__in=leerlingen).select_related("dossier"), uuid=uuid
        )

    def get_initial(self):
        mdo = self._mdo()
        if mdo is None and self.request.GET.get("leerling"):
            # ?leerling=<uuid> (e.g. after an OSO import): the pupil preselected, within the ib-er's scope.
            leerling = zichtbaar_of_404(
                Leerling.objects.visible_to(self.request.user, "change"), uuid=self.request.GET["leerling"]
            )
            return {"leerling": leerling.pk}
        return {"leerling": mdo.dossier.leerling_id} if mdo else {}

    def terug_url(self):
        return reverse("tlv:lijst")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        mdo = self._mdo()
        ctx["extra_verborgen"] = {"mdo": mdo.uuid} if mdo else {}
        return ctx

    def uitvoeren(self, form):
        tlv = aanvraag.tlv_aanvraag_starten(
            door=self.request.user,
            leerling=form.cleaned_data["leerling"],
            soort=form.cleaned_data["soort"],
            route=form.cleaned_data["route"],
            mdo=self._mdo(),
        )
        return tlv.get_absolute_url()


class TLVDetailView(TLVMixin, TemplateView):
    """Everything about one TLV for whoever may see it, with the actions the user may take."""

    template_name = "tlv/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tlv, user = self.tlv, self.request.user
        log_tlv_bekeken(gebruiker=user, tlv=tlv, request=self.request)
        adviezen = {a.volgorde: a for a in tlv.deskundigenadviezen.select_related("document")}
        mag = rechten(user, tlv)
        vandaag = timezone.localdate()
        besprekingen = list(tlv.terugkeerbesprekingen.select_related("vastgelegd_door"))
        ctx.update(
            tlv=tlv,
            mag=mag,
            adviezen=[adviezen.get(1), adviezen.get(2)],
            vandaag=vandaag,
            checklist=checklist(tlv, adviezen=adviezen)
            if tlv.status in (*aanvraag.BEWERKBAAR, *IN_BEHANDELING)
            else None,
            aandachtspunten=aandachtspunten(tlv, adviezen=adviezen)
            if tlv.status in IN_BEHANDELING and mag & {"beoordelen", "besluiten"}
            else [],
            overgangen=tlv.statusovergangen.select_related("door"),
            bezwaren=tlv.bezwaren.all(),
            besprekingen=besprekingen,
            verlengingen=tlv.verlengingen.all(),
            besluit_rol=Rol(conf.besluit_rol()).label,
            is_geldig=tlv.is_geldig,
            in_behandeling=tlv.status in IN_BEHANDELING,
            beslistermijn=termijnen.beslistermijn(tlv.ingediend_op, tlv.opgeschort_dagen) if tlv.ingediend_op else None,
            bezwaartermijn_einde=termijnen.bezwaartermijn_einde(tlv.bekendgemaakt_op) if tlv.bekendgemaakt_op else None,
            herinnering_vanaf=termijnen.herinnering_vanaf(tlv.einddatum) if tlv.einddatum else None,
            volgende_terugkeer=looptijd.volgende_terugkeer(tlv, besprekingen[0].datum if besprekingen else None)
            if tlv.status == TLVStatus.ACTIEF
            else None,
            kan_indienen=tlv.status in aanvraag.BEWERKBAAR,
        )
        return ctx


class AanvraagBewerkenView(TLVMixin, ActieView):
    action = "change"
    form_class = AanvraagForm
    template_name = "tlv/aanvraag_form.html"
    titel = _("Complete the request")
    succes_bericht = _("The request was saved.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "tlv": self.tlv}

    def get_initial(self):
        t = self.tlv
        return {veld: getattr(t, veld) for veld in aanvraag.AANVRAAGVELDEN} | {"versie": t.versie}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["groepen"] = ctx["form"].groepen()
        return ctx

    def uitvoeren(self, form):
        aanvraag.tlv_aanvraag_bijwerken(
            door=self.request.user, tlv=self.tlv, versie=form.cleaned_data["versie"], **form.velden()
        )


class DeskundigenadviesView(TLVMixin, ActieView):
    action = "change"
    form_class = DeskundigenadviesForm
    succes_bericht = _("The expert advice was saved.")

    def dispatch(self, request, *args, **kwargs):
        if kwargs["volgorde"] not in (1, 2):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def bestaand(self) -> Deskundigenadvies | None:
        return self.tlv.deskundigenadviezen.filter(volgorde=self.kwargs["volgorde"]).first()

    def get_titel(self):
        return (
            _("Expert advice 1 (orthopedagogue or psychologist)")
            if self.kwargs["volgorde"] == 1
            else _("Expert advice 2 (expertise matching the pupil's needs)")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["titel"] = self.get_titel()
        ctx["multipart"] = True
        return ctx

    def get_form_kwargs(self):
        bestaand = self.bestaand
        return {
            **super().get_form_kwargs(),
            "volgorde": self.kwargs["volgorde"],
            "heeft_document": bool(bestaand and bestaand.document_id),
        }

    def get_initial(self):
        b = self.bestaand
        if b is None:
            return {}
        return {
            v: getattr(b, v)
            for v in ("naam", "kwalificatie", "expertise", "organisatie", "datum", "advies", "conclusie")
        }

    def uitvoeren(self, form):
        data = dict(form.cleaned_data)
        aanvraag.deskundigenadvies_vastleggen(
            door=self.request.user, tlv=self.tlv, volgorde=self.kwargs["volgorde"], **data
        )


class DeskundigenDocumentView(TLVMixin, View):
    """Download an expert advice document, through the TLV's scope; access-logged."""

    def get(self, request, uuid, volgorde):
        advies = get_object_or_404(
            Deskundigenadvies.objects.select_related("document"), tlv=self.tlv, volgorde=volgorde
        )
        if advies.document is None:
            raise Http404
        log_document_gedownload(
            gebruiker=request.user, document=advies.document, leerling=self.tlv.leerling, request=request
        )
        return FileResponse(
            advies.document.bestand.open("rb"),
            as_attachment=True,
            filename=f"deskundigenadvies-{volgorde}.{advies.document.extensie}",
            content_type=advies.document.inhoudstype,
        )


class IndienenView(PostActieView):
    action = "change"
    succes_bericht = _("The request was sent to the TLC.")

    def uitvoeren(self, form):
        aanvraag.tlv_indienen(door=self.request.user, tlv=self.tlv)


class AanvraagIntrekkenView(TLVMixin, ActieView):
    action = "change"
    form_class = RedenForm
    titel = _("Withdraw the request")
    knop = _("Withdraw the request")
    succes_bericht = _("The request was withdrawn.")

    def uitvoeren(self, form):
        aanvraag.tlv_aanvraag_intrekken(door=self.request.user, tlv=self.tlv, reden=form.cleaned_data["reden"])


class ToetsenView(TLVMixin, ActieView):
    action = "beoordelen"
    form_class = ToetsForm
    template_name = "tlv/toetsen.html"
    titel = _("Procedural check")
    knop = _("Record the check")
    succes_bericht = _("The procedural check was recorded.")
    uitleg = _(
        "The TLC checks whether all steps were followed and the advice is consistent; it does not assess the content again."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "advies_nodig": conf.besluit_rol() != Rol.TLC_LID}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["checklist"] = checklist(self.tlv)
        ctx["aandachtspunten"] = aandachtspunten(self.tlv)
        return ctx

    def uitvoeren(self, form):
        beoordeling.tlv_procedureel_toetsen(door=self.request.user, tlv=self.tlv, **form.cleaned_data)


class AanvullingVragenView(TLVMixin, ActieView):
    action = "beoordelen"
    form_class = AanvullingForm
    titel = _("Ask the school for more information")
    knop = _("Send the question")
    succes_bericht = _("The request was sent back to the school; the decision term is suspended.")

    def uitvoeren(self, form):
        beoordeling.tlv_aanvulling_vragen(door=self.request.user, tlv=self.tlv, vraag=form.cleaned_data["vraag"])


class BesluitenView(TLVMixin, ActieView):
    action = "besluiten"
    form_class = BesluitForm
    titel = _("Decide on the request")
    knop = _("Take the decision")
    succes_bericht = _("The decision was recorded; the decision letter is being prepared.")
    onomkeerbaar = _(
        "The decision is final once taken and the letter is sent to school and parents; it can only be "
        "challenged by an objection (bezwaar)."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "tlv": self.tlv}

    def get_initial(self):
        t = self.tlv
        initial = {
            "categorie": t.voorgestelde_categorie,
            "ingangsdatum": t.voorgestelde_ingangsdatum or timezone.localdate(),
        }
        if t.voorgestelde_duur_maanden:
            initial["einddatum"] = termijnen.einddatum_voor_duur(initial["ingangsdatum"], t.voorgestelde_duur_maanden)
        return initial

    def uitvoeren(self, form):
        d = form.cleaned_data
        if d["besluit"] == "weigeren":
            beoordeling.tlv_weigeren(door=self.request.user, tlv=self.tlv, motivering=d["motivering"])
        else:
            beoordeling.tlv_afgeven(
                door=self.request.user,
                tlv=self.tlv,
                ingangsdatum=d["ingangsdatum"],
                einddatum=d.get("einddatum"),
                categorie=d.get("categorie", ""),
                motivering=d["motivering"],
                geen_einddatum_reden=d.get("geen_einddatum_reden", ""),
            )


class BesluitbriefView(TLVMixin, View):
    """The decision letter (PDF) for school staff, the TLC and the DB; its progress as an htmx partial."""

    def get(self, request, uuid):
        taak = self.tlv.besluitbrief
        if request.GET.get("status"):
            return brief_status(request, taak, reverse("tlv:besluitbrief", args=[uuid]))
        return brief_response(
            request,
            taak,
            log=lambda: log_besluitbrief_gedownload(gebruiker=request.user, tlv=self.tlv, request=request),
        )


class PlaatsingView(TLVMixin, ActieView):
    action = "plaatsen"
    form_class = PlaatsingForm
    titel = _("Record the placement")
    knop = _("Record the placement")
    succes_bericht = _("The placement date was recorded.")

    def get_initial(self):
        return {"plaatsingsdatum": self.tlv.plaatsingsdatum or timezone.localdate()}

    def uitvoeren(self, form):
        looptijd.plaatsing_vastleggen(door=self.request.user, tlv=self.tlv, **form.cleaned_data)


class BeeindigenView(TLVMixin, ActieView):
    action = "beeindigen"
    form_class = BeeindigenForm
    titel = _("End the TLV early")
    knop = _("End the TLV")
    succes_bericht = _("The TLV was ended.")

    def uitvoeren(self, form):
        looptijd.tlv_beeindigen(door=self.request.user, tlv=self.tlv, **form.cleaned_data)


class TerugkeerView(TLVMixin, ActieView):
    action = "terugkeer"
    form_class = TerugkeerForm
    titel = _("Record the return review")
    succes_bericht = _("The return review was recorded.")

    def get_initial(self):
        return {"datum": timezone.localdate()}

    def uitvoeren(self, form):
        looptijd.terugkeerbespreking_vastleggen(door=self.request.user, tlv=self.tlv, **form.cleaned_data)


class VerlengenView(PostActieView):
    action = "verlengen"
    succes_bericht = _("An extension request was started. Complete and submit it.")

    def uitvoeren(self, form):
        return looptijd.tlv_verlenging_aanvragen(door=self.request.user, tlv=self.tlv).get_absolute_url()
