"""Forms of thuiszitter and zorgplicht cases and the risicolijst. Forms parse and check the
input's shape; the business rules live in the services, whose Dutch errors land on the fields."""

from __future__ import annotations

import uuid as uuidlib

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerlingen.models import Ketenpartner, Ladderstap, Thuiszittercasus, Zorgplichtcasus
from swv.formulieren import keuzelijst, keuzeveld, zoekkeuze
from swv.models import Gemeente, School


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def datumveld(label, *, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        widget=DatumInput(),
        help_text=help_text,
        error_messages={"required": _("Enter a date."), "invalid": _("Enter a valid date (day-month-year).")},
    )


def tekstveld(label, *, required=False, help_text="", regels=3, max_length=None):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": regels}),
        error_messages={"required": _("This field is required.")},
    )


class IdempotentFormMixin(forms.Form):
    """A hidden public id for the new object: a repeated submit finds the object instead of
    creating a second one."""

    uuid = forms.UUIDField(widget=forms.HiddenInput, initial=uuidlib.uuid4)


class ThuiszitterGegevensForm(forms.Form):
    """The details of a case that are registered and later maintained."""

    reden = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "—"), *Thuiszittercasus.Reden.choices],
        error_messages={"required": _("Choose a reason.")},
    )
    reden_toelichting = tekstveld(
        _("Explanation of the reason"), help_text=_("Briefly; no diagnoses or details that are not needed.")
    )
    heeft_opp = forms.BooleanField(label=_("The pupil has an OPP"), required=False)
    opp_datum = datumveld(_("Date of the OPP"), required=False)
    onderwijs_uren = forms.DecimalField(
        label=_("Education offered meanwhile (hours per week)"),
        min_value=0,
        max_value=40,
        max_digits=4,
        decimal_places=1,
        initial=0,
        error_messages={
            "required": _("Enter the number of hours (0 if none)."),
            "invalid": _("Enter a number, for example 4 or 2.5."),
            "min_value": _("The hours cannot be negative."),
            "max_value": _("The hours of education per week must be between 0 and 40."),
            "max_decimal_places": _("Use at most one decimal."),
        },
    )
    plan = tekstveld(_("Plan"), regels=4)
    volgende_actie = forms.CharField(label=_("Next action"), required=False, max_length=300)
    volgende_actie_datum = datumveld(_("Date of the next action"), required=False)


