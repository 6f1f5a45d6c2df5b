"""YAML rule packs: rules a writer can add without Python, of a few kinds.

A pack is a YAML file with a `rules:` list. Each rule has the metadata every
rule has (id, name, category, severity, summary, why, flags, allows) and a
`kind` with that kind's keys:

- `substitution`: a word or phrase that is wrong, optionally only in a given
  context, with its replacement. Keys: `swap` (wrong -> right), optional
  `before` / `after` (regular expressions the text just before / after must
  match), `message`.
- `existence`: a pattern that should not occur. Keys: `patterns`, `message`.
- `consistency`: pairs of variants of which a document should use one.
  Keys: `either` (variant -> variant), `message`.

Common keys: `scope` (where the rule applies: narration, dialogue,
author_note, heading, and from the analysis `tag` (speech tags), `beat` (action
beats), `emphasis` (italics: thoughts, signs); default narration and dialogue;
`regions` is the older name, for region kinds only), `ignorecase` (default
true), `fix` (`safe`, `unsafe` or `none`; default safe).

The patterns of a writer's own packs run on RE2, in linear time, so no
pattern can hang a run; the packs shipped with ficlint use Python's `re`
(see `ficlint.safe_regex`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.scopes import Scope, UnknownScope
from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix, Severity, keep_case
from ficlint.resources import compiled_yaml, rules_dir, safe_loader, yaml
from ficlint.rule import Example, Rule
from ficlint.safe_regex import Pattern, PatternTimeout, UnsafePattern, compile_pattern, compile_user_pattern

KINDS = ("substitution", "existence", "consistency")
_META_KEYS = {"id", "name", "kind", "category", "severity", "summary", "why", "flags", "allows", "fix_safety",
              "regions", "scope", "ignorecase", "fix", "message", "enabled", "description"}
_KIND_KEYS = {
    "substitution": {"swap", "before", "after"},
    "existence": {"patterns"},
    "consistency": {"either"},
}
DEFAULT_SCOPE = Scope.of(("narration", "dialogue"))
_PLAIN_WORDS = re.compile(r"[\w'’ -]+")
_WORD_LIST = re.compile(r"\\b\(\?:(\w+(?:\|\w+)*)\)\\b")  # \b(?:word|word…)\b


class PackError(ValueError):
    """A rule pack that cannot be used; the message names the file and line."""


def load_pack(path: Path, extra_kinds: dict[str, Callable[..., Check]] | None = None) -> list[Check]:
    """Parse one pack file into checks (one per rule)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise PackError(f"{path}: cannot read rule pack: {err}") from None
    data = compiled_yaml(path, raw)  # a shipped pack: read without PyYAML
    if data is None:
        data = _parsed(raw, path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(f"{path}: a rule pack needs a top-level `rules:` list")
    unknown_top = set(data) - {"rules", "pack", "description"}
    if unknown_top:
        raise PackError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown_top))}")
    checks: list[Check] = []
    for index, entry in enumerate(data["rules"]):
        try:
            checks.append(_build(entry, path, extra_kinds or {}))
        except PackError as err:  # say which entry: file:line
            lines = _entry_lines(raw)
            line = lines[index] if index < len(lines) else 0
            raise PackError(str(err).replace(f"{path}: ", f"{path}:{line}: ", 1)) from None
    return checks


def _parsed(raw: str, path: Path) -> Any:
    try:
        return yaml.load(raw, Loader=safe_loader())  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: not valid YAML: {getattr(err, 'problem', None) or err}") from None


