"""Key figure of the innovation requests (finance app, seed 001): requests submitted in the period,
granted and refused, per theme, the reasons for refusal, and the grants committed for the year
(``financien.selectors.innovatie``, two queries). Requests concern the whole partnership's budget;
the organisation filters do not apply."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from financien.choices import Afwijzingsgrond, InnovatieStatus, InnovatieThema
from financien.selectors.innovatie import innovatie_tellingen, innovatie_toegekend_bedrag, mag_tellen
from kwaliteit.choices import Domein
from kwaliteit.kengetallen.register import Kerncijfer, Kolom, Tabel, Uitkomst, kengetal, voor_rollen
from kwaliteit.onderdrukking import kc, kolomsom
from swv.choices import Rol

HEEL_SWV = _("Innovation requests are paid from the partnership's budget: the organisation filters do not apply.")


@kengetal(
    sleutel="innovatie",
    titel=_("Innovation requests"),
    domein=Domein.PROCEDURES,
    volgorde=20,
    bron=_("innovation requests"),
    beschrijving=_("Requests of schools and boards submitted in the period, granted and refused, per theme."),
    indicatoren={"ingediend": _("requests submitted"), "toegekend": _("requests granted")},
    drilldown=lambda f: reverse("financien:innovaties"),
    drilldown_label=_("Innovation requests"),
    drilldown_voor=voor_rollen(Rol.DB, Rol.BELEIDSMEDEWERKER, Rol.CONTROLLER),
)
def innovatie(user, filters) -> Uitkomst:
    if not mag_tellen(user):
        return Uitkomst(
            kerncijfers=[Kerncijfer("ingediend", _("requests submitted"), None)],
            toelichting=_("Your role does not count these cases."),
        )
    rijen = innovatie_tellingen(user, begin=filters.begin, einde=filters.einde)
    bedrag = innovatie_toegekend_bedrag(user, jaar=filters.einde.year)
    ingediend = sum(r["aantal"] for r in rijen)
    toegekend = sum(r["aantal"] for r in rijen if r["status"] == InnovatieStatus.TOEGEKEND)
    afgewezen = sum(r["aantal"] for r in rijen if r["status"] == InnovatieStatus.AFGEWEZEN)
    per_thema: list[dict[str, Any]] = [
        {
            "thema": label,
            "ingediend": sum(r["aantal"] for r in rijen if r["thema"] == waarde),
            "toegekend": sum(
                r["aantal"] for r in rijen if r["thema"] == waarde and r["status"] == InnovatieStatus.TOEGEKEND
            ),
        }
        for waarde, label in InnovatieThema.choices
    ]
    per_grond: list[dict[str, Any]] = [
        {"grond": label, "aantal": sum(r["aantal"] for r in rijen if r["afwijzingsgrond"] == waarde)}
        for waarde, label in Afwijzingsgrond.choices
    ]
    return Uitkomst(
        # What a reader adds up (secondary suppression in published output): every request has one
        # theme; a refused one has one reason.
        sommen=[
            kolomsom(kc("ingediend"), 0, range(len(per_thema)), "ingediend"),
            kolomsom(kc("toegekend"), 0, range(len(per_thema)), "toegekend"),
            kolomsom(kc("afgewezen"), 1, range(len(per_grond)), "aantal"),
        ],
        kerncijfers=[
            Kerncijfer("ingediend", _("requests submitted"), ingediend, "aantal"),
            Kerncijfer("toegekend", _("requests granted"), toegekend, "aantal"),
            Kerncijfer("afgewezen", _("requests refused"), afgewezen, "aantal"),
            Kerncijfer("bedrag", _("grants committed for the year"), bedrag or 0, "bedrag"),
        ],
        tabellen=[
            Tabel(
                titel=_("Innovation requests per theme"),
                kolommen=[
                    Kolom("thema", _("Theme")),
                    Kolom("ingediend", _("Submitted"), "aantal"),
                    Kolom("toegekend", _("Granted"), "aantal"),
                ],
                rijen=per_thema,
            ),
            Tabel(
                titel=_("Reasons for refusal"),
                kolommen=[Kolom("grond", _("Reason")), Kolom("aantal", _("Requests"), "aantal")],
                rijen=per_grond,
            ),
        ],
        toelichting=HEEL_SWV,
    )
