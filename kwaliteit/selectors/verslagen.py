"""Reads of generated reports: the list per kind, a report's versions, and the content of a report
PDF (key figures with small numbers suppressed, since reports are made to be published)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kwaliteit import grafieken
from kwaliteit.choices import Domein, RapportSoort
from kwaliteit.kengetallen import Filters, alle_kengetallen, get_kengetal
from kwaliteit.models import Jaarplan, Rapport, RapportVersie
from kwaliteit.opmaak import grafiek_onderdrukt, voetnoot_onderdrukking
from kwaliteit.presentatie import Weergave, presenteer
from swv.models import Samenwerkingsverband

#: Which key figures each report covers (by domain, plus single keys).
INHOUD: dict[str, dict[str, list[str]]] = {
    RapportSoort.JAARVERSLAG: {"domeinen": list(Domein.values), "sleutels": []},
    RapportSoort.TLC_JAARVERSLAG: {"domeinen": [Domein.TLV], "sleutels": ["so_per_categorie"]},
    RapportSoort.AC_JAARVERSLAG: {"domeinen": [Domein.ARRANGEMENTEN], "sleutels": []},
    RapportSoort.JAARPLAN: {"domeinen": [], "sleutels": []},
}
#: Headline figures of the jaarverslag's infographic page: (key figure, headline).
INFOGRAPHIC = [
    ("leerlingen_per_soort", "totaal"),
    ("deelnamepercentage", "sbo"),
    ("deelnamepercentage", "so"),
    ("tlv_aanvragen", "afgegeven"),
    ("thuiszitters", "actief"),
    ("arrangementen", "toegekend"),
    ("mdo_hoorrecht", "aandeel_stem_kind"),
    ("financien_reserve", "reserve_pct"),
]


def verslagen(user) -> QuerySet[Rapport]:
    versies = RapportVersie.objects.select_related("taak", "aangemaakt_door", "vastgesteld_door").order_by("-nummer")
    return (
        Rapport.objects.visible_to(user)
        .prefetch_related(Prefetch("versies", queryset=versies))
        .order_by("-jaar", "soort")
    )


def filters_voor(rapport: Rapport) -> Filters:
    if rapport.soort in (RapportSoort.TLC_JAARVERSLAG, RapportSoort.AC_JAARVERSLAG):
        return Filters.voor_schooljaar(rapport.jaar)
    return Filters.voor_kalenderjaar(rapport.jaar)


def verslag_inhoud(*, rapport: Rapport, versie_nummer: int, user, voortgang=None) -> dict:
    """The context of a report PDF. ``user`` is the requester (an SWV-wide role); every key figure
    is computed once and presented with small-number suppression."""
    from kwaliteit.selectors.jaarplan import jaarplan_overzicht

    meld = voortgang or (lambda p, t="": None)
    filters = filters_voor(rapport)
    inhoud = INHOUD[rapport.soort]
    hoofdstukken: list[dict[str, Any]] = []
    weergaven: dict[str, Weergave] = {}
    domeinen = inhoud["domeinen"]
    for i, (waarde, label) in enumerate([(d, lbl) for d, lbl in Domein.choices if d in domeinen]):
        meld(10 + int(50 * i / max(1, len(domeinen))), _("Computing: %(domein)s") % {"domein": label})
        items = []
        for k in alle_kengetallen(waarde):
            weergaven[k.sleutel] = presenteer(k, k.bereken(user, filters), filters, onderdrukken=True)
            items.append(weergaven[k.sleutel])
        hoofdstukken.append(
            {"titel": label, "weergaven": items, "heeft_gegevens": any(w.bron_beschikbaar for w in items)}
        )
    for sleutel in inhoud["sleutels"]:
        k = get_kengetal(sleutel)
        weergaven[sleutel] = presenteer(k, k.bereken(user, filters), filters, onderdrukken=True)
        if hoofdstukken:
            hoofdstukken[0]["weergaven"].append(weergaven[sleutel])
            hoofdstukken[0]["heeft_gegevens"] = hoofdstukken[0]["heeft_gegevens"] or weergaven[sleutel].bron_beschikbaar
    infographic = []
    if rapport.soort == RapportSoort.JAARVERSLAG:
        for sleutel, naam in INFOGRAPHIC:
            w = weergaven.get(sleutel)
            kc = next((k for k in (w.kerncijfers if w else []) if k["sleutel"] == naam), None)
            beschikbaar = w is not None and kc is not None and w.bron_beschikbaar and not w.leeg
            infographic.append(
                {
                    "titel": w.kengetal.titel if w else sleutel,
                    "label": kc["label"] if beschikbaar and kc else "",
                    "tekst": kc["tekst"] if beschikbaar and kc else _("no data yet"),
                    "beschikbaar": beschikbaar,
                }
            )
    meld(60, _("Annual plan"))
    plan = (
        Jaarplan.objects.filter(jaar=rapport.jaar).first()
        if rapport.soort in (RapportSoort.JAARVERSLAG, RapportSoort.JAARPLAN)
        else None
    )
    return {
        "rapport": rapport,
        "versie_nummer": versie_nummer,
        "swv": Samenwerkingsverband.objects.order_by("pk").first(),
        "filters": filters,
        "gegenereerd_op": timezone.now(),
        "hoofdstukken": hoofdstukken,
        "infographic": infographic,
        "grafieken": [
            grafieken.svg(
                grafiek_onderdrukt(weergaven[s].uitkomst.grafiek, weergaven[s].onderdrukking), f"infographic-{s}"
            )
            for s in ("leerlingen_per_soort", "deelnamepercentage")
            if s in weergaven
        ],
        "jaarplan": jaarplan_overzicht(user, plan, onderdrukken=True) if plan else None,
        "toon_jaarplan": rapport.soort in (RapportSoort.JAARVERSLAG, RapportSoort.JAARPLAN),
        "voetnoot_onderdrukking": voetnoot_onderdrukking(),
    }
