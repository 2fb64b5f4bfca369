"""Excel downloads of the finance app: the allocation of one board."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _


def toewijzing_excel(toewijzing) -> bytes:
    """Build the workbook: one sheet with a row per school and a sheet explaining the amounts."""
    import pandas as pd

    p = toewijzing.parameters
    bestuur = toewijzing.besturen[0]
    rijen = [
        {
            _("Location code"): s.school.vestigingscode,
            _("School"): s.school.naam,
            _("Type"): s.school.soort,
            _("Pupils at the count date"): "<5" if s.gemaskeerd else s.aantal,
            _("Base amount"): float(s.basis),
            _("Amount for pupils"): float(s.per_leerling),
            _("Arrangement budget"): float(s.arrangementen),
            _("Total"): float(s.totaal),
        }
        for s in bestuur.scholen
    ]
    uitleg = [
        (_("School board"), f"{bestuur.bestuur.naam} ({bestuur.bestuur.nummer})"),
        (_("Year"), p.jaar),
        (_("Parameter version"), p.versie),
        (_("Count date used"), toewijzing.gebruikte_teldatum.isoformat() if toewijzing.gebruikte_teldatum else "-"),
        (_("Base amount per school"), float(p.basisbedrag_per_school)),
        (_("Amount per pupil"), float(p.bedrag_per_leerling)),
        (
            _("Rule"),
            _(
                "Per school: base amount + pupils at the count date x amount per pupil + the school's own arrangement budget."
            ),
        ),
        (_("Total of the board"), float(bestuur.totaal)),
    ]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame(rijen).to_excel(writer, sheet_name=_("Allocation")[:31], index=False)
        pd.DataFrame(uitleg, columns=[_("Item"), _("Value")]).to_excel(
            writer, sheet_name=_("Explanation")[:31], index=False
        )
    return buffer.getvalue()
