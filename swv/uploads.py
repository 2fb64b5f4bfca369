"""The one upload validator: every app that accepts a file (pupil documents, publications, table
imports through ``swv.tabellen``) checks it here.

The type is decided by the file's content (magic bytes; for Office files the ZIP's parts), never by
its name or the browser's content type; a file whose extension does not match its content
(a disguised type) is refused, and so is an Office file that is a decompression bomb (too many
parts, a part compressed more than ``MAX_RATIO`` times, or more than ``uitgepakt_max_bytes()`` in
total), before anything is stored. Use ``valideer_upload`` in a form's ``clean_<field>`` or a service.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def upload_max_bytes() -> int:
    """Largest allowed upload (``SWV_UPLOAD_MAX_BYTES`` in the environment; 10 MB by default)."""
    from django.conf import settings

    return getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024)


def uitgepakt_max_bytes() -> int:
    """Largest total size an Office file (a ZIP) may unpack to (100 MB by default)."""
    from django.conf import settings

    return getattr(settings, "UPLOAD_MAX_UITGEPAKT_BYTES", 100 * 1024 * 1024)


#: A part of an Office file may be compressed at most this many times (a sheet of repeated cells
#: reaches 20-50; a decompression bomb thousands), checked for parts above ``_RATIO_VANAF`` bytes.
MAX_RATIO = 100
_RATIO_VANAF = 1024 * 1024
#: Most parts an Office file may have (a workbook of a few hundred sheets has a few thousand).
MAX_DELEN = 10_000


def _zipbom(reden) -> ValidationError:
    """The one refusal of a decompression bomb: the reason, then what it means for the user."""
    return ValidationError(
        _("%(reden)s Such a file is refused: it could overload the portal (a “zip bomb”).") % {"reden": reden},
        code="zipbom",
    )


def controleer_zip(z: zipfile.ZipFile) -> None:
    """Refuse a decompression bomb (a Dutch ``ValidationError``, code ``zipbom``): too many parts, a
    part compressed too strongly, or a total beyond ``uitgepakt_max_bytes()``. The sizes in the
    ZIP's directory can lie, so every part is also unpacked (in chunks, never whole in memory):
    Python stops at the declared size and a part that holds more fails its checksum, so what is
    counted is what a reader would get."""
    delen = z.infolist()
    if len(delen) > MAX_DELEN:
        raise _zipbom(_("The file consists of too many parts (%(aantal)s).") % {"aantal": len(delen)})
    maximum = uitgepakt_max_bytes()
    totaal = sum(d.file_size for d in delen)
    if totaal > maximum:
        raise _zipbom(
            _("The file unpacks to %(grootte)s, more than the %(maximum)s allowed.")
            % {"grootte": filesizeformat(totaal), "maximum": filesizeformat(maximum)}
        )
    for deel in delen:
        if deel.file_size > _RATIO_VANAF and deel.file_size > MAX_RATIO * max(deel.compress_size, 1):
            raise _zipbom(
                _("The file is compressed suspiciously strongly (more than %(ratio)s times).") % {"ratio": MAX_RATIO}
            )
    gelezen = 0
    for deel in delen:
        with z.open(deel) as stroom:
            while stuk := stroom.read(1024 * 1024):
                gelezen += len(stuk)
                if gelezen > maximum:  # pragma: no cover - the declared sizes already stop this
                    raise _zipbom(
                        _("The file unpacks to more than the %(maximum)s allowed.")
                        % {"maximum": filesizeformat(maximum)}
                    )


#: extension -> (content type, label); the allowed types of PRIVACY.md.
TOEGESTAAN = {
    "pdf": ("application/pdf", "PDF"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
    "png": ("image/png", "PNG"),
    "jpg": ("image/jpeg", "JPEG"),
    "jpeg": ("image/jpeg", "JPEG"),
}

#: The types of a table upload (``swv.tabellen``): a workbook or a text export.
TABELTYPEN = {"xlsx": TOEGESTAAN["xlsx"], "csv": ("text/csv", "CSV")}

#: The type of an OSO dossier (``leerlingen.oso``): an XML file.
XMLTYPEN = {"xml": ("application/xml", "XML")}


@dataclass(frozen=True)
class UploadInfo:
    extensie: str
    inhoudstype: str
    grootte: int
    sha256: str


def herken_type(kop: bytes, bestand) -> str | None:
    """The real type of a file from its content: ``pdf``, ``png``, ``jpg``, ``docx``, ``xlsx`` or None."""
    if kop.startswith(b"%PDF-"):
        return "pdf"
    if kop.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if kop.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if kop.startswith(b"PK\x03\x04"):
        try:
            bestand.seek(0)
            with zipfile.ZipFile(bestand) as z:
                namen = set(z.namelist())
                controleer_zip(z)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError):
            return None
        if "[Content_Types].xml" not in namen:
            return None
        if any(n.endswith("vbaProject.bin") for n in namen):
            return "macro"
        if "word/document.xml" in namen:
            return "docx"
        if "xl/workbook.xml" in namen:
            return "xlsx"
    return None


def valideer_upload(
    bestand, *, toegestaan: dict[str, tuple[str, str]] | None = None, maximum: int | None = None
) -> UploadInfo:
    """Check an uploaded file (size, content, extension) and describe it; a Dutch ``ValidationError`` otherwise.

    ``maximum``: a larger limit in bytes for one kind of upload (an OSO dossier); default ``upload_max_bytes()``."""
    toegestaan = toegestaan or TOEGESTAAN
    labels = ", ".join(sorted({label for _type, label in toegestaan.values()}))
    grootte = bestand.size or 0
    if grootte == 0:
        raise ValidationError(_("The file is empty."), code="leeg")
    maximum = maximum or upload_max_bytes()
    if grootte > maximum:
        raise ValidationError(
            _("The file is too large (%(grootte)s); the maximum is %(maximum)s.")
            % {"grootte": filesizeformat(grootte), "maximum": filesizeformat(maximum)},
            code="te_groot",
        )
    naam = (bestand.name or "").rsplit("/", 1)[-1]
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    if extensie not in toegestaan:
        raise ValidationError(
            _("Files of this type are not allowed. Allowed are: %(types)s.") % {"types": labels}, code="type"
        )
    bestand.seek(0)
    kop = bestand.read(16)
    echt = herken_type(kop, bestand)  # a decompression bomb: ValidationError (``controleer_zip``)
    if echt is None and extensie == "csv":
        # CSV has no magic bytes: it is a CSV when it is text (no NUL byte in the first part).
        bestand.seek(0)
        echt = "csv" if b"\x00" not in bestand.read(8192) else None
    if echt is None and extensie == "xml":
        # XML: text that starts (after a byte order mark and white space) with a declaration or a tag.
        echt = "xml" if kop.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<") else None
    if echt == "macro":
        raise ValidationError(_("Office files with macros are not allowed."), code="macro")
    if echt is None:
        raise ValidationError(
            _("The content of the file is not a valid %(type)s file; allowed are: %(types)s.")
            % {"type": toegestaan[extensie][1], "types": labels},
            code="inhoud",
        )
    if toegestaan.get(echt, (None,))[0] != toegestaan[extensie][0]:
        raise ValidationError(
            _(
                "The file's name says %(naam_type)s but its content is %(echt_type)s. Save it in the right format and try again."
            )
            % {"naam_type": toegestaan[extensie][1], "echt_type": {**TOEGESTAAN, **TABELTYPEN, **XMLTYPEN}[echt][1]},
            code="vermomd",
        )
    bestand.seek(0)
    h = hashlib.sha256()
    for stuk in bestand.chunks() if hasattr(bestand, "chunks") else [bestand.read()]:
        h.update(stuk)
    bestand.seek(0)
    return UploadInfo(extensie=extensie, inhoudstype=toegestaan[extensie][0], grootte=grootte, sha256=h.hexdigest())
