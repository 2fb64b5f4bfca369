"""The one root of domain errors: a refused action with a Dutch message for the user.

Every app's errors derive from ``DomeinFout`` (``TLVFout``, ``DossierFout``, ``AanvraagFout``,
``KwaliteitFout``, ``FinancienFout``): services raise them, the one action view
(``swv.generiek.ActieView``) puts the message in the form's error summary, and a task never retries
them (``swv.taken`` retries only named transient errors). ``GelijktijdigeWijziging`` is the one
concurrent-edit error: someone else saved the same object since the form was opened.

A message is a text for the whole form, or a dict ``{field: text}`` when the rule is about one
field (the view shows it at that field when the form has it, else at the top).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django import forms
    from django.utils.functional import _StrPromise

    Bericht = str | _StrPromise
else:
    Bericht = str


class DomeinFout(Exception):
    """An action that the rules do not allow (illegal state, missing data, no right, bad input)."""

    standaard_bericht: Bericht = _("This action is not possible.")
    #: The HTTP status of the page that shows the refused form again.
    status = 422

    def __init__(self, bericht: Bericht | Mapping[str, Any] | None = None, *, veld: str | None = None) -> None:
        self.velden: dict[str, Any] = {}
        if bericht is None:
            bericht = self.standaard_bericht
        if isinstance(bericht, Mapping):
            self.velden = dict(bericht)
            tekst = " ".join(str(t) for t in self.velden.values())
            self.bericht: Any = tekst
        else:
            if veld:
                self.velden = {veld: bericht}
            self.bericht = bericht
            tekst = str(bericht)
        super().__init__(tekst)

    def __str__(self) -> str:
        return str(self.bericht)

    @property
    def berichten(self) -> list[str]:
        """Every message as text (one per field, or the one message)."""
        if self.velden:
            return [str(t) for t in self.velden.values()]
        return [str(self.bericht)]

    def op_formulier(self, form: forms.BaseForm) -> None:
        """Put the message on the form: on its field when the form has that field, else at the top."""
        if not self.velden:
            form.add_error(None, self.bericht)
            return
        for veld, tekst in self.velden.items():
            form.add_error(veld if veld in form.fields else None, tekst)


class OngeldigeOvergang(DomeinFout):
    """A status transition from a state that does not allow it (``swv.overgangen``)."""

    standaard_bericht = _("This step is not possible in the current status.")


class GelijktijdigeWijziging(DomeinFout):
    """Someone else changed the same object since this user opened it: no silent overwrite."""

    standaard_bericht = _("Someone else changed this in the meantime. Reload the page and try again.")
    status = 409
