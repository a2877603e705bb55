"""Score the gender given to person speakers against the project's gold list (`make eval`).

`dev-gender-gold.tsv` (next to this file) lists, for the person speakers of the dev articles,
the gender each article's text marks, or "unknown" when it marks none. A gold speaker is
matched to the analysis's person speaker of the same article whose name agrees (same folded
name, one name inside the other, or the same person by given name and surname). Precision is
over the speakers given a gender (a gender where the gold says unknown is an error: the text
did not say it); the share left unknown is over the matched gold speakers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guillemet.analysis.gender import UNKNOWN, speaker_genders
from guillemet.analysis.models import Analysis, Speaker
from guillemet.speaker_library.identity import fold, person_name, same_person

GOLD = Path(__file__).resolve().parent / "dev-gender-gold.tsv"


@dataclass(frozen=True)
class GoldGender:
    article: str
    speaker: str
    gender: str


@dataclass
class GenderScore:
    gold: int = 0
    matched: int = 0
    predicted: int = 0
    correct: int = 0
    unknown: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def unknown_share(self) -> float:
        return self.unknown / self.matched if self.matched else 0.0


def load_gold(path: Path = GOLD) -> list[GoldGender]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        article, speaker, gender, *_ = line.split("\t")
        rows.append(GoldGender(article, speaker, gender))
    return rows


def matching_speaker(name: str, speakers: tuple[Speaker, ...]) -> Speaker | None:
    """The person speaker whose name agrees with the gold name, if any."""
    wanted = fold(name)
    wanted_person = person_name(name)
    for speaker in speakers:
        if speaker.kind != "person":
            continue
        got = fold(speaker.name)
        if got == wanted or (len(got) > 3 and (f" {got} " in f" {wanted} " or f" {wanted} " in f" {got} ")):
            return speaker
        got_person = person_name(speaker.name)
        if wanted_person and got_person and wanted_person.given and got_person.given and same_person(wanted_person, got_person):
            return speaker
    return None


def score(gold: list[GoldGender], analyses: dict[str, tuple[str, Analysis]], errors: list[str] | None = None) -> GenderScore:
    """Compare the genders the analyses give with the gold list; wrong ones go to `errors`."""
    result = GenderScore()
    genders = {doc_id: speaker_genders(analysis, text) for doc_id, (text, analysis) in analyses.items()}
    for row in gold:
        if row.article not in analyses:
            continue
        result.gold += 1
        speaker = matching_speaker(row.speaker, analyses[row.article][1].speakers)
        if speaker is None:
            continue
        result.matched += 1
        given = genders[row.article].get(speaker.id, UNKNOWN)
        if given == UNKNOWN:
            result.unknown += 1
            continue
        result.predicted += 1
        if given == row.gender:
            result.correct += 1
        elif errors is not None:
            errors.append(f"  GENDER {row.article} {row.speaker!r}: got {given}, the text marks {row.gender}")
    return result


def print_report(analyses: dict[str, tuple[str, Analysis]], verbose: bool = False) -> None:
    """The gender block of `make eval`."""
    if not GOLD.exists():
        print("== gender: no gold list; nothing to score")
        return
    errors: list[str] = []
    result = score(load_gold(), analyses, errors)
    print(f"== gender of person speakers: gold {result.gold}, matched {result.matched}, "
          f"given a gender {result.predicted}")
    print(f"gender precision: {result.precision:.3f} ({result.correct}/{result.predicted}); "
          f"left unknown: {result.unknown_share:.3f} ({result.unknown}/{result.matched})")
    if verbose:
        print("\n".join(errors))
