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


# --- Thuiszitters, zorgplicht, risicolijst and notifications (issue 6) ---
from leerlingen.models import (  # noqa: E402
    Ketenpartner,
    Ladderstap,
    Ladderstapwijziging,
    Melding,
    Risicolijstregel,
    Risicolijstronde,
    Risicosignalering,
    Thuiszittercasus,
    ThuiszitterStatuswijziging,
    Zorgplichtcasus,
    ZorgplichtHerinnering,
    ZorgplichtStatuswijziging,
)


@admin.register(Ladderstap)
class LadderstapAdmin(SimpleHistoryAdmin):
    list_display = ["volgorde", "naam", "actief"]
    ordering = ["volgorde"]


@admin.register(Ketenpartner)
class KetenpartnerAdmin(SimpleHistoryAdmin):
    list_display = ["organisatie", "naam", "soort", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["organisatie", "naam"]


class LadderstapwijzigingInline(admin.TabularInline):
    model = Ladderstapwijziging
    extra = 0
    can_delete = False
    readonly_fields = ["van_stap", "naar_stap", "overgeslagen", "reden", "door", "op"]


@admin.register(Thuiszittercasus)
class ThuiszittercasusAdmin(SimpleHistoryAdmin):
    """Cases in admin: listed without pupil names; history (simple-history) on every change."""

    list_display = ["uuid", "soort", "school", "gemeente", "sinds", "einddatum", "status", "huidige_stap"]
    list_filter = ["status", "soort", "huidige_stap"]
    list_select_related = ["school", "gemeente", "huidige_stap"]
    raw_id_fields = ["leerling", "school", "geplaatst_school", "regisseur", "aangemaakt_door"]
    filter_horizontal = ["partners"]
    inlines = [LadderstapwijzigingInline]


@admin.register(Ladderstapwijziging)
class LadderstapwijzigingAdmin(SimpleHistoryAdmin):
    list_display = ["casus", "van_stap", "naar_stap", "overgeslagen", "door", "op"]
    raw_id_fields = ["casus", "door"]


@admin.register(ThuiszitterStatuswijziging)
class ThuiszitterStatuswijzigingAdmin(SimpleHistoryAdmin):
    list_display = ["casus", "oud", "nieuw", "door", "op"]
    raw_id_fields = ["casus", "door"]


@admin.register(Zorgplichtcasus)
class ZorgplichtcasusAdmin(SimpleHistoryAdmin):
    list_display = ["uuid", "school", "aanmeldingsdatum", "termijn_datum", "verlengd_tot", "status", "uitkomst"]
    list_filter = ["status", "uitkomst"]
    list_select_related = ["school"]
    raw_id_fields = ["leerling", "school", "bestuur", "andere_school", "aangemaakt_door"]


@admin.register(ZorgplichtStatuswijziging)
class ZorgplichtStatuswijzigingAdmin(SimpleHistoryAdmin):
    list_display = ["casus", "oud", "nieuw", "door", "op"]
    raw_id_fields = ["casus", "door"]


@admin.register(ZorgplichtHerinnering)
class ZorgplichtHerinneringAdmin(SimpleHistoryAdmin):
    list_display = ["casus", "moment", "uiterste_datum", "aangemaakt"]
    raw_id_fields = ["casus"]


@admin.register(Melding)
class MeldingAdmin(SimpleHistoryAdmin):
    list_display = ["ontvanger", "titel", "aangemaakt", "gelezen_op", "gemaild_op"]
    raw_id_fields = ["ontvanger", "herinnering"]


@admin.register(Risicosignalering)
class RisicosignaleringAdmin(SimpleHistoryAdmin):
    list_display = ["uuid", "school", "sinds", "einddatum"]
    list_select_related = ["school"]
    raw_id_fields = ["leerling", "school", "gesignaleerd_door"]


@admin.register(Risicolijstronde)
class RisicolijstrondeAdmin(SimpleHistoryAdmin):
    list_display = ["jaar", "maand", "peildatum", "aantal_op_lijst", "aantal_nieuw", "aantal_nog", "aantal_af"]
    raw_id_fields = ["vorige", "samengesteld_door"]


@admin.register(Risicolijstregel)
class RisicolijstregelAdmin(SimpleHistoryAdmin):
    list_display = ["ronde", "school_naam", "vergelijking", "thuiszitter"]
    list_filter = ["vergelijking"]
    raw_id_fields = ["ronde", "leerling", "signalering", "school"]
