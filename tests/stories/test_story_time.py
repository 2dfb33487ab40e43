"""Story time: undated reports get the days their story establishes (invented reports)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from newsgraph.model import DateMention, to_dict
from newsgraph.stories import StoryClusterer
from newsgraph.stories.story_time import StoryDays, article_days, day_marks, resolve_undated, rewrite_jsonl

from stories_helpers import article


def _mention(text: str, start: int, *, value=None, timex=None, tense="none", anchor=None, anchor_from=None):
    return DateMention(text=text, span=(start, start + len(text)), value=value, granularity="day",
                       anchor=anchor, anchor_from=anchor_from, timex_value=timex,
                       tense=tense if value is None else None)


DATED = ("A dam burst in the hills on Monday, flooding three villages, officials said on Tuesday. "
         "Rescuers reached the last village on Tuesday.")
UNDATED = ("Rescuers reached the flooded villages on Tuesday, a day after the dam burst on Monday. "
           "Today the river is falling, officials said. Repairs begin on Dec. 9.")


def _dated():
    return article("dated", DATED, published="2021-03-02", dates=(
        _mention("on Monday", DATED.index("on Monday"), value="2021-03-01", anchor="2021-03-02",
                 anchor_from="published"),
        _mention("on Tuesday", DATED.index("on Tuesday"), value="2021-03-02", anchor="2021-03-02",
                 anchor_from="published")))


def _days(*dated) -> StoryDays:
    """The days a story of these dated reports knows."""
    days = StoryDays()
    for report in dated:
        days.add(article_days(report))
    return days


def _undated():
    return article("undated", UNDATED, published=None, dates=(
        _mention("on Tuesday", UNDATED.index("on Tuesday"), timex="XXXX-WXX-2", tense="past"),
        _mention("on Monday", UNDATED.index("on Monday"), timex="XXXX-WXX-1", tense="past"),
        _mention("Today", UNDATED.index("Today"), timex="PRESENT_REF"),
        _mention("Dec. 9", UNDATED.index("Dec. 9"), timex="XXXX-12-09", tense="future")))


def test_story_days_main_day_and_weekdays():
    days = _days(_dated())
    assert days.main_day().isoformat() == "2021-03-02"
    assert {wd: d.isoformat() for wd, d in days.weekday_map().items()} == {1: "2021-03-01", 2: "2021-03-02"}


def test_resolve_undated_through_story():
    days = _days(_dated())
    out = resolve_undated(_undated(), days)
    assert out.published_inferred == "2021-03-02" and out.published_basis == "story"
    values = {m.text: m.value for m in out.dates}
    assert values == {"on Tuesday": "2021-03-02", "on Monday": "2021-03-01", "Today": "2021-03-02",
                      "Dec. 9": "2021-12-09"}
    assert {m.anchor_from for m in out.dates} == {"story"}
    assert resolve_undated(out, days) == out  # idempotent


def test_resolve_undated_leaves_dated_and_storyless_articles():
    assert resolve_undated(_dated(), StoryDays()) == _dated()
    assert resolve_undated(_undated(), StoryDays()) == _undated()


def test_clusterer_hands_back_updated_articles_and_rewrites_jsonl(tmp_path):
    c = StoryClusterer()
    dated, undated = _dated(), _undated()
    c.add(dated)
    c.add(undated)
    result = c.result()
    assert len(result.stories) == 1
    assert c.updated(undated).published_inferred == "2021-03-02"
    path = tmp_path / "out.jsonl"
    lines = [json.dumps(to_dict(a), ensure_ascii=False) + "\n" for a in (dated, undated)]
    path.write_text("".join(lines), encoding="utf-8")
    assert rewrite_jsonl(path, c.updated) == 1
    got = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert got[0] == lines[0]  # the dated record is copied byte for byte
    rec = json.loads(got[1])
    assert rec["published_inferred"] == "2021-03-02"
    assert [d["value"] for d in rec["dates"]] == ["2021-03-02", "2021-03-01", "2021-03-02", "2021-12-09"]
    assert rewrite_jsonl(path, c.updated) == 0  # a second pass changes nothing


def test_rewrite_jsonl_keeps_the_permissions_a_plain_open_gives(tmp_path):
    # the temporary file it replaces the output with is 0600; the output must not become so
    import os

    c = StoryClusterer()
    for a in (_dated(), _undated()):
        c.add(a)
    c.result()
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(to_dict(a), ensure_ascii=False) + "\n" for a in (_dated(), _undated())),
                    encoding="utf-8")
    umask = os.umask(0)
    os.umask(umask)
    assert rewrite_jsonl(path, c.updated) == 1
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_day_marks_and_fits():
    undated = _undated()
    marks = day_marks(undated)
    assert ("wd", 2, 0) in marks and ("md", 12, 9) in marks
    days = _days(_dated())
    assert days.fits(marks)  # the story has a Tuesday
    other = StoryDays()
    other.add(["2021-03-05", "2021-03-06"])  # a Friday and a Saturday
    assert not other.fits((("wd", 2, 0), ("md", 3, 2)))
    assert other.fits((("md", 3, 5),))
    assert StoryDays().fits(marks) and other.fits(())


def test_undated_report_of_other_days_starts_its_own_story():
    """Two floods in one valley a week apart: the undated report naming Thursday is not Monday's story."""
    first = ("A dam burst above the valley town on Monday, flooding homes; the river rose fast, rescuers "
             "said, as the valley town counted damage from the dam burst and the river flood.")
    second = ("Another dam gave way over the valley town on Thursday. Homes went under again as river "
              "water climbed; the town is counting flood damage once more after this burst of the dam.")
    c = StoryClusterer()
    c.add(article("mon", first, published="2021-03-01", dates=(
        _mention("on Monday", first.index("on Monday"), value="2021-03-01", anchor="2021-03-01",
                 anchor_from="published"),)))
    c.add(article("thu", second, published=None, dates=(
        _mention("on Thursday", second.index("on Thursday"), timex="XXXX-WXX-4", tense="past"),)))
    c.add(article("mon2", first.replace("homes", "houses"), published=None, dates=(
        _mention("on Monday", first.index("on Monday"), timex="XXXX-WXX-1", tense="past"),)))
    groups = sorted(sorted(s.articles) for s in c.result().stories)
    assert groups == [["mon", "mon2"], ["thu"]]


