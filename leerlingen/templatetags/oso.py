"""``{% oso_inzage leerling %}``: the parents' inspection (``inzage``) from the pupil's latest imported
OSO dossier, for the pages where the request is assessed (TLV, arrangement). The page has already
checked that the user may see the pupil."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("leerlingen/partials/_oso_inzage.html")
def oso_inzage(leerling) -> dict:
    from leerlingen.models import OsoOntvangst
    from leerlingen.models.oso import OsoStatus

    ontvangst = (
        OsoOntvangst.objects.filter(leerling=leerling, status=OsoStatus.BEVESTIGD)
        .only("uuid", "gegevens", "bevestigd_op")
        .order_by("-bevestigd_op")
        .first()
    )
    return {"ontvangst": ontvangst, "inzage": ontvangst.gegevens.get("inzage") if ontvangst else None}
