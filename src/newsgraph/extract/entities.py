"""Entities with canonical names (minimal first version: spaCy NER grouped by surface text)."""

from __future__ import annotations

from collections import defaultdict

from ..model import Article, Entity, stable_id
from . import Found

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
          "NORP": "NORP", "EVENT": "EVENT"}


def extract(doc, article: Article, found: Found) -> list[Entity]:
    """Group spaCy's named entities by their text."""
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for ent in doc.ents:
        etype = _TYPES.get(ent.label_)
        if etype:
            groups[(ent.text, etype)].append((ent.start_char, ent.end_char))
    out = [Entity(id=stable_id(article.id, name, etype, prefix="e"), name=name, type=etype,
                  mentions=tuple(spans)) for (name, etype), spans in groups.items()]
    return sorted(out, key=lambda e: e.mentions[0])
