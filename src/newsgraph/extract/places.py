"""Places: the article's toponyms, each resolved offline to a gazetteer record with coordinates.

Toponyms come from three sources, in this order of trust:
1. the entities stage's GPE and LOC mentions (spaCy's entities after the team's fixes: country
   aliases folded, titles removed); demonyms ("Russian") are not places and are left out;
2. spaCy's FAC entities (airports, bridges, squares): kept, resolved when the gazetteer knows them;
3. gazetteer names the NER missed: a capitalised proper-noun run that the gazetteer knows and that
   the text marks as a place, by a locative preposition before it ("in Dolakha") or a division or
   country after it ("Kelleyland, Louisiana").
Resolution (``place_resolve``) uses the whole article: other places, dateline, entity countries.
Metonyms ("Moscow said") stay places with coordinates; events decide they also act as actors.
"""

from __future__ import annotations

import logging
import re

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import PROPN

from ..model import Article, Found, Place
from . import gazetteer
from .actors import sector_of_noun
from .doc_memo import entity_spans
from .place_index import place_index
from .place_names import candidates_for
from .place_resolve import Mention, dateline_span, resolve

log = logging.getLogger(__name__)

_PLACE_TYPES = frozenset({"GPE", "LOC"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "to", "across", "into", "around", "of",
                       "toward", "towards", "through", "throughout", "inside", "between", "via", "off"})
_STRONG = frozenset({"in", "near", "at", "outside", "across", "throughout", "inside", "into", "around", "off"})
PLACE_NOUNS = frozenset({"district", "province", "county", "region", "city", "town", "village", "state",
                          "governorate", "parish", "area", "camp", "valley", "island", "islands", "prefecture"})
_MAX_RUN = 4
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# verbs whose object is a place when it names one ("visited Kunduz", "retook Palmyra")
_PLACE_VERBS = frozenset({"visit", "reach", "enter", "capture", "seize", "retake", "recapture", "besiege", "shell",
                          "bomb", "storm", "evacuate", "leave", "tour", "overrun", "liberate", "encircle"})
# "south of X", "the outskirts of X": the phrase says where something lies
_DIRECTIONS_OF = frozenset("""north south east west northeast northwest southeast southwest north-east north-west
south-east south-west northwards southwards outskirts suburbs coast coasts shores""".split())
# "troops were deployed to Goma", "fled to Bukavu": where a move ends is a place
_MOTION_VERBS = frozenset({"deploy", "send", "move", "flee", "travel", "fly", "return", "head", "march", "advance",
                           "evacuate", "relocate", "transfer", "airlift", "redeploy", "retreat", "escape"})
# "strikes on Kharkiv", "the assault on Mosul": what is attacked on a name is a place there
_ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "assault", "offensive", "bombardment",
                           "advance", "march"})
# "fired on Qamishli", "advanced on the capital": what these verbs act on through "on" is a place
_ON_PLACE_VERBS = frozenset({"fire", "advance", "close", "converge", "march", "descend", "open"})
_TRAILING_NOUNS = ("province", "district", "region", "governorate", "state", "prefecture", "oblast")
# a word after a name that makes it a town's: its local body or its people ("Amarillo police said", "a Bemidji
# man", "Leeds residents"); not "family" or "couple", which follow surnames ("the Jackson family"), nor "voters",
# which follow candidates ("Warren voters"); never after a person's surname the article gives in full
_LOCAL_AFTER = frozenset("""police sheriff sheriff's mayor council residents resident man woman men women native
natives teen teenager homeowners firefighters firefighter detectives selectman selectmen""".split())
# words of a public body's or a town's event's name: such a name belongs to the place it opens with ("the Leeds
# Police Service", "the Amarillo City Council", "Ohio Public Utilities Commission", "the Venice Film Festival")
_BODY_WORDS = frozenset("""police sheriff sheriff's constabulary fire council commission commissioners board
department court schools mayor governor legislature senate coroner prosecutor transit authority festival
marathon zoo library township selectman selectmen service""".split())
_BODY_TOWN = 10_000  # a smaller town opens a body's name only when the article names it elsewhere too
_BODY_CITY = 100_000  # a one-word name smaller than this must be tagged a place or named elsewhere too
# words that may stand between the place and the body word ("the Amarillo City Public Schools")
_BODY_LINKS = frozenset("""city county parish state public metropolitan municipal regional town village area
district film parks and & recreation service services""".split())


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


