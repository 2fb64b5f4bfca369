"""Publications: the OPR portal (login, per audience) and the public documents (no login; the
``/publicaties/openbaar/`` prefix is exempt from the two-factor middleware)."""

from django.urls import path

from kwaliteit.views import publicaties

app_name = "publicaties"

urlpatterns = [
    path("", publicaties.PublicatiesView.as_view(), name="overzicht"),
    path("nieuw/", publicaties.PublicatieUploadView.as_view(), name="nieuw"),
    path("openbaar/", publicaties.OpenbaarView.as_view(), name="openbaar"),
    path("openbaar/<uuid:uuid>/", publicaties.OpenbaarDownloadView.as_view(), name="openbaar_download"),
    path("<uuid:uuid>/", publicaties.PublicatieDetailView.as_view(), name="detail"),
    path("<uuid:uuid>/download/", publicaties.PublicatieDownloadView.as_view(), name="download"),
    path("<uuid:uuid>/intrekken/", publicaties.PublicatieIntrekkenView.as_view(), name="intrekken"),
]
