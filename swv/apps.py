from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SwvConfig(AppConfig):
    name = "swv"
    verbose_name = _("Organisation and platform")

    def ready(self) -> None:
        from swv import checks, panels, reports  # noqa: F401  (checks, home panels, job kinds)
