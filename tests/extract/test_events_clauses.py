"""Error classes found by running invented reports through the whole pipeline (impeachment votes,
truces, tanker seizures): who the parts of a clause belong to and which day each act is on.
Each case fails without its rule."""

from __future__ import annotations


def _events(out):
    return [(e.type, e.source.name if e.source else None, e.target.name if e.target else None, e.date)
            for e in out.events]


def _one(out, etype, trigger):
    hits = [e for e in out.events if e.type == etype and e.trigger == trigger]
    assert len(hits) == 1, _events(out)
    return hits[0]


# published on a Friday: "Thursday" is 2024-03-07
_VOTE = ("Lawmakers in Veskia voted on Thursday to impeach President Aron Belek, a day after thousands of "
         "protesters marched on the presidential palace demanding his resignation.")


def test_events_infinitive_act_takes_the_day_of_its_verb(analyse):
    # "voted on Wednesday to impeach": the impeachment is the vote, on the vote's day
    text = "Veskia's parliament voted on Wednesday to impeach President Aron Belek over a bribery scandal."
    ev = _one(analyse(text, published="2024-03-08"), "ACCUSE", "impeach")
    assert ev.date == "2024-03-06" and ev.date_from == "text", ev


def test_events_counted_after_clause_is_dated_from_its_host(analyse):
    # "on Thursday, a day after protesters marched": the march was on Wednesday
    ev = _one(analyse(_VOTE, published="2024-03-08"), "PROTEST", "marched")
    assert ev.date == "2024-03-06" and ev.date_from == "frame", ev


def test_events_participle_hung_on_a_building_belongs_to_the_marchers(analyse):
    out = analyse(_VOTE, published="2024-03-08")
    demand = _one(out, "DEMAND", "demanding")
    assert demand.source is not None and demand.source.name == "protesters", _events(out)
    assert demand.date == "2024-03-06", demand  # the march's day, not the publication day
    # the march is against the man whose resignation it demands
    march = _one(out, "PROTEST", "marched")
    assert march.target is not None and "Belek" in march.target.name, _events(out)


def test_events_day_on_a_participle_of_the_object_dates_the_act(analyse):
    text = ("Separately, coast guard boats seized a tanker flying a Maltese flag in the gulf on Tuesday, "
            "the ship's owner said.")
    ev = _one(analyse(text, published="2024-03-08"), "COERCE", "seized")
    assert ev.date == "2024-03-05", ev


def test_events_object_it_takes_up_the_thing_just_named(analyse):
    text = ("Police stood guard outside the Veskian parliament on Monday. Belek called the vote illegal "
            "and vowed to overturn it in court.")
    out = analyse(text, published="2024-03-08")
    vow = [e for e in out.events if e.source is not None and "Belek" in e.source.name]
    assert vow and all(e.target is None for e in vow), _events(out)


def test_events_body_the_tagger_named_keeps_its_owner(analyse):
    text = "Separately, Norvia's navy seized a fishing trawler in the strait on Wednesday, officials said."
    ev = _one(analyse(text, published="2024-03-08"), "COERCE", "seized")
    assert ev.source is not None and ev.source.name == "Norvia's navy", ev


def test_events_relative_clause_is_no_part_of_a_name(analyse):
    text = ("Both sides promised to open aid corridors to the besieged town of Kessel, where some 30,000 "
            "people are trapped, the envoy said.")
    out = analyse(text, published="2024-03-08")
    names = [a.name for e in out.events for a in (e.source, e.target) if a is not None]
    assert names and not any("trapped" in n for n in names), _events(out)


_DENIAL = ("A ministry spokesman said its troops only strike military targets and blamed the fire on "
           "rebel mortar crews.")


def test_events_past_judgement_after_present_report_is_the_speakers(analyse):
    out = analyse(_DENIAL, published="2024-03-08")
    blame = _one(out, "ACCUSE", "blamed")
    assert blame.source is not None and "spokesman" in blame.source.name, _events(out)


def test_quotes_reported_clause_stops_before_the_speakers_own_act(analyse):
    quotes = analyse(_DENIAL, published="2024-03-08").quotes
    assert [q.text for q in quotes] == ["its troops only strike military targets"], quotes
