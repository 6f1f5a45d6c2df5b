"""Speech: every quotation of a paragraph, with the narration on either side of it.

What comes after a closing quote is either a speech tag (`she said`), which
belongs to the quotation's sentence, or an action beat (`she grabbed his arm`),
which is a sentence of its own. Telling them apart needs a list of speech
verbs (rules/data/speech-verbs.yaml, which also documents the policy for
borderline verbs such as laughed, sighed and smiled). A quotation also knows
whether it is a phrase quoted inside narration (`called it "nonsense"`), a
label (a sign, a text message, a title), a question, and whether it must start
with a capital. The dialogue family judges these facts; other families (tense,
capitalization) read them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property

from ficlint.analysis.sentences import ABBREVIATIONS
from ficlint.document import Document, Region, RegionKind
from ficlint.resources import load_data

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|--|\S")
_TRAILING_MARKUP = "_*"
_CLOSE_NESTED = "'’\"”"
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”'’]?\s+[\"“‘']?[A-Z]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
_WORD_WITH_MARK = re.compile(r"[\w'’]+[^\w\s]*$")
_LEADING_SPACE = re.compile(r"[ \t\r\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[.!?…]+\s+")
_CLAUSE_END = re.compile(r"[.!?]\s")
CLAUSES = frozenset({"tag", "beat", "subject"})  # what after a quotation has a subject and a verb


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The speech-verb data, as sets for quick look-ups."""

    verbs: frozenset[str]  # speech and borderline verbs: what makes a tag
    speech: frozenset[str]  # plain verbs of saying only
    actions: frozenset[str]  # plain actions: a subject followed by one is a beat
    things: frozenset[str]  # subjects that cannot speak (everything, nothing)
    non_speakers: frozenset[str]  # nouns that cannot speak (eyes, words)
    phrases: frozenset[tuple[str, str]]  # verb + particle tags (went on, broke in)
    inverted: frozenset[str]  # verbs that make a tag only when first (came the answer)
    between: frozenset[str]  # words between a tag's subject and verb (had, then)
    pronouns: frozenset[str]
    determiners: frozenset[str]
    titles: frozenset[str]  # words a full stop may follow inside a name: Mr., Dr., St.
    written: frozenset[str]  # tag verbs that make the quotation a written message
    text_speak: frozenset[str]  # words that make it a text message
    introducers: frozenset[str]  # words after which a quotation is a phrase inside the narration
    asking: frozenset[str]  # tag verbs that ask
    thinking: frozenset[str]  # tag verbs that can also start a sentence of their own after ! or ?
    question_words: frozenset[str]  # words that open a question


@cache
def vocabulary() -> Vocabulary:
    data = load_data("speech-verbs")

    def forms(key: str) -> frozenset[str]:
        entries = data.get(key, [])
        lines = [entries] if isinstance(entries, str) else entries
        return frozenset(w.lower() for line in lines for w in str(line).split())

    phrases = frozenset(tuple(str(p).lower().split()[:2]) for p in data.get("phrases", []))
    return Vocabulary(
        verbs=forms("speech") | forms("borderline"), speech=forms("speech"), actions=forms("actions"),
        things=forms("things"), non_speakers=forms("non_speakers"), phrases=phrases,
        inverted=forms("inverted_only"), between=forms("between"), pronouns=forms("pronouns"),
        determiners=forms("determiners"), titles=forms("titles") | ABBREVIATIONS, written=forms("written"),
        text_speak=forms("text_speak"), introducers=forms("introducers"), asking=forms("asking"),
        question_words=forms("question_words"), thinking=forms("thinking"))


# -- the clause after a closing quote ---------------------------------------------------


@dataclass(frozen=True)
class After:
    """What follows a closing quote: its first words and what they are.

    kind: "tag" (she said, said he, the old man asked), "inverted" (came the
    answer), "beat" (she grabbed his arm, the words came out), "subject" (a
    subject and a verb ficlint doesn't know: she crooned), "other" (and then…,
    with a smile), "end" (the paragraph ends) or "glued" (no space after the quote).
    """

    kind: str
    words: tuple[str, ...] = ()
    first_start: int = 0  # offset of the first word
    first_end: int = 0
    stop: str = ""  # the punctuation that ends the clause ("" if none within reach)
    end: int = 0  # offset just after its last word

    @property
    def start(self) -> int:
        return self.first_start

    @property
    def has_clause(self) -> bool:
        return self.kind in CLAUSES


