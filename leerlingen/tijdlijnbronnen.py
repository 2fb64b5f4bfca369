"""The pupils app's own timeline sources: enrolments and transfers, dossier opened/closed, signals,
meetings, OPP versions and consent, documents. Registered on import (from ``AppConfig.ready``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from leerlingen.choices import DossierStatus, MDOStatus, OPPStatus
from leerlingen.models import (
    MDO,
    Document,
    DossierStatusovergang,
    Inschrijving,
    OPPInstemming,
    OPPVersie,
    Overstap,
    Signaal,
)
from leerlingen.tijdlijn import TijdlijnItem, leerling_zichtbaar, registreer_tijdlijnbron


@registreer_tijdlijnbron
def inschrijvingen(leerling, user):
    """Enrolments (for users who may see the pupil itself) and transfers."""
    if leerling_zichtbaar(leerling, user):
        for i in Inschrijving.objects.filter(leerling=leerling).select_related("school"):
            yield TijdlijnItem(
                datum=i.begindatum,
                soort="inschrijving",
                soort_label=_("Enrolment"),
                titel=_("Enrolled at %(school)s") % {"school": i.school.naam},
            )
    for o in Overstap.objects.visible_to(user).filter(leerling=leerling).select_related("van_school", "naar_school"):
        yield TijdlijnItem(
            datum=o.datum,
            soort="overstap",
            soort_label=_("Transfer"),
            titel=_("Transferred from %(van)s to %(naar)s") % {"van": o.van_school.naam, "naar": o.naar_school.naam},
        )


@registreer_tijdlijnbron
def dossierstatus(leerling, user):
    titels = {
        DossierStatus.OPEN: _("Dossier opened"),
        DossierStatus.IN_BEHANDELING_MDO: _("Dossier in MDO"),
        DossierStatus.AFGESLOTEN: _("Dossier closed"),
    }
    qs = DossierStatusovergang.objects.visible_to(user).filter(dossier__leerling=leerling).select_related("dossier")
    for o in qs:
        if o.naar == DossierStatus.IN_BEHANDELING_MDO or (
            o.van == DossierStatus.IN_BEHANDELING_MDO and o.naar == DossierStatus.OPEN
        ):
            continue  # the meetings themselves are on the timeline
        titel = _("Dossier reopened") if o.van == DossierStatus.AFGESLOTEN else titels[o.naar]
        yield TijdlijnItem(
            datum=o.op,
            soort="dossier",
            soort_label=_("Dossier"),
            titel=titel,
            omschrijving=o.reden,
            url=reverse("leerlingen:dossier_detail", args=[o.dossier.uuid]),
        )


@registreer_tijdlijnbron
def signalen(leerling, user):
    for s in Signaal.objects.visible_to(user).filter(leerling=leerling).select_related("dossier"):
        yield TijdlijnItem(
            datum=s.datum,
            soort="signaal",
            soort_label=_("Signal"),
            titel=_("Signal (%(categorie)s) by %(melder)s")
            % {"categorie": s.get_categorie_display(), "melder": s.get_melder_display()},
            omschrijving=s.omschrijving,
            url=reverse("leerlingen:dossier_detail", args=[s.dossier.uuid]) + "#signalen" if s.dossier_id else "",
        )


@registreer_tijdlijnbron
def mdos(leerling, user):
    for m in MDO.objects.visible_to(user).filter(dossier__leerling=leerling).prefetch_related("uitkomsten"):
        if m.status == MDOStatus.GEHOUDEN:
            uitkomsten = ", ".join(str(u.get_soort_display()) for u in m.uitkomsten.all())
            titel = _("%(soort)s held – outcome: %(uitkomst)s") % {
                "soort": m.get_soort_display(),
                "uitkomst": uitkomsten,
            }
        elif m.status == MDOStatus.GEPLAND:
            titel = _("%(soort)s planned") % {"soort": m.get_soort_display()}
        else:
            titel = _("%(soort)s cancelled") % {"soort": m.get_soort_display()}
        yield TijdlijnItem(
            datum=m.begint_om,
            soort="mdo",
            soort_label=_("Meeting"),
            titel=titel,
            url=reverse("leerlingen:mdo_detail", args=[m.uuid]),
        )


@registreer_tijdlijnbron
def opp(leerling, user):
    for v in OPPVersie.objects.visible_to(user).filter(opp__dossier__leerling=leerling):
        url = reverse("leerlingen:opp_detail", args=[v.uuid])
        yield TijdlijnItem(
            datum=v.aangemaakt,
            soort="opp",
            soort_label=_("OPP"),
            titel=_("OPP version %(n)s drawn up") % {"n": v.versienummer},
            url=url,
        )
        if v.status != OPPStatus.CONCEPT and v.vastgesteld_op:
            yield TijdlijnItem(
                datum=v.vastgesteld_op,
                soort="opp",
                soort_label=_("OPP"),
                titel=_("OPP version %(n)s adopted") % {"n": v.versienummer},
                url=url,
            )
    for i in (
        OPPInstemming.objects.visible_to(user).filter(versie__opp__dossier__leerling=leerling).select_related("versie")
    ):
        yield TijdlijnItem(
            datum=i.datum,
            soort="opp",
            soort_label=_("OPP"),
            titel=_("Parents: %(besluit)s (OPP version %(n)s)")
            % {"besluit": i.get_besluit_display(), "n": i.versie.versienummer},
            url=reverse("leerlingen:opp_detail", args=[i.versie.uuid]),
        )


@registreer_tijdlijnbron
def documenten(leerling, user):
    for d in Document.objects.visible_to(user).filter(leerling=leerling):
        yield TijdlijnItem(
            datum=d.geupload_op,
            soort="document",
            soort_label=_("Document"),
            titel=_("Document added: %(titel)s") % {"titel": d.titel},
            url=reverse("leerlingen:document_download", args=[d.uuid]),
        )
