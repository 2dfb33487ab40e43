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


def test_events_the_dead_appeal_for_nothing(analyse):
    # "said 15 soldiers had died and appealed to Russia": the appeal is the speaker's, conjoined to "said"
    text = ("Prime Minister Aron Belek said 15 of his country's soldiers had died and appealed to Russia "
            "for help.")
    ev = _one(analyse(text, published="2024-03-08"), "REQUEST", "appealed")
    assert ev.source is not None and "Belek" in ev.source.name, ev


def test_events_second_act_with_the_report_verbs_auxiliary_is_the_speakers(analyse):
    # "has denied that X are linked ... and has invited Y": the second "has" repeats the denial's, so the
    # invitation is Beijing's own act, outside what was denied (and an invitation to talks is an offer)
    text = ("Beijing has denied that the duties are linked to the dispute over solar panels and has invited "
            "the Ostrian government to resume negotiations.")
    out = analyse(text, published="2024-03-08")
    ev = _one(out, "AGREE", "invited")
    assert ev.source is not None and ev.source.name == "China", ev
    quote = next(q for q in out.quotes if q.cue == "denied")
    assert "invited" not in quote.text, quote


def test_events_the_bloc_is_the_union_last_named(analyse):
    text = ("Ministers of the European Union met on Monday. On Tuesday the 27-nation bloc voted to impose "
            "tariffs on Chinese-made solar panels.")
    ev = _one(analyse(text, published="2024-03-08"), "SANCTION", "impose tariffs")
    assert ev.source is not None and ev.source.name == "European Union", ev


def test_events_levy_on_goods_targets_their_state(analyse):
    out = analyse("China imposed duties of up to 39% on wine imported from Australia on Tuesday.",
                  published="2024-03-08")
    ev = _one(out, "SANCTION", "imposed")
    assert ev.target is not None and ev.target.name == "Australia", ev
    out = analyse("Canada said on Monday it would impose tariffs on Chinese-made electric vehicles.",
                  published="2024-03-08")
    ev = next(e for e in out.events if e.type == "SANCTION")
    assert ev.target is not None and ev.target.name == "China", ev


def test_events_freed_children_arriving_is_no_visit(analyse):
    out = analyse("Parents wept as the freed children arrived in the city on Sunday.", published="2024-03-08")
    assert not [e for e in out.events if e.type == "CONSULT"], _events(out)
    out = analyse("The foreign minister arrived in Windhoek on Sunday for talks.", published="2024-03-08")
    assert [e for e in out.events if e.type == "CONSULT" and e.trigger.startswith("arrived")], _events(out)


def test_events_first_person_in_a_quote_is_the_named_apposition(analyse):
    # '"I thank the army ...," said one mother, Jane Roe': "I" is Jane Roe, not a place named before
    text = ('The children arrived in Lokoja on Sunday. "I thank the army for bringing my daughter back," '
            'said one mother, Hauwa Bello.')
    ev = _one(analyse(text, published="2024-03-08"), "SUPPORT", "thank")
    assert ev.source is not None and ev.source.name == "Hauwa Bello", ev


def test_events_known_armed_group_typed_a_place_keeps_its_code(analyse):
    # the tagger types "M23" a place; the actor lexicon knows it is a Congolese armed group, and a
    # talks venue ("in Doha") gives it no country
    for text in ("M23 has been holding separate talks with Kinshasa in Doha.",
                 "The M23 rebel group has been holding separate talks with Kinshasa in Doha."):
        ev = next(e for e in analyse(text, published="2024-03-08").events if e.type == "CONSULT")
        assert ev.source is not None and ev.source.code == "COD REB", ev


