"""Key figures of the MDOs in the pupil dossiers (leerlingen, issue 3), read through its selectors:
MDOs held in the period and the share in which the child's voice was recorded (hoorrecht).

The child's voice is data (``StemVanHetKind`` of a held MDO: heard, and how; or why not). "Recorded"
means the child was heard and what it said or wants is in the verslag, as on the dossier overview
(``leerlingen.selectors.dossier.kengetallen``). One GROUP BY query.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from kwaliteit.choices import Domein
from kwaliteit.kengetallen.hulp import percentage
from kwaliteit.kengetallen.register import Grafiek, Kerncijfer, Kolom, Reeks, Tabel, Uitkomst, kengetal
from kwaliteit.onderdrukking import kc, kolomsom
from leerlingen.choices import MDOSoort, StemNietGehoordReden, StemWijze
from leerlingen.selectors.dossier import mdo_hoorrecht_tellingen
from leerlingen.selectors.thuiszitters import mag_tellen


@kengetal(
    sleutel="mdo_hoorrecht",
    titel=_("MDOs and the child's voice"),
    domein=Domein.MDO,
    volgorde=10,
    bron=_("pupil dossiers"),
    beschrijving=_("MDOs held and the share in which the child's voice was recorded."),
    indicatoren={"gehouden": _("MDOs held"), "aandeel_stem_kind": _("share with the child's voice (%)")},
)
def mdo_hoorrecht(user, filters) -> Uitkomst:
    """MDOs and OT meetings held in the period at the schools in scope; how many heard the child and
    the share (its ``teller`` is that count); per kind of meeting, and how the child was heard or
    why not."""
    if not mag_tellen(user):
        return Uitkomst(
            kerncijfers=[
                Kerncijfer("gehouden", _("MDOs held"), None),
                Kerncijfer("met_stem", _("with the child's voice"), None),
                Kerncijfer("aandeel_stem_kind", _("share with the child's voice (%)"), None, "percentage"),
            ],
            toelichting=_("Your role does not count these cases."),
        )
    tellingen = mdo_hoorrecht_tellingen(user, scholen=filters.scholen(user), begin=filters.begin, einde=filters.einde)
    gehouden = sum(r["aantal"] for r in tellingen)
    met_stem = sum(r["aantal"] for r in tellingen if r["gehoord"])

    per_soort: list[dict[str, Any]] = []
    for soort, label in MDOSoort.choices:
        n = sum(r["aantal"] for r in tellingen if r["soort"] == soort)
        stem = sum(r["aantal"] for r in tellingen if r["soort"] == soort and r["gehoord"])
        per_soort.append({"soort": label, "gehouden": n, "met_stem": stem, "aandeel": percentage(stem, n)})

    # How the child was heard, or why not; "not recorded" for a held MDO without the child's voice.
    wijzen = [(True, "wijze", w, lbl) for w, lbl in StemWijze.choices]
    redenen = [(False, "reden_niet_gehoord", r, lbl) for r, lbl in StemNietGehoordReden.choices]
    stem_rijen: list[dict[str, Any]] = []
    for gehoord, veld, waarde, label in wijzen + redenen:
        n = sum(r["aantal"] for r in tellingen if r["gehoord"] is gehoord and r[veld] == waarde)
        stem_rijen.append(
            {
                "stem": label,
                "gehoord": _("heard") if gehoord else _("not heard"),
                "aantal": n,
                "aandeel": percentage(n, gehouden),
            }
        )
    zonder = sum(r["aantal"] for r in tellingen if r["gehoord"] is None)
    stem_rijen.append(
        {"stem": _("not recorded"), "gehoord": "", "aantal": zonder, "aandeel": percentage(zonder, gehouden)}
    )

    # What a reader adds up (secondary suppression in published output): held and heard per kind of
    # meeting, and the ways of hearing (heard) or reasons (not heard, not recorded) of all MDOs.
    per_soort_rijen, stem_alle = range(len(per_soort)), range(len(stem_rijen))
    sommen = [
        kolomsom(kc("gehouden"), 0, per_soort_rijen, "gehouden"),
        kolomsom(kc("met_stem"), 0, per_soort_rijen, "met_stem"),
        kolomsom(kc("gehouden"), 1, stem_alle, "aantal"),
        kolomsom(kc("met_stem"), 1, range(len(wijzen)), "aantal"),
    ]
    return Uitkomst(
        sommen=sommen,
        kerncijfers=[
            Kerncijfer("gehouden", _("MDOs held"), gehouden, "aantal", _("MDO and OT meetings held in the period")),
            Kerncijfer(
                "met_stem",
                _("with the child's voice"),
                met_stem,
                "aantal",
                _("the child was heard and what it said or wants was recorded"),
            ),
            Kerncijfer(
                "aandeel_stem_kind",
                _("share with the child's voice (%)"),
                percentage(met_stem, gehouden),
                "percentage",
                teller=met_stem,
                teller_sleutel="met_stem",
                noemer_sleutel="gehouden",
            ),
        ],
        tabellen=[
            Tabel(
                titel=_("MDOs held per kind of meeting"),
                kolommen=[
                    Kolom("soort", _("Kind of meeting")),
                    Kolom("gehouden", _("Held"), "aantal"),
                    Kolom("met_stem", _("With the child's voice"), "aantal"),
                    Kolom("aandeel", _("Share (%)"), "percentage", teller="met_stem", noemer="gehouden"),
                ],
                rijen=per_soort,
            ),
            Tabel(
                titel=_("How the child was heard, or why not"),
                kolommen=[
                    Kolom("stem", _("The child's voice")),
                    Kolom("gehoord", _("Heard")),
                    Kolom("aantal", _("MDOs"), "aantal"),
                    Kolom("aandeel", _("Share (%)"), "percentage", teller="aantal", noemer="kerncijfer:gehouden"),
                ],
                rijen=stem_rijen,
            ),
        ],
        grafiek=Grafiek(
            soort="staaf",
            titel=_("How the child was heard, or why not"),
            labels=[str(r["stem"]) for r in stem_rijen],
            reeksen=[Reeks(_("MDOs"), [r["aantal"] for r in stem_rijen], tabelkolom=(1, "aantal"))],
        )
        if gehouden
        else None,
    )
