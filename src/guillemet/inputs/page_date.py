"""The date of a web page: the one the page gives, or none, never a guessed 1 January.

trafilatura asks htmldate for the date. When htmldate finds no full date it can read (it does
not read `27 août 2012`, with its `û`), it falls back to a year it saw anywhere in the page (a
copyright line, a "2012" category) and gives that year's 1 January: `2012-01-01` for an
article of 27 August 2012. A wrong date is worse than none, so such a date is kept only when
the page really says 1 January of that year. Otherwise the article's own dateline is used
(a French date opening its text, as in `27 août 2012. - Un avion...` or
`Lundi 27 août 2012 –`), and failing that there is no date.
"""

from __future__ import annotations

import re

FRENCH_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
DATELINE_LINES = 3
"""How many lines at the start of the text may hold the dateline (after a title line)."""

_YEAR_ONLY = re.compile(r"^(\d{4})-01-01$")
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+"
_DATELINE = re.compile(
    rf"^\W*(?:{_WEEKDAY})?(1er|\d{{1,2}})\s+({'|'.join(FRENCH_MONTHS)})\s+(\d{{4}})\b",
    re.IGNORECASE,
)


def page_date(found: str | None, text: str, page: str) -> str | None:
    """The page's date (`YYYY-MM-DD`) from trafilatura's `found`, the article `text` and the
    `page` source; None when the page gives none."""
    if found and not _is_year_fallback(found, page):
        return found
    return dateline_date(text)


def dateline_date(text: str) -> str | None:
    """The French date that opens one of the first lines of `text`, as `YYYY-MM-DD`."""
    for line in text.split("\n", DATELINE_LINES)[:DATELINE_LINES]:
        match = _DATELINE.match(line)
        if match:
            day, month, year = match.groups()
            day_number = 1 if day.lower() == "1er" else int(day)
            month_number = FRENCH_MONTHS[month.lower()]
            if 1 <= day_number <= 31:
                return f"{year}-{month_number:02d}-{day_number:02d}"
    return None


def _is_year_fallback(found: str, page: str) -> bool:
    """True for a 1 January the page does not state (htmldate's year-only fallback)."""
    match = _YEAR_ONLY.match(found)
    return match is not None and not _states_new_year(page, match.group(1))


def _states_new_year(page: str, year: str) -> bool:
    """Whether `page` writes 1 January `year` in a form people or machines use."""
    pattern = (
        rf"{year}-01-01|0?1[/.]0?1[/.]{year}|\b1(?:er)?\s+janvier\s+{year}"
        rf"|\b1(?:st)?\s+January,?\s+{year}|January\s+1(?:st)?,?\s+{year}"
    )
    return re.search(pattern, page, re.IGNORECASE) is not None
