"""Import of the organisation register from DUO open data (``shared/data/duo``, see its SOURCE.md).

For one SWV code (e.g. ``PO2801``) it reads:
- the PC4 -> SWV regulation (``regeling-regio-indeling-swv-pc4.csv``): which postcodes belong to the SWV;
- DUO's address file of all BO vestigingen (``02.-alle-schoolvestigingen-basisonderwijs.csv``, cp1252);
- DUO's historical pupil counts per vestiging (``06.-historisch-overzicht-...csv``, UTF-8 with BOM), which
  also lists the SBO, SO and SO/VSO vestigingen;
- the edugis GeoJSON for SBO/SO addresses (DUO's own SBO/SO address file is not available).
A school belongs to the SWV of the PC4 of its address, falling back to its gemeente when that
gemeente lies in exactly one SWV (the method of the ``afgeleid_*`` files).

Everything is parsed and validated first; any malformed value raises ``DuoImportFout`` naming the
file, line and column, and nothing is written. Then one transaction creates or updates the rows and
a ``ImportRapport`` says what changed. Re-running with unchanged files changes nothing.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from swv.choices import Soort
from swv.models import Bestuur, Gemeente, Leerlingtelling, Samenwerkingsverband, School

ADRESSEN_BO = "02.-alle-schoolvestigingen-basisonderwijs.csv"
HISTORISCH = "06.-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv"
REGELING = "regeling-regio-indeling-swv-pc4.csv"
EDUGIS = "edugis_scholen20241122.geo.json"

#: Names of SWVs found in the seeds; others get a neutral name that the beheerder can edit.
BEKENDE_NAMEN = {
    "PO2801": "Passend Primair Onderwijs regio Leiden (PPO)",
    "PO2815": "Stichting Passend Primair Onderwijs Haaglanden (SPPOH)",
    "PO2707": "Samenwerkingsverband Passend Primair Onderwijs Amsterdam-Diemen",
}

SPECIALE_SOORTEN = {"SBO": Soort.SBO, "SO": Soort.SO, "SO/VSO": Soort.SO_VSO}
_VESTIGING_RE = re.compile(r"^[0-9]{2}[0-9A-Z]{2}[0-9]{2}$")
_POSTCODE_RE = re.compile(r"^([0-9]{4}) ?([A-Z]{2})$")
_KLEINE_WOORDEN = {"en", "aan", "den", "de", "op", "van", "der", "in", "bij", "ter", "het", "a/d"}


class DuoImportFout(Exception):
    """A malformed source file: names the file, line and column; nothing has been imported."""

    def __init__(self, bestand: str, regel: int, kolom: str, melding: str):
        self.bestand, self.regel, self.kolom, self.melding = bestand, regel, kolom, melding
        super().__init__(f"{bestand}, regel {regel}, kolom {kolom}: {melding}")


def teldatum_voor_kolom(jaar: int) -> date:
    """The count date behind DUO's ``LEERLINGEN_YYYY`` column: 1 October of that year (SOURCE.md, A2).

    Counts from a source that uses the 1 February teldatum (from 2023 on) are stored with that
    date by their own importer; this file's dates are never reinterpreted.
    """
    return date(jaar, 10, 1)


def naam_netjes(tekst: str) -> str:
    """DUO writes place and gemeente names in capitals; make them readable (``Kaag en Braassem``)."""
    tekst = " ".join(tekst.split())
    if tekst.upper() in {"S GRAVENHAGE", "'S-GRAVENHAGE"}:
        return "'s-Gravenhage"
    if tekst != tekst.upper():
        return tekst
    woorden = []
    for i, woord in enumerate(tekst.lower().split(" ")):
        if i and woord in _KLEINE_WOORDEN:
            woorden.append(woord)
        else:
            woorden.append("-".join(d[:1].upper() + d[1:] for d in woord.split("-")))
    return " ".join(woorden)


@dataclass
class SchoolRij:
    vestigingscode: str
    brin: str
    naam: str
    soort: str
    denominatie: str
    straat: str
    huisnummer: str
    postcode: str
    plaats: str
    internetadres: str
    gemeente_code: str
    gemeente_naam: str
    bestuur_nummer: str
    tellingen: dict[date, int | None] = field(default_factory=dict)


@dataclass
class ImportRapport:
    swv_code: str
    aangemaakt: list[str] = field(default_factory=list)
    gewijzigd: dict[str, list[str]] = field(default_factory=dict)
    ongewijzigd: int = 0
    gedeactiveerd: list[str] = field(default_factory=list)
    tellingen_nieuw: int = 0
    tellingen_gewijzigd: int = 0
    per_soort: dict[str, int] = field(default_factory=dict)

    @property
    def aantal_scholen(self) -> int:
        return sum(self.per_soort.values())

    def regels(self) -> list[str]:
        soorten = ", ".join(f"{n} {s}" for s, n in sorted(self.per_soort.items()))
        out = [
            f"SWV {self.swv_code}: {self.aantal_scholen} vestigingen ({soorten}).",
            f"Nieuw: {len(self.aangemaakt)}, gewijzigd: {len(self.gewijzigd)}, ongewijzigd: {self.ongewijzigd}, "
            f"niet meer in de bron (inactief gemaakt): {len(self.gedeactiveerd)}.",
            f"Leerlingtellingen nieuw: {self.tellingen_nieuw}, gewijzigd: {self.tellingen_gewijzigd}.",
        ]
        for code, velden in sorted(self.gewijzigd.items()):
            out.append(f"  gewijzigd {code}: {', '.join(velden)}")
        for code in self.gedeactiveerd:
            out.append(f"  inactief: {code}")
        return out


def _lees_csv(pad: Path, encoding: str, verplicht: list[str]) -> list[tuple[int, dict[str, str]]]:
    if not pad.exists():
        raise DuoImportFout(pad.name, 0, "-", "bestand niet gevonden")
    try:
        with pad.open(encoding=encoding, newline="") as fh:
            reader = csv.reader(fh, delimiter=";")
            try:
                kop = [k.strip() for k in next(reader)]
            except StopIteration:
                raise DuoImportFout(pad.name, 1, "-", "het bestand is leeg") from None
            for kolom in verplicht:
                if kolom not in kop:
                    raise DuoImportFout(pad.name, 1, kolom, "verplichte kolom ontbreekt in de kopregel")
            rijen = []
            for regelnr, waarden in enumerate(reader, start=2):
                if not any(v.strip() for v in waarden):
                    continue
                if len(waarden) != len(kop):
                    raise DuoImportFout(pad.name, regelnr, "-", f"{len(waarden)} velden gevonden, {len(kop)} verwacht")
                rijen.append((regelnr, {k: v.strip() for k, v in zip(kop, waarden)}))
            return rijen
    except UnicodeDecodeError as exc:
        raise DuoImportFout(pad.name, 0, "-", f"tekens niet te lezen als {encoding} ({exc.reason})") from None
    except csv.Error as exc:
        raise DuoImportFout(pad.name, 0, "-", f"geen geldig CSV-bestand ({exc})") from None


def _postcode(bestand: str, regel: int, kolom: str, waarde: str, verplicht: bool = True) -> str:
    waarde = waarde.strip().upper()
    if not waarde and not verplicht:
        return ""
    m = _POSTCODE_RE.match(waarde)
    if not m:
        raise DuoImportFout(bestand, regel, kolom, f"ongeldige postcode {waarde!r}")
    return f"{m.group(1)} {m.group(2)}"


def _vestigingscode(bestand: str, regel: int, kolom: str, waarde: str) -> str:
    if not _VESTIGING_RE.match(waarde):
        raise DuoImportFout(bestand, regel, kolom, f"ongeldige vestigingscode {waarde!r}")
    return waarde


def _gemeentecode(bestand: str, regel: int, kolom: str, waarde: str) -> str:
    if not waarde.isdigit() or len(waarde) > 4:
        raise DuoImportFout(bestand, regel, kolom, f"ongeldige gemeentecode {waarde!r}")
    return waarde.zfill(4)


def _bestuursnummer(bestand: str, regel: int, kolom: str, waarde: str) -> str:
    if not waarde.isdigit():
        raise DuoImportFout(bestand, regel, kolom, f"ongeldig bevoegd-gezagnummer {waarde!r}")
    return waarde


def _telling(bestand: str, regel: int, kolom: str, waarde: str) -> int | None | str:
    """Return an int, ``None`` for DUO's masked ``<5``, or ``"0"`` for 'no pupils / not existing'."""
    if waarde == "<5":
        return None
    if not waarde.isdigit():
        raise DuoImportFout(bestand, regel, kolom, f"ongeldig aantal leerlingen {waarde!r}")
    return int(waarde) if int(waarde) else "0"


