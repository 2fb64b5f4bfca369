from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = _("Admissibility statements (TLV)")

    def ready(self) -> None:
        from tlv import demo, overzicht, panels, reports, tijdlijn, vervolgstap  # noqa: F401  (registries)

        tijdlijn.registreer()
