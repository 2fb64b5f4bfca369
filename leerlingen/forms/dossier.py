"""Forms of the pupil's case. Every error is a clear Dutch message (through the catalogue)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerlingen.choices import (
    Afsluitreden,
    Deelnemersrol,
    Documentsoort,
    Instemmingsbesluit,
    Instemmingswijze,
    Interventieresultaat,
    MDOSoort,
    Melder,
    Ouderrelatie,
    Sectie,
    Signaalcategorie,
    StemNietGehoordReden,
    StemWijze,
    Uitkomstsoort,
    Uitstroomniveau,
)
from leerlingen.validators import valideer_bsn
from swv.formulieren import keuzeveld

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django_stubs_ext import StrOrPromise
from swv.uploads import valideer_upload

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIJD = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _tekst(rows: int = 4):
    return forms.Textarea(attrs={"rows": rows})


def _leeg(label: StrOrPromise, keuzes: Iterable[tuple[str, StrOrPromise]]) -> list[tuple[str, StrOrPromise]]:
    return [("", label), *keuzes]


class VersieForm(forms.Form):
    """Carries the version the user started from (optimistic locking against concurrent edits)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class SchoolKeuzeForm(forms.Form):
    """The ib-er's school: a choice when they serve several schools, hidden when only one."""

    school: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("School"), queryset=None, empty_label=None)

    def __init__(self, *args, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "school").queryset = scholen
        if scholen.count() == 1:
            self.fields["school"].widget = forms.HiddenInput()
            self.fields["school"].initial = scholen.first()


