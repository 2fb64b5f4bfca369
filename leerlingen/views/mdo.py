"""Views of OPPs and MDO/OT meetings: draft/adopt an OPP and record consent; plan a meeting, record
its verslag with the child's voice, outcomes and agreements; add advice; mark agreements done."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from leerlingen import protocol
from leerlingen.choices import Deelnemersrol, MDOStatus, OPPStatus
from leerlingen.forms import dossier as forms
from leerlingen.models import MDO, Afspraak, Dossier, MDODeelnemer, OPPVersie
from leerlingen.selectors import dossier as selectors
from leerlingen.services import mdo as mdo_services
from leerlingen.services import opp as opp_services
from leerlingen.vervolgstappen import vervolgstappen
from leerlingen.views.basis import ActieFormView, PostActieView
from leerlingen.views.dossier import DossierFormView, dossier_url
from swv.access import school_ids, zichtbaar_of_404
from swv.choices import Rol
from swv.models import Lidmaatschap

# --- OPP -------------------------------------------------------------------------------------------


def opp_url(versie) -> str:
    return reverse("leerlingen:opp_detail", args=[versie.uuid])


class OPPNieuwView(DossierFormView):
    form_class = forms.OPPVersieForm
    titel = _("Draw up an OPP")
    knop = _("Save draft")
    succes_bericht = _("The draft OPP has been saved.")

    def get_initial(self):
        # A new version starts from the current adopted one.
        huidige = OPPVersie.objects.filter(opp__dossier=self.object, status=OPPStatus.VASTGESTELD).first()
        if huidige is None:
            return {"versie": 0}
        return {
            "versie": 0,
            "uitstroomniveau": huidige.uitstroomniveau,
            "onderbouwing": huidige.onderbouwing,
            "doelen": huidige.doelen,
            "handelingsdeel": huidige.handelingsdeel,
        }

    def uitvoeren(self, form):
        d = dict(form.cleaned_data)
        d.pop("versie")
        return opp_services.opp_versie_opstellen(door=self.request.user, dossier=self.object, **d)

    def succes_url(self, versie):
        return opp_url(versie)


class OPPVersieMixin:
    """The scoped OPP versions (with the view's ``action``), for the OPP views below."""

    model: Any = OPPVersie
    request: HttpRequest
    action: str

    def get_queryset(self):
        return OPPVersie.objects.visible_to(self.request.user, self.action).select_related(
            "opp__dossier__leerling", "opp__dossier__school", "opgesteld_door", "vastgesteld_door"
        )


class OPPDetailView(LoginRequiredMixin, OPPVersieMixin, View):
    action = "view"

    def get(self, request, uuid):
        versie = zichtbaar_of_404(self.get_queryset(), uuid=uuid)
        protocol.log_opp_bekeken(gebruiker=request.user, oppversie=versie, request=request)
        dossier = versie.opp.dossier
        return render(
            request,
            "leerlingen/opp_detail.html",
            {
                "versie": versie,
                "dossier": dossier,
                "leerling": dossier.leerling,
                "instemmingen": list(versie.instemmingen.select_related("vastgelegd_door")),
                "andere_versies": list(
                    OPPVersie.objects.visible_to(request.user).filter(opp=versie.opp).exclude(pk=versie.pk)
                ),
                "mag_wijzigen": selectors.mag_wijzigen(request.user, dossier) and not dossier.is_afgesloten,
            },
        )


class OPPBewerkenView(OPPVersieMixin, ActieFormView):
    form_class = forms.OPPVersieForm
    titel = _("Edit the draft OPP")
    knop = _("Save draft")
    succes_bericht = _("The draft OPP has been saved.")

    def get_initial(self):
        v = self.object
        return {
            "versie": v.versie,
            "uitstroomniveau": v.uitstroomniveau,
            "onderbouwing": v.onderbouwing,
            "doelen": v.doelen,
            "handelingsdeel": v.handelingsdeel,
            "evaluatiedatum": v.evaluatiedatum,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object.opp.dossier.leerling, **kwargs)

    def terug_url(self):
        return opp_url(self.object)

    def uitvoeren(self, form):
        return opp_services.opp_versie_bijwerken(door=self.request.user, oppversie=self.object, **form.cleaned_data)


class OPPVaststellenView(OPPVersieMixin, PostActieView):
    succes_bericht = _("The OPP has been adopted.")
    titel = _("Adopt this OPP version")
    knop = _("Adopt the OPP")
    onomkeerbaar = _(
        "An adopted OPP version can no longer be edited; the previously adopted version is superseded. "
        "A change needs a new version."
    )

    def uitvoeren(self, form):
        return opp_services.opp_vaststellen(door=self.request.user, oppversie=self.object)

    def succes_url(self, versie):
        return opp_url(versie)


class InstemmingView(OPPVersieMixin, ActieFormView):
    form_class = forms.InstemmingForm
    titel = _("Record the parents' decision on the action plan")
    knop = _("Record decision")
    succes_bericht = _("The parents' decision has been recorded.")
    uitleg = _(
        "Parents have the right to consent to the action plan (handelingsdeel) of the OPP. Record each parent's decision."
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object.opp.dossier.leerling, **kwargs)

    def terug_url(self):
        return opp_url(self.object)

    def uitvoeren(self, form):
        return opp_services.opp_instemming_vastleggen(
            door=self.request.user, oppversie=self.object, **form.cleaned_data
        )

    def succes_url(self, resultaat):
        return opp_url(self.object)


# --- MDO -------------------------------------------------------------------------------------------


def mdo_url(mdo) -> str:
    return reverse("leerlingen:mdo_detail", args=[mdo.uuid])


def _portaaldeelnemers(school_id: int, gebruikers) -> list[mdo_services.Deelnemer]:
    """Portal users with the role they hold at the school (ib-er, leerkracht, directeur, consulent)."""
    rollen: dict[int, str] = {}
    for lid in Lidmaatschap.objects.actief_op().filter(school_id=school_id, gebruiker__in=gebruikers).order_by("rol"):
        rollen.setdefault(lid.gebruiker_id, lid.rol)
    return [mdo_services.Deelnemer(rol=rollen.get(u.pk, Deelnemersrol.ANDERS), gebruiker=u) for u in gebruikers]


def _externe_deelnemers(formset) -> list[mdo_services.Deelnemer]:
    return [
        mdo_services.Deelnemer(
            rol=f.cleaned_data["rol"], naam=f.cleaned_data["naam"], organisatie=f.cleaned_data.get("organisatie", "")
        )
        for f in formset
        if f.cleaned_data.get("naam", "").strip()
    ]


class MDOPlannenView(DossierFormView):
    """Plan a meeting: date/time, agenda, portal participants and external people with a role."""

    template_name = "leerlingen/mdo_plannen.html"
    form_class = forms.MDOPlanForm
    formset_class = forms.ExterneDeelnemersFormSet
    formset_prefix = "extern"
    titel = _("Plan an MDO or OT meeting")
    knop = _("Plan meeting")
    succes_bericht = _("The meeting has been planned; invited portal users get an e-mail with a link.")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "kandidaten": mdo_services.mogelijke_deelnemers(self.object).exclude(pk=self.request.user.pk),
        }

    def uitvoeren(self, form):
        d = form.cleaned_data
        return mdo_services.mdo_plannen(
            door=self.request.user,
            dossier=self.object,
            soort=d["soort"],
            begint_om=form.begint_om(),
            duur_minuten=d["duur_minuten"],
            locatie=d["locatie"],
            agenda=d["agenda"],
            deelnemers=_portaaldeelnemers(self.object.school_id, d["portaalgebruikers"])
            + _externe_deelnemers(self.formset),
        )

    def succes_url(self, mdo):
        return mdo_url(mdo)


