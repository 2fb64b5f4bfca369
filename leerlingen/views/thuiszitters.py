"""Thuiszitter cases: list, registration, detail, changes on the ladder, closing; the ladder's
configuration and the dashboard tiles. Views are thin: they parse input and call one service."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from leerlingen import conf
from leerlingen.forms import thuiszitters as forms
from leerlingen.grafieken import nieuw_en_gesloten_per_maand
from leerlingen.models import Ladderstap, Leerling, Thuiszittercasus
from leerlingen.selectors import thuiszitters as selectors
from leerlingen.services import thuiszitters as services
from leerlingen.views.basis import ServiceFormView
from swv.access import bestuur_ids, heeft_rol, zichtbaar_of_404
from swv.choices import Rol
from swv.fouten import DomeinFout
from swv.generiek import HtmxDeelMixin, RolVereistMixin, ZoektermMixin
from swv.models import Bestuur, Gemeente, Kring
from swv.protocol import log_leerling_bekeken
from swv.waarden import vereist

#: Who works with thuiszitter cases (lists, registration); the DB reads.
CASUS_ROLLEN = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.DB, Rol.BELEIDSMEDEWERKER)
REGISTRATIE_ROLLEN = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER)
ZONDER_INSCHRIJVING_ROLLEN = (Rol.CONSULENT, Rol.BELEIDSMEDEWERKER)
DASHBOARD_ROLLEN = (Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER)


def _datum(waarde: str | None, standaard: date | None = None) -> date:
    try:
        return date.fromisoformat(waarde) if waarde else (standaard or timezone.localdate())
    except ValueError:
        return standaard or timezone.localdate()


def _lijst_filters(get) -> dict:
    return {k: get.get(k, "").strip() for k in ("soort", "signaal", "stap", "gemeente", "zoek")}


class ThuiszitterLijstView(RolVereistMixin, ZoektermMixin, HtmxDeelMixin, TemplateView):
    htmx_template = "leerlingen/thuiszitters/partials/_lijst_tabel.html"
    """Cases active on a date (default today) with the seed-000 flags; closed or all on request."""

    rollen = CASUS_ROLLEN
    template_name = "leerlingen/thuiszitters/lijst.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        g = self.request.GET
        datum = _datum(g.get("datum"))
        status = g.get("status", "actief") if g.get("status") in {"actief", "afgesloten", "alle"} else "actief"
        filters = _lijst_filters(g)
        filters["zoek"] = self.zoekterm()  # POSTed, kept in the session: never in the URL
        qs = selectors.thuiszitters_lijst(self.request.user, datum=datum, status=status, **filters)
        pagina = Paginator(qs, self.per_pagina).get_page(g.get("pagina"))
        for casus in pagina:
            # Age on the chosen date (or at the end of a case closed before it), for this page only.
            casus.weken_op_datum = max(0, (min(datum, casus.einddatum or datum) - casus.sinds).days // 7)
        querystring = g.copy()
        querystring.pop("pagina", None)
        ctx.update(
            pagina=pagina,
            datum=datum,
            status=status,
            filters=filters,
            querystring=querystring,
            soorten=Thuiszittercasus.Soort.choices,
            stappen=selectors.ladderstappen(self.request.user),
            gemeenten=Gemeente.objects.filter(
                pk__in=Thuiszittercasus.objects.visible_to(self.request.user).values("gemeente_id")
            ).order_by("naam")
            if heeft_rol(self.request.user, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONSULENT)
            else [],
            mag_registreren=heeft_rol(self.request.user, *REGISTRATIE_ROLLEN),
            mag_zonder_inschrijving=heeft_rol(self.request.user, *ZONDER_INSCHRIJVING_ROLLEN),
            termijn_weken=conf.thuiszitters_aanbod_termijn_weken(),
        )
        return ctx


class KiesLeerlingView(RolVereistMixin, ZoektermMixin, HtmxDeelMixin, TemplateView):
    htmx_template = "leerlingen/thuiszitters/partials/_kandidaten.html"
    """Step 1 of a registration: find the pupil (within one's own schools)."""

    rollen = REGISTRATIE_ROLLEN
    template_name = "leerlingen/thuiszitters/kies_leerling.html"

    def heeft_toegang(self, user):
        # Choosing a pupil for the risk list is for the consulent and the policy officer only.
        if self.request.GET.get("doel") == "risico" and not heeft_rol(user, Rol.CONSULENT, Rol.BELEIDSMEDEWERKER):
            return False
        return super().heeft_toegang(user)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        zoek = self.zoekterm()  # POSTed, kept in the session: never in the URL
        doel = "risico" if self.request.GET.get("doel") == "risico" else "thuiszitter"
        ctx.update(
            zoek=zoek,
            doel=doel,
            leerlingen=selectors.kandidaat_leerlingen(self.request.user, zoek=zoek),
            mag_zonder_inschrijving=heeft_rol(self.request.user, *ZONDER_INSCHRIJVING_ROLLEN),
        )
        return ctx


class ThuiszitterNieuwView(ServiceFormView):
    """Step 2: register the case for the chosen pupil of one's own school."""

    form_class = forms.ThuiszitterNieuwForm
    titel = gettext_lazy("Register a thuiszitter")
    terug = "leerlingen:thuiszitters"
    succes_bericht = gettext_lazy("The thuiszitter case has been registered.")

    rollen = REGISTRATIE_ROLLEN

    def laad(self):
        super().laad()
        uuid = self.request.POST.get("leerling") or self.request.GET.get("leerling")
        kandidaten = Leerling.objects.visible_to(self.request.user)
        self.leerling = zichtbaar_of_404(kandidaten, uuid=uuid) if uuid else None
        if self.leerling is None:
            raise Http404

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partners": selectors.ketenpartners(self.request.user)}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["leerling"] = self.leerling
        return ctx

    def uitvoeren(self, form):
        data = dict(form.cleaned_data)
        return services.thuiszitter_registreren(
            door=self.request.user,
            leerling=vereist(self.leerling, "leerling"),
            partners=list(data.pop("partners", [])),
            **data,
        )


class KindZonderInschrijvingView(ServiceFormView):
    """A consulent or beleidsmedewerker registers a child without enrolment (absoluut verzuim)."""

    form_class = forms.KindZonderInschrijvingForm
    titel = gettext_lazy("Register a child without enrolment")
    terug = "leerlingen:thuiszitters"
    succes_bericht = gettext_lazy("The child without enrolment has been registered.")

    rollen = ZONDER_INSCHRIJVING_ROLLEN

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partners": selectors.ketenpartners(self.request.user)}

    def uitvoeren(self, form):
        data = dict(form.cleaned_data)
        return services.thuiszitter_registreren_zonder_inschrijving(
            door=self.request.user, partners=list(data.pop("partners", [])), **data
        )


class ThuiszitterDetailView(LoginRequiredMixin, TemplateView):
    template_name = "leerlingen/thuiszitters/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        try:
            casus = selectors.thuiszitter_detail(user, kwargs["uuid"])
        except Thuiszittercasus.DoesNotExist:
            raise Http404 from None
        log_leerling_bekeken(gebruiker=user, leerling=casus.leerling, request=self.request)
        ctx.update(
            casus=casus,
            leerling=casus.leerling,
            mag_wijzigen=casus.status == "actief" and selectors.mag(user, casus, "change"),
            mag_regie=casus.status == "actief" and selectors.mag(user, casus, "regie"),
            heeft_opp=casus.heeft_opp,
        )
        return ctx


class ThuiszitterWijzigenView(ServiceFormView):
    form_class = forms.ThuiszitterWijzigenForm
    model = Thuiszittercasus
    action = "change"
    titel = gettext_lazy("Change the case")
    succes_bericht = gettext_lazy("The case has been saved.")

    def get_initial(self):
        c = self.object
        return {
            "versie": c.versie,
            "reden": c.reden,
            "reden_toelichting": c.reden_toelichting,
            "heeft_opp": c.heeft_opp,
            "opp_datum": c.opp_datum,
            "onderwijs_uren": c.onderwijs_uren,
            "plan": c.plan,
            "volgende_actie": c.volgende_actie,
            "volgende_actie_datum": c.volgende_actie_datum,
        }

    def uitvoeren(self, form):
        return services.thuiszitter_wijzigen(door=self.request.user, casus=self.object, **form.cleaned_data)


class ThuiszitterStapView(ServiceFormView):
    form_class = forms.StapForm
    model = Thuiszittercasus
    action = "regie"
    template_name = "leerlingen/thuiszitters/stap.html"
    titel = gettext_lazy("Change the step on the de-escalation ladder")
    succes_bericht = gettext_lazy("The step on the de-escalation ladder has been changed.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "casus": self.object}

    def get_initial(self):
        return {"van_stap": self.object.huidige_stap.uuid}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["stappen"] = Ladderstap.objects.actief().order_by("volgorde")
        return ctx

    def uitvoeren(self, form):
        services.thuiszitter_stap_wijzigen(door=self.request.user, casus=self.object, **form.cleaned_data)
        return self.object


class ThuiszitterAfsluitenView(ServiceFormView):
    form_class = forms.AfsluitenForm
    model = Thuiszittercasus
    action = "regie"
    titel = gettext_lazy("Close the case")
    succes_bericht = gettext_lazy("The case has been closed.")

    def uitvoeren(self, form):
        return services.thuiszitter_afsluiten(door=self.request.user, casus=self.object, **form.cleaned_data)


class ThuiszitterPartnersView(LoginRequiredMixin, TemplateView):
    """Link an existing chain partner, or add a new one and link it (two small forms)."""

    template_name = "leerlingen/thuiszitters/partners.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.casus = zichtbaar_of_404(Thuiszittercasus.objects.visible_to(request.user, "regie"), uuid=kwargs["uuid"])
        return super().dispatch(request, *args, **kwargs)

    def _beschikbaar(self):
        return selectors.ketenpartners(self.request.user).exclude(pk__in=self.casus.partners.values("pk"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("koppel_form", forms.PartnerKoppelenForm(partners=self._beschikbaar()))
        ctx.setdefault("nieuw_form", forms.KetenpartnerForm())
        ctx.update(casus=self.casus, gekoppeld=self.casus.partners.order_by("soort", "organisatie"))
        return ctx

    def post(self, request, *args, **kwargs):
        if "koppelen" in request.POST:
            form = forms.PartnerKoppelenForm(request.POST, partners=self._beschikbaar(), prefix=None)
            if form.is_valid():
                try:
                    services.thuiszitter_partner_koppelen(
                        door=request.user, casus=self.casus, partner=form.cleaned_data["partner"]
                    )
                except DomeinFout as fout:
                    fout.op_formulier(form)
                else:
                    messages.success(request, _("The chain partner has been linked."))
                    return redirect("leerlingen:thuiszitter_partners", uuid=self.casus.uuid)
            return self.render_to_response(self.get_context_data(koppel_form=form), status=422)
        nieuw_form = forms.KetenpartnerForm(request.POST)
        if nieuw_form.is_valid():
            try:
                partner = services.ketenpartner_aanmaken(door=request.user, **nieuw_form.cleaned_data)
                services.thuiszitter_partner_koppelen(door=request.user, casus=self.casus, partner=partner)
            except DomeinFout as fout:
                fout.op_formulier(nieuw_form)
            else:
                messages.success(request, _("The chain partner has been added and linked."))
                return redirect("leerlingen:thuiszitter_partners", uuid=self.casus.uuid)
        return self.render_to_response(self.get_context_data(nieuw_form=nieuw_form), status=422)


class ThuiszitterPartnerOntkoppelenView(LoginRequiredMixin, View):
    def post(self, request, uuid, partner_uuid):
        casus = zichtbaar_of_404(Thuiszittercasus.objects.visible_to(request.user, "regie"), uuid=uuid)
        partner = zichtbaar_of_404(casus.partners.all(), uuid=partner_uuid)
        try:
            services.thuiszitter_partner_ontkoppelen(door=request.user, casus=casus, partner=partner)
        except services.Domeinfout as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("The chain partner has been unlinked."))
        return redirect("leerlingen:thuiszitter_partners", uuid=casus.uuid)


class ThuiszittersExportView(RolVereistMixin, View):
    """Start the Excel export of the list as shown (POST); follow it on the job page."""

    rollen = CASUS_ROLLEN

    def post(self, request):
        datum = _datum(request.POST.get("datum"))
        filters = _lijst_filters(request.POST)
        taak = services.thuiszitters_export_starten(door=request.user, datum=datum, filters=filters, request=request)
        messages.info(request, _("The export has started; you can follow its progress below."))
        return redirect("taak_detail", uuid=taak.uuid)


# --- the de-escalatieladder ---


class LadderView(RolVereistMixin, TemplateView):
    rollen = CASUS_ROLLEN + (Rol.BEHEERDER,)
    template_name = "leerlingen/thuiszitters/ladder.html"

    def get_context_data(self, **kwargs):
        from django.db.models import Count, Q

        ctx = super().get_context_data(**kwargs)
        ctx["stappen"] = selectors.ladderstappen(self.request.user).annotate(
            lopend=Count("casussen", filter=Q(casussen__status="actief"))
        )
        ctx["mag_beheren"] = heeft_rol(self.request.user, Rol.BELEIDSMEDEWERKER, Rol.BEHEERDER)
        return ctx


class LadderstapView(ServiceFormView):
    form_class = forms.LadderstapForm
    titel = gettext_lazy("Step of the de-escalation ladder")
    terug = "leerlingen:ladder"
    succes_bericht = gettext_lazy("The step has been saved.")

    def dispatch(self, request, *args, **kwargs):
        self.stap = None
        if request.user.is_authenticated and kwargs.get("uuid"):
            self.stap = zichtbaar_of_404(Ladderstap.objects.visible_to(request.user, "change"), uuid=kwargs["uuid"])
        return super().dispatch(request, *args, **kwargs)

    rollen = (
        Rol.BELEIDSMEDEWERKER,
        Rol.BEHEERDER,
    )

    def get_initial(self):
        if self.stap is None:
            from django.db.models import Max

            hoogste = Ladderstap.objects.aggregate(m=Max("volgorde"))["m"] or 0
            return {"volgorde": hoogste + 1, "actief": True}
        s = self.stap
        return {"volgorde": s.volgorde, "naam": s.naam, "omschrijving": s.omschrijving, "actief": s.actief}

    def uitvoeren(self, form):
        return services.ladderstap_opslaan(door=self.request.user, stap=self.stap, **form.cleaned_data)

    def succes_url(self, resultaat):
        return reverse("leerlingen:ladder")


# --- dashboard tiles ---


class DashboardView(RolVereistMixin, TemplateView):
    """The tiles of issue 6 for the DB and beleidsmedewerker (SWV) and the bestuurder (own board)."""

    rollen = DASHBOARD_ROLLEN
    template_name = "leerlingen/thuiszitters/dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user, g = self.request.user, self.request.GET
        datum = _datum(g.get("datum"))
        filters = {k: g.get(k, "").strip() for k in ("bestuur", "kring", "gemeente")}
        tegels = vereist(
            selectors.thuiszitters_tegels(
                user, datum=datum, bestuur=filters["bestuur"], kring=filters["kring"], gemeente=filters["gemeente"]
            ),
            "tiles for a role of the dashboard",
        )
        swv_breed = heeft_rol(user, Rol.DB, Rol.BELEIDSMEDEWERKER)
        besturen = (
            Bestuur.objects.order_by("naam")
            if swv_breed
            else Bestuur.objects.filter(pk__in=bestuur_ids(user)).order_by("naam")
        )
        ctx.update(
            t=tegels,
            datum=datum,
            filters=filters,
            besturen=besturen,
            swv_breed=swv_breed,
            kringen=Kring.objects.order_by("naam"),
            gemeenten=Gemeente.objects.filter(scholen__isnull=False).distinct().order_by("naam"),
            grafiek=nieuw_en_gesloten_per_maand(tegels["per_maand"]),
        )
        return ctx
