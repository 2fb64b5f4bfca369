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


# --- issue 3: dossier (groeidocument), OPP, MDO/OT, documents, transfers, imports -------------------
from leerlingen.models import (  # noqa: E402
    MDO,
    OPP,
    Afspraak,
    Document,
    Dossier,
    DossierSectie,
    DossierStatusovergang,
    Interventie,
    Leerlingimport,
    MDOAdvies,
    MDODeelnemer,
    MDOUitkomst,
    OPPInstemming,
    OPPVersie,
    Overstap,
    Signaal,
    StemVanHetKind,
)


class AlleenLezenInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class SectieInline(AlleenLezenInline):
    model = DossierSectie
    fields = readonly_fields = ("sectie", "bijgewerkt_door", "bijgewerkt_op", "versie")


class StatusovergangInline(AlleenLezenInline):
    model = DossierStatusovergang
    fields = readonly_fields = ("van", "naar", "door", "op", "reden")


@admin.register(Dossier)
class DossierAdmin(SimpleHistoryAdmin):
    """Dossiers: status changes go through the portal's services; admin shows them and their history."""

    list_display = ["leerling", "school", "status", "geopend_op", "afgesloten_op", "laatste_activiteit"]
    list_filter = ["status"]
    list_select_related = ["leerling", "school"]
    search_fields = ["leerling__achternaam", "leerling__voornaam"]
    autocomplete_fields = ["leerling", "school", "regievoerder"]
    readonly_fields = ["uuid", "status", "versie", "laatste_activiteit"]
    inlines = [SectieInline, StatusovergangInline]


@admin.register(DossierSectie, Interventie, Signaal, OPP, OPPInstemming, MDOAdvies, MDOUitkomst, Afspraak)
class DossierOnderdeelAdmin(SimpleHistoryAdmin):
    list_display = ["__str__"]
    raw_id_fields: list[str] = []

    def get_raw_id_fields(self, request):
        return [f.name for f in self.model._meta.fields if f.is_relation]


class DeelnemerInline(admin.TabularInline):
    model = MDODeelnemer
    extra = 0
    raw_id_fields = ["gebruiker"]


class StemInline(admin.StackedInline):
    model = StemVanHetKind
    extra = 0


@admin.register(MDO)
class MDOAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "school", "status", "begint_om", "gehouden_op"]
    list_filter = ["status", "soort"]
    list_select_related = ["school"]
    raw_id_fields = ["dossier", "school", "gepland_door", "verslag_door"]
    readonly_fields = ["uuid", "versie"]
    inlines = [DeelnemerInline, StemInline]


@admin.register(OPPVersie)
class OPPVersieAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "uitstroomniveau", "vastgesteld_op"]
    list_filter = ["status", "uitstroomniveau"]
    raw_id_fields = ["opp", "school", "opgesteld_door", "vastgesteld_door"]
    readonly_fields = ["uuid", "versie"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    """Metadata only: the file itself is served by the portal's scoped, access-logged view."""

    list_display = ["titel", "soort", "school", "extensie", "grootte", "geupload_op"]
    list_filter = ["soort", "extensie"]
    raw_id_fields = ["leerling", "dossier", "school", "geupload_door"]
    exclude = ["bestand"]
    readonly_fields = ["uuid", "oorspronkelijke_naam", "inhoudstype", "extensie", "grootte", "sha256"]


@admin.register(Overstap)
class OverstapAdmin(SimpleHistoryAdmin):
    list_display = ["leerling", "van_school", "naar_school", "datum", "leesrecht_tot"]
    raw_id_fields = ["leerling", "van_school", "naar_school", "vastgelegd_door"]


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


@admin.register(StemVanHetKind, MDODeelnemer, DossierStatusovergang)
class MDOOnderdeelAdmin(SimpleHistoryAdmin):
    list_display = ["__str__"]

    def get_raw_id_fields(self, request):
        return [f.name for f in self.model._meta.fields if f.is_relation]


# --- Thuiszitters, zorgplicht, risicolijst and notifications (issue 6) ---
from leerlingen.models import (  # noqa: E402
    Ketenpartner,
    Ladderstap,
    Ladderstapwijziging,
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
    list_display = ["casus", "van", "naar", "door", "op"]
    raw_id_fields = ["casus", "door"]


@admin.register(Zorgplichtcasus)
class ZorgplichtcasusAdmin(SimpleHistoryAdmin):
    list_display = ["uuid", "school", "aanmeldingsdatum", "termijn_datum", "verlengd_tot", "status", "uitkomst"]
    list_filter = ["status", "uitkomst"]
    list_select_related = ["school"]
    raw_id_fields = ["leerling", "school", "bestuur", "andere_school", "aangemaakt_door"]


@admin.register(ZorgplichtStatuswijziging)
class ZorgplichtStatuswijzigingAdmin(SimpleHistoryAdmin):
    list_display = ["casus", "van", "naar", "door", "op"]
    raw_id_fields = ["casus", "door"]


@admin.register(ZorgplichtHerinnering)
class ZorgplichtHerinneringAdmin(SimpleHistoryAdmin):
    list_display = ["casus", "moment", "uiterste_datum", "aangemaakt"]
    raw_id_fields = ["casus"]


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


# --- issue 14: parents' links. No pupil names in the list (the beheerder sees no pupil data). -------
from leerlingen.models import OuderKoppeling  # noqa: E402


@admin.register(OuderKoppeling)
class OuderKoppelingAdmin(SimpleHistoryAdmin):
    list_display = ["uuid", "ouder", "relatie", "gezag", "begin", "einde"]
    list_filter = ["gezag", "relatie"]
    list_select_related = ["ouder"]
    search_fields = ["ouder__email"]
    readonly_fields = ["uuid", "leerling_uuid", "uitgenodigd_door", "uitgenodigd_op", "beeindigd_door"]
    exclude = ["leerling"]

    @admin.display(description="leerling (uuid)")
    def leerling_uuid(self, obj):
        return obj.leerling.uuid

    def has_add_permission(self, request):
        return False  # links are made by the school, from the pupil's page


from leerlingen.models import OuderBrief  # noqa: E402


@admin.register(OuderBrief)
class OuderBriefAdmin(SimpleHistoryAdmin):
    """Letters delivered to parents: when, to whom, the objection term; no pupil names."""

    list_display = ["uuid", "ouder", "bron", "bezorgd_op", "bezwaartermijn_einde", "gedownload_op"]
    list_filter = ["bron"]
    list_select_related = ["ouder"]
    search_fields = ["ouder__email"]
    exclude = ["leerling", "taak"]
    readonly_fields = [
        "uuid",
        "ouder",
        "bron",
        "bron_uuid",
        "titel",
        "bezorgd_op",
        "bezwaartermijn_einde",
        "gedownload_op",
    ]

    def has_add_permission(self, request):
        return False
