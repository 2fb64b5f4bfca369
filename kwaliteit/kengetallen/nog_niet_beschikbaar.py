"""Placeholders for the key figures of apps that have not landed yet (REPORTING.md's list).

Each shows "no data yet" on the dashboard and in the reports, and already declares the headline
values a jaarplan goal may link to. The engineer of the source app registers the real selector
under the same key (docs/kwaliteit.md); that replaces the placeholder.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import Domein
from kwaliteit.kengetallen.register import registreer_kengetal

PLAATSHOUDERS: list[dict[str, Any]] = [
    dict(
        sleutel="so_per_categorie",
        titel=_("SO pupils per funding category"),
        domein=Domein.LEERLINGEN,
        volgorde=25,
        bron=_("TLV register"),
        beschrijving=_("SO participation per category (low, medium, high) from the active TLVs."),
        indicatoren={"laag": _("category low"), "midden": _("category medium"), "hoog": _("category high")},
    ),
    dict(
        sleutel="tlv_aanvragen",
        titel=_("TLV requests and decisions"),
        domein=Domein.TLV,
        volgorde=10,
        bron=_("TLV register"),
        beschrijving=_(
            "Requests, issued and refused; by type, category, age and requesting school or board; share "
            "requested in May-July; average processing time; extensions; returns; direct entries (EMB)."
        ),
        indicatoren={
            "aanvragen": _("requests"),
            "afgegeven": _("issued"),
            "afgewezen": _("refused"),
            "doorlooptijd": _("average processing time (days)"),
            "aandeel_mei_juli": _("share requested in May-July (%)"),
        },
    ),
    dict(
        sleutel="wachttijd_plaatsing",
        titel=_("Waiting time from TLV to placement"),
        domein=Domein.TLV,
        volgorde=20,
        bron=_("TLV register"),
        beschrijving=_("Days from issuing the TLV to the placement date: median and spread."),
        indicatoren={"mediaan": _("median waiting time (days)")},
    ),
    dict(
        sleutel="arrangementen",
        titel=_("Arrangements by type and status"),
        domein=Domein.ARRANGEMENTEN,
        volgorde=10,
        bron=_("arrangements"),
        beschrijving=_("Requested, granted, running and evaluated; by type and school."),
        indicatoren={"aangevraagd": _("requested"), "toegekend": _("granted"), "lopend": _("running")},
    ),
    dict(
        sleutel="arrangementen_budget",
        titel=_("Arrangement money committed against budget"),
        domein=Domein.ARRANGEMENTEN,
        volgorde=20,
        bron=_("arrangements"),
        beschrijving=_("Cost committed by granted arrangements against the budget."),
        indicatoren={"benut_pct": _("budget committed (%)")},
    ),
    dict(
        sleutel="thuiszitters",
        titel=_("Children out of school"),
        domein=Domein.THUISZITTERS,
        volgorde=10,
        bron=_("thuiszitters"),
        beschrijving=_(
            "Active now, per 1,000 pupils, duration (median, quartiles), new and closed "
            "per period, cases older than 3 months."
        ),
        indicatoren={
            "actief": _("active cases"),
            "per_1000": _("per 1,000 pupils"),
            "ouder_dan_3_maanden": _("cases older than 3 months"),
        },
    ),
    dict(
        sleutel="zorgplicht",
        titel=_("Duty of care deadlines"),
        domein=Domein.THUISZITTERS,
        volgorde=20,
        bron=_("thuiszitters"),
        beschrijving=_("Duty-of-care cases past 6 and past 10 weeks."),
        indicatoren={"over_6_weken": _("past 6 weeks"), "over_10_weken": _("past 10 weeks")},
    ),
    dict(
        sleutel="mdo_hoorrecht",
        titel=_("MDOs and the child's voice"),
        domein=Domein.MDO,
        volgorde=10,
        bron=_("pupil dossiers"),
        beschrijving=_("MDOs held and the share in which the child's voice was recorded."),
        indicatoren={"gehouden": _("MDOs held"), "aandeel_stem_kind": _("share with the child's voice (%)")},
    ),
    dict(
        sleutel="financien_begroting",
        titel=_("Budget against actuals"),
        domein=Domein.FINANCIEN,
        volgorde=10,
        bron=_("finance"),
        beschrijving=_("Budget, actuals and forecast per budget line."),
        indicatoren={"realisatie_pct": _("actuals as share of budget (%)")},
    ),
    dict(
        sleutel="financien_reserve",
        titel=_("Reserve against the signalling value"),
        domein=Domein.FINANCIEN,
        volgorde=20,
        bron=_("finance"),
        beschrijving=_("Reserve position against the signalling value (3.5%) and the minimum (3%)."),
        indicatoren={"reserve_pct": _("reserve as share of income (%)")},
    ),
]

for plaatshouder in PLAATSHOUDERS:
    registreer_kengetal(**plaatshouder)
