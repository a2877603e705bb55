"""Markdown without a `.md` name (no extension, standard input), code blocks, list items."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from guillemet.analysis.paragraphs import paragraph_spans
from guillemet.inputs import load_article
from guillemet.inputs.sniff import looks_like_markdown

NOTE = """\
# Retraites : la Première ministre ne cède pas

« Nous irons jusqu’au bout », a déclaré **mardi** la Première ministre devant les députés.

Les points de désaccord :

- l’âge légal de départ, porté à 64 ans ;
- la durée de cotisation, allongée ;
- les régimes spéciaux, supprimés.

```python
print("« Ceci n’est pas une citation », dit le programme.")
```

    indenté = "« pas une citation non plus »"

Le texte sera examiné au Sénat le mois prochain, selon le ministre du Travail.
"""
ITEMS = [
    "• l’âge légal de départ, porté à 64 ans ;",
    "• la durée de cotisation, allongée ;",
    "• les régimes spéciaux, supprimés.",
]


class FakeStdin:
    """Enough of sys.stdin for the loader: a byte buffer and no terminal."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)

    def isatty(self) -> bool:
        return False


def test_markdown_without_an_extension_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "note"
    path.write_text(NOTE, encoding="utf-8")
    article = load_article(str(path))
    assert article.kind == "markdown"
    assert article.title == "Retraites : la Première ministre ne cède pas"
    assert "**" not in article.text and "# " not in article.text


def test_markdown_on_standard_input_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(NOTE.encode("utf-8")))
    article = load_article("-")
    assert (article.source, article.kind) == ("-", "markdown")
    assert article.text.startswith("Retraites : la Première ministre ne cède pas\n\n« Nous")


def test_code_blocks_are_left_out_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    text = load_article(str(path)).text
    assert "citation" not in text and "print" not in text and "indenté" not in text
    assert text.endswith("\n\nLe texte sera examiné au Sénat le mois prochain, selon le ministre du Travail.")


def test_list_items_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    text = load_article(str(path)).text
    assert "\n\n".join(ITEMS) in text
    paragraphs = [text[start:end] for start, end in paragraph_spans(text)]
    assert all(item in paragraphs for item in ITEMS)


@pytest.mark.parametrize(
    "head",
    [
        "# Titre\n\nLe texte.",
        "---\ntitle: Note\n---\nLe texte.",
        "Le texte.\n\n```\ncode\n```\n",
        "Voir [le communiqué](https://example.org/c) et **surtout** la fin.",
        "Titre\n=====\n\n## Partie\n\nLe texte.",
    ],
)
def test_markdown_is_recognised_by_its_markup(head: str) -> None:
    assert looks_like_markdown(head)


@pytest.mark.parametrize(
    "head",
    [
        "Retraites : la réforme adoptée\n\nLe texte, adopté mardi, prévoit :\n- 64 ans ;\n- 43 annuités.",
        "Le prix baisse de 3 * 4 % selon l'INSEE (chiffres de mars).",
        "#MeToo : le mouvement a cinq ans.\n\nLe texte.",
    ],
)
def test_plain_text_is_not_taken_for_markdown(head: str) -> None:
    assert not looks_like_markdown(head)


def test_plain_text_without_an_extension_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "article"
    path.write_text("Retraites\n\n- « Non », dit-il.\n- « Oui », dit-elle.\n", encoding="utf-8")
    article = load_article(str(path))
    assert article.kind == "text"
    assert article.text == "Retraites\n\n- « Non », dit-il.\n- « Oui », dit-elle."
