"""Server-rendered SVG of the pijplijn (no JavaScript; every chart has a data table next to it)."""

from __future__ import annotations

BREEDTE = 640
LABEL = 220
RIJ = 26


def wachttijd_grafiek(per_school: list[dict]) -> dict | None:
    """Median waiting time per S(B)O school as a bar, with the spread (p25-p75) as a line."""
    rijen = [r for r in per_school if r["aantal"]]
    if not rijen:
        return None
    maximum = max(max(r["p75"] for r in rijen), 1)
    stap = next(s for s in (7, 14, 28, 56, 91, 182, 365, 730) if maximum / s <= 8)
    schaal = (BREEDTE - LABEL - 20) / (stap * (int(maximum // stap) + 1))

    def x(dagen) -> float:
        return round(LABEL + dagen * schaal, 1)

    return {
        "breedte": BREEDTE,
        "hoogte": RIJ * len(rijen) + 30,
        "rijen": [
            {
                "school": r["school"],
                "y": 10 + i * RIJ,
                "x0": LABEL,
                "x_mediaan": x(r["mediaan"]),
                "x_p25": x(r["p25"]),
                "x_p75": x(r["p75"]),
                "mediaan": r["mediaan"],
                "breedte": round(x(r["mediaan"]) - LABEL, 1),
            }
            for i, r in enumerate(rijen)
        ],
        "ticks": [{"x": x(d), "dagen": d} for d in range(0, int(maximum // stap + 2) * stap, stap)],
        "as_y": RIJ * len(rijen) + 12,
    }
