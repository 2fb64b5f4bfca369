from django.urls import path

from leerlingen.views import leerling as views

app_name = "leerlingen"

urlpatterns = [
    path("", views.LeerlingLijstView.as_view(), name="lijst"),
    path("<uuid:uuid>/", views.LeerlingDetailView.as_view(), name="detail"),
]
