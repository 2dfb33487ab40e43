"""Event-aware clustering (issue 12): reports sharing actors but telling other main events days apart
become other stories; a report recalling an earlier story as background joins the story of its own news."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsgraph.model import Actor
from newsgraph.stories import StoryClusterer, build_stories
from newsgraph.stories.main_events import EventProfile, MainEvents, actor_tokens, main_events, weigh
from newsgraph.stories.story_time import StoryDays
from stories_helpers import article, event_in, weekday_in

NORTH = Actor("Northland", entity="e-north", code="NLD GOV")
SOUTH = Actor("Southland", entity="e-south", code="SLD GOV")
ARMY = Actor("Northland air force", code="NLD MIL")


TALKS = [
    ("talks-1", "Northland offers talks with Southland over border dispute",
     "Northland's foreign minister offered on Monday to hold talks with Southland on the disputed border "
     "region, after weeks of shelling across the frontier. The Southland foreign ministry said it would study "
     "the proposal for border talks.", "Northland's foreign minister offered on Monday to hold talks with Southland",
     "AGREE"),
    ("talks-2", "Southland weighs Northland offer of border talks",
     "Southland's foreign minister said on Tuesday his government was ready to meet Northland's foreign "
     "minister for talks on the disputed border region, where shelling across the frontier has killed "
     "villagers for weeks.", "Southland's foreign minister said on Tuesday his government was ready to meet",
     "CONSULT"),
]
STRIKES = [
    ("strikes-1", "Northland launches air strikes on Southland border region",
     "Northland's air force launched air strikes on Southland's disputed border region on Friday, days after "
     "Northland's foreign minister offered talks with Southland. The Southland foreign ministry said shelling "
     "across the frontier had killed villagers.",
     "Northland's air force launched air strikes on Southland's disputed border region on Friday",
     "ASSAULT"),
    ("strikes-2", "Southland says Northland air strikes hit border villages",
     "Air strikes by Northland hit villages in the disputed border region of Southland on Friday, the "
     "Southland foreign ministry said. Northland's foreign minister offered talks with Southland last week.",
     "Air strikes by Northland hit villages in the disputed border region of Southland on Friday", "ASSAULT"),
]


def _report(aid, title, text, lead, kind, *, published, background=False, events=True):
    evs = []
    if events:
        source, target = ((ARMY if "air force" in lead else NORTH), SOUTH)
        if kind == "CONSULT":
            source, target = SOUTH, NORTH
        evs.append(event_in(text, lead, kind, source, target))
        if background:  # the earlier talks, recalled: not a main event of this report
            evs.append(event_in(text, "Northland's foreign minister offered talks", "AGREE", NORTH, SOUTH, main=False))
    dates = tuple(weekday_in(text, day, iso) for day, iso in (("Monday", 1), ("Tuesday", 2), ("Friday", 5))
                  if day in lead) if published is None else ()
    return article(aid, text, title=title, published=published, events=tuple(evs), dates=dates)


def _week(*, undated_strikes: bool = False, events: bool = True):
    talks = [_report(*row, published=day, events=events) for row, day in zip(TALKS, ("2019-03-04", "2019-03-05"))]
    strikes = [_report(*row, published=None if undated_strikes else "2019-03-08", background=True, events=events)
               for row in STRIKES]
    return talks + strikes


def _groups(result):
    return sorted(sorted(s.articles) for s in result.stories)


def test_main_events_fixture_merges_on_text_alone():
    # without main events the two weeks' reports are one "topic": the fixture is hard for text similarity
    # (with a span as long as the window: the strikes come four days after the first talks report, and
    # past ``span_days`` publication time alone tells them apart)
    assert _groups(build_stories(_week(events=False), span_days=30.0)) == [
        ["strikes-1", "strikes-2", "talks-1", "talks-2"]]
    assert _groups(build_stories(_week(events=False))) == [["strikes-1", "strikes-2"], ["talks-1", "talks-2"]]


def test_main_events_split_talks_from_strikes_days_later():
    assert _groups(build_stories(_week())) == [["strikes-1", "strikes-2"], ["talks-1", "talks-2"]]


def test_main_events_split_undated_strikes_by_the_day_their_main_event_is_told():
    c = StoryClusterer()
    for a in _week(undated_strikes=True):
        c.add(a)
    assert _groups(c.result()) == [["strikes-1", "strikes-2"], ["talks-1", "talks-2"]]


def test_main_events_report_recalling_talks_joins_the_strikes_story():
    week = _week()
    text = ("Southland buried villagers killed when Northland's air force launched air strikes on the border "
            "region on Friday. Northland's foreign minister offered talks with Southland only days earlier.")
    follow = article("strikes-3", text, title="Southland buries victims of Northland air strikes",
                     published="2019-03-09",
                     events=(event_in(text, "Northland's air force launched air strikes", "ASSAULT", ARMY, SOUTH),
                             event_in(text, "Northland's foreign minister offered talks", "AGREE", NORTH, SOUTH,
                                    main=False)))
    assert _groups(build_stories(week + [follow])) == [["strikes-1", "strikes-2", "strikes-3"],
                                                       ["talks-1", "talks-2"]]


@pytest.mark.parametrize("actor,expected", [
    (Actor("Northland", entity="e1", code="NLD GOV"), {"NLD", "n:northland"}),
    # a state's government described ("officials", "the government") is the party the state's name names
    (Actor("officials", code="NLD GOV"), {"NLD", "n:netherlands"}),
    (Actor("Dutch police", code="NLD COP"), {"NLD"}),  # the state's police, residents...: no name
    (Actor("Jan de Vries", entity="e3", code="NLD GOV"), {"NLD", "n:jan de vries"}),  # a minister is himself
    (Actor("army", code="MIL"), set()),  # a role code names no country
    (Actor("Acme Corp", entity="e2"), {"n:acme corp"}),
    (None, set()),
])
def test_main_events_actor_tokens(actor, expected):
    assert actor_tokens(actor) == expected


def test_main_events_keys_lead_and_marks_skip_background_and_negated():
    text = "On Friday Northland struck Southland. Northland did not offer talks. Earlier it had offered talks."
    a = article("x", text, published=None, dates=(weekday_in(text, "Friday", 5),), events=(
        event_in(text, "Earlier it had offered talks", "AGREE", NORTH, SOUTH, main=False),
        dataclasses.replace(event_in(text, "Northland did not offer talks", "AGREE", NORTH, SOUTH), negated=True),
        event_in(text, "On Friday Northland struck Southland", "ASSAULT", NORTH, SOUTH)))
    sig = main_events(a)
    assert sig.keys == sig.lead == {("ASSAULT", "n:northland"), ("ASSAULT", "n:southland")}
    assert sig.marks == (("wd", 5, 0),)
    assert main_events(article("y", text)) == MainEvents()
    unnamed = article("z", text, events=(event_in(text, "On Friday Northland struck Southland", "ASSAULT", ARMY,
                                                Actor("villagers", code="SLD CVL")),))
    assert main_events(unnamed).keys == {("ASSAULT", "NLD"), ("ASSAULT", "SLD")}  # countries when no name


def test_main_events_state_named_or_described_leads_the_same_action():
    text = "Norway closed its border on Monday. Norwegian authorities closed the border to all traffic."
    named = article("a", text, events=(event_in(text, "Norway closed its border", "COERCE",
                                              Actor("Norway", entity="e-no", code="NOR GOV"), None),))
    described = article("b", text, events=(event_in(text, "Norwegian authorities closed the border", "COERCE",
                                                  Actor("Norwegian authorities", code="NOR GOV"), None),))
    profile = EventProfile()
    profile.add(main_events(named))
    assert main_events(described).lead == {("COERCE", "n:norway")}
    assert profile.relation(main_events(described)) == "same"


def _sig(*keys, lead=None):
    return MainEvents(keys=frozenset(keys), lead=frozenset(lead if lead is not None else keys[:1]),
                      parties=frozenset(t for _, t in keys))


N = "n:northland"
S = "n:southmark"


@pytest.mark.parametrize("story,report,expected", [
    ([], _sig(("ASSAULT", N)), ""),  # a story with no main events tells nothing
    ([_sig(("AGREE", N))], _sig(("AGREE", N)), "same"),  # the action a report led with, same named actor
    ([_sig(("AGREE", "NLD"))], _sig(("AGREE", "NLD")), ""),  # a country alone is too common to say "same"
    ([_sig(("AGREE", "NLD"))] * 2, _sig(("ASSAULT", "NLD")), "other"),  # the protagonists, another action
    ([_sig(("AGREE", "NLD"))], _sig(("ASSAULT", "NLD")), ""),  # one report makes no protagonist
    ([_sig(("AGREE", "NLD"))] * 2, _sig(("ASSAULT", "FRA")), ""),  # other actors: text decides
    ([_sig(("AGREE", "NLD"), ("ASSAULT", "NLD"))] * 2, _sig(("ASSAULT", "NLD"), lead=()), ""),  # seen action
    ([_sig(("AGREE", N), ("ASSAULT", N), lead=[("AGREE", N)])] * 2, _sig(("ASSAULT", N)), "same"),  # carried twice
    ([_sig(("AGREE", N), ("ASSAULT", N), lead=[("AGREE", N)])], _sig(("ASSAULT", N)), ""),  # carried once
    ([_sig(("AGREE", "NLD"))] * 2, MainEvents(), ""),
    # issue 12: one report of three leads with arrests by another named party (a side thread of the attacks);
    # a report of that party's own news a week later that leads with the same kind of action is not the same
    ([_sig(("ASSAULT", N))] * 2 + [_sig(("COERCE", S))], _sig(("COERCE", S)), ""),
    ([_sig(("ASSAULT", N)), _sig(("COERCE", S))], _sig(("COERCE", S)), ""),
    ([_sig(("COERCE", S))], _sig(("COERCE", S)), "same"),  # the story's only report leads with it
    ([_sig(("ASSAULT", N))] + [_sig(("COERCE", S))] * 2, _sig(("COERCE", S)), "same"),  # two reports lead with it
])
def test_main_events_relation(story, report, expected):
    profile = EventProfile()
    for s in story:
        profile.add(s)
    assert profile.relation(report) == expected


@pytest.mark.parametrize("relation,apart,expected", [
    ("same", False, 0.25), ("same", True, 0.2), ("", True, 0.2), ("other", True, None), ("other", False, 0.15),
])
def test_main_events_weigh(relation, apart, expected):
    result = weigh(0.2, relation, apart=apart)
    assert result == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("days,marks,expected", [
    (["2019-03-04", "2019-03-05"], (("wd", 5, 0),), 3),  # Friday vs Monday/Tuesday
    (["2019-03-04"], (("wd", 7, 0),), 1),  # Sunday is a day before Monday (the week is a circle)
    (["2019-03-04"], (("md", 3, 9),), 5),
    (["2019-03-04"], (("md", 2, 30),), None),  # no such day: ignored
    ([], (("wd", 1, 0),), None),
    (["2019-03-04"], (), None),
])
def test_story_time_distance(days, marks, expected):
    story = StoryDays()
    story.add(days)
    assert story.distance(marks) == expected


GENERAL = Actor("Kessia army", code="KSA MIL")
PRESIDENT = Actor("Oren Dask", entity="e-dask", code="KSA GOV")
MINISTER = Actor("Lia Varn", entity="e-varn", code="KSA GOV")
COUP = [
    ("coup-1", "Kessia army seizes power, holds President Dask",
     "Kessia's army seized the state broadcaster and placed President Oren Dask under house arrest, "
     "generals said, denying that the takeover in the capital was a coup.",
     "Kessia's army seized the state broadcaster and placed President Oren Dask under house arrest",
     PRESIDENT, "2021-05-03"),
    ("coup-2", "Generals hold Dask after army takeover in Kessia",
     "Generals in Kessia held President Oren Dask at his residence after the army took over the state "
     "broadcaster in the capital, denying a coup.",
     "Generals in Kessia held President Oren Dask at his residence", PRESIDENT, "2021-05-04"),
    ("purge-1", "Kessia army arrests finance minister Varn",
     "Kessia's army arrested finance minister Lia Varn and other allies of President Oren Dask, days after "
     "generals seized the state broadcaster in the capital and denied a coup.",
     "Kessia's army arrested finance minister Lia Varn", MINISTER, "2021-05-07"),
    ("purge-2", "Varn detained as Kessia generals purge Dask allies",
     "Generals in Kessia detained finance minister Lia Varn in the capital, widening a purge of allies of "
     "President Oren Dask since the army took over the state broadcaster.",
     "Generals in Kessia detained finance minister Lia Varn", MINISTER, "2021-05-07"),
]


def _coup(*, events: bool = True):
    out = []
    for aid, title, text, lead, target, day in COUP:
        evs = (event_in(text, lead, "COERCE", GENERAL, target),) if events else ()
        out.append(article(aid, text, title=title, published=day, events=evs))
    return out


def test_main_events_split_a_purge_days_after_the_coup_it_follows():
    # same army, same country, same action type: the named party held tells the purge from the coup (with a
    # span as long as the window; the purge comes four days after the first coup report, past ``span_days``,
    # so by default publication time alone tells them apart too)
    assert _groups(build_stories(_coup(events=False), span_days=30.0)) == [["coup-1", "coup-2", "purge-1", "purge-2"]]
    assert _groups(build_stories(_coup(), span_days=30.0)) == [["coup-1", "coup-2"], ["purge-1", "purge-2"]]
    assert _groups(build_stories(_coup(events=False))) == [["coup-1", "coup-2"], ["purge-1", "purge-2"]]


QUAKES = [
    ("q1-a", "Magnitude 7.9 quake strikes off Velora's southern coast",
     "A magnitude 7.9 earthquake struck off the southern coast of Velora late on Thursday, toppling houses in "
     "the port of Sanmar and killing at least 30 people, the civil protection agency said.", "2018-10-04"),
    ("q1-b", "Sanmar digs out after 7.9 quake",
     "Rescuers in the southern port of Sanmar pulled survivors from collapsed houses on Friday after the "
     "magnitude 7.9 earthquake off Velora's coast, and the toll rose to 41.", "2018-10-05"),
    ("q2-a", "Second quake hits Velora's capital, schools collapse",
     "A magnitude 6.8 earthquake shook central Velora on Tuesday, bringing down two schools in the capital "
     "Altamar. It came less than two weeks after the 7.9 quake off the southern coast killed 41 people in "
     "Sanmar.", "2018-10-16"),
    ("q2-b", "Altamar school rescue continues after 6.8 quake",
     "Rescuers searched the rubble of two collapsed schools in Altamar on Wednesday, a day after the "
     "magnitude 6.8 earthquake in central Velora, which followed the deadly southern quake near Sanmar.",
     "2018-10-17"),
]


def test_main_events_two_quakes_in_one_country_twelve_days_apart_stay_two_stories():
    # natural events carry no PLOVER main events: time alone tells them apart, and the second quake's
    # reports, which recall the first as background, join the story of their own news
    items = [article(aid, text, title=title, published=day) for aid, title, text, day in QUAKES]
    assert _groups(build_stories(items)) == [["q1-a", "q1-b"], ["q2-a", "q2-b"]]


def _against_south(aid: str, text: str, lead: str, kind: str, source: Actor, *, published: str | None):
    """A report whose main event, told by the words ``lead``, is ``source`` acting against Southland."""
    return article(aid, text, published=published, events=(event_in(text, lead, kind, source, SOUTH),))


def _talks_reports(first: str, second: str) -> list:
    """Two reports of border talks between Northland and Southland (AGREE main events), dated ``first``
    and ``second``."""
    talks = ("Northland's foreign minister offered to hold talks with Southland on the disputed border region; the "
             "Southland foreign ministry said it would study the offer of border talks between the two governments.")
    reply = ("Southland's foreign ministry said its minister was ready to meet Northland's foreign minister for "
             "talks on the disputed border region, the first such offer between the two governments in years.")
    return [
        _against_south("talks", talks, "Northland's foreign minister offered to hold talks", "AGREE", NORTH,
                       published=first),
        _against_south("reply", reply, "Southland's foreign ministry said its minister was ready", "AGREE", NORTH,
                       published=second),
    ]


def _raid_and_talks_reports():
    """An undated report of air raids arrives first; talks reports of a month earlier join it (nothing
    yet says other news), then the dated raid reports form their own story."""
    raid = ("Northland's air force bombed three villages in Southland's disputed border region, weeks after the "
            "two governments spoke of talks on the border; Southland's foreign ministry said the air raids "
            "overnight killed farmers in their fields.")
    raids = ("Air raids hit three villages in the border region overnight and killed farmers in their fields, "
             "witnesses said; bombs fell on houses and a school as the raids went on until dawn.")
    raids2 = ("Witnesses said bombs from air raids fell on three border villages, killing farmers; houses and a "
              "school were hit in the raids on the villages overnight.")
    return [
        _against_south("raid", raid, "Northland's air force bombed three villages", "ASSAULT", ARMY, published=None),
        *_talks_reports("2021-05-03", "2021-05-04"),
        article("raids", raids, published="2021-06-07"),
        article("raids2", raids2, published="2021-06-08"),
    ]


def test_refine_moves_a_report_its_story_calls_other_news_to_a_more_similar_story_without_the_margin():
    """Once all are in, the talks story calls the raid report's main action other news (penalised), and
    the raid story, a little more similar but by less than ``refine_margin``, does not: it moves there."""
    c = StoryClusterer()
    c.add_many(_raid_and_talks_reports())
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["raid", "raids", "raids2"], ["reply", "talks"]]


def _talks_then_undated_raids_reports():
    """Dated talks reports arrive first; an undated report of air raids that names no day follows (its
    only candidate is the talks story, which calls its main action other news), then more raid reports."""
    raid = ("Northland's air force bombed three villages in Southland's disputed border region, weeks after the "
            "two governments spoke of talks on the border; Southland's foreign ministry said the air raids "
            "killed farmers in their fields.")
    raid2 = ("Air raids by Northland's air force hit three villages in Southland's border region and killed farmers "
             "in their fields, Southland's foreign ministry said; bombs fell on houses and a school.")
    raid3 = raid2.replace("Air raids", "Air strikes")
    return _talks_reports("2021-05-10", "2021-05-11") + [
        _against_south("raid", raid, "Northland's air force bombed three villages", "ASSAULT", ARMY, published=None),
        _against_south("raid2", raid2, "Air raids by Northland's air force hit", "ASSAULT", ARMY, published=None),
        _against_south("raid3", raid3, "Air strikes by Northland's air force hit", "ASSAULT", ARMY,
                       published="2021-05-04"),
    ]


def test_undated_report_naming_no_day_does_not_join_a_story_as_other_news():
    """Nothing dates the first raid report, so other news about the talks story's actors may be days away:
    it starts its own story rather than joining with a penalty and leading the later raid reports in."""
    reports = _talks_then_undated_raids_reports()
    c = StoryClusterer()
    talks = c.add(reports[0])
    assert c.add(reports[1]) == talks
    assert c.add(reports[2]) != talks
    for r in reports[3:]:
        c.add(r)
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["raid", "raid2", "raid3"], ["reply", "talks"]]


def _talks_then_undated_raid_then_strike_reports():
    """Dated talks reports; an undated report of an air raid that names no day and shares most of its words
    with the talks story (which calls its main action other news); then a dated report of the air strikes,
    a week before the talks, in other words than the raid report's."""
    raid = ("Northland's air force bombed a village in Southland's disputed border region, where the foreign "
            "ministers of the two governments had spoken of border talks; Southland's foreign ministry said "
            "the offer of talks was over.")
    strike = ("Air strikes by Northland's air force flattened a village and a market, witnesses said; bombs fell on "
              "houses and a school, and rescuers dug farmers out of the rubble.")
    return _talks_reports("2021-05-10", "2021-05-11") + [
        _against_south("raid", raid, "Northland's air force bombed a village", "ASSAULT", ARMY, published=None),
        _against_south("strike", strike, "Air strikes by Northland's air force flattened", "ASSAULT", ARMY,
                       published="2021-05-04"),
    ]