def test_events_where_travellers_go_is_no_actors_country(analyse):
    # the only country in the sentence is where the passengers wanted to go; the coast guard is Greek
    # (the article's country), not Italian
    text = ("Greek officials said the trawler sank off the Peloponnese. The Greek coast guard pulled 80 survivors "
            "from the sea. The coast guard denied the claim, saying the passengers had insisted on continuing "
            "to Italy.")
    ev = _one(analyse(text, published="2024-03-08"), "REJECT", "denied")
    assert ev.source is not None and (ev.source.code or "").startswith("GRC"), ev


def test_events_dissolving_a_party_is_a_ban_by_the_same_court(analyse):
    text = ("Ostria's Constitutional Court on Wednesday removed the prime minister from office. The ruling came "
            "a week after the same court dissolved the opposition Forward party.")
    out = analyse(text, published="2024-03-08")
    ev = _one(out, "COERCE", "dissolved")
    assert ev.source is not None and ev.source.name == "Constitutional Court", ev
    assert ev.target is not None and "Forward" in ev.target.name, ev
    out = analyse("The president dissolved parliament and called an election for June.", published="2024-03-08")
    assert not [e for e in out.events if e.trigger == "dissolved"], _events(out)


def test_entities_given_name_alone_is_the_full_name_it_begins(analyse):
    # Thai and other reports call people by the given name after the first mention
    text = ("Prime Minister Anutin Boonmee was removed on Wednesday. Anutin said he respected the verdict. "
            "\"I have done my duty,\" Anutin told reporters.")
    out = analyse(text, published="2024-03-08")
    assert {q.speaker.name for q in out.quotes if q.speaker} == {"Anutin Boonmee"}, out.quotes


def test_events_bare_spokesman_is_the_voice_of_the_body_that_spoke(analyse):
    # "a spokesman" named for no body speaks for the body quoted just before, not for the country the
    # sentence names (the Philippines would not urge Manila)
    text = ("Manila lodged a protest, the foreign ministry said. China's coast guard said it had taken "
            "\"necessary control measures\" to expel the Philippine ships. A spokesman urged Manila to stop "
            "its provocations.")
    ev = _one(analyse(text, published="2024-03-08"), "REQUEST", "urged")
    assert ev.source is not None and (ev.source.code or "").startswith("CHN"), ev


def test_entities_short_body_name_joins_the_full_one(analyse):
    # "the Commission" after "the European Commission" is that body, not an unknown government
    text = ("The European Commission on Tuesday blocked Nordair's takeover of Skylink. It was the "
            "Commission's first veto of a merger since it blocked a deal between two rail makers in 2019.")
    out = analyse(text, published="2024-11-05")
    names = [e.name for e in out.entities if e.type == "ORG"]
    assert "Commission" not in names, names
    commission = next(e for e in out.entities if e.name == "European Commission")
    assert len(commission.mentions) == 2, commission


def test_events_machines_sent_say_what_they_are_for(analyse):
    # a compound on a machine says what it is for: "attack helicopters" sent are a deployment, not an
    # attack; firefighting planes sent are aid; planes sent "from" two countries are not sent to them
    out = analyse("Russia sent attack helicopters to the border on Monday.", published="2024-03-08")
    assert [e.type for e in out.events] == ["MOBILIZE"], _events(out)
    out = analyse("The European Union sent firefighting planes from Croatia and Italy.", published="2024-03-08")
    ev = _one(out, "AID", "sent planes")
    assert ev.target is None, ev
    out = analyse("The EU sent two water-bombing planes to Greece on Monday.", published="2024-03-08")
    assert not [e for e in out.events if e.type == "ASSAULT"], _events(out)


def test_events_the_sender_helps_not_the_machine_sent(analyse):
    ev = _one(analyse("Turkey dispatched two aircraft to help.", published="2024-03-08"), "AID", "help")
    assert ev.source is not None and ev.source.name == "Turkey" and ev.target is None, ev


def test_events_bringing_people_to_safety_is_a_rescue(analyse):
    out = analyse("Navy ships ferried 300 tourists from the beaches to safety overnight.", published="2024-03-08")
    assert [e.type for e in out.events if e.trigger == "ferried"] == ["AID"], _events(out)
    out = analyse("The ferry carried 300 tourists to the island overnight.", published="2024-03-08")
    assert not out.events, _events(out)


