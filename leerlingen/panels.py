"""Home-page panels of the pupils app."""

from django.utils.translation import gettext_lazy as _

from swv.choices import LEERLINGDATA_ROLLEN, Rol
from swv.home import registreer_menu, registreer_paneel


def _leerlingen_context(request):
    # No count here: for a consulent of a large kring it would count tens of thousands of pupils
    # on every home page view; a search box is what the user needs.
    return {}


registreer_paneel(
    naam="leerlingen",
    template="leerlingen/partials/_paneel.html",
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT, Rol.CONSULENT],
    context=_leerlingen_context,
    volgorde=20,
)

registreer_menu(
    naam="leerlingen",
    url_name="leerlingen:lijst",
    label=_("Pupils"),
    rollen=LEERLINGDATA_ROLLEN,
    volgorde=10,
)


# --- issue 3: dossier worklist and menu ------------------------------------------------------------
def _werklijst_context(request):
    from leerlingen.selectors.dossier import werklijst

    return {"werklijst": werklijst(request.user)}


registreer_paneel(
    naam="dossier_werklijst",
    template="leerlingen/partials/_werklijst.html",
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT, Rol.CONSULENT],
    context=_werklijst_context,
    volgorde=15,
)

registreer_menu(
    naam="dossiers",
    url_name="leerlingen:dossier_lijst",
    label=_("Dossiers"),
    rollen=LEERLINGDATA_ROLLEN,
    volgorde=11,
)
