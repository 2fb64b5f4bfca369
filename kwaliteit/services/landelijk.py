"""National figures: import the national pupil totals from DUO's historical file, and enter or
correct a year's figures by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from kwaliteit.models import LandelijkCijfer
from kwaliteit.services.fouten import KwaliteitFout
from swv.access import heeft_rol
from swv.choices import Rol
from swv.duo import HISTORISCH, teldatum_voor_kolom

#: DUO's SOORT_VESTIGING -> the national total it counts towards (VSO belongs to secondary education).
GROEPEN = {"BO": "leerlingen_bo", "SBO": "leerlingen_sbo", "SO": "leerlingen_so", "SO/VSO": "leerlingen_so"}
BEWERKEN = (Rol.DB, Rol.BELEIDSMEDEWERKER)


@dataclass
class ImportVerslag:
    nieuw: list[date] = field(default_factory=list)
    gewijzigd: list[date] = field(default_factory=list)
    ongewijzigd: int = 0

    def regels(self) -> list[str]:
        return [
            f"Landelijke cijfers: nieuw {len(self.nieuw)}, gewijzigd {len(self.gewijzigd)}, ongewijzigd {self.ongewijzigd}."
        ]


def lees_landelijke_totalen(pad: Path) -> dict[date, dict[str, int]]:
    """Per count date the national totals of BO, SBO and SO (incl. SO/VSO). DUO's masked "<5" cells
    are left out (13 cells in 2025: at most 4 pupils each). Any other non-number stops the import."""
    import pandas as pd

    try:
        df = pd.read_csv(pad, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    except FileNotFoundError:
        raise KwaliteitFout(_("File not found: %(pad)s") % {"pad": pad})
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise KwaliteitFout(_("Not a readable DUO file: %(fout)s") % {"fout": exc})
    jaarkolommen = sorted(k for k in df.columns if re.fullmatch(r"LEERLINGEN_[0-9]{4}", k))
    if "SOORT_VESTIGING" not in df.columns or not jaarkolommen:
        raise KwaliteitFout(_("The file lacks the columns SOORT_VESTIGING and LEERLINGEN_<year>."))
    df = df[df["SOORT_VESTIGING"].isin(GROEPEN)]
    totalen: dict[date, dict[str, int]] = {}
    for kolom in jaarkolommen:
        waarden = df[kolom].str.strip().replace({"<5": "0", "": "0"})
        ongeldig = waarden[~waarden.str.fullmatch(r"[0-9]+")]
        if not ongeldig.empty:
            regel = int(ongeldig.index[0]) + 2
            raise KwaliteitFout(
                _("%(bestand)s, line %(regel)s, column %(kolom)s: invalid number %(waarde)r.")
                % {"bestand": Path(pad).name, "regel": regel, "kolom": kolom, "waarde": ongeldig.iloc[0]}
            )
        per_groep = waarden.astype(int).groupby(df["SOORT_VESTIGING"].map(GROEPEN)).sum()
        teldatum = teldatum_voor_kolom(int(kolom.split("_")[1]))
        totalen[teldatum] = {veld: int(per_groep.get(veld, 0)) for veld in set(GROEPEN.values())}
    return totalen


@transaction.atomic
def landelijke_cijfers_importeren(*, map_: Path) -> ImportVerslag:
    """Create or update the national totals per count date from DUO's file (idempotent). Rates
    entered by hand are kept; a year entered by hand keeps its source label."""
    totalen = lees_landelijke_totalen(Path(map_) / HISTORISCH)
    verslag = ImportVerslag()
    bestaand = {c.teldatum: c for c in LandelijkCijfer.objects.filter(teldatum__in=list(totalen))}
    for teldatum, waarden in sorted(totalen.items()):
        cijfer = bestaand.get(teldatum)
        if cijfer is None:
            LandelijkCijfer.objects.create(teldatum=teldatum, bron=LandelijkCijfer.Bron.DUO, **waarden)
            verslag.nieuw.append(teldatum)
        elif any(getattr(cijfer, k) != v for k, v in waarden.items()):
            for k, v in waarden.items():
                setattr(cijfer, k, v)
            cijfer.save()
            verslag.gewijzigd.append(teldatum)
        else:
            verslag.ongewijzigd += 1
    return verslag


@transaction.atomic
def landelijk_cijfer_opslaan(
    *,
    teldatum: date,
    leerlingen_bo: int | None,
    leerlingen_sbo: int | None,
    leerlingen_so: int | None,
    deelname_sbo: Decimal | None,
    deelname_so: Decimal | None,
    opmerking: str = "",
    cijfer: LandelijkCijfer | None = None,
    door,
) -> LandelijkCijfer:
    """Enter or correct the national figures of one count date (DB or beleidsmedewerker)."""
    if not heeft_rol(door, *BEWERKEN):
        raise PermissionDenied
    for pct in (deelname_sbo, deelname_so):
        if pct is not None and not (0 <= pct <= 100):
            raise KwaliteitFout(_("A percentage lies between 0 and 100."))
    zelfde = LandelijkCijfer.objects.filter(teldatum=teldatum)
    if (zelfde.exclude(pk=cijfer.pk) if cijfer else zelfde).exists():
        raise KwaliteitFout(_("There are already national figures for this count date."))
    cijfer = cijfer or LandelijkCijfer()
    cijfer.teldatum, cijfer.opmerking = teldatum, opmerking
    cijfer.leerlingen_bo, cijfer.leerlingen_sbo, cijfer.leerlingen_so = leerlingen_bo, leerlingen_sbo, leerlingen_so
    cijfer.deelname_sbo, cijfer.deelname_so = deelname_sbo, deelname_so
    cijfer.bron = LandelijkCijfer.Bron.HANDMATIG
    cijfer.save()
    return cijfer