def _entry_lines(raw: str) -> list[int]:
    """The 1-based line on which each item of `rules:` starts."""
    root = yaml.compose(raw, Loader=safe_loader())
    for key, value in root.value if isinstance(root, yaml.MappingNode) else ():
        if key.value == "rules" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _build(entry: Any, path: Path, extra_kinds: dict[str, Callable[..., Check]]) -> Check:
    if not isinstance(entry, dict):
        raise PackError(f"{path}: every item of `rules:` must be a mapping")
    rid = entry.get("id", "?")
    kind = entry.get("kind")
    if kind in extra_kinds:
        try:
            return extra_kinds[kind](entry, path)
        except PackError:
            raise
        except Exception as err:  # noqa: BLE001 - a kind's builder that chokes on bad data
            raise PackError(f"{path}: rule {rid}: {type(err).__name__}: {err}") from None
    if kind not in KINDS:
        known = ", ".join(list(KINDS) + list(extra_kinds))
        raise PackError(f"{path}: rule {rid}: kind must be one of {known}, not {kind!r}")
    unknown = set(entry) - _META_KEYS - _KIND_KEYS[kind]
    if unknown:
        raise PackError(f"{path}: rule {rid}: unknown key(s) for kind {kind}: {', '.join(sorted(unknown))}")
    rule = rule_from_entry(entry, path)
    return PackRule(rule, kind, entry, path)


def rule_from_entry(entry: dict[str, Any], path: Path) -> Rule:
    """The Rule metadata of a pack entry (shared with kinds defined elsewhere)."""
    rid = entry.get("id", "?")
    try:
        return Rule(
            id=str(entry["id"]),
            name=str(entry["name"]),
            category=str(entry["category"]),
            summary=str(entry["summary"]),
            why=str(entry.get("why", "")).strip(),
            examples=_examples(entry.get("flags"), path, rid),
            allows=tuple(_as_list(entry.get("allows"))),
            severity=Severity(entry.get("severity", "warning")),
            fix_safety=str(entry.get("fix_safety", "")),
            enabled_by_default=bool(entry.get("enabled", True)),
            origin=path.name,
        )
    except KeyError as err:
        raise PackError(f"{path}: rule {rid}: missing key {err.args[0]!r}") from None
    except ValueError as err:
        raise PackError(f"{path}: {err}") from None


def _examples(value: Any, path: Path, rid: str) -> tuple[Example, ...]:
    """`flags:` items: a text the rule must flag, or a mapping {bad: text, fixed: text after the fix}."""
    found: list[Example] = []
    for item in value if isinstance(value, list) else [] if value is None else [value]:
        if isinstance(item, dict):
            if "bad" not in item or set(item) - {"bad", "fixed"}:
                raise PackError(f"{path}: rule {rid}: a `flags` mapping has `bad` and optionally `fixed`")
            fixed = item.get("fixed")
            found.append(Example(str(item["bad"]), None if fixed is None else str(fixed)))
        else:
            found.append(Example(str(item)))
    return tuple(found)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def parse_scope(entry: dict[str, Any], path: Path, default: Scope = DEFAULT_SCOPE) -> Scope:
    """Where a pack rule applies: `scope:` (any of ficlint.analysis.scopes.SCOPES), or the older
    `regions:` (region kinds only); narration and dialogue when neither is given."""
    if "scope" in entry and "regions" in entry:
        raise PackError(f"{path}: rule {entry.get('id')}: give `scope` or `regions`, not both")
    names = entry.get("scope", entry.get("regions"))
    if names is None:
        return default
    try:
        return Scope.of(_as_list(names))
    except UnknownScope as err:
        raise PackError(f"{path}: rule {entry.get('id')}: {err}") from None


@dataclass(frozen=True)
class _Matcher:
    pattern: Pattern
    replacement: Callable[[Any], str | None]  # called with the match
    # The same search, case-sensitive, for the lowercased text: several times faster
    # than IGNORECASE on a long alternation of words.
    lower_pattern: re.Pattern[str] | None = None
    # Every match of the pattern run (`lower_pattern` when there is one, else `pattern` when it is
    # case-sensitive) starts with one of these words: a list of plain words is found with str.find,
    # many times faster than a scan of the text with an alternation of common letters.
    literals: tuple[str, ...] = ()


