"""Confusable stories when no report is dated (issue 12): different happenings with the same actors and
places days apart stay apart on what the reports themselves say."""

from __future__ import annotations

from newsgraph.model import Actor, DateMention, Event
from newsgraph.stories import StoryClusterer
from stories_helpers import article

FRONT = Actor("Ashen Hand", entity="e-ashen", code="")
TERRA = Actor("Terravia", entity="e-terra", code="TRV GOV")


def _event(text: str, words: str, kind: str, source: Actor, target: Actor | None) -> Event:
    start = text.index(words)
    return Event(type=kind, source=source, target=target, date=None, place=None, span=(start, start + len(words)),
                 trigger=words.split()[1], main=True)


def _weekday(text: str, word: str, iso: int) -> DateMention:
    start = text.index(word)
    return DateMention(text=word, span=(start, start + len(word)), value=None, granularity="other",
                       timex_type="DATE", timex_value=f"XXXX-WXX-{iso}", tense="past")


def _undated(aid: str, text: str, lead: str, kind: str, day: tuple[str, int], *, source=FRONT, target=TERRA):
    """An undated report whose main event (told by ``lead``) is ``source`` acting on ``target``, on the
    weekday ``day`` its lead names."""
    return article(aid, text, published=None, events=(_event(text, lead, kind, source, target),),
                   dates=(_weekday(text, day[0], day[1]),))


ATTACKS = [
    _undated("bomb-1", "Suicide bombers of the Ashen Hand struck the Velmont airport and a tram stop on Tuesday, "
             "killing 28 people in the deadliest bombings Terravia has known. The Ashen Hand claimed the attack.",
             "Suicide bombers of the Ashen Hand struck", "ASSAULT", ("Tuesday", 2)),
    _undated("bomb-2", "Twin blasts at Velmont airport and a central tram stop killed 28 people on Tuesday; the "
             "Ashen Hand said its suicide bombers carried them out, and Terravia closed its airports.",
             "Twin blasts at Velmont airport", "ASSAULT", ("Tuesday", 2)),
    _undated("raid-1", "Gunmen of the Ashen Hand opened fire on cafes and a stadium in Corran on Saturday, "
             "killing 112 people, and the president declared a state of emergency across the country.",
             "Gunmen of the Ashen Hand opened fire", "ASSAULT", ("Saturday", 6)),
    _undated("raid-2", "The Ashen Hand said on Saturday its gunmen had attacked the cafes and the stadium of "
             "Corran, where 112 people died; Terravia sealed its borders under the state of emergency.",
             "The Ashen Hand said on Saturday its gunmen had attacked", "ASSAULT", ("Saturday", 6)),
]


def _groups(reports, **options) -> list[list[str]]:
    c = StoryClusterer(**options)
    c.add_many(reports)
    return sorted(sorted(s.articles) for s in c.result().stories)


def test_same_action_of_one_group_on_weekdays_apart_is_not_shown_the_same_happening():
    """The group's bombings told of a Tuesday and its shootings in another city told of a Saturday lead with
    the same kind of action by the same party; with no publication date, that earns no same-news bonus, so
    the two attacks stay two stories on what their texts share."""
    for order in (ATTACKS, ATTACKS[:2] + ATTACKS[:1:-1]):
        assert _groups(order) == [["bomb-1", "bomb-2"], ["raid-1", "raid-2"]]
