"""The stop-word language guesser the pipeline uses."""

from __future__ import annotations

import pytest

from newsgraph.ingest.language import detect_language


@pytest.mark.parametrize("text, expected", [
    ("The minister said on Tuesday that the talks with the rebels were going well and would go on.", "en"),
    ("El ministro dijo el martes que las conversaciones con los rebeldes iban bien y que seguirían.", "es"),
    ("Le ministre a déclaré mardi que les discussions avec les rebelles se passaient bien et que la paix est proche.", "fr"),
    ("Der Minister sagte am Dienstag, dass die Gespräche mit den Rebellen gut verlaufen und nicht enden.", "de"),
    ("Too short.", "en"),
    ("", "en"),
])
def test_language_detect(text, expected):
    assert detect_language(text) == expected
