"""The event candidate a trigger opens, filled in by the argument and modality steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Actor


@dataclass
class _Cand:
    type: str
    kind: str
    head: object  # the token whose clause carries the event (verb, adjective or noun)
    words: list  # trigger tokens
    sources: list = field(default_factory=list)  # tokens
    targets: list = field(default_factory=list)
    source_actor: Actor | None = None  # pre-resolved (pronouns, "must" demands)
    target_actor: Actor | None = None
    mode: str = "asserted"
    negated: bool = False
    factor: float = 1.0
    chain: list = field(default_factory=list)  # transparent verbs between the head and the clause top
    inner: list = field(default_factory=list)  # complements it governs ("refused to MEET X"): targets only
    passive: bool = False
    addressed: bool = False  # the target is the one asked or ordered ("urged the province to"): kept uncoded
