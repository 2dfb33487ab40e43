"""A weak cue foretold inside what someone reports ("warned that X would respond "with force"") is a
deed to come, not the speech the quoted words belong to (stop 35)."""

from __future__ import annotations


def test_quote_partial_quote_after_a_foretold_reply_belongs_to_the_one_who_warned(analyse):
    text = 'Defence Minister Anna Berg warned that Estonia would respond "with force" to any new attack.'
    out = analyse(text, published="2024-05-11")
    partial = [q for q in out.quotes if q.text == "with force"]
    assert len(partial) == 1, out.quotes
    assert partial[0].speaker is not None and partial[0].speaker.name == "Anna Berg", partial[0]
    assert partial[0].cue == "warned", partial[0]


def test_quote_a_reply_given_now_is_still_the_cue(analyse):
    out = analyse('Asked about the plan on Monday, Anna Berg replied "not now".', published="2024-05-11")
    assert [(q.speaker.name if q.speaker else None, q.cue) for q in out.quotes] == [("Anna Berg", "replied")]
