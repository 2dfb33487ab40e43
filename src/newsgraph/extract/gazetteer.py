"""Country, capital, title and organisation look-ups over the team's lexicons.

Entities, events (actor codes) and figures (sources) share these so a country
alias or a title is known in one place only. Functions take surface text in any
case and return None when they do not know it.
"""

from __future__ import annotations


def country_code(text: str) -> str | None:
    """ISO 3166-1 alpha-3 for a country name, alias or demonym ("U.S.", "Russians" -> "RUS")."""
    return None


def country_name(code: str) -> str | None:
    """The canonical name for an alpha-3 code ("USA" -> "United States")."""
    return None


def metonym(text: str) -> tuple[str, str] | None:
    """(country, sector) for a capital or seat of power ("the Kremlin" -> ("RUS", "GOV"))."""
    return None


def title_role(title: str) -> str | None:
    """Sector role for a title ("foreign minister" -> "GOV", "general" -> "MIL")."""
    return None