def test_reresolve_weekday_with_month_day_and_today():
    from newsgraph.extract.dates import reresolve
    import datetime as dt

    wd = DateMention(text="Tuesday, March 2", span=(0, 16), value=None, granularity="day", tense="past")
    assert reresolve(wd, dt.date(2021, 3, 3), "story").value == "2021-03-02"
    today = DateMention(text="earlier today", span=(0, 13), value=None, granularity="day", tense="none")
    got = reresolve(today, dt.date(2021, 3, 3), "story")
    assert got.value.startswith("2021-03-03") and got.anchor_from == "story"


def test_reresolve_year_less_day_near_an_inferred_anchor_stays_in_its_year():
    """A story-inferred anchor may be days before the page: "a vote on March 25" in a past clause,
    anchored on March 18, is that week's day, not the year before; "October 1" read as future on
    October 8 is the week before, not the next year. A day months off still follows the tense."""
    from newsgraph.extract.dates import reresolve
    import datetime as dt

    vote = DateMention(text="March 25", span=(0, 8), value=None, granularity="day", tense="past")
    assert reresolve(vote, dt.date(2025, 3, 18), "story").value == "2025-03-25"
    sacked = DateMention(text="October 1", span=(0, 9), value=None, granularity="day", tense="future")
    assert reresolve(sacked, dt.date(2025, 10, 8), "story").value == "2025-10-01"
    far = DateMention(text="September 30", span=(0, 12), value=None, granularity="day", tense="past")
    assert reresolve(far, dt.date(2025, 3, 18), "story").value == "2024-09-30"


def test_time_ordered_stream_retires_stale_stories_and_keeps_every_article():
    """On a stream in time order, stories out of every later report's window are finished and dropped."""
    import datetime as dt

    c = StoryClusterer(syndication=False)
    start = dt.date(2020, 1, 1)
    for i in range(260):
        day = (start + dt.timedelta(days=i)).isoformat()
        c.add(article(f"a{i}", f"Report number {i} about topic{i} in town{i} and river{i}.", published=day))
    assert c._active < 20  # the stale stories were retired
    result = c.result()
    assert sorted(a for s in result.stories for a in s.articles) == sorted(f"a{i}" for i in range(260))


def _flood_reports():
    """Two dam bursts over one valley town ten days apart; the undated report of the second comes first."""
    first = ("A dam burst above the valley town on Monday, flooding homes; the river rose fast, rescuers "
             "said, as the valley town counted damage from the dam burst and the river flood.")
    second = ("Another dam gave way over the valley town on Thursday. Homes went under again as river "
              "water climbed; the town is counting flood damage once more after this burst of the dam.")
    later = ("The valley town flooded again on Thursday when a second dam gave way upstream, and river water "
             "filled homes that had barely dried; officials began counting the damage of this dam burst.")
    return [
        article("thu", second, published=None, dates=(
            _mention("on Thursday", second.index("on Thursday"), timex="XXXX-WXX-4", tense="past"),)),
        article("mon2", first.replace("homes", "houses"), published=None, dates=(
            _mention("on Monday", first.index("on Monday"), timex="XXXX-WXX-1", tense="past"),)),
        article("mon", first, published="2021-03-01", dates=(
            _mention("on Monday", first.index("on Monday"), value="2021-03-01", anchor="2021-03-01",
                     anchor_from="published"),)),
        article("thu2", later, published="2021-03-11", dates=(
            _mention("on Thursday", later.index("on Thursday"), value="2021-03-11", anchor="2021-03-11",
                     anchor_from="published"),)),
    ]


