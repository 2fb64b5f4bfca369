"""Excel downloads of the finance app: the allocation of one board (amounts as ``Decimal`` in the
portal's euro format, ``swv.opmaak``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from swv.opmaak import EXCEL_GETAL, werkmap


def toewijzing_excel(toewijzing) -> bytes:
    """Build the workbook: one sheet with a row per school and a sheet explaining the amounts."""
    p = toewijzing.parameters
    bestuur = toewijzing.besturen[0]
    kolommen = [
        _("Location code"),
        _("School"),
        _("Type"),
        _("Pupils at the count date"),
        _("Base amount"),
        _("Amount for pupils"),
        _("Arrangement budget"),
        _("Total"),
    ]
    rijen = [
        [
            s.school.vestigingscode,
            s.school.naam,
            s.school.soort,
            "<5" if s.gemaskeerd else s.aantal,
            s.basis,
            s.per_leerling,
            s.arrangementen,
            s.totaal,
        ]
        for s in bestuur.scholen
    ]
    uitleg = [
        (_("School board"), f"{bestuur.bestuur.naam} ({bestuur.bestuur.nummer})"),
        (_("Year"), p.jaar),
        (_("Parameter version"), p.versie),
        (_("Count date used"), toewijzing.gebruikte_teldatum.isoformat() if toewijzing.gebruikte_teldatum else "-"),
        (_("Base amount per school"), p.basisbedrag_per_school),
        (_("Amount per pupil"), p.bedrag_per_leerling),
        (
            _("Rule"),
            _(
                "Per school: base amount + pupils at the count date x amount per pupil + the school's own arrangement budget."
            ),
        ),
        (_("Total of the board"), bestuur.totaal),
    ]
    return werkmap(
        [
            (_("Allocation"), kolommen, rijen, {3: EXCEL_GETAL}),
            (_("Explanation"), [_("Item"), _("Value")], uitleg, {}),
        ]
    )
