from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = _("Admissibility statements (TLV)")

    def ready(self) -> None:
        from tlv import demo, ouders, overzicht, panels, reports, tijdlijn, vervolgstap  # noqa: F401  (registries)

        tijdlijn.registreer()
        from tlv import inzage

        inzage.registreren()  # its part of the pupil's inzage export
        inzage.opschoning_registreren()  # and of the retention job
