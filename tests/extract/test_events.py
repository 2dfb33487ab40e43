"""Events (issue 5): PLOVER types, coded actors, negation, mode, dates and evidence.

The dev set ``tests/data/events_dev.jsonl`` is written and labelled by the team;
each labelled sentence must yield an event with the labelled type, source code,
target code (when labelled), negation and mode; sentences labelled with no type
must yield no event.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.extract.events import as_plover
from newsgraph.lexicons import load_tsv
from newsgraph.model import PLOVER_TYPES, Event

DEV = Path(__file__).resolve().parents[1] / "data" / "events_dev.jsonl"
# Known failures of the current coder, kept visible rather than relabelled (see the issue 5 report).
KNOWN_WEAK: set[str] = set()


def _dev_records() -> list[dict]:
    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(json.loads(line))
    return out


def _code(actor) -> str | None:
    return actor.code if actor is not None else None


def _matches(ev: Event, rec: dict) -> bool:
    return (ev.type == rec["type"] and _code(ev.source) == rec["source"]
            and (rec["target"] is None or _code(ev.target) == rec["target"])
            and ev.negated == rec["negated"] and ev.mode == rec["mode"]
            and ("plover" not in rec or as_plover(ev) == rec["plover"]))


@pytest.mark.parametrize("rec", _dev_records(), ids=lambda r: r["text"][:40])
def test_events_dev_set(analyse, rec):
    if rec["text"] in KNOWN_WEAK:
        pytest.xfail("known weakness of the rule coder (issue 5 report)")
    events = analyse(rec["text"], published="2020-01-01").events
    if rec["type"] is None:
        assert events == ()
        return
    got = [(e.type, _code(e.source), _code(e.target), e.negated, e.mode, e.trigger) for e in events]
    assert any(_matches(e, rec) for e in events), f"wanted {rec}, got {got}"


def test_events_dev_set_covers_all_types():
    types = {r["type"] for r in _dev_records() if r["type"]}
    assert len(_dev_records()) >= 40
    assert set(PLOVER_TYPES) <= types


def test_events_lexicon_documents_every_entry():
    rows = load_tsv("plover_triggers.tsv")
    assert rows and all(r["why"] for r in rows)
    assert {r["type"] for r in rows if r["kind"] in ("verb", "noun")} <= set(PLOVER_TYPES)
    assert all(r["why"] and r["code"] for r in load_tsv("plover_actors.tsv"))


def test_events_lexicon_row_with_several_lemmas_gives_each_lemma_the_entry():
    """"stop|halt|suspend|end" in the lemma column is one entry per lemma, in the row's place."""
    from newsgraph.extract.event_lexicon import lexicon

    lex = lexicon()
    assert not any("|" in lemma for lemma, _ in lex)
    for lemma in ("stop", "halt", "suspend", "end"):
        coded = [e.type for e in lex[(lemma, "verb")] if "obj:protest" in ",".join(e.needs)]
        assert coded == ["COERCE", "COERCE", "RETREAT"], lemma


@pytest.mark.parametrize("text, expected_type, neg, mode, plover", [
    ("Chile did not send aid to Peru.", "AID", True, "asserted", "REJECT"),
    ("Peru plans to impose sanctions on Chile.", "SANCTION", False, "intended", "THREATEN"),
    ("Peru will provide aid to Chile.", "AID", False, "future", "AGREE"),
    ("Peru sent aid to Chile.", "AID", False, "asserted", "AID"),
    ("Peru and Chile failed to reach an agreement.", "SUPPORT", True, "asserted", "REJECT"),  # reaching a deal: SUPPORT (issue 11)
    ("Neither Peru nor Chile offered aid to Bolivia.", "AGREE", True, "asserted", "REJECT"),
    ("Peru will withdraw its troops unless Chile stops the raids.", "RETREAT", False, "conditional", "THREATEN"),
])
def test_events_negation_mode_and_plover_view(analyse, text, expected_type, neg, mode, plover):
    events = [e for e in analyse(text, published="2020-01-01").events if e.type == expected_type]
    assert events, text
    ev = events[0]
    assert (ev.negated, ev.mode, as_plover(ev)) == (neg, mode, plover)


