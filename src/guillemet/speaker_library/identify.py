"""Giving a newly recorded speaker its identity: an existing one, or a new one.

People with a proper name are found by surname, then by given name (`identity.same_person`);
a bare surname joins a full name only when one person of the library has that surname, and a
full name takes over a bare surname seen before. Organisations, governments, documents and
groups with a proper name are found by their aliases (name, acronym, initials). Descriptions
("le porte-parole", "la direction") get an identity of their own, local to their article.
Every written form of a person's name is kept as a 'person' alias, so a name merged by hand
into another identity keeps going there.
"""

from __future__ import annotations

import sqlite3

from guillemet.speaker_library.identity import (
    PERSON_KINDS,
    PersonName,
    aliases_match,
    fold,
    is_proper_name,
    organisation_aliases,
    person_name,
    same_person,
)


def identity_for(
    connection: sqlite3.Connection, article_id: int, name: str, kind: str, mentions: tuple[str, ...]
) -> int:
    """The identity id for a speaker of article `article_id` (created if needed)."""
    if not is_proper_name(name):
        return _create(connection, name, kind, local_article=article_id)
    if kind in PERSON_KINDS:
        person = person_name(name)
        if person is not None:
            return _person_identity(connection, name, kind, person)
    return _organisation_identity(connection, name, kind, mentions)


def _person_identity(connection: sqlite3.Connection, name: str, kind: str, person: PersonName) -> int:
    written = person.display_key
    row = connection.execute(
        "SELECT a.identity FROM aliases a JOIN identities i ON i.id = a.identity "
        "WHERE a.value = ? AND a.kind = 'person' ORDER BY a.identity LIMIT 1",
        (written,),
    ).fetchone()
    if row:
        return int(row[0])
    candidates = [
        (int(i), PersonName(g, s))
        for i, g, s in connection.execute(
            "SELECT id, given, surname FROM identities WHERE surname = ? AND kind = ? AND local_article IS NULL",
            (person.surname, kind),
        )
    ]
    full = [(i, p) for i, p in candidates if p.given and same_person(p, person)]
    bare = [i for i, p in candidates if not p.given]
    chosen: int | None = None
    if person.given:
        exact = [i for i, p in full if p.given == person.given]
        if exact:
            chosen = exact[0]
        elif len(full) == 1:
            chosen = full[0][0]
        elif not full and len(bare) == 1 and not any(p.given for _, p in candidates):
            chosen = bare[0]
        if chosen is not None:
            _upgrade(connection, chosen, name, person)
    else:
        with_given = [i for i, p in candidates if p.given]
        if len(with_given) == 1:
            chosen = with_given[0]
        elif bare:
            chosen = bare[0]
    if chosen is None:
        chosen = _create(connection, name, kind, given=person.given, surname=person.surname)
    connection.execute(
        "INSERT OR IGNORE INTO aliases (identity, kind, value) VALUES (?, 'person', ?)", (chosen, written)
    )
    return chosen


def _upgrade(connection: sqlite3.Connection, identity: int, name: str, person: PersonName) -> None:
    """A fuller given name than the identity's ("Barack" after "B.") becomes its name."""
    given, = connection.execute("SELECT given FROM identities WHERE id = ?", (identity,)).fetchone()
    if len(person.given) > len(given):
        connection.execute(
            "UPDATE identities SET given = ?, name = ? WHERE id = ?", (person.given, name, identity)
        )


def _organisation_identity(connection: sqlite3.Connection, name: str, kind: str, mentions: tuple[str, ...]) -> int:
    aliases = organisation_aliases(name, mentions)
    values = sorted({value for _, value in aliases})
    marks = ",".join("?" for _ in values)
    found: dict[int, set[tuple[str, str]]] = {}
    for identity, alias_kind, value in connection.execute(
        f"SELECT a.identity, a.kind, a.value FROM aliases a JOIN identities i ON i.id = a.identity "
        f"WHERE a.value IN ({marks}) AND a.kind != 'person' AND i.kind NOT IN ('person') "
        f"AND i.local_article IS NULL",
        values,
    ):
        found.setdefault(int(identity), set()).add((alias_kind, value))
    matching = sorted(
        (identity for identity, theirs in found.items() if aliases_match(aliases, theirs)),
        key=lambda identity: (-len(found[identity]), identity),
    )
    chosen = matching[0] if matching else _create(connection, name, kind)
    connection.executemany(
        "INSERT OR IGNORE INTO aliases (identity, kind, value) VALUES (?, ?, ?)",
        [(chosen, alias_kind, value) for alias_kind, value in aliases],
    )
    return chosen


def _create(
    connection: sqlite3.Connection,
    name: str,
    kind: str,
    *,
    given: str = "",
    surname: str = "",
    local_article: int | None = None,
) -> int:
    cursor = connection.execute(
        "INSERT INTO identities (name, kind, given, surname, local_article) VALUES (?, ?, ?, ?, ?)",
        (name, kind, given, surname, local_article),
    )
    return int(cursor.lastrowid or 0)


def folded_written_name(name: str) -> str:
    """The key under which a person's written name is kept as an alias."""
    person = person_name(name)
    return person.display_key if person else fold(name)
