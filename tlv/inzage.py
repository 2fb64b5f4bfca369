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
