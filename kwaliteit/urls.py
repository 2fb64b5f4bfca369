from django.urls import path

from kwaliteit.views import dashboard, jaarplan, kalender, klachten, landelijk, vergelijking, verslagen

app_name = "kwaliteit"

urlpatterns = [
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("dashboard/scholen/", dashboard.DashboardScholenView.as_view(), name="dashboard_scholen"),
    path("dashboard/export/<slug:sleutel>/", dashboard.KengetalExportView.as_view(), name="kengetal_export"),
    path("landelijk/", landelijk.LandelijkLijstView.as_view(), name="landelijk"),
    path("vergelijking/", vergelijking.VergelijkingView.as_view(), name="vergelijking"),
    path("vergelijking/export/", vergelijking.VergelijkingExportView.as_view(), name="vergelijking_export"),
    path("landelijk/nieuw/", landelijk.LandelijkCijferView.as_view(), name="landelijk_nieuw"),
    path("landelijk/<str:teldatum>/", landelijk.LandelijkCijferView.as_view(), name="landelijk_bewerken"),
    path("jaarplan/", jaarplan.JaarplanLijstView.as_view(), name="jaarplannen"),
    path("jaarplan/nieuw/", jaarplan.JaarplanNieuwView.as_view(), name="jaarplan_nieuw"),
    path("jaarplan/<uuid:uuid>/", jaarplan.JaarplanDetailView.as_view(), name="jaarplan"),
    path("jaarplan/<uuid:uuid>/bewerken/", jaarplan.JaarplanBewerkenView.as_view(), name="jaarplan_bewerken"),
    path("jaarplan/<uuid:uuid>/vaststellen/", jaarplan.JaarplanVaststellenView.as_view(), name="jaarplan_vaststellen"),
    path("jaarplan/<uuid:uuid>/heropenen/", jaarplan.JaarplanHeropenenView.as_view(), name="jaarplan_heropenen"),
    path("jaarplan/<uuid:uuid>/ambities/nieuw/", jaarplan.AmbitieView.as_view(), name="ambitie_nieuw"),
    path("jaarplan/<uuid:uuid>/ambities/<uuid:ambitie>/", jaarplan.AmbitieView.as_view(), name="ambitie_bewerken"),
    path("jaarplan/<uuid:uuid>/doelen/nieuw/", jaarplan.DoelView.as_view(), name="doel_nieuw"),
    path("jaarplan/<uuid:uuid>/doelen/<uuid:doel>/", jaarplan.DoelView.as_view(), name="doel_bewerken"),
    path("jaarplan/<uuid:uuid>/doelen/<uuid:doel>/acties/nieuw/", jaarplan.ActieView.as_view(), name="actie_nieuw"),
    path("jaarplan/<uuid:uuid>/acties/<uuid:actie>/", jaarplan.ActieView.as_view(), name="actie_bewerken"),
    path(
        "jaarplan/<uuid:uuid>/acties/<uuid:actie>/verwijderen/",
        jaarplan.ActieVerwijderenView.as_view(),
        name="actie_verwijderen",
    ),
    path(
        "jaarplan/<uuid:uuid>/doelen/<uuid:doel>/evaluatie/<uuid:moment>/",
        jaarplan.EvaluatieView.as_view(),
        name="evaluatie",
    ),
    path("kalender/", kalender.KalenderView.as_view(), name="kalender"),
    path("kalender/nieuw/", kalender.KalenderItemView.as_view(), name="kalender_nieuw"),
    path("kalender/<uuid:uuid>/", kalender.KalenderItemView.as_view(), name="kalender_bewerken"),
    path("kalender/<uuid:uuid>/status/", kalender.KalenderMomentView.as_view(), name="kalender_status"),
    path("verslagen/", verslagen.VerslagenView.as_view(), name="verslagen"),
    path("verslagen/genereren/", verslagen.VerslagGenererenView.as_view(), name="verslag_genereren"),
    path("verslagen/<uuid:uuid>/", verslagen.VerslagDetailView.as_view(), name="verslag"),
    path("verslagen/versies/<uuid:uuid>/download/", verslagen.VersieDownloadView.as_view(), name="versie_download"),
    path(
        "verslagen/versies/<uuid:uuid>/vaststellen/",
        verslagen.VersieVaststellenView.as_view(),
        name="versie_vaststellen",
    ),
    path("verslagen/versies/<uuid:uuid>/intrekken/", verslagen.VersieIntrekkenView.as_view(), name="versie_intrekken"),
    path(
        "verslagen/versies/<uuid:uuid>/publiceren/", verslagen.VersiePublicerenView.as_view(), name="versie_publiceren"
    ),
    path("klachten/", klachten.KlachtenView.as_view(), name="klachten"),
    path("klachten/nieuw/", klachten.KlachtRegistrerenView.as_view(), name="klacht_nieuw"),
    path("klachten/cijfers/", klachten.KlachtCijfersView.as_view(), name="klachten_cijfers"),
    path("klachten/<uuid:uuid>/", klachten.KlachtDetailView.as_view(), name="klacht"),
    path("klachten/<uuid:uuid>/bevestigen/", klachten.KlachtBevestigenView.as_view(), name="klacht_bevestigen"),
    path("klachten/<uuid:uuid>/behandelen/", klachten.KlachtInBehandelingView.as_view(), name="klacht_behandelen"),
    path("klachten/<uuid:uuid>/derde/", klachten.KlachtDerdeView.as_view(), name="klacht_derde"),
    path("klachten/<uuid:uuid>/afhandelen/", klachten.KlachtAfhandelenView.as_view(), name="klacht_afhandelen"),
    path("klachten/<uuid:uuid>/lkc/", klachten.KlachtLkcView.as_view(), name="klacht_lkc"),
    path("klachten/<uuid:uuid>/intrekken/", klachten.KlachtIntrekkenView.as_view(), name="klacht_intrekken"),
]
