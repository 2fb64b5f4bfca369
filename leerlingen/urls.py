from django.urls import path

from leerlingen.views import leerling as views

app_name = "leerlingen"

urlpatterns = [
    path("", views.LeerlingLijstView.as_view(), name="lijst"),
    path("<uuid:uuid>/", views.LeerlingDetailView.as_view(), name="detail"),
    path("<uuid:uuid>/overzicht/", views.LeerlingOverzichtView.as_view(), name="overzicht"),
]

# --- issue 3: dossier (groeidocument), OPP, MDO/OT, documents, import, transfer ---------------------
from leerlingen.views import dossier as dossier_views  # noqa: E402
from leerlingen.views import importeren as import_views  # noqa: E402
from leerlingen.views import mdo as mdo_views  # noqa: E402

urlpatterns += [
    path("nieuw/", import_views.LeerlingNieuwView.as_view(), name="leerling_nieuw"),
    path("import/", import_views.ImportNieuwView.as_view(), name="import_nieuw"),
    path("import/<uuid:uuid>/", import_views.ImportDetailView.as_view(), name="import_detail"),
    path("<uuid:uuid>/overstap/", import_views.OverstapView.as_view(), name="overstap"),
    path("<uuid:uuid>/leerkrachten/", import_views.LeerkrachtenView.as_view(), name="leerkrachten"),
    path("<uuid:uuid>/tijdlijn/", dossier_views.TijdlijnView.as_view(), name="tijdlijn"),
    path("<uuid:uuid>/signaal/", dossier_views.SignaalNieuwView.as_view(), name="signaal_nieuw"),
    path("<uuid:uuid>/dossier-openen/", dossier_views.DossierOpenenView.as_view(), name="dossier_openen"),
    path("dossiers/", dossier_views.DossierLijstView.as_view(), name="dossier_lijst"),
    path("dossiers/<uuid:uuid>/", dossier_views.DossierDetailView.as_view(), name="dossier_detail"),
    path("dossiers/<uuid:uuid>/afsluiten/", dossier_views.DossierAfsluitenView.as_view(), name="dossier_afsluiten"),
    path("dossiers/<uuid:uuid>/heropenen/", dossier_views.DossierHeropenenView.as_view(), name="dossier_heropenen"),
    path("dossiers/<uuid:uuid>/geschiedenis/", dossier_views.GeschiedenisView.as_view(), name="dossier_geschiedenis"),
    path(
        "dossiers/<uuid:uuid>/secties/<str:sectie>/", dossier_views.SectieBewerkenView.as_view(), name="sectie_bewerken"
    ),
    path(
        "dossiers/<uuid:uuid>/interventies/nieuw/",
        dossier_views.InterventieNieuwView.as_view(),
        name="interventie_nieuw",
    ),
    path(
        "interventies/<uuid:uuid>/evalueren/",
        dossier_views.InterventieEvaluerenView.as_view(),
        name="interventie_evalueren",
    ),
    path("dossiers/<uuid:uuid>/documenten/nieuw/", dossier_views.DocumentNieuwView.as_view(), name="document_nieuw"),
    path("documenten/<uuid:uuid>/", dossier_views.DocumentDownloadView.as_view(), name="document_download"),
    path("dossiers/<uuid:uuid>/opp/nieuw/", mdo_views.OPPNieuwView.as_view(), name="opp_nieuw"),
    path("opp/<uuid:uuid>/", mdo_views.OPPDetailView.as_view(), name="opp_detail"),
    path("opp/<uuid:uuid>/bewerken/", mdo_views.OPPBewerkenView.as_view(), name="opp_bewerken"),
    path("opp/<uuid:uuid>/vaststellen/", mdo_views.OPPVaststellenView.as_view(), name="opp_vaststellen"),
    path("opp/<uuid:uuid>/instemming/", mdo_views.InstemmingView.as_view(), name="opp_instemming"),
    path("dossiers/<uuid:uuid>/mdo/nieuw/", mdo_views.MDOPlannenView.as_view(), name="mdo_plannen"),
    path("mdo/<uuid:uuid>/", mdo_views.MDODetailView.as_view(), name="mdo_detail"),
    path("mdo/<uuid:uuid>/bewerken/", mdo_views.MDOBewerkenView.as_view(), name="mdo_bewerken"),
    path("mdo/<uuid:uuid>/verslag/", mdo_views.MDOVerslagView.as_view(), name="mdo_verslag"),
    path("mdo/<uuid:uuid>/annuleren/", mdo_views.MDOAnnulerenView.as_view(), name="mdo_annuleren"),
    path("mdo/<uuid:uuid>/advies/", mdo_views.AdviesView.as_view(), name="mdo_advies"),
    path("afspraken/<uuid:uuid>/afronden/", mdo_views.AfspraakAfrondenView.as_view(), name="afspraak_afronden"),
]
# Thuiszitters, zorgplicht, risicolijst and notifications (issue 6).
from leerlingen.urls_thuiszitters import urlpatterns as thuiszitters_urlpatterns  # noqa: E402

