"""After an MDO whose outcome is "TLV proposal": a new TLV request for the pupil from that MDO
(``leerlingen.vervolgstappen``), or the request already made from it."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from leerlingen.choices import Uitkomstsoort
from leerlingen.models import Leerling
from leerlingen.vervolgstappen import Vervolgstap, registreer_vervolgstap
from swv.access import heeft_rol
from swv.choices import Rol
from tlv.models import TLV


@registreer_vervolgstap(Uitkomstsoort.TLV_VOORSTEL)
def tlv_starten(uitkomst, user) -> Vervolgstap | None:
    bestaand = TLV.objects.visible_to(user).filter(mdo=uitkomst.mdo_id).order_by("-pk").first()
    if bestaand is not None:
        return Vervolgstap(
            tekst=_("TLV request made from this MDO (%(status)s)") % {"status": bestaand.get_status_display()},
            url=bestaand.get_absolute_url(),
            gedaan=True,
        )
    if not heeft_rol(user, Rol.IB_ER):
        return None
    if not Leerling.objects.visible_to(user, "change").filter(pk=uitkomst.mdo.dossier.leerling_id).exists():
        return None
    return Vervolgstap(
        tekst=_("Start the TLV request"), url=f"{reverse('tlv:nieuw')}?{urlencode({'mdo': uitkomst.mdo.uuid})}"
    )
