"""Build the web desk's bundled world outline (``src/newsgraph/api/static/world.svg``) once, offline.

Source: Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com), as shipped
inside the geopandas 0.14.4 wheel (``geopandas/datasets/naturalearth_lowres``). The outline is
drawn in the plate carrée projection the story map uses (x = lon + 180, y = 90 - lat, a 360 x
180 box), coordinates rounded to 0.1 degree and runs of points closer than that dropped, so the
committed file stays small. Nothing is fetched at run time: the SVG is package data.

Usage (a throwaway folder; neither package becomes a dependency):
    pip download geopandas==0.14.4 --no-deps -d /tmp/w && pip install --target /tmp/w/lib pyshp
    PYTHONPATH=/tmp/w/lib python scripts/make_world_outline.py /tmp/w/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "api" / "static" / "world.svg"
BASE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"


def rings(wheel: Path):
    import shapefile  # pyshp

    with zipfile.ZipFile(wheel) as z:
        reader = shapefile.Reader(shp=io.BytesIO(z.read(BASE + ".shp")), shx=io.BytesIO(z.read(BASE + ".shx")),
                                  dbf=io.BytesIO(z.read(BASE + ".dbf")))
        for shape in reader.shapes():
            parts = list(shape.parts) + [len(shape.points)]
            for a, b in zip(parts, parts[1:]):
                yield shape.points[a:b]


def path_of(ring) -> str | None:
    pts: list[tuple[float, float]] = []
    for lon, lat in ring:
        p = (round(lon + 180, 1), round(90 - lat, 1))
        if not pts or abs(p[0] - pts[-1][0]) + abs(p[1] - pts[-1][1]) >= 0.3:
            pts.append(p)
    if len(pts) < 4:
        return None
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z"


def main(wheel: str) -> None:
    paths = [p for r in rings(Path(wheel)) if (p := path_of(r))]
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" preserveAspectRatio="none">\n'
           '<!-- Natural Earth 1:110m countries (public domain); made by scripts/make_world_outline.py -->\n'
           f'<path fill="#fdfcf7" stroke="#9aa7b2" stroke-width="0.25" d="{"".join(paths)}"/>\n</svg>\n')
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(svg):,} bytes, {len(paths)} rings)")


if __name__ == "__main__":
    main(sys.argv[1])
