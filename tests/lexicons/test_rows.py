"""Every lexicon data file has one typed loader, and its columns hold what the type says."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.errors import LexiconError
from newsgraph.lexicons import ROW_TYPES, load_rows, load_tsv

DATA = sorted(p.name for p in resources.files("newsgraph.lexicons").iterdir() if p.name.endswith(".tsv"))


@pytest.mark.parametrize("name", DATA)
def test_rows_every_data_file_has_a_row_type_matching_its_columns(name):
    assert name in ROW_TYPES, f"declare a row type for {name} in newsgraph/lexicons/__init__.py (ROW_TYPES)"
    assert tuple(load_tsv(name)[0]) == ROW_TYPES[name]._fields
    rows = load_rows(name)
    assert rows and all(isinstance(r, ROW_TYPES[name]) for r in rows)


def test_rows_unknown_file_is_a_clear_error():
    with pytest.raises(LexiconError, match="no row type"):
        load_rows("nothing.tsv")


def _codes() -> set[str]:
    return {r.code for r in load_rows("countries.tsv")}


# bodies outside any one country carry group codes (CAMEO style) instead of a country
GROUP_CODES = {"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "AFR", "ASA", "MEA", "WST", "LAM", "NAF", "SAF"}


@pytest.mark.parametrize("name,column", [
    ("people.tsv", "country"), ("organisations.tsv", "country"), ("metonyms.tsv", "country"),
    ("plover_places.tsv", "country"),
])
def test_rows_country_columns_hold_alpha3_codes(name, column):
    bad = {getattr(r, column) for r in load_rows(name)} - _codes() - GROUP_CODES - {None}
    assert not bad, f"{name}.{column}: not ISO 3166 alpha-3 codes: {sorted(bad)[:10]}"


def test_rows_countries_have_unique_codes_and_two_letter_alpha2():
    rows = load_rows("countries.tsv")
    assert len({r.code for r in rows}) == len(rows)
    assert all(len(r.code) == 3 and len(r.alpha2) == 2 and r.code.isupper() for r in rows)


def test_rows_people_and_organisations_have_unique_names_and_aliases():
    for name in ("people.tsv", "organisations.tsv"):
        seen: dict[str, str] = {}
        for r in load_rows(name):
            for surface in (r.name, *r.aliases):
                assert seen.setdefault(surface.casefold(), r.name) == r.name, f"{name}: {surface!r} twice"


def test_rows_numbers_parse_and_list_columns_split():
    assert {r.word: r.value for r in load_rows("numbers.tsv")}["zero"] == 0
    roles = load_rows("quote_roles.tsv")
    assert any(len(r.titles) > 1 for r in roles) and all("|" not in t for r in roles for t in r.titles)


def test_rows_the_package_reads_data_files_only_through_their_typed_loader():
    """A raw ``load_tsv`` call outside the lexicons package would bypass the row types' checks."""
    src = resources.files("newsgraph")
    offenders = []
    for path in sorted(Path(str(src)).rglob("*.py")):
        if path.parent.name == "lexicons":
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "load_tsv(" in line:
                offenders.append(f"{path.relative_to(Path(str(src)))}:{lineno}")
    assert not offenders, f"read data files with load_rows, not load_tsv: {offenders}"


def test_rows_cells_are_converted_to_their_field_types():
    numbers = {r.word: r.value for r in load_rows("numbers.tsv")}
    assert isinstance(numbers["two"], Decimal) and numbers["two"] == 2
    roles = {r.role: r.titles for r in load_rows("quote_roles.tsv")}
    assert isinstance(roles["president"], tuple) and "president" in roles["president"]


def test_rows_currency_codes_are_iso_4217():
    """A money figure's unit is read by other tools as an ISO 4217 code."""
    pycountry = pytest.importorskip("pycountry")
    # withdrawn since, still needed to read older reports: Croatian kuna, Bulgarian lev, Zimbabwe dollar
    withdrawn = {"HRK", "BGN", "ZWL"}
    known = {c.alpha_3 for c in pycountry.currencies} | withdrawn
    assert {r.code for r in load_rows("currencies.tsv")} - known == set()
