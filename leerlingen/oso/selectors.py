"""Reads of imported OSO dossiers for other apps (prefilled request forms)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from leerlingen.models import Leerling, OsoOntvangst
from leerlingen.models.oso import OsoStatus


def oso_samenvatting(user, leerling: Leerling, ontvangst_uuid: str) -> str:
    """A starting text from the pupil's imported OSO dossier (educational needs, diagnoses, earlier
    support); "" when the dossier is not this pupil's or not visible to ``user``."""
    try:
        ontvangst = (
            OsoOntvangst.objects.visible_to(user)
            .filter(uuid=ontvangst_uuid, leerling=leerling, status=OsoStatus.BEVESTIGD)
            .first()
        )
    except ValueError:  # not a UUID
        return ""
    if ontvangst is None:
        return ""
    o = ontvangst.gegevens.get("ondersteuning") or {}
    regels = []
    if o.get("onderwijsbehoeften"):
        regels.append(o["onderwijsbehoeften"])
    for d in o.get("diagnoses", []):
        regels.append(_("Diagnosis: %(naam)s (%(datum)s)") % {"naam": d["naam"], "datum": d["datum"] or "–"})
    for a in o.get("arrangementen", []):
        regels.append(
            _("Earlier arrangement: %(soort)s from %(datum)s") % {"soort": a["soort"], "datum": a["datum"] or "–"}
        )
    for t in o.get("tlv", []):
        regels.append(
            _("Earlier TLV: category %(cat)s, %(start)s – %(einde)s")
            % {"cat": t["categorie"] or "–", "start": t["start"] or "–", "einde": t["einde"] or "–"}
        )
    return "\n".join(regels)
