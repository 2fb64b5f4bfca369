from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerlingenConfig(AppConfig):
    name = "leerlingen"
    verbose_name = _("Pupils")

    def ready(self) -> None:
        from leerlingen import demo, demo_thuiszitters, panels, reports  # noqa: F401  (demo step, home panels)  # noqa: F401  (issue 6: demo step, report jobs)
