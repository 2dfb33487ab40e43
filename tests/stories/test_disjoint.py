from newsgraph.stories.disjoint import DisjointSets


def test_disjoint_union_keeps_the_first_representative_and_groups():
    sets = DisjointSets()
    sets.union("a", "b")
    sets.union("c", "d")
    sets.union("b", "d")  # joins the c/d set into a's
    assert {x: sets.find(x) for x in "abcd"} == {"a": "a", "b": "a", "c": "a", "d": "a"}
    assert sets.find("z") == "z"  # unseen ids stand alone
    assert list(sets) == ["a", "b", "c", "d", "z"]


def test_disjoint_separate_sets_stay_apart():
    sets = DisjointSets()
    sets.union("x", "y")
    sets.union("p", "q")
    assert sets.find("y") == "x" and sets.find("q") == "p"
