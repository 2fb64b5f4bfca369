"""Django admin of the organisation register, accounts, access log and jobs; history on every model."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from swv.models import (
    Bestuur,
    Gebruiker,
    Gemeente,
    Kring,
    Leerlingtelling,
    Lidmaatschap,
    Melding,
    Samenwerkingsverband,
    School,
    Taak,
    Toegangslog,
)

admin.site.site_header = _("SWV portal administration")
admin.site.site_title = _("SWV portal")
admin.site.index_title = _("Administration")


@admin.register(Samenwerkingsverband)
class SamenwerkingsverbandAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam"]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam"]
    search_fields = ["code", "naam"]


@admin.register(Bestuur)
class BestuurAdmin(SimpleHistoryAdmin):
    list_display = ["nummer", "naam"]
    search_fields = ["nummer", "naam"]


class SchoolInline(admin.TabularInline):
    model = School
    fields = readonly_fields = ("vestigingscode", "naam", "soort")
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Kring)
class KringAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "swv"]
    search_fields = ["naam"]
    inlines = [SchoolInline]


class TellingInline(admin.TabularInline):
    model = Leerlingtelling
    extra = 0
    ordering = ["-teldatum"]


@admin.register(School)
class SchoolAdmin(SimpleHistoryAdmin):
    list_display = ["vestigingscode", "naam", "soort", "gemeente", "bestuur", "kring", "actief"]
    list_filter = ["soort", "actief", "kring", "gemeente"]
    list_editable = ["kring"]
    search_fields = ["vestigingscode", "naam", "plaats"]
    list_select_related = ["gemeente", "bestuur", "kring"]
    autocomplete_fields = ["gemeente", "bestuur"]
    inlines = [TellingInline]


@admin.register(Leerlingtelling)
class LeerlingtellingAdmin(SimpleHistoryAdmin):
    list_display = ["school", "teldatum", "aantal", "minder_dan_vijf"]
    list_filter = ["teldatum"]
    search_fields = ["school__naam", "school__vestigingscode"]
    list_select_related = ["school"]


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 0
    autocomplete_fields = ["school", "bestuur"]


@admin.register(Gebruiker)
class GebruikerAdmin(GuardedModelAdminMixin, SimpleHistoryAdmin, UserAdmin):  # type: ignore[misc]  # guardian annotates change_form_template as an instance attribute, django-stubs as a ClassVar
    ordering = ["email"]
    list_display = ["email", "voornaam", "achternaam", "is_active", "is_staff", "is_demo"]
    list_filter = ["is_active", "is_staff", "is_demo", "lidmaatschappen__rol"]
    search_fields = ["email", "voornaam", "achternaam"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["voornaam", "achternaam"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "is_demo", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    inlines = [LidmaatschapInline]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(SimpleHistoryAdmin):
    list_display = ["gebruiker", "rol", "school", "bestuur", "begindatum", "einddatum"]
    list_filter = ["rol"]
    search_fields = ["gebruiker__email", "school__naam", "bestuur__naam"]
    autocomplete_fields = ["gebruiker", "school", "bestuur"]
    list_select_related = ["gebruiker", "school", "bestuur"]


class AlleenLezenMixin:
    """The one read-only admin: for rows that only services write (or that are derived from public
    data): no add, change or delete. Combine with ``admin.ModelAdmin`` or ``SimpleHistoryAdmin``."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Toegangslog)
class ToegangslogAdmin(AlleenLezenMixin, admin.ModelAdmin):
    """Read-only: the access log is append-only."""

    list_display = ["tijdstip", "gebruiker", "actie", "gebeurtenis", "objecttype", "object_uuid", "route"]
    list_filter = ["actie", "gebeurtenis"]
    search_fields = ["object_uuid", "leerling_uuid", "gebruiker__email"]
    list_select_related = ["gebruiker"]


@admin.register(Taak)
class TaakAdmin(admin.ModelAdmin):
    list_display = ["omschrijving", "soort", "status", "voortgang", "aangevraagd_door", "aangemaakt"]
    list_filter = ["status", "soort"]
    readonly_fields = [f.name for f in Taak._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Melding)
class MeldingAdmin(admin.ModelAdmin):
    """Every app's notifications in one list; no change history (rows only get timestamps)."""

    list_display = ["soort", "ontvanger", "aangemaakt", "gelezen_op", "email_status"]
    list_filter = ["soort", "email_status"]
    raw_id_fields = ["ontvanger"]
    readonly_fields = ["uuid", "sleutel", "route", "object_uuid", "email_pogingen", "email_verstuurd_op", "email_fout"]
