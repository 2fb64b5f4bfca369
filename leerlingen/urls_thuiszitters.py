"""URLs of thuiszitters, zorgplicht, risicolijst and notifications (appended to ``leerlingen.urls``)."""

from django.urls import path

from leerlingen.views import risicolijst, thuiszitters, zorgplicht

urlpatterns = [
    path("thuiszitters/", thuiszitters.ThuiszitterLijstView.as_view(), name="thuiszitters"),
    path("thuiszitters/dashboard/", thuiszitters.DashboardView.as_view(), name="thuiszitters_dashboard"),
    path("thuiszitters/export/", thuiszitters.ThuiszittersExportView.as_view(), name="thuiszitters_export"),
    path("thuiszitters/kies-leerling/", thuiszitters.KiesLeerlingView.as_view(), name="kies_leerling"),
    path("thuiszitters/nieuw/", thuiszitters.ThuiszitterNieuwView.as_view(), name="thuiszitter_nieuw"),
    path(
        "thuiszitters/nieuw-zonder-inschrijving/",
        thuiszitters.KindZonderInschrijvingView.as_view(),
        name="thuiszitter_zonder_inschrijving",
    ),
    path("thuiszitters/ladder/", thuiszitters.LadderView.as_view(), name="ladder"),
    path("thuiszitters/ladder/nieuw/", thuiszitters.LadderstapView.as_view(), name="ladderstap_nieuw"),
    path("thuiszitters/ladder/<uuid:uuid>/", thuiszitters.LadderstapView.as_view(), name="ladderstap_wijzigen"),
    path("thuiszitters/<uuid:uuid>/", thuiszitters.ThuiszitterDetailView.as_view(), name="thuiszitter_detail"),
    path(
        "thuiszitters/<uuid:uuid>/wijzigen/",
        thuiszitters.ThuiszitterWijzigenView.as_view(),
        name="thuiszitter_wijzigen",
    ),
    path("thuiszitters/<uuid:uuid>/stap/", thuiszitters.ThuiszitterStapView.as_view(), name="thuiszitter_stap"),
    path(
        "thuiszitters/<uuid:uuid>/partners/",
        thuiszitters.ThuiszitterPartnersView.as_view(),
        name="thuiszitter_partners",
    ),
    path(
        "thuiszitters/<uuid:uuid>/partners/<uuid:partner_uuid>/ontkoppelen/",
        thuiszitters.ThuiszitterPartnerOntkoppelenView.as_view(),
        name="thuiszitter_partner_ontkoppelen",
    ),
    path(
        "thuiszitters/<uuid:uuid>/afsluiten/",
        thuiszitters.ThuiszitterAfsluitenView.as_view(),
        name="thuiszitter_afsluiten",
    ),
    path("zorgplicht/", zorgplicht.ZorgplichtLijstView.as_view(), name="zorgplicht"),
    path("zorgplicht/nieuw/", zorgplicht.ZorgplichtNieuwView.as_view(), name="zorgplicht_nieuw"),
    path("zorgplicht/<uuid:uuid>/", zorgplicht.ZorgplichtDetailView.as_view(), name="zorgplicht_detail"),
    path(
        "zorgplicht/<uuid:uuid>/verlengen/", zorgplicht.ZorgplichtVerlengenView.as_view(), name="zorgplicht_verlengen"
    ),
    path("zorgplicht/<uuid:uuid>/besluit/", zorgplicht.ZorgplichtBesluitView.as_view(), name="zorgplicht_besluit"),
    path("risicolijst/", risicolijst.RisicolijstView.as_view(), name="risicolijst"),
    path("risicolijst/nieuw/", risicolijst.RisicoNieuwView.as_view(), name="risico_nieuw"),
    path("risicolijst/<uuid:uuid>/beeindigen/", risicolijst.RisicoBeeindigenView.as_view(), name="risico_beeindigen"),
    path("risicolijst/rondes/nieuw/", risicolijst.RondeNieuwView.as_view(), name="ronde_nieuw"),
    path("risicolijst/rondes/<uuid:uuid>/", risicolijst.RondeDetailView.as_view(), name="ronde_detail"),
    path("risicolijst/rondes/<uuid:uuid>/export/", risicolijst.RondeExportView.as_view(), name="ronde_export"),
]
