"""Gazetteer look-ups over the packaged lexicons (countries, metonyms, titles, organisations)."""

import pytest

from newsgraph.extract import gazetteer as gz
from newsgraph.lexicons import load_tsv


@pytest.mark.parametrize("text,code", [
    ("United States", "USA"), ("the United States", "USA"), ("U.S.", "USA"), ("US", "USA"),
    ("USA", "USA"), ("America", "USA"), ("the U.S.'s", "USA"), ("Americans", "USA"),
    ("American", "USA"), ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Russians", "RUS"),
    ("Syria", "SYR"), ("Syrian", "SYR"), ("Syrians", "SYR"), ("Iran", "IRN"), ("Iranian", "IRN"),
    ("South Korea", "KOR"), ("North Korea", "PRK"), ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"),
    ("Côte d\u2019Ivoire", "CIV"), ("Ivorian", "CIV"), ("UK", "GBR"), ("Britain", "GBR"),
    ("British", "GBR"), ("Britons", "GBR"), ("South African", "ZAF"), ("Turkey", "TUR"),
    ("Türkiye", "TUR"), ("Burma", "MMR"), ("Czechia", "CZE"), ("DRC", "COD"), ("Chinese", "CHN"),
    ("French", "FRA"), ("Dutch", "NLD"), ("Holland", "NLD"), ("Palestinians", "PSE"),
    ("Israelis", "ISR"), ("Swiss", "CHE"), ("Filipinos", "PHL"), ("UAE", "ARE"),
])
def test_gazetteer_country_code_known(text, code):
    assert gz.country_code(text) == code


@pytest.mark.parametrize("text", [
    "us", "Us", "Korea", "Island", "Wales", "Thai food", "", "   ", "John Kerry", "Kremlin", "UN",
    "Victoria",
])
def test_gazetteer_country_code_unknown(text):
    assert gz.country_code(text) is None


def test_gazetteer_country_code_without_demonyms():
    assert gz.country_code("Russians", demonyms=False) is None
    assert gz.country_code("Russia", demonyms=False) == "RUS"


@pytest.mark.parametrize("text,expected", [
    ("Russian", True), ("Americans", True), ("Russia", False), ("U.S.", False), ("Kerry", False),
])
def test_gazetteer_is_demonym(text, expected):
    assert gz.is_demonym(text) is expected


@pytest.mark.parametrize("code,name", [
    ("USA", "United States"), ("usa", "United States"), ("RUS", "Russia"), ("SYR", "Syria"),
    ("IRN", "Iran"), ("KOR", "South Korea"), ("CIV", "Ivory Coast"), ("GBR", "United Kingdom"),
    ("ZAF", "South Africa"), ("US", "United States"), ("XXX", None), ("", None),
])
def test_gazetteer_country_name(code, name):
    assert gz.country_name(code) == name


def test_gazetteer_countries_cover_iso_3166():
    table = gz.countries()
    assert len(table) >= 249
    assert all(len(c.code) == 3 and c.code.isupper() and len(c.alpha2) == 2 for c in table.values())
    assert all(c.status in ("state", "territory") for c in table.values())


def test_gazetteer_every_alias_and_demonym_resolves_to_its_own_country():
    """No alias or demonym is silently shadowed by another country's entry."""
    clashes = []
    for c in gz.countries().values():
        for surface in (c.name, *c.aliases, *c.demonyms):
            got = gz.country_code(surface)
            if got != c.code:
                clashes.append((surface, c.code, got))
    assert clashes == []


@pytest.mark.parametrize("text,expected", [
    ("Moscow", ("RUS", "GOV")), ("the Kremlin", ("RUS", "GOV")), ("Kremlin", ("RUS", "GOV")),
    ("Washington", ("USA", "GOV")), ("the White House", ("USA", "GOV")),
    ("the State Department", ("USA", "GOV")), ("the Pentagon", ("USA", "MIL")),
    ("Downing Street", ("GBR", "GOV")), ("Beijing", ("CHN", "GOV")), ("Damascus", ("SYR", "GOV")),
    ("Tehran", ("IRN", "GOV")), ("Capitol Hill", ("USA", "LEG")), ("Moscow's", ("RUS", "GOV")),
    ("Victoria", None), ("Aleppo", None), ("Russia", None), ("", None),
])
def test_gazetteer_metonym(text, expected):
    assert gz.metonym(text) == expected


