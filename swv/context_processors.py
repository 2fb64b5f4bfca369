from django.conf import settings

from swv.access import rollen
from swv.choices import Rol
from swv.home import menu_voor


def portaal(request):
    """Role flags for the navigation; computed from the request's cached memberships."""
    user = getattr(request, "user", None)
    mijn_rollen = rollen(user) if user is not None else set()
    return {
        "mijn_rollen": mijn_rollen,
        "is_swv_breed": bool(mijn_rollen & {Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.BEHEERDER}),
        "demo_modus": settings.DEMO_MODE,
        "menu": menu_voor(mijn_rollen),
    }
