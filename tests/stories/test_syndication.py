from __future__ import annotations

import dataclasses

import pytest

from newsgraph.stories import build_stories
from newsgraph.stories.credits import Credit
from newsgraph.stories.field_credits import byline_credit, title_credit
from newsgraph.stories.syndication import SyndicationIndex, agency_name, credited_agency, resolve, synd_key
from newsgraph.stories.wire_urls import url_credit
from stories_helpers import article

WIRE = ("MINA, Saudi Arabia (Reuters) - At least 717 pilgrims were killed and 863 injured in a crush at Mina "
        "outside Mecca on Thursday, Saudi authorities said, the worst disaster to strike the annual haj in 25 "
        "years. The stampede happened as two large groups of pilgrims converged on a narrow street on their way "
        "to the stoning ritual, the civil defence directorate said.")


_LONG = ("The ferry capsized on the lake on Sunday after a sudden storm, police said. Twelve passengers were "
         "rescued by fishermen.\n\nThe governor ordered an inquiry into the ferry's licence and said the operator "
         "had ignored two weather warnings before it left the northern pier.")


@pytest.mark.parametrize("text,expected", [
    ("WASHINGTON, Sept 17 (Reuters) - Russia has proposed talks", "Reuters"),
    ("NEW DELHI, Oct 4 (IANS/EFE) The toll rose to 22", "IANS/EFE"),
    ("SANTIAGO, Chile (AP) - A magnitude-8.3 earthquake", "AP"),
    ("Obama was quoted by IANS as saying in a statement", "IANS"),
    # citing an agency is not carrying its text
    ("Pilgrims told Reuters that police closed several exits", None),
    ("The Associated Press reported that the ship sank", None),
    ("The ship sank near the Bahamas.\n\n- AFP", "AFP"),
    ("The ship sank near the Bahamas.\n\nSource – Reuters", "Reuters"),
    ("The ship sank near the Bahamas.\n\nSource: QNA", "QNA"),
    ("The ship sank near the Bahamas.\n\nCredit : Voice of America (VOA)", "VOA"),
    ("The ship sank near the Bahamas.\n\nPublished By: VOA Africa - Today", "VOA"),
    ("The ship sank.\n\nfrom Voice of America http://example.org/x1\nvia IFTTT", "VOA"),
    ("The Associated Press\n\nLIMA — The ship sank near the coast.", "AP"),
    ("Rescuers searched the coast on Monday. The ship sank overnight. AFP", "AFP"),
    ("Storm hits coast.\n\nLIMA, Peru (AP) -- The ship sank near the coast.", "AP"),
    ("LIMA (Bloomberg) — Copper rose for a third day.", "Bloomberg"),
    ("LIMA (UPI) -- The ship sank.", "UPI"),
    ("LIMA, (APP/AFP) – The ship sank.", "APP/AFP"),
    ("OSAKA (AFP-Jiji) — The ship sank.", "Jiji/AFP"),  # joined by a hyphen, as Japanese papers credit
    # press-release wires, in their own dateline shapes; a release cited in running text is no copy
    ("LIMA--(BUSINESS WIRE)--Acme Corp today announced its results.", "Business Wire"),
    ("LIMA, March 3, 2025 /PRNewswire/ -- Acme Corp today announced its results.", "PR Newswire"),
    ("LIMA, June 2, 2024 (GLOBE NEWSWIRE) -- Acme Corp today announced its results.", "GlobeNewswire"),
    ("Acme said in a release distributed by Business Wire that sales rose.", None),
    ("The ship sank near the coast, officials said. (TNS)", "TNS"),
    ("The ship sank near the coast.\n\n(Via CNN & Reuters)", None),
    ("The ship sank near the coast.\n\nAP and Reuters contributed to this report by phone from Lima", None),
    ("A photo (AP Photo/Jane Doe) shows the ship", None),
    ("Apple said its APAC sales rose", None),
    ("Kerry said the talks were important.", None),
    # bylines, copyright lines and provenance notes; outlets that sell their text count only there
    ("By Jane Roe, Associated Press\n\nThe ship sank near the coast.", "AP"),
    ("Jane Roe and John Doe / USA Today\n\nThe ship sank near the coast.", "USA Today"),
    ("The ship sank near the coast.\n\nJane Roe, The Washington Post", "Washington Post"),
    ("The ship sank near the coast.\n\n© 2016 AFP", "AFP"),
    ("The ship sank.\n\nCopyright 2017 The Associated Press. All rights reserved. This material may not be "
     "published, broadcast, rewritten or redistributed.", "AP"),
    ("The ship sank.\n\nThis story was provided by Reuters.", "Reuters"),
    ("The ship sank.\n\nThis article is republished from The Conversation under a Creative Commons license.",
     "The Conversation"),
    ("Source: BBC News\n\nThe ship sank near the coast.", "BBC News"),
    ("LIMA (CNN) — The ship sank near the coast.", "CNN"),
    ("The ship sank near the coast, CNN reported.", None),
    ("The ship sank near the coast.\n\nBBC", None),
    ("The ship sank near the coast.\n\nPhoto: Jane Roe, AP", None),
    ("By Jane Roe\n\nThe ship sank near the coast.", None),
    # an agency line set in capitals, a byline without a separator, a bracketed short form
    ("ASSOCIATED PRESS\n\nThe ferry capsized on the lake on Sunday, police said.", "AP"),
    ("The ferry capsized on the lake on Sunday.\n\nAGENCE FRANCE-PRESSE", "AFP"),
    ("The ferry capsized on the lake on Sunday.\n\nREAD MORE", None),
    ("By Jane Roe Associated Press\n\nThe ferry capsized on the lake.", "AP"),
    ("BY JANE ROE AND JOHN DOE THE ASSOCIATED PRESS\n\nThe ferry capsized on the lake.", "AP"),
    ("By Monday the Associated Press had counted nine dead\n\nThe ferry capsized.", None),
    ("(AA) The ferry capsized on the lake on Sunday, police said.", "Anadolu"),
    ("The ferry capsized on the lake on Sunday, police said. (AA)", "Anadolu"),
    ("ANKARA (AA) - The ferry capsized on the lake on Sunday.", "Anadolu"),
    ("The shop sold out of the (AA) size batteries on Sunday.", None),
    # issue 12: agencies' names set in capitals in their datelines; the Canadian Press footer dating its
    # text (an outlet's "With files from" names material it used)
    ("JAKARTA (ANTARA) - The ferry capsized on the lake on Sunday.", "Antara"),
    ("OTTAWA (THE CANADIAN PRESS) - The ferry capsized on the lake on Sunday.", "CP"),
    ("TOKYO (AFP-JIJI) - The ferry capsized on the lake on Sunday.", "Jiji/AFP"),
    ("The ferry capsized on the lake on Sunday.\n\nThis report by The Canadian Press was first published "
     "June 2, 2024.", "CP"),
    ("The ferry capsized on the lake on Sunday.\n\nWith files from The Canadian Press", None),
    ("The ferry capsized on the lake on Sunday. AA", None),
    # the wire's footer naming its writers; an outlet's own story using wire material is no copy
    ("The ferry capsized.\n\nAssociated Press writer Jane Roe in Lima contributed to this report.", "AP"),
    ("The ferry capsized.\n\n___\n\nReuters reporters Jane Roe and John Doe contributed reporting.", "Reuters"),
    ("The ferry capsized.\n\nThe Associated Press contributed to this report.", None),
    ("The ferry capsized.\n\nAssociated Press writer Jane Roe said the ferry contributed nothing.", None),
    # issue 12: an agency in square brackets opening or closing the text
    ("[AFP] The ferry capsized on the lake on Sunday, police said.", "AFP"),
    ("The ferry capsized on the lake on Sunday, police said.\n\n[Reuters]", "Reuters"),
    ("The ferry capsized on the lake on Sunday, police said. [AFP]", "AFP"),
    ("Police said the ferry [Reuters] capsized on the lake on Sunday after a storm hit the north shore.", None),
    # issue 12: "with" one agency, on a line of its own or in the brackets that close the text
    ("The ferry capsized on the lake on Sunday.\n\n(With inputs from PTI)", "PTI"),
    ("The ferry capsized on the lake on Sunday. (With inputs from Reuters)", "Reuters"),
    ("The ferry capsized on the lake on Sunday.\n\n— With AFP", "AFP"),
    ("The ferry capsized on the lake on Sunday.\n\n(LAKE RADIO 5 with AFP)", "AFP"),
    ("The ferry capsized on the lake on Sunday.\n\n(With inputs from agencies)", None),
    ("The ferry capsized on the lake on Sunday.\n\n(With inputs from PTI and Reuters)", None),
    ("The ferry capsized on the lake on Sunday.\n\nWith AFP and Reuters", None),
    ("The ferry capsized on the lake on Sunday. (The mayor later spoke with Reuters)", None),
    ("The ferry capsized on the lake on Sunday.\n\nA fisherman shared his video with Reuters.", None),
    # issue 12: an outlet's name alone closing an article is its credit line; opening it, a masthead
    (_LONG + "\n\nBBC", "BBC News"),
    (_LONG + "\n\n— The Washington Post", "Washington Post"),
    (_LONG + "\n\nBBC Sport", None),
    ("BBC\n\n" + _LONG, None),
    # a photo's credit is not the text's; a date stamp after a bar does not hide a credit line
    (_LONG + "\n\nImage copyright Reuters", None),
    ("Associated Press | June 24, 2016\n\n" + _LONG, "AP"),
    ("Xinhua | Updated: 2017-03-10 09:12\n\n" + _LONG, "Xinhua"),
    ("Associated Press / June 24, 2016\n\n" + _LONG, "AP"),
    ("Jane Roe / June 24, 2016\n\n" + _LONG, None),
    # a wire agency and a dash opening the text: a dateline without a place
    ("Reuters - The ferry capsized on the lake on Sunday, police said.", "Reuters"),
    ("Reuters reported that the ferry capsized on the lake on Sunday.", None),
    # a bracketed list of agencies closing the text: compiled from several; a slash names a relay
    (_LONG + " (Reuters, AFP, dpa)", None),
    (_LONG + "\n\n(AFP & Reuters)", None),
    ("LIMA, (APP/AFP) – " + _LONG, "APP/AFP"),
    # issue 12: more cue words, a cue line set in capitals; a cue naming several sources credits no one
    (_LONG + "\n\nOriginally published by Reuters", "Reuters"),
    (_LONG + "\n\nStory by AFP", "AFP"),
    (_LONG + "\n\nContent from Reuters", "Reuters"),
    (_LONG + "\n\nSOURCE: REUTERS", "Reuters"),
    (_LONG + "\n\nStory by Jane Roe", None),
    (_LONG + "\n\nReport by the ministry of transport", None),
    (_LONG + "\n\nSources: AFP, Reuters", None),
    (_LONG + "\n\nSource: Reuters, with reporting by Jane Roe in Lima", "Reuters"),
    # Reuters' staff trailer names no agency but is its house signature; a lone reporter's credit is none
    (_LONG + " (Reporting by Jane Roe in Lima; Editing by John Doe)", "Reuters"),
    (_LONG + "\n\n(Reporting by Jane Roe; Additional reporting by Ana Ruiz; Editing by John Doe.)", "Reuters"),
    (_LONG + "\n\n(Writing by Jane Roe; Editing by John Doe and Ana Ruiz)", "Reuters"),
    (_LONG + "\n\n(Reporting by Jane Roe)", None),
    ("LIMA, June 1. /TASS/. " + _LONG, "TASS"),
    (_LONG + " See https://example.org/TASS/archive for more.", None),
    # reuters.com sets the trailer on a line of its own without brackets, and sites copying the page keep it
    (_LONG + "\n\nReporting by Jane Roe; editing by John Doe", "Reuters"),
    ("(Reporting by Jane Roe; Editing by John Doe) " + _LONG, None),
    # more of the world's wire services; an abbreviation common in other senses counts only in brackets
    ("JERUSALEM (JTA) — " + _LONG, "JTA"),
    ("HANOI (VNA) - " + _LONG, "VNA"),
    (_LONG + "\n\nSource: Vietnam News Agency", "VNA"),
    ("TT reported that " + _LONG, None),
    (_LONG + "\n\n(ITAR-TASS)", "TASS"),
    # an agency between dashes after the dateline's place; an agency whose name is written in lower case
    # closing the text
    ("LIMA — AFP — " + _LONG, "AFP"),
    ("LIMA, Peru - Reuters - " + _LONG, "Reuters"),
    ("LIMA — Reuters reported on Monday that " + _LONG, None),
    (_LONG + " dpa", "dpa"),
    (_LONG + " — dpa", "dpa"),
    (_LONG + " data", None),
    # issue 12: a credit line naming the original by its site's address; a feed or shortener link names no one
    (_LONG + "\n\nSource: https://www.reuters.com/world/ferry-capsizes-idUSKBN1", "Reuters"),
    (_LONG + "\n\nvia apnews.com", "AP"),
    (_LONG + "\n\nSource: https://example.org/feed/12", None),
    (_LONG + "\n\nRead more: https://www.reuters.com/world/ferry-capsizes-idUSKBN1", None),
    # a feed footer naming the site that published the text first; a reprint note; Reuters' page footer
    (_LONG + "\n\nThe post Ferry capsizes on the lake appeared first on Al Jazeera.", "Al Jazeera"),
    (_LONG + "\n\nThe post Ferry capsizes on the lake appeared first on Lake Daily.", None),
    (_LONG + "\n\nReprinted with permission from ProPublica", "ProPublica"),
    (_LONG + "\n\nRepublished from NPR", "NPR"),
    (_LONG + "\n\nReprinted from the newsletter of the lake club", None),
    (_LONG + "\n\nOur Standards: The Thomson Reuters Trust Principles.", "Reuters"),
    ("Dow Jones industrial average fell 2% as the ferry operator's shares dropped.", None),
    ("LIMA (Dow Jones Newswires) -- " + _LONG, "Dow Jones"),
    # agencies' own sign-offs: Kyodo's closing line, desk initials after the agency, AFP's desk tags,
    # Bloomberg's contact footer; initials or slashes in running text are none
    (_LONG + "\n\n==Kyodo", "Kyodo"),
    (_LONG + "\n\nPTI ABC XYZ", "PTI"),
    (_LONG + "\n\nAP FILE", None),
    (_LONG + "\n\nThe ministry said the SOS line and the NGO hotline stayed open", None),
    (_LONG + " bur-jm/dl", "AFP"),
    (_LONG + " It was 40 km/h", None),
    (_LONG + "\n\nTo contact the reporter on this story: Jane Roe in Lima at jroe@example.net", "Bloomberg"),
    (_LONG + "\n\nTo contact us about this story, write to the editor.", None),
    # issue 12: a page's field label naming the agency (with its colon: a sentence opening with the word
    # only cites it), a credit line or byline closed by a date after a comma or a bar, "with X inputs",
    # "this article appeared in"
    ("Author: Reuters\n\n" + _LONG, "Reuters"),
    (_LONG + "\n\nAgency: AFP", "AFP"),
    (_LONG + "\n\nWire service: AP", "AP"),
    (_LONG + "\n\nPosted by AFP", "AFP"),
    ("News agency AFP said the toll rose.\n\n" + _LONG, None),
    ("Author: Jane Roe\n\n" + _LONG, None),
    (_LONG + "\n\nAgence France-Presse, 10 March 2017", "AFP"),
    (_LONG + "\n\nReuters, Sept. 4, 2016", "Reuters"),
    ("By Jane Roe | AFP | March 10, 2017\n\n" + _LONG, "AFP"),
    ("Jane Roe, Associated Press, June 24, 2016\n\n" + _LONG, "AP"),
    ("Jane Roe, March 10, 2017\n\n" + _LONG, None),
    (_LONG + "\n\nAFP, Reuters, 2017", None),
    (_LONG + " (With PTI inputs)", "PTI"),
    (_LONG + "\n\nWith Reuters inputs", "Reuters"),
    (_LONG + "\n\n(With agency inputs)", None),
    (_LONG + "\n\nThis article appeared in The Washington Post.", "Washington Post"),
    (_LONG + " The mayor's report appeared on Reuters on Monday.", None),
])
def test_syndication_credited_agency(text, expected):
    assert credited_agency(text) == expected


