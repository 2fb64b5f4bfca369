"""The pupils app's parts of the case overview (``leerlingen.overzicht``): dossier, meetings, OPP and
consent, thuiszitter and zorgplicht cases, documents. Each source is scoped with ``visible_to`` and
uses a fixed number of queries. Registered on import (from ``AppConfig.ready``)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leerlingen.choices import AfspraakStatus, DossierStatus, MDOStatus, OPPStatus
from leerlingen.models import (
    MDO,
    Afspraak,
    Document,
    Dossier,
    OPPInstemming,
    OPPVersie,
    Thuiszittercasus,
    Zorgplichtcasus,
)
from leerlingen.overzicht import OverzichtRegel, registreer_overzichtbron
from swv.opmaak import datum


@registreer_overzichtbron("dossier", gettext_lazy("Support dossier"), volgorde=10)
def dossiers(leerling, user):
    """Dossiers; the next deadline is the earliest open agreement (two queries)."""
    qs = Dossier.objects.visible_to(user).filter(leerling=leerling).select_related("school").order_by("-geopend_op")
    lijst = list(qs)
    eerste: dict[int, Afspraak] = {}
    open_afspraken = (
        Afspraak.objects.visible_to(user)
        .filter(dossier__in=[d.pk for d in lijst], status=AfspraakStatus.OPEN)
        .order_by("uiterlijk", "pk")
    )
    for a in open_afspraken:
        eerste.setdefault(a.dossier_id, a)
    for d in lijst:
        afspraak = eerste.get(d.pk) if d.status != DossierStatus.AFGESLOTEN else None
        yield OverzichtRegel(
            titel=_("Dossier at %(school)s") % {"school": d.school.naam},
            url=reverse("leerlingen:dossier_detail", args=[d.uuid]),
            status=d.get_status_display(),
            datum=d.geopend_op,
            termijn=afspraak.uiterlijk if afspraak else None,
            termijn_label=_("agreement: %(wat)s") % {"wat": afspraak.omschrijving[:80]} if afspraak else "",
        )


@registreer_overzichtbron("mdo", gettext_lazy("MDO and OT meetings"), volgorde=20)
def mdos(leerling, user):
    """Meetings, newest first; a planned meeting's date is its deadline (two queries)."""
    qs = MDO.objects.visible_to(user).filter(dossier__leerling=leerling).prefetch_related("uitkomsten")
    for m in qs.order_by("-begint_om", "-pk"):
        status = m.get_status_display()
        if m.status == MDOStatus.GEHOUDEN:
            uitkomsten = ", ".join(str(u.get_soort_display()) for u in m.uitkomsten.all())
            if uitkomsten:
                status = _("%(status)s – outcome: %(uitkomst)s") % {"status": status, "uitkomst": uitkomsten}
        gepland = m.status == MDOStatus.GEPLAND
        yield OverzichtRegel(
            titel=str(m),
            url=reverse("leerlingen:mdo_detail", args=[m.uuid]),
            status=status,
            datum=m.begint_om,
            termijn=timezone.localtime(m.begint_om).date() if gepland else None,
            termijn_label=_("meeting") if gepland else "",
        )


@registreer_overzichtbron("opp", gettext_lazy("OPP and parents' consent"), volgorde=30)
def opp(leerling, user):
    """OPP versions with the parents' latest decision; an adopted version's evaluation date is its
    deadline (two queries)."""
    instemmingen = OPPInstemming.objects.visible_to(user).order_by("-datum", "-pk")
    qs = (
        OPPVersie.objects.visible_to(user)
        .filter(opp__dossier__leerling=leerling)
        .prefetch_related(Prefetch("instemmingen", queryset=instemmingen, to_attr="_instemmingen"))
        .order_by("-versienummer", "-pk")
    )
    for v in qs:
        laatste = v._instemmingen[0] if v._instemmingen else None
        if laatste is not None:
            instemming = _("parents: %(besluit)s on %(datum)s") % {
                "besluit": laatste.get_besluit_display(),
                "datum": datum(laatste.datum),
            }
        elif v.status == OPPStatus.CONCEPT:
            instemming = ""
        else:
            instemming = _("parents' consent not recorded")
        status = v.get_status_display() + (f"; {instemming}" if instemming else "")
        evalueren = v.status == OPPStatus.VASTGESTELD and v.evaluatiedatum is not None
        yield OverzichtRegel(
            titel=_("OPP version %(n)s") % {"n": v.versienummer},
            url=reverse("leerlingen:opp_detail", args=[v.uuid]),
            status=status,
            datum=v.vastgesteld_op or v.aangemaakt,
            termijn=v.evaluatiedatum if evalueren else None,
            termijn_label=_("evaluation") if evalueren else "",
        )


@registreer_overzichtbron("thuiszitters", gettext_lazy("Thuiszitter and zorgplicht cases"), volgorde=70)
def thuiszitter_en_zorgplicht(leerling, user):
    """Thuiszitter cases (deadline: the next action, else the target date for an offer) and zorgplicht
    cases (deadline: the decision term in force); two queries."""
    for c in Thuiszittercasus.objects.visible_to(user).filter(leerling=leerling).order_by("-sinds", "-pk"):
        actief = c.status == Thuiszittercasus.Status.ACTIEF
        termijn, label = None, ""
        if actief and c.volgende_actie_datum:
            termijn, label = c.volgende_actie_datum, _("next action")
        elif actief and c.streefdatum:
            termijn, label = c.streefdatum, _("fitting offer")
        yield OverzichtRegel(
            titel=_("Thuiszitter case: %(soort)s") % {"soort": c.get_soort_display()},
            url=c.get_absolute_url(),
            status=c.get_status_display(),
            datum=c.sinds,
            termijn=termijn,
            termijn_label=label,
        )
    for z in Zorgplichtcasus.objects.visible_to(user).filter(leerling=leerling).order_by("-aanmeldingsdatum", "-pk"):
        yield OverzichtRegel(
            titel=_("Zorgplicht case"),
            url=z.get_absolute_url(),
            status=z.get_status_display(),
            datum=z.aanmeldingsdatum,
            termijn=z.uiterste_datum if z.is_lopend else None,
            termijn_label=_("decision by the school") if z.is_lopend else "",
        )


@registreer_overzichtbron("documenten", gettext_lazy("Documents"), volgorde=90)
def documenten(leerling, user):
    for d in Document.objects.visible_to(user).filter(leerling=leerling).order_by("-geupload_op", "-pk"):
        yield OverzichtRegel(
            titel=d.titel,
            url=reverse("leerlingen:document_download", args=[d.uuid]),
            status=d.get_soort_display(),
            datum=d.geupload_op,
        )