def classify_clause(words: list[str]) -> str:
    """What a clause after a closing quote is (see After.kind)."""
    vocab = vocabulary()
    lower = [w.lower() for w in words]
    if verb_at(lower, 0):
        return "tag"
    if lower[0] in vocab.inverted:
        return "inverted"
    subject_end = _subject_end(words, lower)
    if subject_end is None:
        return "other"
    if lower[0] in vocab.determiners and lower[0] not in vocab.pronouns or lower[0] in vocab.things:
        # "the old man said", "her eyes were now focused": the verb may come a few words in
        for j in range(1, min(len(lower), 5)):
            if verb_at(lower, skip_between(lower, j)):
                return "tag"
        if lower[0] in vocab.things:
            return "beat"
        is_beat = any(w in vocab.actions for w in lower[1:5]) \
            or any(w in vocab.non_speakers for w in lower[1:3])
        return "beat" if is_beat and not mentions_speech(lower) else "subject"
    i = skip_between(lower, subject_end)
    if i >= len(lower):
        return "other"
    if verb_at(lower, i):
        return "tag"
    return "beat" if lower[i] in vocab.actions and not mentions_speech(lower) else "subject"


def mentions_speech(lower: list[str]) -> bool:
    """Does the clause speak of speaking ("she heard Wally say", "he tried to say")?"""
    verbs = vocabulary().speech
    return any(w in verbs or w + "s" in verbs or w + "ed" in verbs or w + "d" in verbs or w.endswith("ing")
               and (w[:-3] + "s" in verbs or w[:-3] + "es" in verbs) for w in lower)


def verb_at(lower: list[str], i: int) -> bool:
    """Is the word at `i` a speech verb (or the start of a verb + particle tag: went on)?"""
    if i >= len(lower):
        return False
    vocab = vocabulary()
    if lower[i] in vocab.verbs:
        return True
    return i + 1 < len(lower) and (lower[i], lower[i + 1]) in vocab.phrases


def skip_between(lower: list[str], i: int) -> int:
    """Past the words that may stand between a tag's subject and its verb (had, then, softly)."""
    between = vocabulary().between
    for _ in range(3):
        if i < len(lower) and (lower[i] in between or lower[i].endswith("ly") and len(lower[i]) > 4):
            i += 1
    return i


def _subject_end(words: list[str], lower: list[str]) -> int | None:
    vocab = vocabulary()
    if lower[0] in vocab.pronouns or lower[0] in vocab.determiners or lower[0] in vocab.things:
        return 1
    if not words[0][0].isupper():
        return None
    i = 1  # a name: "Karen", "Mr. Smith", "Aunt Polly", "Karen's mother"
    while i < len(words) and words[i][0].isupper() and i < 4:
        i += 1
    if words[i - 1].endswith(("'s", "’s")) and i < len(words):
        i += 1
    return i


def _clause_words(snippet: str, start: int) -> tuple[list[str], tuple[int, int], str, int]:
    """The words of the clause that starts at snippet[start:], up to its first
    punctuation: the words, the first word's span, that punctuation, and where the
    last word ends."""
    words: list[str] = []
    first = (0, 0)
    last_end = start
    titles = vocabulary().titles
    for m in _TOKEN.finditer(snippet, start):
        token = m.group(0)
        if token[0].isalpha():
            if not words:
                first = m.span()
            words.append(token)
            last_end = m.end()
            if len(words) >= 8:
                return words, first, "", last_end
            continue
        if token == "." and words and words[-1].lower() in titles:
            continue
        return words, first, token, last_end
    return words, first, "end", last_end


def abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at `dot` the end of an abbreviation or an initial (a.m., Mr., J.)?"""
    m = _WORD_BEFORE_DOT.search(text[max(0, dot - 12):dot])
    token = m.group(1).lower() if m else ""
    return token in ABBREVIATIONS or len(token) <= 1 or "." in token


def looks_like_closer(text: str, at: int) -> bool:
    """A straight double quote hanging on a word or mark, with a space or the end after it."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1:at + 2]
    return (before.isalnum() or before in ".,!?…-—") and (not after or after.isspace())


# -- quotations ----------------------------------------------------------------------------


class Quotation:
    """One quotation of a paragraph with its neighbours, and what it is."""

    def __init__(self, doc: Document, region: Region, before: Region | None, after: Region | None,
                 previous: Quotation | None, index: int) -> None:
        self.doc = doc
        self.region = region
        self.before = before  # narration just before it in the paragraph
        self.after = after  # narration just after it
        self.previous = previous  # the paragraph's previous quotation
        self.index = index  # position among the paragraph's quotations

    @property
    def inner(self) -> str:
        return self.doc.text[self.region.inner_start:self.region.inner_end]

    @cached_property
    def follows(self) -> After:
        """What the narration after the closing quote is (a tag, a beat...)."""
        if not self.region.close_quote:
            return After("other")
        text = self.doc.text
        region = self.region
        if self.after is None:
            return After("end" if self._paragraph_ends_here() else "other")
        pos = region.end
        end = self.after.end
        if pos < end and text[pos].isalnum():
            return After("glued")
        snippet = text[pos:min(end, pos + 100)]
        m = _LEADING_SPACE.match(snippet)
        if not m:
            return After("other")
        words, first, stop, last_end = _clause_words(snippet, m.end())
        if not words:
            rest = snippet[m.end():].strip()
            return After("end" if not rest else "other")
        return After(classify_clause(words), tuple(words), pos + first[0], pos + first[1], stop, pos + last_end)

    def _paragraph_ends_here(self) -> bool:
        para = self.doc.paragraphs[self.region.paragraph]
        return not self.doc.text[self.region.end:para.end].strip(" \t\r\n*_")

    @cached_property
    def last_mark(self) -> str:
        """The punctuation before the closing quote: '.', ',', '!', '?', '…' (ellipsis),
        '—' (any dash), 'letter' (none), or '' (unclear)."""
        text = self.doc.text
        end = self.region.inner_end
        start = self.region.inner_start
        while end > start and text[end - 1] in _TRAILING_MARKUP:
            end -= 1
        if end > start and text[end - 1] in _CLOSE_NESTED:
            if end - 1 > start and text[end - 2] in ".!?,…-—–":
                end -= 1
            else:
                return ""
        if end <= start:
            return ""
        ch = text[end - 1]
        if ch.isalnum():
            return "letter"
        if ch == "." and end - 2 >= start and (text[end - 2] == "." or text[end - 3:end] == ". ."):
            return "…"  # "..." or a spaced ". . ."
        if ch in "—–-":
            return "—"
        return ch if ch in ".,!?…;:" else ""

    @property
    def mark_offset(self) -> int:
        """Offset of the punctuation mark before the closing quote (past markup and nested quotes)."""
        text = self.doc.text
        end = self.region.inner_end
        while end > self.region.inner_start and text[end - 1] in _TRAILING_MARKUP + _CLOSE_NESTED:
            end -= 1
        return end - 1

    @cached_property
    def narration_before(self) -> str:
        """The narration just before the quotation, without trailing white space and markup."""
        if self.before is None:
            return ""
        return self.doc.text[self.before.start:self.before.end].rstrip(" \t\r\n*_")

    @property
    def opening_misplaced(self) -> bool:
        """A straight quote that, by its place, closes rather than opens: the
        paragraph's straight quotes don't pair up (the unclosed-quote rule says so)."""
        return self.region.open_quote == '"' and self.index > 0 and looks_like_closer(self.doc.text,
                                                                                      self.region.start)

    @property
    def closing_misplaced(self) -> bool:
        """A straight closing quote that looks like an opening one (`word "Next`)."""
        text = self.doc.text
        close = self.region.end - 1
        return self.region.close_quote == '"' and text[close - 1].isspace() and text[close + 1:close + 2].isalnum()

    @cached_property
    def glued_before(self) -> bool:
        """Narration runs into the opening quote with no space (`his arm"Derek!"`)."""
        start = self.region.start
        before_char = self.doc.text[start - 1] if start > 0 else "\n"
        return self.before is not None and (before_char.isalnum() or before_char in ".!?")

    @cached_property
    def speech_like(self) -> bool:
        """Does the quotation read like spoken sentences: more than one, or an
        exclamation or question of two words or more?"""
        inner = self.inner
        for m in _SENTENCE_INSIDE.finditer(inner):
            if inner[m.start()] != "." or not abbreviation_before(inner, m.start()):
                return True
        return self.last_mark in ("!", "?") and len(inner.split()) >= 2

    @cached_property
    def quoted_phrase(self) -> bool:
        """A word or phrase quoted inside a sentence of narration (`called it "nonsense" and left`)."""
        if self.before is None or not self.doc.text[self.region.start - 1].isspace():
            return False  # opens the paragraph, or glued to the narration (a typo)
        narration = self.narration_before
        if not narration or not (narration[-1].isalnum() or narration[-1] in ")'’"):
            return False
        return not self.speech_like

    @cached_property
    def runs_into(self) -> bool:
        """Narration ending in a word and a space, then spoken sentences that a tag
        or a beat follows (not a quoted phrase inside the narration's sentence)."""
        narration = self.narration_before
        if not narration or not narration[-1].isalpha() or not self.follows.has_clause:
            return False
        if not self.speech_like:
            return False
        word = _LAST_WORD.search(narration[-30:])
        if not word:
            return False
        last = word.group(0).lower()
        vocab = vocabulary()
        return last not in vocab.introducers and last not in vocab.verbs and not mentions_speech([last])

    @cached_property
    def starts_sentence(self) -> bool:
        """Must the quotation start with a capital? Yes when it opens the paragraph,
        follows a finished sentence, follows an action beat that interrupts speech
        (`"Wait!" she grabbed his arm, "thank you"`), or is spoken sentences that
        the narration runs into; not when it carries on a sentence a tag interrupted
        or is a phrase quoted inside the narration's sentence."""
        narration = self.narration_before
        previous = self.previous
        previous_ends = previous.last_mark if previous is not None else ""
        if not narration:
            if previous is not None:  # two quotations side by side
                return previous_ends in ("!", "?", ".")
            return self.before is None or not self.doc.text[self.before.start:self.before.end].strip()
        last = narration[-1]
        if last in ".!?" and not narration.endswith(("..", "Mr.", "Mrs.", "Dr.", "St.")):
            return True
        if last.isalpha():
            return self.runs_into
        if last == "," and previous is not None and previous.after is self.before:
            # "Wait!" she grabbed his arm, "thank you" - not "I think," she said, "we should"
            return previous_ends in ("!", "?", ".") and previous.follows.kind == "beat"
        if last == "," and previous is None:
            # She said, "Stop." - a tag before the speech introduces a sentence
            clause = _CLAUSE_END.split(narration)[-1].split()
            return len(clause) <= 4 and clause[-1].rstrip(",").lower() in vocabulary().speech
        return False

    @cached_property
    def asks(self) -> bool:
        """Does the speech ask something: its last sentence opens with a question
        word (`where are you going`), or its tag says so (`he asked`)?"""
        vocab = vocabulary()
        if self.follows.kind == "tag" and any(w.lower() in vocab.asking for w in self.follows.words[:4]):
            return True
        last = _SENTENCE_BREAK.split(self.inner)[-1]
        first = _WORD.match(last.lstrip(" \t\"'“‘*_"))
        return bool(first) and first.group(0).lower() in vocab.question_words

    @cached_property
    def is_label(self) -> bool:
        """A sign, a text message or a title: `"NO ENTRY"`, a quotation introduced
        by a colon, a title inside narration (`called "The Blue Boar"`), or words
        a tag says were written (`"lol ok," Ron texted`)."""
        inner = self.inner
        narration = self.narration_before
        if inner.isupper() or narration.endswith(":") or self.is_written or _is_text_speak(inner):
            return True
        words = _LETTERS.findall(inner)
        if not narration:  # a signature closing a letter, alone in its paragraph: "Your Jack"
            alone = self.after is None or not self.doc.text[self.after.start:self.after.end].strip()
            return alone and 0 < len(words) <= 4 and all(w[0].isupper() for w in words)
        words = [w for w in words if len(w) >= 4]
        return bool(words) and len(words) <= 6 and all(w[0].isupper() for w in words)

    @property
    def is_written(self) -> bool:
        """Is the quotation a message someone typed or wrote (`"brb," she texted`)?"""
        if self.follows.kind != "tag":
            return False
        written = vocabulary().written
        return any(w.lower() in written for w in self.follows.words[:4])

    @property
    def interrupts(self) -> bool:
        """`"I think," she paused, "we should go."`: narration between two parts of one sentence."""
        after = self.after
        if after is None:
            return False
        narration = self.doc.text[after.start:after.end].rstrip()
        return bool(narration) and narration[-1] in ",—–-" and after.end < self.doc.paragraphs[after.paragraph].end

    def last_word_before_close(self) -> str:
        """The speech's last word with any marks after it, as a fix message shows it."""
        close = self.region.end - 1
        text = self.doc.text
        m = _WORD_WITH_MARK.search(text[max(self.region.inner_start, close - 20):close])
        return m.group(0) if m else ""