@pytest.mark.parametrize("source,expected", [("Reuters", "Reuters"), ("The Associated Press", "AP"),
                                             ("BBC News", "BBC News"), ("Lima Daily", None),
                                             (None, None)])
def test_syndication_agency_name(source, expected):
    assert agency_name(source) == expected


def test_syndication_index_finds_copy_with_extra_paragraph():
    index = SyndicationIndex()
    assert index.add("orig", WIRE) is None
    found = index.add("copy", "Saudi Arabia faces questions over crowd control.\n\n" + WIRE)
    assert found is not None and found[0] == "orig" and found[1] > 0.9
    rewrite = ("More than 700 people died in a crush at the Hajj near Mecca, officials say. The tragedy "
               "unfolded in Mina, a valley of tents where pilgrims throw stones at pillars representing the devil.")
    assert index.add("rewrite", rewrite) is None
    assert [(a, b) for a, b, _ in index.links] == [("orig", "copy")]


def test_syndication_index_forgets_oldest_beyond_max_size():
    index = SyndicationIndex(max_size=1)
    index.add("orig", WIRE)
    index.add("other", "An entirely different text about the rugby world cup and a late try in Brighton.")
    assert len(index) == 1
    assert index.add("copy", WIRE) is None


def _key(published: dict[str, str]) -> dict[str, tuple]:
    return {k: (v, i) for i, (k, v) in enumerate(published.items())}


