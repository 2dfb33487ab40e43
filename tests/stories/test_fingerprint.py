from __future__ import annotations

import pytest

from newsgraph.stories.fingerprint import containment, content_terms, jaccard, shingles, stem

WIRE = ("Russia has proposed holding military talks with the United States about its build-up in Syria, "
        "the U.S. secretary of state said on Wednesday, as Washington weighs how to answer Moscow's growing "
        "role in the four-year war. He said he had spoken by telephone with the Russian foreign minister.")


@pytest.mark.parametrize("word,expected", [
    ("attacks", "attack"), ("attacked", "attack"), ("killing", "kill"), ("talks", "talk"),
    ("casualties", "casualty"), ("crisis", "crisis"), ("bus", "bus"), ("press", "press"), ("war", "war"),
])
def test_fingerprint_stem(word, expected):
    assert stem(word) == expected


@pytest.mark.parametrize("text,expected", [
    ("The Russians said that the talks were important", ["russian", "talk", "important"]),
    ("Kerry's proposal", ["kerry", "proposal"]),
    ("He said it was on Monday in 2015", []),
    ("", []),
])
def test_fingerprint_content_terms(text, expected):
    assert content_terms(text) == expected


def test_fingerprint_containment_survives_added_and_cut_paragraphs():
    extra = "As more foreign powers join the conflict, diplomats fear accidents in the crowded skies.\n\n" + WIRE
    cut = WIRE.split(" He said")[0]
    assert containment(shingles(WIRE), shingles(extra)) > 0.95
    assert containment(shingles(WIRE), shingles(cut)) > 0.95
    assert jaccard(shingles(WIRE), shingles(extra)) < containment(shingles(WIRE), shingles(extra))


def test_fingerprint_containment_low_for_a_rewrite():
    rewrite = ("Moscow wants its generals to talk directly with the Pentagon about Syria, John Kerry said, "
               "after a phone call with Sergei Lavrov in which he voiced concern about Russian support for Assad.")
    assert containment(shingles(WIRE), shingles(rewrite)) < 0.2


def test_fingerprint_shingles_deterministic_and_case_blind():
    a = shingles(WIRE)
    assert (a == shingles(WIRE.upper().replace(",", " "))).all()
    assert len(shingles("")) == 0
    assert len(shingles("two words")) == 1


@pytest.mark.parametrize("text,expected", [
    ("Talks ended.\n(Reporting by Lesley Wroughton; Editing by Ken Wills)", ["talk", "end"]),
    ("Talks ended. Additional reporting by Jane Roe in Moscow", ["talk", "end"]),
    ("Talks ended.\n© 2015 Thomson Reuters. All rights reserved.", ["talk", "end"]),
    ("Talks ended after the editing of the treaty text", ["talk", "end", "edit", "treaty", "text"]),
])
def test_fingerprint_article_terms_ignore_staff_credits(text, expected):
    from newsgraph.extract import AnalysedArticle
    from newsgraph.model import Entity
    from newsgraph.stories.fingerprint import article_terms

    start = text.find("Lesley")
    ents = (Entity("x", "Lesley Wroughton", "PERSON", ((start, start + 16),)),) if start >= 0 else ()
    a = AnalysedArticle(id="a", url=None, source=None, title=None, published=None, text=text, language="en",
                        entities=ents)
    assert sorted(article_terms(a)) == sorted(expected)


def test_fingerprint_near_sentences_keeps_light_edits_and_drops_quotes():
    import numpy as np

    from newsgraph.stories.fingerprint import narrative_bigrams, near_sentences

    a = ('The storm flooded the river port on Sunday, killing at least 12 people in the old market. '
         'He said "the water came faster than anyone in the town had ever seen it" to reporters.')
    b = "The storm flooded the river port on Sunday, killing at least 31 people near the old market."
    c = 'Officials said "the water came faster than anyone in the town had ever seen it" on Monday.'
    sa, ta = narrative_bigrams(a)
    sb, tb = narrative_bigrams(b)
    sc, tc = narrative_bigrams(c)
    assert len(ta) == 1  # the quotation and the short remainder of its sentence are not narration
    assert near_sentences(sb, tb, np.unique(sa)) == 1
    assert near_sentences(sa, ta, np.unique(sc)) == 0 and len(sc) == 0


def test_fingerprint_skip_bigrams_bridge_dropped_and_replaced_words():
    import numpy as np

    from newsgraph.stories.fingerprint import narrative_bigrams

    a = "The harbour police closed the northern pier after the storm damaged three small fishing boats."
    # two words dropped ("small", "the"), two replaced ("guards", "dock"), two swapped
    b = "The harbour guards closed northern dock after the storm three damaged fishing boats."
    plain = narrative_bigrams(b)[0]
    pairs, starts = narrative_bigrams(b, skip=True)
    assert len(pairs) == 2 * len(plain) - 1 and list(starts) == [0]  # every bigram and every pair across a word
    hit_plain = np.isin(plain, narrative_bigrams(a)[0]).mean()
    hit_pairs = np.isin(pairs, narrative_bigrams(a, skip=True)[0]).mean()
    assert hit_plain < 0.4 < hit_pairs
