"""RSS and Atom feeds: items with content, link-only items, broken XML, no network."""

from __future__ import annotations

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.ingest.feeds import published_iso
from newsgraph.model import Article, Rejected

STORY = ("<p>Opposition leader Amina Odhiambo said on Monday that her party would challenge the "
         "result in the Supreme Court.</p><p>&#8220;We have the evidence,&#8221; she said.</p>")

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Rift Times</title><link>https://rifttimes.example/</link>
<item><title>Opposition to challenge vote</title><link>https://rifttimes.example/a</link>
<pubDate>Mon, 04 Mar 2013 18:30:00 +0300</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[{STORY}]]></content:encoded></item>
<item><title>Police fire tear gas</title><link>https://rifttimes.example/b</link>
<pubDate>Mon, 04 Mar 2013 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Police fired tear gas at protesters in Nairobi on Monday, witnesses said.&lt;/p&gt;</description></item>
<item><title>Analysis: what the vote means</title><link>https://rifttimes.example/c</link></item>
<item><title>Title echoed as description</title><link>https://rifttimes.example/d</link>
<description>Title echoed as description</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lake Post</title><id>urn:lp</id>
<updated>2015-09-23T10:00:00Z</updated>
<entry><title>Coup leaders hand back power</title><id>urn:lp:1</id>
<link href="https://lakepost.example/coup"/><published>2015-09-23T09:15:00+01:00</published>
<updated>2015-09-23T11:00:00Z</updated>
<content type="html">&lt;p&gt;The interim president was restored on Wednesday after a week in detention.&lt;/p&gt;</content>
</entry>
<entry><title>Summary only</title><id>urn:lp:2</id><link href="https://lakepost.example/sum"/>
<updated>2015-09-22T08:00:00Z</updated>
<summary>Mediators from West Africa arrived in the capital on Tuesday.</summary></entry>
</feed>"""



def test_feeds_rss_items_become_articles(tmp_path, no_network):
    path = tmp_path / "world.rss"
    path.write_text(RSS, encoding="utf-8")
    results = list(read_inputs([path]))
    assert [type(r) for r in results] == [Article, Article, Rejected, Rejected]
    first, second, link_only, echoed = results
    assert first.text == ("Opposition leader Amina Odhiambo said on Monday that her party would challenge "
                          "the result in the Supreme Court.\n\u201cWe have the evidence,\u201d she said.")
    assert (first.title, first.url, first.source) == (
        "Opposition to challenge vote", "https://rifttimes.example/a", "Rift Times")
    assert first.published == "2013-03-04T18:30:00+03:00"
    assert first.origin == f"{path}#1"
    assert second.text == "Police fired tear gas at protesters in Nairobi on Monday, witnesses said."
    assert second.published == "2013-03-04T09:00:00+00:00"
    assert (link_only.reason, link_only.origin) == ("link-only", f"{path}#3")
    assert "https://rifttimes.example/c" in link_only.detail
    assert echoed.reason == "link-only"


def test_feeds_atom_entries(tmp_path, no_network):
    path = tmp_path / "lake.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = read_inputs([path])
    assert first.text == "The interim president was restored on Wednesday after a week in detention."
    assert (first.source, first.url, first.published) == (
        "Lake Post", "https://lakepost.example/coup", "2015-09-23T09:15:00+01:00")
    assert second.published == "2015-09-22T08:00:00+00:00"  # no published: updated stands in
    assert second.text.startswith("Mediators from West Africa")


def test_feeds_sniffed_without_extension(tmp_path):
    path = tmp_path / "world"
    path.write_text(RSS, encoding="utf-8")
    assert [type(r) for r in read_inputs([path])][:2] == [Article, Article]


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti',
    b"<rss><channel><<<>>>&&&</rss>",
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss',
])
def test_feeds_broken_xml_without_items_is_rejected(tmp_path, data):
    path = tmp_path / "broken.xml"
    path.write_bytes(data)
    [result] = read_inputs([path])
    assert isinstance(result, Rejected)
    assert result.reason == "malformed-feed"
    assert result.origin == str(path)


def test_feeds_broken_xml_with_recovered_items_is_used(tmp_path, caplog):
    cut = RSS.index("<item><title>Analysis")
    path = tmp_path / "cut.rss"
    path.write_text(RSS[:cut] + "<item><title>Broken & unfinished", encoding="utf-8")
    with caplog.at_level("WARNING", logger="newsgraph.ingest.feeds"):
        results = list(read_inputs([path]))
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in articles] == ["https://rifttimes.example/a", "https://rifttimes.example/b"]
    assert "not well-formed" in caplog.text


def test_feeds_empty_file(tmp_path):
    path = tmp_path / "empty.rss"
    path.write_bytes(b"")
    [result] = read_inputs([path])
    assert result.reason == "empty"


@pytest.mark.parametrize("entry, expected", [
    ({"published": "Tue, 22 Sep 2015 18:40:00 +0200"}, "2015-09-22T18:40:00+02:00"),
    ({"updated": "2015-09-22T18:40:00Z"}, "2015-09-22T18:40:00+00:00"),
    ({"published": "sometime last week", "published_parsed": (2015, 9, 22, 16, 40, 0, 1, 265, 0)},
     "2015-09-22T16:40:00+00:00"),
    ({"published": "sometime last week"}, None),
    ({}, None),
])
def test_feeds_published_iso(entry, expected):
    assert published_iso(entry) == expected
