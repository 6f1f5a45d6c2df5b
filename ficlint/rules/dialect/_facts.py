"""The manuscript's spelling dialect: counted over every file checked together.

With `dialect: auto` (the default) the manuscript's own majority decides; with
`en-US`, `en-GB` or `en-GB-oxendict` (Oxford spelling: -ize with British
-our/-re) the writer decides. Other families read the result as
`ctx.facts("dialect")`, a `DialectFacts`:

    facts.dialect      "en-US", "en-GB" or None (unclear): the configured dialect,
                       or with auto what the manuscript's evidence clearly says
    facts.oxford       True for British spelling with -ize (en-GB-oxendict)
    facts.configured   True when the dialect came from the config or --dialect
    facts.british      British spellings counted in the manuscript
    facts.american     American spellings counted (-ize counts only without
                       other British evidence, since Oxford spelling uses it)
    facts.counts       Counter: lower-case variant spelling -> times used
    facts.names        variant spellings the manuscript uses as names (Gray)
    facts.evidence     {"en-GB": weight, "en-US": weight}: the evidence for each side
    facts.mixed        where a manuscript that really mixes both sides is told so, or None

How the evidence is weighed (measured on ../shared/training by
scripts/build_dialect_evidence.py, ficlint/data/dialect-evidence.json): a
variant spelling weighs by how rarely edited prose mixes its pattern (an -our
spelling far more than a -yse one; -ise is British evidence, -ize only weakly
American, since Oxford spelling uses it), each distinct word once plus a little
for every repeat; weak markers (Mum/Mom, towards/toward,
whilst, learnt, "Mr"/"Mr.", single- or double-quoted speech) add their
measured weight, a few occurrences at most. A side is clear when it has at
least RATIO times the other's evidence and MARGIN more, and at least one
variant spelling: then the other side's spellings are the minority. A
manuscript of several files that is unclear when pooled may still be clear by
its files: each file that is clear on its own votes, and a side with twice the
other's votes and at least two wins (one chapter of three written the other
way is that chapter's slip). A manuscript that stays unclear with at least two
distinct words on each side really mixes them: `mixed` says where to say so.

A rule that reads it sets `FACTS = DIALECT` (this module's Facts object), so the
run gathers it even when the dialect rule itself is not selected.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context, Facts
from ficlint.rules.dialect._variants import (
    AMERICAN,
    BRITISH,
    MARKER,
    NOUN,
    OXFORD,
    Variant,
    count_markers,
    every_variant,
    find_hits,
    markers,
)


class Tally:
    """Variant spellings counted side by side, per group (pattern or word family) and per word family."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = Counter(counts or ())
        self._by_key: dict[str, dict[str, Counter[str]]] = {}
        marked = every_variant()
        for word, n in self.counts.items():
            v = marked[word]
            for key in {"g:" + v.group, "f:" + v.family}:
                by_side = self._by_key.setdefault(key, {BRITISH: Counter(), AMERICAN: Counter()})
                by_side[v.side][word] += n

    def group(self, group: str) -> dict[str, Counter[str]]:
        return self._by_key.get("g:" + group) or {BRITISH: Counter(), AMERICAN: Counter()}

    def family(self, family: str) -> dict[str, Counter[str]]:
        return self._by_key.get("f:" + family) or {BRITISH: Counter(), AMERICAN: Counter()}

    def side(self, side: str, skip_pattern: str = "") -> Counter[str]:
        marked = every_variant()
        return Counter({w: n for w, n in self.counts.items()
                        if marked[w].side == side and marked[w].pattern not in (skip_pattern, MARKER)})


@dataclass
class FileCounts:
    """What one file tells about the manuscript's dialect."""

    counts: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)  # of counts: capitalised at a sentence start
    names: set[str] = field(default_factory=set)  # spellings used as (part of) a name
    markers: dict[str, int] = field(default_factory=dict)  # weak markers: name -> occurrences
    path: str = ""
    first: dict[str, int] = field(default_factory=dict)  # spelling -> offset of its first use
    part: int = 0  # which part of a long file (ficlint/parts.py) this is: a checksum of its text


@dataclass(frozen=True)
class Mixed:
    """Where a manuscript that mixes both dialects is told so: its first minority spelling.
    With `dialect` set, the manuscript is clearly of that side but keeps some of the other's
    spellings throughout (`kept`), too often to be slips."""

    path: str
    start: int
    british: tuple[str, ...]
    american: tuple[str, ...]
    dialect: str | None = None
    part: int = 0  # FileCounts.part of the part of a long file it is in


