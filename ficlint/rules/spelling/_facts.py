"""What the whole manuscript says about its own vocabulary: the names it keeps
using (a capitalised word that recurs mid-sentence, across every file checked
together) and how often each unknown word recurs."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context, Facts
from ficlint.rules.spelling._dictionary import lexicon
from ficlint.rules.spelling._glossary import Glossary, shipped_glossaries
from ficlint.rules.spelling._scan import Scan, scan_of

_NAME_MIN_MID_SENTENCE = 2
_NAME_MIN_OCCURRENCES = 3
_NAME_MIN_REPEATS = 5
_DOUBLED_MIN_LENGTH = 5  # Lilly for Lily; shorter names (Ana, Anna) differ on purpose as often as not


@dataclass
class Manuscript:
    """What the whole manuscript says about its own vocabulary."""

    names: frozenset[str] = frozenset()  # unknown capitalised words the story keeps using
    counts: Counter[str] = field(default_factory=Counter)  # unknown words, lowercased
    capitalised: Counter[str] = field(default_factory=Counter)  # words only ever capitalised
    fandoms: tuple[str, ...] = ()  # the shipped glossaries (rule ids) of the fandoms it belongs to
    # capitalised words used again and again that are no ordinary word, by lowercase: worked out
    # here, once, so that a check reads this verdict rather than every count (ficlint/reads.py)
    frequent_names: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def doubled_names(self) -> dict[str, str]:
        """Each frequent name with one letter doubled or a double letter single, as written
        (Capitalised and UPPER) -> the name: Lilly, LILLY -> Lily (worked out once, when asked)."""
        found: dict[str, str] = {}
        for low, name in self.frequent_names.items():
            for i in range(1, len(low)):
                variants = [low[:i + 1] + low[i:]]
                if low[i] == low[i - 1]:
                    variants.append(low[:i] + low[i + 1:])
                for v in variants:
                    if len(v) >= _DOUBLED_MIN_LENGTH and v not in self.frequent_names:
                        found[v.capitalize()] = found[v.upper()] = name
        return found


def frequent_names(capitalised: Counter[str]) -> dict[str, str]:
    """Capitalised words used again and again that are no ordinary word, by lowercase."""
    has = lexicon().has
    return {w.lower(): w for w, n in capitalised.items()
            if n >= _NAME_MIN_REPEATS and (has(w) or not has(w.lower()))}


def learn(scans: Iterable[Scan], detect_fandoms: bool = True) -> Manuscript:
    mid: Counter[str] = Counter()
    capitalised_unknown: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    all_capitalised: Counter[str] = Counter()
    signs: dict[str, Counter[str]] = {}
    own: dict[str, set[str]] = {}
    for s in scans:
        all_capitalised.update(s.capitalised)
        for fandom, uses in s.fandom_names.items():
            signs.setdefault(fandom, Counter()).update(uses)
        for fandom, words in s.fandom_words.items():
            own.setdefault(fandom, set()).update(words)
        for occ in s.occurrences:
            counts[occ.word.lower()] += 1
            if occ.word[:1].isupper():
                capitalised_unknown[occ.word] += 1
                mid[occ.word] += occ.mid_sentence
    names = {w for w, n in mid.items() if n >= _NAME_MIN_MID_SENTENCE}
    names |= {w for w, n in capitalised_unknown.items() if n >= _NAME_MIN_OCCURRENCES}
    fandoms = tuple(g.rule_id for g in shipped_glossaries()
                    if detect_fandoms and g.belongs(signs.get(g.rule_id, {}), own.get(g.rule_id, set())))
    return Manuscript(frozenset(names), counts, all_capitalised, fandoms, frequent_names(all_capitalised))


def project_words(ctx: Context) -> frozenset[str]:
    """The user's word list (`words:`, .ficlint-words.txt), lowercased."""
    return _lowercased(ctx.config.words)


@cache
def _lowercased(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in words)


def scan_for(doc: AnalyzedDocument, ctx: Context) -> Scan:
    """The document's unknown words under the user's word list."""
    return scan_of(doc, project_words(ctx))


class ManuscriptVocabulary(Facts):
    """Gathers each file's unknown words and learns the manuscript's names from them."""

    name = "spelling"

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> Scan:
        return scan_for(doc, ctx)

    def combine(self, per_file: list[Scan], ctx: Context) -> Manuscript:
        return learn((f for f in per_file if isinstance(f, Scan)), _detects_fandoms(ctx))


VOCABULARY = ManuscriptVocabulary()


def manuscript_vocabulary(doc: AnalyzedDocument, ctx: Context) -> Manuscript:
    """The manuscript's vocabulary, or this file's alone when the run gathered none."""
    facts = ctx.facts(VOCABULARY.name)
    if isinstance(facts, Manuscript):
        return facts
    return learn([scan_for(doc, ctx)], _detects_fandoms(ctx))


def _detects_fandoms(ctx: Context) -> bool:
    return getattr(ctx.config, "fandom_glossaries", "auto") == "auto"


def fandom_glossaries(manuscript: Manuscript, ctx: Context) -> list[Glossary]:
    """The shipped glossaries the manuscript belongs to, unless the config names them as packs
    (then their own rules report near misses)."""
    return [g for g in shipped_glossaries()
            if g.rule_id in manuscript.fandoms and not ctx.is_enabled(g.rule_id)]
