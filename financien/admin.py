"""Django admin of the finance app; history on every model. Frozen parameters (a final
T-rapportage of their year exists) and superseded versions are read-only here as in the app."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from financien.berekening import is_bevroren
from financien.choices import ParametersStatus
from financien.models import (
    Arrangementenbudget,
    Begroting,
    Begrotingsbedrag,
    Begrotingspost,
    Beleidsthema,
    Innovatieaanvraag,
    InnovatieStatusovergang,
    Innovatietoekenning,
    Jaarparameters,
    RealisatieImport,
    Realisatieregel,
    Rekeningkoppeling,
    TRapportage,
    TRapportageRegel,
)
from swv.admin import AlleenLezenMixin


class ArrangementenbudgetInline(admin.TabularInline):
    model = Arrangementenbudget
    extra = 0
    autocomplete_fields = ["school", "kring"]


def _wijzigbaar(obj) -> bool:
    return obj is None or (obj.status == ParametersStatus.ACTUEEL and not is_bevroren(obj.jaar))


@admin.register(Jaarparameters)
class JaarparametersAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "versie", "status", "teldatum", "tarief_zware", "sbo_regel"]
    list_filter = ["status", "sbo_regel"]
    readonly_fields = ["versie", "status", "aangemaakt_door", "aangemaakt", "gewijzigd"]
    inlines = [ArrangementenbudgetInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _wijzigbaar(obj)

    def has_delete_permission(self, request, obj=None):
        return (
            super().has_delete_permission(request, obj)
            and _wijzigbaar(obj)
            and (obj is None or not obj.t_rapportages.exists())
        )

    def save_model(self, request, obj, form, change):
        obj.revisie += 1 if change else 0
        super().save_model(request, obj, form, change)


@admin.register(Arrangementenbudget)
class ArrangementenbudgetAdmin(SimpleHistoryAdmin):
    list_display = ["parameters", "school", "kring", "bedrag"]
    list_select_related = ["parameters", "school", "kring"]


@admin.register(Beleidsthema)
class BeleidsthemaAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam"]
    search_fields = ["code", "naam"]


@admin.register(Begrotingspost)
class BegrotingspostAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam", "blok", "grondslag", "beleidsthema", "actief"]
    list_filter = ["blok", "grondslag", "actief"]
    search_fields = ["code", "naam"]


class BegrotingsbedragInline(admin.TabularInline):
    model = Begrotingsbedrag
    extra = 0


@admin.register(Begroting)
class BegrotingAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "reserve_begin", "gewijzigd"]
    inlines = [BegrotingsbedragInline]


@admin.register(Begrotingsbedrag)
class BegrotingsbedragAdmin(SimpleHistoryAdmin):
    list_display = ["begroting", "post", "bedrag"]
    list_select_related = ["begroting", "post"]
    list_filter = ["begroting"]


@admin.register(Rekeningkoppeling)
class RekeningkoppelingAdmin(SimpleHistoryAdmin):
    list_display = ["rekening", "omschrijving", "post"]
    search_fields = ["rekening", "omschrijving"]
    list_select_related = ["post"]


class AlleenLezenAdmin(AlleenLezenMixin, SimpleHistoryAdmin):
    """Imports, bookings and reports are made by their services only (whole or not at all)."""


@admin.register(RealisatieImport)
class RealisatieImportAdmin(AlleenLezenAdmin):
    list_display = ["jaar", "maand", "status", "bestandsnaam", "aantal_regels", "aantal_fouten", "totaal", "aangemaakt"]
    list_filter = ["status", "jaar"]
    exclude = ["voorbeeld"]


@admin.register(Realisatieregel)
class RealisatieregelAdmin(AlleenLezenAdmin):
    list_display = ["realisatie_import", "regelnummer", "rekening", "post", "bedrag"]
    list_select_related = ["realisatie_import", "post"]


@admin.register(TRapportage)
class TRapportageAdmin(AlleenLezenAdmin):
    list_display = ["jaar", "t_nummer", "versie", "status", "tot_en_met_maand", "aangemaakt", "definitief_op"]
    list_filter = ["status", "jaar"]
    exclude = ["kengetallen"]


@admin.register(TRapportageRegel)
class TRapportageRegelAdmin(AlleenLezenAdmin):
    list_display = ["rapport", "code", "naam", "begroting", "realisatie", "prognose"]
    list_select_related = ["rapport"]


class InnovatietoekenningInline(admin.TabularInline):
    model = Innovatietoekenning

    fields = ["jaar", "post", "bedrag"]
    readonly_fields = ["jaar", "post", "bedrag"]
    extra = 0
    can_delete = False


class InnovatieStatusovergangInline(admin.TabularInline):
    model = InnovatieStatusovergang

    fields = ["op", "van", "naar", "door", "reden"]
    readonly_fields = ["op", "van", "naar", "door", "reden"]
    extra = 0
    can_delete = False


@admin.register(Innovatieaanvraag)
class InnovatieaanvraagAdmin(SimpleHistoryAdmin):
    """Read-only: the steps go through the services (history, notifications, commitments)."""

    list_display = ["titel", "thema", "bestuur", "startjaar", "looptijd_jaren", "status"]
    list_filter = ["status", "thema", "startjaar"]
    readonly_fields = [
        "titel",
        "thema",
        "bestuur",
        "school",
        "bedrag_per_jaar",
        "startjaar",
        "looptijd_jaren",
        "status",
        "ingediend_op",
        "besluit_op",
        "afwijzingsgrond",
        "evaluatiedatum",
    ]
    exclude = ["plan", "financiele_onderbouwing", "advies", "besluit_toelichting", "aangemaakt_door"]
    inlines = [InnovatietoekenningInline, InnovatieStatusovergangInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Innovatietoekenning)
class InnovatietoekenningAdmin(AlleenLezenMixin, admin.ModelAdmin):
    list_display = ["aanvraag", "jaar", "post", "bedrag"]
    list_filter = ["jaar"]


@admin.register(InnovatieStatusovergang)
class InnovatieStatusovergangAdmin(AlleenLezenMixin, admin.ModelAdmin):
    list_display = ["aanvraag", "van", "naar", "door", "op"]
    list_filter = ["naar"]