class MDOMixin:
    """The scoped MDOs (with the view's ``action``), for the MDO views below."""

    model: Any = MDO
    request: HttpRequest
    action: str

    def get_queryset(self):
        return MDO.objects.visible_to(self.request.user, self.action).select_related(
            "dossier__leerling", "dossier__school", "school", "gepland_door", "verslag_door"
        )


class MDODetailView(LoginRequiredMixin, MDOMixin, View):
    action = "view"

    def get(self, request, uuid):
        mdo = zichtbaar_of_404(self.get_queryset(), uuid=uuid)
        protocol.log_mdo_bekeken(gebruiker=request.user, mdo=mdo, request=request)
        user = request.user
        mag_wijzigen = selectors.mag_wijzigen(user, mdo.dossier)
        inhoud = selectors.mdo_inhoud(user, mdo)
        return render(
            request,
            "leerlingen/mdo_detail.html",
            {
                # After an outcome "arrangement request" or "TLV proposal": that step, prefilled.
                "vervolgstappen": vervolgstappen(mdo, inhoud["uitkomsten"], user),
                "mdo": mdo,
                "dossier": mdo.dossier,
                "leerling": mdo.dossier.leerling,
                "mag_wijzigen": mag_wijzigen and mdo.status == MDOStatus.GEPLAND,
                "mag_adviseren": mdo.status != MDOStatus.GEANNULEERD
                and mdo.school_id == mdo.dossier.school_id
                and mdo.school_id in school_ids(user, [Rol.CONSULENT, Rol.IB_ER]),
                "advies_form": forms.AdviesForm(),
                "vandaag": timezone.localdate(),
                **inhoud,
            },
        )


