"""Near-copies with light edits, for ``syndication_stress.py``: the ways an outlet rewrites a wire text a little.

A held-out set of real pages carries wire texts re-edited by the outlet that runs them: a few words changed in
every sentence (a close paraphrase), sentences put in another order, a headline of its own, the lead
sentence trimmed, a paragraph of its own appended, and copies of such copies. Each kind below makes one copy
of a seed report (two for the copy of a copy), numbered after every case the stress benchmark made before, so
that those stay the same.
"""

from __future__ import annotations

import random

from syndication_copies import (Case, Report, _core, _derive, _extra, _with_punct, paragraphs, sentences,
                                single_copies)

WORDS_PER_SENTENCE = (1, 2)
"""Words an outlet changes in each sentence of a close paraphrase."""


def _edit_sentence(sent: str, n: int, rng: random.Random, vocab: list[str]) -> str:
    """``sent`` with ``n`` of its words (never the first) replaced by other words or dropped."""
    words = sent.split()
    if len(words) < 5:
        return sent
    for i in rng.sample(range(1, len(words)), min(n, len(words) - 1)):
        w = words[i]
        if rng.random() < 0.25 and not _core(w)[1]:
            words[i] = ""  # dropped
            continue
        new = rng.choice(vocab)
        words[i] = _with_punct(new.capitalize() if w[:1].isupper() else new, _core(w)[1])
    return " ".join(w for w in words if w)


def per_sentence(text: str, rng: random.Random, vocab: list[str]) -> str:
    """A close paraphrase: one or two words changed in every sentence; short lines left alone."""
    out = []
    for par in paragraphs(text):
        if len(par.split()) < 8:
            out.append(par)
            continue
        out.append(" ".join(_edit_sentence(s, rng.choice(WORDS_PER_SENTENCE), rng, vocab) for s in sentences(par)))
    return "\n\n".join(out)


def reordered(text: str, rng: random.Random) -> str:
    """Sentences of each paragraph after the first in another order (the last one first)."""
    pars = paragraphs(text)
    out = pars[:1]
    for par in pars[1:]:
        sents = sentences(par)
        out.append(" ".join(sents[-1:] + sents[:-1]) if len(sents) > 1 else par)
    return "\n\n".join(out)


def lead_trimmed(text: str) -> str:
    """The lead paragraph without its first sentence."""
    pars = paragraphs(text)
    return "\n\n".join([" ".join(sentences(pars[0])[1:])] + pars[1:])


def light_edit_cases(seed: Report, pool: list[Report], vocab: list[str], first: int) -> list[Case]:
    """The light-edit copies of one seed, numbered from ``first``."""
    text = seed.record["text"]
    if len(text.split()) < 60:
        return []
    others = [r for r in pool if r.story != seed.story]
    kinds = [
        ("light: 1-2 words per sentence", lambda rng: per_sentence(text, rng, vocab)),
        ("light: sentences reordered", lambda rng: reordered(text, rng)),
        ("light: words per sentence + own paragraph", lambda rng: per_sentence(text, rng, vocab) + "\n\n"
         + _extra(rng, others)[0]),
    ]
    if len(sentences(paragraphs(text)[0])) > 1:
        # (a lead paragraph of one sentence dropped whole leaves the text with another on top of it, which
        # is the copy's new lead as much as the original's trimmed one: nothing tells them apart)
        kinds += [("light: lead trimmed, own headline", lambda rng: lead_trimmed(text)),
                  ("light: words per sentence + lead trimmed + reordered",
                   lambda rng: per_sentence(reordered(lead_trimmed(text), rng), rng, vocab))]
    cases = single_copies(seed, kinds, others, first)
    # a copy of a lightly edited copy: its original is the copy it was made from, the nearest earlier one
    cls = "light: edited copy of an edited copy"
    rng = random.Random(f"{seed.id}|{cls}")
    c = Case(cls, seed, number=first + len(cases))
    c.dating = "undated" if not seed.record.get("published") else "day after"
    one = per_sentence(text, rng, vocab)
    first_copy = _derive(c, one, 1, 1)
    second = _derive(c, per_sentence(one, rng, vocab), 2, 2)
    c.gold |= {(first_copy, seed.id), (second, first_copy)}
    cases.append(c)
    return cases
