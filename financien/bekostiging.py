"""The funding arithmetic of FINANCE.md as pure functions (no database): income from pupil counts
and rates, the SO deduction per category and the SBO rule as a strategy per year.

Amounts are ``Decimal`` rounded half-up to cents at the end of each line, never floats. Forecast
pupil numbers stay unrounded (seed 002 computes 2015-16 with 19,678 x 0.99 = 19,481.22 pupils).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from financien.choices import SboRegel, SoCategorie

CENT = Decimal("0.01")
NUL = Decimal("0.00")


def afronden(bedrag) -> Decimal:
    """Round to cents, half up (as accountants do)."""
    return Decimal(bedrag).quantize(CENT, rounding=ROUND_HALF_UP)


def op_euro(bedrag) -> Decimal:
    """Round to whole euros, half up (how seed 002 presents its tables)."""
    return Decimal(bedrag).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def jaren_tussen(eerder: date, later: date) -> int:
    """Whole years (rounded) between two dates, for the pupil forecast."""
    maanden = (later.year - eerder.year) * 12 + (later.month - eerder.month)
    return int((Decimal(maanden) / 12).quantize(Decimal("1"), rounding=ROUND_HALF_UP)) if maanden > 0 else 0


@dataclass(frozen=True)
class Leerlingaantallen:
    """Pupils per kind of school behind a year's funding, and where the numbers come from."""

    gevraagde_teldatum: date
    gebruikte_teldatum: date | None
    bao: Decimal = NUL
    sbo: Decimal = NUL
    so: Decimal = NUL
    prognosejaren: int = 0
    groei: Decimal = NUL
    gemaskeerd: int = 0  # schools whose count DUO masked as "<5" (not counted)

    @property
    def bao_sbo(self) -> Decimal:
        return self.bao + self.sbo

    @property
    def is_prognose(self) -> bool:
        return self.prognosejaren > 0

    @property
    def is_andere_datum(self) -> bool:
        return self.gebruikte_teldatum is not None and self.gebruikte_teldatum != self.gevraagde_teldatum


def prognose(
    aantallen: dict[str, int], *, gevraagd: date, gebruikt: date | None, groei: Decimal, gemaskeerd: int = 0
) -> Leerlingaantallen:
    """Counts of ``gebruikt`` carried forward to ``gevraagd`` with ``groei`` % per whole year."""
    if gebruikt is None:
        return Leerlingaantallen(gevraagde_teldatum=gevraagd, gebruikte_teldatum=None)
    jaren = jaren_tussen(gebruikt, gevraagd)
    factor = (1 + Decimal(groei) / 100) ** jaren
    return Leerlingaantallen(
        gevraagde_teldatum=gevraagd,
        gebruikte_teldatum=gebruikt,
        bao=Decimal(aantallen.get("BO", 0)) * factor,
        sbo=Decimal(aantallen.get("SBO", 0)) * factor,
        so=Decimal(aantallen.get("SO", 0)) * factor,
        prognosejaren=jaren,
        groei=Decimal(groei),
        gemaskeerd=gemaskeerd,
    )


@dataclass(frozen=True)
class Bekostiging:
    """The income of a year from pupil counts and rates (seed 002, baten 2 and 7)."""

    lichte_personeel: Decimal
    lichte_materieel: Decimal
    zware_normatief: Decimal
    verevening: Decimal

    @property
    def lichte_totaal(self) -> Decimal:
        return self.lichte_personeel + self.lichte_materieel

    @property
    def zware_netto(self) -> Decimal:
        return self.zware_normatief + self.verevening

    @property
    def totaal(self) -> Decimal:
        return self.lichte_totaal + self.zware_netto


def bereken_bekostiging(parameters, leerlingen: Leerlingaantallen) -> Bekostiging:
    """Light support per regular-school pupil; heavy support per BO + SBO pupil plus verevening."""
    return Bekostiging(
        lichte_personeel=afronden(leerlingen.bao * parameters.tarief_lichte_personeel),
        lichte_materieel=afronden(leerlingen.bao * parameters.tarief_lichte_materieel),
        zware_normatief=afronden(leerlingen.bao_sbo * parameters.tarief_zware),
        verevening=afronden(parameters.verevening),
    )


