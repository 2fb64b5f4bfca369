"""Services for the yearly parameters: create, change (or version when frozen), copy, budgets."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from financien.berekening import is_bevroren
from financien.choices import ParametersStatus
from financien.models import Arrangementenbudget, Jaarparameters
from financien.services import FinancienFout
from swv.historie import met_historie

#: Fields a controller sets; everything else (year, version, status, bookkeeping) is the service's.
WAARDEVELDEN = [
    "teldatum",
    "prognose_groei",
    "tarief_lichte_personeel",
    "tarief_lichte_materieel",
    "tarief_zware",
    "verevening",
    "so_tarief_laag",
    "so_tarief_midden",
    "so_tarief_hoog",
    "sbo_regel",
    "sbo_drempel_percentage",
    "sbo_tarief",
    "basisbedrag_per_school",
    "bedrag_per_leerling",
    "toewijzing_ook_sbo",
    "signaleringswaarde_percentage",
    "minimum_reserve_percentage",
]


def _controleer(waarden: dict) -> None:
    if waarden["minimum_reserve_percentage"] > waarden["signaleringswaarde_percentage"]:
        raise FinancienFout(_("The minimum reserve cannot be higher than the signalling value."))


@transaction.atomic
def jaarparameters_aanmaken(*, door, jaar: int, waarden: dict) -> Jaarparameters:
    """Parameters for a year that has none yet (version 1)."""
    _controleer(waarden)
    if Jaarparameters.objects.filter(jaar=jaar).exists():
        raise FinancienFout(_("There are already parameters for %(jaar)s.") % {"jaar": jaar})
    params = met_historie(
        Jaarparameters(jaar=jaar, aangemaakt_door=door, **{k: waarden[k] for k in WAARDEVELDEN}),
        door=door,
        reden=_("Created"),
    )
    try:
        with transaction.atomic():
            params.save()
    except IntegrityError:  # a concurrent request created the year first
        raise FinancienFout(_("There are already parameters for %(jaar)s.") % {"jaar": jaar})
    return params


@transaction.atomic
def jaarparameters_wijzigen(
    *, door, parameters: Jaarparameters, revisie: int, waarden: dict, reden: str = ""
) -> Jaarparameters:
    """Change a year's current parameters. Once a final T-rapportage of the year exists they are
    frozen: the change then becomes version n + 1 (a reason is required) and the old version stays
    untouched for the report that used it. A stale form (someone saved in between) is refused."""
    _controleer(waarden)
    huidig = Jaarparameters.objects.select_for_update().get(pk=parameters.pk)
    if huidig.status != ParametersStatus.ACTUEEL:
        raise FinancienFout(_("These parameters have been superseded by a newer version."))
    if huidig.revisie != revisie:
        raise FinancienFout(_("Someone else changed these parameters in the meantime. Reload the page and try again."))
    if is_bevroren(huidig.jaar):
        if not reden.strip():
            raise FinancienFout(
                _("A final T-rapportage of %(jaar)s uses these parameters: give a reason for the new version.")
                % {"jaar": huidig.jaar}
            )
        return _nieuwe_versie(door=door, oud=huidig, waarden=waarden, reden=reden.strip())
    for veld in WAARDEVELDEN:
        setattr(huidig, veld, waarden[veld])
    huidig.revisie += 1
    if reden.strip():
        huidig.reden = reden.strip()
    met_historie(huidig, door=door, reden=reden or _("Changed")).save()
    return huidig


def _nieuwe_versie(*, door, oud: Jaarparameters, waarden: dict, reden: str) -> Jaarparameters:
    oud.status = ParametersStatus.VERVANGEN
    met_historie(oud, door=door, reden=_("Superseded by a new version")).save(update_fields=["status", "gewijzigd"])
    nieuw = Jaarparameters(
        jaar=oud.jaar, versie=oud.versie + 1, reden=reden, aangemaakt_door=door, **{k: waarden[k] for k in WAARDEVELDEN}
    )
    met_historie(nieuw, door=door, reden=reden).save()
    _kopieer_budgetten(van=oud, naar=nieuw)
    return nieuw


def _kopieer_budgetten(*, van: Jaarparameters, naar: Jaarparameters) -> None:
    Arrangementenbudget.objects.bulk_create(
        [
            Arrangementenbudget(parameters=naar, school_id=b.school_id, kring_id=b.kring_id, bedrag=b.bedrag)
            for b in van.arrangementenbudgetten.all()
        ]
    )


@transaction.atomic
def jaarparameters_kopieren(*, door, jaar: int) -> Jaarparameters:
    """Start the next year from this year's current parameters (count date one year later)."""
    bron = Jaarparameters.objects.actueel().filter(jaar=jaar).first()
    if bron is None:
        raise FinancienFout(_("There are no parameters for %(jaar)s to copy.") % {"jaar": jaar})
    volgend = jaar + 1
    if Jaarparameters.objects.filter(jaar=volgend).exists():
        raise FinancienFout(_("There are already parameters for %(jaar)s.") % {"jaar": volgend})
    waarden = {k: v for k, v in model_to_dict(bron, fields=WAARDEVELDEN).items()}
    try:
        waarden["teldatum"] = bron.teldatum.replace(year=bron.teldatum.year + 1)
    except ValueError:  # 29 February
        waarden["teldatum"] = date(bron.teldatum.year + 1, 2, 28)
    nieuw = met_historie(
        Jaarparameters(jaar=volgend, aangemaakt_door=door, **waarden),
        door=door,
        reden=_("Copied from %(jaar)s") % {"jaar": jaar},
    )
    try:
        with transaction.atomic():
            nieuw.save()
    except IntegrityError:
        raise FinancienFout(_("There are already parameters for %(jaar)s.") % {"jaar": volgend})
    _kopieer_budgetten(van=bron, naar=nieuw)
    return nieuw


def _controleer_wijzigbaar(parameters: Jaarparameters) -> None:
    if parameters.status != ParametersStatus.ACTUEEL:
        raise FinancienFout(_("These parameters have been superseded by a newer version."))
    if is_bevroren(parameters.jaar):
        raise FinancienFout(
            _("A final T-rapportage of %(jaar)s uses these parameters: save a new version first.")
            % {"jaar": parameters.jaar}
        )


@transaction.atomic
def arrangementenbudget_opslaan(
    *, door, parameters: Jaarparameters, school=None, kring=None, bedrag
) -> Arrangementenbudget:
    """Set the arrangement budget of one school or one kring (replacing an earlier amount)."""
    parameters = Jaarparameters.objects.select_for_update().get(pk=parameters.pk)
    _controleer_wijzigbaar(parameters)
    if (school is None) == (kring is None):
        raise FinancienFout(_("Choose either a school or a cluster."))
    if bedrag < 0:
        raise FinancienFout(_("The amount cannot be negative."))
    budget = Arrangementenbudget.objects.filter(
        parameters=parameters, school=school, kring=kring
    ).first() or Arrangementenbudget(parameters=parameters, school=school, kring=kring)
    budget.bedrag = bedrag
    met_historie(budget, door=door).save()
    return budget


@transaction.atomic
def arrangementenbudget_verwijderen(*, door, budget: Arrangementenbudget) -> None:
    parameters = Jaarparameters.objects.select_for_update().get(pk=budget.parameters_id)
    _controleer_wijzigbaar(parameters)
    met_historie(budget, door=door, reden=_("Removed")).delete()