def test_cluster_refine_moves_an_early_undated_report_to_the_story_of_its_days():
    """The undated Thursday report seeded a story the Monday reports then joined; once every report is in,
    its story's days (a Monday) no longer admit it and the Thursday story does, so it moves there."""
    c = StoryClusterer()
    c.add_many(_flood_reports())
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["mon", "mon2"], ["thu", "thu2"]]
    assert c.updated(_flood_reports()[0]).published_inferred == "2021-03-11"


def test_cluster_without_refine_keeps_undated_reports_of_days_apart_apart_on_arrival():
    """Issue 12: the undated Monday report no longer joins the story the undated Thursday report seeded
    (their leads name days three apart), so even arrival order alone groups them right."""
    c = StoryClusterer(refine=False)
    c.add_many(_flood_reports())
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["mon", "mon2"], ["thu", "thu2"]]


def test_resolve_undated_future_weekday_looks_ahead_of_the_story_day():
    """The story knows last Friday, but "the ban runs until Friday" in a report of Monday is the next one."""
    text = "The ban on gatherings runs until Friday, officials said on Monday."
    dated = article("d", "Officials spoke on Friday and again on Monday.", published="2021-03-08", dates=(
        _mention("on Friday", 16, value="2021-03-05", anchor="2021-03-08", anchor_from="published"),))
    days = _days(dated)
    undated = article("u", text, published=None, dates=(
        _mention("Friday", text.index("Friday"), timex="XXXX-WXX-5", tense="future"),
        _mention("on Monday", text.index("on Monday"), timex="XXXX-WXX-1", tense="past")))
    out = resolve_undated(undated, days)
    assert out.published_inferred == "2021-03-08"
    assert {m.text: m.value for m in out.dates} == {"Friday": "2021-03-12", "on Monday": "2021-03-08"}


def test_pinned_days_and_the_one_year_a_run_spans():
    import datetime as dt

    from newsgraph.stories.story_time import pinned_day, pinned_days

    text = "Crews sealed the tunnel on Wednesday, March 3, and reopened it on Friday."
    a = article("u", text, published=None, dates=(
        _mention("Wednesday, March 3", text.index("Wednesday"), timex="XXXX-03-03", tense="past"),
        _mention("on Friday", text.index("on Friday"), timex="XXXX-WXX-5", tense="past")))
    assert pinned_days(a) == ((3, 3, 3),)
    assert pinned_day((3, 3, 3), {2020, 2021}) == dt.date(2021, 3, 3)
    assert pinned_day((3, 3, 3), {2016}) is None  # no Wednesday the 3rd of March in 2015-2017
    assert pinned_day((3, 3, 3), set()) is None
    assert pinned_day((3, 3, 3), {2010, 2021}) is None  # 2010 and 2021 both have one: the span says nothing
    bare = article("b", "Crews sealed the tunnel on March 3.", published=None, dates=(
        _mention("March 3", 26, timex="XXXX-03-03", tense="past"),))
    assert pinned_days(bare) == ()


TUNNEL = ("Crews sealed the rail tunnel under the harbour on Wednesday, March 3, after water poured in; "
          "the harbour tunnel stays shut while pumps run, the rail operator said.")
TUNNEL2 = ("The harbour rail tunnel was sealed on Wednesday as water poured in, and pumps ran through the "
           "night, the rail operator said today; the tunnel under the harbour stays shut.")
ELSEWHERE = "Farmers in the northern plains began the wheat harvest early after a dry, hot spring season."


def _tunnel_reports(*, other_year: str | None = "2021-06-01"):
    reports = [
        article("t1", TUNNEL, published=None, dates=(
            _mention("Wednesday, March 3", TUNNEL.index("Wednesday"), timex="XXXX-03-03", tense="past"),)),
        article("t2", TUNNEL2, published=None, dates=(
            _mention("on Wednesday", TUNNEL2.index("on Wednesday"), timex="XXXX-WXX-3", tense="past"),
            _mention("today", TUNNEL2.index("today"), timex="PRESENT_REF", tense="past")))]
    if other_year:
        reports.append(article("farm", ELSEWHERE, published=other_year))
    return reports


def test_story_without_dated_reports_takes_the_day_its_reports_pin():
    """No report of the tunnel story is dated; one names "Wednesday, March 3", a day of 2021 alone among
    the years the run's dated reports cover, so the story's days are of that week."""
    c = StoryClusterer()
    reports = _tunnel_reports()
    c.add_many(reports)
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["farm"], ["t1", "t2"]]
    out = c.updated(reports[1])
    assert out.published_inferred == "2021-03-03" and out.published_basis == "story"
    assert {m.text: (m.value, m.anchor_from) for m in out.dates} == {
        "on Wednesday": ("2021-03-03", "story"), "today": ("2021-03-03", "story")}
    assert c.updated(reports[0]).dates[0].value == "2021-03-03"


