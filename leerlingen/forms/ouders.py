"""Forms of the parents' portal (issue 14): the school's invitation, and the parent's own answers.

The parent's texts are plain Dutch (B1) and say what happens with what the parent writes. A text
required only with some answer (a reason without legal authority, an explanation with an objection)
is the service's rule (``leerlingen.services.ouders``); its message lands on the field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from leerlingen.choices import Instemmingsbesluit, OuderBesluit, Ouderrelatie
from leerlingen.forms.dossier import DocumentForm


def _tekst(regels: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": regels})


class OuderUitnodigenForm(forms.Form):
    voornaam = forms.CharField(label=_("First name of the parent"), max_length=100)
    achternaam = forms.CharField(label=_("Last name of the parent"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address of the parent"),
        help_text=_("The invitation goes to this address. It contains a link only, no details of the pupil."),
    )
    relatie = forms.ChoiceField(label=_("Relationship to the pupil"), choices=Ouderrelatie.choices)
    gezag = forms.TypedChoiceField(
        label=_("Does this parent have legal authority (gezag)?"),
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    reden_zonder_gezag = forms.CharField(
        label=_("Why this parent gets access without legal authority"),
        widget=_tekst(3),
        required=False,
        max_length=2000,
        help_text=_("Only needed when the parent has no legal authority."),
    )


class KoppelingBeeindigenForm(forms.Form):
    reden = forms.CharField(label=_("Why does the access end?"), widget=_tekst(3), max_length=2000)


class OuderInstemmingForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Do you agree with this plan?"),
        choices=[
            (Instemmingsbesluit.INGESTEMD, _("Yes, I agree")),
            (Instemmingsbesluit.BEZWAAR, _("No, I do not agree")),
        ],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label=_("Your explanation"),
        widget=_tekst(4),
        required=False,
        max_length=4000,
        help_text=_("Required when you do not agree. The school reads this and will talk to you about it."),
    )


class ZienswijzeForm(forms.Form):
    tekst = forms.CharField(
        label=_("Your view"),
        widget=_tekst(6),
        max_length=4000,
        help_text=_("What do you think of this request? The school and the SWV read your view with the request."),
    )
    besluit = forms.ChoiceField(
        label=_("Do you agree with this request?"),
        choices=[(OuderBesluit.INGESTEMD, _("Yes, I agree")), (OuderBesluit.GEWEIGERD, _("No, I do not agree"))],
        widget=forms.RadioSelect,
    )


class OuderDocumentForm(DocumentForm):
    """The school's document form (its file field and the one upload check), with the parent's
    wording; no kind to choose: a parent's document is stored as a report."""

    titel = forms.CharField(
        label=_("What is the document?"),
        max_length=200,
        help_text=_("For example: report of the youth care team, or a diagnosis."),
    )
    soort = None  # type: ignore[assignment]  # Django removes an inherited field set to None


class LogboekForm(forms.Form):
    tekst = forms.CharField(label=_("Your message"), widget=_tekst(4), max_length=2000)


class OuderLogboekForm(LogboekForm):
    alleen_school = forms.BooleanField(
        label=_("Only for the school"),
        required=False,
        help_text=_("Tick this if the other parent may not read this message. The school always reads it."),
    )
