from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerlingenConfig(AppConfig):
    name = "leerlingen"
    verbose_name = _("Pupils")

    def ready(self) -> None:
        from leerlingen import (  # noqa: F401  (demo steps, home panels, timeline sources, report jobs)
            demo,
            demo_dossier,
            demo_ouders,
            demo_privacy,
            demo_thuiszitters,
            inzagebronnen,
            opschoning,
            overzichtbronnen,
            panels,
            reports,
            tijdlijnbronnen,
        )
        from leerlingen.oso import demo as oso_demo  # noqa: F401  (demo step of the OSO intake)
