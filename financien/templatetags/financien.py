"""Template filters of the finance pages and PDFs: ``euro``, ``euro0``, ``procent``, ``getal``."""

from django import template

from financien import opmaak

register = template.Library()


@register.filter
def euro(waarde):
    return opmaak.euro(waarde, 2)


@register.filter
def euro0(waarde):
    return opmaak.euro(waarde, 0)


@register.filter
def procent(waarde):
    return opmaak.procent(waarde)


@register.filter
def getal(waarde, decimalen=0):
    return opmaak.getal(waarde, int(decimalen))


@register.filter
def maandnaam(maand):
    from datetime import date

    from django.utils.formats import date_format

    try:
        return date_format(date(2000, int(maand), 1), "F")
    except (TypeError, ValueError):
        return ""