def test_story_without_dated_reports_stays_undated_when_nothing_pins_its_year():
    c = StoryClusterer()
    reports = _tunnel_reports(other_year=None)
    c.add_many(reports)
    c.result()
    assert c.updated(reports[1]) == reports[1]


def test_story_without_dated_reports_takes_a_report_s_own_full_date():
    """An undated report that states a full date anchors itself ("text"), and its story-mates through it."""
    c = StoryClusterer()
    own = TUNNEL.replace("Wednesday, March 3", "Wednesday, March 3, 2021")
    reports = [article("t1", own + " Pumping goes on today.", published=None, dates=(
        _mention("Wednesday, March 3, 2021", own.index("Wednesday"), value="2021-03-03"),
        _mention("today", len(own) + 16, value="2021-03-03", anchor="2021-03-03", anchor_from="text"))),
        _tunnel_reports(other_year=None)[1]]
    c.add_many(reports)
    c.result()
    assert c.updated(reports[0]).published_basis == "text"
    out = c.updated(reports[1])
    assert out.published_inferred == "2021-03-03" and out.published_basis == "story"
    assert [m.value for m in out.dates] == ["2021-03-03", "2021-03-03"]


def test_story_without_dated_reports_takes_the_day_an_address_names():
    """No report of the tunnel story is dated and none names a full date, but one page's address files it
    under a day ("/2021/03/03/"): the story's days are of that week. The address is the day the page was
    first filed, not the report's own anchor: the same page, updated, tells of Thursday's pumping, and
    that Thursday is the day after, not the week before."""
    pumped = TUNNEL2.replace("through the night", "on Thursday")
    filed = dataclasses.replace(article("t1", pumped, published=None, dates=(
        _mention("on Wednesday", pumped.index("on Wednesday"), timex="XXXX-WXX-3", tense="past"),
        _mention("on Thursday", pumped.index("on Thursday"), timex="XXXX-WXX-4", tense="past"))),
        url="https://example.org/news/2021/03/03/harbour-tunnel-sealed/")
    reports = [filed, _tunnel_reports(other_year=None)[1]]
    c = StoryClusterer()
    c.add_many(reports)
    assert [sorted(s.articles) for s in c.result().stories] == [["t1", "t2"]]
    out = c.updated(reports[1])
    assert out.published_inferred == "2021-03-03" and out.published_basis == "story"
    assert {m.text: m.value for m in out.dates} == {"on Wednesday": "2021-03-03", "today": "2021-03-03"}
    assert {m.text: m.value for m in c.updated(filed).dates} == {
        "on Wednesday": "2021-03-03", "on Thursday": "2021-03-04"}


def test_resolve_undated_weekday_a_day_or_two_after_the_story_s_day_is_after_it():
    """The story knows Friday (its one dated report); an undated report telling of Friday's storm and
    Saturday's clean-up was written on Saturday or later, so its Saturday is the next day, not the
    Saturday before the storm. Monday, three days on, stays the Monday before (a report recounts)."""
    text = "The storm hit on Friday night; crews cleared roads on Saturday. Warnings went out on Monday."
    dated = article("d", "The storm hit the coast on Friday.", published="2021-03-05", dates=(
        _mention("on Friday", 22, value="2021-03-05", anchor="2021-03-05", anchor_from="published"),))
    days = _days(dated)
    undated = article("u", text, published=None, dates=(
        _mention("on Friday night", text.index("on Friday"), timex="XXXX-WXX-5TNI", tense="past"),
        _mention("on Saturday", text.index("on Saturday"), timex="XXXX-WXX-6", tense="past"),
        _mention("on Monday", text.index("on Monday"), timex="XXXX-WXX-1", tense="past")))
    out = resolve_undated(undated, days)
    assert out.published_inferred == "2021-03-06"
    assert {m.text: m.value for m in out.dates} == {
        "on Friday night": "2021-03-05", "on Saturday": "2021-03-06", "on Monday": "2021-03-01"}
    assert days.inferred_day((6,)).isoformat() == "2021-03-06"  # after the main day when it names no other


