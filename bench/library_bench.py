"""The speaker library's query time with 10,000 synthetic article records (`make bench` row).

Articles are made up (no model): each has three speakers drawn from a pool of people and
organisations, and five quotes of about twenty words, so the library holds 10,000 articles and
50,000 quotes. The figure is the worst of the median times of the three queries a user types:
`who` on the most quoted person, `quotes` on two words, and `speakers` (the top 20).
"""

from __future__ import annotations

import hashlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from guillemet.analysis.models import Analysis, Quote, Speaker, SpeakerRef, Span
from guillemet.speaker_library import open_library

ARTICLES = 10_000
TARGET_MS = 50.0
_WORDS = ("réforme budget hôpital école santé emploi climat énergie sécurité justice retraite impôt "
          "logement transport agriculture culture recherche défense europe commerce").split()


def synthetic_article(index: int, rng: random.Random) -> tuple[Analysis, str]:
    """A made-up analysed article with three speakers and five quotes."""
    people = [(f"Personne{n} Nom{n}", "person") for n in rng.sample(range(2000), 2)]
    speakers_named = people + [(f"Organisation{rng.randrange(300)}", "organisation")]
    text, speakers, quotes = "", [], []
    for number, (name, kind) in enumerate(speakers_named, 1):
        start = len(text)
        text += f"{name} a déclaré. "
        speakers.append(Speaker(f"s{number}", name, kind, (Span(start, start + len(name), name),)))
    for number in range(5):
        said = " ".join(rng.choice(_WORDS) for _ in range(20))
        start = len(text) + 2
        text += f"« {said} ». "
        speaker = speakers[number % 3]
        quotes.append(Quote(f"q{number}", start, start + len(said), said, "direct", None,
                            SpeakerRef(speaker.id, speaker.name), None))
    sha = hashlib.sha256(f"{index}:{text}".encode()).hexdigest()
    analysis = Analysis(f"synthetic/{index}.txt", "fr", "synthetic", sha, speakers=tuple(speakers),
                        quotes=tuple(quotes), text_length=len(text), analysed_to=len(text),
                        metadata={"source": f"synthetic/{index}.txt", "title": f"Article {index}",
                                  "date": f"20{10 + index % 15:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}"})
    return analysis, text


def _median_ms(action: Callable[[], object], runs: int = 9) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(articles: int = ARTICLES) -> dict[str, float]:
    """Build a library of `articles` synthetic records and time the three queries (ms)."""
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as scratch:
        library, _ = open_library(Path(scratch) / "speakers.sqlite3")
        with library:
            started = time.perf_counter()
            for index in range(articles):
                library.record(*synthetic_article(index, rng))
            build = time.perf_counter() - started
            top_person = next(s.name for s in library.speakers(50) if s.kind == "person")
            return {
                "build_s": build,
                "who": _median_ms(lambda: library.who(top_person)),
                "quotes": _median_ms(lambda: library.search("hôpital retraite", 50)),
                "speakers": _median_ms(lambda: library.speakers(20)),
            }


def library_rows(row: Callable[..., object]) -> list:
    """The bench table's row for the library, built with the bench's own `Row` class."""
    result = measure()
    worst = max(result["who"], result["quotes"], result["speakers"])
    detail = (f"who {result['who']:.1f} ms, quotes {result['quotes']:.1f} ms, "
              f"speakers {result['speakers']:.1f} ms (built in {result['build_s']:.0f} s)")
    return [row(f"Speaker library query, {ARTICLES:,} synthetic articles: worst median", f"{worst:.1f} ms; {detail}",
                f"< {TARGET_MS:.0f} ms", worst < TARGET_MS)]


if __name__ == "__main__":
    print(measure())
