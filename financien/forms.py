"""Forms of the finance app: every error a clear Dutch message; decimals in Dutch notation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from financien import conf
from financien.choices import Afwijzingsgrond, Blok, InnovatieThema
from financien.models import Begrotingspost, Beleidsthema, Jaarparameters, Rekeningkoppeling
from financien.services.parameters import WAARDEVELDEN
from swv.access import bestuur_ids, school_ids
from swv.choices import Rol
from swv.formulieren import keuzeveld
from swv.models import Bestuur, Kring, School
from swv.tabellen import getaltekst

JAAR_MIN, JAAR_MAX = 2000, 2100


def _jaarveld(**kwargs):
    return forms.IntegerField(
        label=_("Year"),
        min_value=JAAR_MIN,
        max_value=JAAR_MAX,
        error_messages={
            "min_value": _("Enter a year from 2000 to 2100."),
            "max_value": _("Enter a year from 2000 to 2100."),
        },
        **kwargs,
    )


class RevisieMixin(forms.Form):
    """A hidden revision number: a form saved over someone else's change is refused."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def _decimaal_widget():
    return forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


class BedragField(forms.DecimalField):
    """A decimal shown in Dutch notation that accepts Dutch and plain input."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", _decimaal_widget())
        kwargs["localize"] = True
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Enter a number, for example 1.234,56.")
        self.error_messages["max_decimal_places"] = _("Use at most two decimals.")

    def to_python(self, value):
        return super().to_python(getaltekst(value) if isinstance(value, str) else value)


class JaarparametersForm(forms.ModelForm):
    GROEPEN = [
        (
            _("Funding by DUO"),
            [
                "teldatum",
                "prognose_groei",
                "tarief_lichte_personeel",
                "tarief_lichte_materieel",
                "tarief_zware",
                "verevening",
            ],
        ),
        (
            _("SO and SBO deductions"),
            [
                "so_tarief_laag",
                "so_tarief_midden",
                "so_tarief_hoog",
                "sbo_regel",
                "sbo_drempel_percentage",
                "sbo_tarief",
            ],
        ),
        (
            _("Allocation keys of the partnership"),
            ["basisbedrag_per_school", "bedrag_per_leerling", "toewijzing_ook_sbo"],
        ),
        (_("Reserve"), ["signaleringswaarde_percentage", "minimum_reserve_percentage"]),
    ]

    reden = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when a final T-rapportage of this year exists: the change then becomes a new version."),
    )
    revisie = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = Jaarparameters
        fields = WAARDEVELDEN
        localized_fields = "__all__"
        widgets = {"teldatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, jaar: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.jaar = jaar
        for naam, veld in list(self.fields.items()):
            if isinstance(veld, forms.DecimalField):
                self.fields[naam] = BedragField(
                    label=veld.label,
                    help_text=veld.help_text,
                    required=veld.required,
                    max_digits=veld.max_digits,
                    decimal_places=veld.decimal_places,
                )
        teldatum = self.fields["teldatum"]
        if not isinstance(teldatum, forms.DateField):
            raise TypeError(f"{type(self).__name__}.teldatum is not a DateField")
        teldatum.localize = False
        teldatum.input_formats = ["%Y-%m-%d", "%d-%m-%Y"]

    def groepen(self):
        return [(titel, [self[naam] for naam in namen]) for titel, namen in self.GROEPEN]

    def clean_teldatum(self):
        teldatum = self.cleaned_data["teldatum"]
        if self.jaar and not (self.jaar - 2 <= teldatum.year <= self.jaar):
            raise forms.ValidationError(_("The count date must lie in the funding year or up to two years before it."))
        return teldatum

    def clean(self):
        super().clean()
        data = self.cleaned_data
        minimum, signalering = data.get("minimum_reserve_percentage"), data.get("signaleringswaarde_percentage")
        if minimum is not None and signalering is not None and minimum > signalering:
            self.add_error(
                "minimum_reserve_percentage", _("The minimum reserve cannot be higher than the signalling value.")
            )
        for veld in (
            "tarief_lichte_personeel",
            "tarief_lichte_materieel",
            "tarief_zware",
            "so_tarief_laag",
            "so_tarief_midden",
            "so_tarief_hoog",
            "sbo_tarief",
            "basisbedrag_per_school",
            "bedrag_per_leerling",
        ):
            if data.get(veld) is not None and data[veld] < 0:
                self.add_error(veld, _("A rate or amount cannot be negative."))
        for veld in ("sbo_drempel_percentage", "signaleringswaarde_percentage", "minimum_reserve_percentage"):
            if data.get(veld) is not None and not (0 <= data[veld] <= 100):
                self.add_error(veld, _("Enter a percentage from 0 to 100."))
        if data.get("prognose_groei") is not None and not (-100 < data["prognose_groei"] < 100):
            self.add_error("prognose_groei", _("Enter a growth between -100 and 100 %."))
        return data


class NieuweJaarparametersForm(JaarparametersForm):
    jaar = _jaarveld()

    field_order = ["jaar", *WAARDEVELDEN]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reden"]
        del self.fields["revisie"]

    def clean_teldatum(self):
        self.jaar = self.cleaned_data.get("jaar")
        return super().clean_teldatum()

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if Jaarparameters.objects.filter(jaar=jaar).exists():
            raise forms.ValidationError(_("There are already parameters for this year."))
        return jaar


class ArrangementenbudgetForm(forms.Form):
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=School.objects.filter(actief=True).order_by("naam"),
        required=False,
        empty_label=_("(none: a cluster)"),
    )
    kring = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Kring.objects.order_by("naam"),
        required=False,
        empty_label=_("(none: a school)"),
    )
    bedrag = BedragField(
        label=_("Amount"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        error_messages={"min_value": _("The amount cannot be negative.")},
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if bool(data.get("school")) == bool(data.get("kring")):
            raise forms.ValidationError(_("Choose either a school or a cluster."))
        return data


class BegrotingspostForm(forms.ModelForm):
    class Meta:
        model = Begrotingspost
        fields = ["code", "naam", "blok", "grondslag", "beleidsthema", "volgorde", "actief"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        thema = keuzeveld(self, "beleidsthema")
        thema.queryset = Beleidsthema.objects.order_by("code")
        thema.empty_label = _("(no theme)")

    def validate_unique(self):
        """Uniqueness is checked by the service, with its own message."""


class NieuweBegrotingForm(forms.Form):
    jaar = _jaarveld()
    kopieer_vorig_jaar = forms.BooleanField(
        label=_("Start from the previous year's amounts"), required=False, initial=True
    )


class BegrotingForm(RevisieMixin):
    """All amounts of one year at once: one field per budget line."""

    reserve_begin = BedragField(
        label=_("General reserve on 1 January"),
        required=False,
        max_digits=12,
        decimal_places=2,
        help_text=_("Leave empty to carry over the previous year's end position."),
    )
    toelichting = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, posten: list[Begrotingspost], bedragen: dict[int, Decimal], **kwargs):
        super().__init__(*args, **kwargs)
        self.posten = posten
        for post in posten:
            self.fields[f"post_{post.pk}"] = BedragField(
                label=f"{post.code} {post.naam}",
                required=False,
                max_digits=12,
                decimal_places=2,
                initial=bedragen.get(post.pk),
            )

    def bedragen(self) -> dict[int, Decimal]:
        return {
            p.pk: self.cleaned_data[f"post_{p.pk}"]
            for p in self.posten
            if self.cleaned_data.get(f"post_{p.pk}") is not None
        }

    def veld_van(self, post):
        return self[f"post_{post.pk}"]


class MaandKeuze(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=lambda: [(m, date_format(date(2000, m, 1), "F")) for m in range(1, 13)], coerce=int, **kwargs
        )


class RealisatieUploadForm(forms.Form):
    jaar = _jaarveld()
    maand = MaandKeuze(label=_("Month"))
    bestand = forms.FileField(
        label=_("Export of the accounting system (CSV or XLSX)"),
        help_text=_("Columns: rekening and bedrag (required), omschrijving and datum (optional)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={"required": _("Choose a file to import."), "empty": _("The file is empty.")},
    )

    def clean_bestand(self):
        from swv.uploads import TABELTYPEN, valideer_upload

        bestand = self.cleaned_data["bestand"]
        valideer_upload(bestand, toegestaan=TABELTYPEN)  # the one upload validator (swv.tabellen reads it)
        return bestand


class RekeningkoppelingForm(forms.ModelForm):
    class Meta:
        model = Rekeningkoppeling
        fields = ["rekening", "omschrijving", "post"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "post").queryset = Begrotingspost.objects.filter(actief=True).order_by("volgorde", "code")

    def validate_unique(self):
        """An existing account is re-mapped by the service rather than refused."""


def periode_keuzes():
    keuzes = []
    for i, maand in enumerate(conf.t_rapportage_maanden(), start=1):
        if maand >= 2:
            t_m = date_format(date(2000, maand - 1, 1), "F")
            keuzes.append((i, _("T%(t)s (actuals up to and including %(maand)s)") % {"t": i, "maand": t_m}))
    return keuzes


class TRapportageStartForm(forms.Form):
    jaar = _jaarveld()
    t_nummer = forms.TypedChoiceField(label=_("Period"), choices=periode_keuzes, coerce=int)


class ToelichtingForm(RevisieMixin):
    """Explanation and forecast of every line of a draft T-rapportage."""

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.regels = regels
        for r in regels:
            self.fields[f"prognose_{r.pk}"] = BedragField(
                label=_("Forecast %(code)s") % {"code": r.code},
                max_digits=12,
                decimal_places=2,
                initial=r.prognose,
                error_messages={"required": _("Enter a forecast.")},
            )
            self.fields[f"toelichting_{r.pk}"] = forms.CharField(
                label=_("Explanation %(code)s") % {"code": r.code},
                required=False,
                initial=r.toelichting,
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
            )

    def toelichtingen(self) -> dict[int, str]:
        return {r.pk: self.cleaned_data[f"toelichting_{r.pk}"] for r in self.regels}

    def prognoses(self) -> dict[int, Decimal]:
        return {r.pk: self.cleaned_data[f"prognose_{r.pk}"] for r in self.regels}

    def rijen(self):
        return [(r, self[f"prognose_{r.pk}"], self[f"toelichting_{r.pk}"]) for r in self.regels]


# --- innovation requests ---


class InnovatieAanvraagForm(forms.Form):
    titel = forms.CharField(label=_("Title"), max_length=200)
    thema = forms.ChoiceField(label=_("Theme"), choices=InnovatieThema.choices)
    school: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("School"), queryset=None, required=False, empty_label=_("The whole board")
    )
    bestuur: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("School board"), queryset=None, required=False, empty_label=None
    )
    plan = forms.CharField(label=_("Plan"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    financiele_onderbouwing = forms.CharField(
        label=_("Financial justification"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    bedrag_per_jaar = forms.DecimalField(label=_("Amount requested per year (euros)"), min_value=0, decimal_places=2)
    startjaar = forms.IntegerField(label=_("First year"))
    looptijd_jaren = forms.IntegerField(label=_("Number of years"), min_value=1, max_value=4, initial=1)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scholen = School.objects.filter(pk__in=school_ids(user, [Rol.DIRECTEUR, Rol.IB_ER, Rol.BESTUURDER]))
        keuzeveld(self, "school").queryset = scholen.order_by("naam")
        besturen = Bestuur.objects.filter(
            pk__in=bestuur_ids(user, [Rol.BESTUURDER]) | set(scholen.values_list("bestuur_id", flat=True))
        )
        keuzeveld(self, "bestuur").queryset = besturen.order_by("naam")
        self.fields["startjaar"].initial = timezone.localdate().year + 1

    def clean(self):
        data = super().clean() or {}
        if not data.get("school") and not data.get("bestuur"):
            self.add_error("school", _("Choose the school or the school board that applies."))
        return data


class InnovatieAdviesForm(forms.Form):
    advies = forms.CharField(label=_("Advice to the DB"), widget=forms.Textarea(attrs={"rows": 4}))


class InnovatieToekennenForm(forms.Form):
    post: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Budget line"), queryset=None)
    evaluatiedatum = forms.DateField(
        label=_("Evaluation date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    toelichting = forms.CharField(
        label=_("Notes on the decision"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keuzeveld(self, "post").queryset = Begrotingspost.objects.filter(actief=True).exclude(blok=Blok.BATEN)


class InnovatieAfwijzenForm(forms.Form):
    afwijzingsgrond = forms.ChoiceField(label=_("Reason for the refusal"), choices=Afwijzingsgrond.choices)
    toelichting = forms.CharField(
        label=_("Notes on the decision"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