def test_refine_keeps_an_undated_report_naming_no_day_out_of_a_story_that_calls_it_other_news():
    """``add`` keeps the raid report out of the talks story (nothing dates it, and the talks story calls its
    news other news); placing it again once all are in must not move it there either, although the talks
    story is more similar than its own by more than ``refine_margin``."""
    reports = _talks_then_undated_raid_then_strike_reports()
    c = StoryClusterer()
    talks = c.add(reports[0])
    assert c.add(reports[1]) == talks
    raid = c.add(reports[2])
    assert raid != talks
    assert c.add(reports[3]) == raid
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["raid", "strike"], ["reply", "talks"]]


def _undated_raids_then_dated_talks_reports():
    """Two undated raid reports that name no day, then two dated talks reports of the same places, each
    below the join threshold alone, whose story's centroid is above it."""
    raid = ("Northland's air force bombed villages near Lake Vostra and in the Kessel river valley overnight; "
            "farmers were killed in their fields and houses burned, witnesses said.")
    raid2 = ("Bombs from Northland's air force fell on villages near Lake Vostra and in the Kessel river valley; "
             "witnesses said farmers were killed and houses burned overnight.")
    talks = ("Northland offered talks with Southland on the future of Lake Vostra; diplomats of both governments "
             "will meet in Geneva next month to discuss the offer, officials said.")
    reply = ("Southland accepted an offer of talks with Northland on the Kessel river valley, where houses burned "
             "overnight; diplomats will meet in Geneva, officials said.")
    return [
        _against_south("raid", raid, "Northland's air force bombed villages", "ASSAULT", ARMY, published=None),
        _against_south("raid2", raid2, "Bombs from Northland's air force fell", "ASSAULT", ARMY, published=None),
        _against_south("talks", talks, "Northland offered talks", "AGREE", NORTH, published="2021-05-10"),
        _against_south("reply", reply, "Southland accepted an offer of talks", "AGREE", NORTH,
                       published="2021-05-11"),
    ]