urlpatterns += thuiszitters_urlpatterns

# --- issue 15: OSO intake ----------------------------------------------------------------------
from leerlingen.views import oso as oso_views  # noqa: E402

urlpatterns += [
    path("oso/", oso_views.OsoNieuwView.as_view(), name="oso_nieuw"),
    path("oso/<uuid:uuid>/", oso_views.OsoDetailView.as_view(), name="oso_detail"),
]

# --- issue 13: the inzage export ----------------------------------------------------------------------
from leerlingen.views import inzage as inzage_views  # noqa: E402

urlpatterns += [
    path("<uuid:uuid>/inzage-export/", inzage_views.InzageExportView.as_view(), name="inzage_export"),
]

# --- issue 13: the register of privacy requests -------------------------------------------------------
from leerlingen.views import privacy as privacy_views  # noqa: E402

urlpatterns += [
    path("privacyverzoeken/", privacy_views.PrivacyverzoekLijstView.as_view(), name="privacyverzoek_lijst"),
    path(
        "privacyverzoeken/<uuid:uuid>/", privacy_views.PrivacyverzoekDetailView.as_view(), name="privacyverzoek_detail"
    ),
    path(
        "<uuid:uuid>/privacyverzoek/",
        privacy_views.PrivacyverzoekRegistrerenView.as_view(),
        name="privacyverzoek_registreren",
    ),
    path(
        "privacyverzoeken/<uuid:uuid>/in-behandeling/",
        privacy_views.InBehandelingView.as_view(),
        name="privacyverzoek_in_behandeling",
    ),
    path(
        "privacyverzoeken/<uuid:uuid>/verlengen/",
        privacy_views.VerlengenView.as_view(),
        name="privacyverzoek_verlengen",
    ),
    path(
        "privacyverzoeken/<uuid:uuid>/afhandelen/",
        privacy_views.AfhandelenView.as_view(),
        name="privacyverzoek_afhandelen",
    ),
    path("privacyverzoeken/<uuid:uuid>/export/", privacy_views.ExportMakenView.as_view(), name="privacyverzoek_export"),
]
urlpatterns += [
    path(
        "privacyverzoeken/bewaartermijn/",
        privacy_views.BewaartermijnRapportenView.as_view(),
        name="bewaartermijn_rapporten",
    ),
]
urlpatterns += [
    path("<uuid:uuid>/langer-bewaren/", privacy_views.LangerBewarenView.as_view(), name="langer_bewaren"),
]
# The parents' portal (issue 14): the school's invitation, and the parents' own pages.
from leerlingen.views import ouders as ouder_views  # noqa: E402
from leerlingen.views import ouders_portaal as portaal_views  # noqa: E402

urlpatterns += [
    path("<uuid:uuid>/ouder-uitnodigen/", ouder_views.OuderUitnodigenView.as_view(), name="ouder_uitnodigen"),
    path(
        "ouderkoppelingen/<uuid:uuid>/beeindigen/",
        ouder_views.KoppelingBeeindigenView.as_view(),
        name="ouderkoppeling_beeindigen",
    ),
    path("<uuid:uuid>/logboek/", ouder_views.LogboekView.as_view(), name="logboek"),
    path("ouders/", portaal_views.OuderHomeView.as_view(), name="ouders_home"),
    path("ouders/kind/<uuid:kind>/logboek/", portaal_views.OuderLogboekView.as_view(), name="ouders_logboek"),
    path("ouders/kind/<uuid:kind>/", portaal_views.KindView.as_view(), name="ouders_kind"),
    path("ouders/brieven/<uuid:uuid>/", portaal_views.OuderBriefView.as_view(), name="ouders_brief"),
    path("ouders/kind/<uuid:kind>/document/", portaal_views.OuderDocumentView.as_view(), name="ouders_document"),
    path("ouders/kind/<uuid:kind>/opp/<uuid:uuid>/", portaal_views.OPPInstemmingView.as_view(), name="ouders_opp"),
    path(
        "ouders/kind/<uuid:kind>/verzoek/<slug:bron>/<uuid:uuid>/",
        portaal_views.ZienswijzeView.as_view(),
        name="ouders_zienswijze",
    ),
]
