"""Forms of the quality app; every error is a clear Dutch message (English source, translated)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import (
    DocumentSoort,
    Doelgroep,
    EvaluatieStatus,
    KlachtDerde,
    KlachtOnderwerp,
    KlachtOordeel,
    MomentStatus,
    OprBesluitSoort,
    Richting,
)
from kwaliteit.kengetallen import Filters
from kwaliteit.kengetallen.filters import schooljaar_van
from kwaliteit.models import Inspectiestandaard, KalenderItem, LandelijkCijfer, OspThema

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

from swv.formulieren import keuzelijst, keuzeveld, opties

SOORT_KEUZES = [("", _("All types")), ("BO", _("BO")), ("SBO", _("SBO")), ("SO", _("SO (incl. SO/VSO)"))]


def _schooljaren(vandaag: date, aantal: int = 12) -> list[tuple[int, str]]:
    huidig = schooljaar_van(vandaag)
    return [(j, f"{j}-{j + 1}") for j in range(huidig, huidig - aantal, -1)]


class DashboardFilterForm(forms.Form):
    """Period and organisation filters of the dashboard; the choices are limited to the user's scope."""

    schooljaar = forms.TypedChoiceField(label=_("School year"), coerce=int)
    bestuur: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("School board"), queryset=None, required=False, empty_label=_("All school boards")
    )
    kring: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Cluster"), queryset=None, required=False, empty_label=_("All clusters")
    )
    gemeente: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Municipality"), queryset=None, required=False, empty_label=_("All municipalities")
    )
    school: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("School"), queryset=None, required=False, empty_label=_("All schools")
    )
    soort = forms.ChoiceField(label=_("Type"), choices=SOORT_KEUZES, required=False)

    def __init__(self, *args, keuzes: dict, vandaag: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag or timezone.localdate()
        keuzelijst(self, "schooljaar").choices = _schooljaren(self.vandaag)
        self.fields["schooljaar"].initial = schooljaar_van(self.vandaag)
        for veld, sleutel in (
            ("bestuur", "besturen"),
            ("kring", "kringen"),
            ("gemeente", "gemeenten"),
            ("school", "scholen"),
        ):
            keuzeveld(self, veld).queryset = keuzes[sleutel]
        for field in self.fields.values():
            field.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"

    def keuzelijsten(self) -> list[dict]:
        """The fields as plain option lists, rendered by a simple loop: Django's widget templates
        render each <option> through a template include, too slow for a 250-school list."""
        velden = []
        for veld in self:
            huidig = str(self.data.get(veld.name, "") if self.is_bound else (veld.initial or ""))
            keuzes = [(str(waarde), str(label), str(waarde) == huidig) for waarde, label in opties(self, veld.name)]
            velden.append({"naam": veld.name, "id": veld.id_for_label, "label": veld.label, "opties": keuzes})
        return velden

    def filters(self) -> Filters:
        """The valid part of the input as filters (an invalid field falls back to its default)."""
        if not self.is_bound:
            return Filters.voor_schooljaar(schooljaar_van(self.vandaag))
        self.is_valid()
        data = self.cleaned_data

        def pk(veld):
            obj = data.get(veld)
            return obj.pk if obj is not None else None

        return Filters.voor_schooljaar(
            data.get("schooljaar") or schooljaar_van(self.vandaag),
            bestuur_id=pk("bestuur"),
            kring_id=pk("kring"),
            gemeente_id=pk("gemeente"),
            school_id=pk("school"),
            soort=data.get("soort") or "",
        )


class VersieForm(forms.Form):
    """Carries the version the form was opened with (optimistic locking against concurrent edits)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


class JaarplanForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    titel = forms.CharField(label=_("Title"), max_length=200)
    inleiding = forms.CharField(label=_("Introduction"), widget=forms.Textarea, required=False)


class JaarplanBewerkenForm(VersieForm):
    titel = forms.CharField(label=_("Title"), max_length=200)
    inleiding = forms.CharField(label=_("Introduction"), widget=forms.Textarea, required=False)


class AmbitieForm(forms.Form):
    nummer = forms.IntegerField(label=_("Number"), min_value=1, max_value=99)
    titel = forms.CharField(label=_("Ambition"), max_length=300)
    omschrijving = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)


class DoelForm(VersieForm):
    ambitie: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Ambition"), queryset=None, empty_label=None)
    code = forms.RegexField(
        label=_("Code"),
        regex=r"^[0-9]{1,2}[a-zA-Z]?$",
        max_length=3,
        help_text=_("A number with a letter, e.g. 2a."),
        error_messages={"invalid": _("Use a number with at most one letter, for example 2a.")},
    )
    titel = forms.CharField(label=_("Goal"), max_length=300)
    beoogd_resultaat = forms.CharField(label=_("Intended (measurable) result"), widget=forms.Textarea)
    indicator = forms.CharField(label=_("Indicator"), max_length=300, required=False)
    richting = forms.ChoiceField(
        label=_("Target direction"), choices=[("", _("none"))] + Richting.choices, required=False
    )
    nulmeting = forms.DecimalField(label=_("Baseline"), max_digits=12, decimal_places=2, required=False)
    streefwaarde = forms.DecimalField(label=_("Target value"), max_digits=12, decimal_places=2, required=False)
    kengetal = forms.ChoiceField(label=_("Live value from key figure"), required=False)
    inspectiestandaarden = forms.ModelMultipleChoiceField(
        label=_("Inspection standards"),
        queryset=Inspectiestandaard.objects.order_by("code"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    osp_themas = forms.ModelMultipleChoiceField(
        label=_("Support plan themes"),
        queryset=OspThema.objects.filter(actief=True).order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, jaarplan, **kwargs):
        from kwaliteit.kengetallen import indicator_keuzes

        super().__init__(*args, **kwargs)
        keuzeveld(self, "ambitie").queryset = jaarplan.ambities.order_by("nummer")
        keuzelijst(self, "kengetal").choices = [("", _("none")), *indicator_keuzes()]


class ActieForm(forms.Form):
    omschrijving = forms.CharField(label=_("Action"), widget=forms.Textarea)
    door_wie = forms.CharField(label=_("By whom"), max_length=300)
    budget = forms.DecimalField(label=_("Budget (EUR)"), max_digits=12, decimal_places=2, min_value=0, required=False)


class EvaluatieForm(VersieForm):
    status = forms.ChoiceField(label=_("Status"), choices=EvaluatieStatus.choices, widget=forms.RadioSelect)
    reflectie = forms.CharField(label=_("Reflection"), widget=forms.Textarea)


class RedenForm(forms.Form):
    reden = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class KalenderMomentForm(VersieForm):
    status = forms.ChoiceField(label=_("Status"), choices=MomentStatus.choices)
    opmerking = forms.CharField(label=_("Remark"), max_length=500, required=False)
    jaar = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    maand = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=12)


def _maandkeuzes():
    return [(m, formats.date_format(date(2000, m, 1), "F")) for m in range(1, 13)]


class KalenderItemForm(forms.ModelForm):
    maanden = forms.TypedMultipleChoiceField(
        label=_("Due months"), coerce=int, choices=_maandkeuzes, widget=forms.CheckboxSelectMultiple, required=False
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = KalenderItem
        fields = [
            "product",
            "doelgroep",
            "doel",
            "eigenaar",
            "frequentie",
            "maanden",
            "wanneer",
            "interval_jaren",
            "referentiejaar",
            "portaal_product",
            "herinneren_rol",
            "volgorde",
            "actief",
        ]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if (data.get("interval_jaren") or 1) > 1 and not data.get("referentiejaar"):
            self.add_error("referentiejaar", _("A product that is due every few years needs a reference year."))
        return data


class RapportGenererenForm(forms.Form):
    soort = forms.ChoiceField(label=_("Report"))
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, soorten: list[tuple[str, StrOrPromise]], **kwargs):
        super().__init__(*args, **kwargs)
        keuzelijst(self, "soort").choices = soorten


class DoelgroepenMixin(forms.Form):
    doelgroepen = forms.MultipleChoiceField(
        label=_("Publish to"),
        choices=Doelgroep.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one audience.")},
    )


class PublicerenForm(DoelgroepenMixin):
    titel = forms.CharField(label=_("Title"), max_length=200)
    toelichting = forms.CharField(label=_("Explanation"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class UploadPublicatieForm(PublicerenForm):
    bestand = forms.FileField(label=_("Document"), help_text=_("PDF, DOCX, XLSX, PNG or JPEG."))
    documentsoort = forms.ChoiceField(label=_("Kind of document"), choices=DocumentSoort.choices)
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    bevestiging = forms.BooleanField(
        label=_("I have checked that this document contains no pupil data and shows no counts below 5."),
        error_messages={"required": _("Confirm that the document contains no pupil data or small numbers.")},
    )

    field_order = ["bestand", "documentsoort", "jaar", "titel", "doelgroepen", "toelichting", "bevestiging"]

    def clean_bestand(self):
        from swv.uploads import valideer_upload

        bestand = self.cleaned_data["bestand"]
        valideer_upload(bestand)
        return bestand


class OprBesluitForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Decision"), choices=OprBesluitSoort.choices)
    datum = forms.DateField(label=_("Date of the decision"), widget=forms.DateInput(attrs={"type": "date"}))
    opmerkingen = forms.CharField(label=_("Remarks"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("The date of the decision cannot be in the future."))
        return datum


class LandelijkCijferForm(forms.ModelForm):
    class Meta:
        model = LandelijkCijfer
        fields = [
            "teldatum",
            "leerlingen_bo",
            "leerlingen_sbo",
            "leerlingen_so",
            "deelname_sbo",
            "deelname_so",
            "opmerking",
        ]
        widgets = {"teldatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


# --- complaints ---

_DATUM = {"type": "date"}


def _datumveld(label) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs=_DATUM, format="%Y-%m-%d"))


class KlachtRegistrerenForm(forms.Form):
    """A parent's complaint, registered by SWV staff. ``registratie_sleutel`` is a one-time key of
    the form: a second submit of the same form returns the complaint the first one made."""

    ontvangen_op = _datumveld(_("Received on"))
    onderwerp = forms.ChoiceField(label=_("What is the complaint about?"), choices=KlachtOnderwerp.choices)
    omschrijving = forms.CharField(label=_("Complaint"), widget=forms.Textarea(attrs={"rows": 5}))
    indiener_naam = forms.CharField(label=_("Name of the parent who complains"), max_length=200)
    indiener_contact = forms.CharField(label=_("Contact details (e-mail or telephone)"), max_length=200, required=False)
    school: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("School concerned (if any)"), queryset=None, required=False, empty_label=_("None")
    )
    registratie_sleutel = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from swv.models import School

        super().__init__(*args, **kwargs)
        keuzeveld(self, "school").queryset = School.objects.order_by("naam")
        self.fields["ontvangen_op"].initial = timezone.localdate()
        self.fields["registratie_sleutel"].initial = uuid.uuid4()


class KlachtBevestigenForm(forms.Form):
    bevestigd_op = _datumveld(_("Receipt acknowledged to the parent on"))


class KlachtDerdeForm(forms.Form):
    derde = forms.ChoiceField(label=_("Who was engaged?"), choices=KlachtDerde.choices)
    ingeschakeld_op = _datumveld(_("Engaged on"))


class KlachtAfhandelenForm(forms.Form):
    oordeel = forms.ChoiceField(label=_("Judgement"), choices=KlachtOordeel.choices)
    afgehandeld_op = _datumveld(_("Answered in writing on"))
    toelichting = forms.CharField(label=_("Reasons given to the parent"), widget=forms.Textarea(attrs={"rows": 4}))
    lessen = forms.CharField(
        label=_("What do we learn from it?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class KlachtLkcForm(forms.Form):
    lkc_op = _datumveld(_("Taken to the national complaints committee (LKC) on"))
    reden = forms.CharField(label=_("Remark"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class KlachtIntrekkenForm(forms.Form):
    reden = forms.CharField(label=_("Reason for the withdrawal"), widget=forms.Textarea(attrs={"rows": 2}))
