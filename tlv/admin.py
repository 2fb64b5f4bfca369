"""Admin of the TLV app: history on every model; pupil names and BSNs are not listed or searchable."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tlv.models import (
    TLV,
    Bezwaar,
    BezwaarStatusovergang,
    Deskundigenadvies,
    Terugkeerbespreking,
    TLVNummerreeks,
    TLVStatusovergang,
)


class OvergangInline(admin.TabularInline):
    model = TLVStatusovergang
    extra = 0
    can_delete = False
    readonly_fields = ["van", "naar", "door", "op", "reden"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(TLV)
class TLVAdmin(SimpleHistoryAdmin):
    list_display = [
        "nummer",
        "status",
        "soort",
        "categorie",
        "aanvragende_school",
        "beoogde_school",
        "ingangsdatum",
        "einddatum",
    ]
    list_filter = ["status", "soort", "categorie", "route"]
    list_select_related = ["aanvragende_school", "beoogde_school"]
    search_fields = ["nummer"]
    raw_id_fields = ["leerling", "dossier", "vorige", "opp_versie", "mdo", "besluitbrief"]
    autocomplete_fields = ["aanvragende_school", "beoogde_school"]
    inlines = [OvergangInline]


@admin.register(Bezwaar)
class BezwaarAdmin(SimpleHistoryAdmin):
    list_display = ["tlv", "status", "ontvangen_op", "binnen_termijn", "beslissing", "beslist_op"]
    list_filter = ["status", "beslissing", "commissie"]
    raw_id_fields = ["tlv", "beslissingsbrief"]


@admin.register(Deskundigenadvies)
class DeskundigenadviesAdmin(SimpleHistoryAdmin):
    list_display = ["tlv", "volgorde", "naam", "kwalificatie", "datum", "conclusie"]
    raw_id_fields = ["tlv", "document"]


@admin.register(Terugkeerbespreking)
class TerugkeerbesprekingAdmin(SimpleHistoryAdmin):
    list_display = ["tlv", "datum", "conclusie"]
    raw_id_fields = ["tlv"]


@admin.register(TLVStatusovergang)
class TLVStatusovergangAdmin(SimpleHistoryAdmin):
    list_display = ["tlv", "van", "naar", "door", "op"]
    raw_id_fields = ["tlv"]


@admin.register(BezwaarStatusovergang)
class BezwaarStatusovergangAdmin(SimpleHistoryAdmin):
    list_display = ["bezwaar", "van", "naar", "door", "op"]
    raw_id_fields = ["bezwaar"]


@admin.register(TLVNummerreeks)
class TLVNummerreeksAdmin(admin.ModelAdmin):
    list_display = ["jaar", "laatste"]