def test_undated_reports_whose_leads_name_days_apart_make_two_stories():
    """Two quakes shake one province days apart and no report is dated: the reports leading with Tuesday
    and those leading with Friday are two stories, though they use nearly the same words."""
    texts = {
        "tue1": ("A strong earthquake shook the coastal province early Tuesday, toppling homes in three towns "
                 "as rescuers searched rubble for survivors of the coastal province earthquake.", "early Tuesday", 2),
        "fri1": ("Rescuers in the coastal province searched rubble for survivors on Friday after another "
                 "strong earthquake toppled homes; towns there counted the earthquake dead.", "on Friday", 5),
        "tue2": ("Homes fell in three towns of the coastal province when an earthquake struck on Tuesday; "
                 "rescuers dug through the rubble for survivors, the province governor said.", "on Tuesday", 2),
        "fri2": ("The coastal province governor said on Friday that rescuers dug for survivors through the "
                 "rubble of homes the strong earthquake toppled in several towns.", "on Friday", 5),
    }
    reports = [article(aid, text, published=None, dates=(
        _mention(word, text.index(word), timex=f"XXXX-WXX-{wd}", tense="past"),))
        for aid, (text, word, wd) in texts.items()]
    c = StoryClusterer()
    c.add_many(reports)
    assert sorted(sorted(s.articles) for s in c.result().stories) == [["fri1", "fri2"], ["tue1", "tue2"]]


def test_resolve_undated_a_weekday_looked_ahead_to_does_not_date_the_report():
    """A report that says the vote "will be held on Thursday" was written before Thursday: its own day is
    the story's Tuesday, and its "today" with it."""
    text = "Deputies met on Tuesday and the vote will be held on Thursday, the speaker said today."
    dated = article("d", "Deputies met on Tuesday.", published="2021-03-02", dates=(
        _mention("on Tuesday", 13, value="2021-03-02", anchor="2021-03-02", anchor_from="published"),))
    days = _days(dated)
    undated = article("u", text, published=None, dates=(
        _mention("on Tuesday", text.index("on Tuesday"), timex="XXXX-WXX-2", tense="past"),
        _mention("on Thursday", text.index("on Thursday"), timex="XXXX-WXX-4", tense="future"),
        _mention("today", text.index("today"), timex="PRESENT_REF", tense="past")))
    out = resolve_undated(undated, days)
    assert out.published_inferred == "2021-03-02"
    assert {m.text: m.value for m in out.dates} == {
        "on Tuesday": "2021-03-02", "on Thursday": "2021-03-04", "today": "2021-03-02"}


def _paper(text: str, *words: str):
    return article("paper", text, published=None, dates=tuple(
        _mention(w, text.index(w), timex="PRESENT_REF" if w == "today" else None, tense="past") for w in words))


def test_resolve_undated_yesterday_alone_is_the_story_s_day():
    """The story knows Wednesday alone (its dated report). An undated paper whose only word for a day near
    its own is "yesterday" tells of the story's Wednesday, so it is of Thursday; one that also says
    "today" is of the story's day, and so is one whose "yesterday" is a day the story already has."""
    dated = "Soldiers seized the radio station on Wednesday."
    coup = article("d", dated, published="2021-03-03", dates=(
        _mention("on Wednesday", dated.index("on Wednesday"), value="2021-03-03", anchor="2021-03-03",
                 anchor_from="published"),))
    text = "Soldiers seized the radio station yesterday, and the capital was quiet."
    out = resolve_undated(_paper(text, "yesterday"), _days(coup))
    assert out.published_inferred == "2021-03-04"
    assert [m.value for m in out.dates] == ["2021-03-03"]
    both = "Soldiers seized the radio station yesterday; today the capital is quiet."
    out = resolve_undated(_paper(both, "yesterday", "today"), _days(coup))
    assert out.published_inferred == "2021-03-03"
    assert [m.value for m in out.dates] == ["2021-03-02", "2021-03-03"]
    eve = article("e", "Tanks rolled in on Tuesday.", published="2021-03-02", dates=(
        _mention("on Tuesday", 13, value="2021-03-02", anchor="2021-03-02", anchor_from="published"),))
    out = resolve_undated(_paper(text, "yesterday"), _days(coup, eve))
    assert out.published_inferred == "2021-03-03" and [m.value for m in out.dates] == ["2021-03-02"]


def test_resolve_undated_gives_frames_the_story_days_they_count_from():
    text = "Rescuers reached the villages on Tuesday. A day earlier, the dam had burst."
    undated = article("framed", text, published=None, dates=(
        _mention("on Tuesday", text.index("on Tuesday"), timex="XXXX-WXX-2", tense="past"),
        dataclasses.replace(_mention("A day", text.index("A day")), granularity="other", timex_type="DURATION",
                            timex_value="P1D", tense=None)))
    out = resolve_undated(undated, _days(_dated()))
    assert {m.text: (m.value, m.anchor_from) for m in out.dates} == {
        "on Tuesday": ("2021-03-02", "story"), "A day earlier": ("2021-03-01", "frame")}
    assert resolve_undated(out, _days(_dated())) == out  # idempotent


