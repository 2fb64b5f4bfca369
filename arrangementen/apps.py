from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementenConfig(AppConfig):
    name = "arrangementen"
    verbose_name = _("Arrangements")

    def ready(self) -> None:
        from arrangementen import demo, ouders, overzicht, panels, reports, tijdlijn, vervolgstap  # noqa: F401  (registries)

        tijdlijn.registreren()
        from arrangementen import inzage

        inzage.registreren()  # its part of the pupil's inzage export
        inzage.opschoning_registreren()  # and of the retention job
