from django.urls import path

from arrangementen.views import aanvraag as views
from arrangementen.views import overig

app_name = "arrangementen"

urlpatterns = [
    path("", views.AanvraagLijstView.as_view(), name="lijst"),
    path("werkvoorraad/", views.WerkvoorraadView.as_view(), name="werkvoorraad"),
    path("leerling/<uuid:uuid>/", views.LeerlingArrangementenView.as_view(), name="leerling"),
    path("leerling/<uuid:uuid>/nieuw/", views.AanvraagNieuwView.as_view(), name="aanvraag_nieuw"),
    path("evaluatie/<uuid:uuid>/", views.EvaluatieView.as_view(), name="evalueren"),
    path("budget/", overig.BudgetView.as_view(), name="budget"),
    path("budget/vastleggen/", overig.BudgetVastleggenView.as_view(), name="budget_vastleggen"),
    path("realisatie/", overig.RealisatieView.as_view(), name="realisatie"),
    path("jaarverslag/", overig.JaarverslagView.as_view(), name="jaarverslag"),
    path("catalogus/", overig.CatalogusView.as_view(), name="catalogus"),
    path("<uuid:uuid>/", views.AanvraagDetailView.as_view(), name="detail"),
    path("<uuid:uuid>/bewerken/", views.AanvraagBewerkenView.as_view(), name="bewerken"),
    path("<uuid:uuid>/instemmen/", views.InstemmenView.as_view(), name="instemmen"),
    path("<uuid:uuid>/indienen/", views.IndienenView.as_view(), name="indienen"),
    path("<uuid:uuid>/in-beoordeling/", views.InBeoordelingView.as_view(), name="in_beoordeling"),
    path("<uuid:uuid>/aanvulling-vragen/", views.AanvullingVragenView.as_view(), name="aanvulling_vragen"),
    path("<uuid:uuid>/aanvullen/", views.AanvullenView.as_view(), name="aanvullen"),
    path("<uuid:uuid>/advies/", views.AdviesView.as_view(), name="advies"),
    path("<uuid:uuid>/besluit/", views.BesluitView.as_view(), name="besluiten"),
    path("<uuid:uuid>/intrekken/", views.IntrekkenView.as_view(), name="intrekken"),
    path("<uuid:uuid>/starten/", views.StartenView.as_view(), name="starten"),
    path("<uuid:uuid>/afronden/", views.AfrondenView.as_view(), name="afronden"),
    path("<uuid:uuid>/brief/", views.BriefDownloadView.as_view(), name="brief"),
    path("<uuid:uuid>/brief/status/", views.BriefStatusView.as_view(), name="brief_status"),
    path("<uuid:uuid>/brief/opnieuw/", views.BriefOpnieuwView.as_view(), name="brief_opnieuw"),
]
