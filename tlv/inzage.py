"""The TLVs in a pupil's inzage export (``leerlingen.inzage``): every TLV with its status history,
expert advice, return talks, objections, and the decision letters themselves."""

from __future__ import annotations

from django.utils.translation import gettext as _


def tlvs(leerling):
    from leerlingen.inzage import InzageOnderdeel, vastleggen
    from tlv.models import TLV

    records = []
    bestanden = []
    for t in TLV.objects.filter(leerling=leerling).select_related("besluitbrief").order_by("pk"):
        records.append(vastleggen(t))
        for relatie in ("statusovergangen", "deskundigenadviezen", "terugkeerbesprekingen"):
            records += [vastleggen(r) for r in getattr(t, relatie).order_by("pk")]
        if t.besluitbrief is not None and t.besluitbrief.bestand:
            bestanden.append((t.besluitbrief.bestand, f"tlv-besluit-{t.uuid}.pdf"))
        for b in t.bezwaren.select_related("beslissingsbrief").order_by("pk"):
            records.append(vastleggen(b))
            records += [vastleggen(r) for r in b.statusovergangen.order_by("pk")]
            if b.beslissingsbrief is not None and b.beslissingsbrief.bestand:
                bestanden.append((b.beslissingsbrief.bestand, f"tlv-beslissing-op-bezwaar-{b.uuid}.pdf"))
    yield InzageOnderdeel("tlv", _("Admissibility statements (TLV) and objections"), records, bestanden=bestanden)


def registreren() -> None:
    from leerlingen.inzage import registreer_inzagebron

    registreer_inzagebron(tlvs)


def opschonen(leerling) -> dict[str, int]:
    """Retention: TLVs and objections stay (the yearly TLV figures count them); their texts, the
    decision letters, history and notifications go."""
    from leerlingen.bewaartermijn import anonimiseren, meldingen_verwijderen, taken_vernietigen
    from tlv.models import (
        TLV,
        Bezwaar,
        BezwaarStatusovergang,
        Deskundigenadvies,
        Terugkeerbespreking,
        TLVStatusovergang,
    )

    tlvs = TLV.objects.filter(leerling=leerling)
    bezwaren = Bezwaar.objects.filter(tlv__in=tlvs)
    return {
        "meldingen": meldingen_verwijderen(over=(tlvs, bezwaren)),
        "tlv_brieven": taken_vernietigen(
            list(tlvs.values_list("besluitbrief_id", flat=True))
            + list(bezwaren.values_list("beslissingsbrief_id", flat=True))
        ),
        "tlvs": anonimiseren(tlvs),
        "tlvstatus": anonimiseren(TLVStatusovergang.objects.filter(tlv__in=tlvs)),
        "deskundigenadviezen": anonimiseren(Deskundigenadvies.objects.filter(tlv__in=tlvs), velden=("naam",)),
        "terugkeerbesprekingen": anonimiseren(Terugkeerbespreking.objects.filter(tlv__in=tlvs)),
        "bezwaren": anonimiseren(bezwaren),
        "bezwaarstatus": anonimiseren(BezwaarStatusovergang.objects.filter(bezwaar__in=bezwaren)),
    }


def opschoning_registreren() -> None:
    from leerlingen.bewaartermijn import registreer_opschoning

    registreer_opschoning(opschonen)