def test_reresolve_day_of_month_through_the_story_day():
    """ "on the 20th" in an undated report has its month and year from the story's day, on the side
    its clause tense says (a funeral still to come, an inspection before)."""
    from newsgraph.extract.dates import reresolve
    import datetime as dt

    ahead = DateMention(text="the 20th", span=(0, 8), value=None, granularity="day", tense="future")
    assert reresolve(ahead, dt.date(2023, 5, 17), "story").value == "2023-05-20"
    before = DateMention(text="the 28th", span=(0, 8), value=None, granularity="day", tense="past")
    assert reresolve(before, dt.date(2023, 5, 17), "story").value == "2023-04-28"


def test_article_days_leave_out_the_days_a_report_looks_ahead_to():
    """A day after publication ("the vote is tomorrow") has not happened yet: it is no day of the story's
    news, and would draw the main day of a story of one dated report past its news."""
    text = "The assembly voted on Monday to dissolve itself; the new one meets tomorrow."
    report = article("ahead", text, published="2021-03-02", dates=(
        _mention("on Monday", text.index("on Monday"), value="2021-03-01", anchor="2021-03-02",
                 anchor_from="published"),
        _mention("tomorrow", text.index("tomorrow"), value="2021-03-03", anchor="2021-03-02",
                 anchor_from="published")))
    assert article_days(report) == ["2021-03-01", "2021-03-02"]
    assert _days(report).main_day().isoformat() == "2021-03-02"


def test_resolve_undated_future_weekday_the_story_knows_in_the_past_is_the_next_one():
    """Issue 12: "the council votes on Friday", in a report of Monday, is the coming Friday, not the Friday
    the story already holds (no "until" needed: the clause looks ahead)."""
    text = "The council votes on the budget on Friday, the mayor said on Monday."
    dated = article("d", "The budget was tabled on Friday and debated on Monday.", published="2021-03-08", dates=(
        _mention("on Friday", 23, value="2021-03-05", anchor="2021-03-08", anchor_from="published"),))
    undated = article("u", text, published=None, dates=(
        _mention("on Friday", text.index("on Friday"), timex="XXXX-WXX-5", tense="future"),
        _mention("on Monday", text.index("on Monday"), timex="XXXX-WXX-1", tense="past")))
    out = resolve_undated(undated, _days(dated))
    assert out.published_inferred == "2021-03-08"
    assert {m.text: m.value for m in out.dates} == {"on Friday": "2021-03-12", "on Monday": "2021-03-08"}


RESIGNED = "The harbour minister resigned on Tuesday after the ferry inquiry, his office said."
RESIGNED_TODAY = "The harbour minister resigned today after the ferry inquiry, his office said."


def _resignation_reports():
    """One dated follow-up (Wednesday) and four undated reports of Tuesday's resignation."""
    follow = "A new harbour minister takes office after the ferry inquiry; the last one resigned on Tuesday."
    dated = article("dated", follow, published="2021-03-10", dates=(
        _mention("on Tuesday", follow.index("on Tuesday"), value="2021-03-09", anchor="2021-03-10",
                 anchor_from="published"),))
    told = [article(f"told{i}", RESIGNED, published=None,
                    dates=(_mention("on Tuesday", RESIGNED.index("on Tuesday"), timex="XXXX-WXX-2", tense="past"),))
            for i in range(3)]
    today = article("today", RESIGNED_TODAY, published=None,
                    dates=(_mention("today", RESIGNED_TODAY.index("today"), tense="past"),))
    return [dated, *told, today]


def test_told_days_count_the_weekdays_undated_reports_tell_of():
    """Issue 12: the story's one dated report is Wednesday's follow-up, but three undated reports tell of
    Tuesday's resignation: Tuesday is the story's main day, and the undated "resigned today" is of it."""
    from newsgraph.stories.compact import Kept
    from newsgraph.stories.story_time import told_days

    reports = _resignation_reports()
    days = _days(reports[0])
    assert days.main_day().isoformat() == "2021-03-10"  # the dated report alone: a tie, the later day
    kept = [Kept(id=a.id, order=i, published=a.published, source=None, credit=None,
                 told=(2,) if a.id.startswith("told") else ()) for i, a in enumerate(reports)]
    kept.append(Kept(id="other", order=9, published=None, source=None, credit=None, told=(5,)))  # unknown day
    voted = told_days(days, [*kept, None])
    assert dict(voted.counts) == {"2021-03-09": 4, "2021-03-10": 1}
    assert told_days(days, list(reversed(kept))) == voted  # order does not matter
    assert resolve_undated(reports[-1], voted).dates[0].value == "2021-03-09"


def test_clusterer_dates_undated_reports_by_the_day_most_of_them_tell_of():
    c = StoryClusterer()
    reports = _resignation_reports()
    c.add_many(reports)
    assert [sorted(s.articles) for s in c.result().stories] == [sorted(a.id for a in reports)]
    out = c.updated(reports[-1])
    assert out.published_inferred == "2021-03-09" and out.dates[0].value == "2021-03-09"


