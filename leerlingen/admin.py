"""Admin of the pupils app: only what holds no pupil data (the ladder, chain partners, import and
risk-list totals).

Pupils, enrolments, dossiers, MDOs, OPPs, documents, cases and every other model that points to a
pupil are not registered (``swv.leerlinggegevens.leerlingmodellen``; a test keeps it so): the
beheerder manages accounts and the organisation and sees no pupil data, and pupil data is corrected
in the portal, where the change is scoped, kept in the history and logged.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from leerlingen.models import Ketenpartner, Ladderstap, Leerlingimport, Risicolijstronde


@admin.register(Leerlingimport)
class LeerlingimportAdmin(SimpleHistoryAdmin):
    """Imports: counts and status only; the rows (with BSNs) are not shown."""

    list_display = [
        "bestandsnaam",
        "school",
        "status",
        "aantal_nieuw",
        "aantal_bijgewerkt",
        "aantal_afgewezen",
        "aangemaakt",
    ]
    list_filter = ["status"]
    exclude = ["regels"]
    raw_id_fields = ["school", "aangemaakt_door"]


@admin.register(Ladderstap)
class LadderstapAdmin(SimpleHistoryAdmin):
    list_display = ["volgorde", "naam", "actief"]
    ordering = ["volgorde"]


@admin.register(Ketenpartner)
class KetenpartnerAdmin(SimpleHistoryAdmin):
    list_display = ["organisatie", "naam", "soort", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["organisatie", "naam"]


@admin.register(Risicolijstronde)
class RisicolijstrondeAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "maand", "peildatum", "aantal_op_lijst", "aantal_nieuw", "aantal_nog", "aantal_af"]
    raw_id_fields = ["vorige", "samengesteld_door"]
