"""How the story capitalises its words: every word of its prose, where it stands, and counts.

A word capitalised in the middle of a sentence is a name or a term the writer
chose to capitalise (Hogwarts, the Ministry, Grimmauld Place); the same word
written elsewhere in lowercase is then a slip, and a common noun the story
writes in lowercase is one when it is capitalised. Only the middle of a sentence
says anything: a sentence's first word, a quotation's, and a word after a dash,
a colon or an ellipsis take a capital or not for other reasons. Author's notes,
headings, chat logs and ornaments are not the story's prose and are left out;
so are words in capitals throughout (shouting, acronyms).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from operator import and_

from ficlint.analysis.tokens import Tokens
from ficlint.document import Document, RegionKind

# Marks after which the next word may take a capital for reasons of its own.
_OPENING = frozenset(["“", "‘", "(", "[", "—", "–", "-", "--", "―", ":", "…", "...", "..", ";", "«", "/"])
_QUOTES = frozenset(["\"", "'"])


def key(word: str) -> str:
    """The form a word is counted under: lowercase, straight apostrophes, no possessive 's."""
    lower = word.lower().replace("’", "'")
    return lower[:-2] if lower.endswith("'s") else lower


def capitalised(word: str) -> bool:
    """Capital first letter, not all capitals (`Harry`, `McGonagall`, not `NO` or `I`)."""
    return word[:1].isupper() and not word.isupper()


@dataclass(slots=True)
class Capitals:
    """The words of the story's prose, as parallel lists, and what they show about capitals.

    For each word (in text order): its token index in `tokens`, its key, whether it may
    take a capital for a reason of its own (`free`: a sentence's or quotation's first
    word, after a dash or a colon), and the index of the word right before and after
    it in the same sentence with nothing but space between (-1 if none).
    """

    tokens: Tokens
    doc_text: str = ""
    token: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    free: list[bool] = field(default_factory=list)
    before: list[int] = field(default_factory=list)
    after: list[int] = field(default_factory=list)
    census: Census = field(default_factory=lambda: Census())
    _positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """Each key and the indices of its words, in text order (built on first use)."""
        if self._positions is None:
            found: dict[str, list[int]] = {}
            for i, k in enumerate(self.keys):
                found.setdefault(k, []).append(i)
            self._positions = found
        return self._positions

    def text(self, i: int) -> str:
        return self.tokens.text[self.token[i]]

    def start(self, i: int) -> int:
        return self.tokens.start[self.token[i]]

    def end(self, i: int) -> int:
        return self.tokens.end[self.token[i]]

    def mark_before(self, i: int) -> str:
        """The punctuation token just before the word ("" if a word or the sentence's start)."""
        t = self.token[i] - 1
        if t < 0 or self.tokens.is_word[t] or self.tokens.sentence[t] != self.tokens.sentence[self.token[i]]:
            return ""
        return self.tokens.text[t]

    def mark_after(self, i: int) -> str:
        t = self.token[i] + 1
        if t >= len(self.tokens) or self.tokens.is_word[t] or \
                self.tokens.sentence[t] != self.tokens.sentence[self.token[i]]:
            return ""
        return self.tokens.text[t]


@dataclass(slots=True)
class Census:
    """Counts of how words are written. `middle`: capitalised in the middle of a sentence;
    `alone`: so, with no capitalised word beside it (not part of a longer name);
    `lower`: in lowercase anywhere; `names`: two capitalised words in a row in the
    middle of a sentence (Grimmauld Place), by their keys; `half_names`: a word capitalised
    in the middle of a sentence before a lowercase one (Grimmauld place, York city); `before_names`:
    the first word of `names`, by its key (Professor in Professor Snape); `lower_before_names`: a
    lowercase word right before a word capitalised in the middle of a sentence (professor Snape,
    said Harry), by its key. (The last two let a rule weigh how a whole book writes titles before
    names key by key, not by reading every name.) `size`: under "thousands", the thousands of words
    of prose (each file or part's whole thousands), so a rule can tell a short chapter of a long book
    from a short story by one lookup that typing a few words rarely changes."""

    middle: Counter[str] = field(default_factory=Counter)
    alone: Counter[str] = field(default_factory=Counter)
    lower: Counter[str] = field(default_factory=Counter)
    names: Counter[tuple[str, str]] = field(default_factory=Counter)
    half_names: Counter[tuple[str, str]] = field(default_factory=Counter)
    before_names: Counter[str] = field(default_factory=Counter)
    lower_before_names: Counter[str] = field(default_factory=Counter)
    size: Counter[str] = field(default_factory=Counter)

    def add(self, other: Census) -> None:
        self.middle.update(other.middle)
        self.alone.update(other.alone)
        self.lower.update(other.lower)
        self.names.update(other.names)
        self.half_names.update(other.half_names)
        self.before_names.update(other.before_names)
        self.lower_before_names.update(other.lower_before_names)
        self.size.update(other.size)


