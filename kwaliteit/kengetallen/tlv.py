"""Key figures from the TLV register: requests and decisions, the waiting time from issue to
placement (pijplijn) and SO pupils per funding category.

Each selector adapts one of the TLV app's reporting contracts (``tlv.selectors``:
``tlv_kengetallen``, ``tlv_pijplijn``, ``tlv_actief_op_einde``; docs/tlv.md) to an ``Uitkomst``, so
that the TLV key-figure page and these tiles, the Excel export and the reports share one
computation. The contracts scope by ``TLV.objects.visible_to(user, "aggregaat")`` (the same people
as ``scholen_in_scope``: SWV-wide roles, TLC and AC all TLVs; a bestuurder the board's) and apply
every organisation filter, the school type included, to the requesting school.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import Domein
from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal, voor_rollen
from kwaliteit.onderdrukking import Som, cel, kc, kolomsom
from kwaliteit.opmaak import formatteer
from swv.choices import Rol
from tlv import selectors as tlv_selectors
from tlv.choices import Categorie, TLVSoort

#: Who may open the TLV register behind the tiles (tlv.views.overzichten.SWV_REGISTER); the
#: controller and the bestuurder see the figures, not the register.
REGISTER_ROLLEN = (Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER)
#: The age bucket ``tlv_kengetallen`` uses for 13 and older.
LEEFTIJD_PLUS = 13


def _decimaal(waarde, decimalen: str = "0.1") -> Decimal | int | None:
    """Contract values (float, int or None) as the registry's numbers: ints stay ints."""
    if waarde is None or isinstance(waarde, int):
        return waarde
    return Decimal(str(waarde)).quantize(Decimal(decimalen), rounding=ROUND_HALF_UP)


def _register_link(filters, **parameters) -> str:
    """The TLV register with the parameters it understands. It has no kring, municipality or
    school-type filter, and its board filter also matches the intended S(B)O school: the page
    shows its own filters, so the user sees what the list covers."""
    if filters.bestuur_id:
        parameters["bestuur"] = filters.bestuur_id
    return f"{reverse('tlv:register')}?{urlencode(parameters)}"


def _afgegeven_in_periode(filters) -> str:
    return _register_link(filters, afgegeven_van=filters.begin.isoformat(), afgegeven_tot=filters.einde.isoformat())


def _leeg(kerncijfers: list[Kerncijfer], tabellen: list[Tabel]) -> Uitkomst:
    """No TLV activity in the selection: headline figures unknown, tables without rows ("no data")."""
    for k in kerncijfers:
        k.waarde, k.teller, k.toelichting = None, None, ""
    for t in tabellen:
        t.rijen = []
    return Uitkomst(kerncijfers=kerncijfers, tabellen=tabellen)


