"""Forms of the arrangements app. They check input and explain in Dutch what is wrong; the rules
of the process (states, overlap, budgets) live in the services."""

from __future__ import annotations

import uuid
from dataclasses import fields
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from arrangementen.choices import (
    Adviessoort,
    Afsluitresultaat,
    Conclusie,
    DoelenBereikt,
    JaNeeWeetNiet,
    Kostenwijze,
    Schaal5,
    Smiley,
)
from arrangementen.models import Arrangementtype
from arrangementen.services import Aanvraaginhoud, Evaluatiegegevens
from swv.formulieren import keuzeveld
from swv.models import Kring, School

BEGROTINGSREGELS = 5
EVALUATIEMOMENTEN = 4
BEDRAG: dict[str, Any] = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal("0")}


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _tekst(label, *, required=False, rows=3, help_text=""):
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


def _ja_nee(label):
    return forms.TypedChoiceField(
        label=label,
        choices=[("1", _("yes")), ("0", _("no"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )


class AanvraagForm(forms.Form):
    """The request: what, why, who, how long, what it costs, the views of parents and child, and
    the evaluation plan. ``idempotentiesleutel`` makes a double post create one request."""

    idempotentiesleutel = forms.UUIDField(widget=forms.HiddenInput, required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    arrangementtype = forms.ModelChoiceField(
        label=_("Arrangement type"),
        queryset=Arrangementtype.objects.none(),
        empty_label=_("Choose a type"),
        help_text=_("From the partnership's catalogue."),
    )
    ondersteuningsbehoefte = _tekst(_("Support need the arrangement answers"), rows=4)
    doelen = _tekst(
        _("Goals (SMART)"), rows=4, help_text=_("Specific, measurable, achievable, realistic and time-bound.")
    )
    inzet_wat = _tekst(_("What will be done"))
    inzet_wie = forms.CharField(label=_("Who provides it"), required=False, max_length=200)
    uren_per_week = forms.DecimalField(
        label=_("Hours per week"),
        required=False,
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=Decimal("40"),
    )
    begindatum = forms.DateField(label=_("Start date"), widget=DatumInput())
    einddatum = forms.DateField(label=_("End date"), widget=DatumInput())
    kostenwijze = forms.ChoiceField(
        label=_("Cost based on"), choices=Kostenwijze.choices, widget=forms.RadioSelect, initial=Kostenwijze.TARIEF
    )
    bijdrage_school = forms.DecimalField(
        label=_("School's contribution (€)"),
        required=False,
        **BEDRAG,
        help_text=_("Leave empty to use the catalogue's funding split."),
    )
    bijdrage_gemeente = forms.DecimalField(
        label=_("Municipality's contribution for youth care (€)"),
        required=False,
        **BEDRAG,
        help_text=_("Leave empty to use the catalogue's funding split."),
    )
    ouders_visie = _tekst(_("The parents' view"))
    ouders_toestemming = forms.BooleanField(label=_("The parents consent to this request"), required=False)
    ouders_toestemming_datum = forms.DateField(
        label=_("Date of the parents' consent"), required=False, widget=DatumInput()
    )
    kind_visie = _tekst(_("The child's view"))
    kind_visie_ontbreekt = _tekst(_("If the child's view is missing: why"), rows=2)

    def __init__(self, *args, typen=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "arrangementtype").queryset = typen if typen is not None else Arrangementtype.objects.actief()
        for i in range(1, BEGROTINGSREGELS + 1):
            self.fields[f"regel_{i}_omschrijving"] = forms.CharField(
                label=_("Budget item %(n)s") % {"n": i}, required=False, max_length=200
            )
            self.fields[f"regel_{i}_bedrag"] = forms.DecimalField(
                label=_("Amount of item %(n)s (€)") % {"n": i}, required=False, **BEDRAG
            )
        for i in range(1, EVALUATIEMOMENTEN + 1):
            self.fields[f"evaluatie_{i}"] = forms.DateField(
                label=_("Evaluation moment %(n)s") % {"n": i}, required=False, widget=DatumInput()
            )
        if not self.is_bound and not self.initial.get("idempotentiesleutel"):
            self.initial["idempotentiesleutel"] = uuid.uuid4()

    def regelvelden(self):
        return [(self[f"regel_{i}_omschrijving"], self[f"regel_{i}_bedrag"]) for i in range(1, BEGROTINGSREGELS + 1)]

    def evaluatievelden(self):
        return [self[f"evaluatie_{i}"] for i in range(1, EVALUATIEMOMENTEN + 1)]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        begin, eind = data.get("begindatum"), data.get("einddatum")
        if begin and eind and eind <= begin:
            self.add_error("einddatum", _("The end date must be after the start date."))
        regels = []
        for i in range(1, BEGROTINGSREGELS + 1):
            omschrijving, bedrag = data.get(f"regel_{i}_omschrijving", "").strip(), data.get(f"regel_{i}_bedrag")
            if omschrijving and bedrag is None:
                self.add_error(f"regel_{i}_bedrag", _("Give the amount of this item."))
            elif bedrag is not None and not omschrijving:
                self.add_error(f"regel_{i}_omschrijving", _("Describe this item."))
            elif omschrijving:
                regels.append((omschrijving, bedrag))
        if data.get("kostenwijze") == Kostenwijze.BEGROTING and not regels:
            self.add_error("regel_1_omschrijving", _("Add at least one line to the itemised budget."))
        data["begrotingsregels"] = tuple(regels)
        data["evaluatiedata"] = tuple(d for i in range(1, EVALUATIEMOMENTEN + 1) if (d := data.get(f"evaluatie_{i}")))
        if not data["evaluatiedata"]:
            self.add_error("evaluatie_1", _("Plan at least one evaluation moment."))
        return data

    def inhoud(self) -> Aanvraaginhoud:
        d = self.cleaned_data
        return Aanvraaginhoud(
            begindatum=d["begindatum"],
            einddatum=d["einddatum"],
            **{
                k: d.get(k) or ""
                for k in (
                    "ondersteuningsbehoefte",
                    "doelen",
                    "inzet_wat",
                    "inzet_wie",
                    "ouders_visie",
                    "kind_visie",
                    "kind_visie_ontbreekt",
                )
            },
            uren_per_week=d.get("uren_per_week"),
            kostenwijze=d["kostenwijze"],
            begrotingsregels=d["begrotingsregels"],
            bijdrage_school=d.get("bijdrage_school"),
            bijdrage_gemeente=d.get("bijdrage_gemeente"),
            ouders_toestemming=d.get("ouders_toestemming", False),
            ouders_toestemming_datum=d.get("ouders_toestemming_datum"),
            evaluatiedata=d["evaluatiedata"],
        )

    @staticmethod
    def initial_van(aanvraag) -> dict:
        initial = {
            veld: getattr(aanvraag, veld)
            for veld in (
                "arrangementtype",
                "ondersteuningsbehoefte",
                "doelen",
                "inzet_wat",
                "inzet_wie",
                "uren_per_week",
                "begindatum",
                "einddatum",
                "kostenwijze",
                "bijdrage_school",
                "bijdrage_gemeente",
                "ouders_visie",
                "ouders_toestemming",
                "ouders_toestemming_datum",
                "kind_visie",
                "kind_visie_ontbreekt",
                "versie",
            )
        }
        for i, regel in enumerate(aanvraag.begrotingsregels.all()[:BEGROTINGSREGELS], start=1):
            initial[f"regel_{i}_omschrijving"], initial[f"regel_{i}_bedrag"] = regel.omschrijving, regel.bedrag
        momenten = aanvraag.evaluatiemomenten.filter(evaluatie__isnull=True).order_by("datum")[:EVALUATIEMOMENTEN]
        for i, moment in enumerate(momenten, start=1):
            initial[f"evaluatie_{i}"] = moment.datum
        return initial


class VraagForm(forms.Form):
    vraag = _tekst(_("What information is missing?"), required=True, rows=5)


class AntwoordForm(forms.Form):
    antwoord = _tekst(
        _("Your answer"),
        required=True,
        rows=5,
        help_text=_("Change the request itself first where needed; then answer the question here."),
    )


class AdviesForm(forms.Form):
    soort = forms.ChoiceField(label=_("Advice to the committee"), choices=Adviessoort.choices, widget=forms.RadioSelect)
    bedrag = forms.DecimalField(
        label=_("Proposed amount (€)"), required=False, **BEDRAG, help_text=_("Empty: the amount requested.")
    )
    motivering = _tekst(_("Reasons"), required=True, rows=5)


class BesluitForm(forms.Form):
    """Grant (in full or in part) or refuse; what it takes depends on the choice."""

    TOEKENNEN, AFWIJZEN = "toekennen", "afwijzen"
    besluit = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[(TOEKENNEN, _("Grant (less money or a shorter period is a partial grant)")), (AFWIJZEN, _("Refuse"))],
    )
    bedrag = forms.DecimalField(label=_("Amount granted (€)"), required=False, **BEDRAG)
    begindatum = forms.DateField(label=_("Granted from"), required=False, widget=DatumInput())
    einddatum = forms.DateField(label=_("Granted until"), required=False, widget=DatumInput())
    voorwaarden = _tekst(_("Conditions"))
    motivering = _tekst(
        _("Reasons"),
        rows=5,
        help_text=_("Required when refusing or granting less than was asked; they go into the letter."),
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("besluit") == self.TOEKENNEN:
            for veld in ("bedrag", "begindatum", "einddatum"):
                if data.get(veld) is None:
                    self.add_error(veld, _("Required when granting."))
        elif data.get("besluit") == self.AFWIJZEN and not (data.get("motivering") or "").strip():
            self.add_error("motivering", _("Give the reasons for refusing the request."))
        return data


class IntrekkenForm(forms.Form):
    reden = _tekst(_("Reason for withdrawing"), required=True)


class AfrondenForm(forms.Form):
    """The end of an evaluated arrangement: close it, extend it, or close it towards a TLV."""

    AFSLUITEN, VERLENGEN, TLV = "afsluiten", "verlengen", "tlv"
    keuze = forms.ChoiceField(
        label=_("What happens now?"),
        widget=forms.RadioSelect,
        choices=[
            (AFSLUITEN, _("Close the arrangement")),
            (VERLENGEN, _("Extend it: make a linked follow-up request")),
            (TLV, _("Close it and start a TLV proposal")),
        ],
    )
    resultaat = forms.ChoiceField(
        label=_("Result (when closing)"),
        required=False,
        choices=[("", _("Choose a result"))]
        + [(k, v) for k, v in Afsluitresultaat.choices if k not in (Afsluitresultaat.VERLENGD, Afsluitresultaat.TLV)],
    )
    einddatum = forms.DateField(label=_("End date of the extension"), required=False, widget=DatumInput())
    toelichting = _tekst(_("Explanation"))
    idempotentiesleutel = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotentiesleutel", uuid.uuid4())

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("keuze") == self.AFSLUITEN and not data.get("resultaat"):
            self.add_error("resultaat", _("Choose how the arrangement ended."))
        if data.get("keuze") == self.VERLENGEN and not data.get("einddatum"):
            self.add_error("einddatum", _("Give the end date of the extension."))
        return data


def _schaal(label, keuzes, required=False):
    return forms.TypedChoiceField(
        label=label, choices=keuzes, coerce=int, required=required, empty_value=None, widget=forms.RadioSelect
    )


class EvaluatieForm(forms.Form):
    """The school's evaluation and the short questionnaires of parents and child."""

    datum = forms.DateField(label=_("Date of the evaluation"), widget=DatumInput())
    doelen_bereikt = forms.ChoiceField(
        label=_("Were the goals reached?"), choices=DoelenBereikt.choices, widget=forms.RadioSelect
    )
    conclusie = forms.ChoiceField(label=_("Conclusion"), choices=Conclusie.choices, widget=forms.RadioSelect)
    toelichting = _tekst(_("The school's evaluation"), required=True, rows=5)

    ouders_ingevuld = _ja_nee(_("Did the parents answer the questionnaire?"))
    ouders_reden_niet = _tekst(_("If not: why"), rows=2)
    ouders_betrokken = _schaal(_("We were involved enough in the arrangement"), Schaal5.choices)
    ouders_geholpen = _schaal(_("The support helped our child"), Schaal5.choices)
    ouders_cijfer = forms.IntegerField(
        label=_("Grade for the arrangement (1-10)"), required=False, min_value=1, max_value=10
    )
    ouders_doorgaan = forms.ChoiceField(
        label=_("Should the support continue?"), choices=JaNeeWeetNiet.choices, required=False, widget=forms.RadioSelect
    )
    ouders_opmerking = _tekst(_("Remarks of the parents"), rows=2)

    kind_ingevuld = _ja_nee(_("Did the child answer the questionnaire?"))
    kind_reden_niet = _tekst(_("If not: why"), rows=2)
    kind_fijn = _schaal(_("How was the extra help?"), Smiley.choices)
    kind_geleerd = _schaal(_("Did you learn from it?"), Smiley.choices)
    kind_doorgaan = forms.ChoiceField(
        label=_("Do you want it to go on?"), choices=JaNeeWeetNiet.choices, required=False, widget=forms.RadioSelect
    )
    kind_opmerking = _tekst(_("What the child said, in their own words"), rows=2)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        for wie, velden, bericht in (
            (
                "ouders",
                ("ouders_betrokken", "ouders_geholpen", "ouders_cijfer", "ouders_doorgaan"),
                _("Answer this question, or record that the parents did not answer."),
            ),
            (
                "kind",
                ("kind_fijn", "kind_geleerd", "kind_doorgaan"),
                _("Answer this question, or record that the child did not answer."),
            ),
        ):
            if data.get(f"{wie}_ingevuld") is True:
                for veld in velden:
                    if data.get(veld) in (None, ""):
                        self.add_error(veld, bericht)
            elif data.get(f"{wie}_ingevuld") is False and not (data.get(f"{wie}_reden_niet") or "").strip():
                self.add_error(f"{wie}_reden_niet", _("Say why there are no answers."))
        return data

    def schoolvelden(self):
        return [self[v] for v in ("datum", "doelen_bereikt", "conclusie", "toelichting")]

    def oudervelden(self):
        return [self[v] for v in self.fields if v.startswith("ouders_")]

    def kindvelden(self):
        return [self[v] for v in self.fields if v.startswith("kind_")]

    def gegevens(self) -> Evaluatiegegevens:
        waarden: dict[str, Any] = {}
        for veld in fields(Evaluatiegegevens):
            waarde = self.cleaned_data.get(veld.name)
            waarden[veld.name] = "" if waarde is None and veld.type == "str" else waarde
        return Evaluatiegegevens(**waarden)


class BudgetForm(forms.Form):
    NIVEAUS = [("swv", _("The whole partnership")), ("kring", _("A cluster (kring)")), ("school", _("A school"))]
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    niveau = forms.ChoiceField(label=_("Budget for"), choices=NIVEAUS, widget=forms.RadioSelect, initial="swv")
    kring = forms.ModelChoiceField(label=_("Cluster (kring)"), queryset=Kring.objects.order_by("naam"), required=False)
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.actief().order_by("naam"), required=False
    )
    bedrag = forms.DecimalField(label=_("Amount available (€)"), **BEDRAG)
    toelichting = _tekst(_("Explanation"), rows=2)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        niveau = data.get("niveau")
        if niveau in ("kring", "school") and not data.get(niveau):
            self.add_error(niveau, _("Choose the %(niveau)s.") % {"niveau": dict(self.NIVEAUS)[niveau]})
        return data


class RealisatieForm(forms.Form):
    nummer = forms.CharField(label=_("Request number"), max_length=20, help_text=_("For example ARR-2025-00042."))
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    bedrag = forms.DecimalField(label=_("Realised amount (€)"), **BEDRAG)
    omschrijving = forms.CharField(label=_("Description"), max_length=200, required=False)


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label=_("Export of the accounting system (CSV or Excel)"),
        help_text=_(
            "Columns: aanvraagnummer, jaar, bedrag and optionally omschrijving. All rows are imported, or none."
        ),
    )
