"""Office files (ZIPs) are checked for decompression bombs before they are stored (issue 13)."""

from __future__ import annotations

import io
import os
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from swv.uploads import valideer_upload


def _office(deel: str, inhoud: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(deel, inhoud)
        for naam, data in (extra or {}).items():
            z.writestr(naam, data)
    return buf.getvalue()


def _weigert(naam: str, inhoud: bytes) -> str:
    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        valideer_upload(SimpleUploadedFile(naam, inhoud))
    assert fout.value.code == "zipbom"
    return " ".join(fout.value.messages)


def test_a_crafted_zip_bomb_is_refused_by_its_ratio():
    bom = _office("xl/workbook.xml", b"<x/>", {"xl/worksheets/sheet1.xml": b"\x00" * (50 * 1024 * 1024)})
    assert len(bom) < 100 * 1024  # 50 MB of zeros in under 100 kB
    melding = _weigert("lijst.xlsx", bom)
    assert "verdacht sterk ingepakt" in melding and "zipbom" in melding


def test_a_file_that_unpacks_beyond_the_total_is_refused(settings):
    settings.UPLOAD_MAX_UITGEPAKT_BYTES = 1024 * 1024
    # Random bytes hardly compress: the ratio is fine, the total (2 MB) is not.
    inhoud = _office("word/document.xml", os.urandom(2 * 1024 * 1024))
    assert "Uitgepakt is het bestand" in _weigert("brief.docx", inhoud)


def test_a_zip_whose_directory_lies_about_the_sizes_is_not_accepted():
    """Declared small, holding much more: the part fails its checksum when unpacked."""
    echt = _office("word/document.xml", b"A" * (3 * 1024 * 1024))
    z = zipfile.ZipFile(io.BytesIO(echt))
    info = z.getinfo("word/document.xml")
    data = bytearray(echt)
    # Patch the declared uncompressed size (local header: CRC at 14, size at 22; central
    # directory: CRC at 16, size at 24) of that part to 10 bytes.
    gepatcht = 0
    for handtekening, verschuiving in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(handtekening, start)) != -1:
            if struct.unpack("<I", data[start + verschuiving - 8 : start + verschuiving - 4])[0] == info.CRC:
                data[start + verschuiving : start + verschuiving + 4] = struct.pack("<I", 10)
                gepatcht += 1
            start += 4
    assert gepatcht == 2
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml").file_size == 10
    with pytest.raises(ValidationError) as fout:
        valideer_upload(SimpleUploadedFile("brief.docx", bytes(data)))
    assert fout.value.code == "inhoud"  # unreadable as an Office file: refused, nothing stored


def test_an_ordinary_workbook_with_repeated_cells_passes():
    rijen = b"".join(b'<row r="%d"><c t="s"><v>1</v></c></row>' % i for i in range(40_000))
    inhoud = _office("xl/workbook.xml", b"<x/>", {"xl/worksheets/sheet1.xml": rijen})
    info = valideer_upload(SimpleUploadedFile("lijst.xlsx", inhoud))
    assert info.extensie == "xlsx"
