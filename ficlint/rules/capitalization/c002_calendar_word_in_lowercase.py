"""C002 calendar-word-in-lowercase: a month, a day of the week or a holiday in lowercase (`october`,
`christmas Eve`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.capitals import Capitals
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.capitalization._common import common_in_dictionary, words
from ficlint.rules.common import capitalized

RULE = Rule(
    id="C002",
    name="calendar-word-in-lowercase",
    category="capitalization",
    summary="A month, a day of the week or a holiday in lowercase (`in october`, `on a sunday`, "
            "`christmas Eve`, `Valentine's day`).",
    why="English capitalises the names of months, days and holidays, every word of them: October, Sunday, "
        "Halloween, Christmas Eve, Valentine's Day. (Seasons are not names: summer, autumn.)",
    examples=examples(
        ("It was halloween in Gotham.", "It was Halloween in Gotham."),
        ("We met on a sunday in october.", "We met on a Sunday in October."),
        ("It was the best christmas Eve she had had.", "It was the best Christmas Eve she had had."),
        ("They argued about Valentine's day again.", "They argued about Valentine's Day again."),
        ("The ball was on may 3rd.", "The ball was on May 3rd."),
        ("We flew home for thanksgiving.", "We flew home for Thanksgiving."),
    ),
    allows=("It may rain.", "They march at dawn.", "It was an august gathering.", "Every day was the same.",
            "She lent him a pen.", "Summer came.", "It was a new year for all of them.",
            "There may be a case for the eight-hour labor day.",
            "The miracle wrung psalms of thanksgiving from the lips of priests."),
    fix_safety="Safe: only the first letters change.",
)

_DATE_WORDS = frozenset(["early", "late", "mid", "last", "next", "this", "until", "till", "since"])


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    caps = doc.capitals
    w = words()
    positions = caps.positions
    found: list[Diagnostic] = []
    done: set[int] = set()
    for first in _phrases_by_first_word():
        for i in positions.get(first, ()):
            phrase = _holiday_phrase(caps, i)
            if phrase:
                done.update(phrase)
                lowercase = [caps.text(j)[:1].islower() for j in phrase]
                if any(lowercase) and not (all(lowercase) and _common_noun_phrase(caps, i)):
                    found.append(_lowercase(caps, phrase, "holiday"))
    for kind, keys in (("month", w.months | w.ambiguous_months), ("day", w.days), ("holiday", w.holidays)):
        for k in keys:
            for i in positions.get(k, ()):
                if i in done or not caps.text(i)[:1].islower() or _second_of_compound(caps, i):
                    continue
                if k in w.ambiguous_months and not _dated(caps, i) \
                        or kind == "holiday" and common_in_dictionary(k) and not _on_the_calendar(caps, i):
                    continue
                found.append(_lowercase(caps, [i], kind))
    yield from sorted(found, key=lambda d: d.start)


@cache
def _phrases_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words().holiday_phrases:
        first = phrase[0][:-2] if phrase[0].endswith("'s") else phrase[0]  # indexed by key: valentine
        by_first.setdefault(first, []).append(phrase)
    return by_first


def _holiday_phrase(caps: Capitals, i: int) -> list[int]:
    """The words of a holiday of several words starting at i (`christmas Eve`), or []."""
    phrases = _phrases_by_first_word().get(caps.keys[i])
    if not phrases or caps.after[i] < 0:
        return []
    for phrase in phrases:
        found = [i]
        j = i
        for _ in phrase[1:]:
            j = caps.after[j]
            if j < 0:
                break
            found.append(j)
        if len(found) == len(phrase) and all(_form(caps, f) == p for f, p in zip(found, phrase, strict=True)):
            return found
    return []


def _common_noun_phrase(caps: Capitals, i: int) -> bool:
    """`the eight-hour labor day`, `a mother's day`: a phrase all in lowercase after a compound
    adjective or "a" is the common noun the holiday is named from."""
    b = caps.before[i]
    return b >= 0 and (caps.mark_before(b) == "-" or caps.keys[b] in ("a", "an", "every", "each", "any"))


# Prefixes a calendar word keeps its capital after (`pre-Christmas`, `mid-October`).
_PREFIXES = frozenset(["pre", "post", "mid", "non", "anti", "un", "early", "late", "after", "before", "all"])


def _second_of_compound(caps: Capitals, i: int) -> bool:
    """The second half of a compound (`a north-easter blows`, a wind), not a prefix and a month or a
    holiday (`pre-christmas`, `mid-october`, slips)."""
    t = caps.token[i]
    tokens = caps.tokens
    if t < 2 or tokens.text[t - 1] != "-" or tokens.end[t - 1] != tokens.start[t] \
            or tokens.end[t - 2] != tokens.start[t - 1] or not tokens.is_word[t - 2]:
        return False
    return tokens.text[t - 2].lower() not in _PREFIXES


def _form(caps: Capitals, i: int) -> str:
    return caps.text(i).lower().replace("’", "'")


def _dated(caps: Capitals, i: int) -> bool:
    """May, March, August as months: before a day or a year (`may 3rd`), or after "early",
    "last", "since"... with nothing that makes them a verb after (`since march` but not `since march
    they`)."""
    t = caps.token[i] + 1
    tokens = caps.tokens
    if t < len(tokens) and tokens.text[t][:1].isdigit():
        return True
    b = caps.before[i]
    return b >= 0 and caps.keys[b] in _DATE_WORDS and caps.after[i] < 0


# Where a holiday that is also a common noun (thanksgiving, passover) is the day: a time
# preposition or a greeting before it, or a word of the day's events after it.
_CALENDAR_BEFORE = frozenset([
    "on", "at", "for", "since", "until", "till", "before", "after", "by", "over", "during", "through", "from",
    "last", "next", "this", "every", "happy", "merry", "till"])
_CALENDAR_AFTER = frozenset([
    "day", "eve", "dinner", "break", "weekend", "holiday", "holidays", "vacation", "morning", "night",
    "feast", "parade", "week", "seder"])


def _on_the_calendar(caps: Capitals, i: int) -> bool:
    """`on thanksgiving`, `thanksgiving dinner`, not `psalms of thanksgiving`."""
    b, a = caps.before[i], caps.after[i]
    return b >= 0 and caps.keys[b] in _CALENDAR_BEFORE or a >= 0 and caps.keys[a] in _CALENDAR_AFTER


def _lowercase(caps: Capitals, indices: list[int], kind: str) -> Diagnostic:
    start, end = caps.start(indices[0]), caps.end(indices[-1])
    fixed = caps.doc_text[start:end]
    for j in reversed(indices):
        at = caps.start(j) - start
        fixed = fixed[:at] + capitalized(fixed[at:at + 1]) + fixed[at + 1:]
    written = caps.doc_text[start:end]
    return Diagnostic(RULE.id, start, end,
                      f"\"{written}\" is the name of a {kind}: English capitalises it (\"{fixed}\").",
                      (Fix(start, end, fixed),))
