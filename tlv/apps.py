from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = _("Admissibility statements (TLV)")

    def ready(self) -> None:
        from tlv import demo, ouders, panels, reports, tijdlijn  # noqa: F401  (demo step, home panels and menu, job kinds, parents' portal)

        tijdlijn.registreer()
        from tlv import inzage

        inzage.registreren()  # its part of the pupil's inzage export
        inzage.opschoning_registreren()  # and of the retention job
