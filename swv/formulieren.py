"""Small helpers for the forms of every app.

django-stubs types ``form.fields`` as ``dict[str, Field]``; a form that narrows a choice field's
queryset or choices at run time gets the field through these, typed and checked, instead of an
unchecked attribute on a plain ``Field``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms


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