def test_events_reported_speech_codes_embedded_event(analyse):
    events = analyse("Kerry said Russia proposed talks with Japan.", published="2020-01-01").events
    assert [(e.type, _code(e.source), _code(e.target)) for e in events] == [("AGREE", "RUS GOV", "JPN GOV")]


def test_events_conjunction_gives_one_event_per_pair(analyse):
    events = analyse("Russia and China criticised Britain and France.", published="2020-01-01").events
    pairs = {(_code(e.source), _code(e.target)) for e in events if e.type == "ACCUSE"}
    assert pairs == {("RUS GOV", "GBR GOV"), ("RUS GOV", "FRA GOV"),
                     ("CHN GOV", "GBR GOV"), ("CHN GOV", "FRA GOV")}


def test_events_evidence_spans_and_confidence(analyse):
    text = "Police arrested ten protesters in Nairobi. Kenya later released them."
    art = analyse(text, published="2020-01-01")
    assert art.events
    for ev in art.events:
        s, e = ev.span
        ts, te = ev.trigger_span
        assert s <= ts < te <= e
        assert 0.0 <= ev.confidence <= 1.0
        assert ev.date == "2020-01-01" and ev.date_from == "published"
    assert [e.span[0] for e in art.events] == sorted(e.span[0] for e in art.events)
    arrest = next(e for e in art.events if e.type == "COERCE")
    assert arrest.place == "Nairobi" and text[slice(*arrest.place_span)] == "Nairobi"


def test_events_syria_sample(syria):
    evs = syria.events

    def find(type_, src, tgt):
        return [e for e in evs if e.type == type_ and _code(e.source) == src and _code(e.target) == tgt]

    offer = find("AGREE", "RUS GOV", "USA GOV")
    # the report dates the proposal only by Kerry's Wednesday statement; the article's one dated
    # contact between the two countries is Tuesday's call, so the offer is linked to that day
    assert offer and all((e.date, e.date_from) == ("2015-09-15", "linked") for e in offer)
    call = find("CONSULT", "USA GOV", "RUS GOV")
    assert call and (call[0].date, call[0].date_from) == ("2015-09-15", "text")
    aid = find("AID", "RUS GOV", "SYR GOV")
    assert aid and aid[0].mode == "future" and "aid" in aid[0].trigger
    kerry = [e for e in evs if e.type in ("ACCUSE", "REJECT") and e.source and "Kerry" in e.source.name]
    assert kerry and _code(kerry[0].source) == "USA GOV" and _code(kerry[0].target) == "RUS GOV"
    assert kerry[0].date == "2015-09-15"  # "spoken on Tuesday ... and expressed": one shared date
    assert not [e for e in evs if e.type == "AID" and "help" in e.trigger]  # "It will help us define"
    # "Moscow's support for the government of President Bashar al-Assad": a nominal event, the
    # government coded through the person named in its "of" phrase
    assert find("SUPPORT", "RUS GOV", "SYR GOV")


@pytest.mark.parametrize("text, type_, source, target", [
    ("Finland will give Tanzania a grant.", "AID", "FIN GOV", "TZA GOV"),
    ("Syria offered its troops to Lebanon.", "AGREE", "SYR GOV", "LBN GOV"),
    ("Students demonstrated in Jakarta against the new law.", "PROTEST", "IDN EDU", "IDN GOV"),
    ("Georgia rejected Russia's proposal.", "REJECT", "GEO GOV", "RUS GOV"),
])
def test_events_recipients_and_defaults(analyse, text, type_, source, target):
    events = analyse(text, published="2020-01-01").events
    got = [(e.type, _code(e.source), _code(e.target)) for e in events]
    assert (type_, source, target) in got, got


@pytest.mark.parametrize("text", [
    "The attack happened quietly.",
    "Talks are important.",
    "The meeting room was painted blue.",
])
def test_events_need_a_participant(analyse, text):
    assert analyse(text, published="2020-01-01").events == ()


def test_events_dateline_is_no_actor(analyse):
    text = "KIEV, Oct 1 - Ukrainian troops and Russian-backed separatists withdrew from the town."
    events = analyse(text, published="2015-10-01").events
    sources = {_code(e.source) for e in events if e.type == "RETREAT"}
    assert sources == {"UKR MIL", "UKR REB"}  # not "Kiev", and "-backed" names the backer only
    assert all("KIEV" not in (e.source.name if e.source else "") for e in events)


