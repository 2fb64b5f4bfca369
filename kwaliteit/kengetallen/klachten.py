"""Key figure of the complaints procedure (seed 002, Klachtenregeling): complaints of parents
received in the period, by subject and outcome, closed within the term, engaged a third party,
taken to the LKC. Counts only, never names (``kwaliteit.selectors.klachten.klacht_tellingen``, one
query). Complaints concern the SWV as a whole, so the organisation filters do not apply.
Published output (the jaarverslag, the OPR's page) suppresses small counts like every key figure."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kwaliteit import conf
from kwaliteit.choices import Domein, KlachtOnderwerp, KlachtOordeel, KlachtStatus
from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal, voor_rollen
from kwaliteit.models.klachten import KLACHT_LOPEND
from kwaliteit.onderdrukking import kc, kolomsom
from kwaliteit.selectors.klachten import klacht_tellingen
from swv.access import heeft_rol

HEEL_SWV = _(
    "Complaints concern the partnership as a whole: the filters on board, cluster, school and type do not apply."
)


@kengetal(
    sleutel="klachten",
    titel=_("Complaints of parents"),
    domein=Domein.PROCEDURES,
    volgorde=10,
    bron=_("complaints procedure"),
    beschrijving=_("Complaints received in the period, by subject and outcome, and the share closed within the term."),
    indicatoren={"ontvangen": _("complaints received"), "binnen_termijn_pct": _("closed within the term (%)")},
    drilldown=lambda f: reverse("kwaliteit:klachten"),
    drilldown_label=_("Complaints"),
    drilldown_voor=voor_rollen(*conf.KLACHT_BEHANDELAARS),
)
def klachten(user, filters) -> Uitkomst:
    if not heeft_rol(user, *conf.KLACHT_TELLERS):
        return Uitkomst(
            kerncijfers=[Kerncijfer("ontvangen", _("complaints received"), None)],
            toelichting=_("Your role does not count these cases."),
        )
    rijen = klacht_tellingen(user, begin=filters.begin, einde=filters.einde)
    ontvangen = sum(r["aantal"] for r in rijen)
    afgehandeld = sum(r["aantal"] for r in rijen if r["oordeel"])
    binnen = sum(r["aantal"] for r in rijen if r["binnen_termijn"])
    lopend = sum(r["aantal"] for r in rijen if r["status"] in KLACHT_LOPEND)
    lkc = sum(r["aantal"] for r in rijen if r["lkc_op"] is not None)
    derde = sum(r["aantal"] for r in rijen if r["met_derde"])

    per_onderwerp: list[dict[str, Any]] = []
    for waarde, label in KlachtOnderwerp.choices:
        n = sum(r["aantal"] for r in rijen if r["onderwerp"] == waarde)
        gegrond = sum(
            r["aantal"]
            for r in rijen
            if r["onderwerp"] == waarde and r["oordeel"] in {KlachtOordeel.GEGROND, KlachtOordeel.DEELS_GEGROND}
        )
        per_onderwerp.append({"onderwerp": label, "aantal": n, "gegrond": gegrond})
    per_uitkomst: list[dict[str, Any]] = [
        {"uitkomst": label, "aantal": sum(r["aantal"] for r in rijen if r["oordeel"] == waarde)}
        for waarde, label in KlachtOordeel.choices
    ]
    per_uitkomst += [
        {
            "uitkomst": KlachtStatus.INGETROKKEN.label,
            "aantal": sum(r["aantal"] for r in rijen if r["status"] == KlachtStatus.INGETROKKEN),
        },
        {"uitkomst": _("still running"), "aantal": lopend},
    ]
    uitkomsten = range(len(KlachtOordeel.choices))
    return Uitkomst(
        # What a reader adds up (secondary suppression in published output): every complaint has one
        # subject and one outcome row; the judgements add up to the closed ones.
        sommen=[
            kolomsom(kc("ontvangen"), 0, range(len(per_onderwerp)), "aantal"),
            kolomsom(kc("ontvangen"), 1, range(len(per_uitkomst)), "aantal"),
            kolomsom(kc("afgehandeld"), 1, uitkomsten, "aantal"),
        ],
        kerncijfers=[
            Kerncijfer(
                "ontvangen",
                _("complaints received"),
                ontvangen,
                "aantal",
                _("complaints of parents received in the period"),
            ),
            Kerncijfer("afgehandeld", _("closed with a judgement"), afgehandeld, "aantal"),
            Kerncijfer(
                "binnen_termijn_pct",
                _("closed within the term (%)"),
                percentage(binnen, afgehandeld),
                "percentage",
                teller=binnen,
            ),
            Kerncijfer("derde", _("with a third party or confidential adviser"), derde, "aantal"),
            Kerncijfer("lkc", _("taken to the national complaints committee (LKC)"), lkc, "aantal"),
        ],
        tabellen=[
            Tabel(
                titel=_("Complaints per subject"),
                kolommen=[
                    Kolom("onderwerp", _("Subject")),
                    Kolom("aantal", _("Received"), "aantal"),
                    Kolom("gegrond", _("(Partly) well-founded"), "aantal"),
                ],
                rijen=per_onderwerp,
            ),
            Tabel(
                titel=_("Complaints per outcome"),
                kolommen=[Kolom("uitkomst", _("Outcome")), Kolom("aantal", _("Complaints"), "aantal")],
                rijen=per_uitkomst,
            ),
        ],
        grafiek=Grafiek(
            soort="staaf",
            titel=_("Complaints per subject"),
            labels=[str(r["onderwerp"]) for r in per_onderwerp],
            reeksen=[Reeks(_("Complaints"), [r["aantal"] for r in per_onderwerp])],
        )
        if ontvangen
        else None,
        toelichting=HEEL_SWV,
    )