@kengetal(
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
    drilldown=_afgegeven_in_periode,
    drilldown_label=_("TLVs issued in this period in the TLV register"),
    drilldown_voor=voor_rollen(*REGISTER_ROLLEN),
)
def tlv_aanvragen(user, filters) -> Uitkomst:
    """``tlv_kengetallen``: requests (first submitted in the period), decisions (decided in the
    period) and what they were. Four queries (five for a bestuurder: the board's schools)."""
    k = tlv_selectors.tlv_kengetallen(user, filters)
    mediaan = _decimaal(k["doorlooptijd_mediaan"])
    kerncijfers = [
        Kerncijfer("aanvragen", _("requests"), k["aanvragen"], "aantal"),
        Kerncijfer("afgegeven", _("issued"), k["afgegeven"], "aantal"),
        Kerncijfer("afgewezen", _("refused"), k["geweigerd"], "aantal"),
        Kerncijfer(
            "doorlooptijd",
            _("days processing time (average)"),
            _decimaal(k["doorlooptijd_gemiddeld"]),
            "dagen",
            _("from the first submission to the decision; median %(mediaan)s days")
            % {"mediaan": formatteer(mediaan, "dagen")}
            if mediaan is not None
            else "",
        ),
        Kerncijfer(
            "aandeel_mei_juli",
            _("requested in May-July"),
            _decimaal(k["aandeel_mei_juli"]),
            "percentage",
            teller=k["aanvragen_mei_juli"],
        ),
        Kerncijfer("verlengingen", _("extensions"), k["verlengingen"], "aantal"),
        Kerncijfer("terugplaatsingen", _("returns to regular school"), k["terugplaatsingen"], "aantal"),
        Kerncijfer("rechtstreeks", _("direct entries (EMB)"), k["rechtstreeks"], "aantal"),
    ]
    per_soort = Tabel(
        titel=_("Issued by type and category"),
        kolommen=[
            Kolom("soort", _("Type")),
            Kolom("categorie", _("Category")),
            Kolom("aantal", _("Count"), "aantal"),
            Kolom("aandeel", _("Share (%)"), "percentage", teller="aantal", noemer="kerncijfer:afgegeven"),
        ],
        rijen=[
            {
                "soort": r["soort"],
                "categorie": Categorie(r["categorie"]).label if r["categorie"] else None,
                "aantal": r["aantal"],
                "aandeel": percentage(r["aantal"], k["afgegeven"]),
            }
            for r in k["afgegeven_per_soort"]
        ],
    )
    per_leeftijd = Tabel(
        titel=_("Requests by age at submission"),
        kolommen=[Kolom("leeftijd", _("Age")), Kolom("aantal", _("Count"), "aantal")],
        rijen=[
            {
                "leeftijd": f"{r['leeftijd']}+" if r["leeftijd"] >= LEEFTIJD_PLUS else str(r["leeftijd"]),
                "aantal": r["aantal"],
            }
            for r in k["aanvragen_per_leeftijd"]
        ],
    )
    per_school = Tabel(
        titel=_("Requests by requesting school"),
        kolommen=[Kolom("school", _("School")), Kolom("aantal", _("Count"), "aantal")],
        rijen=[{"school": r["school"], "aantal": r["aantal"]} for r in k["aanvragen_per_school"]],
    )
    per_bestuur = Tabel(
        titel=_("Requests by school board"),
        kolommen=[Kolom("bestuur", _("School board")), Kolom("aantal", _("Count"), "aantal")],
        rijen=[{"bestuur": r["bestuur"] or _("(none)"), "aantal": r["aantal"]} for r in k["aanvragen_per_bestuur"]],
    )
    tabellen = [per_soort, per_leeftijd, per_school, per_bestuur]
    if not (k["aanvragen"] or k["afgegeven"] or k["geweigerd"] or k["terugplaatsingen"]):
        return _leeg(kerncijfers, tabellen)
    grafiek = Grafiek(
        soort="staaf",
        titel=_("Requests by age at submission"),
        labels=[r["leeftijd"] for r in per_leeftijd.rijen],
        reeksen=[Reeks(_("requests"), [r["aantal"] for r in per_leeftijd.rijen], tabelkolom=(1, "aantal"))],
    )
    return Uitkomst(
        # What a reader adds up (secondary suppression in published output).
        sommen=[
            kolomsom(kc("afgegeven"), 0, range(len(per_soort.rijen)), "aantal"),
            *(kolomsom(kc("aanvragen"), i, range(len(t.rijen)), "aantal") for i, t in enumerate(tabellen) if i),
        ],
        kerncijfers=kerncijfers,
        tabellen=tabellen,
        grafiek=grafiek if per_leeftijd.rijen else None,
        toelichting=_(
            "Requests count by their first submission in the period; issued and refused TLVs, extensions "
            "and direct entries by the decision date; returns by the date the TLV ended. Every filter "
            "applies to the requesting school."
        ),
    )


@kengetal(
    sleutel="wachttijd_plaatsing",
    titel=_("Waiting time from TLV to placement"),
    domein=Domein.TLV,
    volgorde=20,
    bron=_("TLV register"),
    beschrijving=_("Days from issuing the TLV to the placement date: median and spread."),
    indicatoren={"mediaan": _("median waiting time (days)")},
    drilldown=_afgegeven_in_periode,
    drilldown_label=_("TLVs issued in this period in the TLV register"),
    drilldown_voor=voor_rollen(*REGISTER_ROLLEN),
)
def wachttijd_plaatsing(user, filters) -> Uitkomst:
    """``tlv_pijplijn``: for the TLVs issued in the period, the days to placement per S(B)O school
    (median and quartiles) and those still waiting. One query (two for a bestuurder)."""
    p = tlv_selectors.tlv_pijplijn(user, filters)
    totaal = p["totaal"]
    wachtend = sum(r["wachtend"] for r in p["per_school"])
    kerncijfers = [
        Kerncijfer(
            "mediaan",
            _("median waiting time (days)"),
            _decimaal(totaal["mediaan"]),
            "dagen",
            _("quartiles %(q1)s – %(q3)s days")
            % {"q1": formatteer(_decimaal(totaal["p25"]), "dagen"), "q3": formatteer(_decimaal(totaal["p75"]), "dagen")}
            if totaal["aantal"]
            else "",
            teller=totaal["aantal"],
            teller_sleutel="geplaatst",
        ),
        Kerncijfer("geplaatst", _("placements"), totaal["aantal"], "aantal"),
        Kerncijfer("wachtend", _("issued, not placed yet"), wachtend, "aantal"),
    ]
    tabel = Tabel(
        titel=_("Waiting time per special school (days)"),
        kolommen=[
            Kolom("school", _("School")),
            Kolom("aantal", _("Placed"), "aantal"),
            Kolom("mediaan", _("Median"), "dagen", teller="aantal"),
            Kolom("p25", _("First quartile"), "dagen", teller="aantal"),
            Kolom("p75", _("Third quartile"), "dagen", teller="aantal"),
            Kolom("wachtend", _("Still waiting"), "aantal"),
        ],
        rijen=[
            {
                "school": r["school"],
                "aantal": r["aantal"],
                "mediaan": _decimaal(r["mediaan"]),
                "p25": _decimaal(r["p25"]),
                "p75": _decimaal(r["p75"]),
                "wachtend": r["wachtend"],
            }
            for r in p["per_school"]
        ],
        voetnoot=_(
            "TLVs issued in the period, per intended special school. Still waiting: issued, in force and not "
            "placed today."
        ),
    )
    if not p["per_school"]:
        return _leeg(kerncijfers, [tabel])
    geplaatst = [r for r in tabel.rijen if r["aantal"]]
    grafiek = Grafiek(
        soort="staaf",
        titel=_("Median waiting time per special school (days)"),
        labels=[str(r["school"]) for r in geplaatst],
        reeksen=[
            Reeks(_("Median"), [r["mediaan"] for r in geplaatst], "dagen", tellers=[r["aantal"] for r in geplaatst])
        ],
    )
    alle = range(len(tabel.rijen))
    return Uitkomst(
        kerncijfers=kerncijfers,
        tabellen=[tabel],
        grafiek=grafiek if geplaatst else None,
        sommen=[kolomsom(kc("geplaatst"), 0, alle, "aantal"), kolomsom(kc("wachtend"), 0, alle, "wachtend")],
    )


