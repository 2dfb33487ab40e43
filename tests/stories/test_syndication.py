from __future__ import annotations

import pytest

from newsgraph.stories.syndication import SyndicationIndex, agency_name, credited_agency, resolve

WIRE = ("MINA, Saudi Arabia (Reuters) - At least 717 pilgrims were killed and 863 injured in a crush at Mina "
        "outside Mecca on Thursday, Saudi authorities said, the worst disaster to strike the annual haj in 25 "
        "years. The stampede happened as two large groups of pilgrims converged on a narrow street on their way "
        "to the stoning ritual, the civil defence directorate said.")


@pytest.mark.parametrize("text,expected", [
    ("WASHINGTON, Sept 17 (Reuters) - Russia has proposed talks", "Reuters"),
    ("NEW DELHI, Oct 4 (IANS/EFE) The toll rose to 22", "IANS/EFE"),
    ("SANTIAGO, Chile (AP) - A magnitude-8.3 earthquake", "AP"),
    ("Obama was quoted by IANS as saying in a statement", "IANS"),
    ("Pilgrims told Reuters that police closed several exits", "Reuters"),
    ("The Associated Press reported that the ship sank", "AP"),
    ("The ship sank near the Bahamas.\n\n- AFP", "AFP"),
    ("A photo (AP Photo/Jane Doe) shows the ship", None),
    ("Apple said its APAC sales rose", None),
    ("Kerry said the talks were important.", None),
])
def test_syndication_credited_agency(text, expected):
    assert credited_agency(text) == expected


@pytest.mark.parametrize("source,expected", [("Reuters", "Reuters"), ("The Associated Press", "AP"),
                                             ("BBC News", None), (None, None)])
def test_syndication_agency_name(source, expected):
    assert agency_name(source) == expected


def test_syndication_index_finds_copy_with_extra_paragraph():
    index = SyndicationIndex()
    assert index.add("orig", WIRE) is None
    found = index.add("copy", "Saudi Arabia faces questions over crowd control.\n\n" + WIRE)
    assert found is not None and found[0] == "orig" and found[1] > 0.9
    rewrite = ("More than 700 people died in a crush at the Hajj near Mecca, officials say. The tragedy "
               "unfolded in Mina, a valley of tents where pilgrims throw stones at pillars representing the devil.")
    assert index.add("rewrite", rewrite) is None
    assert [(a, b) for a, b, _ in index.links] == [("orig", "copy")]


def test_syndication_index_forgets_oldest_beyond_max_size():
    index = SyndicationIndex(max_size=1)
    index.add("orig", WIRE)
    index.add("other", "An entirely different text about the rugby world cup and a late try in Brighton.")
    assert len(index) == 1
    assert index.add("copy", WIRE) is None


def test_syndication_resolve_earliest_or_agency():
    links = [("a", "b", 0.98), ("b", "c", 0.9), ("x", "y", 0.8)]
    published = {"a": "2015-09-17T09:00", "b": "2015-09-17T12:00", "c": "2015-09-18", "x": "2015-09-20",
                 "y": "2015-09-19"}
    order = {k: i for i, k in enumerate("abcxy")}
    out = resolve(links, published=published, order=order, agencies={"c": "Reuters"}, sources={})
    pairs = {(s.copy, s.original) for s in out}
    # a, b, c credit Reuters through c: every member copies the agency; y is earlier than x
    assert pairs == {("a", "Reuters"), ("b", "Reuters"), ("c", "Reuters"), ("x", "y")}
    own = resolve(links, published=published, order=order, agencies={"a": "Reuters"},
                  sources={"a": "Reuters"})
    assert {(s.copy, s.original) for s in own} == {("b", "a"), ("c", "a"), ("x", "y")}
