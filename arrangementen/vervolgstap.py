"""After an MDO whose outcome is "arrangement request": the request form for the pupil, from that
outcome (``leerlingen.vervolgstappen``), or the request already made from it."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from arrangementen.models import Aanvraag
from leerlingen.choices import Uitkomstsoort
from leerlingen.models import Leerling
from leerlingen.vervolgstappen import Vervolgstap, registreer_vervolgstap


@registreer_vervolgstap(Uitkomstsoort.ARRANGEMENTAANVRAAG)
def aanvraag_starten(uitkomst, user) -> Vervolgstap | None:
    bestaand = Aanvraag.objects.visible_to(user).filter(mdo_uitkomst=uitkomst).first()
    if bestaand is not None:
        return Vervolgstap(
            tekst=_("Arrangement request %(nummer)s made from this MDO") % {"nummer": bestaand.nummer},
            url=reverse("arrangementen:detail", args=[bestaand.uuid]),
            gedaan=True,
        )
    leerling = Leerling.objects.visible_to(user, "change").filter(pk=uitkomst.mdo.dossier.leerling_id).first()
    if leerling is None:
        return None
    url = reverse("arrangementen:aanvraag_nieuw", args=[leerling.uuid])
    return Vervolgstap(tekst=_("Start the arrangement request"), url=f"{url}?{urlencode({'uitkomst': uitkomst.uuid})}")


def stem_van_het_kind_als_visie(mdo) -> dict[str, str]:
    """The child's voice recorded at the MDO, as the initial "child's view" of a request form."""
    stem = getattr(mdo, "stem_van_het_kind", None)
    if stem is None:
        return {}
    if not stem.gehoord:
        reden = stem.get_reden_niet_gehoord_display()
        return {"kind_visie_ontbreekt": f"{reden}. {stem.toelichting}".strip() if stem.toelichting else reden}
    delen = []
    if stem.wat_zei_kind:
        delen.append(_("What the child said: %(tekst)s") % {"tekst": stem.wat_zei_kind})
    if stem.wat_wil_kind:
        delen.append(_("What the child wants: %(tekst)s") % {"tekst": stem.wat_wil_kind})
    return {"kind_visie": "\n".join(delen)}
