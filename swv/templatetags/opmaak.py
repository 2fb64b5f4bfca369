"""Template filters of the one Dutch notation (``swv.opmaak``), for every page and PDF::

{% load opmaak %}
{{ bedrag|euro }}  {{ bedrag|euro:0 }}  {{ aantal|getal }}  {{ pct|procent }}  {{ dag|datum }}
{{ dag|datum:"lang" }}  {{ moment|datumtijd }}  {{ moment|datumtijd:"lang" }}  {{ maand|maandnaam }}
"""

from __future__ import annotations

from django import template

from swv import opmaak

register = template.Library()


@register.filter
def euro(waarde, decimalen=2):
    return opmaak.euro(waarde, int(decimalen))


@register.filter
def getal(waarde, decimalen=0):
    return opmaak.getal(waarde, int(decimalen))


@register.filter
def procent(waarde, decimalen=1):
    return opmaak.procent(waarde, int(decimalen))


@register.filter
def datum(waarde, vorm=""):
    return opmaak.datum(waarde, lang=vorm == "lang")


@register.filter
def datumtijd(waarde, vorm=""):
    return opmaak.datumtijd(waarde, lang=vorm == "lang")


@register.filter
def maandnaam(maand):
    return opmaak.maandnaam(maand)
