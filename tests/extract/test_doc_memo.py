"""per_sentence: one answer per sentence of the article being read, never another article's."""

from types import SimpleNamespace

from newsgraph.extract.doc_memo import per_sentence


def _sent(doc, start, end):
    return SimpleNamespace(doc=doc, start=start, end=end)


def test_asked_once_per_sentence_and_again_for_another_doc():
    calls = []

    @per_sentence
    def width(sent):
        calls.append((id(sent.doc), sent.start))
        return sent.end - sent.start + len(sent.doc.name)

    a, b = SimpleNamespace(name="a"), SimpleNamespace(name="bb")
    assert width(_sent(a, 0, 5)) == 6
    assert width(_sent(a, 0, 5)) == 6
    assert width(_sent(a, 5, 7)) == 3
    assert len(calls) == 2
    # same token offsets in another article: its own answer, not the cached one
    assert width(_sent(b, 0, 5)) == 7
    assert len(calls) == 3
    assert width.__name__ == "width"


def _doc(words, starts):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, sent_starts=starts)


def test_sentence_of_is_the_token_sentence_in_every_doc():
    from newsgraph.extract.doc_memo import sentence_of

    one = _doc(["Rain", "fell", ".", "Roads", "shut", ".", "Schools", "too"],
               [True, False, False, True, False, False, True, False])
    two = _doc(["Talks", "ended", ".", "Nobody", "spoke"], [True, False, False, True, False])
    for doc in (one, two, one):  # back to the first article: its own sentences again
        for tok in doc:
            got, want = sentence_of(tok), tok.sent
            assert (got.doc, got.start, got.end) == (doc, want.start, want.end)


def _tagged(words, pos, lemmas, starts=None):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, pos=pos, lemmas=lemmas, sent_starts=starts)


def test_token_column_is_each_doc_own_also_after_another_doc():
    from newsgraph.extract.doc_memo import token_column

    # same length, other words: a column cached for one article must never answer for the next
    one = _tagged(["Crowds", "marched", "."], ["NOUN", "VERB", "PUNCT"], ["crowd", "march", "."])
    two = _tagged(["Rivers", "rose", "fast"], ["NOUN", "VERB", "ADV"], ["river", "rise", "fast"])
    three = _tagged(["Talks", "ended"], ["NOUN", "VERB"], ["talk", "end"])
    for doc in (one, two, one, three, two, one, one):
        for name, attr in (("lemma", "lemma"), ("lower", "lower"), ("pos", "pos"), ("idx", "idx")):
            assert token_column(doc, name) == [getattr(t, attr) for t in doc], (doc.text, name)


def test_tokens_where_and_tokens_starting_in_are_the_plain_scans():
    from spacy.parts_of_speech import NOUN, VERB

    from newsgraph.extract.doc_memo import string_id, tokens_starting_in, tokens_where

    doc = _tagged(["Crowds", "marched", ".", "Police", "fired", "gas", "and", "crowds", "fled"],
                  ["NOUN", "VERB", "PUNCT", "NOUN", "VERB", "NOUN", "CCONJ", "NOUN", "VERB"],
                  ["crowd", "march", ".", "police", "fire", "gas", "and", "crowd", "flee"],
                  [True, False, False, True, False, False, False, False, False])
    for span in [doc, *doc.sents]:
        for ids in ({VERB}, {NOUN, VERB}, set()):
            assert [t.i for t in tokens_where(span, "pos", ids)] == [t.i for t in span if t.pos in ids]
        assert [t.i for t in tokens_where(span, "lemma", {string_id("crowd")})] == \
            [t.i for t in span if t.lemma_ == "crowd"]
    for start, end in ((0, 0), (0, 1), (1, 7), (7, 8), (15, 40), (40, 15), (0, 99)):
        assert [t.i for t in tokens_starting_in(doc, start, end)] == [t.i for t in doc if start <= t.idx < end]
