"""Person entities: full names and their short forms, titles, countries and role nouns.

A full name (two tokens or more) makes a person; a shorter form ending it
("Kerry") joins it; titles, country and role come from the words around each
mention ("Russian Foreign Minister Sergei Lavrov", "Lavrov, Russia's foreign
minister,"). Definite role nouns ("the secretary of state", "the PM") become
mentions of the one person in the article holding that title.
"""

from __future__ import annotations

import functools

from spacy.parts_of_speech import ADJ, NOUN, PROPN
from spacy.strings import get_string_id

from ..lexicons import load_rows
from . import gazetteer as gz
from .entity_lexicon import (_COMMA, _DETERMINERS, _MODIFIERS, _NAME_PARTICLES, _OF, _POSSESSIVE,
                             _STOPPING_POS, _Group, _Match, _Mention, _Tokens, _fold)

def _name_tokens(name: str) -> tuple[str, ...]:
    """Comparable tokens of a person name: folded, lowercased, particles dropped ("al-Assad" -> "assad")."""
    out = []
    for word in _fold(name).lower().replace(".", " ").split():
        parts = [p for p in word.split("-") if p]
        while len(parts) > 1 and parts[0] in _NAME_PARTICLES:
            parts = parts[1:]
        word = "-".join(parts)
        if word and word not in _NAME_PARTICLES:
            out.append(word)
    return tuple(out)


def _context_before(tv: _Tokens, s: int, by_end: dict[int, _Match]) -> tuple[list[gz.Title], str | None,
                                                                       str | None, int]:
    """Titles, country and role named just before a person's name; and where that context starts.

    Titles may stack ("Supreme Leader Ayatollah Ali Khamenei", "Lt. Gen."), take a
    qualifier before them ("Iran's", "Russian", "Pentagon"), and may be set off
    by a comma ("the president, Hassan Rouhani").
    """
    titles: list[gz.Title] = []
    country = role = None
    i = s
    start = s
    if i > 1 and tv.low[i - 1] == _COMMA:
        m = by_end.get(i - 1)
        if m is not None and m.kind == "title" and m.value.kind != "honorific":
            i -= 1  # "the president, Hassan Rouhani"
    while True:
        while i > 0 and tv.low[i - 1] in _MODIFIERS:
            i -= 1
        m = by_end.get(i)
        if m is None or m.kind != "title":
            break
        if m.value.kind != "honorific":
            titles.insert(0, m.value)
        i = m.start
        start = i
    if titles:
        while i > 0 and tv.low[i - 1] in _MODIFIERS:
            i -= 1
        j = i - 1 if i > 0 and tv.low[i - 1] in _POSSESSIVE else i
        q = by_end.get(j)
        if q is not None:
            country, role = _qualifier(q)
            if country or role:
                start = q.start
    return titles, country, role, start


def _qualifier(m: _Match) -> tuple[str | None, str | None]:
    """(country, role) from a qualifier before a title: "Russian", "U.S.", "Pentagon", "UN"."""
    if m.kind in ("country", "demonym"):
        return m.value, None
    if m.kind == "org":
        return m.value.country, m.value.role
    if m.kind == "metonym":
        return m.value.country, None if m.value.capital else m.value.sector
    return None, None


def _context_after(tv: _Tokens, e: int, by_start: dict[int, _Match]) -> tuple[list[gz.Title], str | None,
                                                                     str | None]:
    """An apposition after the name: ", the Russian foreign minister," / ", Russia's foreign minister"."""
    n = tv.n
    if e >= n or tv.low[e] != _COMMA:
        return [], None, None
    i = e + 1
    if i < n and tv.low[i] in _DETERMINERS:
        i += 1
    country = role = None
    q = by_start.get(i)
    if q is not None and q.kind != "title":
        country, role = _qualifier(q)
        i = q.end
        if i < n and tv.low[i] in _POSSESSIVE:
            i += 1
    while i < n and tv.low[i] in _MODIFIERS:
        i += 1
    m = by_start.get(i)
    if m is None or m.kind != "title" or m.value.kind == "honorific":
        return [], None, None
    i = m.end
    if i + 1 < n and tv.low[i] == _OF:
        j = i + 1 + (tv.low[i + 1] in _DETERMINERS)
        q = by_start.get(j)
        if q is not None and q.kind in ("country", "org", "metonym"):
            c2, r2 = _qualifier(q)
            country, role = country or c2, role or r2
            i = q.end
    if i < n and not (tv.punct[i] or tv.pos[i] in _STOPPING_POS):  # "..., the U.S. commander of"
        return [], None, None
    return [m.value], country, role