def test_syndication_resolve_copy_of_copy_points_at_parent():
    links = [("a", "b", 0.98), ("b", "c", 0.9), ("a", "c", 0.6), ("x", "y", 0.8)]
    key = _key({"a": "2015-09-17", "b": "2015-09-17", "c": "2015-09-18", "y": "2015-09-19", "x": "2015-09-20"})
    credit = Credit("Reuters", (0, 7))
    out = resolve(links, key=key, credits={"c": credit}, sources={})
    pairs = {(s.copy, s.original) for s in out}
    # b copies a, c copies b (its closest match); a, the first of the group, carries Reuters' text
    assert pairs == {("b", "a"), ("c", "b"), ("a", "Reuters"), ("x", "y")}
    first = next(s for s in out if s.copy == "a")
    assert first.evidence == ("c", (0, 7)) and first.agency == "Reuters"


def test_syndication_resolve_agency_own_article_is_the_original():
    links = [("a", "b", 0.9)]
    key = _key({"b": "2015-09-17", "a": "2015-09-18"})  # the copy happens to sort first
    out = resolve(links, key=key, credits={"b": Credit("VOA", (0, 3))}, sources={"a": "Voice of America"})
    assert [(s.copy, s.original) for s in out] == [("b", "a")]


def test_syndication_resolve_credit_alone_and_relayed_agency():
    key = _key({"p": "2015-09-17", "q": "2015-09-17"})
    out = resolve([], key=key, credits={"p": Credit("APP/AFP", (5, 12)), "q": None}, sources={})
    assert [(s.copy, s.original, s.agency, s.similarity) for s in out] == [("p", "AFP", "APP/AFP", 1.0)]


