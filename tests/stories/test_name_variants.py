"""Names two reports share though they spell them apart (``name_variants``), for the shared-entity check:
the same man or town transliterated two ways is one name; two people or places spelled nearly alike are not."""

from __future__ import annotations

import pytest

from newsgraph.model import Entity
from newsgraph.stories import StoryClusterer
from newsgraph.stories.fingerprint import entity_term
from newsgraph.stories.name_variants import name_set
from stories_helpers import article


def _names(*named: tuple[str, str]):
    return name_set(frozenset(entity_term(n) for n, _ in named),
                    [Entity(f"e{k}", n, kind, ()) for k, (n, kind) in enumerate(named)])


def _meet(one: tuple[str, str], other: tuple[str, str]) -> bool:
    a, b = _names(one), _names(other)
    assert a.meets(b) == b.meets(a)  # the check is the same both ways
    return a.meets(b)


@pytest.mark.parametrize("one, other", [
    (("Tarkiv", "GPE"), ("Tarkov", "ORG")),  # transliterations: vowels move, consonants stay
    (("Korensky", "PERSON"), ("Korenskyy", "PERSON")),
    (("Yusuf Al-Rashid", "PERSON"), ("Yousuf al Rasheed", "PERSON")),
    (("Mohammed Rahim", "PERSON"), ("Muhammad Raheem", "PERSON")),
    (("Rahim Textiles", "ORG"), ("Raheem Textiles", "ORG")),
    (("Raheem", "PERSON"), ("Mohammed Abdur Rahim", "PERSON")),  # a surname alone, the whole name elsewhere
    (("Sandvik", "ORG"), ("Petra Sandvik", "PERSON")),
    (("Valmora", "LOC"), ("Valmora General Hospital", "ORG")),  # a place, and the hospital named after it
    (("Ostria", "GPE"), ("Valmora-Ostria", "ORG")),  # either end of the road joining two towns
    (("Valmora", "GPE"), ("Valmora-Ostria", "FAC")),
])
def test_spellings_of_one_name_meet(one, other):
    assert _meet(one, other)


@pytest.mark.parametrize("one, other", [
    (("Maria Lind", "PERSON"), ("Mario Lind", "PERSON")),  # another last letter: two people
    (("Jan Kowalski", "PERSON"), ("Jan Kowalska", "PERSON")),
    (("Petra Sandvik", "PERSON"), ("Jonas Sandvik", "PERSON")),  # a surname in common only
    (("Kuinea", "GPE"), ("Kuyana", "GPE")),  # same consonants, too few letters in common
    (("Soli", "GPE"), ("Solawi", "GPE")),  # same consonants (w is no consonant), other syllables
    (("Esmar", "GPE"), ("Asmar", "GPE")),  # another first letter
    (("Ostria", "GPE"), ("Ostrian", "GPE")),
    (("Valmora", "GPE"), ("Anna Valmora", "PERSON")),  # a place is no surname
    (("Police", "ORG"), ("National Police", "ORG")),  # a body is no place a longer name starts with
    (("Lind", "PERSON"), ("Lind Street Clinic", "ORG")),  # nor is a surname
    (("Kim", "PERSON"), ("Hana Kim", "PERSON")),  # too short to stand for a whole name
])
def test_close_spellings_of_two_names_do_not_meet(one, other):
    assert not _meet(one, other)


_CRASH = {
    "r1": ("A bus carrying 40 pilgrims plunged into a gorge near {town} on Sunday night, killing nine people, "
           "and {owner}, the owner of the bus company, was questioned by police about the driver's hours."),
    "r2": ("Nine people died when a bus full of pilgrims fell into a gorge near {town} late on Sunday; police "
           "questioned {owner}, whose company ran the bus, about how long the driver had been at the wheel."),
}


def _crash(aid: str, town: str, owner: str, *, town_kind: str = "GPE") -> object:
    text = _CRASH[aid].format(town=town, owner=owner)
    ents = tuple(Entity(f"{aid}-{k}", n, kind, ((text.index(n), text.index(n) + len(n)),))
                 for k, (n, kind) in enumerate(((town, town_kind), (owner, "PERSON"))))
    return article(aid, text, published=None, title=f"Bus falls into gorge near {town}", entities=ents)


def _groups(*reports) -> list[list[str]]:
    clusterer = StoryClusterer()
    for a in reports:
        clusterer.add(a)
    return sorted(sorted(s.articles) for s in clusterer.result().stories)


def test_one_crash_told_with_two_spellings_of_every_name_is_one_story():
    # two outlets transliterate the town and the owner each their own way: no name is spelled alike,
    # and the shared-entity check kept the two reports of one crash apart
    assert _groups(_crash("r1", "Tarkiv", "Yusuf Al-Rashid"), _crash("r2", "Tarkov", "Yousuf al Rasheed")) \
        == [["r1", "r2"]]


def test_one_crash_told_by_surname_and_by_the_road_named_after_the_town_is_one_story():
    assert _groups(_crash("r1", "Valmora", "Rasheed"), _crash("r2", "Valmora-Ostria road", "Yusuf Al-Rashid",
                                                             town_kind="FAC")) == [["r1", "r2"]]


def test_two_crashes_whose_owners_and_towns_are_spelled_nearly_alike_are_two_stories():
    # must not fire: Maria and Mario Lind are two people, Kuinea and Kuyana two towns
    assert _groups(_crash("r1", "Kuinea", "Maria Lind"), _crash("r2", "Kuyana", "Mario Lind")) \
        == [["r1"], ["r2"]]


def test_two_crashes_naming_a_town_and_a_namesake_person_are_two_stories():
    # must not fire: a town is no surname, and two people sharing a surname share no name
    assert _groups(_crash("r1", "Sandvik", "Petra Lund"), _crash("r2", "Ostria", "Jonas Sandvik")) == [["r1"], ["r2"]]
