"""The TLV entries of a pupil's timeline (the dossier's ``leerlingen.tijdlijn`` registry).

``tijdlijn_items`` yields plain dicts (scoped to ``user``, one query); ``registreer`` adapts them to
the registry's ``TijdlijnItem`` when that registry is installed (it comes with the pupil-dossier
issue), so this app does not depend on it at import time.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tlv.models import TLV


def tijdlijn_items(leerling, user) -> list[dict]:
    items = []
    for t in TLV.objects.visible_to(user).filter(leerling=leerling).select_related("beoogde_school").order_by("pk"):
        if t.eerst_ingediend_op:
            items.append(
                {
                    "datum": t.eerst_ingediend_op,
                    "titel": _("TLV request submitted (%(soort)s)") % {"soort": t.soort},
                    "url": t.get_absolute_url(),
                }
            )
        if t.besluit_datum:
            titel = _("TLV %(nummer)s issued") % {"nummer": t.nummer} if t.is_afgegeven else _("TLV request refused")
            items.append({"datum": t.besluit_datum, "titel": titel, "url": t.get_absolute_url()})
        if t.plaatsingsdatum:
            items.append(
                {
                    "datum": t.plaatsingsdatum,
                    "titel": _("Placed at %(school)s") % {"school": t.beoogde_school.naam},
                    "url": t.get_absolute_url(),
                }
            )
    return items


def registreer() -> None:
    try:
        from leerlingen.tijdlijn import TijdlijnItem, registreer_tijdlijnbron
    except ImportError:  # the timeline registry is not installed (yet)
        return

    def tlv_bron(leerling, user):
        for item in tijdlijn_items(leerling, user):
            yield TijdlijnItem(soort="tlv", soort_label=_("TLV"), **item)

    tlv_bron.__qualname__ = "tlv_bron"
    registreer_tijdlijnbron(tlv_bron)
