from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerlingenConfig(AppConfig):
    name = "leerlingen"
    verbose_name = _("Pupils")

    def ready(self) -> None:
        from leerlingen import (  # noqa: F401  (demo step, home panels)
            demo,
            demo_dossier,  # noqa: F401  (issue 3: demo cases)
            panels,
            tijdlijnbronnen,  # noqa: F401  (issue 3: timeline sources)
        )
