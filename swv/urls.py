from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from swv import views, views_meldingen

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("paneel/<slug:naam>/", views.PaneelView.as_view(), name="paneel"),
    path("register/", views.SchoolRegisterView.as_view(), name="register"),
    path("register/export/", views.RegisterExportView.as_view(), name="register_export"),
    path("scholen/<uuid:uuid>/", views.SchoolDetailView.as_view(), name="school_detail"),
    path("taken/<uuid:uuid>/", views.TaakDetailView.as_view(), name="taak_detail"),
    path("taken/<uuid:uuid>/download/", views.TaakDownloadView.as_view(), name="taak_download"),
    path("meldingen/", views_meldingen.MeldingenView.as_view(), name="meldingen"),
    path("meldingen/gelezen/", views_meldingen.MeldingenGelezenView.as_view(), name="meldingen_gelezen"),
    path("meldingen/<uuid:uuid>/openen/", views_meldingen.MeldingOpenenView.as_view(), name="melding_openen"),
    path("gezondheid/", views.GezondheidView.as_view(), name="gezondheid"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("leerlingen/", include("leerlingen.urls")),
    path("kwaliteit/", include("kwaliteit.urls")),
    path("publicaties/", include("kwaliteit.urls_publicaties")),
    path("tlv/", include("tlv.urls")),
    path("arrangementen/", include("arrangementen.urls")),
    path("financien/", include("financien.urls")),
    path("beheer/", admin.site.urls),
]
# Searchable long selects (issue 16): the one search endpoint.
from swv.views_zoeken import ZoekKeuzeView  # noqa: E402

urlpatterns += [path("zoeken/<str:bron>/", ZoekKeuzeView.as_view(), name="zoekkeuze")]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