@dataclass
class DialectFacts:
    """The manuscript's spelling dialect, for the dialect rule and for other families."""

    dialect: str | None  # "en-US", "en-GB" or None
    oxford: bool = False
    configured: bool = False
    british: int = 0
    american: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    names: frozenset[str] = frozenset()
    evidence: dict[str, float] = field(default_factory=dict)
    markers: dict[str, int] = field(default_factory=dict)
    mixed: Mixed | None = None
    kept: frozenset[str] = frozenset()  # minority spellings the manuscript keeps throughout (see Mixed)
    by_file: dict[str, Counter[str]] = field(default_factory=dict)  # path -> its counts, parts summed

    def file_tally(self, path: str) -> Tally:
        """The spellings of one whole file (a long file is checked in parts, but its conventions
        are the file's)."""
        return Tally(self.by_file.get(path))

    @cached_property
    def tally(self) -> Tally:
        return Tally(self.counts)


RATIO = 1.75  # a clear side has at least this many times the other's evidence…
MARGIN = 4.0  # …and this much more (about one -our spelling, or an -re one and a marker)
LEAN = 2.5  # a file leans to a side with this much more evidence (and RATIO times the other's)
MARKER_CAP = 3  # occurrences of one weak marker that count: one habit is one piece of evidence
# A pattern (-our, -re, -ll…) the manuscript keeps on the minority side, with this many spellings
# and this share, or a word it spells that way this many times and never the other way, is kept
# on purpose: not slips to flag one by one, but a mixed manuscript to be told so once.
GROUP_MIN = 3
GROUP_SHARE = 0.75
FAMILY_HABIT_MIN = 4
# A word family whose other-dialect spelling this share of the manuscript's dialect's fan-fiction
# works use (grey 0.66, aging in British works 0.61, cancelled 0.46, practicing in British 0.42) is
# held against the manuscript only beside its own dialect's spelling or LEAKY_EVIDENCE distinct
# spellings of that dialect (the ones V001's message lists). Chosen on the tune split: any share from
# 0.2 to 0.4 silences the same 24 of its 288 findings, each with one or two spellings of evidence
# (docs/evaluations/issue-19-heldout.md).
LEAKY = 0.3
LEAKY_EVIDENCE = 3


def weigh(counts: Counter[str], marker_counts: dict[str, int]) -> dict[str, float]:
    """The evidence for each side: variant spellings, distinct words first, and weak markers."""
    known = markers()
    marked = every_variant()
    evidence = {BRITISH: 0.0, AMERICAN: 0.0}
    for word, n in counts.items():
        v = marked[word]
        if v.pattern in (MARKER, NOUN):
            continue  # a marker's pair counts among the markers; a noun is judged by its context only
        key = "ize" if v.pattern == "ise" and v.side == AMERICAN else v.pattern
        weight = known.spelling_weights.get(key, 0.0)
        if weight > 0:
            evidence[v.side] += weight * (1 + 0.5 * math.log2(n))
    for name, n in marker_counts.items():
        weight = known.weights.get(name, 0.0)
        evidence[BRITISH if weight > 0 else AMERICAN] += abs(weight) * min(n, MARKER_CAP)
    return evidence


def clear_side(evidence: dict[str, float], counts: Counter[str]) -> str | None:
    """The side the evidence clearly favours, if it has a variant spelling of its own."""
    for side, other in ((BRITISH, AMERICAN), (AMERICAN, BRITISH)):
        mine, theirs = evidence[side], evidence[other]
        if mine >= RATIO * theirs and mine - theirs >= MARGIN and _has_spelling(counts, side):
            return side
    return None


def _has_spelling(counts: Counter[str], side: str) -> bool:
    marked = every_variant()
    return any(marked[w].side == side and marked[w].pattern not in (MARKER, NOUN) for w in counts)


def _lean(f: FileCounts) -> str | None:
    """The side one file leans to, if any: a weaker test than clear_side, for a vote among files."""
    evidence = weigh(f.counts, f.markers)
    for side, other in ((BRITISH, AMERICAN), (AMERICAN, BRITISH)):
        mine, theirs = evidence[side], evidence[other]
        if mine >= RATIO * theirs and mine - theirs >= LEAN and _has_spelling(f.counts, side):
            return side
    return None