@kengetal(
    sleutel="so_per_categorie",
    titel=_("SO pupils per funding category"),
    domein=Domein.LEERLINGEN,
    volgorde=25,
    bron=_("TLV register"),
    beschrijving=_("SO participation per category (low, medium, high) from the active TLVs."),
    indicatoren={"laag": _("category low"), "midden": _("category medium"), "hoog": _("category high")},
    drilldown=lambda f: _register_link(f, soort=TLVSoort.SO.value, actief_op=f.einde.isoformat()),
    drilldown_label=_("The active SO TLVs in the TLV register"),
    drilldown_voor=voor_rollen(*REGISTER_ROLLEN),
)
def so_per_categorie(user, filters) -> Uitkomst:
    """``tlv_actief_op_einde``: SO TLVs in force on the last day of the period, per funding
    category (a pupil has at most one SO TLV at a time). One query (two for a bestuurder)."""
    per_categorie = dict.fromkeys(Categorie.values, 0)
    for r in tlv_selectors.tlv_actief_op_einde(user, filters):
        if r["soort"] == TLVSoort.SO and r["categorie"] in per_categorie:
            per_categorie[r["categorie"]] += r["aantal"]
    totaal = sum(per_categorie.values())
    labels = {
        Categorie.LAAG: _("category low"),
        Categorie.MIDDEN: _("category medium"),
        Categorie.HOOG: _("category high"),
    }
    kerncijfers = [Kerncijfer(c, labels[Categorie(c)], n, "aantal") for c, n in per_categorie.items()]
    kerncijfers.append(Kerncijfer("totaal", _("SO pupils"), totaal, "aantal"))
    rijen: list[dict[str, Any]] = [
        {"categorie": Categorie(c).label, "aantal": n, "aandeel": percentage(n, totaal)}
        for c, n in per_categorie.items()
    ]
    tabel = Tabel(
        titel=_("SO pupils per funding category"),
        kolommen=[
            Kolom("categorie", _("Category")),
            Kolom("aantal", _("SO pupils"), "aantal"),
            Kolom("aandeel", _("Share (%)"), "percentage", teller="aantal", noemer="kerncijfer:totaal"),
        ],
        rijen=rijen,
    )
    if not totaal:
        return _leeg(kerncijfers, [tabel])
    return Uitkomst(
        kerncijfers=kerncijfers,
        tabellen=[tabel],
        grafiek=Grafiek(
            soort="staaf",
            titel=_("SO pupils per funding category"),
            labels=[str(r["categorie"]) for r in rijen],
            reeksen=[Reeks(_("SO pupils"), [r["aantal"] for r in rijen], tabelkolom=(0, "aantal"))],
        ),
        # The total of the categories, and each category's headline figure repeated in the table.
        sommen=[
            Som(kc("totaal"), tuple(kc(c) for c in per_categorie)),
            *(Som(kc(c), (cel(0, i, "aantal"),)) for i, c in enumerate(per_categorie)),
        ],
        toelichting=_("SO TLVs in force on %(datum)s, counted with the requesting school.")
        % {"datum": formatteer(filters.einde, "datum")},
    )
