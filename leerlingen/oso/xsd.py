"""Reading an OSO file safely with lxml and checking it against the OSO XSD (``lxml.etree.XMLSchema``).

Parsing: no DTD is loaded, no entity is resolved, nothing is fetched from the network, comments and
processing instructions are dropped, and a file with a DOCTYPE is refused outright. ``huge_tree`` is
on because one attachment's base64 text can exceed libxml2's 10 MB text-node limit; the file's size
is capped before it is parsed (``valideer_upload``, ``OSO_MAX_BYTES``) and without a DTD there is
nothing to expand. The elements are ``Knoop`` (an lxml element with the few helpers ``lezen.py``
reads with); ``regel`` is libxml2's ``sourceline``.

Validation: the schema is loaded once; libxml2's first error becomes one Dutch message naming the
element and its line (``XmlFout``).
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree

from swv.fouten import DomeinFout

SCHEMA_PAD = Path(__file__).parent / "schema" / "OSO_gegevensset.xsd"


class XmlFout(DomeinFout):
    """The file is not well-formed XML or breaks the schema; ``regel`` is the line (when known)."""

    def __init__(self, bericht: str, regel: int | None = None):
        super().__init__(bericht)
        self.regel = regel


class Knoop(etree.ElementBase):
    """An element of a parsed OSO file, found by local name (the OSO namespace is checked separately)."""

    @property
    def naam(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    @property
    def regel(self) -> int:
        return self.sourceline

    @property
    def kinderen(self) -> list[Knoop]:
        return list(self)

    @property
    def tekst(self) -> str:
        return self.text or ""

    def kind(self, naam: str) -> Knoop | None:
        return self.find("{*}" + naam)

    def alle(self, naam: str) -> list[Knoop]:
        return self.findall("{*}" + naam)

    def waarde(self, pad: str, standaard: str = "") -> str:
        """The text of the element at a ``a/b/c`` path below this one (``standaard`` when absent)."""
        knoop = self.find("/".join("{*}" + deel for deel in pad.split("/")))
        return knoop.tekst.strip() if knoop is not None else standaard


def _parser() -> etree.XMLParser:
    """A new parser per file (lxml parsers are not shared between threads)."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=Knoop))
    return parser


def lees_xml(bestand) -> Knoop:
    """Parse a file object into ``Knoop`` elements with line numbers; ``XmlFout`` when not well-formed.
    A DOCTYPE is refused (no entity expansion, no external entities)."""
    bestand.seek(0)
    try:
        boom = etree.parse(bestand, _parser())
    except etree.XMLSyntaxError as fout:
        reden = re.sub(r", line \d+, column \d+$", "", fout.msg or "")
        raise XmlFout(_("The file is not valid XML (%(fout)s).") % {"fout": reden}, fout.lineno) from None
    if boom.docinfo.doctype or boom.docinfo.internalDTD is not None:
        raise XmlFout(_("The file contains a DOCTYPE declaration; OSO files have none."))
    return boom.getroot()


# libxml2's schema messages: "Element '{ns}naam'[, attribute 'attr']: reason".
_MELDING = re.compile(r"Element '(?:\{[^}]*\})?(?P<naam>[^']*)'(?:, attribute '(?P<attr>[^']*)')?: (?P<rest>.*)", re.S)


class OsoSchema:
    """The OSO schema (``lxml.etree.XMLSchema``), loaded once from ``leerlingen/oso/schema``."""

    def __init__(self, pad: Path) -> None:
        xsd = etree.parse(str(pad), etree.XMLParser(resolve_entities=False, no_network=True))
        self.ns: str = xsd.getroot().get("targetNamespace")
        self._schema = etree.XMLSchema(xsd)
        # The error log lives on the schema object: one validation at a time reads its own errors.
        self._slot = threading.Lock()

    def valideer(self, wortel: Knoop) -> None:
        """Raise ``XmlFout`` (Dutch, with element and line) for the first place the tree breaks the schema."""
        boom = wortel.getroottree()
        with self._slot:
            if self._schema.validate(boom):
                return
            fout = self._schema.error_log[0]
        raise XmlFout(_bericht(fout, boom), fout.line or None)


def _bericht(fout, boom) -> str:
    """libxml2's error in the portal's Dutch words, naming the element (and attribute)."""
    m = _MELDING.match(fout.message)
    naam, attr, rest = (m["naam"], m["attr"], m["rest"]) if m else ("?", None, fout.message)
    soort = fout.type_name
    aanhalingen = re.findall(r"'([^']*)'", rest)
    laatste = aanhalingen[-1] if aanhalingen else ""
    if soort == "SCHEMAV_CVC_ELT_1":
        return _("The root element <%(naam)s> is not part of the OSO schema.") % {"naam": naam}
    if "This element is not expected" in rest:
        gevonden = boom.xpath(fout.path) if fout.path else []
        ouder = gevonden[0].getparent() if gevonden else None
        return _("Element <%(naam)s> is not allowed here (inside <%(ouder)s>).") % {
            "naam": naam,
            "ouder": ouder.naam if ouder is not None else "?",
        }
    if rest.startswith("Missing child element"):
        lijst = re.search(r"Expected is (?:one of )?\((.*)\)", rest)
        namen = re.findall(r"(?:\{[^}]*\})?([\w.-]+)", lijst[1] if lijst else "")
        return _("Element <%(ouder)s> is incomplete: a required element is missing (%(verwacht)s).") % {
            "ouder": naam,
            "verwacht": ", ".join(f"<{n}>" for n in namen) or "?",
        }
    if "Character content" in rest:
        return _("Element <%(naam)s> may not contain text.") % {"naam": naam}
    if "Element content is not allowed" in rest:
        return _("Element <%(naam)s> may not contain other elements.") % {"naam": naam}
    if attr and "is not allowed" in rest:
        return _("Element <%(naam)s> has an unknown attribute '%(attr)s'.") % {"naam": naam, "attr": attr}
    if "is required but missing" in rest:
        return _("Element <%(naam)s> misses the attribute '%(attr)s'.") % {"naam": naam, "attr": laatste}
    if soort == "SCHEMAV_CVC_ENUMERATION_VALID":
        waarden = re.findall(r"'([^']*)'", rest.partition("set")[2])
        reden = _("must be one of %(waarden)s") % {"waarden": ", ".join(waarden)}
    elif soort in ("SCHEMAV_CVC_MINLENGTH_VALID", "SCHEMAV_CVC_LENGTH_VALID"):
        reden = _("empty or too short")
    elif soort == "SCHEMAV_CVC_MAXLENGTH_VALID":
        reden = _("too long (at most %(n)s characters)") % {"n": laatste}
    elif soort == "SCHEMAV_CVC_MININCLUSIVE_VALID":
        reden = _("at least %(n)s") % {"n": laatste}
    elif soort == "SCHEMAV_CVC_MAXINCLUSIVE_VALID":
        reden = _("at most %(n)s") % {"n": laatste}
    elif "atomic type" in rest and "date" in laatste:
        reden = _("expected a date (yyyy-mm-dd)")
    elif "atomic type" in rest and "boolean" in laatste:
        reden = _("expected true or false")
    elif "atomic type" in rest and ("int" in laatste or "decimal" in laatste):
        reden = _("expected a number")
    else:
        reden = _("does not have the required form")
    wat = f"<{naam}>" + (f" @{attr}" if attr else "")
    return _("Element %(wat)s has an invalid value: %(reden)s.") % {"wat": wat, "reden": reden}


@cache
def oso_schema() -> OsoSchema:
    return OsoSchema(SCHEMA_PAD)
