"""Step 2 of attribution: one speaker per source across the document.

Works on the light findings only. Mentions are read in text order and linked to clusters:
a name joins the cluster sharing its surname ("Lecornu" -> "Sébastien Lecornu", "M. X");
a description joins the named source it was apposed to ("le ministre français" ->
"le ministre français des Armées Sébastien Lecornu") or an earlier source with the same head
noun ("le ministère" -> "ministère de l'Intérieur"); a pronoun joins the most recent
compatible source. Floating quotes and continuations take the previous statement's speaker.
The canonical name is the fullest name of the cluster, else its first description.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from itertools import islice
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from .coref import Description, Source, described_by_table, merge_sources
from .kinds import kind_of
from .lexicon import lexicon
from .turns import Exchange
from .types import Alias, Attributions, FoundQuote, Mention, ParagraphFindings, RawQuote, RawSpeaker

_WINDOW = 60  # how many recently mentioned sources a pronoun or description is matched against
_TRANSCRIPT_MIN_TURNS = 2  # labelled paragraphs ("Jean Dupont : …") that make a transcript
_SUBJECT_PULL = 200  # characters: a subject is as salient as an object named this much later
_SPEAKER_PULL = 200  # and so is a source already quoted
_PRONOUN_REACH = 400  # characters: how far back a statement makes its source the pronoun's
_DEFINITE = frozenset({"le", "la", "les", "ce", "cet", "cette", "ces"})
_WORD = re.compile(r"[\w'-]+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _name_words(text: str) -> list[str]:
    """Words of a name, without honorifics and accents ("Érignac" and "Erignac" match)."""
    lex = lexicon()
    words = [w for w in _words(text.replace(".", ". ")) if w not in lex.honorifics]
    return ["".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c)) for w in words]


def _first_names_differ(a: list[str], b: list[str]) -> bool:
    """"Michelle Obama" is not "Barack Obama"; "B. Obama" may be."""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if _initials(x) == _initials(y) and min(len(x), len(y)) <= 4:
        return False  # "J-M Ayrault", "J.-M. Ayrault" for "Jean-Marc Ayrault"
    return not (x.startswith(y) or y.startswith(x))


def _initials(first_name: str) -> str:
    return "".join(part[:1] for part in re.split(r"[-.]+", first_name) if part)


@dataclass
class _Cluster:
    key: int
    kind: str
    name: str = ""
    name_span: tuple[int, int] | None = None
    name_words: list[str] = field(default_factory=list)
    description: str = ""
    description_span: tuple[int, int] | None = None
    heads: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    roles: list[list[str]] = field(default_factory=list)
    gender: str = ""
    plural: bool = False
    speaker_like: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    quoted_at: list[int] = field(default_factory=list)
    last: int = -1
    last_quote: int = -1
    last_subject: int = -1


def _description(mention: Mention) -> Description:
    """A description mention as the document-level merge reads it."""
    first_word = mention.text.split(" ", 1)[0].casefold().replace("’", "'")
    return Description(
        mention.start, mention.head, _strip_determiner(mention.text)[0],
        definite=first_word in _DEFINITE or first_word.startswith("l'"),
        possessive=mention.possessive, plural=mention.plural, gender=mention.gender)


def _strip_determiner(text: str) -> tuple[str, int]:
    lex = lexicon()
    words = text.split(" ")
    cut = 0
    while len(words) > 1 and (words[0].casefold() in lex.determiners or words[0].casefold() in lex.possessives):
        cut += len(words[0]) + 1
        words.pop(0)
    if len(words) >= 1 and words[0][:2].casefold() in ("l'", "d'") and len(words[0]) > 2:
        cut += 2
        words[0] = words[0][2:]
    return " ".join(words), cut


class _Resolver:
    """Links mentions to clusters as the document is read.

    Look-ups go through a name-word index and recency lists scanned over a bounded window,
    so a book with thousands of sources resolves in linear time.
    """

    def __init__(self, aliases: tuple[Alias, ...] = ()) -> None:
        self.aliases = list(aliases)
        self.clusters: list[_Cluster] = []
        self.lex = lexicon()
        self.heads = self.lex.speaker_heads()
        self.by_word: dict[str, list[_Cluster]] = {}
        self.recent: OrderedDict[int, _Cluster] = OrderedDict()
        self.recent_subjects: OrderedDict[int, _Cluster] = OrderedDict()
        self.recent_speakers: OrderedDict[int, _Cluster] = OrderedDict()
        self.last_link: tuple[int, _Cluster] | None = None
        self.narrator: _Cluster | None = None
        self.interviewer: _Cluster | None = None
        # mentions that name no one but stand for a cluster: "je" in its quotations, and
        # the pronouns of the narrative that continue it
        self.said_by: dict[int, list[tuple[int, int]]] = {}

    @staticmethod
    def _latest(order: OrderedDict[int, _Cluster], window: int = _WINDOW) -> Iterator[_Cluster]:
        return islice(reversed(order.values()), window)

    def _new(self, mention: Mention) -> _Cluster:
        cluster = _Cluster(key=len(self.clusters), kind=kind_of(mention))
        self.clusters.append(cluster)
        return cluster

    def _by_name(self, words: list[str]) -> _Cluster | None:
        candidates = {c.key: c for w in words for c in self.by_word.get(w, ())}
        for cluster in sorted(candidates.values(), key=lambda c: -c.last):
            if _first_names_differ(words, cluster.name_words):
                continue
            if words == cluster.name_words or words[-1] == cluster.name_words[-1] or (
                len(words) == 1 and words[0] in cluster.name_words
            ) or (len(cluster.name_words) == 1 and cluster.name_words[0] in words):
                return cluster
        return None

    def _set_name(self, cluster: _Cluster, mention: Mention, words: list[str]) -> None:
        self._name(cluster, mention.name_text, mention.name, words)

    def _name(self, cluster: _Cluster, name: str, span: tuple[int, int] | None, words: list[str]) -> None:
        cluster.name, cluster.name_span, cluster.name_words = name, span, words
        for word in words:
            bucket = self.by_word.setdefault(word, [])
            if cluster not in bucket:
                bucket.append(cluster)

    def _possessor(self, mention: Mention) -> _Cluster | None:
        """Whose "son avocate" or "sa fille" this is: the named person a pronoun there would
        continue ("son"/"sa" agree with the thing owned, so any gender). A press service or
        a cabinet ("son service de presse") speaks for its owner and keeps its own words."""
        if not mention.possessive or mention.plural or mention.head not in self.lex.person \
                or mention.head in self.lex.service:
            return None
        owner = self._by_pronoun(replace(mention, gender="", pronoun=True))
        return owner if owner is not None and owner.name and owner.kind == "person" else None

    def _by_table(self, mention: Mention) -> _Cluster | None:
        """The named source that the article's alias table gives this description to, found
        by its name or made now (the name may come later in the text)."""
        name = described_by_table(_description(mention), self.aliases)
        words = _name_words(name) if name else []
        if not words:
            return None
        cluster = self._by_name(words)
        if cluster is None:
            cluster = self._new(mention)
            self._name(cluster, name, None, words)
        return cluster

    def _by_role(self, mention: Mention) -> _Cluster | None:
        role = _words(_strip_determiner(mention.role or mention.text)[0])
        if not role:
            return None
        for cluster in self._latest(self.recent):
            for known in cluster.roles:
                if role[0] == known[0] and set(role) <= set(known):
                    return cluster
        if mention.head in self.lex.person and len(role) <= 3 and "de" not in role and "du" not in role:
            # "le président", "le Président-candidat": the person who has just spoken
            for cluster in self._latest(self.recent_speakers, 1):
                known = {w for r in cluster.roles for w in r}
                if mention.start - cluster.last_quote < _PRONOUN_REACH and cluster.kind == "person" \
                        and cluster.name and self._compatible(cluster, mention) \
                        and (not known or mention.head in known):
                    return cluster
        if mention.head and mention.head in self.heads and mention.head not in self.lex.person:
            for cluster in self._latest(self.recent):
                if not mention.possessive and (mention.head in cluster.heads or (
                        mention.head in self.lex.document and mention.head in cluster.words)):
                    return cluster
        return None

    def _compatible(self, cluster: _Cluster, mention: Mention) -> bool:
        if not cluster.speaker_like or cluster.plural != mention.plural:
            return False
        if cluster.gender and mention.gender and cluster.gender != mention.gender:
            return False
        return not (cluster.kind == "document" and mention.gender == "m" and not cluster.gender)

    def _by_pronoun(self, mention: Mention) -> _Cluster | None:
        """The compatible source a pronoun most likely continues: ranked by how far back it
        was last named, a subject counting as nearer than an object by `_SUBJECT_PULL`
        characters and a quoted source by `_SPEAKER_PULL` (the centering preference: a
        pronoun continues the topic, which is a subject or the one speaking)."""
        best, best_score = None, None
        for cluster in self._latest(self.recent):
            if not self._compatible(cluster, mention):
                continue
            score = mention.start - cluster.last
            if cluster.last_subject >= 0:
                score = min(score, mention.start - cluster.last_subject - _SUBJECT_PULL)
            if cluster.last_quote >= 0:
                score = min(score, mention.start - cluster.last_quote - _SPEAKER_PULL)
            if cluster.kind != "person":
                score += _SUBJECT_PULL  # "il" and "elle" are far more often people than bodies
            if best_score is None or score < best_score:
                best, best_score = cluster, score
        return best

    def link(self, mention: Mention) -> _Cluster | None:
        """The cluster of this mention (created when new); None for an unresolved pronoun."""
        if mention.pronoun and mention.head == "je":
            cluster = self._narrator(mention)
        elif mention.pronoun:
            cluster = self._by_pronoun(mention)
            if cluster is None:
                return None
        elif mention.name is not None:
            words = _name_words(mention.name_text)
            if not words:
                return None
            cluster = self._by_name(words) or self._new(mention)
            if len(words) > len(cluster.name_words) or not cluster.name:
                if not cluster.name or set(cluster.name_words) <= set(words):
                    self._set_name(cluster, mention, words)
            if mention.label == "PER":
                cluster.kind = "person"
        else:
            cluster = (self._glued_to_previous(mention) or self._by_table(mention)
                       or self._by_role(mention) or self._new(mention))
            desc, cut = _strip_determiner(mention.text)
            if not cluster.description or (
                not mention.possessive and len(desc) > len(cluster.description)
                and set(_words(cluster.description)) <= set(_words(desc))
            ):
                cluster.description = desc
                cluster.description_span = (mention.start + cut, mention.end)
                possessor = self._possessor(mention)
                if possessor is not None:
                    # "son avocate" is "avocate de Mouss Diouf" to a reader of the panel
                    cluster.description, cluster.description_span = f"{desc} de {possessor.name}", None
            cluster.descriptions.append(_description(mention))
        if not mention.pronoun:
            cluster.words.update(_words(mention.text))
            if mention.head:
                cluster.heads.add(mention.head)
            role = _words(_strip_determiner(mention.role or mention.text)[0]) if (mention.role or mention.name is None) else []
            if role and (mention.name is not None or cluster.name):
                cluster.roles.append(role)
            if mention.gender and not cluster.gender and mention.label != "LOC":
                cluster.gender = mention.gender
            cluster.plural = mention.plural if not cluster.mentions else cluster.plural
            if mention.label in ("PER", "ORG") or mention.head in self.heads or mention.name:
                cluster.speaker_like = True
        cluster.mentions.append((mention.start, mention.end))
        cluster.last = mention.start
        self.last_link = (mention.end, cluster)
        self.recent[cluster.key] = cluster
        self.recent.move_to_end(cluster.key)
        if mention.subject:
            cluster.last_subject = mention.start
            self.recent_subjects[cluster.key] = cluster
            self.recent_subjects.move_to_end(cluster.key)
        return cluster

    def _glued_to_previous(self, mention: Mention) -> _Cluster | None:
        """"Joechen Zaumseil le vice-président de …": a description right after a name."""
        if self.last_link is None:
            return None
        end, cluster = self.last_link
        if cluster.name and 0 <= mention.start - end <= 2 and cluster.kind == "person":
            return cluster
        return None

    def interview_side(self, mention: Mention, exchange: Exchange[_Cluster]) -> _Cluster | None:
        """"Q :" is the interviewer, the newsroom; "R :" the person interviewed: the other
        voice of the exchange, else the person the article last named."""
        if mention.head == "q":
            if self.interviewer is None:
                self.interviewer = self._new(mention)
                self.interviewer.kind = "organisation"
                self.interviewer.description = "rédaction"
                self.interviewer.speaker_like = True
            self.interviewer.mentions.append((mention.start, mention.end))
            return self.interviewer
        for voice in reversed(exchange.voices):
            if voice is not self.interviewer:
                return voice
        for cluster in self._latest(self.recent):
            if cluster.kind == "person" and cluster.name:
                return cluster
        return None

    def _narrator(self, mention: Mention) -> _Cluster:
        """The "je" of the narrative: one person, the narrator, whom the text never names."""
        if self.narrator is None:
            self.narrator = self._new(mention)
            self.narrator.kind = "person"
            self.narrator.description = "narrateur"
            self.narrator.speaker_like = True
        return self.narrator

    def refer(self, mention: Mention) -> None:
        """A pronoun of the narrative ("Il balbutia :"): a mention of the person it continues,
        who stays the topic (recency and subject position, as centering has it). It is kept
        out of the mentions that date a source for the document-level merge, where a wrong
        pronoun link would outweigh the names."""
        cluster = self._by_pronoun(mention)
        if cluster is None or cluster.kind != "person":
            return
        self.said_by.setdefault(cluster.key, []).append((mention.start, mention.end))
        cluster.last = mention.start
        self.recent.move_to_end(cluster.key)
        if mention.subject:
            cluster.last_subject = mention.start
            self.recent_subjects[cluster.key] = cluster
            self.recent_subjects.move_to_end(cluster.key)

    def untagged_turn(self, exchange: Exchange[_Cluster], introduced: bool) -> _Cluster | None:
        """The speaker of a dialogue turn without incise (the rules are in `turns.py`)."""
        if introduced:
            subject = next(self._latest(self.recent_subjects, 1), None)
            if subject is not None and subject.speaker_like:
                return subject
        if exchange.addressed is not None:
            return exchange.addressed
        reply = exchange.reply()
        if reply is not None:
            return reply
        last = exchange.last
        for cluster in self._latest(self.recent):
            if cluster is not last and cluster.kind == "person" and cluster.name:
                return cluster
        return None

    def spoke(self, cluster: _Cluster, start: int) -> None:
        """Record that the cluster is the source of a statement starting at `start`."""
        cluster.last_quote = start
        cluster.quoted_at.append(start)
        cluster.speaker_like = True
        self.recent_speakers[cluster.key] = cluster
        self.recent_speakers.move_to_end(cluster.key)


def resolve(findings: Iterable[ParagraphFindings]) -> Attributions:
    """Resolve the speakers of every statement found, in document order."""
    findings = list(findings)
    if sum(any(q.labelled for q in para.quotes) for para in findings) < _TRANSCRIPT_MIN_TURNS:
        # one "Name : words" paragraph is a headline ("Obama : le bilan"), not a transcript
        findings = [replace(para, quotes=tuple(q for q in para.quotes if not q.labelled)) for para in findings]
    aliases = tuple(alias for para in findings for alias in para.aliases)
    resolver = _Resolver(aliases)
    quotes: list[RawQuote] = []
    quoted: dict[int, int] = {}
    previous: _Cluster | None = None
    exchange: Exchange[_Cluster] = Exchange()
    introduced = False
    announced: Mention | None = None  # the speaker the previous paragraph's colon announces
    linked: dict[tuple[int, int], _Cluster] = {}
    continued: _Cluster | None = None  # who spoke a quotation that ran to the end of the last paragraph
    for para in findings:
        resolver.last_link = None  # a description never glues to a name across paragraphs
        events: list[tuple[int, int, object]] = [(m.start, 1, m) for m in para.mentions]
        events += [((q.mention.start if q.mention else q.start), 0, q) for q in para.quotes]
        events.sort(key=lambda e: (e[0], e[1]))
        seen_spans: set[tuple[int, int]] = set()
        for _, _, item in events:
            if isinstance(item, Mention):
                if (item.start, item.end) in seen_spans:
                    continue
                seen_spans.add((item.start, item.end))
                if item.pronoun:
                    resolver.refer(item)
                else:
                    resolver.link(item)
                continue
            assert isinstance(item, FoundQuote)
            cluster = None
            if item.labelled and item.mention is not None and item.mention.name is None:
                cluster = resolver.interview_side(item.mention, exchange)
            elif item.mention is not None:
                span = (item.mention.start, item.mention.end)
                seen_spans.add(span)
                # the two halves of « A, dit la commerçante, B » share one mention: one link
                cluster = linked.get(span) or resolver.link(replace(item.mention, subject=True))
                if cluster is not None:
                    linked[span] = cluster
            elif announced is not None and item is para.quotes[0]:
                cluster = resolver.link(announced)
            elif item.turn and not exchange.voices and continued is not None:
                cluster = continued  # « … opened without closing, the quote goes on here
            elif item.turn:
                cluster = resolver.untagged_turn(exchange, introduced)
            elif item.follows_previous:
                cluster = previous
            if cluster is not None:
                previous = cluster
                resolver.spoke(cluster, item.start)
                resolver.said_by.setdefault(cluster.key, []).extend(item.self_mentions)
                quoted.setdefault(cluster.key, len(quoted))
                if item.turn:
                    exchange.heard(cluster)
            if item.addressee is not None:
                called = resolver.link(item.addressee)
                exchange.addressed = called if called is not cluster else None
            mention_span = (item.mention.start, item.mention.end) if item.mention else None
            quotes.append(RawQuote(item.start, item.end, item.type, item.cue, mention_span,
                                   cluster.key if cluster else None))
        if not any(q.turn for q in para.quotes):
            exchange.narrative(para.length)
        introduced = para.introduces
        announced = para.introducer
        continued = previous if para.quotes and para.quotes[-1].end >= para.offset + para.length - 2 else None
    speakers, same = _speakers(resolver.clusters, quoted, aliases, resolver.said_by)
    quotes = [replace(q, speaker=same[q.speaker]) if q.speaker is not None else q for q in quotes]
    quotes.sort(key=lambda q: (q.start, q.end))
    return Attributions(tuple(quotes), tuple(speakers))


def _speakers(clusters: list[_Cluster], quoted: dict[int, int], aliases: tuple[Alias, ...],
              said_by: dict[int, list[tuple[int, int]]]) -> tuple[list[RawSpeaker], dict[int, int]]:
    """One speaker per source the whole article shows (`coref.merge_sources`), in the order
    they first speak; and, for each quoted cluster, the key of the speaker it is part of."""
    sources = {
        c.key: Source(c.key, c.kind, c.name, c.gender, c.mentions[0][0] if c.mentions else c.last,
                      quoted_at=list(c.quoted_at), mentions=[m[0] for m in c.mentions],
                      descriptions=list(c.descriptions))
        for c in clusters
        if c.key in quoted or c.name
    }
    merged = merge_sources(sources, aliases)
    same = {key: merged[key][0] for key in quoted}
    speakers = []
    done: set[int] = set()
    for key in sorted(quoted, key=lambda k: quoted[k]):
        root = merged[key][0]
        if root in done:
            continue
        done.add(root)
        group = [c for c in clusters if c.key in merged and merged[c.key][0] == root]
        best = merged[key][1]
        named = next((c for c in group if best and c.name == best), None)
        if named is not None:
            name, span, kind = named.name, named.name_span, named.kind
        elif best:
            lead = next(c for c in group if c.name)
            name, span, kind = best, None, lead.kind
        else:
            lead = clusters[root]
            name, span, kind = lead.description, lead.description_span, lead.kind
        mentions = tuple(sorted({m for c in group for m in (*c.mentions, *said_by.get(c.key, ()))}))
        speakers.append(RawSpeaker(root, name, span, kind, mentions))
    return speakers, same
