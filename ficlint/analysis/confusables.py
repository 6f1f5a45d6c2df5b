"""Real-word confusions: sets of words that are easy to swap, their word classes, and fixed
phrases heard wrong. Read once from rules/data/confusables.yaml and the generated
rules/data/confusables-inflected.yaml (scripts/build_confusables.py).

    sets = confusion_sets()                 # where/were/we're, reign/rein/rain, reigned/reined/rained...
    glosses()["rein"]                       # 'a strap to steer a horse'
    word_classes()["led"]                   # frozenset({'VBD', 'VBN'})
    for match in phrase_matches(doc): ...   # "sneak peak" -> "peek"

The homophone rules judge with these; any family that needs to know what a word is
easily confused with (the grammar family's "would of") reads them here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING, Any, overload

from ficlint.analysis.tokens import normalize
from ficlint.resources import load_data

if TYPE_CHECKING:
    import numpy as np

    from ficlint.analysis import AnalyzedDocument

_SET_KEYS = ("inflect", "rare", "before_vowel", "margin")
ANY_WORD = "<word>"  # in a phrase's unless_before / unless_after: any word


@dataclass(frozen=True)
class ConfusionSet:
    members: tuple[str, ...]
    glosses: tuple[str, ...]
    rare: frozenset[str] = frozenset()
    margin: float = 0.0
    before_vowel: frozenset[str] = frozenset()  # members only ever suggested before a vowel letter or h
    inflected: bool = False  # made by scripts/build_confusables.py from a set of lemmas

    @property
    def name(self) -> str:
        return "/".join(self.members)


@cache
def confusion_sets() -> tuple[ConfusionSet, ...]:
    """Every confusion set: the hand-written ones in file order, then the inflected ones."""
    found = [_confusion_set(entry, False) for entry in load_data("confusables")["sets"]]
    found += [_confusion_set(entry, True) for entry in load_data("confusables-inflected")["sets"]]
    return tuple(found)


def _confusion_set(entry: dict[str, object], inflected: bool) -> ConfusionSet:
    members = tuple(str(word) for word in entry if word not in _SET_KEYS)
    return ConfusionSet(members, tuple(str(entry[w]) for w in members), frozenset(entry.get("rare", ())),
                        float(entry.get("margin", 0.0)), frozenset(entry.get("before_vowel", ())), inflected)


@cache
def sets_by_name() -> dict[str, ConfusionSet]:
    return {s.name: s for s in confusion_sets()}


@cache
def glosses() -> dict[str, str]:
    """What each member means (the first set that has it says)."""
    found: dict[str, str] = {}
    for s in confusion_sets():
        for word, gloss in zip(s.members, s.glosses, strict=True):
            found.setdefault(word, gloss)
    return found


@cache
def word_classes() -> dict[str, frozenset[str]]:
    """The Penn tags each member can have ("+" joins a contraction's parts: "it's" is PRP+VBZ)."""
    return {str(w): frozenset(tags) for w, tags in load_data("confusables-inflected")["classes"].items()}


# -- phrases -------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """A fixed phrase heard wrong: its slots (each a set of words; `optional` marks the
    slots that may be missing), what replaces its wrong words, and why."""

    slots: tuple[frozenset[str], ...]
    optional: tuple[bool, ...]
    fix: dict[tuple[str, ...], str]  # wrong words (consecutive) -> their replacement
    gloss: str
    unless_before: frozenset[str] = frozenset()
    unless_after: frozenset[str] = frozenset()
    after_class: frozenset[str] = frozenset()  # the next word's word class (UPOS) must be one of these


@dataclass(frozen=True)
class PhraseMatch:
    start: int  # the wrong words, in the document's text
    end: int
    wrong: str  # as written
    replacement: str  # lowercase: the caller keeps the written case
    phrase: Phrase


@cache
def phrases() -> tuple[Phrase, ...]:
    found = []
    for entry in load_data("confusables").get("phrases", ()):
        slots, optional = [], []
        for slot in str(entry["words"]).split():
            optional.append(slot.endswith("?"))
            slots.append(frozenset(slot.rstrip("?").split("|")))
        fix = {tuple(str(k).split()): str(v) for k, v in entry["fix"].items()}
        unless_before, unless_after = entry.get("unless_before", ()), entry.get("unless_after", ())
        found.append(Phrase(tuple(slots), tuple(optional), fix, str(entry["gloss"]),
                            frozenset(unless_before), frozenset(unless_after),
                            frozenset(entry.get("after_class", ()))))
    return tuple(found)


@cache
def _phrase_index() -> dict[str, dict[str, tuple[tuple[Phrase, tuple[frozenset[str], ...]], ...]]]:
    """first word -> second word -> (phrase, its slots with the optional ones settled): the
    phrases with every optional slot either kept or left out, indexed by their first two words."""
    index: dict[str, dict[str, list[tuple[Phrase, tuple[frozenset[str], ...]]]]] = {}
    for phrase in phrases():
        for variant in _variants(phrase):
            second = variant[1] if len(variant) > 1 else frozenset({""})
            for first in sorted(variant[0]):
                for word in sorted(second):
                    index.setdefault(first, {}).setdefault(word, []).append((phrase, variant))
    return {a: {b: tuple(found) for b, found in by_second.items()} for a, by_second in index.items()}


def _variants(phrase: Phrase) -> list[tuple[frozenset[str], ...]]:
    found: list[tuple[frozenset[str], ...]] = [()]
    for slot, optional in zip(phrase.slots, phrase.optional, strict=True):
        found = [v + (slot,) for v in found] + (found if optional else [])
    return [v for v in found if v]


def phrase_matches(doc: AnalyzedDocument) -> list[PhraseMatch]:
    """Every wrong phrase in the document's sentences, worked out once per document."""
    return doc.memo(_find_phrases)


