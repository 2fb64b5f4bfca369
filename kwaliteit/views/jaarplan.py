"""The jaarplan: list, detail (read by DB and controller), edits by the beleidsmedewerker, adoption
by the DB, and the evaluation per goal and moment."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kwaliteit import conf, forms
from kwaliteit.models import Actie, Ambitie, Doel, DoelEvaluatie, Evaluatiemoment, Jaarplan
from kwaliteit.selectors.jaarplan import jaarplan_overzicht, jaarplannen
from kwaliteit.services import jaarplan as services
from swv.access import heeft_rol, zichtbaar_of_404
from swv.generiek import ActieView as BasisActieView  # this module has its own ActieView (a plan action)
from swv.generiek import RolVereistMixin


def _plan_url(plan) -> str:
    return reverse("kwaliteit:jaarplan", args=[plan.uuid])


class JaarplanLijstView(RolVereistMixin, TemplateView):
    rollen = conf.JAARPLAN_LEZEN
    template_name = "kwaliteit/jaarplannen.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["jaarplannen"] = jaarplannen(self.request.user)
        ctx["mag_bewerken"] = heeft_rol(self.request.user, *conf.JAARPLAN_BEWERKEN)
        return ctx


class JaarplanDetailView(RolVereistMixin, TemplateView):
    rollen = conf.JAARPLAN_LEZEN
    template_name = "kwaliteit/jaarplan.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        plan = zichtbaar_of_404(Jaarplan.objects.visible_to(user), uuid=kwargs["uuid"])
        ctx.update(jaarplan_overzicht(user, plan))
        ctx["mag_bewerken"] = heeft_rol(user, *conf.JAARPLAN_BEWERKEN)
        ctx["mag_structuur_bewerken"] = ctx["mag_bewerken"] and plan.is_concept
        ctx["mag_vaststellen"] = heeft_rol(user, *conf.JAARPLAN_VASTSTELLEN)
        ctx["heropenen_form"] = forms.RedenForm()
        return ctx


class JaarplanNieuwView(BasisActieView):
    rollen = conf.JAARPLAN_BEWERKEN
    form_class = forms.JaarplanForm
    titel = gettext_lazy("New annual plan")
    knop = gettext_lazy("Create annual plan")
    succes_bericht = gettext_lazy("The annual plan has been created with evaluation moments in June and October.")

    def terug_url(self):
        return reverse("kwaliteit:jaarplannen")

    def get_initial(self):
        from django.utils import timezone

        return {"jaar": timezone.localdate().year + 1}

    def uitvoeren(self, form) -> str:
        d = form.cleaned_data
        return _plan_url(
            services.jaarplan_aanmaken(
                jaar=d["jaar"], titel=d["titel"], inleiding=d["inleiding"], door=self.request.user
            )
        )


class PlanFormView(BasisActieView):
    """A form page within one plan (the plan in ``self.plan``)."""

    rollen = conf.JAARPLAN_BEWERKEN

    def terug_url(self):
        return _plan_url(self.plan)

    def laad(self):
        self.plan = zichtbaar_of_404(Jaarplan.objects.visible_to(self.request.user, "change"), uuid=self.kwargs["uuid"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["context_titel"] = self.plan.titel
        return ctx


class JaarplanBewerkenView(PlanFormView):
    form_class = forms.JaarplanBewerkenForm
    titel = gettext_lazy("Edit annual plan")
    knop = gettext_lazy("Save")
    succes_bericht = gettext_lazy("The annual plan has been saved.")

    def get_initial(self):
        return {"titel": self.plan.titel, "inleiding": self.plan.inleiding, "versie": self.plan.versie}

    def uitvoeren(self, form) -> str:
        d = form.cleaned_data
        services.jaarplan_bijwerken(
            jaarplan=self.plan, titel=d["titel"], inleiding=d["inleiding"], versie=d["versie"], door=self.request.user
        )
        return _plan_url(self.plan)


class JaarplanVaststellenView(BasisActieView):
    rollen = conf.JAARPLAN_VASTSTELLEN
    model = Jaarplan
    action = "vaststellen"
    alleen_post = True
    succes_bericht = gettext_lazy("The annual plan has been adopted.")

    def terug_url(self):
        return _plan_url(self.object)

    def uitvoeren(self, form):
        services.jaarplan_vaststellen(jaarplan=self.object, door=self.request.user)


class JaarplanHeropenenView(BasisActieView):
    rollen = conf.JAARPLAN_VASTSTELLEN
    form_class = forms.RedenForm
    titel = gettext_lazy("Reopen the annual plan")
    knop = gettext_lazy("Reopen")
    succes_bericht = gettext_lazy("The annual plan is a draft again.")

    def terug_url(self):
        return _plan_url(self.plan)

    def laad(self):
        self.plan = zichtbaar_of_404(
            Jaarplan.objects.visible_to(self.request.user, "vaststellen"), uuid=self.kwargs["uuid"]
        )

    def uitvoeren(self, form) -> str:
        services.jaarplan_heropenen(jaarplan=self.plan, door=self.request.user, reden=form.cleaned_data["reden"])
        return _plan_url(self.plan)


class AmbitieView(PlanFormView):
    form_class = forms.AmbitieForm
    knop = gettext_lazy("Save ambition")
    succes_bericht = gettext_lazy("The ambition has been saved.")

    def laad(self):
        super().laad()
        self.ambitie = None
        if "ambitie" in self.kwargs:
            self.ambitie = zichtbaar_of_404(Ambitie.objects.filter(jaarplan=self.plan), uuid=self.kwargs["ambitie"])
        self.titel = _("Edit ambition") if self.ambitie else _("New ambition")

    def get_initial(self):
        if self.ambitie:
            return {
                "nummer": self.ambitie.nummer,
                "titel": self.ambitie.titel,
                "omschrijving": self.ambitie.omschrijving,
            }
        return {"nummer": self.plan.ambities.count() + 1}

    def uitvoeren(self, form) -> str:
        services.ambitie_opslaan(jaarplan=self.plan, ambitie=self.ambitie, door=self.request.user, **form.cleaned_data)
        return _plan_url(self.plan)


class DoelView(PlanFormView):
    form_class = forms.DoelForm
    knop = gettext_lazy("Save goal")
    succes_bericht = gettext_lazy("The goal has been saved.")

    def laad(self):
        super().laad()
        self.doel = (
            zichtbaar_of_404(Doel.objects.filter(jaarplan=self.plan), uuid=self.kwargs["doel"])
            if "doel" in self.kwargs
            else None
        )
        self.titel = _("Edit goal") if self.doel else _("New goal")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "jaarplan": self.plan}

    def get_initial(self):
        if not self.doel:
            ambitie = (
                self.plan.ambities.filter(uuid=self.request.GET.get("ambitie")).first()
                if self.request.GET.get("ambitie")
                else None
            )
            return {"ambitie": ambitie}
        d = self.doel
        return {
            "ambitie": d.ambitie,
            "code": d.code,
            "titel": d.titel,
            "beoogd_resultaat": d.beoogd_resultaat,
            "indicator": d.indicator,
            "richting": d.richting,
            "nulmeting": d.nulmeting,
            "streefwaarde": d.streefwaarde,
            "kengetal": d.kengetal,
            "inspectiestandaarden": list(d.inspectiestandaarden.all()),
            "osp_themas": list(d.osp_themas.all()),
            "versie": d.versie,
        }

    def uitvoeren(self, form) -> str:
        d = dict(form.cleaned_data)
        services.doel_opslaan(doel=self.doel, door=self.request.user, **d)
        return _plan_url(self.plan)


class ActieView(PlanFormView):
    actie: Actie | None
    form_class = forms.ActieForm
    knop = gettext_lazy("Save action")
    succes_bericht = gettext_lazy("The action has been saved.")

    def laad(self):
        super().laad()
        if "actie" in self.kwargs:
            self.actie = zichtbaar_of_404(
                Actie.objects.filter(doel__jaarplan=self.plan).select_related("doel"), uuid=self.kwargs["actie"]
            )
            self.doel = self.actie.doel
        else:
            self.actie = None
            self.doel = zichtbaar_of_404(Doel.objects.filter(jaarplan=self.plan), uuid=self.kwargs["doel"])
        self.titel = (_("Edit action of goal %(code)s") if self.actie else _("New action for goal %(code)s")) % {
            "code": self.doel.code
        }

    def get_initial(self):
        a = self.actie
        return {"omschrijving": a.omschrijving, "door_wie": a.door_wie, "budget": a.budget} if a else {}

    def uitvoeren(self, form) -> str:
        services.actie_opslaan(doel=self.doel, actie=self.actie, door=self.request.user, **form.cleaned_data)
        return _plan_url(self.plan)


class ActieVerwijderenView(BasisActieView):
    rollen = conf.JAARPLAN_BEWERKEN
    model = Jaarplan
    alleen_post = True
    succes_bericht = gettext_lazy("The action has been removed.")

    def terug_url(self):
        return _plan_url(self.object)

    def uitvoeren(self, form):
        actie = zichtbaar_of_404(
            Actie.objects.filter(doel__jaarplan=self.object).select_related("doel"), uuid=self.kwargs["actie"]
        )
        services.actie_verwijderen(actie=actie, door=self.request.user)


class EvaluatieView(PlanFormView):
    """Record a goal's status and reflection at an evaluation moment (June, October)."""

    form_class = forms.EvaluatieForm
    template_name = "kwaliteit/evaluatie.html"
    knop = gettext_lazy("Save evaluation")
    succes_bericht = gettext_lazy("The evaluation has been saved.")

    def laad(self):
        super().laad()
        self.doel = zichtbaar_of_404(Doel.objects.filter(jaarplan=self.plan), uuid=self.kwargs["doel"])
        self.moment = zichtbaar_of_404(Evaluatiemoment.objects.filter(jaarplan=self.plan), uuid=self.kwargs["moment"])
        self.evaluatie = DoelEvaluatie.objects.filter(doel=self.doel, moment=self.moment).first()
        self.titel = _("Evaluation %(moment)s: goal %(code)s") % {"moment": self.moment.naam, "code": self.doel.code}

    def get_initial(self):
        e = self.evaluatie
        return {"status": e.status, "reflectie": e.reflectie, "versie": e.versie} if e else {"versie": 0}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(doel=self.doel, moment=self.moment, evaluatie=self.evaluatie)
        return ctx

    def uitvoeren(self, form) -> str:
        d = form.cleaned_data
        services.evaluatie_vastleggen(
            doel=self.doel,
            moment=self.moment,
            status=d["status"],
            reflectie=d["reflectie"],
            versie=d["versie"],
            door=self.request.user,
        )
        return _plan_url(self.plan) + f"#doel-{self.doel.uuid}"
