"""The arrangements on the pupil's timeline, when the pupils app offers a timeline registry
(``leerlingen.tijdlijn``, issue 3). Without it this module registers nothing: dependencies point
one way (arrangementen reads leerlingen), so the timeline never needs to know this app."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _


def arrangementen(leerling, user):
    """Requests, decisions and evaluations of the pupil that the user may see (two queries)."""
    from arrangementen.models import Aanvraag, Evaluatie
    from leerlingen.tijdlijn import TijdlijnItem

    aanvragen = Aanvraag.objects.visible_to(user).filter(leerling=leerling).select_related("arrangementtype", "besluit")
    for a in aanvragen:
        url = reverse("arrangementen:detail", args=[a.uuid])
        if a.ingediend_op:
            yield TijdlijnItem(
                datum=a.ingediend_op,
                soort="arrangement",
                soort_label=_("Arrangement"),
                url=url,
                titel=_("Arrangement requested: %(type)s (%(nummer)s)")
                % {"type": a.arrangementtype.naam, "nummer": a.nummer},
            )
        besluit = getattr(a, "besluit", None)
        if besluit is not None:
            yield TijdlijnItem(
                datum=besluit.datum,
                soort="arrangement",
                soort_label=_("Arrangement"),
                url=url,
                titel=_("Decision on %(nummer)s: %(besluit)s")
                % {"nummer": a.nummer, "besluit": besluit.get_soort_display()},
            )
    for e in Evaluatie.objects.filter(aanvraag__in=aanvragen).select_related("aanvraag"):
        yield TijdlijnItem(
            datum=e.datum,
            soort="arrangement",
            soort_label=_("Arrangement"),
            url=reverse("arrangementen:detail", args=[e.aanvraag.uuid]),
            titel=_("Arrangement %(nummer)s evaluated: %(conclusie)s")
            % {"nummer": e.aanvraag.nummer, "conclusie": e.get_conclusie_display()},
        )


def registreren() -> bool:
    try:
        from leerlingen.tijdlijn import registreer_tijdlijnbron
    except ImportError:
        return False
    registreer_tijdlijnbron(arrangementen)
    return True