class ThuiszitterNieuwForm(IdempotentFormMixin, ThuiszitterGegevensForm):
    """Register a case for an enrolled pupil."""

    SOORTEN = [c for c in Thuiszittercasus.Soort.choices if c[0] not in Thuiszittercasus.SOORTEN_ZONDER_SCHOOL]

    soort = forms.ChoiceField(
        label=_("Type"), choices=SOORTEN, widget=forms.RadioSelect, error_messages={"required": _("Choose a type.")}
    )
    sinds = datumveld(_("At home since"))
    partners = forms.ModelMultipleChoiceField(
        label=_("Chain partners involved"),
        queryset=Ketenpartner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = [
        "uuid",
        "soort",
        "sinds",
        "reden",
        "reden_toelichting",
        "heeft_opp",
        "opp_datum",
        "onderwijs_uren",
        "partners",
        "plan",
        "volgende_actie",
        "volgende_actie_datum",
    ]

    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        keuze = partners if partners is not None else Ketenpartner.objects.none()
        keuzeveld(self, "partners").queryset = keuze
        if not keuze.exists():
            del self.fields["partners"]


class KindZonderInschrijvingForm(ThuiszitterNieuwForm):
    """Register a child without enrolment (consulent / beleidsmedewerker)."""

    SOORTEN = [c for c in Thuiszittercasus.Soort.choices if c[0] not in Thuiszittercasus.SOORTEN_MET_SCHOOL]

    voornaam = forms.CharField(
        label=_("First name"), max_length=100, error_messages={"required": _("Enter the first name.")}
    )
    tussenvoegsel = forms.CharField(label=_("Infix"), max_length=20, required=False)
    achternaam = forms.CharField(
        label=_("Last name"), max_length=150, error_messages={"required": _("Enter the last name.")}
    )
    geboortedatum = datumveld(_("Date of birth"))
    gemeente = forms.ModelChoiceField(
        label=_("Municipality where the child lives"),
        queryset=Gemeente.objects.order_by("naam"),
        empty_label="—",
        error_messages={"required": _("Choose the municipality where the child lives.")},
    )

    field_order = [
        "uuid",
        "voornaam",
        "tussenvoegsel",
        "achternaam",
        "geboortedatum",
        "gemeente",
        *ThuiszitterNieuwForm.field_order[1:],
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzelijst(self, "soort").choices = self.SOORTEN


class ThuiszitterWijzigenForm(ThuiszitterGegevensForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)


class StapForm(forms.Form):
    van_stap = forms.ModelChoiceField(queryset=Ladderstap.objects.all(), to_field_name="uuid", widget=forms.HiddenInput)
    naar_stap = forms.ModelChoiceField(
        label=_("New step"),
        queryset=Ladderstap.objects.none(),
        to_field_name="uuid",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the new step.")},
    )
    reden = tekstveld(_("Reason"), help_text=_("Required when you skip one or more steps."))

    def __init__(self, *args, casus: Thuiszittercasus, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "naar_stap").queryset = (
            Ladderstap.objects.actief().exclude(pk=casus.huidige_stap_id).order_by("volgorde")
        )
        keuzeveld(self, "naar_stap", label=str)


class AfsluitenForm(forms.Form):
    einddatum = datumveld(_("End date"))
    uitkomst = forms.ChoiceField(
        label=_("Outcome"),
        choices=Thuiszittercasus.Uitkomst.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome.")},
    )
    geplaatst_school = forms.ModelChoiceField(
        label=_("School of the placement"),
        queryset=School.objects.filter(actief=True).order_by("naam"),
        required=False,
        empty_label="—",
        to_field_name="uuid",
        help_text=_("For a placement at another school or at S(B)O."),
    )
    toelichting = tekstveld(_("Explanation"), help_text=_("A school outside the partnership: name it here."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("einddatum", timezone.localdate())
        super().__init__(*args, **kwargs)
        zoekkeuze(self, "geplaatst_school", bron="scholen", user=None)


class PartnerKoppelenForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Existing chain partner"),
        queryset=Ketenpartner.objects.none(),
        to_field_name="uuid",
        empty_label="—",
        error_messages={"required": _("Choose a chain partner.")},
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "partner").queryset = partners


class KetenpartnerForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Kind of partner"),
        choices=[("", "—"), *Ketenpartner.Soort.choices],
        error_messages={"required": _("Choose the kind of partner.")},
    )
    organisatie = forms.CharField(
        label=_("Organisation"), max_length=150, error_messages={"required": _("Enter the organisation.")}
    )
    naam = forms.CharField(
        label=_("Contact person"), max_length=150, error_messages={"required": _("Enter the contact person.")}
    )
    telefoon = forms.CharField(label=_("Telephone"), max_length=30, required=False)
    email = forms.EmailField(
        label=_("E-mail address"), required=False, error_messages={"invalid": _("Enter a valid e-mail address.")}
    )


class LadderstapForm(forms.Form):
    volgorde = forms.IntegerField(
        label=_("Order"),
        min_value=1,
        max_value=99,
        error_messages={"required": _("Enter the order number."), "min_value": _("The order must be 1 or higher.")},
    )
    naam = forms.CharField(
        label=_("Name"), max_length=150, error_messages={"required": _("Enter the name of the step.")}
    )
    omschrijving = tekstveld(_("Description"))
    actief = forms.BooleanField(label=_("In use"), required=False, initial=True)


# --- zorgplicht ---


class ZorgplichtNieuwForm(IdempotentFormMixin):
    school = forms.ModelChoiceField(
        label=_("School applied to"),
        queryset=School.objects.none(),
        to_field_name="uuid",
        empty_label=None,
        error_messages={"required": _("Choose the school.")},
    )
    voornaam = forms.CharField(
        label=_("First name"), max_length=100, error_messages={"required": _("Enter the first name.")}
    )
    tussenvoegsel = forms.CharField(label=_("Infix"), max_length=20, required=False)
    achternaam = forms.CharField(
        label=_("Last name"), max_length=150, error_messages={"required": _("Enter the last name.")}
    )
    geboortedatum = datumveld(_("Date of birth"))
    aanmeldingsdatum = datumveld(
        _("Date of the written application"), help_text=_("The zorgplicht and the decision term start on this date.")
    )
    ondersteuningsvraag = tekstveld(_("Possible support need"), help_text=_("Briefly, in a few words."))

    def __init__(self, *args, scholen, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "school").queryset = scholen
        if len(scholen) == 1:
            self.fields["school"].widget = forms.HiddenInput()
            self.fields["school"].initial = scholen[0].uuid


class ZorgplichtVerlengenForm(forms.Form):
    reden = tekstveld(_("Reason for the extension"), required=True)


class ZorgplichtBesluitForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Outcome"),
        choices=Zorgplichtcasus.Uitkomst.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome.")},
    )
    besluitdatum = datumveld(_("Decision date"))
    andere_school = forms.ModelChoiceField(
        label=_("Other school"),
        queryset=School.objects.filter(actief=True).order_by("naam"),
        required=False,
        empty_label="—",
        to_field_name="uuid",
    )
    andere_school_naam = forms.CharField(
        label=_("Other school outside the partnership"), max_length=200, required=False
    )
    toelichting = tekstveld(_("Explanation"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("besluitdatum", timezone.localdate())
        super().__init__(*args, **kwargs)
        zoekkeuze(self, "andere_school", bron="scholen", user=None)


# --- risicolijst ---


class RisicoForm(IdempotentFormMixin):
    reden = tekstveld(_("Why is the pupil at risk?"), required=True)
    afgesproken_actie = tekstveld(_("Agreed action"), required=True)
    sinds = datumveld(_("At risk since"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("sinds", timezone.localdate())
        super().__init__(*args, **kwargs)


class RisicoBeeindigenForm(forms.Form):
    einddatum = datumveld(_("Off the list from"))
    reden = tekstveld(_("Reason"), required=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("einddatum", timezone.localdate())
        super().__init__(*args, **kwargs)
        zoekkeuze(self, "geplaatst_school", bron="scholen", user=None)


class RondeForm(forms.Form):
    ronde = forms.ChoiceField(
        label=_("Round"),
        error_messages={"required": _("Choose the round."), "invalid_choice": _("Choose one of the rounds.")},
    )

    def __init__(self, *args, rondes: list[tuple[int, int]], **kwargs):
        from datetime import date

        from django.utils.formats import date_format

        super().__init__(*args, **kwargs)
        keuzelijst(self, "ronde").choices = [(f"{j}-{m:02d}", date_format(date(j, m, 1), "F Y")) for j, m in rondes]

    def jaar_maand(self) -> tuple[int, int]:
        jaar, maand = self.cleaned_data["ronde"].split("-")
        return int(jaar), int(maand)