def _marked_as_place(doc, span: tuple[int, int]) -> bool:
    """True when the words around a span say it is a place: "killed in Aleppo", "Dolakha district",
    "in Dolakha and Sindhupalchowk" (a conjunct of such a place), never "in Obama's speech"."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return False
    after = doc[sp.end] if sp.end < len(doc) else None
    if after is not None and after.lower_ in ("'s", "\u2019s"):
        return False
    if after is not None and after.lemma_.lower() in PLACE_NOUNS:
        return True
    if after is not None and after.lower_ in _LOCAL_AFTER and sp[0].text[:1].isupper() \
            and not _surname(doc, sp[-1]):
        return True  # "Amarillo police said", "a Bemidji man"
    tok = sp.root
    for _ in range(4):
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ in ("compound", "nmod") and tok.head.i != tok.i and tok.head.lemma_.lower() in PLACE_NOUNS:
            return True
        break
    if tok.dep_ == "pobj" and tok.head.lower_ in _STRONG:
        return True
    listed = tok.i == sp.root.i or (sp.start > 0 and doc[sp.start - 1].lower_ in ("and", "or", ",", "&"))
    if tok.dep_ == "pobj" and listed and _place_phrase(tok.head):  # not "moved to X and Mrs Y took a post"
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _PLACE_VERBS:
        return True
    before = doc[sp.start - 1] if sp.start > 0 else None
    return before is not None and before.lower_ in _STRONG


def _surname(doc, tok) -> bool:
    """True when a word the NER tags a person is the last name of a person the article names in full
    ("Hillary Clinton ... Clinton voters"): a local word after it speaks of the person's people."""
    return tok.ent_type_ == "PERSON" and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text and e[-1].i != tok.i
        for e in entity_spans(doc))


def _place_phrase(prep) -> bool:
    """True when a preposition's phrase can only hold a place: "the southern city of Arequipa", "south of
    Marrakech", "from Tehran to Mashhad", "drone attacks on Odesa"."""
    head = prep.head
    word = prep.lower_
    if word == "of":  # "a Ford driven by Ann Lee of Nelson", "Amstutz, 41, of Wooster": where a person lives
        person = head.ent_type_ == "PERSON" or head.like_num and head.head.ent_type_ == "PERSON"
        return head.lemma_.lower() in PLACE_NOUNS or head.lower_ in _DIRECTIONS_OF or person and _home(prep)
    if word == "to" and head.lemma_.lower() in _MOTION_VERBS:
        return True
    if word in ("to", "from"):  # one end of a "from X to Y" stretch names a place when the other does
        other = "from" if word == "to" else "to"
        return head.i != prep.i and any(ch.lower_ == other and ch.dep_ == "prep" for ch in head.children)
    if word == "on":
        return head.lemma_.lower() in (_ON_PLACE_VERBS if head.pos_ == "VERB" else _ATTACK_NOUNS)
    return False


