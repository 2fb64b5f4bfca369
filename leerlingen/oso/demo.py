"""Demo: school A's ib-er has received the example SWV dossier through OSO (fictitious pupil)."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files.base import ContentFile

from swv.choices import Rol
from swv.demo import DemoContext, demo_stap

VOORBEELD = Path(__file__).parent / "voorbeelden" / "oso_PaO_POSWV_full.xml"


@demo_stap(volgorde=35)
def demo_oso(ctx: DemoContext) -> str:
    from leerlingen.oso.service import oso_bevestigen, oso_ontvangen

    school = ctx.school_a
    inhoud = re.sub(
        rb"<brincode>04PN</brincode>(\s*)<vestigingscode>00</vestigingscode>",
        f"<brincode>{school.brin}</brincode>\\1<vestigingscode>{school.vestigingscode[4:]}</vestigingscode>".encode(),
        VOORBEELD.read_bytes(),
    )
    door = ctx.gebruikers[Rol.IB_ER]
    ontvangst = oso_ontvangen(door=door, bestand=ContentFile(inhoud, name="oso-voorbeeld.xml"), school=school)
    ontvangst = oso_bevestigen(door=door, ontvangst=ontvangst)
    return f"OSO: voorbeeld-SWV-dossier ontvangen en geïmporteerd voor {school.naam} ({ontvangst.uuid})."
