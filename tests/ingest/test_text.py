"""Plain-text files: encodings, titles kept in the text, binary and empty files."""

from __future__ import annotations

import pytest

from newsgraph.ingest import read_inputs
from newsgraph.ingest.text import article_from_text_bytes, front_matter, title_line
from newsgraph.model import Article, Rejected

BODY = ("BRUSSELS, Sept 22 - European Union ministers on Tuesday approved a plan to relocate "
        "120,000 refugees, Luxembourg's Jean Asselborn said. “Europe could not wait,” he said.")


@pytest.mark.parametrize("text, expected", [
    ("EU ministers approve refugee plan\n\n" + BODY, "EU ministers approve refugee plan"),
    ("\ufeffEU ministers approve refugee plan\n" + BODY, "EU ministers approve refugee plan"),
    ("Is the ceasefire holding?\n\n" + BODY, "Is the ceasefire holding?"),
    (BODY, None),                                            # one paragraph: no title
    (BODY + "\n\n" + BODY, None),                            # first line is a sentence
    ("Kerry said on Tuesday that talks would go on.\n\n" + BODY, None),
    ("Headline only\n\n   \n", None),                        # nothing after it
    ("2015-09-22\n\n" + BODY, None),                         # no letters
    (" ".join(["word"] * 40) + "\n\n" + BODY, None),         # too long for a headline
    ("By Amina Odhiambo\n\n" + BODY, None),                   # a byline
    ("Updated 14:05 GMT\n\n" + BODY, None),
    ("Bystanders describe the blast\n\n" + BODY, "Bystanders describe the blast"),
])
def test_text_title_line(text, expected):
    assert title_line(text) == expected


def test_text_title_stays_in_the_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("EU ministers approve refugee plan\n\n" + BODY, encoding="utf-8")
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    assert article.title == "EU ministers approve refugee plan"
    assert article.text.startswith("EU ministers approve refugee plan\n\nBRUSSELS")
    start = article.text.index("Jean Asselborn")
    assert article.text[start:start + 14] == "Jean Asselborn"


def test_text_title_heuristic_can_be_switched_off(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("EU ministers approve refugee plan\n\n" + BODY, encoding="utf-8")
    [article] = read_inputs([path], title_heuristic=False)
    assert article.title is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_encodings_come_out_right(tmp_path, encoding):
    text = ("Señor Muñoz says “no” to Zürich café plan\n\n"
            "MADRID - The mayor’s office said on Monday the naïve façade would cost €2 million.")
    path = tmp_path / f"story-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [article] = read_inputs([path])
    assert isinstance(article, Article)
    assert article.text == text
    assert article.title == "Señor Muñoz says “no” to Zürich café plan"


def test_text_crlf_becomes_lf(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(b"Headline here\r\n\r\nFirst line of the story.\r\nSecond line.\r\n")
    [article] = read_inputs([path])
    assert "\r" not in article.text
    assert article.title == "Headline here"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n\t  \n", "empty"),
    (b"\x00\x01\x02\xff\xfe\x00binary" * 100, "binary"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4, "binary"),
])
def test_text_rejects_empty_and_binary(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [result] = read_inputs([path])
    assert isinstance(result, Rejected)
    assert (result.reason, result.origin) == (reason, str(path))


def test_text_bytes_keep_given_metadata():
    result = article_from_text_bytes(b"Headline\n\nBody text of the article.", origin="x",
                                     title="Given title", published="2015-09-22", id="a1")
    assert isinstance(result, Article)
    assert (result.id, result.title, result.published, result.origin) == ("a1", "Given title", "2015-09-22", "x")


def test_text_ids_are_stable_and_content_based(tmp_path):
    (tmp_path / "a.txt").write_text("Same story\n\n" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same story\n\n" + BODY, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Other story\n\n" + BODY, encoding="utf-8")
    a, b, c = read_inputs([tmp_path])
    assert a.id == b.id != c.id
    assert [x.id for x in read_inputs([tmp_path])] == [a.id, b.id, c.id]


@pytest.mark.parametrize("text, fields, rest", [
    ("---\npublished: 2015-09-17\nsource: Lakeside Courier\n---\nHeadline\n\nBody.",
     {"published": "2015-09-17", "source": "Lakeside Courier"}, "Headline\n\nBody."),
    ("---\nurl: https://x.example/a?b=c:d\n---\n\nBody.", {"url": "https://x.example/a?b=c:d"}, "Body."),
    ("---\ntags: floods\n---\nBody.", {}, "---\ntags: floods\n---\nBody."),   # unknown key
    ("---\nauthor: Jane Roe – UPI\n---\nBody.", {"author": "Jane Roe – UPI"}, "Body."),  # the byline
    ("---\n\nA story that opens with a rule.\n", {}, "---\n\nA story that opens with a rule.\n"),
    ("---\npublished: 2015-09-17\nno closing rule", {}, "---\npublished: 2015-09-17\nno closing rule"),
    ("Headline\n---\npublished: 2015\n---\n", {}, "Headline\n---\npublished: 2015\n---\n"),
])
def test_text_front_matter(text, fields, rest):
    assert front_matter(text) == (fields, rest)


def test_text_front_matter_fills_the_record(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("---\npublished: 2015-09-22\nsource: Lakeside Courier\n---\n"
                    "EU ministers approve refugee plan\n\n" + BODY, encoding="utf-8")
    [article] = read_inputs([path])
    assert (article.published, article.source) == ("2015-09-22", "Lakeside Courier")
    assert article.title == "EU ministers approve refugee plan"
    assert article.text.startswith("EU ministers approve refugee plan\n\nBRUSSELS")