@dataclass(frozen=True)
class Afdrachtregel:
    soort: str
    categorie: str
    aantal: int
    tarief: Decimal
    bedrag: Decimal
    uitleg: str = ""

    @property
    def label(self) -> str:
        if self.soort == "SBO":
            return "SBO"
        return (
            f"SO {SoCategorie(self.categorie).label}"
            if self.categorie in SoCategorie.values
            else f"SO {self.categorie}"
        )


def so_afdracht(aantallen: dict[tuple[str, str], int], parameters) -> list[Afdrachtregel]:
    """DUO deducts, per SO pupil with a TLV of this SWV, the support funding of its category."""
    regels = []
    for categorie in SoCategorie.values:
        aantal = aantallen.get(("SO", categorie), 0)
        tarief = parameters.so_tarieven[categorie]
        regels.append(Afdrachtregel("SO", categorie, aantal, tarief, afronden(aantal * tarief)))
    return regels


@dataclass(frozen=True)
class SboStrategie:
    """One SBO rule: ``bereken(aantal_sbo, leerlingen_bao_sbo, parameters) -> Afdrachtregel``."""

    regel: str
    bereken: Callable[[int, Decimal, object], Afdrachtregel] = field(repr=False)


def _sbo_geen(aantal: int, leerlingen: Decimal, p) -> Afdrachtregel:
    return Afdrachtregel("SBO", "", aantal, NUL, NUL, _("This year's rule has no SBO deduction."))


def _sbo_drempel(aantal: int, leerlingen: Decimal, p) -> Afdrachtregel:
    """Before 2023: the SWV paid for SBO participation above the threshold (2 %) of its pupils."""
    grens = leerlingen * p.sbo_drempel_percentage / 100
    boven = max(Decimal(aantal) - grens, NUL)
    deelname = (Decimal(aantal) * 100 / leerlingen) if leerlingen else NUL
    uitleg = _("Participation %(deelname)s %% against a threshold of %(drempel)s %%: %(boven)s pupils above it.") % {
        "deelname": deelname.quantize(CENT),
        "drempel": p.sbo_drempel_percentage,
        "boven": boven.quantize(CENT),
    }
    return Afdrachtregel("SBO", "", aantal, p.sbo_tarief, afronden(boven * p.sbo_tarief), uitleg)


def _sbo_per_tlv(aantal: int, leerlingen: Decimal, p) -> Afdrachtregel:
    """Since 2023: DUO settles every SBO pupil directly with the SWV that issued the TLV."""
    return Afdrachtregel(
        "SBO", "", aantal, p.sbo_tarief, afronden(aantal * p.sbo_tarief), _("Every SBO TLV is deducted.")
    )


SBO_STRATEGIEEN: dict[str, SboStrategie] = {
    SboRegel.GEEN: SboStrategie(SboRegel.GEEN, _sbo_geen),
    SboRegel.DREMPEL: SboStrategie(SboRegel.DREMPEL, _sbo_drempel),
    SboRegel.PER_TLV: SboStrategie(SboRegel.PER_TLV, _sbo_per_tlv),
}


def sbo_afdracht(aantal_sbo: int, leerlingen_bao_sbo: Decimal, parameters) -> Afdrachtregel:
    return SBO_STRATEGIEEN[parameters.sbo_regel].bereken(aantal_sbo, Decimal(leerlingen_bao_sbo), parameters)


#: Below this a forecast's difference from the budget is the rounding of the pro-rata forecast
#: (cents from twelfths of a budget and monthly actuals), not a variance to explain or show.
VERSCHIL_DREMPEL = Decimal("1.00")


def verschil(prognose: Decimal, begroting: Decimal) -> Decimal:
    """Forecast minus budget: a variance only from one euro; smaller differences are 0."""
    d = prognose - begroting
    return d if abs(d) >= VERSCHIL_DREMPEL else Decimal("0.00")


def lineaire_prognose(begroting: Decimal, realisatie: Decimal, maanden: int) -> Decimal:
    """Forecast for the year: the actuals to date plus the budget of the months still to come."""
    if maanden <= 0:
        return afronden(begroting)
    if maanden >= 12:
        return afronden(realisatie)
    return afronden(realisatie + begroting * (12 - maanden) / 12)