def test_syndication_index_reports_shared_passage():
    index = SyndicationIndex()
    index.add("orig", WIRE)
    lead = "Saudi Arabia faces questions over crowd control.\n\n"
    index.add("copy", lead + WIRE)
    start, end = index.passages["copy"]
    assert start >= len(lead) - 2 and (lead + WIRE)[start:end].startswith("MINA")


# two versions of one invented wire story: a different lead, a toll updated, a word or two changed
_EARLY = ("A strong storm flooded the river port of Karsk on Sunday, killing at least 12 people as the water "
          "swept through the old market. Hundreds of families spent the night on rooftops and in schools.\n\n"
          "Rescue boats reached the northern districts before dawn, the regional emergency office said, and "
          "army trucks carried drinking water to the camps set up outside the city.\n\n"
          "The flood is the worst to hit the region since the great storm of 1962, which destroyed most of the "
          "harbour and left thousands homeless.\n\n"
          '"We have lost everything we had," said one shopkeeper standing in the mud outside her store.')
_LATE = ("The death toll from the floods in Karsk rose to 31 on Monday as the water began to recede and "
         "residents returned to count their losses. Power was restored to the southern half of the city by "
         "the evening, and the railway line to the capital reopened after engineers checked two bridges.\n\n"
         "Rescue boats reached the northern districts before dawn on Sunday, the regional emergency office "
         "said, and army trucks carried fresh drinking water to camps set up outside the city.\n\n"
         "The flood is the deadliest to hit the region since the great storm of 1962, which destroyed most "
         "of the harbour and left thousands homeless.")
_OWN = ("Karsk's mayor asked the government for emergency funds on Monday after the floods.\n\n"
        "The city council met in a school gym because its own building was under water, and officials gave "
        "no estimate of the damage.\n\n"
        '"We have lost everything we had," said one shopkeeper standing in the mud outside her store.')


def test_syndication_index_relates_versions_of_one_wire_text_as_siblings():
    index = SyndicationIndex()
    index.add("early", _EARLY)
    assert index.add("late", _LATE) is None  # too different overall for a copy
    index.relate("late", _LATE, ["early"])
    index.add("own", _OWN)
    index.relate("own", _OWN, ["early", "late"])  # shares only a quotation: its own report
    assert [(a, b) for a, b, _ in index.siblings] == [("early", "late")]
    assert index.links == []


def test_syndication_index_relate_finds_short_cut_copy():
    index = SyndicationIndex()
    long_text = _EARLY + "\n\n" + _OWN + "\n\n" + WIRE
    index.add("long", long_text)
    cut = _EARLY.split("\n\n")[0] + "\n\n" + _EARLY.split("\n\n")[1]
    index.add("cut", cut)
    index.relate("cut", cut, ["long"])
    assert [(a, b) for a, b, _ in index.links] == [("long", "cut")]


def test_syndication_resolve_siblings_take_the_agency_credited_among_them():
    key = _key({"a": "2015-09-17", "b": "2015-09-18", "c": "2015-09-18", "x": "2015-09-19", "y": "2015-09-19"})
    credit = Credit("AP", (10, 14))
    out = resolve([], key=key, credits={"a": credit}, sources={},
                  siblings=[("a", "b", 0.2), ("b", "c", 0.3), ("x", "y", 0.4)])
    pairs = {(s.copy, s.original) for s in out}
    # b and c are versions of the AP text that a credits; x and y copy a source the set does not name
    assert pairs == {("a", "AP"), ("b", "AP"), ("c", "AP")}
    c = next(s for s in out if s.copy == "c")
    assert c.evidence == ("a", (10, 14)) and c.earliest == "a"


def _run_index(order: tuple[str, ...], texts: dict[str, str]) -> SyndicationIndex:
    """Index ``texts`` in ``order``, each compared with all before it (as its story's reports)."""
    index = SyndicationIndex()
    for i, aid in enumerate(order):
        index.add(aid, texts[aid])
        index.relate(aid, texts[aid], list(order[:i]))
    return index


def _pairs(index: SyndicationIndex, key: dict[str, tuple]) -> list[tuple[str, str]]:
    out = resolve(index.links, key=key, credits={}, jaccards=index.jaccards, covers=index.covers)
    return [(s.copy, s.original) for s in out]


_FULL = _EARLY + "\n\n" + _OWN + "\n\n" + WIRE
_CUT = "\n\n".join(_EARLY.split("\n\n")[:3])


@pytest.mark.parametrize("order", [("cut", "full"), ("full", "cut")])
def test_syndication_resolve_cut_copy_points_at_fuller_text_whatever_arrived_first(order):
    index = _run_index(order, {"cut": _CUT, "full": _FULL})
    key = {aid: ("2015-09-17", i) for i, aid in enumerate(order)}
    assert _pairs(index, key) == [("cut", "full")]
    key = {aid: ("~", i) for i, aid in enumerate(order)}  # both undated: the same rule
    assert _pairs(index, key) == [("cut", "full")]