def lees_regeling(map_: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """PC4 -> SWV code, and gemeente name (lower case) -> the SWV codes it lies in."""
    pc4_swv: dict[str, str] = {}
    gemeente_swvs: dict[str, set[str]] = defaultdict(set)
    for regel, rij in _lees_csv(map_ / REGELING, "utf-8-sig", ["PC4", "GEMEENTE", "PO_SWV"]):
        if not (rij["PC4"].isdigit() and len(rij["PC4"]) == 4):
            raise DuoImportFout(REGELING, regel, "PC4", f"ongeldige PC4 {rij['PC4']!r}")
        pc4_swv[rij["PC4"]] = rij["PO_SWV"]
        gemeente_swvs[rij["GEMEENTE"].lower()].add(rij["PO_SWV"])
    return pc4_swv, gemeente_swvs


def swv_voor(postcode: str, gemeente_naam: str, pc4_swv: dict[str, str], gemeente_swvs) -> str | None:
    """The PO SWV a vestiging belongs to: that of the PC4 of its address, else that of its gemeente
    when the gemeente lies in exactly one SWV; ``None`` when neither decides."""
    pc4 = postcode[:4]
    if pc4 in pc4_swv:
        return pc4_swv[pc4]
    kandidaten = gemeente_swvs.get(naam_netjes(gemeente_naam).lower(), set())
    return next(iter(kandidaten)) if len(kandidaten) == 1 else None


def _hoort_bij(swv_code, postcode, gemeente_naam, pc4_swv, gemeente_swvs) -> bool:
    return swv_voor(postcode, gemeente_naam, pc4_swv, gemeente_swvs) == swv_code


def swv_per_vestiging(map_: Path, gemeenten: dict[str, str]) -> dict[str, str]:
    """Every vestiging of DUO's historical file (BO, SBO, SO, SO/VSO; closed ones too) -> the PO SWV
    it lies in, by the same rule as the register import (address PC4, else a gemeente in one SWV).
    BO addresses come from DUO's address file, SBO/SO addresses from the edugis file; a vestiging
    without an address falls back to its gemeente (``gemeenten``: vestigingscode -> gemeente name,
    as the caller read them from the historical file); one that neither decides is left out."""
    map_ = Path(map_)
    pc4_swv, gemeente_swvs = lees_regeling(map_)
    postcodes: dict[str, str] = {}
    for _regel, rij in _lees_csv(map_ / ADRESSEN_BO, "cp1252", ["VESTIGINGSCODE", "POSTCODE"]):
        postcodes[rij["VESTIGINGSCODE"]] = rij["POSTCODE"].replace(" ", "").upper()
    try:
        features = json.loads((map_ / EDUGIS).read_text(encoding="utf-8"))["features"]
    except FileNotFoundError:
        raise DuoImportFout(EDUGIS, 0, "-", "bestand niet gevonden") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DuoImportFout(EDUGIS, getattr(exc, "lineno", 0), "-", "geen geldige GeoJSON FeatureCollection") from None
    for feat in features:
        props = feat.get("properties") or {}
        if props.get("vestigingscode") and props.get("postcode"):
            postcodes.setdefault(props["vestigingscode"], str(props["postcode"]).replace(" ", "").upper())
    uitkomst: dict[str, str] = {}
    for code, gemeente in gemeenten.items():
        swv = swv_voor(postcodes.get(code, ""), gemeente, pc4_swv, gemeente_swvs)
        if swv and swv.startswith("PO"):
            uitkomst[code] = swv
    return uitkomst


def lees_bronnen(map_: Path, swv_code: str) -> list[SchoolRij]:
    """Parse and validate every source file; return the vestigingen of ``swv_code`` with counts."""
    map_ = Path(map_)
    pc4_swv, gemeente_swvs = lees_regeling(map_)
    if swv_code not in set(pc4_swv.values()):
        raise DuoImportFout(REGELING, 0, "PO_SWV", f"SWV-code {swv_code} komt niet voor in de regeling")

    # Historical counts (and the list of SBO/SO vestigingen).
    historisch = _lees_csv(
        map_ / HISTORISCH,
        "utf-8-sig",
        [
            "INSTELLINGSCODE",
            "VESTIGINGSCODE",
            "NAAM_VESTIGING",
            "SOORT_VESTIGING",
            "BEVOEGD_GEZAG_NUMMER",
            "GEMEENTECODE_VESTIGING",
            "GEMEENTENAAM_VESTIGING",
            "DENOMINATIE_VESTIGING",
        ],
    )
    jaar_kolommen = (
        sorted((int(k.split("_")[1]), k) for k in historisch[0][1] if re.fullmatch(r"LEERLINGEN_[0-9]{4}", k))
        if historisch
        else []
    )
    if not jaar_kolommen:
        raise DuoImportFout(HISTORISCH, 1, "LEERLINGEN_YYYY", "geen kolommen met leerlingaantallen gevonden")
    laatste_kolom = jaar_kolommen[-1][1]
    tellingen: dict[str, dict[date, int | None]] = {}
    speciaal: dict[str, tuple[int, dict[str, str]]] = {}
    for regel, rij in historisch:
        code = _vestigingscode(HISTORISCH, regel, "VESTIGINGSCODE", rij["VESTIGINGSCODE"])
        per_datum: dict[date, int | None] = {}
        for jaar, kolom in jaar_kolommen:
            waarde = _telling(HISTORISCH, regel, kolom, rij[kolom])
            if waarde != "0":
                per_datum[teldatum_voor_kolom(jaar)] = waarde  # type: ignore[assignment]
        tellingen[code] = per_datum
        if rij["SOORT_VESTIGING"] in SPECIALE_SOORTEN and rij[laatste_kolom] not in ("0", ""):
            speciaal[code] = (regel, rij)

    # Addresses of SBO/SO from the edugis GeoJSON.
    pad = map_ / EDUGIS
    try:
        features = json.loads(pad.read_text(encoding="utf-8"))["features"]
    except FileNotFoundError:
        raise DuoImportFout(EDUGIS, 0, "-", "bestand niet gevonden") from None
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise DuoImportFout(EDUGIS, getattr(exc, "lineno", 0), "-", "geen geldige GeoJSON FeatureCollection") from None
    edugis = {}
    for i, feat in enumerate(features, start=1):
        props = feat.get("properties") or {}
        if props.get("vestigingscode"):
            edugis[props["vestigingscode"]] = (i, props)

    rijen: list[SchoolRij] = []
    # BO from DUO's address file.
    for regel, rij in _lees_csv(
        map_ / ADRESSEN_BO,
        "cp1252",
        [
            "BEVOEGD GEZAG NUMMER",
            "INSTELLINGSCODE",
            "VESTIGINGSCODE",
            "VESTIGINGSNAAM",
            "STRAATNAAM",
            "HUISNUMMER-TOEVOEGING",
            "POSTCODE",
            "PLAATSNAAM",
            "GEMEENTENUMMER",
            "GEMEENTENAAM",
            "DENOMINATIE",
        ],
    ):
        code = _vestigingscode(ADRESSEN_BO, regel, "VESTIGINGSCODE", rij["VESTIGINGSCODE"])
        postcode = _postcode(ADRESSEN_BO, regel, "POSTCODE", rij["POSTCODE"])
        gemeente = _gemeentecode(ADRESSEN_BO, regel, "GEMEENTENUMMER", rij["GEMEENTENUMMER"])
        bestuur = _bestuursnummer(ADRESSEN_BO, regel, "BEVOEGD GEZAG NUMMER", rij["BEVOEGD GEZAG NUMMER"])
        if not _hoort_bij(swv_code, postcode, rij["GEMEENTENAAM"], pc4_swv, gemeente_swvs):
            continue
        rijen.append(
            SchoolRij(
                vestigingscode=code,
                brin=rij["INSTELLINGSCODE"],
                naam=rij["VESTIGINGSNAAM"],
                soort=Soort.BO,
                denominatie=rij["DENOMINATIE"],
                straat=rij["STRAATNAAM"],
                huisnummer=rij["HUISNUMMER-TOEVOEGING"],
                postcode=postcode,
                plaats=naam_netjes(rij["PLAATSNAAM"]),
                internetadres=rij.get("INTERNETADRES", ""),
                gemeente_code=gemeente,
                gemeente_naam=naam_netjes(rij["GEMEENTENAAM"]),
                bestuur_nummer=bestuur,
                tellingen=tellingen.get(code, {}),
            )
        )

    # SBO, SO and SO/VSO from the historical file, with edugis addresses.
    for code, (regel, rij) in sorted(speciaal.items()):
        adres = edugis.get(code, (0, {}))[1]
        postcode = _postcode(
            EDUGIS, edugis.get(code, (0,))[0], "postcode", adres.get("postcode") or "", verplicht=False
        )
        if not _hoort_bij(swv_code, postcode, rij["GEMEENTENAAM_VESTIGING"], pc4_swv, gemeente_swvs):
            continue
        huisnummer = "".join(str(adres.get(k) or "") for k in ("huisnummer", "huisletter"))
        if adres.get("huisnummertoevoeging"):
            huisnummer += f"-{adres['huisnummertoevoeging']}"
        rijen.append(
            SchoolRij(
                vestigingscode=code,
                brin=rij["INSTELLINGSCODE"],
                naam=rij["NAAM_VESTIGING"],
                soort=SPECIALE_SOORTEN[rij["SOORT_VESTIGING"]],
                denominatie=rij["DENOMINATIE_VESTIGING"],
                straat=adres.get("straat") or "",
                huisnummer=huisnummer,
                postcode=postcode,
                plaats=naam_netjes(adres.get("plaats") or rij["GEMEENTENAAM_VESTIGING"]),
                internetadres=adres.get("internetadres") or "",
                gemeente_code=_gemeentecode(HISTORISCH, regel, "GEMEENTECODE_VESTIGING", rij["GEMEENTECODE_VESTIGING"]),
                gemeente_naam=naam_netjes(rij["GEMEENTENAAM_VESTIGING"]),
                bestuur_nummer=_bestuursnummer(HISTORISCH, regel, "BEVOEGD_GEZAG_NUMMER", rij["BEVOEGD_GEZAG_NUMMER"]),
                tellingen=tellingen.get(code, {}),
            )
        )
    return rijen


_SCHOOLVELDEN = ["brin", "naam", "soort", "denominatie", "straat", "huisnummer", "postcode", "plaats", "internetadres"]


@transaction.atomic
def duo_importeren(*, map_: Path, swv_code: str, swv_naam: str | None = None) -> ImportRapport:
    """Create or update the SWV's register from the DUO files (all or nothing)."""
    rijen = lees_bronnen(Path(map_), swv_code)
    rapport = ImportRapport(swv_code=swv_code)
    swv, _ = Samenwerkingsverband.objects.get_or_create(
        code=swv_code, defaults={"naam": swv_naam or BEKENDE_NAMEN.get(swv_code, f"Samenwerkingsverband {swv_code}")}
    )

    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    for rij in rijen:
        if rij.gemeente_code not in gemeenten:
            gemeenten[rij.gemeente_code] = Gemeente.objects.create(code=rij.gemeente_code, naam=rij.gemeente_naam)
    besturen = {b.nummer: b for b in Bestuur.objects.all()}
    for rij in rijen:
        if rij.bestuur_nummer not in besturen:
            # DUO's open data used here has no board names; the beheerder can fill them in.
            besturen[rij.bestuur_nummer] = Bestuur.objects.create(
                nummer=rij.bestuur_nummer, naam=f"Bestuur {rij.bestuur_nummer}"
            )

    bestaand = {
        s.vestigingscode: s for s in School.objects.filter(vestigingscode__in=[r.vestigingscode for r in rijen])
    }
    nieuw, bij_te_werken = [], []
    for rij in rijen:
        rapport.per_soort[rij.soort] = rapport.per_soort.get(rij.soort, 0) + 1
        waarden = {k: getattr(rij, k) for k in _SCHOOLVELDEN}
        waarden.update(
            gemeente=gemeenten[rij.gemeente_code], bestuur=besturen[rij.bestuur_nummer], swv=swv, actief=True
        )
        school = bestaand.get(rij.vestigingscode)
        if school is None:
            nieuw.append(School(vestigingscode=rij.vestigingscode, **waarden))
            rapport.aangemaakt.append(rij.vestigingscode)
            continue
        gewijzigd = [k for k, v in waarden.items() if getattr(school, k) != v]
        if gewijzigd:
            for k in gewijzigd:
                setattr(school, k, waarden[k])
            bij_te_werken.append(school)
            rapport.gewijzigd[rij.vestigingscode] = gewijzigd
        else:
            rapport.ongewijzigd += 1
    if nieuw:
        bulk_create_with_history(nieuw, School, batch_size=500)
    if bij_te_werken:
        bulk_update_with_history(
            bij_te_werken, School, _SCHOOLVELDEN + ["gemeente", "bestuur", "swv", "actief"], batch_size=500
        )

    verdwenen = School.objects.filter(swv=swv, actief=True).exclude(
        vestigingscode__in=[r.vestigingscode for r in rijen]
    )
    rapport.gedeactiveerd = sorted(verdwenen.values_list("vestigingscode", flat=True))
    for school in verdwenen:
        school.actief = False
        school.save(update_fields=["actief"])

    scholen = {s.vestigingscode: s for s in School.objects.filter(vestigingscode__in=[r.vestigingscode for r in rijen])}
    bestaande_tellingen = {
        (t.school_id, t.teldatum): t for t in Leerlingtelling.objects.filter(school__in=scholen.values())
    }
    nieuwe_tellingen, gewijzigde_tellingen = [], []
    for rij in rijen:
        school = scholen[rij.vestigingscode]
        for teldatum, aantal in rij.tellingen.items():
            masker = aantal is None
            t = bestaande_tellingen.get((school.pk, teldatum))
            if t is None:
                nieuwe_tellingen.append(
                    Leerlingtelling(school=school, teldatum=teldatum, aantal=aantal, minder_dan_vijf=masker)
                )
            elif t.aantal != aantal or t.minder_dan_vijf != masker:
                t.aantal, t.minder_dan_vijf = aantal, masker
                gewijzigde_tellingen.append(t)
    if nieuwe_tellingen:
        bulk_create_with_history(nieuwe_tellingen, Leerlingtelling, batch_size=1000)
    if gewijzigde_tellingen:
        bulk_update_with_history(gewijzigde_tellingen, Leerlingtelling, ["aantal", "minder_dan_vijf"], batch_size=1000)
    rapport.tellingen_nieuw, rapport.tellingen_gewijzigd = len(nieuwe_tellingen), len(gewijzigde_tellingen)
    return rapport
