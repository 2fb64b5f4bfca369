"""Home-page panels of the platform: my schools, the SWV overview, my board, beheer (the OPR panel is kwaliteit's)."""

from django.utils.translation import gettext_lazy as _

from swv import selectors
from swv.access import school_ids
from swv.choices import Rol
from swv.home import registreer_menu, registreer_paneel


def _mijn_scholen(request):
    scholen = selectors.scholen_van(request.user, [Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT])
    return {"scholen": scholen, "titel_rol": "school"} if scholen else None


#: A consulent may serve a whole kring (hundreds of schools): the home page lists the first ones.
CONSULENT_SCHOLEN_OP_HOME = 12


def _toegewezen_scholen(request):
    scholen = selectors.scholen_van(request.user, [Rol.CONSULENT], limiet=CONSULENT_SCHOLEN_OP_HOME)
    if not scholen:
        return None
    totaal = len(school_ids(request.user, [Rol.CONSULENT]))
    return {"scholen": scholen, "titel_rol": "consulent", "meer": max(totaal - len(scholen), 0), "totaal": totaal}


def _swv_overzicht(request):
    return selectors.swv_kerncijfers(request.user)


def _bestuur(request):
    return {"besturen": selectors.bestuur_overzicht(request.user)}


def _beheer(request):
    return {}


registreer_paneel(
    naam="mijn_scholen",
    template="swv/panelen/_mijn_scholen.html",
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT],
    context=_mijn_scholen,
    volgorde=10,
)
registreer_paneel(
    naam="toegewezen_scholen",
    template="swv/panelen/_mijn_scholen.html",
    rollen=[Rol.CONSULENT],
    context=_toegewezen_scholen,
    volgorde=11,
)
registreer_paneel(
    naam="swv_overzicht",
    template="swv/panelen/_swv_overzicht.html",
    rollen=[Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER, Rol.BEHEERDER, Rol.TLC_LID, Rol.AC_LID],
    context=_swv_overzicht,
    volgorde=10,
)
registreer_paneel(
    naam="bestuur", template="swv/panelen/_bestuur.html", rollen=[Rol.BESTUURDER], context=_bestuur, volgorde=10
)
registreer_paneel(
    naam="beheer", template="swv/panelen/_beheer.html", rollen=[Rol.BEHEERDER], context=_beheer, volgorde=90
)

registreer_menu(naam="register", url_name="register", label=_("School register"), rollen=list(Rol.values), volgorde=90)
# Every app's notifications on one page; anyone can be a recipient (the kind says who may).
registreer_menu(naam="meldingen", url_name="meldingen", label=_("Notifications"), rollen=list(Rol.values), volgorde=80)