def _is_text_speak(inner: str) -> bool:
    first = _LETTERS.match(inner.lstrip())
    return bool(first) and first.group(0).lower() in vocabulary().text_speak


# -- gathering quotations ---------------------------------------------------------------------


def quotations(doc: Document) -> list[Quotation]:
    """Every quotation that opens in a prose paragraph, in order (indented
    blocks, which are verse, letters and signs, are left out)."""
    found: list[Quotation] = []
    for regions in _prose_by_paragraph(doc):
        found.extend(_paragraph_quotations(doc, _join_markup(regions)))
    return found


def _prose_by_paragraph(doc: Document) -> Iterator[list[Region]]:
    paragraph = -1
    regions: list[Region] = []
    for region in doc.regions:
        if region.paragraph != paragraph:
            if regions:
                yield regions
            paragraph, regions = region.paragraph, []
        if region.kind in (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.MARKUP):
            regions.append(region)
    if regions:
        yield regions


def _join_markup(regions: list[Region]) -> list[Region]:
    """The paragraph's regions with each quotation whole again where inline
    markup (a URL, a comment, `code`) cut it into pieces; markup itself dropped."""
    if all(r.kind is not RegionKind.MARKUP for r in regions):
        return regions
    joined: list[Region] = []
    for region in regions:
        last = joined[-1] if joined else None
        if last is not None and last.kind is RegionKind.DIALOGUE and not last.close_quote \
                and region.kind is not RegionKind.NARRATION:
            close = region.close_quote if region.kind is RegionKind.DIALOGUE else ""
            joined[-1] = Region(RegionKind.DIALOGUE, last.start, region.end, last.paragraph, last.open_quote,
                                close, region.continues)
        elif last is not None and last.kind is RegionKind.NARRATION and region.kind is RegionKind.NARRATION:
            joined[-1] = Region(RegionKind.NARRATION, last.start, region.end, last.paragraph)
        elif region.kind is not RegionKind.MARKUP:
            joined.append(region)
    return joined


def _paragraph_quotations(doc: Document, regions: list[Region]) -> list[Quotation]:
    found: list[Quotation] = []
    if not any(r.kind is RegionKind.DIALOGUE for r in regions):
        return found
    if doc.paragraphs[regions[0].paragraph].indented:
        return found  # verse, letters, signs: set out on their own terms
    previous: Quotation | None = None
    for i, region in enumerate(regions):
        if region.kind is not RegionKind.DIALOGUE or not region.open_quote:
            continue
        before = regions[i - 1] if i > 0 and regions[i - 1].kind is RegionKind.NARRATION else None
        following = regions[i + 1] if i + 1 < len(regions) else None
        after = following if following is not None and following.kind is RegionKind.NARRATION else None
        previous = Quotation(doc, region, before, after, previous, len(found))
        found.append(previous)
    return found
