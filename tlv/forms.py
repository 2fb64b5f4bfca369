"""Forms of the TLV app: input checks with Dutch messages; the rules of the procedure are in the services."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerlingen.choices import Deelnemersrol, MDOStatus, OPPStatus
from leerlingen.models import MDO, Dossier, Leerling, OPPVersie
from swv.access import school_ids
from swv.choices import Rol, Soort
from swv.formulieren import keuzelijst, keuzeveld, opties, registreer_zoekbron, zoekkeuze
from swv.models import Bestuur, School
from swv.protocol import log_leerlingen_gezocht
from swv.waarden import vereist
from tlv.choices import (
    HANDMATIGE_BEEINDIGING,
    Adviesconclusie,
    Besluitsoort,
    Bezwaarbeslissing,
    Categorie,
    Commissie,
    Indiener,
    Kwalificatie,
    OudersInstemming,
    Route,
    Terugkeerconclusie,
    TLVSoort,
    TLVStatus,
)
from tlv.selectors import Registerfilter

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEKST = forms.Textarea(attrs={"rows": 4})


def datumveld(label, *, required=True, help_text="", initial=None) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATUM, help_text=help_text, initial=initial)


def tekstveld(label, *, required=True, help_text="") -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=TEKST, help_text=help_text)


class TLVForm(forms.Form):
    """Base: required-field messages in plain Dutch, naming the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.error_messages.setdefault("required", _("This field is required."))
            if isinstance(veld, forms.DateField):
                veld.error_messages["invalid"] = _("Enter a valid date (day-month-year).")


