"""`kind: glossary` rule packs: a fandom's canonical names and terms.

Keys: `terms` (a list of canonical spellings; a multi-word term counts word by
word), optional `variants` (misspelling -> canonical, for slips too far away
to guess), `signature` (names that say a manuscript belongs to the fandom),
`fandom` (its name, for messages), `capitals` (words canon capitalises that
the dictionary may know in lowercase: Muggle, Floo; C001 reads them), `regions`, `message` ({match} and
{replacement} are filled in). The terms themselves are never typos.

A pack named in the config (`packs:`) is a rule of its own that flags near misses
of its terms. The packs shipped in rules/glossaries/ also switch themselves on
when a manuscript clearly belongs to their fandom (`fandom-glossaries: auto`, the
default): their terms are then known words and S002 flags near misses of their names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.scopes import Scope
from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import WORD
from ficlint.packs import PackError, parse_scope, rule_from_entry
from ficlint.resources import compiled_yaml, rules_dir, safe_loader, yaml
from ficlint.rules.common import WRITING
from ficlint.rules.spelling import _names
from ficlint.rules.spelling._dictionary import lexicon
from ficlint.rules.spelling._words import classify

_GLOSSARY_KEYS = {"id", "name", "kind", "category", "severity", "summary", "why", "flags", "allows",
                  "fix_safety", "enabled", "description", "terms", "variants", "regions", "message",
                  "signature", "fandom", "capitals"}
_GLOSSARIES: dict[str, GlossaryRule] = {}  # by rule id: the spelling rules leave their terms alone
# A manuscript belongs to a fandom when it uses SIGNATURE_NAMES distinct names of its signature
# SIGNATURE_USES times in all, or two of them EACH_USES times each (a chapter about two characters),
SIGNATURE_NAMES = 3
SIGNATURE_USES = 5
EACH_USES = 5
OWN_WORDS = 3  # or this many distinct words only the fandom uses (knuts, apparate, Alohomora)
_WRITING_SCOPE = Scope.of(k.value for k in WRITING)


@dataclass(frozen=True)
class Glossary:
    """A fandom's terms, as the spelling rules read them."""

    rule_id: str
    fandom: str
    by_lower: dict[str, str]  # every term, lowercase -> as spelt
    variants: dict[str, str]  # known misspelling (lowercase) -> canonical
    signature: frozenset[str]
    capitals: frozenset[str] = frozenset()  # lowercase: words canon capitalises (muggle, floo)

    @functools.cached_property
    def own_words(self) -> frozenset[str]:
        """The terms no dictionary knows (lowercase): words only this fandom uses (knuts, apparate)."""
        knows = lexicon().knows
        return frozenset(low for low, t in self.by_lower.items() if not knows(t))

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """The capitalised terms: the names a near miss is told from."""
        return {low: t for low, t in self.by_lower.items() if t[:1].isupper()}

    @functools.cached_property
    def own_stems(self) -> frozenset[str]:
        """The stems of the lowercase terms only this fandom uses (floo for flooed, apparat for
        apparated); not of its names, whose slips would pass for inflections (Hagris, Hagrid)."""
        return frozenset(_stem(w) for w in self.own_words if self.by_lower[w].islower())

    def knows(self, word: str) -> bool:
        """A term, or an inflection of one of the fandom's own words (floos and flooing beside the
        glossary's flooed: the glossary lists the forms fan fiction used most, not every form)."""
        lower = word.lower()
        return lower in self.by_lower or len(lower) >= _MIN_INFLECTED and _stem(lower) in self.own_stems

    def covers(self, word: str) -> bool:
        """Is `word` one of the glossary's terms or a near-miss of one?"""
        return self.knows(word) or self.near_miss(word) is not None

    def near_miss(self, word: str) -> str | None:
        """The canonical spelling `word` misses, or None."""
        lower = word.lower()
        if lower in self.variants:
            return self.variants[lower]
        if lower in self.by_lower or len(word) < 4 or not word[:1].isupper():
            return None
        if lexicon().knows(word):
            return None  # an ordinary word (Harry/Hardy): not a slip
        found = _names.near_miss(word, self.names, by_ear=True, far_by_ear=True)
        if found is None and lower.endswith("s") and len(lower) > _MIN_POSSESSIVE:
            # a name whose 's lost its apostrophe (Grimmualds Place), by one slip only, not by ear
            stem = _names.near_miss(word[:-1], self.names)
            made = stem and _names.made_from(lower, stem.lower() + "s")  # Gryffindorks: Gryffin + dorks
            return stem + "s" if stem and not stem.endswith("s") and not made else None
        return found

    def belongs(self, uses: dict[str, int], own_words: set[str]) -> bool:
        """Do these uses of signature names, and these of the fandom's own words, say that a
        manuscript belongs to the fandom?"""
        if len(uses) >= SIGNATURE_NAMES and sum(uses.values()) >= SIGNATURE_USES:
            return True
        return sum(n >= EACH_USES for n in uses.values()) >= 2 or len(own_words) >= OWN_WORDS


_MIN_POSSESSIVE = 7  # letters of a name and its s whose stem is judged: Grimmualds, not Erinyes (Ernie)
_INFLECTIONS = ("ing", "ed", "es", "s", "d")
_MIN_INFLECTED = 5


def _stem(word: str) -> str:
    """`word` without a regular inflection: flooed, floos, flooing -> floo."""
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def glossary_of(entry: dict[str, Any], path: Path) -> Glossary:
    terms = _glossary_terms(entry, path)
    return Glossary(str(entry.get("id", "")), str(entry.get("fandom") or entry.get("name") or path.stem),
                    {t.lower(): t for t in terms},
                    {str(k).lower(): str(v) for k, v in (entry.get("variants") or {}).items()},
                    frozenset(str(w) for w in entry.get("signature") or ()),
                    frozenset(str(w).lower() for w in entry.get("capitals") or ()))


@cache
def shipped_glossaries() -> tuple[Glossary, ...]:
    """The glossary packs shipped in rules/glossaries/, read as data (loaded once, when asked)."""
    found = []
    for path in sorted((rules_dir() / "glossaries").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data = compiled_yaml(path, text)
        if data is None:  # an edited file: parse it
            data = yaml.load(text, Loader=safe_loader())  # noqa: S506 - a safe loader
        found.extend(glossary_of(entry, path) for entry in data.get("rules", [])
                     if entry.get("kind") == "glossary" and entry.get("signature"))
    return tuple(found)


class GlossaryRule(Check):
    """One glossary pack rule named in the config: near-misses of its terms are flagged."""

    def __init__(self, entry: dict[str, Any], path: Path) -> None:
        unknown = set(entry) - _GLOSSARY_KEYS
        if unknown:
            raise PackError(f"{path}: rule {entry.get('id')}: unknown key(s) for kind glossary: "
                            f"{', '.join(sorted(unknown))}")
        self.rule = rule_from_entry(entry, path)
        self.regions = tuple(parse_scope(entry, path, default=_WRITING_SCOPE).region_kinds)
        self.message = str(entry.get("message", "\"{match}\": the canonical spelling is \"{replacement}\"."))
        self.glossary = glossary_of(entry, path)
        _GLOSSARIES[self.rule.id] = self

    def covers(self, word: str) -> bool:
        return self.glossary.covers(word)

    def near_miss(self, word: str) -> str | None:
        return self.glossary.near_miss(word)

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


def enabled_glossaries(ctx: Context) -> list[Glossary]:
    """The glossary pack rules on for this file: their terms and near-misses are theirs to judge."""
    return [g.glossary for rid, g in _GLOSSARIES.items() if ctx.is_enabled(rid)]