class MDOFormView(MDOMixin, ActieFormView):
    """A form on a meeting; back to the meeting page."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(leerling=self.object.dossier.leerling, mdo=self.object, **kwargs)

    def terug_url(self):
        return mdo_url(self.object)


class MDOBewerkenView(MDOFormView):
    template_name = "leerlingen/mdo_plannen.html"
    form_class = forms.MDOWijzigForm
    formset_class = forms.ExterneDeelnemersFormSet
    formset_prefix = "extern"
    titel = _("Change the meeting")
    knop = _("Save changes")
    succes_bericht = _("The meeting has been changed.")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "kandidaten": mdo_services.mogelijke_deelnemers(self.object.dossier).exclude(
                pk__in=self.object.deelnemers.filter(gebruiker__isnull=False).values("gebruiker_id")
            ),
            "deelnemers": self.object.deelnemers.exclude(gebruiker_id=self.object.gepland_door_id),
        }

    def get_initial(self):
        m = self.object
        begin = timezone.localtime(m.begint_om)
        return {
            "versie": m.versie,
            "datum": begin.date(),
            "tijd": begin.time().replace(second=0, microsecond=0),
            "duur_minuten": m.duur_minuten,
            "locatie": m.locatie,
            "agenda": m.agenda,
        }

    def uitvoeren(self, form):
        d = form.cleaned_data
        return mdo_services.mdo_bijwerken(
            door=self.request.user,
            mdo=self.object,
            versie=d["versie"],
            begint_om=form.begint_om(),
            duur_minuten=d["duur_minuten"],
            locatie=d["locatie"],
            agenda=d["agenda"],
            nieuwe_deelnemers=_portaaldeelnemers(self.object.school_id, d["portaalgebruikers"])
            + _externe_deelnemers(self.formset),
            verwijder_deelnemers=[x.pk for x in d["verwijderen"]],
        )


class MDOVerslagView(MDOFormView):
    """Record the verslag: attendance, the child's voice, the outcome(s) and agreements at once."""

    template_name = "leerlingen/mdo_verslag.html"
    form_class = forms.MDOVerslagForm
    formset_class = forms.AfsprakenFormSet
    formset_prefix = "afspraak"
    titel = _("Record the minutes")
    knop = _("Save minutes")
    succes_bericht = _("The minutes have been recorded.")

    def _deelnemers(self):
        return MDODeelnemer.objects.filter(mdo=self.object).select_related("gebruiker")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "deelnemers": self._deelnemers()}

    def get_formset_kwargs(self):
        return {"form_kwargs": {"kandidaten": mdo_services.mogelijke_deelnemers(self.object.dossier)}}

    def get_initial(self):
        m = self.object
        return {
            "versie": m.versie,
            "gehouden_op": min(timezone.localtime(m.begint_om).date(), timezone.localdate()),
            "aanwezig": list(self._deelnemers()),
        }

    def uitvoeren(self, form):
        d = form.cleaned_data
        verslag = mdo_services.Verslag(
            gehouden_op=d["gehouden_op"],
            verslag=d["verslag"],
            aanwezig=[x.pk for x in d["aanwezig"]],
            stem=mdo_services.StemGegevens(
                gehoord=d["gehoord"],
                wijze=d["wijze"],
                wat_zei_kind=d["wat_zei_kind"],
                wat_wil_kind=d["wat_wil_kind"],
                reden_niet_gehoord=d["reden_niet_gehoord"],
                toelichting=d["stem_toelichting"],
            ),
            uitkomsten=[(s, d["uitkomst_toelichting"]) for s in d["uitkomsten"]],
            afspraken=[
                mdo_services.AfspraakGegevens(
                    omschrijving=f.cleaned_data["omschrijving"],
                    uiterlijk=f.cleaned_data["uiterlijk"],
                    uitvoerder=f.cleaned_data.get("uitvoerder"),
                    uitvoerder_naam=f.cleaned_data.get("uitvoerder_naam", ""),
                )
                for f in self.formset
                if f.cleaned_data.get("omschrijving", "").strip()
            ],
        )
        return mdo_services.mdo_verslag_vastleggen(
            door=self.request.user, mdo=self.object, versie=d["versie"], verslag=verslag
        )


class MDOAnnulerenView(MDOFormView):
    form_class = forms.MDOAnnulerenForm
    titel = _("Cancel the meeting")
    knop = _("Cancel meeting")
    succes_bericht = _("The meeting has been cancelled.")

    def uitvoeren(self, form):
        return mdo_services.mdo_annuleren(door=self.request.user, mdo=self.object, reden=form.cleaned_data["reden"])


class AdviesView(MDOFormView):
    """The consulent (or the ib-er) adds advice to the meeting's verslag."""

    action = "view"
    form_class = forms.AdviesForm
    titel = _("Add advice")
    knop = _("Save advice")
    succes_bericht = _("Your advice has been added to the minutes.")

    def uitvoeren(self, form):
        return mdo_services.mdo_advies_toevoegen(
            door=self.request.user, mdo=self.object, tekst=form.cleaned_data["tekst"]
        )


class AfspraakAfrondenView(PostActieView):
    model = Afspraak
    action = "view"
    succes_bericht = _("The agreement has been marked as done.")

    def get_queryset(self):
        return Afspraak.objects.visible_to(self.request.user).select_related("dossier")

    def uitvoeren(self, form):
        return mdo_services.afspraak_afronden(door=self.request.user, afspraak=self.object)

    def succes_url(self, afspraak):
        volgende = self.request.POST.get("volgende", "")
        if volgende == "home":
            return reverse("home")
        if Dossier.objects.visible_to(self.request.user).filter(pk=afspraak.dossier_id).exists():
            return dossier_url(afspraak.dossier, "afspraken")
        return reverse("home")
