from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancienConfig(AppConfig):
    name = "financien"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from financien import demo, panels, reports  # noqa: F401  (demo step, home panels, job kinds)