def test_own_weekdays_past_leaves_out_days_named_as_events():
    """A report of Friday tells of "Thursday's vote" in the past too; only a clause's own day counts."""
    from newsgraph.stories.story_time import own_weekdays

    text = "Counting ended on Friday after Thursday's vote, and the premier conceded on Saturday."
    a = article("u", text, published=None, dates=(
        _mention("on Friday", text.index("on Friday"), timex="XXXX-WXX-5", tense="past"),
        _mention("Thursday's", text.index("Thursday's"), timex="XXXX-WXX-4", tense="past"),
        _mention("on Saturday", text.index("on Saturday"), timex="XXXX-WXX-6", tense="none")))
    assert own_weekdays(a, past=True) == (5,)
    assert own_weekdays(a, told=True) == (4, 5, 6)


def test_resolve_undated_page_filed_under_a_day_takes_the_story_days_of_its_week():
    """Issue 12: a story holding two weeks of news (a first storm and a second, fiercer one two weeks on)
    has two Fridays; a page its site filed under the 6th tells of the first."""
    days = StoryDays()
    days.add(["2021-03-05", "2021-03-06"])
    for _ in range(3):
        days.add(["2021-03-19", "2021-03-20"])
    text = "The storm flattened the pier on Friday, the harbour master said."
    report = dataclasses.replace(article("u", text, published=None, dates=(
        _mention("on Friday", text.index("on Friday"), timex="XXXX-WXX-5", tense="past"),)),
        url="https://example.org/2021/03/06/storm-pier/")
    out = resolve_undated(report, days)
    assert out.published_inferred == "2021-03-06" and out.dates[0].value == "2021-03-05"
    unfiled = resolve_undated(dataclasses.replace(report, url="https://example.org/storm-pier/"), days)
    assert unfiled.published_inferred == "2021-03-20" and unfiled.dates[0].value == "2021-03-19"
    # filed in a week the story holds no day of: the page's own day, its Friday the one before it
    far = resolve_undated(dataclasses.replace(report, url="https://example.org/2021/06/01/storm-pier/"), days)
    assert far.published_inferred == "2021-06-01" and far.dates[0].value == "2021-05-28"


def test_story_days_near_a_page_filed_away_from_every_story_day_is_its_own_day():
    """Issue 12: two stories grouped together (a riot on the 13th, a march a week later): a page filed
    under the 13th tells of its own days, its "Saturday" the day after its Friday, not the march's."""
    days = StoryDays()
    days.add(["2022-05-20", "2022-05-21"])
    days.add(["2022-05-21"])
    filed = days.near(dt.date(2022, 5, 13))
    assert filed.counts == {"2022-05-13": 1}
    assert filed.placed((6,)) == {6: dt.date(2022, 5, 14)}
    assert days.near(dt.date(2022, 5, 21)).counts == days.counts  # filed in the story's week
    assert not StoryDays().near(dt.date(2022, 5, 13))  # a story with no day gets none from it


def test_filed_days_give_an_unfiled_report_the_week_of_the_mate_it_reads_like():
    """Issue 12: an undated page naming no day of its own reads the week of the story-mate most like it,
    when its story holds more than a week of news (two storms grouped as one story)."""
    from newsgraph.stories.story_time import filed_days

    days = StoryDays()
    days.add(["2021-03-05", "2021-03-06"])
    for _ in range(3):
        days.add(["2021-03-19", "2021-03-20"])
    first, second = {"pier": 0.8, "storm": 0.6}, {"bridge": 0.8, "storm": 0.6}
    reports = [("a", first, "2021-03-06"), ("b", second, "2021-03-20T08:00:00Z"), ("c", second, "2021-03-19"),
               ("u", {"pier": 0.6, "storm": 0.8}, None), ("v", {"bridge": 1.0}, None), ("w", None, None),
               ("x", {"harbour": 1.0}, None)]
    got = filed_days(days, reports)
    assert {k: d.isoformat() for k, d in got.items()} == {"u": "2021-03-06", "v": "2021-03-20"}
    one_week = StoryDays()
    one_week.add(["2021-03-05", "2021-03-06"])
    assert filed_days(one_week, reports) == {}
    text = "The storm flattened the pier on Friday, the harbour master said."
    report = article("u", text, published=None, dates=(
        _mention("on Friday", text.index("on Friday"), timex="XXXX-WXX-5", tense="past"),))
    assert resolve_undated(report, days).dates[0].value == "2021-03-19"
    out = resolve_undated(report, days, filed=got["u"])
    assert out.published_inferred == "2021-03-06" and out.dates[0].value == "2021-03-05"


