"""Splitting a story that holds two happenings (issue 12): an early report that bridged two happenings about
the same people, before either was established, must not keep them in one story once every report is in."""

from __future__ import annotations

import pytest

from newsgraph.model import Actor
from newsgraph.stories import StoryClusterer
from newsgraph.stories.main_events import MainEvents, forces_of
from newsgraph.stories.refine import Member
from newsgraph.stories.split import Splitter, conflicting_cores, day_cores
from stories_helpers import article, event_in, weekday_in

ARMY = Actor("Dunmore army", code="DNM MIL")
CHIEF = Actor("Sela Brandt", entity="e-brandt", code="DNM GOV")
LAND = Actor("Oskaria", code="OSK")


def _undated(aid: str, text: str, lead: str, kind: str, source: Actor, target: Actor | None,
             days: tuple[tuple[str, int], ...] = ()):
    return article(aid, text, published=None, events=(event_in(text, lead, kind, source, target),),
                   dates=tuple(weekday_in(text, day, iso) for day, iso in days))


HOLD = [
    _undated("hold-1", "Dunmore's army detained Prime Minister Sela Brandt at her residence in Port Calder and took "
             "over the state radio, officers said, insisting they had staged no coup.",
             "Dunmore's army detained", "COERCE", ARMY, CHIEF),
    _undated("hold-2", "Soldiers in Port Calder detained Sela Brandt, Dunmore's prime minister, and seized the state "
             "radio; the officers denied staging a coup.", "Soldiers in Port Calder detained", "COERCE", ARMY, CHIEF),
    _undated("hold-3", "Troops kept Prime Minister Sela Brandt detained in her Port Calder residence as the army ran "
             "the state radio in Dunmore, officers said.", "Troops kept Prime Minister", "COERCE", ARMY, CHIEF),
]
QUIT = [
    _undated("quit-1", "Sela Brandt stepped down as prime minister of Dunmore, the assembly in Port Calder said, "
             "after the army detained her and took over the state radio.", "Sela Brandt stepped down", "RETREAT",
             CHIEF, None),
    _undated("quit-2", "Dunmore's prime minister Sela Brandt stepped down as the assembly in Port Calder moved to "
             "remove her, after soldiers detained her and seized the state radio.",
             "prime minister Sela Brandt stepped", "RETREAT", CHIEF, None),
    _undated("quit-3", "The assembly in Port Calder accepted that Sela Brandt stepped down as Dunmore's prime "
             "minister, weeks after the army detained her and ran the state radio.", "that Sela Brandt stepped",
             "RETREAT", CHIEF, None),
]


def _quake(aid: str, text: str, days: tuple[tuple[str, int], ...]):
    return _undated(aid, text, text.split(",")[0], "AID", LAND, None, days)


COAST = [
    _quake("coast-1", "A strong earthquake shook the Oskarian coast near Belmo on Tuesday, toppling houses, and "
           "rescue teams searched the rubble in the port of Belmo.", (("Tuesday", 2),)),
    _quake("coast-2", "Rescue teams dug through rubble in Belmo on Tuesday after a strong earthquake hit the "
           "Oskarian coast and toppled houses in the port.", (("Tuesday", 2),)),
    _quake("coast-3", "Rescuers in Belmo kept digging on Wednesday for people trapped since the earthquake on "
           "Tuesday toppled houses on the Oskarian coast.", (("Wednesday", 3), ("Tuesday", 2))),
]
INLAND = [
    _quake("inland-1", "A powerful earthquake struck inland Oskaria near Tarsk on Thursday night, collapsing a "
           "school, and rescue teams searched the rubble in Tarsk.", (("Thursday", 4),)),
    _quake("inland-2", "Rescue teams pulled children from a collapsed school in Tarsk on Thursday after a powerful "
           "earthquake struck inland Oskaria.", (("Thursday", 4),)),
    _quake("inland-3", "Rescuers in Tarsk searched on Friday for children trapped since the earthquake on Thursday "
           "collapsed a school in inland Oskaria.", (("Friday", 5), ("Thursday", 4))),
]


def _groups(reports, **options) -> list[list[str]]:
    c = StoryClusterer(**options)
    c.add_many(reports)
    return sorted(sorted(s.articles) for s in c.result().stories)


def _interleaved(a, b):
    return [x for pair in zip(a, b) for x in pair]


