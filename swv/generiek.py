"""The one set of view bases: scoped object, list and detail, role check, and the one action view.

Every app's views subclass these; none re-implements dispatch, form handling or error answers.

* ``ToegangMixin`` / ``RolVereistMixin``: anonymous users go to the login page; a user without
  the role (``rollen``, or ``heeft_toegang(user)`` for a rule that is not a role list) gets **404**,
  as if the page did not exist (deny by default, never 403).
* ``ScopedObjectMixin``: the view's queryset is ``model.objects.visible_to(user, action)``, looked up
  by the public ``uuid``; list, detail, edit, action and download therefore share one rule and
  anything outside the scope answers **404**.
* ``ActieView``: a form that performs one service on one object (or on none, for a create page).
  GET shows the form; POST validates it and calls ``uitvoeren(form)``; success redirects (302) with
  ``succes_bericht``. The answers are the same in every app:

  - an invalid form is shown again with status **422 Unprocessable Content**: our forms submit as
    ordinary POSTs, so the browser shows the page whatever the status, while tests, proxies and
    monitoring can see that nothing was saved (a 200 hides that, a 400 means "malformed request",
    which a form with a missing field is not). htmx does not swap 4xx answers by default, so an
    htmx caller never replaces a fragment with a half-filled form by accident.
  - a ``swv.fouten.DomeinFout`` from the service goes on the form (``fout.op_formulier(form)``:
    at its field, else in the error summary) and the form is shown again with ``fout.status``:
    422, or **409 Conflict** for ``GelijktijdigeWijziging`` (someone else saved first).
  - an action that is only a button (``alleen_post = True``) answers a GET with **405** and an
    ``Allow: POST`` header (the URL exists; only the method is wrong); its domain error has no form
    to go on, so it becomes an error message on the page it returns to.
  - an irreversible act (``onomkeerbaar = "what cannot be undone"``: adopting, publishing,
    deciding) asks for confirmation, one way everywhere: its form gets a required checkbox "I
    understand that this cannot be undone" with the consequence under it; a button first shows
    that confirmation page (GET, or a POST from the object's page without it) and acts only on the
    confirmed POST. Never a JavaScript ``confirm()`` (CSP, and it says nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView
from django.views.generic.base import TemplateResponseMixin
from django.views.generic.edit import FormMixin

from swv.access import heeft_rol, zichtbaar_of_404
from swv.fouten import DomeinFout

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse, HttpResponseBase

    _ViewBase = View
else:
    _ViewBase = object

__all__ = [
    "ActieView",
    "HtmxDeelMixin",
    "RolVereistMixin",
    "ScopedDetailView",
    "ScopedListView",
    "ScopedObjectMixin",
    "ToegangMixin",
    "ZoektermMixin",
    "is_htmx",
]


def is_htmx(request: HttpRequest) -> bool:
    """True for a request that htmx made (django-htmx's ``request.htmx``)."""
    return bool(getattr(request, "htmx", False))


class HtmxDeelMixin(TemplateResponseMixin):
    """A page whose htmx requests get only its part ``htmx_template`` (a filtered table, a list)."""

    htmx_template: str = ""

    def get_template_names(self) -> list[str]:
        if self.htmx_template and is_htmx(self.request):
            return [self.htmx_template]
        return super().get_template_names()


class ToegangMixin(LoginRequiredMixin, _ViewBase):
    """Login first; then ``heeft_toegang(user)`` (404 when false); then ``laad()`` the page's objects.

    ``rollen = None`` admits every logged-in user; a tuple of roles admits only those roles.
    ``laad`` may raise ``Http404`` itself for a rule that needs the loaded object.
    """

    rollen: Iterable[str] | None = None

    def heeft_toegang(self, user: Any) -> bool:
        return self.rollen is None or heeft_rol(user, *self.rollen)

    def laad(self) -> None:
        """Load what the page is about (scoped: 404 outside scope); the default loads nothing."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.heeft_toegang(request.user):
            raise Http404
        self.laad()
        return super().dispatch(request, *args, **kwargs)


class RolVereistMixin(ToegangMixin):
    """Views only for some roles (``rollen``); everyone else gets 404. No roles set: nobody."""

    rollen: Iterable[str] = ()


class ScopedObjectMixin(ToegangMixin):
    """Makes the view's queryset the scoped one: ``model.objects.visible_to(user, action)``.

    Objects are looked up by their public ``uuid`` (``slug_field``); integer keys stay internal.
    ``relaties`` are fetched along (``select_related``).
    """

    #: the model class (``Any``: Django's generic views each type it their own way)
    model: Any = None
    queryset: QuerySet | None = None
    action = "view"
    relaties: tuple[str, ...] = ()
    slug_field = "uuid"
    slug_url_kwarg = "uuid"

    def get_queryset(self) -> QuerySet:
        if self.queryset is not None:
            basis = self.queryset.all()
        elif self.model is not None:
            basis = self.model._default_manager.all()
        else:  # pragma: no cover - a configuration error
            raise NotImplementedError(f"{type(self).__name__} needs a model or a queryset")
        qs = basis.visible_to(self.request.user, self.action)  # type: ignore[attr-defined]
        return qs.select_related(*self.relaties) if self.relaties else qs

    def get_object(self, queryset: QuerySet | None = None) -> Any:
        qs = self.get_queryset() if queryset is None else queryset
        return zichtbaar_of_404(qs, **{self.slug_field: self.kwargs[self.slug_url_kwarg]})


class ScopedListView(ScopedObjectMixin, ListView):
    """A list of the objects the user may see (``visible_to(user, "view")``)."""


class ScopedDetailView(ScopedObjectMixin, DetailView):
    """One object the user may see, by ``uuid``; 404 outside the scope."""


class _Leeg(forms.Form):
    """The form of a button: nothing to fill in."""


#: The confirmation of an irreversible act (``ActieView.onomkeerbaar``): the checkbox, and the
#: hidden marker that the confirmation was shown (a button pressed elsewhere lacks it).
BEVESTIGD = "onomkeerbaar_bevestigd"
BEVESTIGING_GETOOND = "onomkeerbaar_getoond"


class ActieView(ScopedObjectMixin, FormMixin, TemplateResponseMixin, View):
    """A form that performs one service on one object: ``uitvoeren(form)`` (see the module doc).

    Subclasses set ``form_class`` (a button sets ``alleen_post = True`` and needs none), ``model``
    and ``action`` (the object becomes ``self.object``; without a model there is none),
    ``template_name``, ``titel``/``knop``/``uitleg``/``succes_bericht``, and implement
    ``uitvoeren(form)``. It returns what the redirect goes to: a URL, or anything else to go to
    ``succes_url(resultaat)`` (by default ``terug_url()``, the object's page).
    """

    action = "change"
    template_name = "swv/formulier.html"
    form_class: type[forms.BaseForm] | None = _Leeg
    #: An optional formset next to the form (validated with it, given to the template).
    formset_class: Any = None
    formset_prefix = ""
    alleen_post = False
    #: The field a domain error without a field of its own belongs to (None: the error summary).
    fout_veld: str | None = None
    context_object_name: str | None = None
    titel: Any = ""
    knop: Any = _("Save")
    uitleg: Any = ""
    succes_bericht: Any = ""
    #: What cannot be undone (set for adopting, publishing, deciding): asks for confirmation.
    onomkeerbaar: Any = ""

    object: Any = None
    formset: Any = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if self.alleen_post and not self.onomkeerbaar and request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.onomkeerbaar and self.alleen_post and BEVESTIGING_GETOOND not in self.request.POST:
            kwargs.pop("data", None)  # the confirmation page starts unfilled, without errors
            kwargs.pop("files", None)
        return kwargs

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        if self.onomkeerbaar:
            form.fields[BEVESTIGING_GETOOND] = forms.CharField(widget=forms.HiddenInput, initial="1", required=False)
            form.fields[BEVESTIGD] = forms.BooleanField(
                label=_("I understand that this cannot be undone"),
                help_text=self.onomkeerbaar,
                error_messages={"required": _("Confirm that you understand that this cannot be undone.")},
            )
        return form

    def laad(self) -> None:
        self.object = self.get_object() if (self.model is not None or self.queryset is not None) else None

    # --- what subclasses fill in -------------------------------------------------------------

    def uitvoeren(self, form: Any) -> Any:  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def terug_url(self) -> str:
        """The page to go back to (cancel link, success redirect): by default the object's page."""
        if hasattr(self.object, "get_absolute_url"):
            return self.object.get_absolute_url()
        raise NotImplementedError(f"{type(self).__name__} needs terug_url()")

    def succes_url(self, resultaat: Any) -> str:
        return resultaat if isinstance(resultaat, str) else self.terug_url()

    def fout_url(self) -> str:
        """Where a refused button returns to (with the message)."""
        return self.terug_url()

    def get_formset_kwargs(self) -> dict[str, Any]:
        return {}

    # --- the one way it works ------------------------------------------------------------------

    def maak_formset(self, data: Any = None, files: Any = None) -> Any:
        if self.formset_class is None:
            return None
        return self.formset_class(data, files, prefix=self.formset_prefix, **self.get_formset_kwargs())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("formset", self.formset)
        ctx = super().get_context_data(**kwargs)
        ctx.update(titel=self.titel, knop=self.knop, uitleg=self.uitleg, object=self.object)
        if self.onomkeerbaar and not self.titel:
            ctx["titel"] = _("Confirm")
        if self.context_object_name:
            ctx[self.context_object_name] = self.object
        if "terug_url" not in ctx:
            try:
                ctx["terug_url"] = self.terug_url()
            except NotImplementedError:
                ctx["terug_url"] = ""
        return ctx

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.formset = self.maak_formset()
        return self.render_to_response(self.get_context_data())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.onomkeerbaar and self.alleen_post and BEVESTIGING_GETOOND not in request.POST:
            # A button pressed on the object's page: first the confirmation step, nothing done yet.
            return self.get(request, *args, **kwargs)
        form = self.get_form()
        self.formset = self.maak_formset(request.POST, request.FILES)
        if not (form.is_valid() and (self.formset is None or self.formset.is_valid())):
            return self.form_invalid(form)
        return self.form_valid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        # The confirmation is the view's, not the service's: the service never sees it.
        form.cleaned_data.pop(BEVESTIGD, None)
        form.cleaned_data.pop(BEVESTIGING_GETOOND, None)
        try:
            resultaat = self.uitvoeren(form)
        except PermissionDenied:
            # A service's own right check (a safety net behind the view's): 404 like every refusal.
            raise Http404 from None
        except DomeinFout as fout:
            if self.alleen_post:
                messages.error(self.request, " ".join(fout.berichten))
                return redirect(self.fout_url())
            if self.fout_veld in form.fields and not fout.velden:
                form.add_error(self.fout_veld, fout.bericht)
            else:
                fout.op_formulier(form)
            return self.form_invalid(form, status=fout.status)
        if self.succes_bericht:
            messages.success(self.request, self.succes_bericht)
        return redirect(self.succes_url(resultaat))

    def form_invalid(self, form: Any, status: int = 422) -> HttpResponse:
        if self.alleen_post and not self.onomkeerbaar:
            # A button has no form to show again: the one message goes to the page it came from.
            messages.error(self.request, " ".join(str(m) for fouten in form.errors.values() for m in fouten))
            return redirect(self.fout_url())
        return self.render_to_response(self.get_context_data(form=form), status=status)


class ZoektermMixin:
    """A search by pupil name kept out of URLs, server logs and browser history (issue 13).

    The search form POSTs the term (``zoekterm_veld``); the view keeps it in the session for this
    page, so paging and filters (which stay in the query string: a group, a school) keep the search,
    and never reads it from the query string. An htmx POST gets the page's part at once (the form
    has no ``hx-push-url``); without JavaScript the POST redirects to the page (post/redirect/get),
    so reloading or going back never resubmits a name. An empty term clears the search.
    """

    zoekterm_veld = "zoek"
    request: Any

    def zoekterm_sleutel(self) -> str:
        return f"zoekterm:{self.request.resolver_match.view_name}"

    def zoekterm(self) -> str:
        return self.request.session.get(self.zoekterm_sleutel(), "")

    def post(self, request, *args, **kwargs):
        from urllib.parse import urlencode

        from django.http import QueryDict

        term = request.POST.get(self.zoekterm_veld, "").strip()[:100]
        if term:
            request.session[self.zoekterm_sleutel()] = term
        else:
            request.session.pop(self.zoekterm_sleutel(), None)
        filters = {
            k: v for k, v in request.POST.items() if k not in {self.zoekterm_veld, "csrfmiddlewaretoken"} and v.strip()
        }
        if is_htmx(request):
            request.GET = QueryDict(urlencode(filters))
            return self.get(request, *args, **kwargs)  # type: ignore[attr-defined]
        return redirect(f"{request.path}?{urlencode(filters)}" if filters else request.path)
