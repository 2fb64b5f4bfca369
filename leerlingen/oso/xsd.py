"""Reading an OSO file safely and checking it against the OSO XSD, with the Python standard library.

Neither lxml nor xmlschema is installed in this project (see docs/oso.md), so this module holds a
small XML Schema validator for the subset of XSD 1.0 that the OSO gegevensset uses: global and local
elements (``ref``/``type``/inline types), ``sequence``/``choice``/``group`` with ``minOccurs``/
``maxOccurs``, ``complexContent``/``simpleContent`` extensions, attributes, and simple types
restricted by ``enumeration``, ``pattern``, ``minLength``/``maxLength`` and ``min``/``maxInclusive``
over the built-in types the schema uses. Anything else in a schema raises ``NotImplementedError``
at load time (a test loads the OSO schema), so the validator never silently accepts what it does
not understand.

Parsing is streamed (``xml.parsers.expat`` over the file object, in chunks): every element keeps its line
number for the Dutch error message; a DOCTYPE (entities, XXE) is refused outright.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from xml.parsers import expat

from django.utils.translation import gettext as _

XS = "{http://www.w3.org/2001/XMLSchema}"
SCHEMA_PAD = Path(__file__).parent / "schema" / "OSO_gegevensset.xsd"


class XmlFout(ValueError):
    """The file is not well-formed XML or breaks the schema; ``regel`` is the line (when known)."""

    def __init__(self, bericht: str, regel: int | None = None):
        super().__init__(bericht)
        self.bericht = bericht
        self.regel = regel


# --- a small element tree with line numbers --------------------------------------------------


@dataclass(eq=False)
class Knoop:
    tag: str  # "{namespace}local"
    regel: int
    attrib: dict[str, str] = field(default_factory=dict)
    kinderen: list[Knoop] = field(default_factory=list)
    tekst: str = ""

    @property
    def naam(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    def kind(self, naam: str) -> Knoop | None:
        for k in self.kinderen:
            if k.naam == naam:
                return k
        return None

    def alle(self, naam: str) -> list[Knoop]:
        return [k for k in self.kinderen if k.naam == naam]

    def waarde(self, pad: str, standaard: str = "") -> str:
        """The text of the element at a ``a/b/c`` path below this one ("" when absent)."""
        knoop: Knoop | None = self
        for deel in pad.split("/"):
            knoop = knoop.kind(deel) if knoop is not None else None
        return knoop.tekst.strip() if knoop is not None else standaard

    def iter(self, naam: str):
        for k in self.kinderen:
            if k.naam == naam:
                yield k
            yield from k.iter(naam)


class _Doctype(Exception):
    pass


def lees_xml(bestand) -> Knoop:
    """Parse a file object (streamed in chunks of 1 MB) into ``Knoop`` objects with line numbers;
    ``XmlFout`` when not well-formed. A DOCTYPE is refused (no entity expansion, no external entities)."""
    parser = expat.ParserCreate(namespace_separator="}")
    stapel: list[Knoop] = []
    stukken: list[list[str]] = []
    wortel: list[Knoop] = []

    def start(naam: str, attrs: dict[str, str]) -> None:
        knoop = Knoop(
            tag="{" + naam if "}" in naam else naam,
            regel=parser.CurrentLineNumber,
            attrib={("{" + a if "}" in a else a): v for a, v in attrs.items()},
        )
        if stapel:
            stapel[-1].kinderen.append(knoop)
        else:
            wortel.append(knoop)
        stapel.append(knoop)
        stukken.append([])

    def tekst(data: str) -> None:
        if stukken:
            stukken[-1].append(data)

    def einde(naam: str) -> None:
        knoop = stapel.pop()
        knoop.tekst = "".join(stukken.pop())  # joined once, also for a 20 MB attachment

    def doctype(*args) -> None:
        raise _Doctype

    parser.StartElementHandler = start
    parser.EndElementHandler = einde
    parser.CharacterDataHandler = tekst
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.buffer_text = True
    bestand.seek(0)
    try:
        while stuk := bestand.read(1024 * 1024):
            parser.Parse(stuk, False)
        parser.Parse(b"", True)
    except _Doctype:
        raise XmlFout(
            _("The file contains a DOCTYPE declaration; OSO files have none."), parser.CurrentLineNumber
        ) from None
    except expat.ExpatError as fout:
        raise XmlFout(
            _("The file is not valid XML (%(fout)s).") % {"fout": expat.ErrorString(fout.code)}, fout.lineno
        ) from None
    if not wortel:
        raise XmlFout(_("The file is not valid XML (no root element)."))
    return wortel[0]


# --- the schema ------------------------------------------------------------------------------

ONBEGRENSD = -1


@dataclass
class Enkelvoudig:
    """A simple type: a built-in base and facets."""

    basis: str
    enumeratie: list[str] | None = None
    patronen: list[re.Pattern] = field(default_factory=list)
    min_lengte: int | None = None
    max_lengte: int | None = None
    min_incl: Decimal | None = None
    max_incl: Decimal | None = None


@dataclass
class Deeltje:
    """A particle: an element (``element`` set) or a ``sequence``/``choice`` of particles."""

    soort: str  # "element" | "sequence" | "choice"
    min: int = 1
    max: int = 1
    element: Element | None = None
    delen: list[Deeltje] = field(default_factory=list)


@dataclass
class Samengesteld:
    inhoud: Deeltje | None = None  # None: empty content
    enkelvoudig: Enkelvoudig | None = None  # simpleContent
    attributen: dict[str, tuple[Enkelvoudig, bool]] = field(default_factory=dict)  # name -> (type, required)


@dataclass(eq=False)
class Element:
    naam: str
    type: Samengesteld | Enkelvoudig | None = None


def _occurs(knoop: Knoop) -> tuple[int, int]:
    mn = int(knoop.attrib.get("minOccurs", "1"))
    mx_tekst = knoop.attrib.get("maxOccurs", "1")
    return mn, ONBEGRENSD if mx_tekst == "unbounded" else int(mx_tekst)


def _xsd_patroon(patroon: str) -> re.Pattern:
    return re.compile(patroon.replace(r"\p{Nd}", r"\d"))


class Schema:
    """The OSO schema, loaded once from ``leerlingen/oso/schema``."""

    def __init__(self, pad: Path) -> None:
        with open(pad, "rb") as f:
            wortel = lees_xml(f)
        self.ns = wortel.attrib["targetNamespace"]
        self._xsd: dict[tuple[str, str], Knoop] = {}
        for k in wortel.kinderen:
            if k.tag.startswith(XS) and "name" in k.attrib:
                self._xsd[(k.naam, k.attrib["name"])] = k
        self._elementen: dict[str, Element] = {}
        self._typen: dict[str, Samengesteld | Enkelvoudig] = {}
        self._groepen: dict[str, Deeltje] = {}
        self.wortels = {n: self._globaal_element(n) for (soort, n) in list(self._xsd) if soort == "element"}

    # loading ---------------------------------------------------------------------------------

    def _globaal_element(self, naam: str) -> Element:
        if naam not in self._elementen:
            element = Element(naam)
            self._elementen[naam] = element  # before its type: recursion ends here
            element.type = self._type_van(self._xsd[("element", naam)])
        return self._elementen[naam]

    def _type_van(self, decl: Knoop) -> Samengesteld | Enkelvoudig:
        if "type" in decl.attrib:
            return self._benoemd_type(decl.attrib["type"])
        for k in decl.kinderen:
            if k.tag == XS + "complexType":
                return self._samengesteld(k)
            if k.tag == XS + "simpleType":
                return self._enkelvoudig(k)
        return Enkelvoudig("string")  # anyType without children: treat text as string

    def _benoemd_type(self, naam: str) -> Samengesteld | Enkelvoudig:
        if naam.startswith("xs:"):
            return Enkelvoudig(naam[3:])
        if naam not in self._typen:
            if ("complexType", naam) in self._xsd:
                self._typen[naam] = Samengesteld()  # placeholder for recursion
                self._typen[naam].__dict__.update(self._samengesteld(self._xsd[("complexType", naam)]).__dict__)
            else:
                self._typen[naam] = self._enkelvoudig(self._xsd[("simpleType", naam)])
        return self._typen[naam]

    def _enkelvoudig(self, decl: Knoop) -> Enkelvoudig:
        for k in decl.kinderen:
            if k.tag == XS + "restriction":
                basis = self._benoemd_type(k.attrib["base"])
                if not isinstance(basis, Enkelvoudig):
                    raise NotImplementedError("restriction of a complex type")
                t = Enkelvoudig(
                    basis.basis,
                    list(basis.enumeratie) if basis.enumeratie is not None else None,
                    list(basis.patronen),
                    basis.min_lengte,
                    basis.max_lengte,
                    basis.min_incl,
                    basis.max_incl,
                )
                enums = []
                for f in k.kinderen:
                    w = f.attrib.get("value", "")
                    if f.tag == XS + "enumeration":
                        enums.append(w)
                    elif f.tag == XS + "pattern":
                        t.patronen.append(_xsd_patroon(w))
                    elif f.tag == XS + "minLength":
                        t.min_lengte = int(w)
                    elif f.tag == XS + "maxLength":
                        t.max_lengte = int(w)
                    elif f.tag == XS + "minInclusive":
                        t.min_incl = Decimal(w)
                    elif f.tag == XS + "maxInclusive":
                        t.max_incl = Decimal(w)
                    elif f.tag != XS + "annotation":
                        raise NotImplementedError(f.naam)
                if enums:
                    t.enumeratie = enums
                return t
            if k.tag != XS + "annotation":
                raise NotImplementedError(k.naam)
        raise NotImplementedError("simpleType without restriction")

    def _samengesteld(self, decl: Knoop) -> Samengesteld:
        t = Samengesteld()
        for k in decl.kinderen:
            if k.tag in (XS + "sequence", XS + "choice", XS + "group"):
                t.inhoud = self._deeltje(k)
            elif k.tag == XS + "attribute":
                self._attribuut(t, k)
            elif k.tag == XS + "complexContent":
                ext = self._extensie(k)
                basis = self._benoemd_type(ext.attrib["base"])
                if not isinstance(basis, Samengesteld):
                    raise NotImplementedError("complexContent over a simple type")
                delen = [basis.inhoud] if basis.inhoud else []
                t.attributen.update(basis.attributen)
                for e in ext.kinderen:
                    if e.tag in (XS + "sequence", XS + "choice", XS + "group"):
                        delen.append(self._deeltje(e))
                    elif e.tag == XS + "attribute":
                        self._attribuut(t, e)
                t.inhoud = delen[0] if len(delen) == 1 else (Deeltje("sequence", delen=delen) if delen else None)
            elif k.tag == XS + "simpleContent":
                ext = self._extensie(k)
                basis = self._benoemd_type(ext.attrib["base"])
                if not isinstance(basis, Enkelvoudig):
                    raise NotImplementedError("simpleContent over a complex type")
                t.enkelvoudig = basis
                for e in ext.kinderen:
                    if e.tag == XS + "attribute":
                        self._attribuut(t, e)
            elif k.tag != XS + "annotation":
                raise NotImplementedError(k.naam)
        return t

    def _extensie(self, inhoud: Knoop) -> Knoop:
        for e in inhoud.kinderen:
            if e.tag == XS + "extension":
                return e
        raise NotImplementedError("restriction of complex content")

    def _attribuut(self, t: Samengesteld, decl: Knoop) -> None:
        soort = self._type_van(decl)
        if not isinstance(soort, Enkelvoudig):
            raise NotImplementedError("complex attribute")
        t.attributen[decl.attrib["name"]] = (soort, decl.attrib.get("use") == "required")

    def _deeltje(self, decl: Knoop) -> Deeltje:
        mn, mx = _occurs(decl)
        if decl.tag == XS + "group":
            naam = decl.attrib["ref"]
            groep = self._xsd[("group", naam)]
            binnen = next(k for k in groep.kinderen if k.tag in (XS + "sequence", XS + "choice"))
            return Deeltje("sequence", mn, mx, delen=[self._deeltje(binnen)])
        if decl.tag == XS + "element":
            if "ref" in decl.attrib:
                return Deeltje("element", mn, mx, element=self._globaal_element(decl.attrib["ref"]))
            element = Element(decl.attrib["name"])
            element.type = self._type_van(decl)
            return Deeltje("element", mn, mx, element=element)
        soort = decl.naam
        if soort not in ("sequence", "choice"):
            raise NotImplementedError(soort)
        delen = [
            self._deeltje(k)
            for k in decl.kinderen
            if k.tag in (XS + "element", XS + "sequence", XS + "choice", XS + "group")
        ]
        for k in decl.kinderen:
            if k.tag not in (XS + "element", XS + "sequence", XS + "choice", XS + "group", XS + "annotation"):
                raise NotImplementedError(k.naam)
        return Deeltje(soort, mn, mx, delen=delen)

    # validating ------------------------------------------------------------------------------

    def valideer(self, wortel: Knoop) -> None:
        """Raise ``XmlFout`` (Dutch, with element and line) at the first place the tree breaks the schema."""
        ns, _sep, naam = wortel.tag[1:].partition("}") if wortel.tag.startswith("{") else ("", "", wortel.tag)
        if ns != self.ns or naam not in self.wortels:
            raise XmlFout(
                _("The root element <%(naam)s> is not part of the OSO schema.") % {"naam": naam}, wortel.regel
            )
        self._valideer_element(wortel, self.wortels[naam])

    def _valideer_element(self, knoop: Knoop, element: Element) -> None:
        t = element.type
        if isinstance(t, Enkelvoudig):
            if knoop.kinderen:
                raise XmlFout(
                    _("Element <%(naam)s> may not contain other elements.") % {"naam": knoop.naam}, knoop.regel
                )
            if knoop.attrib:
                raise XmlFout(_("Element <%(naam)s> may not have attributes.") % {"naam": knoop.naam}, knoop.regel)
            self._valideer_waarde(knoop, t, knoop.tekst)
            return
        assert t is not None
        for attr, waarde in knoop.attrib.items():
            if attr not in t.attributen:
                raise XmlFout(
                    _("Element <%(naam)s> has an unknown attribute '%(attr)s'.") % {"naam": knoop.naam, "attr": attr},
                    knoop.regel,
                )
            self._valideer_waarde(knoop, t.attributen[attr][0], waarde, attr)
        for attr, (_soort, verplicht) in t.attributen.items():
            if verplicht and attr not in knoop.attrib:
                raise XmlFout(
                    _("Element <%(naam)s> misses the attribute '%(attr)s'.") % {"naam": knoop.naam, "attr": attr},
                    knoop.regel,
                )
        if t.enkelvoudig is not None:
            if knoop.kinderen:
                raise XmlFout(
                    _("Element <%(naam)s> may not contain other elements.") % {"naam": knoop.naam}, knoop.regel
                )
            self._valideer_waarde(knoop, t.enkelvoudig, knoop.tekst)
            return
        if knoop.tekst.strip():
            raise XmlFout(_("Element <%(naam)s> may not contain text.") % {"naam": knoop.naam}, knoop.regel)
        namen = [k.tag for k in knoop.kinderen]
        if t.inhoud is None:
            if knoop.kinderen:
                raise XmlFout(
                    _("Element <%(naam)s> is not allowed here (inside <%(ouder)s>).")
                    % {"naam": knoop.kinderen[0].naam, "ouder": knoop.naam},
                    knoop.kinderen[0].regel,
                )
            return
        verst = [0]
        toewijzing: dict[int, Element] = {}
        eindes = self._match(t.inhoud, namen, 0, verst, toewijzing)
        if len(namen) not in eindes:
            if verst[0] < len(namen):
                fout_kind = knoop.kinderen[verst[0]]
                raise XmlFout(
                    _("Element <%(naam)s> is not allowed here (inside <%(ouder)s>).")
                    % {"naam": fout_kind.naam, "ouder": knoop.naam},
                    fout_kind.regel,
                )
            ontbreekt = self._verwacht(t.inhoud)
            raise XmlFout(
                _("Element <%(ouder)s> is incomplete: a required element is missing (%(verwacht)s).")
                % {"ouder": knoop.naam, "verwacht": ontbreekt},
                knoop.regel,
            )
        for i, kind in enumerate(knoop.kinderen):
            self._valideer_element(kind, toewijzing[i])

    def _verwacht(self, d: Deeltje) -> str:
        if d.soort == "element":
            assert d.element is not None
            return f"<{d.element.naam}>"
        return ", ".join(self._verwacht(x) for x in d.delen if x.min > 0) or "?"

    def _match(
        self, d: Deeltje, namen: list[str], i: int, verst: list[int], toewijzing: dict[int, Element]
    ) -> set[int]:
        """The positions where particle ``d`` (with its occurrences) can end when it starts at ``i``."""
        resultaat: set[int] = set()
        huidig = {i}
        n = 0
        while True:
            if n >= d.min:
                resultaat |= huidig
            if d.max != ONBEGRENSD and n >= d.max:
                break
            volgende: set[int] = set()
            for p in huidig:
                volgende |= self._een(d, namen, p, verst, toewijzing)
            volgende -= huidig if n >= d.min else set()
            if not volgende:
                break
            huidig = volgende
            n += 1
            if n > len(namen) + 1 and d.max == ONBEGRENSD:
                break
        return resultaat

    def _een(self, d: Deeltje, namen: list[str], i: int, verst: list[int], toewijzing: dict[int, Element]) -> set[int]:
        if d.soort == "element":
            assert d.element is not None
            if i < len(namen) and namen[i] == f"{{{self.ns}}}{d.element.naam}":
                toewijzing[i] = d.element
                verst[0] = max(verst[0], i + 1)
                return {i + 1}
            return set()
        if d.soort == "sequence":
            posities = {i}
            for deel in d.delen:
                nieuw: set[int] = set()
                for p in posities:
                    nieuw |= self._match(deel, namen, p, verst, toewijzing)
                posities = nieuw
                if not posities:
                    break
            return posities
        uit: set[int] = set()
        for deel in d.delen:
            uit |= self._match(deel, namen, i, verst, toewijzing)
        return uit

    def _valideer_waarde(self, knoop: Knoop, t: Enkelvoudig, waarde: str, attr: str = "") -> None:
        wat = f"<{knoop.naam}>" + (f" @{attr}" if attr else "")

        def fout(reden: str) -> XmlFout:
            return XmlFout(
                _("Element %(wat)s has an invalid value: %(reden)s.") % {"wat": wat, "reden": reden}, knoop.regel
            )

        basis = t.basis
        w = waarde if basis == "string" else waarde.strip()
        if basis == "boolean":
            if w not in ("true", "false", "1", "0"):
                raise fout(_("expected true or false"))
        elif basis == "date":
            try:
                date.fromisoformat(w[:10])
                if not re.fullmatch(r"-?\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?", w):
                    raise ValueError
            except ValueError:
                raise fout(_("expected a date (yyyy-mm-dd)")) from None
        elif basis in ("integer", "int", "decimal"):
            patroon = r"[+-]?\d+" if basis != "decimal" else r"[+-]?(\d+(\.\d*)?|\.\d+)"
            if not re.fullmatch(patroon, w):
                raise fout(_("expected a number"))
            try:
                getal = Decimal(w)
            except InvalidOperation:  # pragma: no cover - the pattern guards it
                raise fout(_("expected a number")) from None
            if basis == "int" and not -(2**31) <= getal < 2**31:
                raise fout(_("number out of range"))
            if t.min_incl is not None and getal < t.min_incl:
                raise fout(_("at least %(n)s") % {"n": t.min_incl})
            if t.max_incl is not None and getal > t.max_incl:
                raise fout(_("at most %(n)s") % {"n": t.max_incl})
        elif basis != "string":
            raise NotImplementedError(basis)
        if t.enumeratie is not None and w not in t.enumeratie:
            raise fout(_("must be one of %(waarden)s") % {"waarden": ", ".join(t.enumeratie)})
        if t.min_lengte is not None and len(w) < t.min_lengte:
            raise fout(_("empty or too short"))
        if t.max_lengte is not None and len(w) > t.max_lengte:
            raise fout(_("too long (at most %(n)s characters)") % {"n": t.max_lengte})
        for regex in t.patronen:
            if not regex.fullmatch(w):
                raise fout(_("does not have the required form"))


@cache
def oso_schema() -> Schema:
    return Schema(SCHEMA_PAD)
