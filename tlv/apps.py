from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TlvConfig(AppConfig):
    name = "tlv"
    verbose_name = _("Admissibility statements (TLV)")
