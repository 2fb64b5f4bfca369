"""Admin of the arrangements app: the catalogue and budgets are maintained here too; requests are
read-mostly (their status changes only through the services, so the status is read-only here)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from arrangementen.models import (
    Aanvraag,
    Aanvullingsverzoek,
    Advies,
    Arrangementbudget,
    Arrangementtype,
    Begrotingsregel,
    Besluit,
    Evaluatie,
    Evaluatiemoment,
    Realisatie,
    Statusovergang,
    Verplichting,
)


@admin.register(Arrangementtype)
class ArrangementtypeAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "categorie", "aanbieder", "tarief", "tarief_eenheid", "capaciteit", "beoordelaar", "actief"]
    list_filter = ["categorie", "actief"]
    search_fields = ["naam", "code", "aanbieder"]
    prepopulated_fields = {"code": ["naam"]}


class StatusovergangInline(admin.TabularInline):
    model = Statusovergang
    extra = 0
    can_delete = False
    readonly_fields = ["van", "naar", "door", "op", "reden"]


@admin.register(Aanvraag)
class AanvraagAdmin(SimpleHistoryAdmin):
    """Requests by number; pupils are not searchable here (no names in lists)."""

    list_display = [
        "nummer",
        "arrangementtype",
        "school",
        "status",
        "begindatum",
        "einddatum",
        "gevraagd_bedrag",
        "toegekend_bedrag",
    ]
    list_filter = ["status", "arrangementtype", "beoordelaar"]
    list_select_related = ["arrangementtype", "school"]
    search_fields = ["nummer"]
    raw_id_fields = [
        "leerling",
        "school",
        "dossier",
        "mdo",
        "mdo_uitkomst",
        "vorige",
        "directeur_akkoord_door",
        "aangemaakt_door",
    ]
    readonly_fields = ["nummer", "status", "versie", "toegekend_bedrag"]
    inlines = [StatusovergangInline]


@admin.register(Besluit)
class BesluitAdmin(SimpleHistoryAdmin):
    list_display = ["aanvraag", "soort", "bedrag", "begindatum", "einddatum", "datum", "boven_budget"]
    list_filter = ["soort", "boven_budget"]
    raw_id_fields = ["aanvraag", "genomen_door", "brief_taak"]
    readonly_fields = ["brief"]


@admin.register(Arrangementbudget)
class ArrangementbudgetAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "school", "kring", "bedrag"]
    list_filter = ["jaar"]
    raw_id_fields = ["school", "gewijzigd_door"]


@admin.register(Realisatie)
class RealisatieAdmin(SimpleHistoryAdmin):
    list_display = ["aanvraag", "jaar", "bedrag", "bron"]
    list_filter = ["jaar", "bron"]
    raw_id_fields = ["aanvraag", "vastgelegd_door"]


for model in (Begrotingsregel, Statusovergang, Aanvullingsverzoek, Advies, Evaluatiemoment, Evaluatie, Verplichting):
    admin.site.register(model, SimpleHistoryAdmin, raw_id_fields=[f.name for f in model._meta.fields if f.is_relation])
