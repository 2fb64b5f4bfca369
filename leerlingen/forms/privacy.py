"""Forms of the register of privacy requests; the AVG rules live in ``leerlingen.services.privacy``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from leerlingen.forms.thuiszitters import datumveld, tekstveld
from leerlingen.models import Privacyverzoek


class PrivacyverzoekForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Kind of request"),
        choices=[("", "---------"), *Privacyverzoek.Soort.choices],
        error_messages={"required": _("Choose the kind of request.")},
    )
    ingediend_door_omschrijving = forms.CharField(
        label=_("Submitted by"),
        max_length=200,
        help_text=_('Who made the request, e.g. "mother" or "both parents". No names are needed.'),
        error_messages={"required": _("Say who made the request (e.g. mother, both parents).")},
    )
    ingediend_op = datumveld(_("Received on"), help_text=_("The answer is due one month after this date."))
    toelichting = tekstveld(_("What is asked"))


class VerlengenForm(forms.Form):
    reden = tekstveld(
        _("Reason for the extension"),
        required=True,
        help_text=_("The deadline moves two months; the requester must be told why (AVG article 12(3))."),
    )


class AfhandelenForm(forms.Form):
    uitkomst = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", "---------"), *Privacyverzoek.Uitkomst.choices],
        error_messages={"required": _("Choose the outcome.")},
    )
    toelichting = tekstveld(_("Explanation of the outcome"), help_text=_("Required unless the request is granted."))


class LangerBewarenForm(forms.Form):
    tot = datumveld(_("Keep until"), help_text=_("Normally the data goes 2 years after the pupil left."))
    reden = tekstveld(_("Legal reason"), required=True, help_text=_("For example a pending court case."))