def _by_files(files: Sequence[FileCounts]) -> str | None:
    """The side most files lean to, by twice the votes and at least two."""
    votes = Counter(_lean(f) for f in files)
    votes.pop(None, None)
    for side, other in ((BRITISH, AMERICAN), (AMERICAN, BRITISH)):
        if votes[side] >= 2 and votes[side] >= 2 * votes[other]:
            return side
    return None


def decide(files: Sequence[FileCounts], names: Iterable[str], configured: str) -> DialectFacts:
    """The manuscript's dialect from its files' evidence (or the configured one)."""
    counts: Counter[str] = Counter()
    marker_counts: Counter[str] = Counter()
    for f in files:
        counts.update(f.counts)
        marker_counts.update(f.markers)
    counts = +counts
    facts = DialectFacts(None, counts=counts, names=frozenset(names), markers=dict(marker_counts))
    marked = every_variant()
    core = {BRITISH: 0, AMERICAN: 0}
    ise = {BRITISH: 0, AMERICAN: 0}
    for word, n in counts.items():
        v = marked[word]
        if v.pattern != MARKER:
            (ise if v.pattern == "ise" else core)[v.side] += n
    facts.british = core[BRITISH] + ise[BRITISH]
    # -ize is British too (Oxford spelling): it counts as American only without other British evidence
    facts.american = core[AMERICAN] + (ise[AMERICAN] if core[BRITISH] == 0 else 0)
    facts.evidence = weigh(counts, marker_counts)
    if configured != "auto":
        facts.configured = True
        facts.dialect = AMERICAN if configured == AMERICAN else BRITISH
        facts.oxford = configured == OXFORD
        return facts
    whole = _whole_files(files)
    facts.by_file = {f.path: f.counts for f in whole}
    facts.dialect = clear_side(facts.evidence, counts)
    if facts.dialect is None and len(whole) > 1:
        facts.dialect = _by_files(whole)
    facts.oxford = facts.dialect == BRITISH and ise[AMERICAN] > ise[BRITISH]
    if facts.dialect is None:
        facts.mixed = _mixed(files, counts, facts.evidence)
    else:
        facts.kept = _kept(facts)
        if facts.kept:
            facts.mixed = _said_at(files, facts.kept, _distinct(counts), facts.dialect)
    return facts


def _whole_files(files: Sequence[FileCounts]) -> list[FileCounts]:
    """The parts of each long file summed into one FileCounts, in file order."""
    merged: dict[str, FileCounts] = {}
    for f in files:
        seen = merged.get(f.path)
        if seen is None:
            merged[f.path] = f
            continue
        counts, markers = seen.counts + f.counts, Counter(seen.markers)
        markers.update(f.markers)
        merged[f.path] = FileCounts(counts, seen.capitalised + f.capitalised, seen.names | f.names,
                                    dict(markers), f.path)
    return list(merged.values())


def common_habit(tally: Tally, v: Variant, wanted: str) -> bool:
    """Is `v` a spelling many writers of the `wanted` dialect use, in a manuscript that neither
    spells the word the wanted way nor shows its dialect in LEAKY_EVIDENCE distinct spellings?
    Then it is the writer's habit for that word, not a slip, and not a mix to be told of either."""
    if markers().leaks.get((wanted, v.family), 0.0) < LEAKY:
        return False
    if tally.family(v.family)[wanted]:
        return False  # gray and grey in one manuscript: a mix whatever the habit
    shown = tally.side(wanted, skip_pattern="ise" if wanted == AMERICAN else "")
    return len(shown) < LEAKY_EVIDENCE


def _kept(facts: DialectFacts) -> frozenset[str]:
    """The minority spellings a clearly British or American manuscript keeps throughout."""
    wanted = facts.dialect
    tally = facts.tally
    marked = every_variant()
    kept = set()
    for word in facts.counts:
        v = marked[word]
        if v.side == wanted or v.pattern in (MARKER, NOUN) or v.pattern == "ise" and wanted == BRITISH:
            continue  # -ize in British spelling is Oxford spelling, not a mix
        if common_habit(tally, v, wanted):
            continue  # grey throughout a thinly American manuscript: V001 calls it no slip, so no mix either
        group, family = tally.group(v.group), tally.family(v.family)
        mine, theirs = sum(group[v.side].values()), sum(group[wanted].values())
        if v.group != v.family and mine + theirs >= GROUP_MIN and mine >= GROUP_SHARE * (mine + theirs) \
                or sum(family[v.side].values()) >= FAMILY_HABIT_MIN and not family[wanted]:
            kept.add(word)
    return frozenset(kept)


