"""Markdown notes: rendered to the text a reader sees, the first heading as the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from guillemet.errors import InputError
from guillemet.inputs import load_article
from guillemet.inputs.markdown_text import render, split_front_matter

NOTE = """\
# Lecornu et Choïgou se sont parlé

*Publié le 3 avril 2024* — **International**

Le ministre français des Armées [Sébastien Lecornu](https://fr.wikipedia.org/wiki/S%C3%A9bastien_Lecornu)
a indiqué que la France était « disponible » pour des « échanges accrus ».

![Sébastien Lecornu](lecornu.jpg)

## Ce qu’a dit Moscou

> « Il existe des informations sur une piste ukrainienne », a souligné Sergueï Choïgou.

Points clés :

- un entretien d’une heure ;
- le premier depuis `octobre 2022`.

1. Paris
2. Moscou

---

```
code  gardé tel quel
```
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def note(tmp_path: Path):
    return load_article(write(tmp_path, "note.md", NOTE))


def test_markdown_renders_to_plain_text(note) -> None:
    assert note.text == (
        "Lecornu et Choïgou se sont parlé\n\n"
        "Publié le 3 avril 2024 — International\n\n"
        "Le ministre français des Armées Sébastien Lecornu a indiqué que la France était "
        "« disponible » pour des « échanges accrus ».\n\n"
        "Ce qu’a dit Moscou\n\n"
        "« Il existe des informations sur une piste ukrainienne », a souligné Sergueï Choïgou.\n\n"
        "Points clés :\n\n"
        "• un entretien d’une heure ;\n\n"
        "• le premier depuis octobre 2022.\n\n"
        "1. Paris\n\n"
        "2. Moscou"
    )


def test_no_markup_symbol_is_left(note) -> None:
    for symbol in ("#", "*", "](", "![", "`", "> ", "---"):
        assert symbol not in note.text


def test_first_heading_is_the_title(note) -> None:
    assert (note.title, note.kind, note.encoding) == (
        "Lecornu et Choïgou se sont parlé",
        "markdown",
        "utf-8",
    )


def test_front_matter_gives_title_author_and_date(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Entretien inédit"\nauthor: Claire Dubois\ndate: 2024-04-03\n'
        "tags: [russie]\n---\n# Autre titre\n\nLe texte.\n"
    )
    article = load_article(write(tmp_path, "note.markdown", text))
    assert (article.title, article.author, article.date) == (
        "Entretien inédit",
        "Claire Dubois",
        "2024-04-03",
    )
    assert article.text == "Autre titre\n\nLe texte."


def test_split_front_matter_leaves_a_document_without_one_alone() -> None:
    assert split_front_matter("Pas de front matter.\n---\n") == ("Pas de front matter.\n---\n", {})


def test_setext_headings_and_tables() -> None:
    text, heading = render("Titre\n=====\n\n| Qui | Quoi |\n|---|---|\n| Macron | « baroques » |\n")
    assert heading == "Titre"
    assert text == "Titre\n\nQui | Quoi\nMacron | « baroques »"


def test_markdown_with_only_an_image_has_no_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text found"):
        load_article(write(tmp_path, "image.md", "![photo](photo.jpg)\n"))