@pytest.mark.parametrize("order", [_interleaved(HOLD, QUIT), _interleaved(QUIT, HOLD)])
def test_split_a_detention_and_the_resignation_after_it_whatever_the_order(order):
    """Undated, nothing names a day: interleaved, the first resignation report joins the detention story before
    either lead action is established, and every later report finds its own lead there."""
    assert _groups(order) == [sorted(a.id for a in HOLD), sorted(a.id for a in QUIT)]
    assert _groups(order, split=False) == [sorted(a.id for a in HOLD + QUIT)]  # the fixture is hard


def test_split_two_quakes_whose_leads_name_days_apart():
    """Two quakes in one country, undated: the coast's reports lead with Tuesday (one with the Wednesday after),
    inland's with Thursday; the Wednesday report bridges them on arrival."""
    order = COAST + INLAND
    assert _groups(order) == [sorted(a.id for a in COAST), sorted(a.id for a in INLAND)]
    assert _groups(order, split=False) == [sorted(a.id for a in COAST + INLAND)]  # the fixture is hard


def _member(lead: tuple[str, str] | None = None, day: tuple[str, int, int] | None = None, *,
            when: float | None = None) -> Member:
    keys = frozenset({lead}) if lead else frozenset()
    sig = MainEvents(keys=keys, lead=keys, parties=frozenset({lead[1]}) if lead else frozenset())
    return Member(vec={}, sig=sig, when=when, marks=(day,) if day else (), days=(), copy_of=None, lead=day)


TUE, WED, THU, FRI, MON = ("wd", 2, 0), ("wd", 3, 0), ("wd", 4, 0), ("wd", 5, 0), ("wd", 1, 0)
HELD, QUITS, DEAL = ("COERCE", "n:brandt"), ("RETREAT", "n:brandt"), ("AGREE", "n:vexa")


@pytest.mark.parametrize("leads,expected", [
    ([HELD, HELD, QUITS, QUITS], ({"m2", "m3"}, {"m0", "m1"})),
    ([HELD, HELD, QUITS], None),  # one report does not establish a lead (extraction is noisy)
    ([HELD, HELD, ("RETREAT", "n:other"), ("RETREAT", "n:other")], None),  # another party
    ([DEAL, DEAL, ("SUPPORT", "n:vexa"), ("SUPPORT", "n:vexa")], None),  # one half of PLOVER: maybe one happening
    ([("COERCE", "DNM"), ("COERCE", "DNM"), ("RETREAT", "DNM"), ("RETREAT", "DNM")], None),  # no named party
])
def test_split_conflicting_cores(leads, expected):
    members = {f"m{i}": _member(lead) for i, lead in enumerate(leads)}
    assert conflicting_cores(members) == expected


@pytest.mark.parametrize("days,expected", [
    ([TUE, TUE, WED, THU, THU, FRI], ({"m0", "m1"}, {"m3", "m4", "m5"})),  # Wednesday lies nearer neither
    ([TUE, TUE, WED, WED], None),  # a day apart: the news and the day after
    ([TUE, TUE, THU], None),  # one report does not make a core
    ([MON, MON, FRI, FRI], ({"m0", "m1"}, {"m2", "m3"})),
])
def test_split_day_cores(days, expected):
    members = {f"m{i}": _member(("AID", "OSK"), day) for i, day in enumerate(days)}
    assert day_cores(members) == expected


def test_split_day_cores_keep_one_named_lead_told_on_two_days():
    """A deal agreed on Monday and still told on Friday: the same named lead action on both days is one happening."""
    members = {f"m{i}": _member(DEAL, day) for i, day in enumerate([MON, MON, FRI, FRI])}
    assert day_cores(members) is None


def test_split_day_cores_ignore_dated_reports():
    members = {f"m{i}": _member(("AID", "OSK"), day, when=17000.0 + i) for i, day in enumerate([TUE, TUE, FRI, FRI])}
    assert day_cores(members) is None


def test_split_conflicting_cores_same_whatever_the_member_order():
    """Two parties each with a cooperative and a hostile core of one size: the pair chosen is the same
    whichever order the story holds its reports in (ties go by key, not by arrival)."""
    leads = [("AGREE", "n:alda"), ("AGREE", "n:alda"), ("FIGHT", "n:alda"), ("FIGHT", "n:alda"),
             ("AGREE", "n:borin"), ("AGREE", "n:borin"), ("FIGHT", "n:borin"), ("FIGHT", "n:borin")]
    members = [(f"m{i}", _member(lead)) for i, lead in enumerate(leads)]
    forward, backward = conflicting_cores(dict(members)), conflicting_cores(dict(reversed(members)))
    assert forward == backward == ({"m0", "m1"}, {"m2", "m3"})