def _distinct(counts: Counter[str]) -> dict[str, list[str]]:
    """The variant spellings of each side, commonest first (-ize, which British shares, left out)."""
    marked = every_variant()
    words: dict[str, list[str]] = {BRITISH: [], AMERICAN: []}
    for word, _ in counts.most_common():
        v = marked[word]
        if v.pattern not in (MARKER, NOUN) and not (v.pattern == "ise" and v.side == AMERICAN):
            words[v.side].append(word)
    return words


def _said_at(files: Sequence[FileCounts], minority: Iterable[str], words: dict[str, list[str]],
             dialect: str | None) -> Mixed | None:
    """A Mixed at the first use, in file order, of any of the `minority` spellings. With a clear
    `dialect`, the other side's list names only the spellings it keeps."""
    wanted = set(minority)
    british, american = words[BRITISH], words[AMERICAN]
    if dialect == BRITISH:
        american = [w for w in american if w in wanted]
    elif dialect == AMERICAN:
        british = [w for w in british if w in wanted]
    for f in files:
        firsts = [at for w, at in f.first.items() if w in wanted]
        if firsts:
            return Mixed(f.path, min(firsts), tuple(british[:4]), tuple(american[:4]), dialect, f.part)
    return None


def _mixed(files: Sequence[FileCounts], counts: Counter[str], evidence: dict[str, float]) -> Mixed | None:
    """Where to say that a manuscript with no clear side mixes them: at least two distinct words on
    each side, said at the first spelling of the side with less evidence."""
    words = _distinct(counts)
    if len(words[BRITISH]) < 2 or len(words[AMERICAN]) < 2:
        return None
    minority = BRITISH if evidence[BRITISH] < evidence[AMERICAN] else AMERICAN
    return _said_at(files, words[minority], words, None)


def accepted_words(ctx: Context) -> frozenset[str]:
    """The user's word list, lowercased: spellings they accept whatever the dialect."""
    return frozenset(w.lower() for w in ctx.config.words)


class ManuscriptDialect(Facts):
    """Gathers each file's variant spellings and markers and decides the manuscript's dialect."""

    name = "dialect"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> FileCounts:
        hits, names = find_hits(doc)
        accepted = accepted_words(ctx)
        counted = [h for h in hits if h.variant.spelling not in accepted]
        first: dict[str, int] = {}
        for h in counted:
            first.setdefault(h.variant.spelling, h.start)
        return FileCounts(Counter(h.variant.spelling for h in counted),
                          Counter(h.variant.spelling for h in counted if h.capitalised), set(names),
                          count_markers(doc), doc.path, first, part_key(doc.text))

    def combine(self, per_file: list[FileCounts], ctx: Context) -> DialectFacts:
        files = [f for f in per_file if f is not None]
        names: set[str] = set()
        for f in files:
            names.update(f.names)
        # a spelling the manuscript uses as a name ("Mrs. Gray") is no evidence when capitalised ("Gray said")
        cleaned = [_without_names(f, names) for f in files]
        return decide(cleaned, names, ctx.config.dialect)


def _without_names(f: FileCounts, names: set[str]) -> FileCounts:
    drop = Counter({w: n for w, n in f.capitalised.items() if w in names})
    if not drop:
        return f
    counts = f.counts.copy()
    counts.subtract(drop)
    counts = +counts
    return FileCounts(counts, f.capitalised, f.names, f.markers, f.path,
                      {w: at for w, at in f.first.items() if w in counts}, f.part)


def part_key(text: str) -> int:
    """Which part of its file a document is (the same in every process, unlike hash())."""
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


DIALECT = ManuscriptDialect()


def dialect_facts(doc: AnalyzedDocument, ctx: Context) -> DialectFacts:
    """The manuscript's dialect facts, or this file's alone when the run gathered none."""
    facts = ctx.facts(DIALECT.name)
    if isinstance(facts, DialectFacts):
        return facts
    return DIALECT.combine([DIALECT.gather(doc, ctx)], ctx)
