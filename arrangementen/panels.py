"""Home-page panels and menu items of the arrangements app: the ib-er's worklist (including
overdue evaluations and MDO outcomes without a request), the directeur's agreements, the
assessor's queue and the budget position."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arrangementen.choices import Meldingsoort
from arrangementen.querysets import BUDGET_BEHEERDERS
from swv.choices import Rol
from swv.home import registreer_menu, registreer_paneel
from swv.meldingen import ongelezen, registreer_meldingsoort

for _soort in Meldingsoort:
    registreer_meldingsoort(
        _soort.value, titel=_soort.label, model="arrangementen.Aanvraag", route="arrangementen:detail"
    )


def _school(request):
    from arrangementen.selectors import werklijst_school

    return {**werklijst_school(request.user), "ongelezen": ongelezen(request, "arrangementen")}


def _directeur(request):
    from arrangementen.selectors import werklijst_directeur

    aanvragen = werklijst_directeur(request.user)
    return {"aanvragen": aanvragen} if aanvragen else None


def _beoordelaar(request):
    from arrangementen.selectors import werklijst_beoordelaar

    return {**werklijst_beoordelaar(request.user), "ongelezen": ongelezen(request, "arrangementen")}


def _budget(request):
    from arrangementen.selectors.geld import budgettotaal

    jaar = timezone.localdate().year
    totaal = budgettotaal(request.user, jaar=jaar)
    return {"totaal": totaal, "jaar": jaar} if totaal else None


registreer_paneel(
    naam="arrangementen_school",
    template="arrangementen/partials/_paneel_school.html",
    rollen=[Rol.IB_ER],
    context=_school,
    volgorde=30,
)
registreer_paneel(
    naam="arrangementen_directeur",
    template="arrangementen/partials/_paneel_directeur.html",
    rollen=[Rol.DIRECTEUR],
    context=_directeur,
    volgorde=30,
)
registreer_paneel(
    naam="arrangementen_beoordelaar",
    template="arrangementen/partials/_paneel_beoordelaar.html",
    rollen=[Rol.CONSULENT, Rol.AC_LID],
    context=_beoordelaar,
    volgorde=30,
)
registreer_paneel(
    naam="arrangementen_budget",
    template="arrangementen/partials/_paneel_budget.html",
    rollen=list(BUDGET_BEHEERDERS),
    context=_budget,
    volgorde=30,
)

registreer_menu(
    naam="arrangementen",
    url_name="arrangementen:lijst",
    label=_("Arrangements"),
    volgorde=20,
    rollen=[Rol.IB_ER, Rol.DIRECTEUR, Rol.LEERKRACHT, Rol.CONSULENT, Rol.AC_LID, Rol.DB, Rol.BELEIDSMEDEWERKER],
)
registreer_menu(
    naam="arrangementen_werkvoorraad",
    url_name="arrangementen:werkvoorraad",
    label=_("Work queue"),
    rollen=[Rol.CONSULENT, Rol.AC_LID],
    volgorde=21,
)
registreer_menu(
    naam="arrangementen_budget",
    url_name="arrangementen:budget",
    label=_("Arrangement budget"),
    rollen=[Rol.CONTROLLER, Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.AC_LID],
    volgorde=22,
)
