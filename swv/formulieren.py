"""Small helpers for the forms of every app.

django-stubs types ``form.fields`` as ``dict[str, Field]``; a form that narrows a choice field's
queryset or choices at run time gets the field through these, typed and checked, instead of an
unchecked attribute on a plain ``Field``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


def keuzeveld(form: forms.BaseForm, naam: str, *, label: Callable[[Any], str] | None = None) -> forms.ModelChoiceField:
    """The model choice field ``naam`` of ``form`` (single or multiple).

    ``label`` replaces how an option is shown, for this form instance only (Django's
    ``label_from_instance``).
    """
    veld = form.fields[naam]
    if not isinstance(veld, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{naam} is geen ModelChoiceField")
    if label is not None:
        veld.label_from_instance = label  # type: ignore[method-assign,assignment]  # per instance, as Django documents
    return veld


def keuzelijst(form: forms.BaseForm, naam: str) -> forms.ChoiceField:
    """The choice field ``naam`` of ``form``."""
    veld = form.fields[naam]
    if not isinstance(veld, forms.ChoiceField):
        raise TypeError(f"{type(form).__name__}.{naam} is geen ChoiceField")
    return veld


def opties(form: forms.BaseForm, naam: str) -> list[tuple[Any, Any]]:
    """The ``(value, label)`` options of the choice field ``naam``, as Django normalised them.

    django-stubs types the ``choices`` getter as everything its setter accepts (mappings, callables,
    enum classes); once set, Django holds static choices as a list of pairs.
    """
    return cast("list[tuple[Any, Any]]", keuzelijst(form, naam).choices)


# --- Searchable long selects (issue 16) ----------------------------------------------------------
#
# One pattern for every select with more than ~50 options: the plain <select> stays (it works
# without JavaScript and is what the form validates against), and a search box above it asks the
# server, through htmx, for the matching options of the same scoped queryset; they replace the
# select's options. The search term travels in a POST body (no push-url, never in the page URL or
# the access log), and the endpoint answers only with what the user may see.


@dataclass(frozen=True)
class Zoekbron:
    """Where a searchable select gets its options: the same scoped queryset as the form's field."""

    naam: str
    queryset: Callable[[Any], QuerySet]  # user -> the options this user may choose
    velden: tuple[str, ...]  # searched case-insensitively, every word must match one of them
    label: Callable[[Any], str] = str
    leeg: Any = "---------"
    #: The option value: the field's ``to_field_name`` ("pk" or "uuid").
    waarde: str = "pk"
    #: Called after a search with (user, number of options found, request), e.g. the access log.
    na_zoeken: Callable[..., Any] | None = None


_ZOEKBRONNEN: dict[str, Zoekbron] = {}
MAX_ZOEKRESULTATEN = 50


def registreer_zoekbron(
    naam: str,
    *,
    queryset: Callable[[Any], QuerySet],
    velden: tuple[str, ...],
    label: Callable[[Any], str] = str,
    leeg: Any = "---------",
    waarde: str = "pk",
    na_zoeken: Callable[..., Any] | None = None,
) -> Zoekbron:
    bron = Zoekbron(
        naam=naam, queryset=queryset, velden=velden, label=label, leeg=leeg, waarde=waarde, na_zoeken=na_zoeken
    )
    _ZOEKBRONNEN[naam] = bron
    return bron


def zoekbron(naam: str) -> Zoekbron | None:
    return _ZOEKBRONNEN.get(naam)


def zoek_opties(bron: Zoekbron, user: Any, zoekterm: str) -> tuple[list[Any], bool]:
    """The first ``MAX_ZOEKRESULTATEN`` options matching every word of ``zoekterm``, and whether
    there are more."""
    qs = bron.queryset(user)
    for woord in zoekterm.split()[:5]:
        voorwaarde = Q()
        for veld in bron.velden:
            voorwaarde |= Q(**{f"{veld}__icontains": woord})
        qs = qs.filter(voorwaarde)
    gevonden = list(qs[: MAX_ZOEKRESULTATEN + 1])
    return gevonden[:MAX_ZOEKRESULTATEN], len(gevonden) > MAX_ZOEKRESULTATEN


class ZoekKeuze(forms.Select):
    """A select with a search box above it that narrows its options on the server (see above)."""

    def __init__(self, bron: str, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.bron = bron

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        select = super().render(name, value, attrs, renderer)
        keuze_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        zoeken = format_html(
            '<div class="portaal-zoekkeuze">'
            '<label class="utrecht-form-label portaal-zoekkeuze__label" for="{id}-zoek">{label}</label> '
            '<input type="search" id="{id}-zoek" name="zoek-{name}" autocomplete="off" spellcheck="false" '
            'class="utrecht-textbox utrecht-textbox--html-input portaal-zoekkeuze__zoek" '
            'hx-post="{url}" hx-trigger="input changed delay:300ms, search" hx-target="#{id}" '
            'hx-swap="innerHTML" hx-params="zoek-{name}" hx-sync="this:replace" aria-controls="{id}" '
            'aria-describedby="{id}-status"> <span id="{id}-status" class="portaal-meta" aria-live="polite"></span>'
            "</div>",
            id=keuze_id,
            name=name,
            label=_("Search the list"),
            url=reverse("zoekkeuze", args=[self.bron]),
        )
        return mark_safe(zoeken + select)  # noqa: S308  (both parts are escaped above and by Django)


def zoekkeuze(form: forms.BaseForm, naam: str, *, bron: str, user: Any) -> forms.ModelChoiceField:
    """Make ``form.naam`` a searchable select fed by the registered source ``bron`` for ``user``:
    its queryset and labels are the source's, so the form accepts exactly what the search offers."""
    zb = _ZOEKBRONNEN[bron]
    veld = keuzeveld(form, naam, label=zb.label)
    if (veld.to_field_name or "pk") != zb.waarde:
        raise TypeError(f"{type(form).__name__}.{naam}: to_field_name must be {zb.waarde!r} for {bron}")
    veld.queryset = zb.queryset(user)
    veld.widget = ZoekKeuze(bron, attrs=veld.widget.attrs)
    veld.widget.choices = veld.choices
    return veld


def _actieve_scholen(user: Any) -> QuerySet:
    from swv.models import School

    return School.objects.filter(actief=True).order_by("naam", "pk")


# The schools of the register (public data, the same for every user): placements, other school.
registreer_zoekbron(
    "scholen",
    queryset=_actieve_scholen,
    velden=("naam", "plaats", "brin"),
    label=lambda s: f"{s.naam} ({s.plaats})" if s.plaats else s.naam,
    leeg="—",
    waarde="uuid",
)
