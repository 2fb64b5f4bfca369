"""Home panels and menu items of the TLV app."""

from django.utils.translation import gettext_lazy as _

from swv.access import heeft_rol
from swv.choices import Rol
from swv.home import registreer_menu, registreer_paneel
from swv.meldingen import ongelezen, registreer_meldingsoort
from tlv.choices import Meldingsoort

SCHOOL = (Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT)
TLC = (Rol.TLC_LID, Rol.DB)


def _paneel(request):
    """Open requests of my school(s), the TLC queue and my unread TLV notifications (a few counts)."""
    from tlv import selectors
    from tlv.choices import LOPENDE_AANVRAAG

    user = request.user
    ctx = {"ongelezen": ongelezen(request, "tlv")}
    if heeft_rol(user, *SCHOOL):
        ctx["lopend"] = selectors.tlv_lijst(user).filter(status__in=LOPENDE_AANVRAAG).count()
    if heeft_rol(user, *TLC):
        voorraad = selectors.werkvoorraad(user)
        ctx["in_behandeling"], ctx["te_laat"], ctx["bezwaren"] = (
            len(voorraad["items"]),
            voorraad["te_laat"],
            len(voorraad["bezwaren"]),
        )
    return ctx


registreer_paneel(
    naam="tlv",
    template="tlv/partials/_paneel.html",
    rollen=[*SCHOOL, *TLC, Rol.BELEIDSMEDEWERKER],
    context=_paneel,
    volgorde=30,
)
registreer_menu(naam="tlv", url_name="tlv:lijst", label=_("TLV requests"), rollen=SCHOOL, volgorde=30)
registreer_menu(naam="tlv_werkvoorraad", url_name="tlv:werkvoorraad", label=_("TLC queue"), rollen=TLC, volgorde=31)
registreer_menu(
    naam="tlv_register",
    url_name="tlv:register",
    label=_("TLV register"),
    rollen=[Rol.TLC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER],
    volgorde=32,
)
registreer_menu(
    naam="tlv_kengetallen",
    url_name="tlv:kengetallen",
    label=_("TLV key figures"),
    rollen=[Rol.TLC_LID, Rol.AC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.BESTUURDER],
    volgorde=33,
)

for _soort in Meldingsoort:
    registreer_meldingsoort(_soort.value, titel=_soort.label, model="tlv.TLV", route="tlv:detail")
