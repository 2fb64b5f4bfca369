from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KwaliteitConfig(AppConfig):
    name = "kwaliteit"
    verbose_name = _("Quality and reporting")

    def ready(self) -> None:
        # Key-figure registry, report job kinds, home panels and menu, demo step.
        from kwaliteit import demo, kengetallen, panels, reports  # noqa: F401
