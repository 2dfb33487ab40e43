"""Actor coding (issue 5): a noun phrase on the parse -> "COUNTRY SECTOR" codes, and context guesses."""

from __future__ import annotations

import pytest

from newsgraph.extract.actor_context import dominant_country, first_country, region_country
from newsgraph.extract.actors import code_actor, known_surname
from newsgraph.extract.dateline_tokens import dateline_end
from newsgraph.extract.linking import MentionIndex


@pytest.fixture(scope="module")
def coded(nlp, analyse):
    """coded(text, word) -> the Actor for the token ``word`` in ``text`` (None when no actor)."""

    def run(text: str, word: str):
        art = analyse(text, published="2020-01-01")
        doc = nlp(text)
        tok = next(t for t in doc if t.text == word)
        return code_actor(tok, MentionIndex(art.entities))

    return run


@pytest.mark.parametrize("text, word, code", [
    ("Russia proposed talks.", "Russia", "RUS GOV"),  # a bare country acts through its government
    ("The Kremlin proposed talks.", "Kremlin", "RUS GOV"),  # seat of power as metonym
    ("The Pentagon sent ships.", "Pentagon", "USA MIL"),
    ("Russian troops crossed the river.", "troops", "RUS MIL"),
    ("Iraqi police arrested him.", "police", "IRQ COP"),
    ("British sailors were released.", "sailors", "GBR"),  # nationality of unknown people: country only
    ("The United Nations appealed for calm.", "Nations", "IGO UNO"),
    ("Islamic State militants attacked.", "militants", "IMG REB"),
    ("The Ivory Coast's Supreme Court ruled.", "Court", "CIV JUD"),  # owner beats the metonym default
    ("Rebels in Mali attacked.", "Rebels", "MLI REB"),  # placed by "in X"
    ("Opposition leaders met.", "leaders", "OPP"),  # members take their group's sector
    ("Russian-backed separatists fired.", "separatists", "REB"),  # "-backed" names the backer only
])
def test_actors_codes(coded, text, word, code):
    actor = coded(text, word)
    assert actor is not None and actor.code == code, actor


@pytest.mark.parametrize("text, word", [
    ("The talks ended.", "talks"),  # an event noun is no actor
    ("He left.", "He"),  # pronouns are resolved by the events stage, not here
])
def test_actors_non_actors(coded, text, word):
    assert coded(text, word) is None


def test_actors_dateline(nlp):
    doc = nlp("KIEV, Oct 1 - Ukrainian troops withdrew. US-led forces stayed.")
    first, second = list(doc.sents)[:2]
    assert doc[dateline_end(first)].text == "-"
    assert dateline_end(second) == -1  # a hyphen inside "US-led" is no dateline


def test_actor_context_countries(nlp, analyse):
    text = "Police in Burundi fired tear gas. Burundi's army deployed. Protesters in Bujumbura fled."
    art = analyse(text, published="2020-01-01")
    doc = nlp(text)
    index = MentionIndex(art.entities)
    assert dominant_country(doc, index) == "BDI"
    assert first_country(list(doc.sents)[0], index) == "BDI"
    assert first_country(list(doc.sents)[0], index, skip=frozenset(range(len(doc)))) is None


@pytest.mark.parametrize("name, expected", [
    ("Putin", ("RUS", "GOV")),  # surname of one listed actor
    ("Bush", ("USA", "GOV")),  # two listed Bushes, one country
    ("Kim", None),  # listed Kims of two countries
    ("Hassan", None),  # a given name of listed actors is no surname key
    ("Vladimir Putin", None),  # full names go through the gazetteer, not here
    ("putin", None),  # names are capitalised
    ("Smith", None),
])
def test_actors_known_surname(name, expected):
    assert known_surname(name) == expected