def test_end_of_run_merge_admits_stories_as_add_admits_reports():
    """Nothing dates the raid story, and the talks story calls its main action other news: ``add`` would
    not let such a report join, so the end-of-run merge of split stories must not join the two stories."""
    c = StoryClusterer()
    c.add_many(_undated_raids_then_dated_talks_reports())
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["raid", "raid2"], ["reply", "talks"]]


UNION = Actor("Northland Teachers Union", entity="e-ntu", code="NLD LAB")


def _protest(aid: str, text: str, lead: str, day: str, *, told: str | None = None) -> object:
    """A report dated ``day`` whose main event, told by ``lead``, is the union protesting on the day
    ``told`` (else ``day``)."""
    return article(aid, text, published=day,
                   events=(dataclasses.replace(event_in(text, lead, "PROTEST", UNION, None), date=told or day),))


def test_same_action_of_the_same_parties_days_apart_is_another_story():
    """A union's protest and its march four days later: the same kind of action by the same party, worded
    alike, but the texts put them on days apart: two happenings, two stories."""
    reports = [
        _protest("p1", "Thousands of teachers of the Northland Teachers Union protested outside the education "
                 "ministry in Porta on Monday over pay cuts, blocking traffic for hours.",
                 "teachers of the Northland Teachers Union protested", "2021-03-01"),
        _protest("p2", "The Northland Teachers Union staged a protest in Porta on Monday against pay cuts; "
                 "teachers blocked the road outside the education ministry.",
                 "The Northland Teachers Union staged a protest", "2021-03-01"),
        _protest("m1", "Tens of thousands of teachers marched through Porta on Friday as the Northland Teachers "
                 "Union protested again over pay cuts, days after blocking the education ministry.",
                 "the Northland Teachers Union protested again", "2021-03-05"),
        _protest("m2", "The Northland Teachers Union led a march of teachers through Porta on Friday against pay "
                 "cuts, the union's biggest protest since Monday's blockade of the education ministry.",
                 "The Northland Teachers Union led a march", "2021-03-05"),
    ]
    for order in (reports, reports[::-1]):
        c = StoryClusterer()
        c.add_many(order)
        assert sorted(sorted(s.articles) for s in c.result().stories) == [["m1", "m2"], ["p1", "p2"]]
    # a report of the same day's protest, a day later, is the same news
    profile = EventProfile()
    profile.add(main_events(reports[0]))
    next_day = _protest("p3", "The Northland Teachers Union said its protest in Porta on Monday would not be "
                        "the last.", "The Northland Teachers Union said its protest", "2021-03-02", told="2021-03-01")
    assert main_events(next_day).lead_days == {dt.date(2021, 3, 1).toordinal()}
    assert profile.relation(main_events(next_day)) == "same"
    assert profile.relation(main_events(reports[2])) == "other"


@pytest.mark.parametrize("kind,target,expected", [
    # "the army took control of the capital": the story's action told without its named party
    ("COERCE", Actor("the capital", code="KSA"), ""),
    # another kind of action of the story's country, naming no one: other news, as before
    ("ASSAULT", Actor("protesters", code="KSA CVL"), "other"),
])
def test_main_events_unnamed_action_of_the_story_kind_is_not_other_news(kind, target, expected):
    profile = EventProfile()
    for aid, title, text, lead, party, day in COUP[:2]:
        profile.add(main_events(article(aid, text, title=title, published=day,
                                        events=(event_in(text, lead, "COERCE", GENERAL, party),))))
    text = "The army took control of the capital and the state broadcaster, soldiers said."
    report = article("r", text, events=(event_in(text, "The army took control of the capital", kind, GENERAL,
                                               target),))
    assert profile.relation(main_events(report)) == expected
