"""Django admin of the quality app; history on every model."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kwaliteit.models import (
    Actie,
    Ambitie,
    Doel,
    DoelEvaluatie,
    Evaluatiemoment,
    Inspectiestandaard,
    Jaarplan,
    KalenderItem,
    KalenderMoment,
    Klacht,
    KlachtStatusovergang,
    LandelijkCijfer,
    OprBesluit,
    OspThema,
    Publicatie,
    Rapport,
    RapportVersie,
    Statuswijziging,
    SwvCijfer,
)
from swv.admin import AlleenLezenMixin


@admin.register(Inspectiestandaard)
class InspectiestandaardAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam"]


@admin.register(OspThema)
class OspThemaAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "actief"]


class EvaluatiemomentInline(admin.TabularInline):
    model = Evaluatiemoment
    fields = ["naam", "datum"]
    extra = 0


@admin.register(Jaarplan)
class JaarplanAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "titel", "status"]
    readonly_fields = ["status"]
    inlines = [EvaluatiemomentInline]


@admin.register(Ambitie)
class AmbitieAdmin(SimpleHistoryAdmin):
    list_display = ["jaarplan", "nummer", "titel"]
    list_filter = ["jaarplan"]


class ActieInline(admin.TabularInline):
    model = Actie
    fields = ["omschrijving", "door_wie", "budget"]
    extra = 0


@admin.register(Doel)
class DoelAdmin(SimpleHistoryAdmin):
    list_display = ["code", "titel", "jaarplan", "richting", "kengetal"]
    list_filter = ["jaarplan"]
    inlines = [ActieInline]


@admin.register(Actie)
class ActieAdmin(SimpleHistoryAdmin):
    list_display = ["doel", "door_wie", "budget"]


@admin.register(Evaluatiemoment)
class EvaluatiemomentAdmin(SimpleHistoryAdmin):
    list_display = ["jaarplan", "naam", "datum"]


@admin.register(DoelEvaluatie)
class DoelEvaluatieAdmin(SimpleHistoryAdmin):
    list_display = ["doel", "moment", "status", "vastgelegd_door", "bijgewerkt"]
    list_select_related = ["doel", "moment", "vastgelegd_door"]


@admin.register(KalenderItem)
class KalenderItemAdmin(SimpleHistoryAdmin):
    list_display = ["product", "eigenaar", "frequentie", "maanden", "portaal_product", "herinneren_rol", "actief"]
    list_editable = ["actief"]


@admin.register(KalenderMoment)
class KalenderMomentAdmin(SimpleHistoryAdmin):
    list_display = ["item", "jaar", "maand", "status", "herinnering_verstuurd"]
    list_filter = ["status", "jaar"]


@admin.register(LandelijkCijfer)
class LandelijkCijferAdmin(SimpleHistoryAdmin):
    list_display = [
        "teldatum",
        "leerlingen_bo",
        "leerlingen_sbo",
        "leerlingen_so",
        "deelname_sbo",
        "deelname_so",
        "bron",
    ]


@admin.register(SwvCijfer)
class SwvCijferAdmin(AlleenLezenMixin, admin.ModelAdmin):
    """Read-only: the rows are recomputed from DUO's public files by the import, never edited."""

    list_display = ["swv_code", "teldatum", "leerlingen_bo", "leerlingen_sbo", "leerlingen_so", "vestigingen"]
    list_filter = ["teldatum"]
    search_fields = ["swv_code"]


class RapportVersieInline(admin.TabularInline):
    model = RapportVersie
    fields = readonly_fields = ("nummer", "status", "taak", "sha256", "vastgesteld_op")
    extra = 0
    can_delete = False


@admin.register(Rapport)
class RapportAdmin(SimpleHistoryAdmin):
    list_display = ["soort", "jaar"]
    inlines = [RapportVersieInline]


@admin.register(RapportVersie)
class RapportVersieAdmin(SimpleHistoryAdmin):
    """Versions change through the app's services only (adoption freezes the file)."""

    list_display = ["rapport", "nummer", "status", "vastgesteld_op"]
    readonly_fields = [f.name for f in RapportVersie._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Publicatie)
class PublicatieAdmin(SimpleHistoryAdmin):
    """Publications are frozen: read-only here; publish and withdraw in the app."""

    list_display = [
        "titel",
        "documentsoort",
        "jaar",
        "voor_opr",
        "voor_alv_rvt",
        "openbaar",
        "status",
        "gepubliceerd_op",
    ]
    list_filter = ["documentsoort", "status"]
    readonly_fields = [f.name for f in Publicatie._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(OprBesluit)
class OprBesluitAdmin(SimpleHistoryAdmin):
    list_display = ["publicatie", "besluit", "datum", "vastgelegd_door"]


@admin.register(Statuswijziging)
class StatuswijzigingAdmin(AlleenLezenMixin, admin.ModelAdmin):
    list_display = ["op", "content_type", "object_id", "van", "naar", "door"]
    readonly_fields = ["content_type", "object_id", "van", "naar", "door", "op", "reden"]


class KlachtStatusovergangInline(admin.TabularInline):
    model = KlachtStatusovergang
    fields = ["op", "van", "naar", "door", "reden"]
    readonly_fields = ["op", "van", "naar", "door", "reden"]
    extra = 0
    can_delete = False


@admin.register(Klacht)
class KlachtAdmin(AlleenLezenMixin, SimpleHistoryAdmin):
    """Counts and states only: the complainant's name and contact details and the complaint text
    are for the handlers in the portal, not for the administrator."""

    list_display = ["onderwerp", "ontvangen_op", "status", "afhandelen_voor"]
    list_filter = ["status", "onderwerp"]
    fields = [
        "onderwerp",
        "ontvangen_op",
        "status",
        "bevestigen_voor",
        "afhandelen_voor",
        "bevestigd_op",
        "derde",
        "derde_ingeschakeld_op",
        "oordeel",
        "afgehandeld_op",
        "lkc_op",
    ]
    readonly_fields = list(fields)
    history_list_display = ["status"]
    inlines = [KlachtStatusovergangInline]
