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


def opschonen(leerling) -> dict[str, int]:
    """Retention: requests, decisions and money stay (budgets and the 7-year financial records count
    them); their texts, the decision letters, history and notifications go."""
    from arrangementen.models import (
        Aanvraag,
        Aanvullingsverzoek,
        Advies,
        Begrotingsregel,
        Besluit,
        Evaluatie,
        Evaluatiemoment,
        Realisatie,
        Statusovergang,
        Verplichting,
    )
    from leerlingen.bewaartermijn import anonimiseren, meldingen_verwijderen, taken_vernietigen

    aanvragen = Aanvraag.objects.filter(leerling=leerling)
    besluiten = Besluit.objects.filter(aanvraag__in=aanvragen)
    return {
        "meldingen": meldingen_verwijderen(over=(aanvragen, besluiten)),
        "arrangementaanvragen": anonimiseren(aanvragen),
        "arrangementbesluitbrieven": taken_vernietigen(besluiten.values_list("brief_taak_id", flat=True)),
        "arrangementbesluiten": anonimiseren(besluiten),
        "begrotingsregels": anonimiseren(Begrotingsregel.objects.filter(aanvraag__in=aanvragen)),
        "arrangementstatus": anonimiseren(Statusovergang.objects.filter(aanvraag__in=aanvragen)),
        "aanvullingsverzoeken": anonimiseren(Aanvullingsverzoek.objects.filter(aanvraag__in=aanvragen)),
        "arrangementadviezen": anonimiseren(Advies.objects.filter(aanvraag__in=aanvragen)),
        "evaluatiemomenten": anonimiseren(Evaluatiemoment.objects.filter(aanvraag__in=aanvragen)),
        "evaluaties": anonimiseren(Evaluatie.objects.filter(aanvraag__in=aanvragen)),
        "verplichtingen": anonimiseren(Verplichting.objects.filter(aanvraag__in=aanvragen)),
        "realisaties": anonimiseren(Realisatie.objects.filter(aanvraag__in=aanvragen)),
    }


def opschoning_registreren() -> None:
    from leerlingen.bewaartermijn import registreer_opschoning

    registreer_opschoning(opschonen)
