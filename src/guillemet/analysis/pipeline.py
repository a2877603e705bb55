"""Load a spaCy pipeline with only what the engine uses, and fast from the first parse.

`exclude=` (unlike `disable=`) saves load time and memory, so components the rules never
read (e.g. the French `senter`, which the parser makes redundant) are not even built. The
French rule lemmatizer keeps its `lemma_index` tables as Python lists, so each new
(word, POS) pair costs a linear scan: the first parse of a long text is about twice as slow
as the next. Turning those lists into sets after load gives the same lemmas without the
penalty.
"""

from __future__ import annotations

import importlib.metadata
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guillemet.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

USED_COMPONENTS = frozenset(
    {
        "tok2vec",
        "transformer",
        "tagger",
        "morphologizer",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "trainable_lemmatizer",
        "ner",
    }
)
"""What the entity and quote rules read: the parse, POS/morphology, lemmas and entities."""


def installed_model_version(model: str) -> str | None:
    """The version of an installed model package (or model directory), without importing spaCy.

    The cache keys analyses by it, and a re-opened article must not pay spaCy's import.
    """
    path = Path(model)
    if path.is_dir():
        try:
            return str(json.loads((path / "meta.json").read_text(encoding="utf-8"))["version"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
    try:
        return importlib.metadata.version(model)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


@lru_cache(maxsize=2)
def load_pipeline(model: str) -> Language:
    """Load `model` (a package name or a directory) with only the components we use.

    Loading takes seconds and hundreds of MB, so a process loads each model once and every
    `Engine` of that model shares it (the engine never modifies the pipeline). Raises
    ModelNotInstalledError when spaCy cannot find the model.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=_unused_components(model))
    except OSError as error:
        raise ModelNotInstalledError(model) from error
    speed_up_french_lemmatizer(nlp)
    return nlp


def _unused_components(model: str) -> list[str]:
    """Components listed in the model's meta that the engine never reads."""
    from spacy import util

    try:
        if util.is_package(model):
            meta: dict[str, Any] = util.get_model_meta(util.get_package_path(model))
        elif Path(model).is_dir():
            meta = util.get_model_meta(Path(model))
        else:
            return []
    except (OSError, ValueError):
        return []
    return [name for name in meta.get("components", ()) if name not in USED_COMPONENTS]


def speed_up_french_lemmatizer(nlp: Language) -> None:
    """Turn the rule lemmatizer's `lemma_index` lists into sets (same lemmas, no slow start).

    The lemmatizer only tests membership in these tables (`form in index`), so sets are a
    drop-in replacement.
    """
    for _, component in nlp.pipeline:
        lookups = getattr(component, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            value = table[key]
            if isinstance(value, list):
                table[key] = set(value)