@pytest.mark.parametrize("text,role", [
    ("foreign minister", "GOV"), ("Foreign Minister", "GOV"), ("secretary of state", "GOV"),
    ("Secretary of State", "GOV"), ("president", "GOV"), ("prime minister", "GOV"),
    ("general", "MIL"), ("Gen.", "MIL"), ("ambassador", "GOV"), ("senator", "LEG"),
    ("judge", "JUD"), ("police chief", "COP"), ("rebel commander", "REB"),
    ("opposition leader", "OPP"), ("chief executive", "BUS"), ("correspondent", "MED"),
    ("Secretary-General", "IGO"), ("secretary general", "IGO"),
    ("spokesman", None), ("Mr.", None), ("plumber", None), ("", None),
])
def test_gazetteer_title_role(text, role):
    assert gz.title_role(text) == role


def test_gazetteer_title_kind():
    assert gz.title("Mr.").kind == "honorific"
    assert gz.title("foreign minister").kind == "office"
    assert "secretary of state" in gz.title_keys()


@pytest.mark.parametrize("text,expected", [
    ("UN", ("United Nations", "IGO")), ("U.N.", ("United Nations", "IGO")),
    ("the United Nations", ("United Nations", "IGO")), ("United Nations", ("United Nations", "IGO")),
    ("UN's", ("United Nations", "IGO")), ("NATO", ("NATO", "IGO")), ("Nato", ("NATO", "IGO")),
    ("EU", ("European Union", "IGO")), ("the European Union", ("European Union", "IGO")),
    ("Islamic State", ("Islamic State", "REB")), ("the Islamic State", ("Islamic State", "REB")),
    ("ISIS", ("Islamic State", "REB")), ("ISIL", ("Islamic State", "REB")),
    ("Daesh", ("Islamic State", "REB")), ("Red Cross", ("International Committee of the Red Cross", "NGO")),
    ("Reuters", ("Reuters", "MED")),
    ("un", None), ("is", None), ("who", None), ("Is", None), ("Kerry", None), ("", None),
])
def test_gazetteer_organisation(text, expected):
    assert gz.organisation(text) == expected


def test_gazetteer_organisation_info_country():
    assert gz.organisation_info("Hezbollah").country == "LBN"
    assert gz.organisation_info("UN").country is None


@pytest.mark.parametrize("text,key", [
    ("the U.S.", "us"), ("Côte d'Ivoire", "cote d'ivoire"), ("Secretary-General", "secretary general"),
    ("Moscow's", "moscow"), ("  The   Kremlin ", "kremlin"),
])
def test_gazetteer_normalise(text, key):
    assert gz.normalise(text) == key


@pytest.mark.parametrize("name", ["countries.tsv", "metonyms.tsv", "titles.tsv", "organisations.tsv"])
def test_gazetteer_lexicon_files_load(name):
    assert load_tsv(name)


@pytest.mark.parametrize("text,key", [
    ("Zoran Đinđić", "zoran dindic"),      # Đ/đ have no decomposition: folded by transliteration
    ("Łódź", "lodz"),
    ("Søren Ølsen", "soren olsen"),
    ("Straße", "strasse"),
    ("Côte d’Ivoire", "cote d'ivoire"),
    ("Путин", "putin"),
    ("plain ascii", "plain ascii"),
])
def test_gazetteer_normalise_folds_any_script(text, key):
    assert gz.normalise(text) == key


def test_gazetteer_person_found_by_plain_spelling_of_a_letter_without_decomposition():
    # people.tsv spells the name with Đ/đ; a text without them must still find it
    hit = gz.person_info("Zoran Dindic")
    assert hit is not None and hit.country == "SRB"
