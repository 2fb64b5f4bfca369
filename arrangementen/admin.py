"""Admin of the arrangements app: the catalogue and the budgets. Requests and everything inside them
(decisions, advice, evaluations, commitments, realised costs, status history) point to a pupil and
are not registered (the beheerder sees no pupil data; ``swv.leerlinggegevens.leerlingmodellen``):
they change through the portal's services, logged."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from arrangementen.models import Arrangementbudget, Arrangementtype


@admin.register(Arrangementtype)
class ArrangementtypeAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "categorie", "aanbieder", "tarief", "tarief_eenheid", "capaciteit", "beoordelaar", "actief"]
    list_filter = ["categorie", "actief"]
    search_fields = ["naam", "code", "aanbieder"]
    prepopulated_fields = {"code": ["naam"]}


@admin.register(Arrangementbudget)
class ArrangementbudgetAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "school", "kring", "bedrag"]
    list_filter = ["jaar"]
    raw_id_fields = ["school", "gewijzigd_door"]