def _persons(tv: _Tokens, mentions: list[_Mention], by_end: dict[int, _Match],
             by_start: dict[int, _Match]) -> tuple[list[_Group], dict[int, int]]:
    """Person groups (full names first, short forms attached), and mention index -> group index."""
    groups: list[_Group] = []
    keys: list[tuple[str, ...]] = []
    owner: dict[int, int] = {}
    pending: list[tuple[int, str, tuple[str, ...]]] = []
    text = tv.text
    for idx, m in enumerate(mentions):
        if m.label != "PERSON":
            continue
        name = " ".join(text[tv.idx[m.start]:tv.idx[m.end - 1] + tv.length[m.end - 1]].split())
        toks = _name_tokens(name)
        if not toks:
            continue
        pending.append((idx, name, toks))
    # full names (two tokens or more) make groups; a longer form absorbs a shorter one
    for idx, name, toks in sorted(pending, key=lambda p: (-len(p[2]), mentions[p[0]].start)):
        if len(toks) < 2:
            continue
        found = None
        for g, key in enumerate(keys):
            if toks == key or (len(toks) < len(key) and _is_subname(toks, key)):
                found = g
                break
        if found is None:
            keys.append(toks)
            groups.append(_Group(name=name, type="PERSON"))
            found = len(groups) - 1
        owner[idx] = found
    # short forms: the one full name ending with them (nearest earlier mention when several)
    for idx, name, toks in pending:
        if idx in owner:
            continue
        cands = [g for g, key in enumerate(keys) if _is_subname(toks, key)]
        if not cands and len(toks) == 1 and not _described_after(tv, mentions[idx].end):
            # "Srettha said" after "Srettha Thavisin": where a report calls a person by the given name (Thai,
            # Icelandic and many other naming customs), it is the one full name that begins with it
            firsts = [g for g, key in enumerate(keys) if len(key) > 1 and key[0] == toks[0]]
            cands = firsts if len(firsts) == 1 else []
        if len(cands) > 1:
            here = mentions[idx].start
            before = [(max((mentions[i].start for i, o in owner.items() if o == g
                            and mentions[i].start < here), default=-1), g) for g in cands]
            best = max(before)
            cands = [best[1]] if best[0] >= 0 else cands[:1]
        if cands:
            owner[idx] = cands[0]
        else:
            keys.append(toks)
            groups.append(_Group(name=name, type="PERSON"))
            owner[idx] = len(groups) - 1
    # titles, country and role from the words around each mention
    for idx, g in owner.items():
        m = mentions[idx]
        group = groups[g]
        titles, country, role, ctx_start = _context_before(tv, m.start, by_end)
        t2, c2, r2 = _context_after(tv, m.end, by_start)
        found_titles = (*titles, *t2)
        if any(tv.low[j] in _PAST for j in range(max(0, ctx_start - 1), m.start)):
            group.past_titles.extend(t.title for t in titles)  # "former President X"
        for t in found_titles:
            if t.title not in group.titles:
                group.titles.append(t.title)
        if group.role is None:  # an office says more than a rank ("Supreme Leader Ayatollah")
            ranked = sorted((t for t in found_titles if t.role), key=lambda t: t.kind != "office")
            group.role = ranked[0].role if ranked else None
        group.country = group.country or country or c2
        if group.role is None:
            group.role = role or r2
    for group in groups:
        info = gz.person_info(group.name)
        if info is not None:
            group.name = info.name if _name_tokens(info.name) == _name_tokens(group.name) \
                or len(info.name) >= len(group.name) else group.name
            group.country = group.country or info.country
            group.role = group.role or info.role
    return groups, owner