def test_events_they_in_a_contact_clause_is_the_host_subject(analyse):
    # "two men they accused of ...": "they" are the sanctioning states, not a country named in between
    text = ("The United States and Britain on Monday imposed sanctions on a Chinese company and two men they "
            "accused of carrying out a hacking campaign.")
    ev = _one(analyse(text, published="2024-03-26"), "ACCUSE", "accused")
    assert ev.source is not None and ev.source.name == "United States", ev


def test_events_breaching_computer_systems_defies_no_rule(analyse):
    text = "British officials said hackers had breached the electoral commission's systems in 2021."
    out = analyse(text, published="2024-03-26")
    assert not [e for e in out.events if e.type == "REJECT"], _events(out)
    out = analyse("Officials said the rebels had breached the agreement within hours.", published="2024-03-26")
    assert [e.type for e in out.events if e.trigger.startswith("breached")] == ["REJECT"], _events(out)


def test_events_a_states_weapons_act_for_its_forces(analyse):
    # "Russian missiles struck ...": the weapon's adjective names whose forces fired it
    out = analyse("Russian missiles struck the port of Odesa overnight.", published="2024-03-26")
    ev = next(e for e in out.events if e.type == "ASSAULT")
    assert ev.source is not None and ev.source.code == "RUS MIL", ev
    out = analyse("Two bombs exploded in a crowded market on Friday.", published="2024-03-26")
    assert all(e.source is None for e in out.events), _events(out)


def test_events_the_strike_after_a_walkout_is_the_walkout(analyse):
    text = ("Trainee doctors stayed off work for a third week in a walkout over pay. Police raided the offices "
            "of the doctors' association as part of an inquiry into whether its leaders encouraged the strike.")
    out = analyse(text, published="2024-03-11")
    assert not [e for e in out.events if e.type == "ASSAULT"], _events(out)


def test_events_sending_notices_is_no_aid(analyse):
    out = analyse("The health ministry sent notices to about 5,000 doctors on Monday.", published="2024-03-11")
    assert not [e for e in out.events if e.type == "AID"], _events(out)


def test_events_vowing_not_to_back_down_is_a_refusal(analyse):
    out = analyse("President Anna Berg has vowed not to back down, calling the reform essential.",
                  published="2024-03-11")
    assert [e.type for e in out.events if e.trigger == "vowed"] == ["REJECT"], _events(out)
    out = analyse("The government backed down on Friday.", published="2024-03-11")
    assert [e.type for e in out.events] == ["RETREAT"], _events(out)


def test_events_the_association_is_the_one_named_keeping_its_country(analyse):
    text = ("Police in South Korea raided the offices of the Korea Medical Association last week. The "
            "association rejected the government's offer of talks.")
    ev = _one(analyse(text, published="2024-03-11"), "REJECT", "rejected")
    assert ev.source is not None and ev.source.name == "Korea Medical Association", ev


def test_events_a_pact_does_not_act_for_the_last_speaker(analyse):
    # "the deal ... freed prisoners": its parties free them, not the officials quoted before
    text = ("Venezuela released 10 Americans on Wednesday, officials in Qatar said. The deal, brokered by "
            "Qatar, also freed more than 20 Venezuelan political prisoners.")
    ev = next(e for e in analyse(text, published="2023-12-20").events if e.trigger == "freed")
    assert ev.source is None or ev.source.name != "officials", ev


def test_events_what_an_act_would_encourage_others_to_do_is_not_done(analyse):
    text = ("Republican lawmakers criticized the exchange on Wednesday, saying it would encourage other "
            "governments to take Americans hostage.")
    out = analyse(text, published="2023-12-20")
    ev = next(e for e in out.events if e.trigger == "take")
    assert ev.mode == "hypothetical" and not ev.main, ev
