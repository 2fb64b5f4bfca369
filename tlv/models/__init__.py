from .bezwaar import Bezwaar, BezwaarStatusovergang
from .tlv import TLV, Deskundigenadvies, Terugkeerbespreking, TLVNummerreeks, TLVStatusovergang

__all__ = [
    "Bezwaar",
    "BezwaarStatusovergang",
    "Deskundigenadvies",
    "TLV",
    "TLVNummerreeks",
    "TLVStatusovergang",
    "Terugkeerbespreking",
]
