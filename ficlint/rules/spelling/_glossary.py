"""`kind: glossary` rule packs: a fandom's canonical names and terms.

Keys: `terms` (a list of canonical spellings; a multi-word term counts word by
word), optional `variants` (misspelling -> canonical, for slips too far away
to guess), `regions`, `message` ({match} and {replacement} are filled in).
A word one or two typing slips away from a term is flagged with the canonical
spelling as the fix; the terms themselves are never typos.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.scopes import Scope
from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import WORD
from ficlint.packs import PackError, parse_scope, rule_from_entry
from ficlint.rules.common import WRITING
from ficlint.rules.spelling._dictionary import lexicon
from ficlint.rules.spelling._suggest import one_edit
from ficlint.rules.spelling._words import classify

_GLOSSARY_KEYS = {"id", "name", "kind", "category", "severity", "summary", "why", "flags", "allows",
                  "fix_safety", "enabled", "description", "terms", "variants", "regions", "message"}
_GLOSSARIES: dict[str, GlossaryRule] = {}  # by rule id: the spelling rules leave their terms alone


_WRITING_SCOPE = Scope.of(k.value for k in WRITING)


class GlossaryRule(Check):
    """One glossary pack rule: near-misses of its terms are flagged."""

    def __init__(self, entry: dict[str, Any], path: Path) -> None:
        unknown = set(entry) - _GLOSSARY_KEYS
        if unknown:
            raise PackError(f"{path}: rule {entry.get('id')}: unknown key(s) for kind glossary: "
                            f"{', '.join(sorted(unknown))}")
        self.rule = rule_from_entry(entry, path)
        self.regions = tuple(parse_scope(entry, path, default=_WRITING_SCOPE).region_kinds)
        self.message = str(entry.get("message", "\"{match}\": the canonical spelling is \"{replacement}\"."))
        self.terms = _glossary_terms(entry, path)
        self.variants = {str(k).lower(): str(v) for k, v in (entry.get("variants") or {}).items()}
        self.by_lower = {t.lower(): t for t in self.terms}
        _GLOSSARIES[self.rule.id] = self

    def covers(self, word: str) -> bool:
        """Is `word` one of the glossary's terms or a near-miss of one?"""
        return word.lower() in self.by_lower or self.near_miss(word) is not None

    def near_miss(self, word: str) -> str | None:
        """The canonical spelling `word` misses, or None."""
        lower = word.lower()
        if lower in self.variants:
            return self.variants[lower]
        if lower in self.by_lower or len(word) < 4 or not word[:1].isupper():
            return None
        if lexicon().knows(word):
            return None  # an ordinary word (Harry/Hardy): not a slip
        return _within_one_edit(lower, self.by_lower)

    def check(self, doc: AnalyzedDocument, ctx: Context) -> Iterable[Diagnostic]:
        text = doc.text
        for region in doc.regions_of(*self.regions):
            tokens = set(WORD.findall(text, region.start, region.end))
            misses = {t: miss for t in tokens if (miss := self._miss(t))}
            if not misses:
                continue
            for m in WORD.finditer(text, region.start, region.end):
                if m.group(0) not in misses:
                    continue
                part, canonical = misses[m.group(0)]
                start, end = m.start(), m.start() + len(part)
                yield Diagnostic(self.rule.id, start, end,
                                 self.message.format(match=part, replacement=canonical),
                                 (Fix(start, end, canonical, safe=False),), confidence=0.8)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one per glossary rule, which lives for the run
    def _miss(self, token: str) -> tuple[str, str] | None:
        part = classify(token)[1]
        canonical = self.near_miss(part)
        return (part, canonical) if canonical and canonical != part else None


def _glossary_terms(entry: dict[str, Any], path: Path) -> tuple[str, ...]:
    raw = entry.get("terms")
    if not isinstance(raw, list) or not raw:
        raise PackError(f"{path}: rule {entry.get('id')}: a glossary needs a non-empty `terms:` list")
    words = {w for term in raw for w in WORD.findall(str(term)) if len(w) >= 3}
    return tuple(sorted(words))


def _within_one_edit(word: str, targets: dict[str, str]) -> str | None:
    hits = sorted(one_edit(word) & targets.keys())
    return targets[hits[0]] if hits else None


def enabled_glossaries(ctx: Context) -> list[GlossaryRule]:
    """The glossary pack rules on for this file: their terms and near-misses are theirs to judge."""
    return [g for rid, g in _GLOSSARIES.items() if ctx.is_enabled(rid)]