def lowered_tokens(doc: AnalyzedDocument) -> LoweredTokens:
    """The document's tokens as looked up: lowercase, straight apostrophes (once per document)."""
    return LoweredTokens(token_forms(doc))


class LoweredTokens(Sequence[str]):
    """The tokens lowercased, read from their forms (`token_forms`): worked out once per
    word form, and one string per form, so every later lookup finds its hash cached; a
    token's string is made only when asked for (`at` gives many at once)."""

    def __init__(self, forms: TokenForms) -> None:
        self.forms = forms

    def __len__(self) -> int:
        return len(self.forms.code)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return list(map(self.forms.lowered.__getitem__, self.forms.code[i].tolist()))
        return self.forms.lowered[self.forms.code[i]]

    def at(self, indices: np.ndarray) -> list[str]:
        """The tokens at these indices."""
        return list(map(self.forms.lowered.__getitem__, self.forms.code[indices].tolist()))


@dataclass(frozen=True)
class TokenForms:
    """The document's tokens by distinct written form, so that what a lookup finds is worked
    out once per form and then gathered for every token by numpy: `written[k]` is form k as
    written, `lowered[k]` as looked up; `code[i]` is token i's form, `sentence[i]` its sentence."""

    written: list[str]
    lowered: list[str]
    code: np.ndarray
    sentence: np.ndarray


def token_forms(doc: AnalyzedDocument) -> TokenForms:
    """The document's tokens by form (once per document)."""
    return doc.memo(_token_forms)


def _token_forms(doc: AnalyzedDocument) -> TokenForms:
    import numpy as np

    text = doc.tokens.text
    index = {form: k for k, form in enumerate(set(text))}  # any order: a code only names its form
    code = np.fromiter(map(index.__getitem__, text), dtype=np.intp, count=len(text))
    sentence = np.fromiter(doc.tokens.sentence, dtype=np.int64, count=len(text))
    written = list(index)
    # normalized in one call (no token holds a line break): str.lower per form costs more
    lowered = normalize("\n".join(written)).split("\n") if written else []
    return TokenForms(written, lowered, code, sentence)


def _find_phrases(doc: AnalyzedDocument) -> list[PhraseMatch]:
    tokens = doc.tokens
    words = lowered_tokens(doc)
    sentence = tokens.sentence
    index = _phrase_index()
    found: list[PhraseMatch] = []
    taken = -1
    for i in _phrase_starts(token_forms(doc), index).tolist():
        if i <= taken:
            continue
        by_second = index[words[i]]
        second = words[i + 1] if i + 1 < len(words) and sentence[i + 1] == sentence[i] else ""
        for phrase, slots in by_second.get(second, ()):
            match = _match_at(phrase, slots, words, sentence, i)
            if match is not None and phrase.after_class and not _next_word_of_class(doc, i + len(slots),
                                                                                   phrase.after_class):
                match = None
            if match is not None:
                first, last, replacement = match
                start, end = tokens.start[first], tokens.end[last]
                found.append(PhraseMatch(start, end, doc.text[start:end], replacement, phrase))
                taken = last
                break
    return found


