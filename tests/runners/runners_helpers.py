"""Invented reports for the engine tests (written for the project, not taken from anywhere)."""

from __future__ import annotations

ARTICLE_TEMPLATES = (
    "Officials in {place} said on {day} that {n} people had been moved to shelters after the river "
    "burst its banks. \"We are doing everything we can,\" the regional governor told reporters.",
    "The {place} city council approved a budget of {n} million dollars on {day} for new bus lanes, "
    "a spokeswoman said. Opposition members accused the mayor of ignoring the suburbs.",
    "Police in {place} arrested {n} protesters on {day} outside the parliament building, according "
    "to a statement. Demonstrators had demanded the resignation of the interior minister.",
)
PLACES = ("Nairobi", "Lima", "Hanoi", "Oslo", "Accra", "Quito", "Tbilisi")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def invented_articles(n: int) -> list[dict]:
    """``n`` short invented reports (SCHEMA input records) with distinct ids and details."""
    out = []
    for i in range(n):
        text = ARTICLE_TEMPLATES[i % len(ARTICLE_TEMPLATES)].format(
            place=PLACES[i % len(PLACES)], day=DAYS[i % len(DAYS)], n=12 + 7 * i)
        out.append({"id": f"art-{i:03d}", "text": text, "published": "2024-03-0%d" % (1 + i % 9)})
    return out