def _two_weeks() -> StoryDays:
    days = StoryDays()
    days.add(["2021-03-05", "2021-03-06"])
    days.add(["2021-03-19", "2021-03-20"])
    return days


def test_filed_days_same_whatever_the_order_the_mates_come_in():
    """Many reports of the first week and a few of the second: an unfiled page that reads like the second
    week's reports is filed on it whichever come first (the mates compared are spread over their days)."""
    from newsgraph.stories.story_time import MATES, filed_days

    first = [(f"w1-{i:03d}", {"tide": 1.0}, "2021-03-06") for i in range(MATES + 6)]
    second = [(f"w2-{i}", {"ferry": 0.8, "tide": 0.6}, "2021-03-20") for i in range(5)]
    unfiled = ("u", {"ferry": 0.8, "tide": 0.6}, None)
    forward = filed_days(_two_weeks(), first + second + [unfiled])
    backward = filed_days(_two_weeks(), [unfiled] + second[::-1] + first[::-1])
    assert forward == backward == {"u": dt.date(2021, 3, 20)}


def test_filed_days_read_a_mate_day_in_any_published_spelling():
    """A mate's own day kept as an RFC 2822 string (read back from a record) files its look-alike; one no
    parser reads is no mate."""
    from newsgraph.stories.story_time import filed_days

    reports = [("a", {"pier": 1.0}, "Sat, 06 Mar 2021 09:30:00 +0000"), ("b", {"bridge": 1.0}, "not a day"),
               ("c", {"bridge": 0.6, "pier": 0.8}, "2021-03-20"), ("u", {"pier": 1.0}, None),
               ("v", {"bridge": 1.0}, None)]
    assert filed_days(_two_weeks(), reports) == {"u": dt.date(2021, 3, 6), "v": dt.date(2021, 3, 20)}


def test_told_days_count_the_days_undated_pages_are_filed_under():
    """Issue 12: a story's dated reports are of the 20th, but two undated pages of it were filed under the
    13th (two stories grouped together): the 13th is a story day, so those pages read their own week."""
    from newsgraph.stories.compact import Kept
    from newsgraph.stories.story_time import stated_days, told_days

    days = StoryDays()
    days.add(["2022-05-20"])
    kept = [Kept(id=f"u{i}", order=i, published=None, source=None, credit=None, url_day="2022-05-13")
            for i in range(2)]
    kept.append(Kept(id="d", order=5, published="2022-05-20", source=None, credit=None, url_day="2022-05-21"))
    assert dict(told_days(days, [*kept, None]).counts) == {"2022-05-20": 1, "2022-05-13": 2}
    # a story no dated report dates counts each filing day once, as before
    alone = told_days(stated_days(kept[:2], ()), kept[:2])
    assert dict(alone.counts) == {"2022-05-13": 2}


LOCKDOWN = "The port of Vell stayed shut on Saturday, a day after the harbour authority raised its storm alert."
SEQUEL = "Streets in Vell were empty on Thursday. The town was calm on Thursday, a day after the dam gave way."


@pytest.mark.parametrize("text,published,value,days", [
    # "on Saturday, a day after ...": the Friday of the alert is the story's day too
    (LOCKDOWN, "2024-03-09", "2024-03-09", ["2024-03-08", "2024-03-09"]),
    # no "a day after": the day named only
    ("The port of Vell stayed shut on Saturday after the harbour authority raised its storm alert.",
     "2024-03-09", "2024-03-09", ["2024-03-09"]),
    # "a day before" points the other way: the named day's eve is not the other happening's day
    ("The port of Vell stayed shut on Saturday, a day before the planned regatta.",
     "2024-03-09", "2024-03-09", ["2024-03-09"]),
])
def test_article_days_take_the_eve_of_a_day_told_a_day_after(text, published, value, days):
    a = article("d", text, published=published, dates=(
        _mention("on Saturday", text.index("on Saturday"), value=value, anchor=published, anchor_from="published"),))
    assert article_days(a) == days


@pytest.mark.parametrize("text,word,iso,marks", [
    (SEQUEL, "Thursday", 4, (("wd", 3, 0), ("wd", 4, 0))),  # the second "Thursday" is told a day after
    ("Streets in Vell were empty on Thursday. The town was calm on Thursday after the dam gave way.", "Thursday", 4,
     (("wd", 4, 0),)),
    ("Streets in Vell were empty on Monday, a day after the dam gave way.", "Monday", 1, (("wd", 1, 0), ("wd", 7, 0))),
])
def test_day_marks_take_the_eve_of_a_weekday_told_a_day_after(text, word, iso, marks):
    at = text.rindex(word)
    a = article("u", text, published=None, dates=(
        DateMention(text=word, span=(at, at + len(word)), value=None, granularity="other", timex_type="DATE",
                    timex_value=f"XXXX-WXX-{iso}", tense="past"),))
    assert day_marks(a) == marks
