"""Auxiliaries that mark a clause's modality, shared by events (mode) and dates (tense).

One list for each meaning, so that "will" and "could" read the same way whether
they decide an event's ``mode`` or the direction a bare weekday resolves in.
"""

from __future__ import annotations

# "will meet", "shall", "'ll", "won't" (tokenised "wo" + "n't"): the act lies ahead
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# "would", "'d": future in reported speech, hypothetical elsewhere
CONDITIONAL_AUX = frozenset({"would", "'d"})
# "may", "might", "could", "can" ("ca" + "n't"): a possibility, not a reported act
POSSIBILITY_AUX = frozenset({"may", "might", "could", "can", "ca"})
# "must", "should": an obligation someone states (a demand when reported)
OBLIGATION_AUX = frozenset({"must", "should"})