def _both(lead: tuple[str, str], also: tuple[str, str]) -> Member:
    sig = MainEvents(keys=frozenset({lead, also}), lead=frozenset({lead}), parties=frozenset({lead[1]}))
    return Member(vec={}, sig=sig, when=None, marks=(), days=(), copy_of=None)


TALKS, STRIKES = ("CONSULT", "n:vexa"), ("FIGHT", "n:vexa")


def test_split_conflicting_cores_keep_reports_telling_both_actions():
    """Talks amid strikes: reports leading with the talks that tell the strikes among their main events, and
    the reverse, are one happening told from two ends (as ``EventProfile.conflicts`` exempts them)."""
    members = {f"m{i}": _both(*pair) for i, pair in enumerate([(TALKS, STRIKES)] * 2 + [(STRIKES, TALKS)] * 2)}
    assert conflicting_cores(members) is None
    members |= {"t0": _member(TALKS), "t1": _member(TALKS), "s0": _member(STRIKES), "s1": _member(STRIKES)}
    assert conflicting_cores(members) == ({"t0", "t1"}, {"s0", "s1"})  # those telling one action only


class _Members(Splitter):
    def __init__(self, members: dict[str, Member]) -> None:
        self._members = members


@pytest.mark.parametrize("a,b,near", [
    ([(None, TUE), (None, TUE)], [(None, TUE), (None, WED)], True),  # undated, one day brings both
    ([(None, TUE), (None, TUE)], [(None, WED), (None, WED)], False),  # the news, then the next day's
    ([(None, None), (None, None)], [(None, None), (None, None)], False),  # nothing shows them near
    ([(17000.0, None), (17009.0, None)], [(17010.5, None)], True),
    ([(17000.0, None), (17009.0, None)], [(17005.0, None), (17011.0, None)], False),
])
def test_split_near_in_time(a, b, near):
    members = {f"a{i}": _member(HELD, day, when=when) for i, (when, day) in enumerate(a)}
    members |= {f"b{i}": _member(QUITS, day, when=when) for i, (when, day) in enumerate(b)}
    splitter = _Members(members)
    assert splitter._near_in_time({k for k in members if k[0] == "a"}, {k for k in members if k[0] == "b"}) is near


@pytest.mark.parametrize("leads,expected", [
    # talks offered and then agreed, strikes and then threats: each half counts its actions together
    ([DEAL, ("CONSULT", "n:vexa"), ("ASSAULT", "n:vexa"), ("THREATEN", "n:vexa")], ({"m0", "m1"}, {"m2", "m3"})),
    ([DEAL, ("CONSULT", "n:vexa"), ("ASSAULT", "n:vexa"), ("THREATEN", "n:other")], None),  # one hostile only
])
def test_split_conflicting_cores_count_each_half_together(leads, expected):
    members = {f"m{i}": _member(lead) for i, lead in enumerate(leads)}
    assert conflicting_cores(members) == expected


def test_split_conflicting_cores_read_a_state_in_its_unnamed_forces():
    """"Vexa's jets struck" leads with no named party, yet it is the state Vexa striking: with two such
    reports against two of Vexa offering talks, the story holds two happenings."""
    strike = MainEvents(keys=frozenset({("ASSAULT", "VXA")}), lead=frozenset({("ASSAULT", "VXA")}),
                        lead_forces=frozenset({("ASSAULT", "n:vexa")}))
    members = {"t0": _member(DEAL), "t1": _member(DEAL)} | {
        f"s{i}": Member(vec={}, sig=strike, when=None, marks=(), days=(), copy_of=None) for i in range(2)}
    assert conflicting_cores(members) == ({"t0", "t1"}, {"s0", "s1"})


@pytest.mark.parametrize("actor,expected", [
    (Actor("Dunmore air force", code="NLD MIL"), "n:netherlands"),  # a state's forces, described
    (Actor("Dunmore police", code="NLD COP"), None),  # not its armed forces
    (Actor("Colonel Ray Marr", entity="e-marr", code="NLD MIL"), None),  # a named officer is himself
    (Actor("rebels", code="NLD REB"), None),
    (None, None),
])
def test_split_forces_of(actor, expected):
    assert forces_of(actor) == expected