def capitals(doc: Document, tokens: Tokens, sentence_paragraphs: list[int]) -> Capitals:
    """The story's words and their census (author's notes left out). It runs over every
    word of a novel, so it works on whole arrays at once and on word forms (a novel has a
    tenth as many forms as words); only the words after a mark are read one by one."""
    import numpy as np

    found = Capitals(tokens, doc.text)
    text = doc.text
    counted = [p.kind is RegionKind.NARRATION and not p.indented for p in doc.paragraphs]
    sentence_counted = [counted[p] for p in sentence_paragraphs]
    texts, starts, ends = tokens.text, tokens.start, tokens.end
    is_word, sentence_of = tokens.is_word, tokens.sentence
    if all(sentence_counted):
        wanted: list[bool] = is_word
    else:
        wanted = list(map(and_, is_word, map(sentence_counted.__getitem__, sentence_of)))
    token = list(compress(range(len(texts)), wanted))
    words = list(compress(texts, wanted))
    keys_of = {w: key(w) for w in set(words)}
    found.token = token
    found.keys = list(map(keys_of.__getitem__, words))
    if not token:
        return found
    n = len(token)
    at = np.array(token, dtype=np.int64)
    sentence = np.array(list(compress(sentence_of, wanted)), dtype=np.int64)
    word_start = np.array(list(compress(starts, wanted)), dtype=np.int64)
    word_end = np.array(list(compress(ends, wanted)), dtype=np.int64)
    same_sentence = sentence[1:] == sentence[:-1]
    next_token = at[1:] == at[:-1] + 1
    # a word right after the previous word of the same sentence, with only space between
    adjacent = np.r_[False, next_token & same_sentence]
    index = np.arange(n)
    found.before = np.where(adjacent, index - 1, -1).tolist()
    found.after = np.where(np.r_[adjacent[1:], False], index + 1, -1).tolist()
    # a sentence's first word is free; a word one space after the word before is not; the
    # others (after a mark, a line break) are free if `_free_after` says so
    chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    one_space = next_token & (word_end[:-1] == word_start[1:] - 1) & (chars[word_start[1:] - 1] == ord(" "))
    free = np.r_[True, ~same_sentence]
    free_list = free.tolist()
    for i in (np.flatnonzero(same_sentence & ~one_space) + 1).tolist():
        t = token[i]
        free_list[i] = _free_after(text, texts, starts, ends, is_word, sentence_of, t, sentence_of[t])
    found.free = free_list
    _count(found, words)
    return found


def _free_after(text: str, texts: list[str], starts: list[int], ends: list[int], is_word: list[bool],
                sentence_of: list[int], t: int, s: int) -> bool:
    """May the word at token t take a capital for a reason of its own: after an opening quote,
    a bracket, a dash, a colon, ! or ?, at the start of a line (verse) or of an emphasis?"""
    start = starts[t]
    if text[start - 1:start] in ("*", "_") and (start < 2 or text[start - 2].isspace()):
        return True  # `a note that said *Don't feed it*`
    p = t - 1
    if "\n" in text[ends[p]:start]:
        return True  # a line of verse or lyrics
    if is_word[p] or sentence_of[p] != s:
        return False
    mark = texts[p]
    if mark in _OPENING or mark[0] in "!?":
        return True
    if mark in _QUOTES:
        at = starts[p]
        return at == 0 or text[at - 1].isspace() or text[at - 1] in "*_("
    return False


WORDS_COUNTED_BY = 1000  # the census counts a manuscript's size in whole thousands of words


def _count(found: Capitals, words: list[str]) -> None:
    """The census, by comprehensions over the capitalised words in the middle of sentences (a
    Counter's update takes a list at C speed; one increment a word does not)."""
    census = found.census
    texts = found.tokens.text
    last = len(texts) - 1
    token, keys, free, before, after = found.token, found.keys, found.free, found.before, found.after
    forms = set(words)
    lower_forms = {w for w in forms if w[0].islower()}
    capital_forms = {w for w in forms if w not in lower_forms and not w.isupper()}
    census.lower.update([k for w, k in zip(words, keys, strict=True) if w in lower_forms])
    if len(words) >= WORDS_COUNTED_BY:
        census.size["thousands"] = len(words) // WORDS_COUNTED_BY
    capital = list(map(capital_forms.__contains__, words))
    middle = [i for i, (c, f) in enumerate(zip(capital, free, strict=True))
              if c and not f and not keys[i].startswith("i'")]
    census.middle.update([keys[i] for i in middle])
    capital_after = [i for i in middle if after[i] >= 0 and capital[after[i]]]
    census.names.update([(keys[i], keys[after[i]]) for i in capital_after])
    census.before_names.update([keys[i] for i in capital_after])
    census.lower_before_names.update([keys[before[i]] for i in middle
                                      if before[i] >= 0 and words[before[i]] in lower_forms])
    census.half_names.update([(keys[i], keys[after[i]]) for i in middle
                              if after[i] >= 0 and not capital[after[i]]])
    joined = set(capital_after)
    census.alone.update([
        keys[i] for i in middle
        if i not in joined and not (before[i] >= 0 and capital[before[i]] and not free[before[i]])
        and not (token[i] < last and texts[token[i] + 1][:1].isdigit())])  # District 12, Room 101
