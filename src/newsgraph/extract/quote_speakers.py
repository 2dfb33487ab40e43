"""Who is the speaker: from the cue verb's subject to a canonical entity.

The subject of a reporting verb may be a name ("Kerry"), a pronoun ("she"), a
role noun ("the secretary of state", "the Russian leader") or a plain noun
phrase ("a police spokesman"). :class:`SpeakerResolver` turns each into a
:class:`~newsgraph.model.Speaker`: the canonical entity when the article lets us
tell which one, the phrase itself when it names nobody in particular, and None
only when nothing is left to say.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from typing import Iterable, Sequence

from ..lexicons import load_rows
from ..model import Entity, Speaker, Span
from .actors import group_sectors
from .doc_memo import sentence_of, token_column
from .gazetteer import countries, country_code, title_role
from .linking import MentionIndex
from .quote_firms import firm_named_before
from .quote_issuers import DOCUMENT_NOUNS, describe, issuer_in_context, owner_token, role_titles
from .quote_subjects import _SUBJ, _main_clause, given_name, person_gender, phrase_span, subject_of, unnamed_person

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = {"they", "them", "we", "us"}
_SINGULAR_I = {"i", "me"}
_RELATIVE = {"who", "which", "that"}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s*$")
_LOOKBACK_SENTS = 8
_IT_LOOKBACK_SENTS = 3  # "it said" points at a body named just before, or at nobody


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return {r.name: r.gender for r in load_rows("first_names.tsv")}


@functools.lru_cache(maxsize=1)
def _epithets() -> frozenset[str]:
    return frozenset(r.role for r in load_rows("quote_epithets.tsv"))


class SpeakerResolver:
    """Resolves subjects of cue verbs to speakers for one article."""

    def __init__(self, doc, entities: Sequence[Entity], *, text: str, quoted: Sequence[Span] = ()) -> None:
        self.doc = doc
        self.text = text  # the article's text (Doc.text is rebuilt from every token on each access)
        self.index = MentionIndex(entities)
        self.entities = tuple(entities)
        self.quoted = sorted(quoted)
        self._quoted_merged: list[tuple[int, int]] = []
        for s, e in self.quoted:
            if self._quoted_merged and s <= self._quoted_merged[-1][1]:
                self._quoted_merged[-1] = (self._quoted_merged[-1][0], max(e, self._quoted_merged[-1][1]))
            else:
                self._quoted_merged.append((s, e))
        self._quoted_starts = [s for s, _ in self._quoted_merged]
        self.speakers: list[tuple[int, Entity]] = []  # (position, entity) of resolved speakers
        self._canon = self._canonical_map()
        self.sents = list(doc.sents)
        self._sent_starts = [sent.start for sent in self.sents]
        self._sent_cost: list[float] | None = None
        self.timeline: list[tuple[int, Speaker, str | None, float]] = []
        self._cue_like = lambda tok: False  # the cue test, given by prime()

    # ------------------------------------------------------------------ canonical names

    def _canonical_map(self) -> dict[str, Entity]:
        """Short person entities ("Kerry") mapped to the fuller one ("John Kerry") when unique.

        The entities stage normally merges these; this keeps the speaker's full
        name when it did not.
        """
        persons = [e for e in self.entities if e.type == "PERSON"]
        out: dict[str, Entity] = {}
        for e in self.entities:
            words = e.name.split()
            if len(words) != 1 or e.type not in ("PERSON", "ORG", "GPE", "NORP", "OTHER"):
                continue
            longer = [p for p in persons if p.id != e.id and len(p.name.split()) > 1
                      and p.name.split()[-1].lower() == words[0].lower()]
            names = {p.name for p in longer}
            if len(names) == 1:
                out[e.id] = max(longer, key=lambda p: len(p.mentions))
        return out

    def canonical(self, entity: Entity) -> Entity:
        """The entity a speaker is reported under (its fuller person entity when split)."""
        return self._canon.get(entity.id, entity)

    def speaker(self, entity: Entity, *, state: bool = True) -> Speaker:
        """The speaker an entity gives: a state speaks through its government ("Belgian government").

        ``state`` False keeps the country's name (its people: "the Americans said").
        """
        ent = self.canonical(entity)
        if state and ent.type == "GPE" and ent.country:
            info = countries().get(ent.country)
            if info is not None and info.name == ent.name and info.demonyms:
                return Speaker(name=f"{info.demonyms[0]} government", entity=ent.id)
        return Speaker(name=ent.name, entity=ent.id)

    def remember(self, pos: int, speaker: Speaker | None) -> None:
        """Note a resolved speaker, which makes it the likeliest antecedent of a later "he"."""
        if speaker is not None and speaker.entity and speaker.entity in self.index.by_id:
            self.speakers.append((pos, self.index.by_id[speaker.entity]))

    # ------------------------------------------------------------------ resolution

    def resolve(self, head, depth: int = 0) -> tuple[Speaker | None, Span | None]:
        """The speaker named by the subject token ``head``, and the span that named it."""
        low = head.lower_
        if low in _RELATIVE and head.head.dep_ == "relcl" and head.head.head is not head.head:
            # "Stevie Wonder, who joked ..." -> the noun the relative clause hangs on
            return self.resolve(head.head.head)
        if head.pos_ == "PRON" or low in _MALE | _FEMALE | _PLURAL | _SINGULAR_I:
            span = (head.idx, head.idx + len(head))
            if low == "it":
                return self.body(head), span  # "it said": a body named just before
            if low not in _MALE | _FEMALE | _PLURAL:
                return None, span  # "I", "you", "this": nobody we can name
            return self.pronoun(head), span
        if head.pos_ == "NOUN" and (named := given_name(self.text, head)) is not None:
            # "One trader, who gave his name only as Kofi, said": the name given is the speaker
            ent = self.index.at(*named)
            return (self.speaker(ent) if ent is not None and ent.type == "PERSON"
                    else Speaker(name=self.text[named[0]:named[1]], entity=None)), named
        if head.pos_ == "NOUN" or self._title_head(head):
            # "One economist, Mara Lind, said": the apposed name is the speaker; so it is after a
            # capitalised title ("the Prime Minister, Ana Ruiz, said"), when the name is a person's
            for child in head.children:
                if (child.dep_ == "appos" and child.pos_ == "PROPN" and (app := self._entity_at(child)) is not None
                        and (head.pos_ == "NOUN" or app.type == "PERSON")
                        and not self.is_quoted(child.idx)):  # not a name the quote itself holds
                    return self.resolve(child)
        span = phrase_span(head)
        ent = self._entity_at(head)
        if ent is None and head.pos_ == "PROPN":
            # the head fell outside a (too short) entity mention: "Maite Nkoana|-Mashabane"
            near = [e for _, e in self.index.mentions_between(*span) if e.type == "PERSON"]
            ent = near[-1] if near else None
        if ent is None and head.pos_ not in ("NOUN", "PROPN"):
            ent = self.named_person(head)  # a surname the tagger took for a verb ("Trump implored")
            if ent is not None:
                return self.speaker(ent), (head.idx, head.idx + len(head))
        if (ent is not None and ent.type in ("GPE", "NORP") and head.tag_ in ("NNPS", "NNS")
                and head.lower_ != ent.name.lower() and not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
            # "(many) Mexicans often say": people of a country, not the state "Mexico"
            # ("the Russians said" stays the country's side)
            return Speaker(name=self.text[span[0]:span[1]], entity=None), span
        if ent is not None:
            return self.speaker(ent, state=head.tag_ not in ("NNPS", "NNS")), span
        if head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or head.tag_.startswith("NN"):
            first = self.doc.char_span(*span, alignment_mode="expand")
            det = first[0].lower_ if first is not None and len(first) else ""
            possessive = (first is not None and len(first) and first[0].dep_ == "poss"
                          and first[0].pos_ == "PROPN")
            common = head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.is_lower  # "said the minister." tagged a name
            unnamed = self._unnamed_before(head) if common and det == "the" else None
            if unnamed is not None:
                return unnamed, span  # "An engineer said ... the engineer said"
            if common and det == "the" and (firm := firm_named_before(self, head)) is not None:
                return firm, span  # "Norvik Systems agreed ... the company said"
            if common and (det in ("the", "this", "that") or possessive) and self._is_role(head):
                found = self.role(head, span)
                if found is None and head.lemma_.lower() in _epithets() and head.tag_ == "NN":
                    found = self._epithet(head)
                if found is not None:
                    return found, span
            if head.lemma_.lower() in DOCUMENT_NOUNS and depth < 3:
                found = self._issuer(head, span, depth)
                if found is not None:
                    return found, span
            return Speaker(name=describe(self.text, head, span), entity=None), span
        return None, span

    def _issuer(self, head, span: Span, depth: int) -> Speaker | None:
        """The body a document speaks for ("a statement from the embassy", "police figures")."""
        owner = owner_token(head)
        if owner is not None:
            return self._joint(owner, depth + 1)
        # "according to United Nations calculations": a body named inside the phrase
        owners = [e for _, e in self.index.mentions_between(*span) if e.type in ("ORG", "GPE", "PERSON")]
        if owners:
            return self.speaker(owners[0])
        tok = issuer_in_context(head, in_quote=self.is_quoted, cue_like=self._cue_like, is_body=self._is_body)
        if tok is not None:
            return self._joint(tok, depth + 1)
        return None

    def _joint(self, tok, depth: int) -> Speaker | None:
        """The speaker of ``tok`` and of the names joined to it: a joint statement speaks for both
        ("a statement from Acme and Bolt" -> "Acme and Bolt")."""
        first = self.resolve(tok, depth)[0]
        others = [self.resolve(c, depth)[0] for c in tok.children if c.dep_ == "conj"]
        names = [sp.name for sp in [first, *others] if sp is not None]
        if first is None or len(names) < 2:
            return first
        return Speaker(name=" and ".join(dict.fromkeys(names)), entity=None)

    def _is_body(self, tok) -> bool:
        """Does this token name an organisation or a state of the article?"""
        ent = self._entity_at(tok)
        return ent is not None and ent.type in ("ORG", "GPE", "NORP")

    def _prominent(self, entity: Entity) -> bool:
        """Is this one of the article's two most mentioned people (who get epithets)?"""
        counts: dict[str, int] = {}
        for e in self.entities:
            if e.type == "PERSON":
                c = self.canonical(e).id
                counts[c] = counts.get(c, 0) + len(e.mentions)
        top = sorted(counts, key=lambda k: (-counts[k], k))[:2]
        return self.canonical(entity).id in top

    def named_person(self, tok) -> Entity | None:
        """The one person entity whose surname is this capitalised token, else None.

        The tagger sometimes reads a surname as a verb ("Trump implored"); the
        article's own person entities say what it is.
        """
        word = tok.text
        if not word[:1].isupper() or tok.i == sentence_of(tok).start or len(word) < 2:
            return None
        found = {self.canonical(e).id: self.canonical(e) for e in self.entities
                 if e.type == "PERSON" and e.name.split()[-1] == word}
        return next(iter(found.values())) if len(found) == 1 else None

    def _is_role(self, head) -> bool:
        """Is this noun a title a person holds ("minister", "leader"), as opposed to a group?"""
        lemma = head.lemma_.lower()
        if lemma in role_titles():
            return True
        if any(lemma in ti.lower().split() for e in self.entities for ti in e.titles):
            return True
        return title_role(lemma) is not None

    def _epithet(self, head) -> Speaker | None:
        """"Donald Trump ... The Republican nominee said": an epithet points back at one of the article's
        main people; "the opposition leader" is not the energy spokesman just named, and an office
        ("the mayor") is nobody the article gave no office."""
        found = self.pronoun(head)
        ent = self.index.by_id.get(found.entity) if found is not None and found.entity else None
        if ent is None or not self._prominent(ent):
            return None
        titles, lemma = self.canonical(ent).titles, head.lemma_.lower()
        if (titles or title_role(lemma)) and not any(lemma in t.lower() for t in titles):
            return None
        return found

    def _title_head(self, head) -> bool:
        """Whether ``head`` is a capitalised title after "the" ("the Home Secretary"), not a person's name."""
        if head.pos_ != "PROPN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return False
        ent = self._entity_at(head)
        return ent is None or ent.type != "PERSON"

    def _entity_at(self, head) -> Entity | None:
        return self.index.at(head.idx, head.idx + len(head))

    def gender(self, entity: Entity) -> str | None:
        """"m", "f" or None, from the first name or an honorific before a mention."""
        ent = self.canonical(entity)
        names = _first_names()
        for cand in (ent, entity):
            words = cand.name.replace(".", " ").split()
            for word in words[:-1] if len(words) > 1 else words:
                g = names.get(word.lower())
                if g:
                    return g
        for m in entity.mentions + (ent.mentions if ent is not entity else ()):
            hit = _HONORIFIC.search(self.text[max(0, m[0] - 8):m[0]])
            if hit:
                return "f" if hit.group(1) in ("Mrs", "Ms", "Miss", "Dame", "Lady") else "m"
        return None

    def looks_personal(self, entity: Entity) -> bool:
        """A mistyped person ("Helen Park" as a place): a known given name leads a longer name."""
        words = entity.name.split()
        return len(words) > 1 and words[0].lower() in _first_names()

    def is_quoted(self, pos: int) -> bool:
        # asked for every token (sentence costs, pronoun windows): bisect the merged quoted stretches
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self._quoted_merged[i][1]

    def prime(self, is_cue, in_quote, *, tokens: Iterable | None = None) -> None:
        """Walk the cue verbs in text order, noting who speaks where (a small coreference chain).

        Named subjects of reporting verbs ("Fowler noted ...") become the likeliest antecedents of later
        pronouns; pronoun subjects are resolved in order and carry the chain on ("he argued" -> Fowler
        again). ``tokens``: those to walk when not all (every cue verb and "he"/"she" subject, in order).
        """
        self.timeline = []
        self._cue_like = is_cue
        for tok in self.doc if tokens is None else tokens:
            if in_quote(tok.idx):
                continue
            if tok.dep_ == "nsubj" and tok.lower_ in ("he", "she") and not is_cue(tok.head):
                # any "he"/"she" subject carries the chain on, more weakly than a speaker
                sp = self.pronoun(tok)
                if sp is not None:
                    self.timeline.append((tok.idx, sp, "m" if tok.lower_ == "he" else "f", 6.0))
                continue
            if not is_cue(tok):
                continue
            subj = subject_of(tok, skip=in_quote)
            if subj is None:
                continue
            low = subj.lower_
            if low in _MALE | _FEMALE:
                sp = self.pronoun(subj)
                if sp is not None:
                    self.timeline.append((subj.idx, sp, "m" if low in _MALE else "f", 12.0))
            elif subj.tag_ in ("NNS", "NNPS") or (subj.pos_ == "PROPN" and self._entity_at(subj) is not None
                                                  and self._entity_at(subj).type in ("ORG", "NORP", "GPE")):
                # plural or collective speakers ("critics", "the council") for a later "they"
                sp, _span = self.resolve(subj)
                if sp is not None:
                    self.timeline.append((subj.idx, sp, "p", 9.0))
                    if subj.tag_ == "NNP":
                        self.timeline.append((subj.idx, sp, "n", 9.0))  # "the Kremlin said" for "it"
                ent = self._entity_at(subj) if subj.pos_ == "PROPN" else None
                if sp is not None and ent is not None and self._surname_like(ent):
                    self.timeline.append((subj.idx, sp, None, 9.0))
            elif subj.pos_ == "NOUN" and self._is_role(subj):
                # "The opposition leader said ...": a person, if unnamed, for a later he/she
                sp, _span = self.resolve(subj)
                if sp is not None:
                    ent = self.index.by_id.get(sp.entity) if sp.entity else None
                    self.timeline.append((subj.idx, sp, self.gender(ent) if ent else None, 9.0))
            elif unnamed_person(subj):  # "a woman who sells fabric said": a later "she said" means her
                sp, _span = self.resolve(subj)
                if sp is not None:
                    self.timeline.append((subj.idx, sp, person_gender(subj), 12.0))
            elif low == "they":
                sp = self.pronoun(subj)
                if sp is not None:
                    self.timeline.append((subj.idx, sp, "p", 9.0))
            elif subj.pos_ == "NOUN" and subj.tag_ == "NN" or low == "it":
                # "the company said", "the report said": a body or a document, for a later "it"
                sp, _span = self.resolve(subj)
                if sp is not None:
                    self.timeline.append((subj.idx, sp, "n", 9.0))
            elif subj.pos_ == "PROPN":
                sp, _span = self.resolve(subj)
                if sp is not None:
                    ent = self.index.by_id.get(sp.entity) if sp.entity else None
                    if ent is not None and ent.type != "PERSON" and not self.looks_personal(ent) \
                            and not self._surname_like(ent):
                        continue
                    gender = self.gender(ent) if ent is not None else self._gender_of_name(sp.name)
                    self.timeline.append((subj.idx, sp, gender, 12.0))

    def _surname_like(self, entity: Entity) -> bool:
        """A one-word name mistyped as an organisation ("Wines believes ...")."""
        name = entity.name
        return (entity.type in ("ORG", "OTHER") and len(name.split()) == 1 and not name.isupper()
                and country_code(name) is None)

    def _gender_of_name(self, name: str) -> str | None:
        words = name.replace(".", " ").split()
        for word in words[:-1]:
            g = _first_names().get(word.lower())
            if g:
                return g
        return None

    def distance(self, a: int, b: int) -> float:
        """Sentences between sentence ``a`` and ``b``; sentences inside quotes count a third.

        A long quote does not make its speaker less likely to be "he" right after it.
        """
        if self._sent_cost is None:
            costs, starts = [0.0], token_column(self.doc, "idx")
            for sent in self.sents:
                quoted = sum(1 for i in range(sent.start, sent.end) if self.is_quoted(starts[i]))
                costs.append(costs[-1] + (1 / 3 if quoted > 0.6 * len(sent) else 1.0))
            self._sent_cost = costs
        return self._sent_cost[b] - self._sent_cost[a]

    def sent_index(self, i: int) -> int:
        return bisect_right(self._sent_starts, i) - 1

    def pronoun(self, tok) -> Speaker | None:
        """The antecedent of a subject pronoun: the likeliest compatible person before it.

        Candidates are person mentions outside quotes in the current and previous
        sentences, and the speakers noted by :meth:`prime`; a recent speaker or
        sentence subject beats a mere mention, and "he"/"she" skip people whose
        given name or honorific says otherwise.
        """
        low = tok.lower_
        plural = low in _PLURAL
        want = "m" if low in _MALE else "f" if low in _FEMALE else None
        types = ("ORG", "GPE", "NORP") if plural else ("PERSON",)
        sents = self.sents
        sent_i = self.sent_index(tok.i)
        lo_sent = max(0, sent_i - _LOOKBACK_SENTS + 1)
        window_start = sents[lo_sent].start_char
        cands: list[tuple[float, int, Speaker]] = []
        for (s, e), ent in self.index.mentions_between(window_start, tok.idx):
            if ent.type not in types and not (not plural and self.looks_personal(ent)):
                continue
            if want and self.gender(ent) not in (None, want):
                continue
            if self.is_quoted(s):
                continue  # people named inside quotes are rarely the next speaker
            head = self.head_token(s, e)
            back = self.distance(self.sent_index(head.i if head is not None else tok.i), sent_i)
            score = back * 10.0
            if head is not None and head.dep_ in _SUBJ:
                # a main-clause subject is the topic; one inside "he argued that Ryan should"
                # is less likely to be the next "he"
                score -= 5 if _main_clause(head.head) else 2
            elif head is not None and head.dep_ in ("compound", "poss", "amod", "nmod"):
                score += 3  # "the Clinton campaign": a modifier, hardly the antecedent
            if any(abs(p - s) < 400 and self.canonical(x).id == self.canonical(ent).id
                   for p, x in self.speakers[-3:]):
                score -= 4
            if head is not None and want and self._brought_in(head, sent_i, want):
                score = back * 10.0 - 13  # "Sofia Berg disagreed. "...," she said": the one just brought in
            cands.append((score, s, self.speaker(ent)))
        if plural:
            # a group is named by the subject of a reporting verb, not by any mention
            cands = []
        for pos, sp, gender, weight in self.timeline:
            if pos >= tok.idx or pos < window_start or plural != (gender == "p"):
                continue
            if want and gender not in (None, want):
                continue
            cands.append((self.back_from(pos, sent_i) * 10.0 - weight, pos, sp))
        if not cands:
            return None
        best = min(cands, key=lambda c: (c[0], -c[1]))
        return best[2]

    def _brought_in(self, head, sent_i: int, want: str) -> bool:
        """Is ``head`` a person the sentence right before a quote brings in, who then speaks it?

        '"The ice is going," said Maria Lind. Sofia Berg disagreed. "It is too early," she said.': the
        active main-clause subject of the plain sentence just before a sentence opening with a quote
        is who "she" means, not the earlier speaker. Not so when that sentence says the person did not
        act ("was not available"), was acted on ("was injured"), holds a quote itself, or when the quote
        speaks of a "she" (then Berg is who the earlier speaker talks about).
        """
        if head.dep_ == "appos":
            head = head.head  # "Her colleague Sofia Berg was less certain"
        if head.dep_ != "nsubj" or not _main_clause(head.head) or self.sent_index(head.i) != sent_i - 1:
            return False
        if any(c.dep_ == "neg" for c in head.head.children):
            return False
        before, sent = self.sents[sent_i - 1], self.sents[sent_i]
        if any(self.is_quoted(t.idx) for t in before) or not self.is_quoted(sent[0].idx + len(sent[0])):
            return False
        pronouns = _MALE if want == "m" else _FEMALE
        return not any(t.lower_ in pronouns and self.is_quoted(t.idx) for t in sent)

    def body(self, tok) -> Speaker | None:
        """The antecedent of "it" as a speaker: a body or document that spoke, or was the
        subject, in the last few sentences ("The company said it would appeal. '...,' it said").

        A person is never "it"; with no such body near, "it" names nobody.
        """
        sent_i = self.sent_index(tok.i)
        window_start = self.sents[max(0, sent_i - _IT_LOOKBACK_SENTS + 1)].start_char
        cands: list[tuple[float, int, Speaker]] = []
        for (s, e), ent in self.index.mentions_between(window_start, tok.idx):
            head = self.head_token(s, e)
            if (ent.type in ("ORG", "GPE") and head is not None and head.dep_ in _SUBJ
                    and _main_clause(head.head) and not self.is_quoted(s) and not self.looks_personal(ent)):
                back = self.distance(self.sent_index(head.i), sent_i)
                cands.append((back * 10.0 - 5, s, self.speaker(ent)))
        for sent in self.sents[max(0, sent_i - _IT_LOOKBACK_SENTS + 1):sent_i + 1]:
            # "The central bank raised rates ...": a body named by a group noun, as the subject (also
            for head in sent:  # a lower-case one the tagger took for a name: "Belarus's foreign ministry")
                if (head.i < tok.i and head.dep_ in _SUBJ and (head.tag_ == "NN" or head.tag_ == "NNP" and head.is_lower)
                        and _main_clause(head.head) and head.lemma_.lower() in group_sectors()
                        and not self._is_role(head) and not self.is_quoted(head.idx)):
                    sp, _span = self.resolve(head)
                    if sp is not None:
                        back = self.distance(self.sent_index(head.i), sent_i)
                        cands.append((back * 10.0 - 5, head.idx, sp))
        for pos, sp, gender, weight in self.timeline:
            if gender == "n" and window_start <= pos < tok.idx:
                cands.append((self.back_from(pos, sent_i) * 10.0 - weight, pos, sp))
        if not cands:
            return None
        return min(cands, key=lambda c: (c[0], -c[1]))[2]

    def back_from(self, pos: int, sent_i: int) -> float:
        """Sentences from the one holding character ``pos`` to sentence ``sent_i``."""
        return self.distance(self.sent_index(self.doc.char_span(pos, pos + 1, alignment_mode="expand")[0].i), sent_i)

    def head_token(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _unnamed_before(self, head) -> Speaker | None:
        """The unnamed speaker an earlier cue gave the same noun, when no person holding it came between:
        in "A senior official said ... 'It will take weeks,' the official said" the definite noun points
        back at the nameless speaker, not at a minister named later on."""
        lemma = head.lemma_.lower()
        for pos, sp, _gender, _weight in reversed(self.timeline):
            if pos >= head.idx or sp.entity is not None:
                continue
            earlier = self.head_token(pos, pos + 1)  # the timeline keeps each speaker's subject token
            if earlier is None or earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
                continue
            between = [e for _, e in self.index.mentions_between(pos, head.idx) if e.type == "PERSON"]
            if any(lemma in ti.lower() for e in between for ti in self.canonical(e).titles):
                return None
            return sp
        return None

    def role(self, head, span: Span) -> Speaker | None:
        """The person holding the title a role noun names ("the secretary of state" -> Kerry)."""
        words = [t for t in self.doc.char_span(*span, alignment_mode="expand")
                 if t.dep_ not in ("det", "poss", "punct")]
        # the role: head lemma, with a following "of <noun>" and preceding office words
        role = head.lemma_.lower()
        right = [t.lower_ for t in words if t.i > head.i]
        left_words = [t for t in words if t.i < head.i]
        qualifiers = [t for t in left_words if t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN"]
        office = [t.lower_ for t in left_words if t not in qualifiers and t.pos_ in ("NOUN", "ADJ")]
        roles = role_titles()
        keys = []
        if right and right[0] == "of":
            keys.append(" ".join([role] + right))
        if office:
            keys.append(" ".join(office + [role]))
        keys.append(role)
        titles: tuple[str, ...] = ()
        for key in keys:
            if key in roles:
                titles = roles[key]
                break
        if not titles:
            titles = (role,)
        country_words = [t.lower_ for t in qualifiers]
        # 1. an entity carrying the title (entities stage) or a role mention of it
        for ent in reversed(self.entities):
            if ent.type == "PERSON" and any(t in ti.lower() for ti in ent.titles for t in titles):
                if office and keys[0] not in roles and not all(
                        w in " ".join(ent.titles).lower() for w in office):
                    continue
                if not country_words or any(c in " ".join(ent.titles).lower() or
                                            (ent.country or "").lower() in c for c in country_words):
                    return self.speaker(ent)
        # 2. the text around a person's earlier mention names the title
        before = [(m, e) for m, e in self.index.mentions_between(0, head.idx) if e.type == "PERSON"]
        for (s, e), ent in reversed(before):
            window = self.text[max(0, s - 70):s].lower()
            window = re.split(r"[.!?\n]\s", window)[-1]
            after = self.text[e:e + 60].lower()
            after = after.split(".")[0] if after.startswith(",") else ""
            ctx = window + " " + after
            if any(re.search(rf"\b{re.escape(t)}\b", ctx) for t in titles):
                if country_words and not any(c.rstrip("s") in ctx or c[:4] in ctx
                                             for c in country_words):
                    continue
                if office and keys[0] not in roles and not all(w in ctx for w in office):
                    continue  # "the opposition leader" is not the prime minister
                return self.speaker(ent)
        return None
