"""Tests for extract/dates.py: the dev set (tests/data/dates_dev.jsonl), the sample report, rules."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import DATA

from newsgraph.extract.date_grammar import find, number_value
from newsgraph.extract.date_resolve import duration_value
from newsgraph.extract.dates import parse_published, published_time, url_day


def _dev_cases():
    rows = []
    for line in (DATA / "dates_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            row = json.loads(line)
            if row.get("split", "dev") == "dev":  # held-out rows are scored by benchmarks/dates.py only
                rows.append(pytest.param(row, id=row["id"]))
    return rows


@pytest.mark.parametrize("case", _dev_cases())
def test_dates_dev_set(analyse, case):
    result = analyse(case["text"], published=case["published"], id=case["id"])
    got = [(d.text, d.value, d.granularity) for d in result.dates]
    want = [(e["text"], e["value"], e["granularity"]) for e in case["expected"]]
    assert got == want
    for e in case["expected"]:
        if "anchor_from" in e:
            match = next(d for d in result.dates if d.text == e["text"])
            assert match.anchor_from == e["anchor_from"]


def test_dates_sample_report(syria):
    by_text = {}
    for d in syria.dates:
        by_text.setdefault(d.text, []).append(d)
    assert [d.value for d in by_text["Wednesday"]] == ["2015-09-16"]
    assert {d.value for d in by_text["Tuesday"]} == {"2015-09-15"}
    assert by_text["March 2011"][0].value == "2011-03"
    assert by_text["March 2011"][0].granularity == "month"
    war = by_text["four-year"][0]
    assert (war.value, war.granularity, war.timex_type, war.timex_value) == (None, "other", "DURATION", "P4Y")
    assert all(d.anchor_from == "published" for d in by_text["Wednesday"] + by_text["Tuesday"])


def test_dates_spans_index_text_and_are_sorted(syria):
    starts = [d.span[0] for d in syria.dates]
    assert starts == sorted(starts)
    for d in syria.dates:
        assert syria.text[d.span[0]:d.span[1]] == d.text


@pytest.mark.parametrize("text, published, expected", [
    ("Markets rallied on Friday.", "2013-03-22", "2013-03-22"),  # a Friday: the same day, not a week back
    ("The talks collapsed on Tuesday night.", "2015-09-17", "2015-09-15TNI"),
    ("The match was postponed until 15:00 GMT Saturday.", "2013-03-22", "2013-03-23T15:00"),
])
def test_dates_timex_values(analyse, text, published, expected):
    d = analyse(text, published=published).dates
    assert len(d) == 1
    assert d[0].timex_value == expected


@pytest.mark.parametrize("text, kind, value", [
    ("for the past two years", "DURATION", "P2Y"),
    ("in recent weeks", "DURATION", "PXW"),
    ("over the next decade", "DURATION", "P10Y"),
    ("a 24-hour curfew", "DURATION", "PT24H"),
    ("right now", "DATE", "PRESENT_REF"),
    ("the festival is held annually", "SET", "P1Y"),
    ("$3 billion a year", "SET", "P1Y"),
    ("in the 20th century", "DATE", "19"),
    ("during his seven and a half years in office", "DURATION", "P7.5Y"),
    ("the meeting lasted half an hour", "DURATION", "PT0.5H"),
])
def test_dates_timex_kinds(analyse, text, kind, value):
    d = analyse(text, published="2015-09-17").dates
    assert [(m.timex_type, m.timex_value) for m in d] == [(kind, value)]


@pytest.mark.parametrize("value, expected", [
    ("2015-09-17", dt.date(2015, 9, 17)),
    ("2015-09-17T08:30:00Z", dt.date(2015, 9, 17)),
    ("Thu, 17 Sep 2015 08:30:00 +0000", dt.date(2015, 9, 17)),
    ("Sept. 17, 2015", dt.date(2015, 9, 17)),
    ("Sept. 17", None),
    ("yesterday-ish", None),
    (None, None),
])
def test_dates_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/news/2031/02/11/flood-closes-bridge/", dt.date(2031, 2, 11)),
    ("https://example.org/world/2031-02-11/flood-closes-bridge", dt.date(2031, 2, 11)),
    ("https://example.org/news/2031/feb/11/flood-closes-bridge", dt.date(2031, 2, 11)),
    ("https://example.org/2031/february/11/flood", dt.date(2031, 2, 11)),
    ("https://example.org/story/bridge-flood-20310211-story.html", dt.date(2031, 2, 11)),
    ("http://example.org/kindle/2031-02/11/content_4417.htm", dt.date(2031, 2, 11)),
    ("https://example.org/2031/02/11", dt.date(2031, 2, 11)),
    ("https://example.org/2031/2/9/1766/flood-closes-bridge", dt.date(2031, 2, 9)),
    ("https://example.org/2031/2/9-dead-in-bridge-flood", None),
    ("https://example.org/2031-2-9-flood", None),
    ("https://example.org/2031/02/3-dead-in-bridge-flood.html", None),  # a year and month, then the headline
    ("https://example.org/2031/02/11-dead-in-bridge-flood.html", None),
    ("https://example.org/2031/02/flood-closes-bridge", None),  # no day
    ("https://example.org/2031/02/30/flood", None),  # no such day
    ("https://example.org/2031/02/11/flood?from=2031/03/01/x", None),  # two different days: none
    ("https://2031-02-11.example.org/flood", None),  # the host is not the path
    ("https://example.org/article/420310211/flood", None),  # a long number is an id
    ("https://example.org/p/20315", None), ("", None), (None, None),
])
def test_dates_url_day(url, expected):
    assert url_day(url) == expected


_UTC = dt.timezone.utc


@pytest.mark.parametrize("value, expected", [
    ("2031-02-11T09:30:00+05:30", dt.datetime(2031, 2, 11, 4, 0, tzinfo=_UTC)),  # an offset: moved to UTC
    ("2031-02-11T23:10Z", dt.datetime(2031, 2, 11, 23, 10, tzinfo=_UTC)),
    ("  2031-02-10T20:00-05:00\n", dt.datetime(2031, 2, 11, 1, 0, tzinfo=_UTC)),  # padding, and the next day in UTC
    ("2031-02-11T09:30", dt.datetime(2031, 2, 11, 9, 30)),  # no offset: its zone is unknown, left naive
    ("2031-02-11", dt.datetime(2031, 2, 11)),
    ("2031-02-11 at dawn", None), ("Tue, 11 Feb 2031 09:30:00 +0000", None), ("", None),
])
def test_dates_published_time(value, expected):
    when = published_time(value)
    assert when == expected
    assert when is None or (when.tzinfo is None) == (expected.tzinfo is None)


@pytest.mark.parametrize("word, expected", [("four", 4.0), ("twenty-five", 25.0), ("1.5", 1.5),
                                            ("several", "X"), ("banana", None)])
def test_dates_number_value(word, expected):
    assert number_value(word) == expected


@pytest.mark.parametrize("num, unit, expected", [(4.0, "year", "P4Y"), (3.0, "days", "P3D"), ("X", "weeks", "PXW"),
                                                 (24.0, "hour", "PT24H"), (1.0, "decade", "P10Y"),
                                                 (2.0, "quarter", "P6M")])
def test_dates_duration_value(num, unit, expected):
    assert duration_value(num, unit) == expected


@pytest.mark.parametrize("text", ["", "No dates here at all.", "Call 202-555-0198 now-ish", "3-1 win"])
def test_dates_grammar_finds_no_calendar_dates(text):
    assert [c for c in find(text) if c.kind in ("iso", "ymd", "numeric", "mdy", "dmy", "my")] == []


def test_dates_undated_article_keeps_relative_days_for_its_story(analyse):
    """Without a publication date, "today" and "Thursday's" are kept (no value) with their tense."""
    text = "The river crested today, two days after Thursday's storm flooded the lower town."
    d = {m.text: m for m in analyse(text, published=None).dates}
    assert set(d) >= {"today", "Thursday's"}
    assert d["today"].value is None and d["today"].tense is not None
    assert d["Thursday's"].timex_value == "XXXX-WXX-4" and d["Thursday's"].tense == "past"


@pytest.mark.parametrize("text, published, mention, value", [
    # 2020-03-14 is a Saturday: the part of the day belongs to the expression, the day is the same
    ("Rescue teams reached the village early on Saturday.", "2020-03-14", "early on Saturday", "2020-03-14"),
    ("The council met late Thursday to approve the budget.", "2020-03-14", "late Thursday", "2020-03-12"),
    ("The vote was held earlier on Tuesday.", "2020-03-17", "earlier on Tuesday", "2020-03-17"),
])
def test_dates_weekday_with_part_of_day(analyse, text, published, mention, value):
    d = analyse(text, published=published).dates
    assert [(m.text, m.value) for m in d] == [(mention, value)]


@pytest.mark.parametrize("text, published, value", [
    # a limit reported from the day of the statement lies ahead (2020-03-16 is a Monday)
    ("The mayor said on Monday that all markets were closed until Thursday.", "2020-03-16", "2020-03-19"),
    ("A curfew is in force until Thursday in the northern districts.", "2020-03-16", "2020-03-19"),
    ("Applications must arrive by Friday, the ministry said.", "2020-03-16", "2020-03-20"),
    ("The mayor said on Monday that the park was closed until late Thursday.", "2020-03-16", "2020-03-19"),
    # told in the past, the limit is past too
    ("The bridge stayed closed until Thursday, when engineers declared it safe.", "2020-03-21", "2020-03-19"),
    ("The mayor said the bridge had been closed until Thursday.", "2020-03-21", "2020-03-19"),
])
def test_dates_until_a_weekday(analyse, text, published, value):
    d = [m for m in analyse(text, published=published).dates if m.text.endswith(("Thursday", "Friday"))]
    assert [m.value for m in d] == [value]


@pytest.mark.parametrize("text, published, day, value", [
    # "hit", "cut", "shut" are spelt alike in present and past; under a past verb, or alone, they are past
    # (2021-06-15 is a Tuesday)
    ("At least 14 traders were killed when shells hit a market in Gedaref on Sunday, witnesses said.",
     "2021-06-15", "Sunday", "2021-06-13"),
    ("Rebels cut the main road on Sunday, residents said.", "2021-06-15", "Sunday", "2021-06-13"),
    # a noun the tagger reads as a verb ("strikes") is no governor: the verb after it is
    ("Air strikes late on Sunday destroyed a grain silo, the governor said.", "2021-06-15", "Sunday",
     "2021-06-13"),
    # a truce or strike "starting" on a weekday: the nearer of the two readings
    ("The parties agreed on Monday to a truce starting at dawn on Wednesday.", "2021-06-15", "Wednesday",
     "2021-06-16"),
    ("Dock workers are on a strike starting on Monday that has closed the port.", "2021-06-15", "Monday",
     "2021-06-14"),
])
def test_dates_weekday_tense_of_ambiguous_verbs(analyse, text, published, day, value):
    assert [m.value for m in analyse(text, published=published).dates if m.text.endswith(day)] == [value]


@pytest.mark.parametrize("text, published, value", [
    # a state compared with a month ("is softer than in April") is no timetable: the nearer April
    ("\"Demand is weaker than we expected in April,\" the chief executive said.", "2021-07-28", "2021-04"),
    ("Exports are higher than in March, the agency said.", "2021-07-28", "2021-03"),
    # a timetable keeps looking ahead
    ("The deadline is in March.", "2021-07-28", "2022-03"),
    # "last/this weekend" (2026-01-06 is a Tuesday)
    ("The strike began last weekend.", "2026-01-06", "2026-W01-WE"),
    ("Protests are planned this weekend.", "2026-01-06", "2026-W02-WE"),
    # a day between the reporting verb and the reported clause is when it was said (2026-06-09: Tuesday)
    ("The brewer said on Monday it would sell its stake in the venture.", "2026-06-09", "2026-06-08"),
    # a state ("is a premium to the price on Friday") is no timetable; "the vote is on Friday" is
    ("The bid is a 30 percent premium to the group's closing price on Friday.", "2026-06-09", "2026-06-05"),
    ("The vote is on Friday.", "2026-06-09", "2026-06-12"),
    # a day inside a noun phrase ("Thursday's referendum") names an event before or after the report:
    # a future verb after it says nothing about the day, so the nearer day is taken (2026-06-12: Friday)
    ("Thursday's referendum could reshape the country's politics.", "2026-06-12", "2026-06-11"),
    ("Sunday's election will decide the next president.", "2026-06-12", "2026-06-14"),
    # "is due" lies ahead, though an adjective follows "is"; "was due" was planned from a past day
    # for a day on either side (2026-06-10 is a Wednesday)
    ("The audit is due on Monday.", "2026-06-10", "2026-06-15"),
    ("The ruling, which was due on June 24, was put off.", "2026-06-10", "2026-06-24"),
])
def test_dates_the_clause_that_decides_the_day(analyse, text, published, value):
    assert [m.value for m in analyse(text, published=published).dates] == [value]


@pytest.mark.parametrize("text,value", [
    # a range's second day after a hyphen is no dateline dash: the first sentence's date keeps its tense
    ("The ministers will meet in Oslo on June 29-30.", "2026-06-29"),
    ("The fair runs from June 29-July 2 in the old harbour.", "2026-06-29"),
])
def test_dates_a_range_in_the_first_line_is_no_dateline(analyse, text, value):
    assert analyse(text, published="2026-06-10").dates[0].value == value


@pytest.mark.parametrize("text,expected", [
    # a frame counts from the last day named before it (2026-06-10 is a Wednesday)
    ("Miners walked out on June 1. Three days later, the mine closed.",
     [("June 1", "2026-06-01"), ("Three days later", "2026-06-04")]),
    ("The dam burst on Sunday. A day earlier, engineers had warned of cracks.",
     [("Sunday", "2026-06-07"), ("A day earlier", "2026-06-06")]),
    ("The envoy landed on Monday and met the rebels the following day.",
     [("Monday", "2026-06-08"), ("the following day", "2026-06-09")]),
    # no day before it, or a count from an event: no frame value
    ("Two days later, the mine closed.", [("Two days", None)]),
    ("The vote was on Monday. Three days after the vote, the results came.",
     [("Monday", "2026-06-08"), ("Three days", None)]),
])
def test_dates_a_frame_counts_from_the_day_before_it(analyse, text, expected):
    got = analyse(text, published="2026-06-10").dates
    assert [(d.text, d.value) for d in got] == expected
    framed = [d for d in got if d.value and d.anchor_from == "frame"]
    assert all(d.anchor == got[0].value for d in framed)


@pytest.mark.parametrize("text, published, expected", [
    # a day of the month without the month's name, after a preposition (2023-05-17 is a Wednesday)
    ("The tanker left port on the 15th and lost power at sea.", "2023-05-17", [("the 15th", "2023-05-15")]),
    ("Funerals for the crew will be held on the 20th.", "2023-05-17", [("the 20th", "2023-05-20")]),
    ("The hull was last inspected on the 28th, the owner said.", "2023-05-17", [("the 28th", "2023-04-28")]),
    ("Repairs must be done by the 2nd of next month.", "2023-05-17", [("the 2nd of next month", "2023-06-02")]),
    # an ordinal that counts or ranks something is no day
    ("The harbour master works on the 5th floor.", "2023-05-17", []),
    ("The club celebrated the 15th anniversary of its founding.", "2023-05-17", []),
])
def test_dates_day_of_month_without_the_month(analyse, text, published, expected):
    got = [(m.text, m.value) for m in analyse(text, published=published).dates]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # two coordinated days hang on one verb: the second is told in the first one's tense
    # (2026-06-10 is a Wednesday)
    ("The ministers will meet on Monday and Tuesday in Geneva.", [("Monday", "2026-06-15"), ("Tuesday", "2026-06-16")]),
    ("The new mayor takes office Monday or Tuesday, aides said.", [("Monday", "2026-06-15"),
                                                                  ("Tuesday", "2026-06-16")]),
])
def test_dates_coordinated_days_share_their_tense(analyse, text, expected):
    assert [(m.text, m.value) for m in analyse(text, published="2026-06-10").dates] == expected


def test_dates_coordinated_days_keep_their_tense_for_the_story(analyse):
    d = analyse("The new governor will be sworn in Wednesday or Thursday, officials said.", published=None).dates
    assert [(m.text, m.tense) for m in d] == [("Wednesday", "future"), ("Thursday", "future")]


@pytest.mark.parametrize("text, expected", [
    # a start "from Friday" after a participle ("goods imported from X") is told by the clause the
    # participle's noun is in (2025-07-08 is a Tuesday)
    ("The bloc will charge higher duties on steel imported from Asia from Friday, officials said.",
     [("Friday", "2025-07-11")]),
    # what a subject faces or awaits lies ahead; a day inside what is faced keeps its own reading
    ("The premier, who faces a no-confidence vote on Thursday, said she would fight on.", [("Thursday", "2025-07-10")]),
    ("The refinery, which faces fines over Friday's leak, declined to comment.", [("Friday's", "2025-07-04")]),
    # "as soon as" before a month is a date cue; "a quarter-point" is a size, not a duration
    ("A rate cut could come as soon as August, economists said.", [("August", "2025-08")]),
    ("The central bank trimmed its main rate by a quarter-point.", []),
])
def test_dates_starts_things_faced_and_sizes(analyse, text, expected):
    assert [(m.text, m.value) for m in analyse(text, published="2025-07-08").dates] == expected


@pytest.mark.parametrize("text, expected", [
    # 2025-10-08 is a Wednesday
    ("Looters struck the depot on the night of the 5th.", [("the 5th", "2025-10-05")]),
    ("The day before yesterday, gunmen raided the depot.", [("day before yesterday", "2025-10-06")]),
    ("The envoy flies home the day after tomorrow.", [("day after tomorrow", "2025-10-10")]),
    # a day something is set for: a plan told now lies ahead, a calendar day is the nearer reading
    ("The runoff, set for Oct. 12, was postponed.", [("Oct. 12", "2025-10-12")]),
    ("The inquest, scheduled for Oct. 2, was adjourned.", [("Oct. 2", "2025-10-02")]),
    ("Local elections are set for Sunday.", [("Sunday", "2025-10-12")]),
])
def test_dates_nights_of_days_days_beyond_and_days_set_for(analyse, text, expected):
    assert [(m.text, m.value) for m in analyse(text, published="2025-10-08").dates] == expected


@pytest.mark.parametrize("text, value", [
    # a day something runs "since" lies before the report, whatever the verb's tense (2025-10-08: Wednesday)
    ("Schools in the district remain closed since Monday.", "2025-10-06"),
    ("The curfew stays in force since Sunday, the governor says.", "2025-10-05"),
])
def test_dates_since_a_day_looks_back(analyse, text, value):
    assert [m.value for m in analyse(text, published="2025-10-08").dates] == [value]


def test_dates_an_end_point_looks_where_its_verb_looks(analyse):
    # the parser hangs "Friday" on the trailing "said"; the end point bounds "will continue"
    text = ("The strike by rail workers, which began on Monday, will continue until at least Friday, union "
            "leaders said on Wednesday.")
    values = {d.text: d.value for d in analyse(text, published="2026-03-04").dates}
    assert values["Friday"] == "2026-03-06", values


@pytest.mark.parametrize("text,expected", [
    # a modal "be" looks ahead; it is no timetable stated in the present ("the vote is on Friday")
    ("Forecasters warned that Tuesday could be the hottest day yet.", "2025-07-15"),
    ("The minister said Friday might be too late for a deal.", "2025-07-18"),
])
def test_dates_a_weekday_a_modal_be_speaks_of_lies_ahead(analyse, text, expected):
    dates = analyse(text, published="2025-07-14").dates
    assert [d.value for d in dates] == [expected], dates
