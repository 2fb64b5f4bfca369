"""TLVs, objections and their letters in the pupil's case overview (``leerlingen.overzicht``):
scoped with ``visible_to``; one query per part."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leerlingen.overzicht import OverzichtRegel, registreer_overzichtbron
from swv.models import Taak
from tlv import termijnen
from tlv.choices import GELDIG, IN_BEHANDELING, OPEN_BEZWAAR, TLVStatus
from tlv.models import TLV, Bezwaar


@registreer_overzichtbron("tlv", gettext_lazy("TLVs"), volgorde=50)
def tlvs(leerling, user):
    """Requests and declarations; the deadline is the decision term while assessed (none while
    suspended for more information), the end date once issued. Objections follow their TLV."""
    lijst = list(
        TLV.objects.visible_to(user)
        .filter(leerling=leerling)
        .select_related("beoogde_school")
        .order_by("-aangemaakt", "-pk")
    )
    bezwaren = Bezwaar.objects.visible_to(user).filter(tlv__in=[t.pk for t in lijst]).order_by("-ontvangen_op", "-pk")
    per_tlv: dict[int, list[Bezwaar]] = {}
    for b in bezwaren:
        per_tlv.setdefault(b.tlv_id, []).append(b)
    for t in lijst:
        termijn, label = None, ""
        if t.status in IN_BEHANDELING and t.status != TLVStatus.AANVULLING_GEVRAAGD and t.ingediend_op:
            termijn, label = termijnen.beslistermijn(t.ingediend_op, t.opgeschort_dagen), _("decision")
        elif t.status in GELDIG and t.einddatum:
            termijn, label = t.einddatum, _("end of the TLV")
        school = t.beoogde_school.naam if t.beoogde_school_id else ""
        titel = f"{t} ({t.get_soort_display()})" if t.nummer else str(t)
        yield OverzichtRegel(
            titel=f"{titel} – {school}" if school else titel,
            url=t.get_absolute_url(),
            status=t.get_status_display(),
            datum=t.eerst_ingediend_op or t.aangemaakt,
            termijn=termijn,
            termijn_label=label,
        )
        for b in per_tlv.get(t.pk, []):
            open_ = b.status in OPEN_BEZWAAR
            yield OverzichtRegel(
                titel=_("Objection against %(tlv)s") % {"tlv": t},
                url=b.get_absolute_url(),
                status=b.get_status_display(),
                datum=b.ontvangen_op,
                termijn=termijnen.bezwaar_beslistermijn(b.termijn_einde, verdaagd=bool(b.verdaagd_op))
                if open_
                else None,
                termijn_label=_("decision on the objection") if open_ else "",
            )


@registreer_overzichtbron("brieven", gettext_lazy("Letters"), volgorde=80)
def tlv_brieven(leerling, user):
    """The TLV decision letters and the letters on objections that are ready."""
    klaar = Taak.Status.KLAAR
    for t in (
        TLV.objects.visible_to(user)
        .filter(leerling=leerling, besluitbrief__status=klaar)
        .order_by("-besluit_datum", "-pk")
    ):
        yield OverzichtRegel(
            titel=_("Decision letter %(tlv)s") % {"tlv": t},
            url=reverse("tlv:besluitbrief", args=[t.uuid]),
            status=t.get_status_display(),
            datum=t.besluit_datum,
        )
    for b in (
        Bezwaar.objects.visible_to(user)
        .filter(tlv__leerling=leerling, beslissingsbrief__status=klaar)
        .select_related("tlv")
        .order_by("-pk")
    ):
        yield OverzichtRegel(
            titel=_("Letter on the objection against %(tlv)s") % {"tlv": b.tlv},
            url=reverse("tlv:bezwaar_brief", args=[b.uuid]),
            status=b.get_status_display(),
            datum=b.ontvangen_op,
        )
