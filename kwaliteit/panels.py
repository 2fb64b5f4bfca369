"""Home panels and menu items of the quality app: the OPR's published documents, what is due on the
accountability calendar, and the menu to the dashboard, jaarplan, calendar, reports and publications."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kwaliteit import conf
from swv.choices import Rol
from swv.home import registreer_menu, registreer_paneel
from swv.meldingen import registreer_meldingsoort


def _opr(request):
    from kwaliteit.selectors.publicaties import recente_publicaties

    return {"documenten": recente_publicaties(request.user)}


def _kalender(request):
    from kwaliteit.selectors.kalender import kalender_overzicht

    return {"perioden": kalender_overzicht(request.user, timezone.localdate())}


registreer_paneel(naam="opr", template="kwaliteit/panelen/_opr.html", rollen=[Rol.OPR_LID], context=_opr, volgorde=10)
registreer_paneel(
    naam="kwaliteitskalender",
    template="kwaliteit/panelen/_kalender.html",
    rollen=conf.KALENDER_LEZEN,
    context=_kalender,
    volgorde=30,
)

registreer_menu(
    naam="dashboard", url_name="kwaliteit:dashboard", label=_("Dashboard"), rollen=conf.DASHBOARD_ROLLEN, volgorde=20
)
registreer_menu(
    naam="vergelijking",
    url_name="kwaliteit:vergelijking",
    label=_("Comparison"),
    rollen=conf.VERGELIJKING_LEZEN,
    volgorde=25,
)
registreer_menu(
    naam="jaarplan", url_name="kwaliteit:jaarplannen", label=_("Annual plan"), rollen=conf.JAARPLAN_LEZEN, volgorde=30
)
registreer_menu(
    naam="kalender", url_name="kwaliteit:kalender", label=_("Calendar"), rollen=conf.KALENDER_LEZEN, volgorde=31
)
registreer_menu(
    naam="verslagen",
    url_name="kwaliteit:verslagen",
    label=_("Reports"),
    rollen=conf.SWV_BREED | {Rol.TLC_LID, Rol.AC_LID},
    volgorde=32,
)
registreer_menu(
    naam="publicaties",
    url_name="publicaties:overzicht",
    label=_("Publications"),
    rollen=conf.SWV_BREED | {Rol.OPR_LID, Rol.BESTUURDER},
    volgorde=40,
)

# --- complaints ---
registreer_menu(
    naam="klachten",
    url_name="kwaliteit:klachten",
    label=_("Complaints"),
    rollen=conf.KLACHT_BEHANDELAARS,
    volgorde=33,
)
registreer_menu(
    naam="klachten_cijfers",
    url_name="kwaliteit:klachten_cijfers",
    label=_("Complaints in figures"),
    rollen=[Rol.OPR_LID],
    volgorde=41,
)
registreer_meldingsoort(
    "kwaliteit.klacht",
    titel=_("A complaint needs attention"),
    model="kwaliteit.Klacht",
    route="kwaliteit:klacht",
)
