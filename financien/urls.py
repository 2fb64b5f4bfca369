from django.urls import path

from financien.views import afdrachten, begroting, innovatie, overzicht, parameters, rapportage, realisatie, toewijzing

app_name = "financien"

urlpatterns = [
    path("", overzicht.OverzichtView.as_view(), name="overzicht"),
    path("reserves/", overzicht.ReservesView.as_view(), name="reserves"),
    path("parameters/", parameters.ParametersLijstView.as_view(), name="parameters"),
    path("parameters/<int:jaar>/", parameters.ParametersJaarView.as_view(), name="parameters_jaar"),
    path("parameters/<int:jaar>/kopieren/", parameters.ParametersKopierenView.as_view(), name="parameters_kopieren"),
    path(
        "parameters/<int:jaar>/budgetten/",
        parameters.ArrangementenbudgetOpslaanView.as_view(),
        name="arrangementenbudget_opslaan",
    ),
    path(
        "parameters/<int:jaar>/budgetten/<uuid:uuid>/verwijderen/",
        parameters.ArrangementenbudgetVerwijderenView.as_view(),
        name="arrangementenbudget_verwijderen",
    ),
    path("begroting/", begroting.MeerjarenbegrotingView.as_view(), name="begroting"),
    path("begroting/nieuw/", begroting.BegrotingAanmakenView.as_view(), name="begroting_aanmaken"),
    path("begroting/<int:jaar>/", begroting.BegrotingJaarView.as_view(), name="begroting_jaar"),
    path(
        "begroting/<int:jaar>/uit-parameters/",
        begroting.BegrotingUitParametersView.as_view(),
        name="begroting_uit_parameters",
    ),
    path("begroting/posten/", begroting.PostenView.as_view(), name="posten"),
    path("begroting/posten/standaard/", begroting.StandaardPostenView.as_view(), name="standaard_posten"),
    path("begroting/posten/<uuid:uuid>/", begroting.PostWijzigenView.as_view(), name="post_wijzigen"),
    path("realisatie/", realisatie.RealisatieView.as_view(), name="realisatie"),
    path("realisatie/rekeningen/", realisatie.RekeningenView.as_view(), name="rekeningen"),
    path(
        "realisatie/rekeningen/<uuid:uuid>/verwijderen/",
        realisatie.RekeningVerwijderenView.as_view(),
        name="rekening_verwijderen",
    ),
    path("realisatie/<uuid:uuid>/", realisatie.RealisatieImportView.as_view(), name="realisatie_import"),
    path("toewijzing/", toewijzing.ToewijzingStartView.as_view(), name="toewijzing"),
    path("toewijzing/<int:jaar>/", toewijzing.ToewijzingView.as_view(), name="toewijzing_jaar"),
    path(
        "toewijzing/<int:jaar>/<str:nummer>/excel/", toewijzing.ToewijzingExcelView.as_view(), name="toewijzing_excel"
    ),
    path("afdrachten/", afdrachten.AfdrachtenView.as_view(), name="afdrachten"),
    path("afdrachten/<int:jaar>/", afdrachten.AfdrachtenView.as_view(), name="afdrachten_jaar"),
    path("afdrachten/<int:jaar>/tlvs/", afdrachten.AfdrachtTlvsView.as_view(), name="afdracht_tlvs"),
    path("t-rapportages/", rapportage.TRapportagesView.as_view(), name="t_rapportages"),
    path("t-rapportages/<uuid:uuid>/", rapportage.TRapportageView.as_view(), name="t_rapportage"),
    path(
        "t-rapportages/<uuid:uuid>/voortgang/",
        rapportage.TRapportageVoortgangView.as_view(),
        name="t_rapportage_voortgang",
    ),
    path("t-rapportages/<uuid:uuid>/pdf/", rapportage.TRapportagePdfView.as_view(), name="t_rapportage_pdf"),
    path(
        "t-rapportages/<uuid:uuid>/<slug:actie>/", rapportage.TRapportageActieView.as_view(), name="t_rapportage_actie"
    ),
    path("innovatie/", innovatie.InnovatiesView.as_view(), name="innovaties"),
    path("innovatie/nieuw/", innovatie.InnovatieNieuwView.as_view(), name="innovatie_nieuw"),
    path("innovatie/<uuid:uuid>/", innovatie.InnovatieDetailView.as_view(), name="innovatie"),
    path("innovatie/<uuid:uuid>/indienen/", innovatie.InnovatieIndienenView.as_view(), name="innovatie_indienen"),
    path("innovatie/<uuid:uuid>/adviseren/", innovatie.InnovatieAdviserenView.as_view(), name="innovatie_adviseren"),
    path("innovatie/<uuid:uuid>/toekennen/", innovatie.InnovatieToekennenView.as_view(), name="innovatie_toekennen"),
    path("innovatie/<uuid:uuid>/afwijzen/", innovatie.InnovatieAfwijzenView.as_view(), name="innovatie_afwijzen"),
]
