from .bezwaar import Bezwaar, BezwaarStatusovergang
from .meldingen import TLVMelding
from .tlv import TLV, Deskundigenadvies, Terugkeerbespreking, TLVNummerreeks, TLVStatusovergang

__all__ = [
    "Bezwaar",
    "BezwaarStatusovergang",
    "Deskundigenadvies",
    "TLV",
    "TLVMelding",
    "TLVNummerreeks",
    "TLVStatusovergang",
    "Terugkeerbespreking",
]