def test_syndication_resolve_fuller_copy_points_past_an_earlier_cut_to_the_text_it_holds():
    # issue 12: a later outlet carries three paragraphs of the wire text under a lead of its own; an earlier
    # outlet cut the text to two. The cut lies wholly inside the later copy, but only the wire text holds
    # the third paragraph, so the later copy was made from it, not from the cut
    pars = _EARLY.split("\n\n")
    texts = {"wire": _EARLY, "cut": "\n\n".join(pars[:2]),
             "later": "Relief agencies appealed for boats and blankets on Monday.\n\n" + "\n\n".join(pars[:3])}
    index = _run_index(("wire", "cut", "later"), texts)
    key = {"wire": synd_key("2015-09-17", published="2015-09-17T08:00:00+00:00", article_id="wire"),
           "cut": synd_key("2015-09-17", published="2015-09-17T11:00:00+00:00", article_id="cut"),
           "later": synd_key("2015-09-18", published="2015-09-18", article_id="later")}
    assert sorted(_pairs(index, key)) == [("cut", "wire"), ("later", "wire")]


def test_syndication_resolve_earlier_day_wins_over_cut():
    index = _run_index(("full", "cut"), {"cut": _CUT, "full": _FULL})
    key = {"cut": synd_key("2015-09-16", published="2015-09-16", article_id="cut"),
           "full": synd_key("2015-09-17", published="2015-09-17", article_id="full")}
    assert _pairs(index, key) == [("full", "cut")]


@pytest.mark.parametrize("inferred,expected", [
    ("2015-09-17", [("cut", "full")]),  # a day after the cut's known date: may be its day, the cut decides
    ("2015-09-18", [("full", "cut")]),  # two days after: the dated cut came first
])
def test_syndication_resolve_cut_of_undated_text_a_day_apart_points_at_fuller_text(inferred, expected):
    # issue 12: the fuller text's day is only inferred from its story ("said Wednesday", read on Wednesday or
    # Thursday), so one day's difference from the cut's known date does not outweigh the cut
    index = _run_index(("cut", "full"), {"cut": _CUT, "full": _FULL})
    key = {"cut": synd_key("2015-09-16", published="2015-09-16", article_id="cut"),
           "full": synd_key(inferred, article_id="full")}
    assert _pairs(index, key) == expected


@pytest.mark.parametrize("cut_day,full_day", [("2015-09-16", "2015-09-17"), ("2015-09-17", "2015-09-16")])
def test_syndication_resolve_cut_of_two_undated_texts_a_day_apart_points_at_fuller_text(cut_day, full_day):
    # issue 12: neither page is dated; a cut keeping fewer of the text's day words may be put a day apart from
    # the fuller text, and that estimate does not outweigh the cut
    index = _run_index(("cut", "full"), {"cut": _CUT, "full": _FULL})
    key = {"cut": synd_key(cut_day, article_id="cut"), "full": synd_key(full_day, article_id="full")}
    assert _pairs(index, key) == [("cut", "full")]


def test_syndication_resolve_texts_extending_each_other_keep_arrival_order():
    paras = _EARLY.split("\n\n") + _OWN.split("\n\n")[:2]
    texts = {"a": "\n\n".join(paras[:4]), "b": "\n\n".join(paras[1:])}  # each has a paragraph of its own
    for order in (("a", "b"), ("b", "a")):
        index = _run_index(order, texts)
        assert index.links, "the two versions share most of their text"
        key = {aid: ("2015-09-17", i) for i, aid in enumerate(order)}
        assert _pairs(index, key) == [(order[1], order[0])]


@pytest.mark.parametrize("first,second", [
    # (day, own publication date or time, id): the earlier day first, whatever the rest
    (("2016-05-01", None, "z"), ("2016-05-02", "2016-05-02", "a")),
    # of one day, a known date before an inferred one (an inferred day is the earliest the text allows)
    (("2016-05-02", "2016-05-02", "z"), ("2016-05-02", None, "a")),
    # of one day, the earlier time, across UTC offsets
    (("2016-05-02", "2016-05-02T09:00:00Z", "z"), ("2016-05-02", "2016-05-02T14:00:00Z", "a")),
    (("2016-05-02", "2016-05-02T13:00:00+05:30", "z"), ("2016-05-02", "2016-05-02T09:00:00Z", "a")),
    # nothing else to tell them apart: the id, never the arrival order
    (("2016-05-02", None, "a"), ("2016-05-02", None, "b")),
    (("2016-05-02", "2016-05-02", "a"), ("2016-05-02", "2016-05-02", "b")),
    # a day of any kind before no day at all
    (("2016-05-02", None, "z"), (None, None, "a")),
    ((None, None, "a"), (None, None, "b")),
])
def test_syndication_synd_key_orders_copies(first, second):
    def key(day, published, aid):
        return synd_key(day, published=published, article_id=aid)
    assert key(*first) < key(*second)


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_syndication_stories_same_links_whatever_the_input_order(order):
    """Issue 12: two undated versions of one text, each with a paragraph of its own, get the same
    original whichever is read first."""
    paras = _EARLY.split("\n\n") + _OWN.split("\n\n")[:2]
    texts = {"a": "\n\n".join(paras[:4]), "b": "\n\n".join(paras[1:])}
    result = build_stories([article(aid, texts[aid], published=None) for aid in order])
    assert [(s.copy, s.original) for s in result.syndication] == [("b", "a")]


@pytest.mark.parametrize("title,expected", [
    ("Ferry capsizes on the lake - Reuters", "Reuters"),
    ("Ferry capsizes on the lake | AFP", "AFP"),
    ("Ferry capsizes on the lake (AP)", "AP"),
    # an outlet closing a title is the publishing site; an agency inside a title is its subject
    ("Ferry capsizes on the lake — BBC News", None),
    ("Reuters photographer hurt as ferry capsizes", None),
    ("Ferry capsizes on the lake, AFP says", None),
    ("Ferry - AFP", None),
    (None, None),
])
def test_syndication_title_credit(title, expected):
    credit = title_credit(title)
    assert (credit.agency if credit else None) == expected
    if credit:
        assert credit.field == "title" and title[slice(*credit.span)] == expected


def test_syndication_stories_title_credit_makes_a_copy_without_evidence():
    """Issue 12: a credit closing the title counts like a byline's: no span of the text shows it."""
    result = build_stories([article("t", WIRE.replace("(Reuters) ", ""), title="Hundreds die in crush at Mina - AFP")])
    assert [(s.copy, s.original, s.evidence) for s in result.syndication] == [("t", "AFP", None)]