def _phrase_starts(forms: TokenForms, index: dict[str, dict[str, Any]]) -> np.ndarray:
    """The tokens where a phrase of `index` may start: a first word of one, followed in its
    sentence by a second word of one (or ending its sentence, for a phrase of one word there).
    Worked out with each form's number among the phrases' first and second words, so only
    these few tokens are read word by word."""
    import numpy as np

    pairs = _phrase_pairs()
    code, sentence = forms.code, forms.sentence
    first = np.fromiter(map(pairs.first.get, forms.lowered, repeat(-1)), dtype=np.intp,
                        count=len(forms.lowered))[code]
    at = np.nonzero(first >= 0)[0]
    if not len(at):
        return at
    second = np.fromiter(map(pairs.second.get, forms.lowered, repeat(-1)), dtype=np.intp,
                         count=len(forms.lowered))[code]
    n = len(code)
    following = np.minimum(at + 1, n - 1)
    has_next = (at + 1 < n) & (sentence[following] == sentence[at])
    pair = first[at] * len(pairs.second) + second[following]
    fits = np.where(has_next, (second[following] >= 0) & _within(pair, pairs.allowed),
                    pairs.ends_sentence[first[at]])
    return at[fits]


def _within(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """`np.isin(values, table)` for a sorted `table`, by binary search: np.isin imports numpy.ma
    on its first call (~15 ms of every run's CPU)."""
    import numpy as np

    if not len(table):
        return np.zeros(len(values), dtype=bool)
    return table[np.minimum(np.searchsorted(table, values), len(table) - 1)] == values


@dataclass(frozen=True)
class _PhrasePairs:
    """The phrase index's first and second words numbered, and which pairs it holds."""

    first: dict[str, int]
    second: dict[str, int]
    allowed: np.ndarray  # first * len(second) + second of every pair, sorted
    ends_sentence: np.ndarray  # per first word: a phrase of one word starts with it


@cache
def _phrase_pairs() -> _PhrasePairs:
    import numpy as np

    index = _phrase_index()
    first = {word: k for k, word in enumerate(sorted(index))}
    second = {word: k for k, word in enumerate(sorted({w for by in index.values() for w in by if w}))}
    allowed = sorted(first[a] * len(second) + second[b] for a, by in index.items() for b in by if b)
    ends = np.array(["" in index[word] for word in first], dtype=bool)
    return _PhrasePairs(first, second, np.array(allowed, dtype=np.intp), ends)


def _match_at(phrase: Phrase, slots: tuple[frozenset[str], ...], words: Sequence[str],
              sentence: Sequence[int], at: int) -> tuple[int, int, str] | None:
    """(first, last token of the wrong words, their replacement) when the phrase (with these
    slots) starts at token `at`."""
    end = at + len(slots)
    if end > len(words) or sentence[end - 1] != sentence[at]:
        return None
    if any(words[at + k] not in slot for k, slot in enumerate(slots)):
        return None
    if not _context_allows(phrase, words, sentence, at, end):
        return None
    written = words[at:end]
    for wrong, replacement in phrase.fix.items():
        for k in range(len(written) - len(wrong) + 1):
            if tuple(written[k:k + len(wrong)]) == wrong:
                return at + k, at + k + len(wrong) - 1, replacement
    return None


def _next_word_of_class(doc: AnalyzedDocument, after: int, classes: frozenset[str]) -> bool:
    """Is the token at `after`, in the phrase's sentence, of one of these word classes? ("could
    of" is "could have" before a verb: "could of been", not "must of necessity")."""
    tokens = doc.tokens
    if after >= len(tokens.text) or tokens.sentence[after] != tokens.sentence[after - 1]:
        return False
    try:
        tag = doc.tags[after].upos
    except (IndexError, ValueError):  # the tagger failed: no evidence that a verb follows
        return False
    return tag.split("+")[0] in classes


def _context_allows(phrase: Phrase, words: Sequence[str], sentence: Sequence[int], first: int,
                    after: int) -> bool:
    if phrase.unless_before and first > 0 and sentence[first - 1] == sentence[first]:
        before = words[first - 1]
        if before in phrase.unless_before or (ANY_WORD in phrase.unless_before and before[:1].isalpha()):
            return False
    if phrase.unless_after and after < len(words) and sentence[after] == sentence[first]:
        following = words[after]
        if following in phrase.unless_after or (ANY_WORD in phrase.unless_after and following[:1].isalpha()):
            return False
    return True
