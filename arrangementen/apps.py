from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementenConfig(AppConfig):
    name = "arrangementen"
    verbose_name = _("Arrangements")

    def ready(self) -> None:
        from arrangementen import demo, overzicht, panels, reports, tijdlijn, vervolgstap  # noqa: F401  (registries)

        tijdlijn.registreren()