def _home(prep) -> bool:
    """True when what follows a person's "of" is a place, tagged so or known to the gazetteer ("Ann Lee of
    Nelson"), not the body the person leads ("Tim Cook of Apple", "the chief of Hamas")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    name = " ".join(t.text for t in obj.subtree if t.i <= obj.i and t.pos_ == "PROPN") or obj.text
    return obj.ent_type_ in _PLACE_TYPES or place_index().known(name) or place_index().known(obj.text)


def _trim_noun(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """"Hajjah province" -> "Hajjah": the place is the name, the noun says what kind it is."""
    words = text[span[0]:span[1]].rsplit(" ", 1)
    if len(words) == 2 and words[1].lower() in _TRAILING_NOUNS and words[0][:1].isupper():
        return span[0], span[0] + len(words[0])
    return span


def _division_as_group(text: str, span: tuple[int, int], index) -> tuple[int, int] | None:
    """The span of a division's name the NER took for a group ("Kano State", "Sindh Province"): the
    name before the noun must be a state, province or county the gazetteer knows. "X State" only after
    "of" or "in" ("the governor of Kano State"): "Ohio State" alone is mostly a university's team."""
    trimmed = _trim_noun(text, span)
    if trimmed == span:
        return None
    noun = text[trimmed[1]:span[1]].strip().lower()
    if noun == "state" and not re.search(r"\b(?:of|in)\s+$", text[max(0, span[0] - 4):span[0]]):
        return None
    name = text[trimmed[0]:trimmed[1]]
    return trimmed if any(c.feature in ("A.ADM1", "A.ADM2") for c in index.candidates(name)) else None


def _from_entities(doc, text: str, found: Found,
                   line: tuple[int, int] | None) -> tuple[list[Mention], list[tuple[int, int]]]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    index = place_index()
    for ent in found.entities:
        for sp in ent.mentions:
            taken.append(tuple(sp))
            surface = text[sp[0]:sp[1]]
            division = _division_as_group(text, tuple(sp), index) if ent.type == "ORG" else None
            if division is not None:  # "the governor of Kano State": a state, not a body
                mentions.append(Mention(name=text[division[0]:division[1]], span=division))
                continue
            body = (_place_of_body(text, tuple(sp), index, person=ent.type == "PERSON", doc=doc) or _place_after_of(
                text, tuple(sp), index) if ent.type in ("ORG", "OTHER", "PERSON") else None)
            if body is not None:  # "the Leeds Police Service": a body of Leeds, a place the article names
                mentions.append(body)
                continue
            if ent.type not in _PLACE_TYPES and " and " in surface:
                mentions += _listed_places(doc, text, tuple(sp), index)
                continue
            if ent.type not in _PLACE_TYPES:
                # the small model calls some unfamiliar places persons or groups ("in Dolakha", "in Aleppo");
                # a one-word group name after "in" may be a town the gazetteer spells otherwise ("in Douma")
                if ent.type in ("PERSON", "NORP", "ORG", "OTHER") and len(surface.split()) <= 3 \
                        and (index.known(surface) or (ent.type != "PERSON" and len(surface.split()) == 1)) \
                        and (tuple(sp) == line or _marked_as_place(doc, tuple(sp))):
                    mentions.append(Mention(name=surface, span=(sp[0], sp[1])))
                continue
            sp = _trim_noun(text, tuple(sp))
            surface = text[sp[0]:sp[1]]
            if not surface.strip() or gazetteer.is_demonym(surface) or surface.islower():
                continue  # "in northern province" names no province: place names are capitalised
            if " " not in surface and sector_of_noun(surface.lower(), surface) and not index.known(surface):
                continue  # "LAGOS (AP) — Gunmen abducted": a capitalised word for a group, tagged as a place
            mentions.append(Mention(name=surface, span=(sp[0], sp[1])))
    return mentions, taken


