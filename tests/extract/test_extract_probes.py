"""Error classes found by running invented reports (wire, broadcaster, live blog, local paper) through the
whole pipeline for quotes, figures and dates. Each case fails without its rule."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _speakers(out, kind="direct"):
    return [(q.speaker.name if q.speaker else None, q.text) for q in out.quotes if q.kind == kind]


def _figures(out):
    return [(f.kind, f.value) for f in out.figures]


# --------------------------------------------------------------------------- quotes


@pytest.mark.parametrize("text", [
    '"We will rebuild," the Prime Minister, Ivo Kessler, told parliament.',
    '"We will not be intimidated," said the Home Secretary, Priya Nandakumar.',
    'The Prime Minister, Ivo Kessler, said: "We will rebuild."',
])
def test_quote_speaker_capitalised_title_gives_way_to_the_apposed_name(analyse, text):
    # a capitalised title ("the Prime Minister") is a role like "the mayor": the name apposed to it speaks
    got = _speakers(analyse(text, published="2024-03-14"))
    assert len(got) == 1 and got[0][0] in ("Ivo Kessler", "Priya Nandakumar"), got


@pytest.mark.parametrize("text,speaker", [
    ('11:30 GMT: The ministry says: "Fourteen people have died."', "ministry"),
    ('14:05 - Police say: "Two suspects were arrested overnight."', "Police"),
])
def test_quote_speaker_live_blog_stamp_is_no_part_of_the_speaker(analyse, text, speaker):
    # a live blog opens each entry with its time: the speaker is the subject after it
    got = _speakers(analyse(text, published="2024-03-14"))
    assert [s for s, _ in got] == [speaker], got


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize("text,figure", [
    # the parse hangs "from their homes" on the object, not on "forced"
    ("Fighting has forced an estimated 150,000 people from their homes since January.", ("displaced", 150000)),
    # "a total of N": the tally is what the verb acts on
    ("Police said they had arrested a total of 43 people in connection with the riots.", ("arrested", 43)),
    ("Troops detained a group of 12 students near the campus.", ("arrested", 12)),
])
def test_figure_kind_through_parse_slips(analyse, text, figure):
    got = _figures(analyse(text, published="2024-03-14"))
    assert figure in got, got


@pytest.mark.parametrize("text,speaker", [
    # police ranks and local offices are titles, not part of the name
    ('Superintendent Mark Ostrander said: "This was mindless violence."', "Mark Ostrander"),
    ('"We need answers," said Councilwoman Rosa Delgado.', "Rosa Delgado"),
    # a two-word title the name's span cuts in two ("Chief| Constable ...")
    ('Chief Constable Mark Ostrander said: "This was mindless violence."', "Mark Ostrander"),
    ('Chief Superintendent Ana Berglund said: "Officers acted within minutes."', "Ana Berglund"),
])
def test_quote_speaker_rank_titles_are_stripped(analyse, text, speaker):
    got = _speakers(analyse(text, published="2024-03-18"))
    assert [s for s, _ in got] == [speaker], got


def test_quote_short_sentence_after_a_quote_is_direct(analyse):
    # a speaker's next sentence stays direct however short, as long ones do
    text = 'Mayor Tomas Ruehl was blunt. "It\'s over," he said. "We lost."'
    got = [(q.kind, q.text) for q in analyse(text, published="2024-03-18").quotes]
    assert ("direct", "We lost.") in got, got


@pytest.mark.parametrize("text", [
    # a scare-quoted word or a quoted slogan inside a sentence stays partial
    'The word on everyone\'s lips was "Resign." Protesters chanted it for hours.',
])
def test_quote_short_quote_without_a_speaker_before_stays_partial(analyse, text):
    assert all(q.kind != "direct" for q in analyse(text, published="2024-03-18").quotes)


@pytest.mark.parametrize("text,figure", [
    # a fronted "of" phrase names the whole the number is a part of
    ("Of those arrested, 19 have been charged.", ("arrested", 19)),
    ("Of the dead, 12 were children.", ("killed", 12)),
])
def test_figure_kind_of_a_fronted_whole(analyse, text, figure):
    got = _figures(analyse(text, published="2024-03-14"))
    assert figure in got, got


@pytest.mark.parametrize("text,low,high", [
    # a currency sign before each bound of a range
    ("Damage is estimated at between $2 billion and $3 billion.", 2_000_000_000, 3_000_000_000),
    ("Repairs will cost €40 million to €55 million, the agency said.", 40_000_000, 55_000_000),
])
def test_figure_money_range_with_a_sign_on_each_bound(analyse, text, low, high):
    money = [(f.value, f.value_max) for f in analyse(text, published="2024-03-14").figures if f.kind == "money"]
    assert money == [(low, high)], money


def test_figure_source_of_a_contrasting_clause(analyse):
    # "according to" credits its own clause; a "while X puts the toll at" clause is X's figure
    text = ("Some 60 people have been killed since the unrest began, according to rights groups, "
            "while the government puts the toll at 25.")
    got = {f.value: f.source for f in analyse(text, published="2024-03-14").figures}
    assert got == {60: "rights groups", 25: "government"}, got


@pytest.mark.parametrize("text,figure", [
    # a gapped clause ("and another N on <day>", "and N more") shares the verb of the figure before it
    ("Three people were killed on Monday and another four on Tuesday.", ("killed", 4)),
    ("Police detained 14 people on Friday and 9 more on Saturday.", ("arrested", 9)),
])
def test_figure_kind_of_a_gapped_clause(analyse, text, figure):
    got = _figures(analyse(text, published="2024-03-14"))
    assert figure in got, got


@pytest.mark.parametrize("text,speaker", [
    # after a quote, "asked a shopkeeper" is inverted: the parse takes the asker for the object
    ('"Where were the police?" asked a shopkeeper, pointing at the smashed windows.', "shopkeeper"),
    ('"Is this the end?" asked one protester.', "protesters"),
])
def test_quote_speaker_inverted_ask_after_a_quote(analyse, text, speaker):
    got = _speakers(analyse(text, published="2024-03-18"))
    assert [s for s, _ in got] == [speaker], got
