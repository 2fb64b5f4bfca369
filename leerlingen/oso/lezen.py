"""From a validated OSO tree to the portal's view of it: what may be imported, and nothing else.

The standard's rules applied here:
- no BSN (nor education number) is ever taken over: the SWV profile forbids it, and the portal
  never needs it from this route;
- a category marked ``OPT-UIT`` (the parents' opt-out) or ``VERBODEN`` in
  ``metadata/categorie_uitlevering`` is never imported, even when the file carries it anyway (the
  preview then names it);
- the ``inzage`` block (did the parents see the dossier, do they agree, why not, consent) is kept;
- secret (``geheim``) addresses and contact data are marked, never shown.
"""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
import zlib
from dataclasses import dataclass

from django.utils.translation import gettext as _

from leerlingen.oso.xsd import Knoop
from swv.fouten import DomeinFout

#: category code -> (label, the elements of <leerling> (or of the dossier) that belong to it)
CATEGORIEEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "cat_ouderinzage": ("Ouderinzage", ("inzage",)),
    "cat_oudersverzorgers": ("Ouders/verzorgers", ("verzorger",)),
    "cat_vve": ("VVE", ("vanpeuterspeelzaal", "naampeuterspeelzaal", "voorschools", "vroegschools")),
    "cat_schoolloopbaan": ("Schoolloopbaan", ("schoolloopbaanlijst",)),
    "cat_overstapadvies": ("Overstapadvies", ("overstapadvies",)),
    "cat_onderwijsondersteuning": ("Onderwijsondersteuning", ("onderwijsondersteuning",)),
    "cat_verzuim": ("Verzuim", ("verzuim",)),
    "cat_eindtoetsbo": ("Eindtoets BO", ("eindtoets", "eindtoetslijst")),
    "cat_toetsresultaten": ("Toetsresultaten", ("toetslijst",)),
    "cat_handelingsplannen": ("Handelingsplannen", ("handelingsplan", "handelingsplanlijst")),
    "cat_cijferlijsten": ("Cijferlijsten", ("cijferlijstlijst",)),
    "cat_vombo": ("VO-MBO", ("vombo",)),
    "cat_bijlagedocs": ("Bijlagedocumenten", ("document", "documentLijst", "overigdocumentlijst")),
}
NIET_UITLEVEREN = {"OPT-UIT", "VERBODEN"}
#: elements never taken over, whatever the categories say
NOOIT = {"bsn", "sofinummer", "onderwijsnummer", "iban"}
PROFIELEN = {"POSWV", "POPO"}


class OsoFout(DomeinFout):
    """An OSO file whose content the portal cannot take over (a Dutch message for the ib-er)."""


@dataclass
class Bijlage:
    """An attachment's place in the tree and what the preview says about it."""

    knoop: Knoop
    categorie: str
    bestandsnaam: str
    omschrijving: str


def _ja(tekst: str) -> bool | None:
    return {"true": True, "1": True, "false": False, "0": False}.get(tekst.strip().lower())


def _adres(persoon: Knoop) -> str:
    adres = persoon.kind("adreslijst")
    a = adres.kind("adres") if adres is not None else None
    if a is None:
        return ""
    straat = " ".join(x for x in [a.waarde("straat"), a.waarde("nummer"), a.waarde("toevoeging")] if x)
    return ", ".join(x for x in [straat, " ".join(x for x in [a.waarde("postcode"), a.waarde("plaats")] if x)] if x)


def _communicatie(persoon: Knoop, soort: str) -> tuple[str, bool]:
    lijst = persoon.kind("communicatielijst")
    for c in lijst.alle("communicatie") if lijst is not None else []:
        if c.waarde("soort").lower().replace("-", "") == soort:
            return c.waarde("nummer"), bool(_ja(c.waarde("geheim")))
    return "", False


