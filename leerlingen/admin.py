from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from leerlingen.models import Inschrijving, Leerling


class InschrijvingInline(admin.TabularInline):
    model = Inschrijving
    extra = 0
    autocomplete_fields = ["school"]


@admin.register(Leerling)
class LeerlingAdmin(GuardedModelAdminMixin, SimpleHistoryAdmin):
    """Pupils in admin: searchable by name, never by BSN; the BSN is not listed."""

    list_display = ["achternaam", "voornaam", "geboortedatum"]
    search_fields = ["achternaam", "voornaam"]
    exclude = ["leerkrachten"]
    inlines = [InschrijvingInline]


@admin.register(Inschrijving)
class InschrijvingAdmin(SimpleHistoryAdmin):
    list_display = ["leerling", "school", "groep", "begindatum", "einddatum"]
    list_select_related = ["leerling", "school"]
    autocomplete_fields = ["leerling", "school"]
    search_fields = ["leerling__achternaam", "school__naam"]
