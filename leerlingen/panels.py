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
