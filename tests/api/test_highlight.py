"""Cutting an article's text into highlightable pieces (pure functions, issue 16)."""

from __future__ import annotations

import pytest

from newsgraph.api.highlight import FactView, facts_of, segments


def test_highlight_segments_cover_the_text_exactly_once():
    text = "Ann said 12 died on Monday."
    facts = [FactView("q0", "quote", "", [(0, 27)], {}), FactView("f0", "figure", "", [(9, 11)], {}),
             FactView("d0", "date", "", [(20, 26)], {})]
    segs = segments(text, facts)
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.facts) for s in segs] == [("Ann said ", ["q0"]), ("12", ["f0", "q0"]), (" died on ", ["q0"]),
                                                  ("Monday", ["d0", "q0"]), (".", ["q0"])]
    assert segs[1].kinds == ["quote", "figure"]


@pytest.mark.parametrize("span", [[5, 2], [-4, -1], [30, 40], ["a", 3], [1], None, [True, 3]])
def test_highlight_bad_spans_are_left_out(span):
    record = {"text": "short text", "figures": [{"kind": "killed", "text": "x", "span": span}]}
    facts = facts_of(record)
    assert facts[0].spans == [] or all(0 <= s < e <= 10 for s, e in facts[0].spans)
    assert "".join(s.text for s in segments(record["text"], facts)) == "short text"


def test_highlight_spans_are_clipped_to_the_text():
    facts = facts_of({"text": "abcdef", "dates": [{"text": "x", "span": [3, 99]}]})
    assert facts[0].spans == [(3, 6)]


def test_highlight_entities_and_figures_use_every_mention():
    record = {"text": "Kerry met Kerry. 5 and 5.",
              "entities": [{"name": "John Kerry", "type": "PERSON", "mentions": [[0, 5], [10, 15]]}],
              "figures": [{"kind": "other", "text": "5", "span": [17, 18], "mentions": [[17, 18], [23, 24]]}]}
    by_id = {f.id: f for f in facts_of(record)}
    assert by_id["n0"].spans == [(0, 5), (10, 15)] and by_id["f0"].spans == [(17, 18), (23, 24)]


@pytest.mark.parametrize("art,span,expected", [
    ({"id": "a/1?x", "source": "<b>Evil</b>"}, [3, 9], '<a href="/articles/a%2F1%3Fx#span=3-9">&lt;b&gt;Evil&lt;/b&gt;</a>'),
    ({"id": "a1", "title": 'x" onclick="y'}, None, '<a href="/articles/a1">x&#34; onclick=&#34;y</a>'),
    ({"id": "a1"}, ["1", 2], '<a href="/articles/a1">a1</a>'),
])
def test_render_article_link_escapes_everything(art, span, expected):
    from newsgraph.api.render import article_link

    assert str(article_link(art, span)) == expected


def test_render_dict_fields_are_keys_first_then_attributes():
    from newsgraph.api.render import make_templates

    env = make_templates()
    out = env.from_string("{{ d.items }}|{{ d.missing }}|{{ n.real }}|{{ d.get('k', 'no') }}").render(
        d={"items": "<x>"}, n=3)
    assert out == "&lt;x&gt;||3|no"  # a key named like a dict method is the key; other objects keep attributes


def test_render_output_escaping_is_markupsafe_escape_to_the_byte():
    from markupsafe import Markup, escape

    from newsgraph.api.render import make_templates

    env = make_templates()
    values = ['<script>alert("x")</script>', "a & b's <i>", "", "plain", 3, 2.5, None, Markup("<b>kept</b>"),
              '" onerror="x', "</textarea><img src=x>"]
    tpl = env.from_string("{% for v in vs %}[{{ v }}]{% endfor %}{{ missing }}")
    assert tpl.render(vs=values) == "".join(f"[{escape(v)}]" for v in values)
    for name in ("story.html", "article.html", "base.html"):  # the pages' templates escape by the lean twin
        assert env.get_template(name).root_render_func.__globals__["escape"] is not escape
