from django.urls import path

from leerlingen.views import leerling as views

app_name = "leerlingen"

urlpatterns = [
    path("", views.LeerlingLijstView.as_view(), name="lijst"),
    path("<uuid:uuid>/", views.LeerlingDetailView.as_view(), name="detail"),
]

# Thuiszitters, zorgplicht, risicolijst and notifications (issue 6).
from leerlingen.urls_thuiszitters import urlpatterns as thuiszitters_urlpatterns  # noqa: E402

urlpatterns += thuiszitters_urlpatterns
