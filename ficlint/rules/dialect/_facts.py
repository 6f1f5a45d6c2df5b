"""The manuscript's spelling dialect: counted over every file checked together.

With `dialect: auto` (the default) the manuscript's own majority decides; with
`en-US`, `en-GB` or `en-GB-oxendict` (Oxford spelling: -ize with British
-our/-re) the writer decides. Other families read the result as
`ctx.facts("dialect")`, a `DialectFacts`:

    facts.dialect      "en-US", "en-GB" or None (unclear): the configured dialect,
                       or with auto the manuscript's clear majority
    facts.oxford       True for British spelling with -ize (en-GB-oxendict)
    facts.configured   True when the dialect came from the config or --dialect
    facts.british      British spellings counted in the manuscript
    facts.american     American spellings counted (-ize counts only without
                       other British evidence, since Oxford spelling uses it)
    facts.counts       Counter: lower-case variant spelling -> times used
    facts.names        variant spellings the manuscript uses as names (Gray)

A rule that reads it sets `FACTS = DIALECT` (this module's Facts object), so the
run gathers it even when the dialect rule itself is not selected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context, Facts
from ficlint.rules.dialect._variants import AMERICAN, BRITISH, OXFORD, find_hits, variants


class Tally:
    """Variant spellings counted side by side, per group (pattern or word family) and per word family."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = Counter(counts or ())
        self._by_key: dict[str, dict[str, Counter[str]]] = {}
        marked = variants().marked
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
        marked = variants().marked
        return Counter({w: n for w, n in self.counts.items()
                        if marked[w].side == side and marked[w].pattern != skip_pattern})


@dataclass
class FileCounts:
    """What one file tells about the manuscript's dialect."""

    counts: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)  # of counts: capitalised at a sentence start
    names: set[str] = field(default_factory=set)  # spellings used as (part of) a name


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

    @cached_property
    def tally(self) -> Tally:
        return Tally(self.counts)


def _clear_winner(british: int, american: int, minimum: int = 2) -> str | None:
    """The side with at least `minimum` votes and three times the other's, if any."""
    if british >= minimum and british >= 3 * american:
        return BRITISH
    if american >= minimum and american >= 3 * british:
        return AMERICAN
    return None


def decide(counts: Counter[str], names: Iterable[str], configured: str) -> DialectFacts:
    """The manuscript's dialect from the variant spellings it uses (or the configured one)."""
    facts = DialectFacts(None, counts=counts, names=frozenset(names))
    marked = variants().marked
    core = {BRITISH: 0, AMERICAN: 0}
    ise = {BRITISH: 0, AMERICAN: 0}
    for word, n in counts.items():
        v = marked[word]
        (ise if v.pattern == "ise" else core)[v.side] += n
    facts.british = core[BRITISH] + ise[BRITISH]
    # -ize is British too (Oxford spelling): it counts as American only without other British evidence
    facts.american = core[AMERICAN] + (ise[AMERICAN] if core[BRITISH] == 0 else 0)
    if configured != "auto":
        facts.configured = True
        facts.dialect = AMERICAN if configured == AMERICAN else BRITISH
        facts.oxford = configured == OXFORD
        return facts
    facts.dialect = _clear_winner(facts.british, facts.american)
    facts.oxford = facts.dialect == BRITISH and ise[AMERICAN] > ise[BRITISH]
    return facts


def accepted_words(ctx: Context) -> frozenset[str]:
    """The user's word list, lowercased: spellings they accept whatever the dialect."""
    return frozenset(w.lower() for w in ctx.config.words)


class ManuscriptDialect(Facts):
    """Gathers each file's variant spellings and decides the manuscript's dialect."""

    name = "dialect"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> FileCounts:
        hits, names = find_hits(doc)
        accepted = accepted_words(ctx)
        counted = [h for h in hits if h.variant.spelling not in accepted]
        return FileCounts(Counter(h.variant.spelling for h in counted),
                          Counter(h.variant.spelling for h in counted if h.capitalised), set(names))

    def combine(self, per_file: list[FileCounts], ctx: Context) -> DialectFacts:
        counts: Counter[str] = Counter()
        capitalised: Counter[str] = Counter()
        names: set[str] = set()
        for f in per_file:
            if f is not None:
                counts.update(f.counts)
                capitalised.update(f.capitalised)
                names.update(f.names)
        # a spelling the manuscript uses as a name ("Mrs. Gray") is no evidence when capitalised ("Gray said")
        counts.subtract({w: n for w, n in capitalised.items() if w in names})
        return decide(+counts, names, ctx.config.dialect)


DIALECT = ManuscriptDialect()


def dialect_facts(doc: AnalyzedDocument, ctx: Context) -> DialectFacts:
    """The manuscript's dialect facts, or this file's alone when the run gathered none."""
    facts = ctx.facts(DIALECT.name)
    if isinstance(facts, DialectFacts):
        return facts
    return DIALECT.combine([DIALECT.gather(doc, ctx)], ctx)
