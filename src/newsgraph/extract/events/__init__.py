"""PLOVER events: who did what to whom, when and where, read off the dependency parse.

How an event is found (every word list lives in ``lexicons/plover_triggers.tsv``,
each entry with the reason for its type):

- **verb triggers**: a verb lemma, optionally with a particle/preposition or a
  given object ("called for" DEMAND, "cut ties" SANCTION, "opened fire" ASSAULT);
- **light verbs** ("held talks", "launched strikes", "expressed disagreement"):
  the object noun names the event; some light verbs also have a type of their
  own used when the object is not an event noun ("provided weapons" AID);
- **nominal events** ("the attack killed 22", "Moscow's support for Assad",
  "talks between A and B") when they have an actor of their own;
- **control**: "agreed to buy", "threatened to impose", "refused to meet",
  "accused X of violating": the governing verb is the event, its complement
  supplies the target; a vow of a hostile act ("vowed to crush the rebels") is a
  THREATEN against its object; transparent verbs ("continue to", "plans to")
  pass the event through and set ``mode``; "ready/willing to X" is X with mode
  "intended" (an offer: AGREE in ``as_plover``), AGREE itself when X is no event;
- **reported speech**: the speaking is not an event; the clause it reports is
  coded ("Kerry said Russia proposed talks" -> Russia AGREE); "X said Y must Z"
  is a DEMAND by X on Y. Pronoun subjects of the reported clause ("Japan said it
  had halted aid") resolve to the speaker.

Arguments: the source is the agent (active subject, passive "by" phrase, the
head noun of a relative or participial clause, the subject inherited through
conjoined verbs, the decider of "X's decision to Y", the "for" phrase of "it
would be for X to Y", a task assigned and so hypothetical; a wire dateline
"KIEV, Oct 1 -" is never one); the target is
the direct object (of the event verb or of its controlled complement: "refused
to meet X"), else the first actor found in the event's prepositional phrases
(with/to/against/on/for/between..., "in X" last), else the subject of a
demanded clause. Conjoined actors give one event per source-target pair.

Countries for actors named without one (``actors.py`` codes what the phrase
says, ``actor_context.py`` guesses the rest): a sector-only source takes the
first country the sentence names outside the target's own words; a sector-only target takes the event's place, the only
country of the sentence, or the source's country (domestic default, not between
two governments, and only where the source's country is the scene); people
without any code ("prisoners") take the place or
sentence country; when the sentence names none, the article's dominant country
stands in. Each guess lowers ``confidence``. Pronouns: the speaker of the
reported clause ("Japan said it had halted aid"; in a direct quote only I/we),
"they/it" the source of an event at most two sentences before, he/she the last
person named. A protest with no stated target is against the government of
where it happens (PLOVER convention); an agentless arrest, probe or sanction
("a missionary was arrested in Lebanon") is the act of the state where it
happens, or where its party was held ("a suspect arrested in Peru was charged")
(country only, lower confidence). People named inside the trigger of a
hostile act carry its target ("expelled two Russian diplomats" -> RUS). Negation (``not``,
``never``, ``no``) is kept in ``negated``; ``mode`` is "future" (will/shall, or
"would" in reported speech), "intended" (plan/decide/seek to, ready/willing
to...), "attempted" (try/attempt to: the act was tried), "continuing"
(continue/keep), "hypothetical" (may/might/could/would outside reported
speech), "conditional" (an act announced "unless" something happens) or
"asserted".

Date: the date expression (``found.dates``) attached to the event's clause
(``date_from="text"``), else one attached to the reporting verb that governs it
(``date_from="report"``: the day the event was reported, an upper bound for
when it happened), else the publication date (``date_from="published"``). A
"before"/"after" clause whose distance the text counts ("voted on Thursday, a
day after protesters marched") is dated from its host (``date_from="frame"``). An
offer, demand or criticism between two countries dated only by its report takes
the date of a dated call or meeting between the same two countries in the
article (``date_from="linked"``, never later than its own date).

Confidence: a rule-based score, the product of a base for the trigger kind
(verb or light verb 0.8, readiness adjective 0.7, "must" demand 0.6, nominal
event 0.55) and factors below 1 for each weaker link (reported clause 0.95,
embedded clause 0.85, pronoun resolved 0.85, uncoded source 0.85, no source
0.6, each guessed country 0.8-0.9), clipped to [0.05, 0.95]. It ranks the events
of a sentence (the benchmark keeps the most confident); ``benchmarks/events.py``
prints how often the kept event has the right type in each band on PLOVER-GSR
(0.92 above 0.8, 0.85-0.88 between 0.6 and 0.8). Below 0.6 the kept events are
not less often right (few, mostly nominal events standing alone): the score
ranks a sentence's events more than it predicts correctness there.
"""

from __future__ import annotations

import logging

from ...model import Article, Event
from ...model import Found
from ..actor_context import dominant_country
from ..event_lexicon import is_event_noun
from ..linking import MentionIndex
from ..place_links import link_events
from .dating import _date_governors, _link_dates
from .canonical import canonical_actors
from .discourse import fill_from_article
from .modality import as_plover
from .salience import mark_main
from .sentence import _Context, _sentence_events
from .syntax import repaired

log = logging.getLogger(__name__)

__all__ = ["extract", "as_plover", "is_event_noun"]


def extract(doc, article: Article, found: Found) -> list[Event]:
    """PLOVER events of one article, one per source-target pair, sorted by sentence then trigger."""
    doc = repaired(doc)  # a copy when the parser misread a prenominal participle; ``doc`` stays as given
    index = MentionIndex(found.entities)
    dates_by_gov = _date_governors(doc, found, text=article.text)
    ctx = _Context(article_country=dominant_country(doc, index, text=article.text))
    events: list[Event] = []
    for number, sent in enumerate(doc.sents):
        ctx.sentence = number
        try:
            new = _sentence_events(sent, article, found, index, dates_by_gov, ctx)
            events.extend(new)
            coded = [e.source for e in new if e.source is not None and e.source.code]
            if coded:
                ctx.last_source, ctx.last_sentence = coded[-1], number
        except (IndexError, KeyError, ValueError, AttributeError) as exc:  # skip the sentence, keep the article
            log.warning("events: skipped a sentence of %s at %d: %r", article.id, sent.start_char, exc)
    events = _link_dates(events)
    events = fill_from_article(doc, events, index)
    events = canonical_actors(doc, events, found.entities)
    events.sort(key=lambda e: (e.span[0], e.trigger_span or (0, 0), e.type))
    events = link_events(doc, events, found.places)  # location: the place record (issue 14)
    return mark_main(doc, article, events, entities=found.entities)
