"""What a typo may have meant: dictionary words one slip away, cheapest slip first."""

from __future__ import annotations

import math
from functools import cache

from ficlint.resources import load_data
from ficlint.rules.spelling._dictionary import RANKED, lexicon

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _key_positions() -> dict[str, tuple[float, float]]:
    return {c: (x + 0.5 * y, float(y)) for y, row in enumerate(_ROWS) for x, c in enumerate(row)}


@cache
def _adjacent_keys() -> dict[str, frozenset[str]]:
    pos = _key_positions()
    return {a: frozenset(b for b in pos if b != a and math.dist(pos[a], pos[b]) <= 1.2) for a in pos}


def adjacent(a: str, b: str) -> bool:
    """Are `a` and `b` neighbouring keys of a QWERTY keyboard?"""
    return b in _adjacent_keys().get(a, ())


def one_edit(word: str) -> set[str]:
    """Every string one deletion, swap, substitution or insertion from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    return set(deletes + swaps + replaces + inserts)


def edit_cost(word: str, candidate: str) -> float:
    """The cost of the single slip that turns `candidate` into `word`: a
    neighbouring key, a doubled or dropped letter, or a swap costs least."""
    n = len(word)
    i = next((k for k in range(min(n, len(candidate))) if word[k] != candidate[k]), min(n, len(candidate)))
    if len(candidate) == n:
        if word[i + 1:i + 2] == candidate[i:i + 1] and word[i:i + 1] == candidate[i + 1:i + 2] \
                and word[i + 2:] == candidate[i + 2:]:
            return 0.6  # two letters swapped
        return 0.5 if adjacent(word[i], candidate[i]) else 1.0  # a wrong key
    if len(candidate) == n - 1:  # an extra letter typed
        c = word[i]
        near = any(0 <= k < n and (word[k] == c or adjacent(word[k], c)) for k in (i - 1, i + 1) if k != i)
        return 0.5 if near else 0.9
    c = candidate[i]  # a letter left out
    doubled = candidate[i - 1:i] == c or candidate[i + 1:i + 2] == c
    return 0.6 if doubled else 0.8


@cache
def never_offered() -> frozenset[str]:
    """Slurs and the crudest words (rules/data/never-suggest.yaml): never a fix for a typo."""
    return frozenset(str(w).lower() for w in load_data("never-suggest")["never_suggest"])


# A typo that ends like an inflection (-s, -es, -ed, -ing) most often keeps it: "addreses" is
# "addresses", not the commoner "address". Chosen on half of codespell's typo list, measured on
# the other half (scripts/eval_suggestions.py; docs/evaluations/issue-19-heldout.md, session 32).
INFLECTION_KEPT = 0.3
_INFLECTIONS = ("ing", "ed", "es", "s")


def _inflection(word: str) -> str:
    """The inflectional ending `word` seems to have, or ""."""
    return next((end for end in _INFLECTIONS if word.endswith(end) and not word.endswith("ss")), "")


def suggestions(word: str, limit: int = 3) -> list[str]:
    """Dictionary words one slip from `word`, best first: cheapest slip, then
    commonest word. A changed first letter is not offered: such slips are rare
    and the "suggestions" they give are mostly other words. Between a word and
    its own inflection (address, addresses) the one ending as the typo does wins."""
    lex = lexicon()
    lower = word.lower()
    ending = _inflection(lower)
    candidates = set(lex.known(one_edit(lower)))
    scored = []
    for candidate in candidates:
        if candidate[:1] != lower[:1] and candidate[:2] != lower[1::-1]:
            continue
        if candidate in never_offered():
            continue
        rank = lex.rank.get(candidate, RANKED)
        cost = edit_cost(lower, candidate) + 0.08 * math.log2(rank + 2)
        if ending and _inflection(candidate) == ending and _bare_form_among(candidate, candidates):
            cost -= INFLECTION_KEPT
        scored.append((cost, candidate))
    return [w for _, w in sorted(scored)[:limit]]


def _bare_form_among(candidate: str, candidates: set[str]) -> bool:
    """Is `candidate` without its ending (or its last letter: agreed, agree) also a candidate?"""
    ending = _inflection(candidate)
    return any(candidate[:-cut] in candidates for cut in {len(ending), 1} if cut)


@cache
def suggest(word: str) -> tuple[str, ...]:
    """suggestions(word), remembered: a manuscript asks about the same words again and again."""
    return tuple(suggestions(word))


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


FAR_MIN_LENGTH = 9  # two slips apart is telling only in a long word: undoubtably, dissapearing
_FAR_RANK = 20000  # and only towards a common word
_FAR_MIDDLE = 6  # letters between the common start and end that two slips may change


@cache
def _common_by_shape() -> dict[tuple[str, int], tuple[str, ...]]:
    """The common long words by (first letter, length), for the two-slip search."""
    found: dict[tuple[str, int], list[str]] = {}
    for word, rank in lexicon().rank.items():
        if rank < _FAR_RANK and len(word) >= FAR_MIN_LENGTH - 1 and word.isalpha() and word.islower():
            found.setdefault((word[0], len(word)), []).append(word)
    return {shape: tuple(words) for shape, words in found.items()}


@cache
def far_suggestion(word: str) -> str | None:
    """The commonest common word two slips (Damerau edits) from a long `word` with none one slip
    away, keeping its first letter: undoubtably -> undoubtedly, dissapearing -> disappearing."""
    lower = word.lower()
    if len(lower) < FAR_MIN_LENGTH:
        return None
    shapes = _common_by_shape()
    rank = lexicon().rank
    best: tuple[int, int, str] | None = None
    for length in (len(lower), len(lower) + 1, len(lower) + 2):  # letters changed or left out, none added
        for candidate in shapes.get((lower[0], length), ()):
            edits = _distance_within_two(lower, candidate)
            if edits is None:
                continue
            if candidate in never_offered():
                continue
            key = (edits, rank[candidate], candidate)  # fewest slips, then the commonest word
            if best is None or key < best:
                best = key
    return best[2] if best else None


def _distance_within_two(a: str, b: str) -> int | None:
    """The edits (insert, delete, substitute, swap two neighbours) from `a` to `b` when at most
    two, else None. The common prefix and suffix are cut first: most pairs differ in a few letters."""
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    j = 0
    while j < len(a) and j < len(b) and a[-1 - j] == b[-1 - j]:
        j += 1
    if j:
        a, b = a[:-j], b[:-j]
    if abs(len(a) - len(b)) > 2 or len(a) > _FAR_MIDDLE or len(b) > _FAR_MIDDLE:
        return None  # (two slips far apart are missed: a few, for speed)
    edits = distance(a, b)
    return edits if edits <= 2 else None