class Lezer:
    """Walks the tree once; ``weggelaten`` collects the elements dropped by a category."""

    def __init__(self, wortel: Knoop) -> None:
        self.wortel = wortel
        metadata = wortel.kind("metadata")
        if metadata is None:  # pragma: no cover - the schema requires it
            raise OsoFout(_("The OSO file has no metadata."))
        self.profiel = metadata.waarde("overstap")
        if self.profiel not in PROFIELEN:
            raise OsoFout(
                _(
                    "This OSO file has profile '%(profiel)s'; the portal receives POSWV (support request) and POPO (transfer)."
                )
                % {"profiel": self.profiel or "?"}
            )
        self.categorieen: dict[str, str] = {}
        uitlevering = metadata.kind("categorie_uitlevering")
        for k in uitlevering.kinderen if uitlevering is not None else []:
            self.categorieen[k.naam] = k.tekst.strip()
        self.geweigerd = {c for c, s in self.categorieen.items() if s in NIET_UITLEVEREN}
        self.genegeerd: set[str] = set()  # refused categories that were present anyway
        self.bsn_weggelaten = False

    def mag(self, element: str) -> bool:
        """May this element (of <leerling> or the dossier) be imported, given the categories?"""
        if element in NOOIT:
            if element in ("bsn", "sofinummer"):
                self.bsn_weggelaten = True
            return False
        for code, (_label, elementen) in CATEGORIEEN.items():
            if element in elementen and code in self.geweigerd:
                self.genegeerd.add(code)
                return False
        return True

    def lees(self) -> tuple[dict, list[Bijlage]]:
        w = self.wortel
        school = w.kind("huidigeschool")
        if school is None:  # pragma: no cover - the schema requires it
            raise OsoFout(_("The OSO file names no school."))
        leerling = school.kind("leerling")
        if leerling is None:
            raise OsoFout(_("The OSO file contains no pupil."))
        gegevens: dict = {
            "profiel": self.profiel,
            "overdrachtsoort": w.waarde("overdrachtsoort"),
            "pakket": w.waarde("metadata/pakketnaam"),
            "datum": w.waarde("metadata/datum"),
            "school": {
                "naam": school.waarde("naam"),
                "brin": school.waarde("brincode"),
                "vestigingscode": school.waarde("brincode") + school.waarde("vestigingscode"),
            },
        }
        inzage = w.kind("inzage")
        gegevens["inzage"] = (
            {
                "voorlopig": _ja(inzage.waarde("voorlopigdossier")),
                "inzage": _ja(inzage.waarde("inzage")),
                "datum": inzage.waarde("inzagedatum"),
                "akkoord": inzage.waarde("akkoord"),
                "reden_niet_akkoord": inzage.waarde("redennietakkoord"),
                "toestemming": inzage.waarde("toestemming"),
            }
            if inzage is not None and self.mag("inzage")
            else None
        )
        gegevens["leerling"] = self._leerling(leerling)
        kinderen = {k.naam for k in leerling.kinderen}
        for naam in kinderen:
            self.mag(naam)  # note refused categories and a BSN that were present
        gegevens["verzorgers"] = (
            [self._verzorger(v) for v in leerling.alle("verzorger")] if self.mag("verzorger") else []
        )
        gegevens["schoolloopbaan"] = self._loopbaan(leerling) if self.mag("schoolloopbaanlijst") else []
        gegevens["ondersteuning"] = self._ondersteuning(leerling)
        gegevens["toetsen"] = self._toetsen(leerling) if self.mag("toetslijst") else []
        gegevens["verzuim"] = self._verzuim(leerling) if self.mag("verzuim") else None
        advies = leerling.kind("overstapadvies")
        gegevens["overstapadvies"] = (
            {
                "advies": advies.waarde("advies"),
                "argumentatie": advies.waarde("argumentatie"),
                "aandachtspunten": advies.waarde("aandachtspunten"),
            }
            if advies is not None and self.mag("overstapadvies")
            else None
        )
        bijlagen = self._bijlagen(leerling)
        gegevens["bijlagen"] = [
            {"nummer": i, "bestandsnaam": b.bestandsnaam, "omschrijving": b.omschrijving, "categorie": b.categorie}
            for i, b in enumerate(bijlagen)
        ]
        gegevens["categorieen"] = self.categorieen
        gegevens["geweigerd"] = sorted(self.geweigerd)
        gegevens["genegeerd"] = sorted(self.genegeerd)
        gegevens["bsn_weggelaten"] = self.bsn_weggelaten
        gegevens["geimporteerd"] = sorted(
            code for code in ["cat_leerling", "cat_school", *CATEGORIEEN] if code not in self.geweigerd
        )
        return gegevens, bijlagen

    def _leerling(self, k: Knoop) -> dict:
        voornamen = [v.tekst.strip() for v in k.alle("voornaam")]
        lijst = k.kind("schoolloopbaanlijst")
        jaargroepen = [
            int(s.waarde("jaargroep"))
            for s in (lijst.alle("schoolloopbaan") if lijst is not None else [])
            if s.waarde("jaargroep").isdigit()
        ]
        groep = jaargroepen[-1] if jaargroepen and 1 <= jaargroepen[-1] <= 8 else None
        adres_geheim = bool(_ja(k.waarde("adresgeheim")))
        return {
            "voornaam": k.waarde("roepnaam") or (voornamen[0] if voornamen else ""),
            "voornamen": " ".join(voornamen),
            "tussenvoegsel": k.waarde("voorvoegsel"),
            "achternaam": k.waarde("achternaam"),
            "geboortedatum": k.waarde("geboortedatum"),
            "geslacht": k.waarde("geslacht"),
            "adres": "" if adres_geheim else _adres(k),
            "adres_geheim": adres_geheim,
            "groep": groep,
        }

    def _verzorger(self, v: Knoop) -> dict:
        voornamen = [x.tekst.strip() for x in v.alle("voornaam")]
        email, email_geheim = _communicatie(v, "email")
        telefoon, telefoon_geheim = _communicatie(v, "telefoon")
        return {
            "voornaam": voornamen[0] if voornamen else "",
            "tussenvoegsel": v.waarde("voorvoegsel"),
            "achternaam": v.waarde("achternaam"),
            "relatie": v.waarde("relatietotkind"),
            "gezag": bool(_ja(v.waarde("wettigevertegenwoordiger"))),
            "adres": _adres(v),
            "adres_geheim": bool(_ja(v.waarde("adresgeheim"))),
            "email": email,
            "email_geheim": email_geheim,
            "telefoon": telefoon,
            "telefoon_geheim": telefoon_geheim,
        }

    def _loopbaan(self, k: Knoop) -> list[dict]:
        lijst = k.kind("schoolloopbaanlijst")
        return [
            {
                "schooljaar": s.waarde("schooljaar"),
                "groep": s.waarde("groepsnaam") or s.waarde("groepscode"),
                "jaargroep": s.waarde("jaargroep"),
                "school": s.waarde("brincode") + s.waarde("vestigingscode"),
                "begindatum": s.waarde("begindatum"),
                "einddatum": s.waarde("einddatum"),
            }
            for s in (lijst.alle("schoolloopbaan") if lijst is not None else [])
        ]

    def _ondersteuning(self, k: Knoop) -> dict | None:
        o = k.kind("onderwijsondersteuning")
        if o is None or not self.mag("onderwijsondersteuning"):
            return None
        handelingsplannen = (
            [
                {"start": h.waarde("startdatum"), "einde": h.waarde("einddatum"), "gericht_op": h.waarde("isgerichtop")}
                for h in o.alle("handelingsplan")
            ]
            if self.mag("handelingsplan")
            else []
        )
        return {
            "onderwijsbehoeften": o.waarde("toelichting_onderwijsbehoeften/omschrijving"),
            "diagnoses": [
                {
                    "naam": d.waarde("naam"),
                    "code": d.waarde("code"),
                    "datum": d.waarde("datum"),
                    "instantie": d.waarde("instantie"),
                }
                for d in o.alle("diagnose")
            ],
            "medicijngebruik": _ja(o.waarde("medicijngebruik")),
            "handelingsplannen": handelingsplannen,
            "opp": [{"start": p.waarde("opp_ingangdatum"), "einde": p.waarde("opp_einddatum")} for p in o.alle("opp")],
            "tlv": [
                {
                    "start": t.waarde("tlvingangdatum"),
                    "einde": t.waarde("tlveinddatum"),
                    "categorie": t.waarde("tlvcategorie"),
                    "swv": t.waarde("tlvswvnummer"),
                }
                for t in o.alle("tlv")
            ],
            "arrangementen": [
                {
                    "soort": a.naam.removeprefix("arrangement_"),
                    "datum": a.waarde("arrangement_datum"),
                    "einde": a.waarde("arrangement_einddatum"),
                    "kenmerk": a.waarde("arrangement_kenmerk"),
                }
                for a in o.kinderen
                if a.naam.startswith("arrangement")
            ],
        }

    def _toetsen(self, k: Knoop) -> list[dict]:
        lijst = k.kind("toetslijst")
        uit = []
        for t in lijst.alle("toets") if lijst is not None else []:
            ref = t.kind("resultaat")
            score = ""
            if ref is not None:
                score = ref.waarde("referentiescore/waarde") or ref.waarde("toetsscore/aantalgoed")
            uit.append(
                {
                    "naam": t.waarde("toetsidentificatie/toetsnaam") or t.waarde("toetsidentificatie/eldtoetscode"),
                    "leergebied": t.waarde("toetsidentificatie/leergebied"),
                    "datum": t.waarde("afname/afnamedatum"),
                    "jaargroep": t.waarde("afname/jaargroep"),
                    "score": score,
                }
            )
        return uit

    def _verzuim(self, k: Knoop) -> dict | None:
        v = k.kind("verzuim")
        if v is None:
            return None
        return {
            "geoorloofd": v.waarde("dagdelengeoorloofd"),
            "ongeoorloofd": v.waarde("dagdelenongeoorloofd"),
            "meer_dan_25_procent": _ja(v.waarde("meerdan25percent")),
            "contact_leerplicht": _ja(v.waarde("contactleerplicht")),
        }

    def _bijlagen(self, leerling: Knoop) -> list[Bijlage]:
        """Attachments of the categories that may be imported (the ``document`` elements below them)."""
        if "cat_bijlagedocs" in self.geweigerd:
            if any(True for _d in leerling.iter("{*}document")):
                self.genegeerd.add("cat_bijlagedocs")
            return []
        uit: list[Bijlage] = []

        def loop(knoop: Knoop, categorie: str) -> None:
            for kind in knoop.kinderen:
                cat = categorie
                for code, (_label, elementen) in CATEGORIEEN.items():
                    if kind.naam in elementen and code != "cat_bijlagedocs":
                        cat = code
                if cat in self.geweigerd or kind.naam in NOOIT:
                    continue
                if kind.naam == "document":
                    uit.append(Bijlage(kind, cat, kind.waarde("bestandsnaam"), kind.waarde("omschrijving")))
                else:
                    loop(kind, cat)

        loop(leerling, "cat_leerling")
        return uit


def bijlage_uitpakken(bijlage: Bijlage) -> tuple[str, bytes]:
    """The attachment's file: base64, then the ZIP the standard prescribes, one file in it.

    ``OsoFout`` when it cannot be read; the content is checked by the caller (``valideer_upload``)."""
    inhoud = bijlage.knoop.kind("bestandsinhoud")
    tekst = inhoud.tekst if inhoud is not None else ""
    try:
        ruw = base64.b64decode("".join(tekst.split()), validate=True)
    except (binascii.Error, ValueError):
        raise OsoFout(_("the content is not valid base64")) from None
    try:
        with zipfile.ZipFile(io.BytesIO(ruw)) as z:
            namen = [i for i in z.infolist() if not i.is_dir()]
            if len(namen) != 1:
                raise OsoFout(_("the ZIP file must hold exactly one file"))
            if namen[0].file_size > 100 * 1024 * 1024:
                raise OsoFout(_("the file in the ZIP is too large"))
            return namen[0].filename.rsplit("/", 1)[-1], z.read(namen[0])
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError):
        raise OsoFout(_("the content is not a readable ZIP file")) from None