class LeerlingForm(SchoolKeuzeForm):
    voornaam = forms.CharField(label=_("First name"), max_length=100)
    tussenvoegsel = forms.CharField(label=_("Infix"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    geboortedatum = forms.DateField(label=_("Date of birth"), widget=DATUM)
    groep = forms.IntegerField(label=_("Group"), min_value=1, max_value=8, required=False)
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=9,
        required=False,
        validators=[valideer_bsn],
        help_text=_("Optional; only needed for a TLV. Never shown in lists."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_geboortedatum(self):
        d = self.cleaned_data["geboortedatum"]
        if d >= timezone.localdate():
            raise ValidationError(_("The date of birth must be in the past."))
        return d


class ImportForm(SchoolKeuzeForm):
    bestand = forms.FileField(
        label=_("Export file (CSV or Excel)"),
        help_text=_("First row with column names: voornaam, tussenvoegsel, achternaam, geboortedatum, bsn, groep."),
    )


class DossierOpenenForm(forms.Form):
    aanleiding = forms.CharField(label=_("Reason for opening"), widget=_tekst(3), max_length=4000)


class SectieForm(VersieForm):
    tekst = forms.CharField(label=_("Text"), widget=_tekst(10), required=False, max_length=20000)
    gedeeld_met_ouders = forms.BooleanField(
        label=_("Share this section with the parents"),
        required=False,
        help_text=_("Parents with access to the parents' portal can read it. Leave it off for internal working notes."),
    )

    def __init__(self, *args, sectie: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = Sectie(sectie).label


class AfsluitenForm(forms.Form):
    reden = forms.ChoiceField(label=_("Reason for closing"), choices=_leeg(_("Choose…"), Afsluitreden.choices))
    toelichting = forms.CharField(label=_("Explanation"), widget=_tekst(3), required=False, max_length=4000)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("reden") == Afsluitreden.ANDERS and not data.get("toelichting", "").strip():
            self.add_error("toelichting", _("Explain the reason for closing."))
        return data


class HeropenenForm(forms.Form):
    reden = forms.CharField(label=_("Reason for reopening"), widget=_tekst(3), max_length=4000)


class SignaalForm(forms.Form):
    datum = forms.DateField(label=_("Date signalled"), widget=DATUM, initial=timezone.localdate)
    melder = forms.ChoiceField(label=_("Signalled by"), choices=_leeg(_("Choose…"), Melder.choices))
    melder_naam = forms.CharField(label=_("Name of the person who signalled"), max_length=200, required=False)
    categorie = forms.ChoiceField(label=_("Category"), choices=_leeg(_("Choose…"), Signaalcategorie.choices))
    omschrijving = forms.CharField(label=_("What was signalled"), widget=_tekst(5), max_length=8000)

    def clean_datum(self):
        d = self.cleaned_data["datum"]
        if d > timezone.localdate():
            raise ValidationError(_("The date of a signal cannot be in the future."))
        return d


class InterventieForm(forms.Form):
    omschrijving = forms.CharField(label=_("Intervention"), widget=_tekst(3), max_length=4000)
    doel = forms.CharField(label=_("Goal"), widget=_tekst(2), required=False, max_length=4000)
    uitvoerder = forms.CharField(label=_("Carried out by"), max_length=200, required=False)
    startdatum = forms.DateField(label=_("Start date"), widget=DATUM)
    einddatum = forms.DateField(label=_("End date"), widget=DATUM, required=False)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("startdatum") and data.get("einddatum") and data["einddatum"] < data["startdatum"]:
            self.add_error("einddatum", _("The end date cannot be before the start date."))
        return data


class EvaluatieForm(VersieForm):
    evaluatie = forms.CharField(label=_("Evaluation"), widget=_tekst(4), max_length=8000)
    resultaat = forms.ChoiceField(label=_("Result"), choices=Interventieresultaat.choices)
    evaluatiedatum = forms.DateField(label=_("Evaluated on"), widget=DATUM, initial=timezone.localdate)


class OPPVersieForm(VersieForm):
    uitstroomniveau = forms.ChoiceField(
        label=_("Expected exit level"), choices=_leeg(_("Choose…"), Uitstroomniveau.choices)
    )
    onderbouwing = forms.CharField(
        label=_("Rationale for the exit level"), widget=_tekst(4), required=False, max_length=8000
    )
    doelen = forms.CharField(label=_("Goals"), widget=_tekst(6), max_length=8000)
    handelingsdeel = forms.CharField(
        label=_("Action plan (handelingsdeel)"),
        widget=_tekst(8),
        max_length=12000,
        help_text=_(
            "The support, who gives it and how it is evaluated; parents have the right to consent to this part."
        ),
    )
    evaluatiedatum = forms.DateField(label=_("Evaluate on"), widget=DATUM, required=False)


class InstemmingForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Decision of the parent"), choices=Instemmingsbesluit.choices, widget=forms.RadioSelect
    )
    ouder_naam = forms.CharField(label=_("Name of the parent"), max_length=200)
    ouder_relatie = forms.ChoiceField(label=_("Relationship to the pupil"), choices=Ouderrelatie.choices)
    datum = forms.DateField(label=_("Date"), widget=DATUM, initial=timezone.localdate)
    wijze = forms.ChoiceField(label=_("How"), choices=Instemmingswijze.choices)
    toelichting = forms.CharField(
        label=_("Explanation"),
        widget=_tekst(3),
        required=False,
        max_length=4000,
        help_text=_("Required for an objection: what do the parents object to?"),
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("besluit") == Instemmingsbesluit.BEZWAAR and not data.get("toelichting", "").strip():
            self.add_error("toelichting", _("Describe the parents' objection."))
        if data.get("datum") and data["datum"] > timezone.localdate():
            self.add_error("datum", _("The date of the consent cannot be in the future."))
        return data


class MDOPlanForm(forms.Form):
    soort = forms.ChoiceField(label=_("Kind of meeting"), choices=MDOSoort.choices)
    datum = forms.DateField(label=_("Date"), widget=DATUM)
    tijd = forms.TimeField(label=_("Time"), widget=TIJD)
    duur_minuten = forms.IntegerField(label=_("Duration (minutes)"), min_value=5, max_value=600, initial=60)
    locatie = forms.CharField(label=_("Location"), max_length=200, required=False)
    agenda = forms.CharField(label=_("Agenda"), widget=_tekst(5), required=False, max_length=8000)
    portaalgebruikers: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Participants from the portal"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "portaalgebruikers").queryset = kandidaten
        keuzeveld(self, "portaalgebruikers", label=lambda u: u.get_full_name() or u.email)

    def begint_om(self) -> datetime:
        d = self.cleaned_data
        return timezone.make_aware(datetime.combine(d["datum"], d["tijd"]))


class MDOWijzigForm(VersieForm, MDOPlanForm):
    verwijderen: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Remove participants"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, deelnemers, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "verwijderen").queryset = deelnemers
        keuzeveld(self, "verwijderen", label=lambda d: f"{d.weergavenaam} ({d.get_rol_display()})")
        self.fields["portaalgebruikers"].label = _("Add participants from the portal")
        del self.fields["soort"]


class ExterneDeelnemerForm(forms.Form):
    naam = forms.CharField(label=_("Name"), max_length=200, required=False)
    rol = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=_leeg(_("Choose…"), [c for c in Deelnemersrol.choices if c[0] not in ("ib_er", "consulent")]),
    )
    organisatie = forms.CharField(label=_("Organisation"), max_length=200, required=False)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("naam", "").strip() and not data.get("rol"):
            self.add_error("rol", _("Choose the role of this participant."))
        if data.get("rol") and not data.get("naam", "").strip():
            self.add_error("naam", _("Fill in the name of this participant."))
        return data


ExterneDeelnemersFormSet = forms.formset_factory(ExterneDeelnemerForm, extra=3, max_num=10)


class MDOVerslagForm(VersieForm):
    gehouden_op = forms.DateField(label=_("Held on"), widget=DATUM)
    verslag = forms.CharField(label=_("Minutes"), widget=_tekst(10), max_length=30000)
    aanwezig: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Present"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    gehoord = forms.TypedChoiceField(
        label=_("Was the child heard?"),
        choices=[("ja", _("Yes, the child was heard")), ("nee", _("No, it was not possible"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    wijze = forms.ChoiceField(label=_("How the child was heard"), choices=_leeg("–", StemWijze.choices), required=False)
    wat_zei_kind = forms.CharField(label=_("What the child said"), widget=_tekst(3), required=False, max_length=8000)
    wat_wil_kind = forms.CharField(label=_("What the child wants"), widget=_tekst(3), required=False, max_length=8000)
    reden_niet_gehoord = forms.ChoiceField(
        label=_("Why the child was not heard"), choices=_leeg("–", StemNietGehoordReden.choices), required=False
    )
    stem_toelichting = forms.CharField(
        label=_("Explanation about hearing the child"), widget=_tekst(2), required=False, max_length=4000
    )
    uitkomsten = forms.MultipleChoiceField(
        label=_("Outcome"), choices=Uitkomstsoort.choices, widget=forms.CheckboxSelectMultiple
    )
    uitkomst_toelichting = forms.CharField(
        label=_("Explanation of the outcome"), widget=_tekst(3), required=False, max_length=4000
    )

    def __init__(self, *args, deelnemers, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "aanwezig").queryset = deelnemers
        keuzeveld(self, "aanwezig", label=lambda d: f"{d.weergavenaam} ({d.get_rol_display()})")

    def clean_gehouden_op(self):
        d = self.cleaned_data["gehouden_op"]
        if d > timezone.localdate():
            raise ValidationError(_("A meeting cannot be held in the future; record the minutes afterwards."))
        return d

    def clean(self):
        super().clean()
        data = self.cleaned_data
        gehoord = data.get("gehoord")
        if gehoord is True:
            if not data.get("wijze"):
                self.add_error("wijze", _("Record how the child was heard."))
            if not (data.get("wat_zei_kind", "").strip() or data.get("wat_wil_kind", "").strip()):
                self.add_error("wat_zei_kind", _("Record what the child said or wants."))
        elif gehoord is False:
            if not data.get("reden_niet_gehoord"):
                self.add_error("reden_niet_gehoord", _("Record why the child could not be heard."))
            elif (
                data["reden_niet_gehoord"] == StemNietGehoordReden.ANDERS
                and not data.get("stem_toelichting", "").strip()
            ):
                self.add_error("stem_toelichting", _("Explain why the child could not be heard."))
        return data


class AfspraakForm(forms.Form):
    omschrijving = forms.CharField(label=_("What"), max_length=2000, required=False)
    uitvoerder: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Who (portal user)"), queryset=None, required=False
    )
    uitvoerder_naam = forms.CharField(label=_("Or who (name)"), max_length=200, required=False)
    uiterlijk = forms.DateField(label=_("By"), widget=DATUM, required=False)

    def __init__(self, *args, kandidaten=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "uitvoerder").queryset = kandidaten
        keuzeveld(self, "uitvoerder", label=lambda u: u.get_full_name() or u.email)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not data.get("omschrijving", "").strip():
            if data.get("uitvoerder") or data.get("uitvoerder_naam") or data.get("uiterlijk"):
                self.add_error("omschrijving", _("Describe the agreement."))
            return data
        if not data.get("uitvoerder") and not data.get("uitvoerder_naam", "").strip():
            self.add_error("uitvoerder_naam", _("Say who carries out the agreement."))
        if not data.get("uiterlijk"):
            self.add_error("uiterlijk", _("Give the date by which it is done."))
        return data


AfsprakenFormSet = forms.formset_factory(AfspraakForm, extra=3, max_num=20)


class MDOAnnulerenForm(forms.Form):
    reden = forms.CharField(label=_("Reason for cancelling"), widget=_tekst(3), max_length=4000)


class AdviesForm(forms.Form):
    tekst = forms.CharField(label=_("Advice"), widget=_tekst(5), max_length=8000)


class DocumentForm(forms.Form):
    titel = forms.CharField(label=_("Title"), max_length=200)
    soort = forms.ChoiceField(label=_("Kind of document"), choices=_leeg(_("Choose…"), Documentsoort.choices))
    bestand = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (DOCX), Excel (XLSX), PNG or JPEG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        valideer_upload(bestand)
        return bestand


class OverstapForm(forms.Form):
    naar_school: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("New school"), queryset=None)
    datum = forms.DateField(label=_("Transfer date"), widget=DATUM, initial=timezone.localdate)
    groep = forms.IntegerField(label=_("Group at the new school"), min_value=1, max_value=8, required=False)
    toelichting = forms.CharField(label=_("Explanation"), widget=_tekst(3), required=False, max_length=4000)

    def __init__(self, *args, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "naar_school").queryset = scholen
        keuzeveld(self, "naar_school", label=lambda s: f"{s.naam} ({s.plaats})")


class LeerkrachtenForm(forms.Form):
    leerkrachten: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Linked teachers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Linked teachers can read this pupil's dossier and add signals."),
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "leerkrachten").queryset = kandidaten
        keuzeveld(self, "leerkrachten", label=lambda u: u.get_full_name() or u.email)


class OsoUploadForm(SchoolKeuzeForm):
    """An OSO dossier (XML) from the school's administration: SWV dossier or transfer dossier."""

    bestand = forms.FileField(
        label=_("OSO dossier (XML)"),
        help_text=_("Export it from your administration system as 'OSO-dossier' (SWV dossier or transfer dossier)."),
    )