def _described_after(tv: _Tokens, end: int) -> bool:
    """"said Maria, a nurse who ...": a given name introduced with a description of its own is someone new."""
    words = [tv.word(j).lower() for j in range(end, min(end + 2, len(tv.low)))]
    return words[:1] == [","] and words[1:2] in (["a"], ["an"], ["who"], ["whose"], ["the"])


def _is_subname(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``short`` names the same person as ``full``: a suffix of it ("kerry" in "john kerry")."""
    if not short or len(short) >= len(full):
        return short == full
    if full[-len(short):] == short:
        return True
    last = full[-1]
    return len(short) == 1 and "-" in last and short[0] in last.split("-")


def _untagged_surnames(tv: _Tokens, mentions: list[_Mention], persons: list[_Group]) -> None:
    """A capitalised proper noun equal to the surname of a person named in full in this article
    ("Ban urged restraint" after "Ban Ki-moon") is a mention of that person even when NER missed it."""
    by_hash: dict[int, int | None] = {}
    for g, p in enumerate(persons):
        words = p.name.split()
        if len(words) < 2:
            continue
        h = get_string_id(words[-1].lower())
        by_hash[h] = None if h in by_hash and by_hash[h] != g else g
    if not by_hash:
        return
    taken = set()
    for m in mentions:
        taken.update(range(m.start, m.end))
    for i, low in enumerate(tv.low):
        g = by_hash.get(low)
        if g is None or i in taken or tv.pos[i] != PROPN or not tv.title[i]:
            continue
        if i + 1 < tv.n and tv.title[i + 1] and tv.pos[i + 1] == PROPN:
            continue  # part of a longer name the model did not tag
        persons[g].mentions.append(tv.span(i, i + 1))


@functools.lru_cache(maxsize=1)
def role_titles() -> dict[str, frozenset[str]]:
    """Role noun -> the titles a person holding it carries ("leader" -> president, prime minister...).

    From ``quote_roles.tsv``; a title missing there stands for itself only.
    """
    out: dict[str, frozenset[str]] = {}
    for row in load_rows("quote_roles.tsv"):
        titles = {t.lower() for t in row.titles}
        out[row.role.lower()] = frozenset(titles | {row.role.lower()})
    return out


def _role_start(tv: _Tokens, matches: list[_Match], k: int) -> tuple[int, str | None] | None:
    """Where the definite noun phrase around the title ``matches[k]`` starts, and its country.

    "the secretary of state", "Russia's foreign minister", "the Russian foreign minister",
    "The Conservative prime minister", "the top US diplomat", "the company's chairman": a
    definite article or a possessive, then modifiers, a country or organisation qualifier
    and up to two capitalised words (a party, a body). None when the phrase is not definite
    ("a US defence official" describes somebody, it names nobody) or a plain office noun
    qualifies the title ("the opposition leader" is not the article's leader).
    """
    m = matches[k]
    i = m.start
    country = None
    caps = 0
    prev_k = k - 1
    while i > 0:
        low = tv.low[i - 1]
        prev = matches[prev_k] if prev_k >= 0 else None
        if low in _MODIFIERS:
            i -= 1
        elif prev is not None and prev.end == i and prev.kind in _QUALIFIER_KINDS:
            c, _ = _qualifier(prev)
            country = country or c
            i = prev.start
            prev_k -= 1
        elif low in _DETERMINERS:
            return i - 1, country
        elif low in _POSSESSIVE and i > 1:
            # "Russia's foreign minister", "the company's chairman", "Microsoft's chief"
            if prev is not None and prev.end == i - 1 and prev.kind in _QUALIFIER_KINDS:
                c, _ = _qualifier(prev)
                return prev.start, country or c
            j = i - 2
            if tv.pos[j] in (NOUN, PROPN):
                while j > 0 and tv.pos[j - 1] in (NOUN, PROPN, ADJ) and tv.low[j - 1] not in _DETERMINERS:
                    j -= 1
                if j > 0 and tv.low[j - 1] in _DETERMINERS:
                    return j - 1, country
                if tv.pos[i - 2] == PROPN:
                    return j, country
            return None
        elif tv.title[i - 1] and not tv.sent[i - 1] and tv.pos[i - 1] in (PROPN, ADJ) and caps < 2:
            caps += 1  # "The Conservative prime minister"
            i -= 1
        else:
            return None
    return None


_INDEFINITE = frozenset(get_string_id(w) for w in ("a", "an", "another", "one"))


def _introduced_unnamed(tv: _Tokens, matches: list[_Match], k: int) -> bool:
    """Did an indefinite phrase earlier give this title to somebody left unnamed ("A senior official")?"""
    title = matches[k].value.title
    for prev in matches[:k]:
        if prev.kind != "title" or prev.value.title != title:
            continue
        i = prev.start
        while i > 0 and (tv.low[i - 1] in _MODIFIERS or tv.pos[i - 1] in (ADJ, NOUN)):
            i -= 1  # "a senior government official"
        if i > 0 and tv.low[i - 1] in _INDEFINITE:
            return True
    return False


_QUALIFIER_KINDS = frozenset({"country", "demonym", "org", "metonym"})
# "the president of the country": an "of" phrase that names the state keeps the role the state's
_STATE_WORDS = frozenset(get_string_id(w) for w in ("country", "nation", "state", "republic", "kingdom",
                                                    "government", "island", "islands"))
_PAST = frozenset(get_string_id(w) for w in ("former", "ex", "late", "then"))


def _role_nouns(tv: _Tokens, matches: list[_Match], mentions: list[_Mention], persons: list[_Group]) -> None:
    """Add "the secretary of state" to the one person holding that title in the article.

    The holder named before the role noun wins; a role noun before any holder is named
    (a lead sentence: "the French president said ... President X") refers forward only
    to a holder whose title is current (not "former President X").
    """
    if not persons:
        return
    n = tv.n
    named_starts = {m.start for m in mentions if m.label == "PERSON"}
    roles = role_titles()
    for k, m in enumerate(matches):
        if m.kind != "title" or m.value.kind == "honorific":
            continue
        # a title directly before a name belongs to that name, not to a role noun
        j = m.end
        by_start = {x.start: x for x in matches[k + 1:k + 4]}
        while j < n and (tv.low[j] in _MODIFIERS or (j in by_start and by_start[j].kind == "title")):
            j = by_start[j].end if j in by_start else j + 1  # stacked: "Supreme Leader Ayatollah Ali"
        if j in named_starts or (j + 1 < n and tv.low[j] == _COMMA and j + 1 in named_starts):
            continue  # "the president, Hassan Rouhani": the name's own context
        found = _role_start(tv, matches, k)
        if found is None:
            continue
        start, country = found
        end = m.end
        if end + 1 < n and tv.low[end] == _OF:
            nxt = matches[k + 1] if k + 1 < len(matches) else None
            j = end + 1 + (tv.low[end + 1] in _DETERMINERS)
            if nxt is not None and nxt.start == j and nxt.kind in ("country", "org", "metonym"):
                c2, _ = _qualifier(nxt)
                country = country or c2
                end = nxt.end
            elif j < n and tv.low[j] not in _STATE_WORDS:
                continue  # "the leader of the gang", "the president of the club": another body's office
        here = tv.idx[start]
        accepted = roles.get(m.value.title, frozenset({m.value.title}))
        holders = [p for p in persons if any(t in accepted for t in p.titles)
                   and (country is None or p.country in (country, None)) and p.mentions]
        before = [p for p in holders if min(p.mentions)[0] < here]
        if not before and _introduced_unnamed(tv, matches, k):
            continue  # "A diplomat said ... the diplomat said": the nameless one, not a minister named later
        if not before:
            before = [p for p in holders if not any(t in accepted for t in p.past_titles)]
        if len(before) == 1:
            before[0].mentions.append((tv.idx[start], tv.idx[end - 1] + tv.length[end - 1]))
