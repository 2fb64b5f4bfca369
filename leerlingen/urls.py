from django.urls import path

from leerlingen import views

app_name = "leerlingen"

urlpatterns = [
    path("", views.LeerlingLijstView.as_view(), name="lijst"),
    path("<uuid:uuid>/", views.LeerlingDetailView.as_view(), name="detail"),
]