@pytest.mark.parametrize("bare_type", [None, "LOC"])
def test_events_pronoun_goes_to_a_bare_surname_the_recognizer_missed(nlp, bare_type):
    """"she" is the person last named, even by a surname the recognizer missed or took for a place."""
    from newsgraph.extract.events.argument_actors import _resolve_pronoun
    from newsgraph.extract.linking import MentionIndex
    from newsgraph.model import Entity

    text = ("The court removed Governor Mary Hill on Friday and her deputy Tom Reyes took over. "
            "The ruling leaves Hill open to charges and prosecutors named her a suspect.")
    doc = nlp(text)
    full, deputy, bare = text.index("Mary Hill"), text.index("Tom Reyes"), text.index("Hill open")
    ents = [Entity("e1", "Mary Hill", "PERSON", ((full, full + 9),)),
            Entity("e2", "Tom Reyes", "PERSON", ((deputy, deputy + 9),))]
    if bare_type:
        ents.append(Entity("e3", "Hill", bare_type, ((bare, bare + 4),)))
    her = next(t for t in doc if t.lower_ == "her" and t.idx > bare)
    assert next(t for t in doc if t.idx == bare).pos_ == "PROPN"
    actor = _resolve_pronoun(her, None, None, MentionIndex(ents))
    assert actor is not None and actor.name == "Mary Hill"


@pytest.mark.parametrize("text", [
    "Peru's president resigned on Monday. His deputy joined those calling for the veteran ruler "
    "to step down.",
    "Peru's president spoke on Monday. Some urged the veteran ruler to quit.",
])
def test_events_indefinite_pronoun_is_no_earlier_actor(analyse, text):
    out = analyse(text, published="2022-03-08")
    appeals = [e for e in out.events if e.type == "REQUEST"]
    assert appeals and all(e.source is None or "Peru" not in e.source.name for e in appeals), appeals


@pytest.mark.parametrize("text, trigger, place", [
    # a place GSR reads as the party acted on is still where it happened
    ("Ministers from five countries met in Lisbon on Friday.", "met", "Lisbon"),
    # the object's place ("raided two farms in X")
    ("Police raided two farms in Bavaria on Tuesday.", "raided", "Bavaria"),
    ("Police raided two addresses in Saxony on Tuesday.", "raided", "Saxony"),
    # a participle clause happened where its main clause did
    ("Rebels attacked an army post near Bunia, killing nine soldiers.", "killing", "Bunia"),
    # a place acted on on the ground, and a place passed through
    ("Two blasts rocked Kandahar on Monday, killing six people.", "killing", "Kandahar"),
    ("Explosions ripped through Mombasa on Monday, killing six people.", "killing", "Mombasa"),
    # a people is not a place
    ("Soldiers detained four Somalis on Monday.", "detained", None),
    # where the actor is ("police in X", "X police"), where troops are sent, a place named inside the phrase
    ("Marseille police detained two journalists on Monday.", "detained", "Marseille"),
    ("The government deployed 2,000 soldiers to Goma on Monday.", "deployed", "Goma"),
    ("Police carried out raids on Monday in several districts of Kampala.", "carried", "Kampala"),
    # a name's own first word is not a place ("South" in "South Koreans")
    ("North Koreans rallied in the main square on Saturday.", "rallied", None),
])
def test_events_place_of_the_act(analyse, text, trigger, place):
    art = analyse(text, published="2020-01-01")
    ev = [e for e in art.events if text[slice(*e.trigger_span)].startswith(trigger)]
    assert ev and ev[0].place == place, art.events


def test_events_clause_dated_without_a_day_is_not_the_publication_day(analyse):
    text = "The former militia commander, who fought the army in the 1980s war, was detained on Monday."
    art = analyse(text, published="2024-03-06")
    fought = [e for e in art.events if text[slice(*e.trigger_span)] == "fought"]
    assert fought and fought[0].date is None, art.events
    detained = [e for e in art.events if text[slice(*e.trigger_span)] == "detained"]
    assert detained and detained[0].date == "2024-03-04", art.events


def test_events_place_is_never_an_unresolved_name(analyse):
    # the places stage keeps a name it cannot place with null coordinates; it is no event place
    text = "Protesters rallied outside Apple on Friday."
    art = analyse(text, published="2024-03-06")
    assert art.events and all(e.place is None for e in art.events), art.events