@pytest.mark.parametrize("text, word, country", [
    ("Putin offered talks.", "Putin", "RUS"),
    ("King Hassan of Morocco offered talks.", "Hassan", "MAR"),  # the sentence beats the surname list
    ("Doctors from two American aid groups delivered food.", "Doctors", "USA"),  # people from a body
])
def test_actors_country_from_context_and_surnames(coded, text, word, country):
    actor = coded(text, word)
    assert actor is not None and actor.code is not None and actor.code.split()[0] == country, actor


@pytest.mark.parametrize("place, country", [
    ("West Bank", "PSE"), ("the Gaza Strip", "PSE"), ("Chechnya", "RUS"), ("Darfur", "SDN"),
    ("Crimea", "UKR"), ("Tripoli", None),  # a name shared by two countries' cities is left out
    ("Narnia", None), ("", None),
])
def test_actors_region_country(place, country):
    assert region_country(place) == country


def test_actors_place_inside_a_country(coded):
    actor = coded("Israeli forces raided the West Bank.", "Bank")
    assert actor is not None and actor.code == "PSE", actor  # a place, not its state: no GOV



@pytest.mark.parametrize("module", ["actors.py", "actor_context.py", "event_lexicon.py", "modal_words.py"])
def test_actors_never_import_the_events_stage(module):
    """Issue 11: actor coding uses the trigger lexicon only; no import (lazy or not) of ``events``."""
    import ast
    from pathlib import Path

    import newsgraph.extract as extract

    tree = ast.parse((Path(extract.__file__).parent / module).read_text())
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.module for a in n.names]
    assert not [m for m in imported + names if m == "events" or m.split(".")[-1] == "events"]


def test_person_parts_give_each_name_part_to_the_longest_full_name():
    from newsgraph.model import Entity
    short = Entity(id="e1", name="Ali Khan", type="PERSON", mentions=((0, 8),))
    long = Entity(id="e2", name="Omar Ali Haddad", type="PERSON", mentions=((20, 35),))
    single = Entity(id="e3", name="Madonna", type="PERSON", mentions=((40, 47),))
    unmentioned = Entity(id="e4", name="Sara Lind", type="PERSON", mentions=())
    org = Entity(id="e5", name="Red Cross", type="ORG", mentions=((50, 59),))
    index = MentionIndex([short, long, single, unmentioned, org])
    parts = index.person_parts()
    assert parts == {"Ali": long, "Khan": short, "Omar": long, "Haddad": long}
    assert index.person_parts() is parts  # built once per article


@pytest.mark.parametrize("text, word, code", [
    ("South American countries condemned the vote.", "countries", None),  # not the USA of "American"
    ("Latin American leaders criticised the tariffs.", "leaders", "GOV"),
    ("West African troops crossed the border.", "troops", "MIL"),
    ("Central African troops crossed the border.", "troops", "CAF MIL"),  # a country's own two-word demonym
    ("South Korean officials protested.", "officials", "KOR GOV"),
])
def test_actors_regional_groups_belong_to_no_one_country(coded, text, word, code):
    actor = coded(text, word)
    assert (actor.code if actor is not None else None) == code


@pytest.mark.parametrize("text", [
    "European countries urged Norway to reopen the pipeline on Monday.",
    "South American governments urged Chile to hold the vote on Monday.",
])
def test_actor_context_regional_group_takes_no_country_from_the_sentence(analyse, text):
    """A group of states is none of them: the country the sentence names is the target's, not the source's."""
    events = [e for e in analyse(text, published="2020-01-01").events if e.type == "REQUEST"]
    assert events and events[0].source.code in (None, "GOV")


@pytest.mark.parametrize("text, word, code", [
    # a word that gives a sector only before a head noun ("intelligence service") is, alone, a thing owned
    ("The minister said Peru's intelligence was out of date.", "intelligence", None),
    ("Peru's intelligence service warned of attacks.", "service", "PER SPY"),
])
def test_actors_a_modifier_word_alone_is_no_body(coded, text, word, code):
    actor = coded(text, word)
    assert (actor.code if actor else None) == code
