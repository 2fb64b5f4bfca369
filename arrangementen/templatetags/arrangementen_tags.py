"""Template helpers of the arrangements app: money in Dutch notation and the status badge."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def euro(bedrag) -> str:
    """``1234.5`` -> ``€ 1.234,50`` (in the active language's notation); empty stays a dash."""
    if bedrag is None or bedrag == "":
        return "–"
    return "€ " + number_format(Decimal(bedrag), decimal_pos=2, use_l10n=True, force_grouping=True)


@register.inclusion_tag("arrangementen/partials/_status.html")
def status(aanvraag):
    return {"code": aanvraag.status, "label": aanvraag.get_status_display()}