def _place_of_body(text: str, span: tuple[int, int], index, person: bool = False, doc=None) -> Mention | None:
    """The place a public body's or a town's event's name opens with: "Leeds" of "the Leeds Police
    Service", "Marion County" of "the Marion County Sheriff's Office", "Ohio" of "the Ohio Public
    Utilities Commission", "Venice" of "the Venice Film Festival". The name must go on to a body word
    (``_BODY_WORDS``) right after the place or through linking words ("City Public Schools"); only a
    country's or state's agencies have other words between ("Ohio Liquor Control Commission").
    Never a people's word ("European Commission") or a name the gazetteer lacks ("Grace Memorial
    Hospital"), nor a village's name the article gives only there ("the Sundance Film Festival"). The NER
    takes an official's title for part of a name ("Dunmore Fire Chief Ana Pell" a person): there
    (``person``) the body word must follow the place. A one-word name must be a state, a country or a
    city (``_BODY_CITY``), tagged a place, or named again: "Justice" of "the Justice Department", "Federal"
    of "the Federal Reserve Board" are words of the body's name, not small towns called so."""
    words = [(span[0] + m.start(), span[0] + m.end()) for m in re.finditer(r"\S+", text[span[0]:span[1]])]
    if words and text[words[0][0]:words[0][1]].lower() == "the":
        words = words[1:]
    lowered = [text[a:b].lower().rstrip(",.").replace("\u2019", "'") for a, b in words]
    body = next((k for k, w in enumerate(lowered) if k and w in _BODY_WORDS), None)
    if body is None:
        return None
    for n in range(min(body, 3), 0, -1):
        if lowered[n - 1] in _BODY_LINKS - {"county", "parish"} or not all(
                text[a].isupper() for a, _ in words[:n]):
            continue
        name = text[words[0][0]:words[n - 1][1]]
        cands = _body_place(text, name, index)
        if cands is None:  # a people's word ("European Commission") or a village named only here
            return None
        if not cands:
            continue
        if n == 1 and not _one_word_place(doc, text, name, words[0][0], cands):
            return None
        between = lowered[n:body]
        if all(w in _BODY_LINKS or w in _BODY_WORDS for w in between) or not person and any(
                c.feature.startswith("A.") for c in cands):
            return Mention(name=name, span=(words[0][0], words[n - 1][1]))
        return None
    return None


def _one_word_place(doc, text: str, name: str, start: int, cands) -> bool:
    """True when a one-word name opening a body's name is a place: a state or country, a city, a word
    the NER tags a place, or a name the article gives elsewhere too."""
    if any(c.feature in ("A.ADM1", "A.PCLI") or c.population >= _BODY_CITY for c in cands):
        return True
    tok = doc.char_span(start, start + len(name), alignment_mode="expand") if doc is not None else None
    if tok is not None and tok.root.ent_type_ in _PLACE_TYPES:
        return True
    return len(re.findall(r"\b" + re.escape(name) + r"\b", text)) >= 2


def _body_place(text: str, name: str, index) -> list | None:
    """The towns, divisions and countries a body's name may be named after: None for a people's word or a
    village the article names nowhere else."""
    if gazetteer.is_demonym(name):
        return None
    cands = [c for c in index.candidates(name) if c.feature.startswith(("P.", "A."))]
    if cands and all(c.feature.startswith("P.") and c.population < _BODY_TOWN for c in cands) and text.count(name) < 2:
        return None  # "the Sundance Film Festival": a village's name the article gives nowhere else
    return cands


_OF_TAIL = re.compile(r"\bof\s+(?:the\s+)?(?:(?:Greater|Metropolitan|Central)\s+)?((?:[A-Z][\w.'\u2019-]*)(?:\s+[A-Z][\w.'\u2019-]*){0,2})$")


def _place_after_of(text: str, span: tuple[int, int], index) -> Mention | None:
    """The place an institution's name ends with after "of": "the University of Tulsa", "the Savings Bank of
    Ardmore", "the Food Pantry of Greater Dunmore" (the same conditions as ``_place_of_body``)."""
    m = _OF_TAIL.search(text, span[0], span[1])
    if not m or m.end() != span[1]:
        return None
    name = m.group(1).rstrip(".,")
    return Mention(name=name, span=(m.start(1), m.start(1) + len(name))) if _body_place(text, name, index) else None


