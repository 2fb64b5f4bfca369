"""Home-page panels of the pupils app."""

from swv.choices import Rol
from swv.home import registreer_paneel


def _leerlingen_context(request):
    from leerlingen.models import Leerling

    return {"aantal_leerlingen": Leerling.objects.visible_to(request.user).count()}


registreer_paneel(
    naam="leerlingen",
    template="leerlingen/partials/_paneel.html",
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT, Rol.CONSULENT],
    context=_leerlingen_context,
    volgorde=20,
)