class AanvraagStartenForm(TLVForm):
    """Start a request for a pupil of the ib-er's school who has an open dossier there."""

    leerling = forms.ModelChoiceField(
        label=_("Pupil"), queryset=Leerling.objects.none(), empty_label=_("Choose a pupil")
    )
    soort = forms.ChoiceField(label=_("Type of special education"), choices=TLVSoort.choices, widget=forms.RadioSelect)
    route = forms.ChoiceField(
        label=_("Route"),
        choices=[(Route.REGULIER, Route.REGULIER.label), (Route.RECHTSTREEKS, Route.RECHTSTREEKS.label)],
        initial=Route.REGULIER,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A school has hundreds of pupils: a searchable select (swv.formulieren.zoekkeuze).
        zoekkeuze(self, "leerling", bron="tlv-leerlingen", user=user)


def leerlingen_voor_aanvraag(user):
    """Pupils the ib-er may start a TLV request for: enrolled now at one of the ib-er's schools."""
    scholen = school_ids(user, [Rol.IB_ER])
    return (
        Leerling.objects.visible_to(user, "change")
        .filter(inschrijvingen__school_id__in=scholen, inschrijvingen__einddatum__isnull=True)
        .distinct()
        .order_by("achternaam", "voornaam", "pk")
    )


registreer_zoekbron(
    "tlv-leerlingen",
    queryset=leerlingen_voor_aanvraag,
    velden=("voornaam", "achternaam"),
    label=lambda l: f"{l.volledige_naam} ({l.geboortedatum:%d-%m-%Y})",
    leeg=_("Choose a pupil"),
    na_zoeken=log_leerlingen_gezocht,
)


def mdo_label(mdo: MDO) -> str:
    """An MDO as an option that cannot be mistaken for another: kind, date and time, participants'
    roles and outcomes; an MDO without the S(B)O school says so (the checklist requires it)."""
    rollen = list(dict.fromkeys(str(d.get_rol_display()) for d in mdo.deelnemers.all()))
    uitkomsten = ", ".join(str(u.get_soort_display()) for u in mdo.uitkomsten.all())
    label = _("%(soort)s of %(d)s – participants: %(rollen)s – outcome: %(uitkomst)s") % {
        "soort": mdo.get_soort_display(),
        "d": f"{timezone.localtime(mdo.begint_om):%d-%m-%Y %H:%M}",
        "rollen": ", ".join(rollen) or "–",
        "uitkomst": uitkomsten or "–",
    }
    if not any(d.rol == Deelnemersrol.SBO_SO_SCHOOL for d in mdo.deelnemers.all()):
        label += " " + str(_("(WITHOUT the S(B)O school)"))
    return label


class AanvraagForm(TLVForm):
    """The school's part of the request; a hidden ``versie`` detects a concurrent edit."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    soort = forms.ChoiceField(label=_("Type of special education"), choices=TLVSoort.choices, widget=forms.RadioSelect)
    voorgestelde_categorie = forms.ChoiceField(
        label=_("Proposed funding category (SO only)"),
        choices=[("", _("not applicable (SBO)")), *Categorie.choices],
        required=False,
    )
    beoogde_school = forms.ModelChoiceField(
        label=_("Intended special school"),
        queryset=School.objects.none(),
        required=False,
        empty_label=_("Choose a school"),
    )
    toelating_datum = datumveld(_("Date the school stated it can admit the pupil"), required=False)
    toelating_door = forms.CharField(label=_("Stated by (name and position)"), max_length=200, required=False)
    toelating_toelichting = tekstveld(_("Admission statement (optional explanation)"), required=False)
    voorgestelde_ingangsdatum = datumveld(_("Proposed start date"), required=False)
    voorgestelde_duur_maanden = forms.IntegerField(
        label=_("Proposed duration (months)"),
        required=False,
        min_value=1,
        error_messages={"min_value": _("At least 1 month.")},  # the maximum is a setting, checked by the service
    )
    redenen = tekstveld(
        _("Reasons for the request"),
        required=False,
        help_text=_("Why can the pupil's needs not be met in regular education?"),
    )
    rechtstreeks_toelichting = tekstveld(_("Why the pupil enters special education directly (EMB)"), required=False)
    evaluatie_huidige_periode = tekstveld(_("Evaluation of the current TLV period"), required=False)
    opp_versie = forms.ModelChoiceField(label=_("Current OPP"), queryset=OPPVersie.objects.none(), required=False)
    mdo = forms.ModelChoiceField(label=_("MDO with the special school"), queryset=MDO.objects.none(), required=False)
    ouders_zienswijze = tekstveld(_("Views of the parents (zienswijze)"), required=False)
    ouders_instemming = forms.ChoiceField(
        label=_("Parents' consent"), choices=[("", _("not recorded yet")), *OudersInstemming.choices], required=False
    )
    ouders_instemming_datum = datumveld(_("Date of consent or exception"), required=False)
    ouders_uitzondering_toelichting = tekstveld(_("Why the request proceeds without consent"), required=False)
    evaluatieafspraken = tekstveld(_("Agreements on evaluation"), required=False)
    terugkeerafspraken = tekstveld(_("Agreements on return to a regular school"), required=False)

    def __init__(self, *args, tlv, **kwargs):
        super().__init__(*args, **kwargs)
        self.tlv = tlv
        keuzeveld(self, "beoogde_school").queryset = School.objects.filter(
            soort__in=[Soort.SBO, Soort.SO, Soort.SO_VSO], actief=True
        ).order_by("naam")
        keuzeveld(self, "beoogde_school", label=lambda s: f"{s.naam} ({s.soort}, {s.plaats})")
        dossiers = Dossier.objects.filter(leerling_id=tlv.leerling_id)
        keuzeveld(self, "opp_versie").queryset = OPPVersie.objects.filter(
            opp__dossier__in=dossiers, status=OPPStatus.VASTGESTELD
        )
        keuzeveld(
            self,
            "opp_versie",
            label=lambda v: (
                _("OPP version %(n)s, adopted on %(d)s") % {"n": v.versienummer, "d": f"{v.vastgesteld_op:%d-%m-%Y}"}
            ),
        )
        keuzeveld(self, "mdo").queryset = (
            MDO.objects.filter(dossier__in=dossiers, status=MDOStatus.GEHOUDEN)
            .prefetch_related("deelnemers", "uitkomsten")
            .order_by("-begint_om")
        )
        keuzeveld(self, "mdo", label=mdo_label)
        # Only the fields of this route.
        if tlv.route == Route.VERLENGING:
            for veld in (
                "toelating_datum",
                "toelating_door",
                "toelating_toelichting",
                "mdo",
                "rechtstreeks_toelichting",
            ):
                del self.fields[veld]
        else:
            del self.fields["evaluatie_huidige_periode"]
        if tlv.route == Route.RECHTSTREEKS:
            for veld in ("mdo", "opp_versie"):
                del self.fields[veld]
        else:
            self.fields.pop("rechtstreeks_toelichting", None)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("soort") == TLVSoort.SBO:
            data["voorgestelde_categorie"] = ""
        if (
            data.get("ouders_instemming") == OudersInstemming.UITZONDERING
            and not (data.get("ouders_uitzondering_toelichting") or "").strip()
        ):
            self.add_error(
                "ouders_uitzondering_toelichting", _("Explain why the request proceeds without the parents' consent.")
            )
        return data

    GROEPEN = (
        (_("Type and school"), ("soort", "voorgestelde_categorie", "beoogde_school")),
        (
            _("Admission statement of the special school"),
            ("toelating_datum", "toelating_door", "toelating_toelichting"),
        ),
        (
            _("The request"),
            (
                "voorgestelde_ingangsdatum",
                "voorgestelde_duur_maanden",
                "redenen",
                "rechtstreeks_toelichting",
                "evaluatie_huidige_periode",
            ),
        ),
        (_("OPP and MDO"), ("opp_versie", "mdo")),
        (
            _("Parents"),
            ("ouders_zienswijze", "ouders_instemming", "ouders_instemming_datum", "ouders_uitzondering_toelichting"),
        ),
        (_("Agreements"), ("evaluatieafspraken", "terugkeerafspraken")),
    )

    def groepen(self) -> list:
        """The fields per fieldset, only those of this route."""
        return [
            (legend, [self[v] for v in velden if v in self.fields])
            for legend, velden in self.GROEPEN
            if any(v in self.fields for v in velden)
        ]

    def velden(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("versie")
        return data


class DeskundigenadviesForm(TLVForm):
    naam = forms.CharField(label=_("Name of the expert"), max_length=200)
    kwalificatie = forms.ChoiceField(label=_("Qualification"), choices=Kwalificatie.choices)
    expertise = forms.CharField(
        label=_("Expertise"),
        max_length=200,
        required=False,
        help_text=_("For the second expert: the expertise that matches the pupil's needs."),
    )
    organisatie = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    datum = datumveld(_("Date of the advice"))
    advies = tekstveld(_("Advice"))
    conclusie = forms.ChoiceField(label=_("Conclusion"), choices=Adviesconclusie.choices, widget=forms.RadioSelect)
    bestand = forms.FileField(
        label=_("Advice document"),
        required=False,
        help_text=_("PDF, Word (DOCX), PNG or JPEG. Leave empty to keep the document already uploaded."),
    )

    def __init__(self, *args, volgorde: int, heeft_document: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.volgorde = volgorde
        if volgorde == 1:
            keuzelijst(self, "kwalificatie").choices = [
                (k.value, k.label) for k in (Kwalificatie.ORTHOPEDAGOOG, Kwalificatie.PSYCHOLOOG)
            ]
        else:
            self.fields["expertise"].required = True
        if not heeft_document:
            self.fields["bestand"].required = True
            self.fields["bestand"].help_text = _("PDF, Word (DOCX), PNG or JPEG.")

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("The date of the advice cannot be in the future."))
        return datum


class RedenForm(TLVForm):
    reden = tekstveld(_("Reason"))


class AanvullingForm(TLVForm):
    vraag = tekstveld(
        _("Which information is missing?"), help_text=_("The school sees this text and completes the request.")
    )


class ToetsForm(TLVForm):
    route_gevolgd = forms.BooleanField(label=_("The route of the support plan was followed"), required=False)
    advies_consistent = forms.BooleanField(
        label=_("The advice of the experts, school and parents is consistent"), required=False
    )
    documenten_compleet = forms.BooleanField(label=_("All required documents are present"), required=False)
    toelichting = tekstveld(_("Findings"), required=False)
    tlc_advies = tekstveld(_("Advice of the TLC to the director"), required=False)

    def __init__(self, *args, advies_nodig: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not advies_nodig:
            del self.fields["tlc_advies"]
        else:
            self.fields["tlc_advies"].required = True

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not all(data.get(v) for v in ("route_gevolgd", "advies_consistent", "documenten_compleet")):
            raise forms.ValidationError(_("Not every check is met: ask the school for more information instead."))
        return data


class BesluitForm(TLVForm):
    besluit = forms.ChoiceField(label=_("Decision"), choices=Besluitsoort.choices, widget=forms.RadioSelect)
    categorie = forms.ChoiceField(
        label=_("Funding category"), choices=[("", _("not applicable (SBO)")), *Categorie.choices], required=False
    )
    ingangsdatum = datumveld(_("Start date"), required=False)
    einddatum = datumveld(_("End date"), required=False)
    geen_einddatum_reden = tekstveld(_("Why this TLV has no end date (direct entry, EMB)"), required=False)
    motivering = tekstveld(
        _("Grounds of the decision"), help_text=_("Printed in the decision letter to the parents and the school.")
    )

    def __init__(self, *args, tlv, **kwargs):
        super().__init__(*args, **kwargs)
        self.tlv = tlv
        if tlv.soort == TLVSoort.SBO:
            del self.fields["categorie"]
        if tlv.route != Route.RECHTSTREEKS:
            del self.fields["geen_einddatum_reden"]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("besluit") == Besluitsoort.AFGEVEN:
            if not data.get("ingangsdatum"):
                self.add_error("ingangsdatum", _("Enter the start date."))
            if self.tlv.soort == TLVSoort.SO and not data.get("categorie"):
                self.add_error("categorie", _("Choose the funding category."))
            if data.get("ingangsdatum") and data.get("einddatum") and data["einddatum"] <= data["ingangsdatum"]:
                self.add_error("einddatum", _("The end date must be after the start date."))
        return data


class PlaatsingForm(TLVForm):
    plaatsingsdatum = datumveld(_("Placement date"), help_text=_("The day the pupil started at the special school."))


class BeeindigenForm(TLVForm):
    reden = forms.ChoiceField(
        label=_("Why does the TLV end?"),
        choices=[(r.value, r.label) for r in HANDMATIGE_BEEINDIGING],
        widget=forms.RadioSelect,
    )
    datum = datumveld(_("No longer applies from"))
    toelichting = tekstveld(_("Explanation"))


class TerugkeerForm(TLVForm):
    datum = datumveld(_("Date of the review"))
    deelnemers = tekstveld(
        _("Who reviewed"),
        help_text=_("For example: ib-er of the special school, consultant, ib-er of the referring school."),
    )
    conclusie = forms.ChoiceField(label=_("Conclusion"), choices=Terugkeerconclusie.choices, widget=forms.RadioSelect)
    toelichting = tekstveld(_("Explanation"), required=False)


class BezwaarForm(TLVForm):
    ontvangen_op = datumveld(_("Received on"))
    indiener = forms.ChoiceField(label=_("Lodged by"), choices=Indiener.choices, widget=forms.RadioSelect)
    indiener_naam = forms.CharField(label=_("Name of the objector"), max_length=200)
    gronden = tekstveld(_("Grounds of the objection"))
    te_laat_toelichting = tekstveld(_("If late: why is it excusable?"), required=False)


class AdviesVragenForm(TLVForm):
    commissie = forms.ChoiceField(label=_("Advisory committee"), choices=Commissie.choices, widget=forms.RadioSelect)
    commissie_leden = tekstveld(_("Members (chair, expert, secretary)"), required=False)
    advies_gevraagd_op = datumveld(_("Advice requested on"))
    hoorzitting_op = datumveld(_("Hearing on"), required=False)


class AdviesForm(TLVForm):
    hoorzitting_op = datumveld(_("Hearing held on"), required=False)
    advies_ontvangen_op = datumveld(_("Advice received on"))
    advies_strekking = forms.ChoiceField(
        label=_("The committee advises"), choices=Bezwaarbeslissing.choices, widget=forms.RadioSelect
    )
    advies = tekstveld(_("Advice of the committee"))


class BezwaarBeslissenForm(TLVForm):
    beslissing = forms.ChoiceField(
        label=_("Decision on the objection"), choices=Bezwaarbeslissing.choices, widget=forms.RadioSelect
    )
    motivering = tekstveld(_("Grounds"), help_text=_("Printed in the letter to the objector."))
    categorie = forms.ChoiceField(
        label=_("Revised funding category"), choices=[("", _("unchanged")), *Categorie.choices], required=False
    )
    ingangsdatum = datumveld(_("Start date (if the TLV is now issued)"), required=False)
    einddatum = datumveld(_("Revised end date"), required=False)

    def __init__(self, *args, tlv, **kwargs):
        super().__init__(*args, **kwargs)
        self.tlv = tlv
        if tlv.soort == TLVSoort.SBO:
            del self.fields["categorie"]
        if tlv.is_afgegeven:
            del self.fields["ingangsdatum"]

    def herzien(self) -> dict:
        data = self.cleaned_data
        if data.get("beslissing") != Bezwaarbeslissing.GEGROND:
            return {}
        herzien = {k: data[k] for k in ("categorie", "ingangsdatum", "einddatum") if data.get(k)}
        return herzien


class BeroepForm(TLVForm):
    beroep_ingesteld_op = datumveld(_("Appeal lodged on"))
    beroep_toelichting = tekstveld(_("Court, case number and outcome"))


class RegisterFilterForm(forms.Form):
    """Filters of the register (GET); invalid values are ignored rather than shown as errors."""

    soort = forms.ChoiceField(label=_("Type"), choices=[("", _("All types")), *TLVSoort.choices], required=False)
    categorie = forms.ChoiceField(
        label=_("Category"), choices=[("", _("All categories")), *Categorie.choices], required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All statuses")), *TLVStatus.choices], required=False)
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=School.objects.none(),
        required=False,
        to_field_name="uuid",
        empty_label=_("All schools"),
    )
    bestuur = forms.ModelChoiceField(
        label=_("School board"), queryset=Bestuur.objects.none(), required=False, empty_label=_("All school boards")
    )
    afgegeven_van = datumveld(_("Issued from"), required=False)
    afgegeven_tot = datumveld(_("Issued until"), required=False)
    actief_op = datumveld(_("Active on"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "school").queryset = School.objects.filter(actief=True).order_by("naam")
        keuzeveld(self, "bestuur").queryset = Bestuur.objects.filter(scholen__isnull=False).distinct().order_by("naam")

    def keuzelijsten(self) -> list[dict]:
        """The select boxes as plain data: rendering hundreds of options through Django's widget
        templates costs more than the whole register query (benchmark)."""
        data = self.data
        lijsten = []
        for veld in ("soort", "categorie", "status", "school", "bestuur"):
            f = self.fields[veld]
            if isinstance(f, forms.ModelChoiceField):
                sleutel = f.to_field_name or "pk"
                keuzes = [(str(w), t) for w, t in vereist(f.queryset, veld).values_list(sleutel, "naam")]
                leeg = f.empty_label
            else:
                paren = opties(self, veld)
                keuzes, leeg = [(str(w), t) for w, t in paren if w], paren[0][1]
            gekozen = data.get(veld, "")
            lijsten.append(
                {"veld": veld, "label": f.label, "leeg": leeg, "opties": [(w, t, w == gekozen) for w, t in keuzes]}
            )
        return lijsten

    def datumvelden(self) -> list[tuple]:
        return [
            (v, self.fields[v].label, self.data.get(v, "")) for v in ("afgegeven_van", "afgegeven_tot", "actief_op")
        ]

    def filter(self) -> Registerfilter:
        data = self.cleaned_data if self.is_valid() else {}
        return Registerfilter(
            soort=data.get("soort") or "",
            categorie=data.get("categorie") or "",
            status=data.get("status") or "",
            school_id=data["school"].pk if data.get("school") else None,
            bestuur_id=data["bestuur"].pk if data.get("bestuur") else None,
            afgegeven_van=data.get("afgegeven_van"),
            afgegeven_tot=data.get("afgegeven_tot"),
            actief_op=data.get("actief_op"),
        )


def registerfilter_parameters(f: Registerfilter) -> dict:
    """A register filter as JSON-safe job parameters (for the Excel export on the worker)."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in f.__dict__.items() if v}


def registerfilter_uit_parameters(parameters: dict) -> Registerfilter:
    waarden: dict[str, Any] = {}
    for k, v in parameters.items():
        if k in Registerfilter.__dataclass_fields__:
            waarden[k] = date.fromisoformat(v) if k in ("afgegeven_van", "afgegeven_tot", "actief_op") else v
    return Registerfilter(**waarden)


class PeriodeForm(forms.Form):
    """Period of the key figures (default: the current school year)."""

    begin = datumveld(_("From"), required=False)
    einde = datumveld(_("Until"), required=False)

    def periode(self) -> tuple[date, date]:
        vandaag = timezone.localdate()
        jaar = vandaag.year if vandaag.month >= 8 else vandaag.year - 1
        data = self.cleaned_data if self.is_valid() else {}
        begin = data.get("begin") or date(jaar, 8, 1)
        einde = data.get("einde") or date(jaar + 1, 7, 31)
        return (begin, einde) if begin <= einde else (einde, begin)
