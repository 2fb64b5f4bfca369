"""The arrangements in a pupil's inzage export (``leerlingen.inzage``): every request with its
budget lines, status history, questions, advice, decision and letter, evaluations and money."""

from __future__ import annotations

from django.utils.translation import gettext as _


def arrangementen(leerling):
    from arrangementen.models import Aanvraag
    from leerlingen.inzage import InzageOnderdeel, vastleggen

    records = []
    bestanden = []
    for a in Aanvraag.objects.filter(leerling=leerling).select_related("arrangementtype").order_by("pk"):
        records.append(vastleggen(a))
        for relatie in ("begrotingsregels", "statusovergangen", "aanvullingsverzoeken", "adviezen"):
            records += [vastleggen(r) for r in getattr(a, relatie).order_by("pk")]
        besluit = getattr(a, "besluit", None)  # absent: the reverse lookup raises AttributeError
        if besluit is not None:
            records.append(vastleggen(besluit, zonder=("brief_taak",)))
            if besluit.brief:
                bestanden.append((besluit.brief, f"arrangement-besluit-{besluit.uuid}.pdf"))
        for relatie in ("evaluatiemomenten", "evaluaties", "verplichtingen", "realisaties"):
            records += [vastleggen(r) for r in getattr(a, relatie).order_by("pk")]
    yield InzageOnderdeel("arrangementen", _("Arrangement requests"), records, bestanden=bestanden)


def registreren() -> None:
    from leerlingen.inzage import registreer_inzagebron

    registreer_inzagebron(arrangementen)
