"""Places (issue 14): gazetteer index, resolution with article context, extraction from the parse."""

import pytest

from newsgraph.extract.place_index import key, place_index
from newsgraph.extract.place_resolve import Mention, dateline, resolve


def _resolve(text: str, *names: str):
    mentions = []
    for n in names:
        start = text.index(n)
        mentions.append(Mention(name=n, span=(start, start + len(n))))
    return resolve(text, mentions)


@pytest.mark.parametrize("text,expected", [
    ("St. Louis", "saint louis"), ("Ft. Worth", "fort worth"), ("Côte d'Ivoire", "cote d'ivoire"),
    ("the Gambia", "gambia"), ("Mt. Vernon", "mount vernon"),
])
def test_place_index_key_normalises(text, expected):
    assert key(text) == expected


def test_place_index_knows_small_places_and_countries():
    ix = place_index()
    assert any(c.country == "NPL" for c in ix.candidates("Dolakha"))
    assert {c.feature for c in ix.candidates("Russia")} >= {"A.PCLI"}
    assert ix.candidates("Qwxzy Nowhereville") == ()


@pytest.mark.parametrize("text,name,country,admin1", [
    ("A vigil was held in Paris, Texas, on Sunday.", "Paris", "USA", "Texas"),
    ("Tourists returned to Paris as the Louvre reopened.", "Paris", "FRA", None),
    ("Georgia accused Russia of moving the border near Tbilisi.", "Georgia", "GEO", None),
    ("Voters in Georgia, Alabama and Tennessee went to the polls.", "Georgia", "USA", "Georgia"),
])
def test_place_resolve_uses_the_article(text, name, country, admin1):
    names = [w.strip(",.") for w in text.split() if w[:1].isupper() and w.strip(",.") in
             ("Paris", "Texas", "Georgia", "Russia", "Tbilisi", "Alabama", "Tennessee")]
    got = {p.name: p for p in _resolve(text, *dict.fromkeys(names))}
    assert got[name].country == country
    if admin1:
        assert got[name].admin1 == admin1
    assert got[name].lat is not None and 0 <= got[name].confidence <= 1


def test_place_resolve_unknown_name_keeps_null_coordinates():
    (p,) = _resolve("They met in Qwxzyville.", "Qwxzyville")
    assert p.lat is None and p.lon is None and p.geonameid is None and p.confidence == 0.0


@pytest.mark.parametrize("text,expected", [
    ("KABUL, Afghanistan (Reuters) - Taliban fighters ...", "KABUL"),
    ("GENEVA -- Talks resumed on Monday.", "GENEVA"),
    ("Talks resumed on Monday in Geneva.", None),
])
def test_place_resolve_dateline(text, expected):
    assert dateline(text) == expected


@pytest.mark.model
def test_places_extract_finds_places_the_ner_mislabels(analyse):
    a = analyse("Rescuers reached villages in Dolakha and Sindhupalchowk districts on Tuesday. "
                    "Five people were killed in Aleppo.")
    names = {p.name: p for p in a.places}
    assert names["Dolakha"].country == "NPL" and names["Sindhupalchowk"].country == "NPL"
    assert names["Aleppo"].country == "SYR" and names["Aleppo"].feature == "P.PPL"
