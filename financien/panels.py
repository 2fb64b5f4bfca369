"""Home-page panels and menu items of the finance app."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from financien import conf
from swv.choices import Rol
from swv.home import registreer_menu, registreer_paneel
from swv.meldingen import registreer_meldingsoort


def _financien(request):
    from financien.selectors.overzicht import beschikbare_jaren, financieel_overzicht, standaardjaar

    jaren = beschikbare_jaren(request.user)
    jaar = standaardjaar(request.user, jaren)
    return {"jaar": jaar, "overzicht": financieel_overzicht(request.user, jaar=jaar, jaren=jaren)}


def _toewijzing(request):
    from financien.selectors.toewijzing import toewijzing_voor

    jaar = timezone.localdate().year
    return {"jaar": jaar, "toewijzing": toewijzing_voor(request.user, jaar=jaar)}


# The finance summary (budget, forecast, reserve over the years) is loaded with its own request.
registreer_paneel(
    naam="financien",
    template="financien/partials/_paneel.html",
    rollen=conf.leesrollen(),
    context=_financien,
    volgorde=30,
    uitgesteld=True,
    titel=_("Finance"),
)
registreer_paneel(
    naam="financien_toewijzing",
    template="financien/partials/_paneel_toewijzing.html",
    rollen=[Rol.BESTUURDER],
    context=_toewijzing,
    volgorde=30,
)
registreer_menu(
    naam="financien", url_name="financien:overzicht", label=_("Finance"), rollen=conf.leesrollen(), volgorde=60
)
registreer_menu(
    naam="financien_toewijzing",
    url_name="financien:toewijzing",
    label=_("Allocation"),
    rollen=[Rol.BESTUURDER],
    volgorde=60,
)

# --- innovation requests (issue 17) ---
registreer_menu(
    naam="innovaties",
    url_name="financien:innovaties",
    label=_("Innovation requests"),
    rollen=[
        Rol.DB,
        Rol.BELEIDSMEDEWERKER,
        Rol.CONTROLLER,
        Rol.TLC_LID,
        Rol.AC_LID,
        Rol.BESTUURDER,
        Rol.DIRECTEUR,
        Rol.IB_ER,
    ],
    volgorde=61,
)
registreer_meldingsoort(
    "financien.innovatie",
    titel=_("An innovation request needs attention"),
    model="financien.Innovatieaanvraag",
    route="financien:innovatie",
)