def test_syndication_resolve_breaks_a_loop_of_parents():
    # c holds nearly all of a (a is a cut of c); b and c, and a and b, are copies of one size
    links = [("a", "c", 0.95), ("b", "c", 0.8), ("a", "b", 0.6)]
    covers = {("a", "c"): (0.95, 0.5), ("b", "c"): (0.8, 0.8), ("a", "b"): (0.6, 0.6)}
    key = {"a": ("2015-09-17", 0), "b": ("2015-09-17", 1), "c": ("2015-09-17", 2)}
    out = resolve(links, key=key, credits={"b": Credit("AP", (0, 2))}, covers=covers)
    parent = {s.copy: s.original for s in out}
    for start in parent:  # every chain of parents ends (at an agency or an article that copies nothing)
        seen, node = set(), start
        while node in parent:
            assert node not in seen
            seen.add(node)
            node = parent[node]
    assert len(parent) == 3 and "AP" in parent.values()


@pytest.mark.parametrize("author,expected", [
    ("Ed Roe – UPI", "UPI"),
    ("By Jane Roe, Associated Press", "AP"),
    ("Agence France-Presse", "AFP"),
    ("Jane Roe and John Doe, USA Today", "USA Today"),
    ("Jane Roe (AP)", "AP"),
    ("Jane Roe; Reuters Staff", "Reuters"),
    ("Jane Roe", None),
    ("Jane Roe; John Doe", None),
    ("", None),
    (None, None),
])
def test_syndication_byline_credit(author, expected):
    credit = byline_credit(author)
    assert (credit.agency if credit else None) == expected
    if credit:
        assert credit.field == "author" and author[credit.span[0]:credit.span[1]]


@pytest.mark.parametrize("order", [("cut", "full"), ("full", "cut")])
def test_syndication_resolve_cut_copy_evidence_is_a_passage_of_its_own_text(order):
    # the fuller text arriving second turns the pair around: the cut's evidence must still be a span
    # of the cut's own text that the fuller text holds word for word
    texts = {"cut": _CUT, "full": _FULL}
    index = _run_index(order, texts)
    key = {aid: ("2015-09-17", i) for i, aid in enumerate(order)}
    out = resolve(index.links, key=key, credits={}, jaccards=index.jaccards, covers=index.covers,
                  passages=index.passages, pair_passages=index.pair_passages)
    assert [(s.copy, s.original) for s in out] == [("cut", "full")]
    (record,) = out
    assert record.evidence is not None and record.evidence[0] == "cut"
    start, end = record.evidence[1]
    passage = _CUT[start:end]
    assert 0 <= start < end <= len(_CUT) and len(passage.split()) >= 8
    assert passage in _FULL
    assert record.similarity == max(c for _, _, c in index.links)


def test_build_stories_cut_arriving_first_has_evidence_in_its_own_text():
    items = [article("cut", _CUT, title="Karsk floods", published="2015-09-17"),
             article("full", _FULL, title="Karsk floods", published="2015-09-17")]
    records = {s.copy: s for s in build_stories(items).syndication}
    assert records["cut"].original == "full"
    assert records["cut"].evidence is not None and records["cut"].evidence[0] == "cut"
    start, end = records["cut"].evidence[1]
    assert 0 <= start < end <= len(_CUT) and _CUT[start:end] in _FULL and len(_CUT[start:end].split()) >= 8


# issue 12: a close paraphrase of a wire text, a few words changed in every sentence, is a copy of it
_MINE = ("Engineers began draining the flooded copper mine at Velka on Tuesday, two days after a tunnel collapse "
         "trapped nine workers about 300 metres below the surface, the mining company said.\n\n"
         "Rescue teams drilled a narrow shaft through the night and lowered a camera that showed at least four "
         "of the men sheltering in a dry chamber near the old ventilation shaft.\n\n"
         "The company said pumps brought in from two neighbouring mines were removing more than a million "
         "litres of water every hour from the lower galleries.\n\n"
         "Relatives of the trapped miners gathered outside the main gate, where volunteers handed out blankets "
         "and hot tea as the temperature fell below freezing.")
_MINE_PARAPHRASE = (
    "Engineers started draining the flooded copper mine at Velka on Tuesday, two days after a tunnel collapse "
    "trapped nine miners some 300 metres below ground, the mining firm said.\n\n"
    "Rescue crews drilled a narrow shaft overnight and lowered a camera which showed at least four of the men "
    "sheltering inside a dry chamber near the old air shaft.\n\n"
    "The firm said pumps brought from two nearby mines were removing over a million litres of water each hour "
    "from the lower galleries.\n\n"
    "Families of the trapped miners gathered outside the main gate, where volunteers gave out blankets and hot "
    "tea as temperatures fell below freezing.")
_MINE_OWN = (
    "Nine miners remain trapped at Velka after Sunday's tunnel collapse, and their families are losing "
    "patience with the mining company.\n\n"
    '"They told us on Sunday it would take hours, and now it is Tuesday," said the sister of one of the men, '
    "who asked not to be named.\n\n"
    "The company, which has had two fatal accidents at the site since 2009, said pumps were removing water "
    "from the lower galleries and a camera had found at least four of the men alive.\n\n"
    "The regional governor promised an inquiry once the rescue is over.")


def test_syndication_index_links_close_paraphrase_not_own_report():
    from newsgraph.stories.fingerprint import containment, shingles
    from newsgraph.stories.syndication import COPY_CONTAINMENT

    # too many words changed for the shingles: only the sentences show the copy
    assert containment(shingles(_MINE_PARAPHRASE), shingles(_MINE)) < COPY_CONTAINMENT
    index = _run_index(("wire", "para", "own"), {"wire": _MINE, "para": _MINE_PARAPHRASE, "own": _MINE_OWN})
    assert [(a, b) for a, b, _ in index.links] == [("wire", "para")]
    key = _key({"wire": "2017-02-07", "para": "2017-02-07", "own": "2017-02-07"})
    assert _pairs(index, key) == [("para", "wire")]


def test_syndication_index_links_cut_paraphrase_to_fuller_text():
    cut = "\n\n".join(_MINE_PARAPHRASE.split("\n\n")[:3])
    index = _run_index(("wire", "cut"), {"wire": _MINE, "cut": cut})
    assert [(a, b) for a, b, _ in index.links] == [("wire", "cut")]


