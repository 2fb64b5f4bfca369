"""Views of the platform: home page, school register, job progress and download, health page."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from swv import selectors
from swv.access import externe_startpagina, rollen
from swv.choices import Rol, Soort
from swv.generiek import RolVereistMixin, ScopedObjectMixin, is_htmx
from swv.home import paneel_voor, panelen_voor
from swv.models import Gemeente, Kring, School, WorkerHartslag
from swv.taken import taak_bestand_of_404, taak_of_404, taak_starten, terug_naar


class HomeView(LoginRequiredMixin, TemplateView):
    """One home page whose panels follow the user's roles (ib-er: my schools; DB: whole SWV; ...)."""

    template_name = "swv/home.html"

    def get(self, request, *args, **kwargs):
        # A parent (no membership, an app's own link) starts on their own portal page.
        start = externe_startpagina(request.user)
        if start and not rollen(request.user):
            return redirect(start)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["panelen"] = panelen_voor(self.request, rollen(self.request.user))
        return ctx


class PaneelView(LoginRequiredMixin, TemplateView):
    """One home-page panel on its own: htmx loads a deferred panel into the home page with it (the
    panel's markup only); without JavaScript it is a page of its own. 404 outside the panel's roles."""

    def get_template_names(self):
        return ["swv/partials/_paneel.html"] if is_htmx(self.request) else ["swv/paneel.html"]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        paneel = paneel_voor(self.request, kwargs["naam"], rollen(self.request.user))
        if paneel is None:
            raise Http404
        ctx["paneel"] = paneel
        return ctx


class SchoolRegisterView(LoginRequiredMixin, TemplateView):
    template_name = "swv/register.html"
    per_pagina = 50

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        g = self.request.GET
        filters = {k: g.get(k, "").strip() for k in ("zoek", "soort", "kring", "gemeente")}
        qs = selectors.register_lijst(self.request.user, **filters)
        pagina = Paginator(qs, self.per_pagina).get_page(g.get("pagina"))
        ctx.update(
            pagina=pagina,
            filters=filters,
            soorten=Soort.choices,
            kringen=Kring.objects.order_by("naam"),
            gemeenten=Gemeente.objects.filter(scholen__isnull=False).distinct().order_by("naam"),
            teldatum=selectors.laatste_teldatum(),
            querystring=self.request.GET.copy(),
        )
        ctx["querystring"].pop("pagina", None)
        return ctx

    def get_template_names(self):
        if is_htmx(self.request):
            return ["swv/partials/_register_tabel.html"]
        return [self.template_name]


class SchoolDetailView(ScopedObjectMixin, DetailView):
    model = School
    template_name = "swv/school_detail.html"
    context_object_name = "school"

    def get_queryset(self):
        return super().get_queryset().select_related("gemeente", "bestuur", "kring")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["tellingen"] = selectors.school_tellingen(self.object)
        return ctx


class RegisterExportView(RolVereistMixin, View):
    """Start the Excel export of the register as a background job (POST only)."""

    rollen = (Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.BEHEERDER)

    def post(self, request):
        taak = taak_starten(
            soort="scholenregister_excel", omschrijving=_("School register (Excel)"), aangevraagd_door=request.user
        )
        taak.refresh_from_db(fields=["wachtrijfout"])
        if taak.wachtrijfout:  # the broker is down: the job waits, the page says so
            messages.warning(request, _("The export will start as soon as the background processing works again."))
        else:
            messages.info(request, _("The export has started; you can follow its progress below."))
        return redirect("taak_detail", uuid=taak.uuid)


class TaakDetailView(LoginRequiredMixin, View):
    """A job's progress page; htmx polls the partial until the job is finished or failed."""

    def get(self, request, uuid):
        taak = taak_of_404(request.user, uuid)
        template = "swv/partials/_taak_voortgang.html" if is_htmx(request) else "swv/taak_detail.html"
        return render(request, template, {"taak": taak, "terug": terug_naar(taak)})


class TaakDownloadView(LoginRequiredMixin, View):
    def get(self, request, uuid):
        taak = taak_bestand_of_404(request.user, uuid, request=request)
        return FileResponse(taak.bestand.open("rb"), as_attachment=True, filename=taak.bestandsnaam)


class GezondheidView(View):
    """Health page: database, broker and worker. 200 when all are fine, 503 otherwise.

    The worker check sends a ping task through the real broker and waits briefly for the worker to
    record it, so it works with Redis and with the embedded filesystem broker alike.
    """

    def get(self, request):
        checks = {"database": self._database(), "broker": self._broker()}
        if checks["broker"]["ok"]:
            checks["worker"] = self._worker()
        else:  # a ping cannot reach a worker without the broker; say so instead of waiting for it
            checks["worker"] = {"ok": False, "detail": "onbekend: broker onbereikbaar"}
        if checks["database"]["ok"]:
            checks["taken"] = self._taken()
        gezond = all(c["ok"] for c in checks.values())
        data = {"status": "ok" if gezond else "fout", "checks": checks}
        if request.headers.get("Accept", "").startswith("application/json") or request.GET.get("format") == "json":
            return JsonResponse(data, status=200 if gezond else 503)
        return render(request, "swv/gezondheid.html", data, status=200 if gezond else 503)

    def _database(self):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return {"ok": True, "detail": connection.vendor}
        except Exception as exc:  # noqa: BLE001 - report any failure
            return {"ok": False, "detail": type(exc).__name__}

    def _taken(self):
        """Jobs stuck behind a dead broker or worker (the sweep resumes them once both are back)."""
        from django.db.models import Count, Q

        from swv.models import Taak

        aantallen = Taak.objects.aggregate(
            wachten=Count(
                "pk", filter=Q(status=Taak.Status.WACHTRIJ, in_wachtrij_op__isnull=True) & ~Q(wachtrijfout="")
            ),
            onderbroken=Count("pk", filter=Q(status=Taak.Status.BEZIG, geclaimd_tot__lt=timezone.now())),
        )
        detail = f"{aantallen['wachten']} wachten op de broker, {aantallen['onderbroken']} onderbroken"
        return {"ok": not (aantallen["wachten"] or aantallen["onderbroken"]), "detail": detail, **aantallen}

    def _broker(self):
        from swv.celery import app

        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
                return {"ok": True, "detail": conn.transport_cls if isinstance(conn.transport_cls, str) else "ok"}
        except Exception as exc:  # noqa: BLE001
            return {"ok": False, "detail": type(exc).__name__}

    def _worker(self):
        import time

        from swv.tasks import worker_ping

        begin = timezone.now()
        try:
            # An unanswered ping must not linger in the queue for a worker that starts later.
            worker_ping.apply_async(args=["worker"], expires=settings.HEALTH_WORKER_TIMEOUT.total_seconds() * 2)
        except Exception as exc:  # noqa: BLE001
            return {"ok": False, "detail": type(exc).__name__}
        deadline = time.monotonic() + settings.HEALTH_WORKER_TIMEOUT.total_seconds()
        while time.monotonic() < deadline:
            if WorkerHartslag.objects.filter(naam="worker", laatst_gezien__gte=begin - timedelta(seconds=1)).exists():
                return {"ok": True, "detail": "ok"}
            time.sleep(0.2)
        return {"ok": False, "detail": "geen antwoord"}