class PackRule(Check):
    """One rule of a YAML pack."""

    family = "packs"

    def __init__(self, rule: Rule, kind: str, entry: dict[str, Any], path: Path) -> None:
        self.rules = (rule,)
        self.rule = rule
        self.kind = kind
        self.path = path
        self.scope = parse_scope(entry, path)
        self.flags = 0 if entry.get("ignorecase") is False else re.IGNORECASE
        self.fix = entry.get("fix", "safe")
        if self.fix not in ("safe", "unsafe", "none"):
            raise PackError(f"{path}: rule {rule.id}: fix must be safe, unsafe or none")
        self.message = str(entry.get("message", rule.summary))
        self.shipped = path.resolve().is_relative_to(rules_dir().resolve())
        self.matchers = self._compile(entry)

    def _regex(self, pattern: str, word_edges: bool = False) -> Pattern:
        """A shipped pack's pattern on Python's re; a writer's own on RE2 (linear time)."""
        if self.shipped:
            return compile_pattern(pattern, self.flags)
        return compile_user_pattern(pattern, bool(self.flags & re.IGNORECASE), word_edges)

    def _compile(self, entry: dict[str, Any]) -> list[_Matcher]:
        try:
            if self.kind == "substitution":
                return self._substitutions(entry)
            if self.kind == "existence":
                patterns = _as_list(entry["patterns"])
                return [_Matcher(self._regex(p), lambda m: None, None, self._word_list(p)) for p in patterns]
            return self._consistency(entry)
        except re.error as err:
            raise PackError(f"{self.path}: rule {self.rule.id}: bad regular expression: {err}") from None
        except UnsafePattern as err:
            raise PackError(f"{self.path}: rule {self.rule.id}: {err}") from None
        except (KeyError, AttributeError, TypeError) as err:
            raise PackError(f"{self.path}: rule {self.rule.id}: missing or malformed key {err}") from None

    def _word_list(self, pattern: str) -> tuple[str, ...]:
        """The words of a shipped pattern that is a plain list of them (`\\b(?:TODO|FIXME)\\b`), which
        every match starts with: found with str.find instead of a scan that tries every position."""
        m = _WORD_LIST.fullmatch(pattern)
        return tuple(m.group(1).split("|")) if m and self.shipped else ()

    def _substitutions(self, entry: dict[str, Any]) -> list[_Matcher]:
        swap = {str(k): str(v) for k, v in entry["swap"].items()}
        # Context is matched around the `hit` group, which is all the diagnostic covers (Python's
        # lookbehind needs a fixed width; RE2 has no lookarounds, and a search resumes after the hit).
        before = f"(?:{entry['before']})" if entry.get("before") else ""
        after = f"(?={entry['after']})" if entry.get("after") and self.shipped else \
            f"(?:{entry['after']})" if entry.get("after") else ""
        if all(_PLAIN_WORDS.fullmatch(k) and "\\" not in v for k, v in swap.items()):
            # Plain words: one alternation and a lookup, one scan of the text.
            fold = str.lower if self.flags & re.IGNORECASE else str
            table = {fold(k): v for k, v in swap.items()}
            words = "|".join(re.escape(k) for k in sorted(swap, key=len, reverse=True))
            lower = None
            if not before and not after:  # no pattern of the writer's: Python's re is safe and fastest
                pattern: Pattern = re.compile(f"(?P<hit>\\b(?:{words})\\b)", self.flags)
                if self.flags & re.IGNORECASE:
                    lower = re.compile(f"(?P<hit>\\b(?:{words.lower()})\\b)")
                literals = tuple(map(fold, swap))
                return [_Matcher(pattern, lambda m: table.get(fold(m.group("hit"))), lower, literals)]
            pattern = self._regex(f"{before}(?P<hit>\\b(?:{words})\\b){after}", word_edges=True)
            return [_Matcher(pattern, lambda m: table.get(fold(m.group("hit"))), lower)]
        return [_Matcher(self._regex(f"{before}(?P<hit>\\b{wrong}\\b){after}", word_edges=True),
                         _replacer(right)) for wrong, right in swap.items()]

    def _consistency(self, entry: dict[str, Any]) -> list[_Matcher]:
        self.pairs = [(str(a), str(b)) for a, b in entry["either"].items()]
        fold = str.lower if self.flags & re.IGNORECASE else str
        self.variant_of = {fold(v): (i, v) for i, pair in enumerate(self.pairs) for v in pair}
        self.fold = fold
        # longest first; ties alphabetically, so the pattern's text is the same in every process
        # (a set's order changes with the hash seed)
        variants = sorted({v for pair in self.pairs for v in pair}, key=lambda v: (-len(v), v))
        alternation = r"\b(?:" + "|".join(map(re.escape, variants)) + r")\b"
        lower = re.compile(alternation.lower()) if self.flags & re.IGNORECASE else None
        self.variants = _Matcher(re.compile(alternation, self.flags), lambda m: None, lower,
                                 tuple(map(fold, variants)))
        return []

    def check(self, doc: AnalyzedDocument, ctx: Context) -> Iterable[Diagnostic]:
        if self.kind == "consistency":
            yield from self._check_consistency(doc)
            return
        try:
            for matcher in self.matchers:
                for m in self._in_regions(doc, matcher):
                    yield self._diagnostic(doc, m, matcher)
        except PatternTimeout as err:  # only without RE2
            raise PatternTimeout(f"rule {self.rule.id} ({self.path.name}): {err}") from None

    def _in_regions(self, doc: AnalyzedDocument, matcher: _Matcher) -> Iterator[Any]:
        """Matches whose flagged text lies inside the rule's scope.
        One scan of the whole text per pattern and a lookup per hit costs far
        less than a scan per region. (A match may be on the lowercased text:
        take the flagged text from doc.text by its offsets.)"""
        pattern, haystack = matcher.pattern, doc.text
        literal = matcher.literals and not self.flags & re.IGNORECASE
        if matcher.lower_pattern is not None and doc.lower_text is not None:
            pattern, haystack, literal = matcher.lower_pattern, doc.lower_text, bool(matcher.literals)
        group = "hit" if "hit" in pattern.groupindex else 0
        if literal:
            found: Iterable[Any] = _literal_matches(pattern, haystack, matcher.literals)
        else:
            found = pattern.finditer(haystack)
        for m in found:
            start, end = m.span(group)
            if end > start and self.scope.contains(doc, start, end):  # end == start: matched nothing
                yield m

    def _diagnostic(self, doc: AnalyzedDocument, m: Any, matcher: _Matcher) -> Diagnostic:
        group = "hit" if "hit" in matcher.pattern.groupindex else 0
        start, end = m.span(group)
        found = doc.text[start:end]
        replacement = matcher.replacement(m)
        fixes: tuple[Fix, ...] = ()
        if replacement is not None and self.fix != "none":
            fixes = (Fix(start, end, keep_case(found, replacement), safe=self.fix == "safe"),)
        message = self.message.format(match=found, replacement=replacement or "")
        return Diagnostic(self.rule.id, start, end, message, fixes)

    def _check_consistency(self, doc: AnalyzedDocument) -> Iterator[Diagnostic]:
        hits: dict[tuple[int, str], list[Any]] = {}
        for m in self._in_regions(doc, self.variants):
            hits.setdefault(self.variant_of[self.fold(m.group(0))], []).append(m)
        for i, (a, b) in enumerate(self.pairs):
            first, second = hits.get((i, a), []), hits.get((i, b), [])
            if not first or not second:
                continue
            (majority, many), (_, few) = ((a, first), (b, second)) if len(first) >= len(second) \
                else ((b, second), (a, first))
            for m in few:
                found = doc.text[m.start():m.end()]
                message = self.message.format(match=found, replacement=majority, count=len(many))
                fix = Fix(m.start(), m.end(), keep_case(found, majority), safe=self.fix == "safe")
                yield Diagnostic(self.rule.id, m.start(), m.end(), message,
                                 (fix,) if self.fix != "none" else ())


def _literal_matches(pattern: re.Pattern[str], text: str, literals: Iterable[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts with one of `literals`:
    the pattern is tried only where one of them occurs, in text order, each search resuming
    after the last match as finditer's does."""
    starts: set[int] = set()
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            starts.add(at)
            at = text.find(literal, at + 1)
    resume = 0
    for at in sorted(starts):
        if at >= resume and (m := pattern.match(text, at)) is not None:
            yield m
            resume = max(m.end(), at + 1)


def _replacer(template: str) -> Callable[[Any], str]:
    return lambda m: m.expand(template) if "\\" in template else template



