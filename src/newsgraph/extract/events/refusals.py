"""Refusals: a cooperative act a party says it will not do is a rejection (PLOVER REJECT, CAMEO 12).

"Would not negotiate with terrorists", "will not accept the demands", "said they would never
surrender": the act is never done, so it is no news as itself, but the refusal is (CAMEO's "refuse to
negotiate", "reject demands", "refuse to yield"). Only a refusal of the future counts: "did not meet
the opposition leader on Monday" tells what did not happen, and a hostile act ruled out ("will not send
troops") is a stand-down, not a rejection of anyone.
"""

from __future__ import annotations

from .candidate import _Cand

_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})


def refusal(cand: _Cand) -> None:
    """Make ``cand`` the REJECT it is when it is a cooperative act its doer says it will not do."""
    if cand.negated and cand.mode == "future" and cand.type in _COOPERATIVE and cand.kind != "must":
        cand.type, cand.mode, cand.negated = "REJECT", "asserted", False
