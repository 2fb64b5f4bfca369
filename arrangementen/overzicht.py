"""The arrangement requests and their decision letters in the pupil's case overview
(``leerlingen.overzicht``): scoped with ``visible_to``, two queries for requests, one for letters."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arrangementen.choices import AanvraagStatus
from arrangementen.models import Aanvraag, Besluit, Evaluatiemoment
from leerlingen.overzicht import OverzichtRegel, registreer_overzichtbron

LOPEND = (AanvraagStatus.TOEGEKEND, AanvraagStatus.LOPEND)


@registreer_overzichtbron("arrangementen", gettext_lazy("Arrangement requests"), volgorde=40)
def aanvragen(leerling, user):
    """Every request the user may see; the deadline of a granted arrangement is its next open
    evaluation moment, else its end date."""
    lijst = list(
        Aanvraag.objects.visible_to(user)
        .filter(leerling=leerling)
        .select_related("arrangementtype")
        .order_by("-aangemaakt", "-pk")
    )
    vandaag = timezone.localdate()
    evaluaties: dict[int, date] = {}
    for m in (
        Evaluatiemoment.objects.visible_to(user).open_().filter(aanvraag__in=[a.pk for a in lijst], datum__gte=vandaag)
    ):
        evaluaties.setdefault(m.aanvraag_id, m.datum)
    for a in lijst:
        termijn, label = None, ""
        if a.status in LOPEND:
            if a.pk in evaluaties:
                termijn, label = evaluaties[a.pk], _("evaluation")
            else:
                termijn, label = a.einddatum, _("end of the arrangement")
        yield OverzichtRegel(
            titel=_("%(nummer)s: %(type)s") % {"nummer": a.nummer, "type": a.arrangementtype.naam},
            url=reverse("arrangementen:detail", args=[a.uuid]),
            status=a.get_status_display(),
            datum=a.ingediend_op or a.aangemaakt,
            termijn=termijn,
            termijn_label=label,
        )


@registreer_overzichtbron("brieven", gettext_lazy("Letters"), volgorde=80)
def besluitbrieven(leerling, user):
    qs = Besluit.objects.visible_to(user).filter(aanvraag__leerling=leerling).exclude(brief="")
    for b in qs.select_related("aanvraag").order_by("-datum", "-pk"):
        yield OverzichtRegel(
            titel=_("Decision letter arrangement %(nummer)s") % {"nummer": b.aanvraag.nummer},
            url=reverse("arrangementen:brief", args=[b.aanvraag.uuid]),
            status=b.get_soort_display(),
            datum=b.datum,
        )
