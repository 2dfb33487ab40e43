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
