"""Reading the library: a speaker's quotes newest first, quotes by their words, speakers by
how often they are quoted, and which identities a name the user typed designates."""

from __future__ import annotations

import re
import sqlite3

from guillemet.speaker_library.errors import UnknownSpeakerError
from guillemet.speaker_library.identity import PersonName, fold, organisation_aliases, person_name, same_person
from guillemet.speaker_library.rows import LibraryQuote, SpeakerSummary

_QUOTE_COLUMNS = (
    "s.name, s.identity, s.kind, q.type, q.text, q.start, q.\"end\", a.source, a.text_sha256, a.title, a.date"
)
_NEWEST_FIRST = "a.date IS NULL, a.date DESC, a.recorded_at DESC, a.id DESC, q.start"


def find_identities(connection: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    """(id, name) of the identities `name` designates: by a written form seen before, by person
    name (surname, then given name or initial), by organisation alias, else by exact name."""
    person = person_name(name)
    found: dict[int, str] = {}
    if person is not None:
        for identity, display in connection.execute(
            "SELECT i.id, i.name FROM aliases a JOIN identities i ON i.id = a.identity "
            "WHERE a.kind = 'person' AND a.value = ?",
            (person.display_key,),
        ):
            found[int(identity)] = display
        if not found:
            for identity, display, given, surname in connection.execute(
                "SELECT id, name, given, surname FROM identities WHERE surname = ?", (person.surname,)
            ):
                if same_person(person, PersonName(given, surname)):
                    found[int(identity)] = display
    if not found:
        aliases = organisation_aliases(name)
        values = sorted({value for kind, value in aliases if kind in ("name", "acronym")})
        if values:
            marks = ",".join("?" for _ in values)
            for identity, display in connection.execute(
                f"SELECT DISTINCT i.id, i.name FROM aliases a JOIN identities i ON i.id = a.identity "
                f"WHERE a.kind IN ('name', 'acronym', 'initials') AND a.value IN ({marks})",
                values,
            ):
                found[int(identity)] = display
    if not found:
        wanted = fold(name)
        for identity, display in connection.execute("SELECT id, name FROM identities"):
            if fold(display) == wanted:
                found[int(identity)] = display
    return sorted(found.items())


def resolve_one(connection: sqlite3.Connection, name: str) -> tuple[int, str]:
    """The one identity `name` designates, or an error that lists the candidates."""
    found = find_identities(connection, name)
    if not found:
        raise UnknownSpeakerError(f"no speaker called {name!r} in the speaker library")
    if len(found) > 1:
        listed = "; ".join(f"{display} (#{identity})" for identity, display in found[:8])
        raise UnknownSpeakerError(f"{name!r} could be {len(found)} speakers: {listed}; give a fuller name or #id")
    return found[0]


def identity_ids(connection: sqlite3.Connection, name: str) -> tuple[int, str]:
    """`resolve_one`, also taking "#12" for identity 12."""
    match = re.fullmatch(r"#(\d+)", name.strip())
    if match:
        row = connection.execute("SELECT id, name FROM identities WHERE id = ?", (int(match.group(1)),)).fetchone()
        if row is None:
            raise UnknownSpeakerError(f"no speaker #{match.group(1)} in the speaker library")
        return int(row[0]), str(row[1])
    return resolve_one(connection, name)


def quotes_of(connection: sqlite3.Connection, identity: int, *, exclude_sha256: str | None = None) -> list[LibraryQuote]:
    """Every quote of an identity, newest article first, in reading order within an article."""
    rows = connection.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN speakers s ON s.id = q.speaker "
        f"JOIN articles a ON a.id = q.article WHERE s.identity = ? AND a.text_sha256 != ? "
        f"ORDER BY {_NEWEST_FIRST}",
        (identity, exclude_sha256 or ""),
    )
    return [LibraryQuote(*row) for row in rows]


def search_quotes(connection: sqlite3.Connection, words: str, limit: int = 200) -> list[LibraryQuote]:
    """Quotes holding all of `words` (accents and case ignored; "word*" for a prefix), newest first."""
    query = fts_query(words)
    if not query:
        return []
    rows = connection.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
        f"LEFT JOIN speakers s ON s.id = q.speaker JOIN articles a ON a.id = q.article "
        f"WHERE quotes_fts MATCH ? ORDER BY {_NEWEST_FIRST} LIMIT ?",
        (query, limit),
    )
    return [LibraryQuote(*(row[0] or "(no speaker)", row[1] or 0, row[2] or "", *row[3:])) for row in rows]


def fts_query(words: str) -> str:
    """An FTS5 query that is never a syntax error: each word quoted, a trailing * kept."""
    terms = []
    for match in re.finditer(r"(\w+)(\*?)", words, re.UNICODE):
        terms.append(f'"{match.group(1)}"{match.group(2)}')
    return " ".join(terms)


def speaker_summaries(connection: sqlite3.Connection, limit: int | None = None) -> list[SpeakerSummary]:
    """Identities with at least one quote, most quoted first."""
    rows = connection.execute(
        "SELECT i.id, i.name, i.kind, t.genders, t.quotes, t.articles, t.words, t.names FROM ("
        "  SELECT identity, group_concat(DISTINCT gender) AS genders, sum(quotes) AS quotes, "
        "  count(DISTINCT article) AS articles, sum(words) AS words, group_concat(DISTINCT name) AS names "
        "  FROM speakers WHERE quotes > 0 GROUP BY identity) t JOIN identities i ON i.id = t.identity "
        "ORDER BY t.quotes DESC, i.name LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [
        SpeakerSummary(int(i), name, kind, combined_gender(genders), quotes, articles, words, names or "")
        for i, name, kind, genders, quotes, articles, words, names in rows
    ]


def combined_gender(genders: str | None) -> str:
    """One gender from the genders an identity's articles gave: the one known, else unknown."""
    known = {g for g in (genders or "").split(",") if g and g != "unknown"}
    return known.pop() if len(known) == 1 else "unknown"
