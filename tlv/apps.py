from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = _("Admissibility statements (TLV)")

    def ready(self) -> None:
        from tlv import demo, overzicht, panels, reports, tijdlijn  # noqa: F401  (demo step, panels and menu, jobs, overview)

        tijdlijn.registreer()