def test_syndication_index_two_shared_sentences_are_no_paraphrase():
    # an outlet's own report that takes two sentences of the wire text word for word is not a copy of it
    own = _MINE_OWN + "\n\n" + "\n\n".join(_MINE.split("\n\n")[1:3])
    index = _run_index(("wire", "own"), {"wire": _MINE, "own": own})
    assert index.links == []


def test_syndication_resolve_later_fuller_text_with_a_time_is_the_copy():
    index = _run_index(("cut", "full"), {"cut": _CUT, "full": _FULL})
    timed = {"cut": synd_key("2015-09-17", published="2015-09-17T09:00:00Z", article_id="cut"),
             "full": synd_key("2015-09-17", published="2015-09-17T15:00:00Z", article_id="full")}
    assert _pairs(index, timed) == [("full", "cut")]  # the outlet extended the text it carried that morning
    dated = {aid: synd_key("2015-09-17", published="2015-09-17", article_id=aid) for aid in ("cut", "full")}
    assert _pairs(index, dated) == [("cut", "full")]  # no time: the fuller text is the original


@pytest.mark.parametrize("text,dateline", [
    ("LIMA, Peru (AP) — " + _LONG, True),
    ("Reuters - " + _LONG, True),
    ("LIMA — AFP — " + _LONG, True),
    (_LONG + " (TNS)", False),  # closing the text: the carrying outlet's note
    (_LONG + "\n\nSource: Reuters", False),
    ("The Associated Press\n\n" + _LONG, False),
])
def test_syndication_credit_marks_the_wire_dateline(text, dateline):
    from newsgraph.stories.credits import find_credit

    assert find_credit(text).dateline is dateline


def test_syndication_resolve_text_keeping_the_wire_dateline_is_the_original():
    # issue 12: an outlet's print edition of a wire story, dated, drops the agency's dateline; the wire text
    # as a small site carried it is undated, its day inferred as the same: the dateline says which came first
    links = [("wire", "print", 0.85)]
    key = {"wire": synd_key("2019-04-02", article_id="wire"),
           "print": synd_key("2019-04-02", published="2019-04-02", article_id="print")}
    dateline = Credit("AP", (6, 10), dateline=True)
    out = resolve(links, key=key, credits={"wire": dateline, "print": None}, sources={})
    assert [(s.copy, s.original) for s in out] == [("print", "wire"), ("wire", "AP")]
    # a credit line the outlet added ("Source: AP") is no such evidence: the known date decides
    line = Credit("AP", (400, 402))
    out = resolve(links, key=key, credits={"wire": line, "print": None}, sources={})
    assert [(s.copy, s.original) for s in out] == [("print", "AP"), ("wire", "print")]
    # a day apart, the days decide
    key["print"] = synd_key("2019-04-01", published="2019-04-01", article_id="print")
    out = resolve(links, key=key, credits={"wire": dateline, "print": None}, sources={})
    assert ("wire", "print") in [(s.copy, s.original) for s in out]


# issue 12: a heavier paraphrase, about one word in three dropped or replaced in every sentence
_MINE_HEAVY = (
    "Crews began pumping the flooded copper pit at Velka on Tuesday, two days since a shaft collapse left nine "
    "workers trapped some 300 metres under the surface, the mine operator said.\n\n"
    "Rescuers bored a small hole through the night and sent down a camera that found at least four of the "
    "men hiding in a dry room close to the old ventilation tunnel.\n\n"
    "The firm said pumps trucked in from two nearby mines were pulling more than a million litres of water "
    "each hour out of the deepest galleries.\n\n"
    "Families of the buried miners waited outside the main gate, where helpers passed out blankets and hot "
    "drinks as the temperature dropped below freezing.")
# an independent report telling the same facts in its own sentences, around the same names and figures
_MINE_REWRITE = (
    "Nine workers have been stuck about 300 metres underground at the Velka copper mine since a tunnel gave "
    "way on Sunday, and draining of the flooded galleries only started on Tuesday.\n\n"
    "A camera lowered overnight down a freshly drilled shaft spotted four of the men alive in a dry chamber, "
    "according to the company.\n\n"
    "Pumps borrowed from two neighbouring mines now remove over a million litres every hour, it said.\n\n"
    "Outside the main gate, volunteers gave blankets and tea to relatives waiting in freezing weather.")


@pytest.mark.parametrize("text,linked", [(_MINE_HEAVY, True), (_MINE_REWRITE, False)])
def test_syndication_index_links_heavy_paraphrase_not_same_facts_rewrite(text, linked):
    index = _run_index(("wire", "other"), {"wire": _MINE, "other": text})
    assert bool(index.links) is linked


_LOCAL = ("Volunteers from our town drove two lorries of blankets, bottled water and tinned food to Karsk on "
          "Monday, the organisers said, and a second convoy is planned for the weekend.\n\n"
          "The town hall has opened an account for donations, and the local football club will give the "
          "takings of Saturday's match to the families who lost their homes.")


@pytest.mark.parametrize("wire,extended", [
    (_EARLY, _LOCAL + "\n\n" + _EARLY),  # a lead of its own on top of the wire text
    (_EARLY + "\n\n— AFP", _EARLY + "\n\n— AFP\n\n" + _LOCAL),  # paragraphs past the credit closing it
    # the wire's trailer closes the text, though its dateline opens it
    ("KARSK (Reuters) - " + _EARLY + " (Reporting by Jane Roe; Editing by John Doe)",
     "KARSK (Reuters) - " + _EARLY + " (Reporting by Jane Roe; Editing by John Doe)\n\n" + _LOCAL),
])
@pytest.mark.parametrize("order", [("wire", "ext"), ("ext", "wire")])
def test_syndication_resolve_extended_text_is_the_copy_not_the_original_of_a_cut(wire, extended, order):
    # issue 12: of one day, a fuller text is the original of a cut of it, unless what it adds stands on top
    # of the other (outlets add leads, wire copy is cut from the bottom) or after the other's closing credit
    index = _run_index(order, {"wire": wire, "ext": extended})
    for day in ("2015-09-17", "~"):
        key = {aid: (day, i) for i, aid in enumerate(reversed(order))}
        assert _pairs(index, key) == [("ext", "wire")]


