"""Error classes found by running invented reports (diplomatic expulsions, ...) through the whole
pipeline. Each case fails without its rule."""

from __future__ import annotations


def _events(out):
    return [(e.type, e.source.name if e.source else None, e.target.name if e.target else None, e.trigger)
            for e in out.events]


def _one(out, etype, trigger):
    hits = [e for e in out.events if e.type == etype and e.trigger == trigger]
    assert len(hits) == 1, _events(out)
    return hits[0]


def test_events_persona_non_grata_expels(analyse):
    # the diplomatic formula for an expulsion: SANCTION of the sending state, as "expelled" is
    text = "Vardania retaliated by declaring two Ostrian consular officials persona non grata, its ministry said."
    ev = _one(analyse(text, published="2024-03-08"), "SANCTION", "declaring")
    assert ev.source is not None and ev.source.name == "Vardania", ev
    assert ev.target is not None and "Ostrian" in ev.target.name, ev


def test_events_condemning_the_move_judges_the_last_act(analyse):
    # "the move" names no act: it takes up the act just told, so the condemnation is of its author
    text = ("Serbia on Tuesday suspended fuel deliveries to Kosovo's northern towns. Kosovo's government "
            "condemned the move as illegal.")
    ev = _one(analyse(text, published="2024-03-08"), "ACCUSE", "condemned")
    assert ev.target is not None and ev.target.name == "Serbia", ev


def test_events_donor_nations_take_no_country_from_the_one_they_help(analyse):
    # "donors", "wealthy nations", "the international community" are many states, not the country helped
    text = ("Donors pledged $3 billion on Monday to help Mozambique recover from the cyclone. Mozambique's prime "
            "minister urged wealthy nations to give more.")
    out = analyse(text, published="2024-03-08")
    pledge = _one(out, "AGREE", "pledged")
    assert pledge.source is not None and pledge.source.code is None, pledge
    urged = _one(out, "REQUEST", "urged")
    assert urged.target is not None and urged.target.code is None, urged


def test_events_pledge_to_help_targets_the_helped(analyse):
    text = "Donors pledged $3 billion on Monday to help Veskia rebuild after the cyclone."
    pledge = _one(analyse(text, published="2024-03-08"), "AGREE", "pledged")
    assert pledge.target is not None and pledge.target.name == "Veskia", pledge
