from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementenConfig(AppConfig):
    name = "arrangementen"
    verbose_name = _("Arrangements")