def _listed_places(doc, text: str, span: tuple[int, int], index) -> list[Mention]:
    """The places of a pair the NER took for one group or person ("around Bakhmut and Avdiivka"): each
    side on its own, when the text marks the pair as a place and the gazetteer knows one side."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or not _marked_as_place(doc, span) or (sp.end < len(doc) and doc[sp.end].pos_ in ("NOUN", "PROPN")):
        return []  # "at Marks and Spencer headquarters": the pair names what the noun belongs to
    parts, run = [], []
    for tok in [*sp, None]:
        if tok is None or tok.lower_ in ("and", ","):
            if run:
                parts.append((run[0].idx, run[-1].idx + len(run[-1])))
            run = []
        else:
            run.append(tok)
    if len(parts) < 2 or not any(index.known(text[a:b]) for a, b in parts):
        return []
    return [Mention(name=text[a:b], span=(a, b)) for a, b in parts if len(text[a:b].split()) <= 3]


def _proper_runs(doc):
    """Maximal runs of capitalised proper nouns (at most ``_MAX_RUN`` tokens) as (start, end) token ids.

    The PROPN positions come from one array read (``Doc.to_array``), not a Python pass over every token."""
    if len(doc) == 0:
        return
    props = [int(i) for i in numpy.flatnonzero(doc.to_array([POS]) == PROPN)]
    props = [i for i in props if doc[i].text[:1].isupper()]
    k = 0
    while k < len(props):
        start = end = props[k]
        k += 1
        while k < len(props) and props[k] == end + 1 and end + 1 - start < _MAX_RUN:
            end = props[k]
            k += 1
        yield start, end + 1


_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?"
# "the Sylhet and Sunamganj districts", "Kano, Kaduna and Zamfara states": each name is a place of that kind
_LISTED_BEFORE_NOUN = re.compile(r"\b(" + _NAME + r"(?:\s*,\s*" + _NAME + r")*\s*,?\s+(?:and|or)\s+" + _NAME
                                 + r")\s+(districts|provinces|counties|states|regions|governorates|prefectures)\b")


def _listed_before_noun(doc, text: str, taken: list[tuple[int, int]],
                        places: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """Names the gazetteer knows, listed before a plural kind of place ("in the Sylhet and Sunamganj
    districts"), whatever the NER made of them (it often calls one a person and drops the other); not
    "Smith and Wesson states that ...", where the word is a verb. Before "districts", a name the gazetteer
    lacks too, when another name of the list is a place mention (``places``): a town's district."""
    index = None
    out = []
    for m in _LISTED_BEFORE_NOUN.finditer(text):
        noun = doc.char_span(m.start(2), m.end(2))
        if noun is None or noun[0].pos_ != "NOUN":
            continue
        parts = [(m.start(1) + p.start(), m.start(1) + p.end()) for p in re.finditer(_NAME, m.group(1))]
        districts = m.group(2) == "districts" and any(_overlaps(sp, list(places)) for sp in parts)
        for start, end in parts:
            lead = len("The ") if text.startswith("The ", start) else 0  # "The Sylhet and ..." opens a sentence
            name = text[start + lead:end]
            span = (start + lead, end)
            if _overlaps(span, list(places)) or _overlaps(span, taken) and not districts:
                continue  # before "districts" the NER's person or group reading loses
            index = index or place_index()
            if districts or any(c.feature.startswith(("A.", "P.")) for c in index.candidates(name)):
                out.append(Mention(name=name, span=span))
                taken.append(span)
    return out


# "Sen. Jo Carter, DFL-Bemidji, said", "Rep. Al Price (D-W. Va.)": the party and home of an American legislator
_PARTY_HOME = re.compile(r"(?:,\s*|\()(?:R|D|I|DFL)[-\u2013]((?:[A-Z][\w'\u2019]*\.?)(?:\s+[A-Z][\w'\u2019]*\.?){0,2})"
                         r"(?=\s*[,;)\u2014\u2013]|\s+-)")
# a legislator's title and name right before the party initial
_LEGISLATOR = re.compile(r"\b(?:Sens?\.|Reps?\.|Del\.|Assembly(?:wo)?man|Congress(?:wo)?man|Senator|Representative)\s+"
                         r"(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w'\u2019-]*\.?\s*$")


def _party_homes(doc, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """The home town or state written after a legislator's party initial ("R-Grand Forks", "D-Calif."), which
    the NER reads as part of a name ("DFL-Bemidji" a group) or not at all; only names the gazetteer knows and
    no other place mention holds, right after a legislator's title and name or a person the NER tags ("Senate
    Majority Leader Jo Carter, DFL-Bemidji"), not "the landings of June 6, D-Day, began"."""
    out = []
    for m in _PARTY_HOME.finditer(text):
        span = m.span(1)
        if _overlaps(span, taken):
            continue
        before = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand") if m.start() else None
        person = before is not None and before.start > 0 and doc[before.start - 1].ent_type_ == "PERSON"
        if not person and not _LEGISLATOR.search(text, max(0, m.start() - 80), m.start()):
            continue
        if candidates_for(m.group(1), place_index()):
            out.append(Mention(name=m.group(1), span=span))
            taken.append(span)
    return out


def _gazetteer_only(doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """Known place names the NER missed, when the text marks them as places (cheap cues first)."""
    index = None
    out = []
    for s, e in _proper_runs(doc):
        prev = doc[s - 1].lower_ if s > 0 else ""
        nxt = doc[e] if e < len(doc) else None
        after = doc[e + 1] if e + 1 < len(doc) else None
        comma_place = nxt is not None and nxt.text == "," and after is not None and after.text[:1].isupper()
        noun_after = nxt is not None and (nxt.lemma_.lower() in PLACE_NOUNS or nxt.lower_ in _LOCAL_AFTER
                                          and not _surname(doc, doc[e - 1]))
        conjunct = doc[e - 1].dep_ == "conj" and prev in ("and", "or", ",", "&")  # not "... and Mrs Ashford"
        if not (prev in _LOCATIVE or comma_place or noun_after or doc[e - 1].dep_ == "pobj" or conjunct):
            continue
        span = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        if _overlaps(span, taken):
            continue
        index = index or place_index()
        cues = prev in _LOCATIVE or noun_after or _marked_as_place(doc, span)
        if not cues and comma_place:
            cues = any(c.feature.startswith("A.") for c in index.candidates(after.text))
        if cues and index.known(doc[s:e].text):
            out.append(Mention(name=doc[s:e].text, span=span))
    return out


def extract(doc, article: Article, found: Found) -> list[Place]:
    """The article's places, in text order, each with its gazetteer record, the point of the place
    the text puts it in (``place_resolve._town_after``), or null coordinates."""
    text = article.text
    line = dateline_span(text)  # a place whatever the NER calls it: it often reads "HAMBURG" as a person
    mentions, taken = _from_entities(doc, text, found, line)
    taken += [tuple(d.span) for d in found.dates]  # "in March" is a month, not March in Cambridgeshire
    taken += [(e.start_char, e.end_char) for e in entity_spans(doc) if e.label_ in _NUMERIC_LABELS]
    for ent in entity_spans(doc):
        if ent.label_ == "FAC":
            span = (ent.start_char, ent.end_char)
            if not _overlaps(span, taken):
                mentions.append(Mention(name=ent.text, span=span))
                taken.append(span)
    if line is not None and not _overlaps(line, taken) and place_index().known(text[line[0]:line[1]]):
        mentions.append(Mention(name=text[line[0]:line[1]], span=line))  # "QUETTA, May 3 (APP):", no entity
        taken.append(line)
    mentions += _gazetteer_only(doc, taken)
    mentions += _listed_before_noun(doc, text, taken, tuple(m.span for m in mentions))
    mentions += _party_homes(doc, text, [m.span for m in mentions])
    mentions.sort(key=lambda m: m.span)
    # countries the article names outright (demonyms, country names), not the entities stage's
    # guess for a city's country, which would only echo the most populous namesake back
    context = [e.country for e in found.entities if e.country and (
        e.type == "NORP" or (e.type == "GPE" and gazetteer.country_code(e.name, demonyms=False) == e.country))]
    return resolve(text, mentions, context_countries=context)