@pytest.mark.parametrize("order", [("wire", "trimmed"), ("trimmed", "wire")])
def test_syndication_resolve_text_with_its_lead_sentence_trimmed_is_the_copy(order):
    # issue 12: a copy that drops the wire's first sentence starts inside the wire's lead paragraph; an
    # outlet's new lead is a paragraph of its own on top, so the wire is not the trimmed text extended
    trimmed = _EARLY[_EARLY.index("Hundreds of families"):]
    index = _run_index(order, {"wire": _EARLY, "trimmed": trimmed})
    for day in ("2015-09-17", "~"):
        key = {aid: (day, i) for i, aid in enumerate(reversed(order))}
        assert _pairs(index, key) == [("trimmed", "wire")]


@pytest.mark.parametrize("order", [("wire", "ext"), ("ext", "wire")])
def test_syndication_resolve_flat_texts_with_a_new_lead_keep_the_wire_as_original(order):
    # with no paragraph breaks nothing shows where an outlet's lead would stand: a text that holds the
    # wire's whole text after words of its own extended it (it did not have its lead trimmed)
    local = ("Volunteers from our town drove two lorries of blankets and tinned food to Karsk on Monday, the "
             "organisers said, and a second convoy is planned for the weekend.")
    wire = _EARLY.replace("\n\n", " ")
    index = _run_index(order, {"wire": wire, "ext": local + " " + wire})
    for day in ("2015-09-17", "~"):
        key = {aid: (day, i) for i, aid in enumerate(reversed(order))}
        assert _pairs(index, key) == [("ext", "wire")]


def test_syndication_resolve_fuller_text_without_closing_credit_stays_the_original():
    index = _run_index(("full", "cut"), {"cut": _EARLY, "full": _EARLY + "\n\n" + _LOCAL})
    key = {"full": ("~", 1), "cut": ("~", 0)}
    assert _pairs(index, key) == [("cut", "full")]


# issue 12: one statement quoted at length by two outlets, each in its own narration, is no copy
_SAID = ('"We are closing the northern crossings for fourteen days from midnight to protect our citizens and to '
         'give the hospitals time to prepare for what is coming,"')
_SAID_MORE = ('"This is not a decision we take lightly, and I ask traders and families on both sides for patience '
              'while we do what must be done,"')
_STATEMENT = {
    "one": (f"Estmark will shut its northern border for two weeks, Prime Minister Hanna Volk announced on Monday."
            f"\n\n{_SAID} Volk told reporters in the capital.\n\n{_SAID_MORE} she said."),
    "two": (f"The government said on Monday it was closing crossings with its northern neighbour as cases rose."
            f"\n\nSpeaking at a news conference, the prime minister said: {_SAID}\n\n{_SAID_MORE} Volk added, as "
            f"lorries queued at the busiest post."),
    "quotes only": f"{_SAID} Hanna Volk said on Monday.\n\n{_SAID_MORE} she added.",
}


@pytest.mark.parametrize("pair", [("one", "two"), ("one", "quotes only"), ("two", "quotes only")])
def test_syndication_index_same_statement_quoted_is_no_copy(pair):
    index = _run_index(pair, _STATEMENT)
    assert index.links == []


def test_syndication_index_copy_of_a_quoting_text_is_still_a_copy():
    one = _STATEMENT["one"]
    copy = one.replace("announced on Monday", "said on Monday") + "\n\nThe border was last closed two years ago."
    index = _run_index(("one", "copy"), {"one": one, "copy": copy})
    assert [(a, b) for a, b, _ in index.links] == [("one", "copy")]


def test_syndication_index_a_statement_carried_whole_twice_is_a_copy():
    # both texts are all quotation: no narration to compare, so containment alone decides
    whole = f"{_SAID}\n\n{_SAID_MORE}"
    index = _run_index(("first", "second"), {"first": whole, "second": whole})
    assert [(a, b) for a, b, _ in index.links] == [("first", "second")]


@pytest.mark.parametrize("url,expected", [
    ("https://www.example.org/wires/afp/article-1203/Crush-at-the-gates.html", "AFP"),
    ("https://news.example.org/wire/ap/crush-at-the-gates", "AP"),
    ("https://www.example.org/article/pti-stories/crush-at-the-gates-1150924.html", "PTI"),
    ("https://www.example.org/article/news-ians/crush-at-the-gates-1150924.html", "IANS"),
    # an agency's name or abbreviation alone in a path names no feed section
    ("https://www.example.org/news/pa/crush-at-the-gates", None),
    ("https://www.example.org/ap/crush-at-the-gates", None),
    ("https://www.example.org/world/reuters-crush-at-the-gates", None),
    (None, None),
])
def test_syndication_url_credit(url, expected):
    credit = url_credit(url)
    assert (credit.agency if credit else None) == expected
    if credit:
        assert credit.field == "url"


@pytest.mark.parametrize("url", [
    "https://news.example.org/feeds/bbc/crush-at-the-gates",
    "https://news.example.org/agency/cnn/crush-at-the-gates",
    "https://news.example.org/wires/bbc/crush-at-the-gates",
])
def test_syndication_url_credit_feed_section_names_wire_agencies_only(url):
    # a section of wire copy holds an agency's feed; an outlet's name after it is no wire credit
    assert url_credit(url) is None


@pytest.mark.parametrize("url,agency,part", [
    ("https://ex.com/afp-world/wires/afp/x", "AFP", "afp"),
    ("https://ex.com/ap/wire/ap/x", "AP", "ap"),
    ("https://ex.com/pti-stories-hub/article/pti-stories/x", "PTI", "pti-stories"),
])
def test_syndication_url_credit_span_is_the_section_segment(url, agency, part):
    credit = url_credit(url)
    assert credit.agency == agency
    start = url.rindex("/" + part + "/") + 1
    assert credit.span == (start, start + len(part))


def test_syndication_stories_wire_section_of_the_address_makes_a_copy():
    """Issue 12: a page filed under an outlet's section of one wire's feed is that wire's copy, its byline gone."""
    page = article("t", WIRE.replace("(Reuters) ", ""))
    page = dataclasses.replace(page, url="https://www.example.org/wires/afp/article-1203/Crush.html")
    result = build_stories([page])
    assert [(s.copy, s.original, s.evidence) for s in result.syndication] == [("t", "AFP", None)]
