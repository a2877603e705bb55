"""A hand-made analysis of the sample article, for fast tests of the reader without spaCy.

The offsets are found in the real text, so they always index it exactly; the choices (who said
what) are those of a careful human reader.
"""

from __future__ import annotations

import hashlib

from guillemet.analysis.models import Analysis, Entity, Quote, Span, Speaker, SpeakerRef
from guillemet.article import Article


def find(text: str, needle: str, nth: int = 0, after: int = 0) -> Span:
    """The `nth` occurrence of `needle` at or after `after`, as a Span."""
    start = text.index(needle, after)
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


ENTITIES = [
    ("Sébastien Lecornu", "PER", 3), ("Sergueï Choïgou", "PER", 5), ("Emmanuel Macron", "PER", 1),
    ("Paris", "LOC", 1), ("Moscou", "LOC", 1), ("Kiev", "LOC", 1), ("Crocus City Hall", "LOC", 1),
    ("Etat islamique", "ORG", 1), ("EI", "ORG", 1), ("Élysée", "ORG", 1),
    ("Armées", "ORG", 2), ("Ukraine", "LOC", 5), ("Russie", "LOC", 2), ("Russes", "MISC", 1),
    ("Occidentaux", "MISC", 1),
]

# (quote needle, type, speaker id, cue needle, mention needle or None, search from)
QUOTES = [
    ("que la France était « disponible » pour des « échanges accrus » en matière de lutte contre "
     "le terrorisme", "mixed", "lecornu", "a indiqué", "Le ministre français des Armées Sébastien Lecornu",
     "Le ministre français des Armées Sébastien Lecornu a indiqué"),
    ("« a confirmé que la France ne disposait d’aucune information permettant d’établir un lien "
     "entre cet attentat et l’Ukraine »", "direct", "lecornu", "ajoute", "Sébastien Lecornu",
     "Sébastien Lecornu « a confirmé"),
    ("« condamné sans réserve la guerre d’agression que la Russie a lancée en Ukraine »", "direct",
     "lecornu", "précise", "Le ministre français", "Le ministre français a aussi"),
    ("que l’entretien avait eu lieu « à la demande pressante de la partie française »", "mixed",
     "ministere", "a indiqué", "Le ministère russe de la Défense", "Le ministère russe"),
    ("« Le ministre français de la Défense a exprimé ses condoléances »", "direct", "armee",
     "ajoute", "l’armée russe", "« Le ministre français de la Défense"),
    ("« Il existe des informations sur une piste ukrainienne dans l’organisation de l’attentat »",
     "direct", "choigou", "a souligné", "Sergueï Choïgou", "« Il existe"),
    ("« Le régime de Kiev ne fait rien sans l’approbation des Occidentaux, nous espérons que dans ce "
     "cas, les services secrets français ne sont pas derrière cela. »", "direct", "choigou",
     "Et d’ajouter", None, "Et d’ajouter"),
    ("que, si elles étaient mises en œuvre, « cela créerait des problèmes pour la France elle-même »",
     "mixed", "choigou", "a indiqué", "Sergueï Choïgou", "En ce qui concerne"),
    ("« commentaires baroques et menaçants »", "direct", "macron", "dénoncé", "Emmanuel Macron",
     "Emmanuel Macron"),
]

SPEAKERS = {
    "lecornu": ("Sébastien Lecornu", "person"),
    "choigou": ("Sergueï Choïgou", "person"),
    "ministere": ("ministère russe de la Défense", "government"),
    "armee": ("armée russe", "organisation"),
    "macron": ("Emmanuel Macron", "person"),
}


def sample_analysis(text: str, source: str = "seeds/lecornu-choigou.txt",
                    analysed_to: int | None = None) -> Analysis:
    """The hand-made analysis; `analysed_to` makes a partial one (only what lies before it)."""
    limit = len(text) if analysed_to is None else analysed_to
    entities = []
    for needle, label, count in ENTITIES:
        for nth in range(count):
            try:
                span = find(text, needle, nth)
            except ValueError:
                break
            entities.append(Entity(span.start, span.end, label, span.text))
    quotes = []
    mentions: dict[str, list[Span]] = {key: [] for key in SPEAKERS}
    for number, (needle, kind, speaker, cue, mention, anchor) in enumerate(QUOTES, 1):
        paragraph = text.index(anchor)
        paragraph_start = text.rfind("\n", 0, paragraph) + 1
        span = find(text, needle, after=paragraph_start)
        cue_span = find(text, cue, after=paragraph_start)
        mention_span = find(text, mention, after=paragraph_start) if mention else None
        if mention_span:
            mentions[speaker].append(mention_span)
        quotes.append(Quote(f"q{number}", span.start, span.end, span.text, kind, cue_span,
                            SpeakerRef(speaker, SPEAKERS[speaker][0]), mention_span))
    mentions["lecornu"].insert(0, find(text, "Sébastien Lecornu"))
    mentions["choigou"].insert(0, find(text, "Sergueï Choïgou"))
    speakers = tuple(
        Speaker(key, name, kind, tuple(sorted(set(mentions[key]), key=lambda s: s.start)))
        for key, (name, kind) in SPEAKERS.items()
    )
    return Analysis(
        source=source, language="fr", model="hand-made",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        entities=tuple(e for e in entities if e.end <= limit),
        speakers=speakers,
        quotes=tuple(q for q in quotes if q.end <= limit),
        text_length=len(text), analysed_to=limit,
    )


def sample_article(text: str, source: str = "seeds/lecornu-choigou.txt") -> Article:
    """The sample as the reader opens it."""
    return Article(text=text, source=source, title=None, encoding="utf-8")
