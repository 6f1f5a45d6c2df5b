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
    word, after a dash or a colon), whether it stands in a quotation, and the index
    of the word right before and after it in the same sentence with nothing but space
    between (-1 if none).
    """

    tokens: Tokens
    doc_text: str = ""
    token: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    free: list[bool] = field(default_factory=list)
    speech: list[bool] = field(default_factory=list)
    before: list[int] = field(default_factory=list)
    after: list[int] = field(default_factory=list)
    census: Census = field(default_factory=lambda: Census())

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
    middle of a sentence (Grimmauld Place), by their keys."""

    middle: Counter[str] = field(default_factory=Counter)
    alone: Counter[str] = field(default_factory=Counter)
    lower: Counter[str] = field(default_factory=Counter)
    names: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Census) -> None:
        self.middle.update(other.middle)
        self.alone.update(other.alone)
        self.lower.update(other.lower)
        self.names.update(other.names)


def capitals(doc: Document, tokens: Tokens, sentence_paragraphs: list[int]) -> Capitals:
    """The story's words and their census (author's notes left out)."""
    found = Capitals(tokens, doc.text)
    text = doc.text
    paragraphs = doc.paragraphs
    in_quote = _quotation_spans(doc)
    q = 0
    previous_sentence = -1
    previous_word_token = -2
    for t, word in enumerate(tokens.text):
        if not tokens.is_word[t]:
            continue
        s = tokens.sentence[t]
        paragraph = paragraphs[sentence_paragraphs[s]]
        if paragraph.kind is not RegionKind.NARRATION or paragraph.indented:
            continue  # notes, and verse, letters and signs set out on their own terms
        start = tokens.start[t]
        while q < len(in_quote) and in_quote[q][1] <= start:
            q += 1
        i = len(found.token)
        adjacent = previous_word_token == t - 1 and s == previous_sentence
        found.token.append(t)
        found.keys.append(key(word))
        found.speech.append(q < len(in_quote) and in_quote[q][0] <= start)
        found.free.append(s != previous_sentence or _opens(text, tokens, t) or _after_break(tokens, t, s)
                          or _line_start(text, start))
        found.before.append(i - 1 if adjacent else -1)
        found.after.append(-1)
        if adjacent:
            found.after[i - 1] = i
        previous_sentence, previous_word_token = s, t
    _count(found)
    return found


def _opens(text: str, tokens: Tokens, t: int) -> bool:
    """Does an opening mark stand right before token `t` (a quote, a bracket, a dash)?"""
    p = t - 1
    if p < 0 or tokens.is_word[p] or tokens.sentence[p] != tokens.sentence[t]:
        return p < 0 or tokens.sentence[p] != tokens.sentence[t]
    mark = tokens.text[p]
    if mark in _OPENING:
        return True
    if mark in _QUOTES:
        at = tokens.start[p]
        return at == 0 or text[at - 1].isspace() or text[at - 1] in "*_("
    return False


def _line_start(text: str, start: int) -> bool:
    """The first word of a line (in verse and lyrics every line starts with a capital), or of a
    stretch in emphasis (a note, a sign: `a note that said *Don't feed it*`)."""
    if start > 0 and text[start - 1] in "*_" and (start < 2 or text[start - 2].isspace()):
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t*_\"'“‘":
        i -= 1
    return i < 0 or text[i] == "\n"


def _after_break(tokens: Tokens, t: int, s: int) -> bool:
    """Is the word the first after a mark that may start something new (!, ?)? `Oh! No`."""
    p = t - 1
    return p >= 0 and tokens.sentence[p] == s and tokens.text[p][:1] in "!?"


def _quotation_spans(doc: Document) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in doc.regions if r.kind is RegionKind.DIALOGUE]


def _count(found: Capitals) -> None:
    census = found.census
    texts = found.tokens.text
    for i, t in enumerate(found.token):
        word = texts[t]
        k = found.keys[i]
        if word[:1].islower():
            census.lower[k] += 1
            continue
        if found.free[i] or not capitalised(word) or k.startswith("i'"):
            continue
        census.middle[k] += 1
        b, a = found.before[i], found.after[i]
        before_cap = b >= 0 and not found.free[b] and capitalised(texts[found.token[b]])
        after_cap = a >= 0 and capitalised(texts[found.token[a]])
        numbered = t + 1 < len(texts) and texts[t + 1][:1].isdigit()  # District 12, Room 101
        if not before_cap and not after_cap and not numbered:
            census.alone[k] += 1
        if after_cap:
            census.names[(k, found.keys[a])] += 1
