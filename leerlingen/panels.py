"""Home-page panels of the pupils app."""

from django.utils.translation import gettext_lazy as _

from swv.access import registreer_externe_toegang
from swv.choices import LEERLINGDATA_ROLLEN, Rol
from swv.home import registreer_menu, registreer_paneel
from swv.meldingen import ongelezen, registreer_meldingsoort


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
    # A consulent's worklist spans a whole kring: loaded with its own request (swv.home).
    uitgesteld=True,
    titel=_("My worklist"),
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
# --- Thuiszitters, zorgplicht and risicolijst (issue 6) ---


def _thuiszitters_context(request):
    from leerlingen.selectors.thuiszitters import kerncijfers

    return {
        **kerncijfers(request.user),
        "ongelezen": ongelezen(request, "leerlingen"),
        "dashboard": bool(rollen_van(request) & {Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER}),
        "lijst": bool(rollen_van(request) & {Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.DB, Rol.BELEIDSMEDEWERKER}),
    }


def rollen_van(request) -> set:
    from swv.access import rollen

    return rollen(request.user)


registreer_paneel(
    naam="thuiszitters",
    template="leerlingen/partials/_paneel_thuiszitters.html",
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER],
    context=_thuiszitters_context,
    volgorde=25,
)
registreer_menu(
    naam="thuiszitters",
    url_name="leerlingen:thuiszitters",
    label=_("Thuiszitters"),
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.DB, Rol.BELEIDSMEDEWERKER],
    volgorde=20,
)
registreer_menu(
    naam="zorgplicht",
    url_name="leerlingen:zorgplicht",
    label=_("Zorgplicht"),
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT, Rol.BESTUURDER, Rol.DB, Rol.BELEIDSMEDEWERKER],
    volgorde=21,
)
registreer_menu(
    naam="risicolijst",
    url_name="leerlingen:risicolijst",
    label=_("Risk list"),
    rollen=[Rol.CONSULENT, Rol.DB, Rol.BELEIDSMEDEWERKER],
    volgorde=22,
)
registreer_menu(
    naam="thuiszitters_dashboard",
    url_name="leerlingen:thuiszitters_dashboard",
    label=_("Thuiszitters in figures"),
    rollen=[Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.BESTUURDER],
    volgorde=23,
)
registreer_meldingsoort(
    "leerlingen.zorgplicht",
    titel=_("Zorgplicht: a decision term ends soon"),
    model="leerlingen.Zorgplichtcasus",
    route="leerlingen:zorgplicht_detail",
)
registreer_meldingsoort(
    "leerlingen.mdo_uitnodiging",
    titel=_("You have been invited to a meeting"),
    model="leerlingen.MDO",
    route="leerlingen:mdo_detail",
)
# --- Privacy requests (issue 13) ---
registreer_menu(
    naam="privacyverzoeken",
    url_name="leerlingen:privacyverzoek_lijst",
    label=_("Privacy requests"),
    rollen=[Rol.DB],
    volgorde=90,
)
registreer_meldingsoort(
    "leerlingen.privacyverzoek",
    titel=_("A privacy request is due soon or overdue"),
    model="leerlingen.Privacyverzoek",
    route="leerlingen:privacyverzoek_detail",
)


# --- issue 14: parents (no membership, a link to a child) start on the parents' portal ---------------
def _is_portaalouder(user) -> bool:
    from leerlingen.ouders.toegang import is_portaalouder

    return is_portaalouder(user)


registreer_externe_toegang(_is_portaalouder, startpagina="leerlingen:ouders_home", routes=["leerlingen:ouders_"])

registreer_meldingsoort(
    "leerlingen.ouderbrief",
    titel=_("A letter about your child is ready in the parents' portal"),
    model="leerlingen.OuderBrief",
    route="leerlingen:ouders_brief",
    mag_ontvangen=_is_portaalouder,
)
