"""Dialogue: the punctuation of speech, where fan fiction breaks most often.

Every quotation in a paragraph is looked at with the narration on either side
of it. What comes after a quotation is either a speech tag (`she said`), which
belongs to the quotation's sentence, or an action beat (`she grabbed his arm`),
which is a sentence of its own. Telling them apart needs a list of speech verbs
(rules/data/speech-verbs.yaml, which also documents the policy for borderline
verbs such as laughed, sighed and smiled).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ficlint.check import Check, Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import ABBREVIATIONS, Document, Region, RegionKind
from ficlint.resources import load_data
from ficlint.rule import Rule, examples

_BORDERLINE_WHY = (" Borderline verbs that describe the voice or a gesture (laughed, sighed, giggled, "
                   "huffed, smiled, "
                   "nodded...) are accepted as speech tags, as published fiction uses them; plain actions "
                   "(grabbed, "
                   "felt, looked, hesitated...) are never tags.")

TAG_AFTER_FULL_STOP = Rule(
    id="D001",
    name="speech-tag-after-full-stop",
    category="dialogue",
    summary="A speech tag after a full stop inside the quotation (`\"Hello.\" she said`).",
    why="A speech tag is part of the quotation's sentence, so the quotation ends with a comma, not a full "
        "stop: "
        "`\"Hello,\" she said.` A full stop ends the sentence, and the lowercase tag is left without one."
        + _BORDERLINE_WHY,
    examples=examples("\"I'll be there.\" she said.", "'Come along.' said the Rat."),
    allows=("\"I'll be there,\" she said.", "\"I'll be there.\" She picked up her bag.",
            "\"We leave at six a.m.\" he said.", "\"Don't.\" She said it softly."),
    fix_safety="Safe: only the full stop before the closing quote becomes a comma.",
)
CAPITALIZED_TAG = Rule(
    id="D002",
    name="capitalized-speech-tag",
    category="dialogue",
    summary="A speech tag that starts with a capital after a comma, ! or ? (`\"Wait,\" She said`).",
    why="The tag continues the quotation's sentence, so its pronoun stays lowercase: `\"Wait,\" she "
        "said.` and "
        "`\"Wait!\" she said.` Names keep their capital: `\"Wait,\" Karen said.`",
    examples=examples("\"Meet you there,\" She said.", "\"Why?\" He asked."),
    allows=("\"Meet you there,\" she said.", "\"Meet you there,\" Karen said.", "\"Why?\" He looked away.",
            "\"Why?\" I asked."),
    fix_safety="Safe: only the first letter of the pronoun changes.",
)
MISSING_COMMA_BEFORE_TAG = Rule(
    id="D003",
    name="missing-comma-before-tag",
    category="dialogue",
    summary="No comma before the closing quote when a speech tag follows (`\"Meet you there\" she said`).",
    why="A quotation followed by a speech tag ends with a comma (or ? or !) inside the closing quote: "
        "`\"Meet you there,\" she said.` Without it the words run straight into the tag.",
    examples=examples("\"Meet you there\" she said.", "\"Meet you there\" She said.", "'Meet you there' said the Mole."),
    allows=("\"Meet you there,\" she said.", "She called it \"nonsense\" and left.",
            "\"Meet you there\" was all she said."),
    fix_safety="Safe: a comma is added before the closing quote (and a capitalized pronoun lowered).",
)
BEAT_AS_TAG = Rule(
    id="D004",
    name="action-beat-not-capitalized",
    category="dialogue",
    summary="An action beat after `.`, `!`, `?` or `...` that starts lowercase as if it were a speech tag.",
    why="Only a speech tag (said, asked, whispered...) may continue the quotation's sentence in lowercase. "
        "Words that describe an action are a new sentence and start with a capital: "
        "`\"Wait!\" She grabbed his arm.`" + _BORDERLINE_WHY,
    examples=examples("\"Wait!\" she grabbed his arm.", "\"It's my fault...\" the words came out in a rush.",
           "\"Fine.\" he walked away."),
    allows=("\"Wait!\" she said.", "\"Wait!\" She grabbed his arm.", "\"I need one!\" she giggled.",
            "\"Go away!\" and he went.", "\"Well...\" he began."),
    fix_safety="Unsafe: if the words are a speech tag with a verb ficlint doesn't know, the lowercase was "
               "right.",
)
COMMA_BEFORE_BEAT = Rule(
    id="D005",
    name="comma-before-action-beat",
    category="dialogue",
    summary="A comma before the closing quote followed by an action beat, not a speech tag.",
    why="A comma inside the closing quote promises a speech tag (`\"We tried,\" she said.`). When an action "
        "follows instead, the quotation is a sentence of its own: `\"We tried.\" Everything she had "
        "planned ran "
        "out.`" + _BORDERLINE_WHY,
    examples=examples("\"We gave it a good shot,\" everything she had planned came out at once.",
           "\"I'm leaving,\" she grabbed her coat."),
    allows=("\"We gave it a good shot,\" she "
            "said.", "\"Thanks,\" she smiled.", "\"Yes,\" he went on, \"I do.\"",
            "\"I think,\" she paused, \"we should go.\"", "\"Come,\" with a wave of her hand."),
    fix_safety="Unsafe: the comma becomes a full stop and the beat gets a capital; check the sentence "
               "still reads.",
)
LOWERCASE_DIALOGUE = Rule(
    id="D006",
    name="lowercase-dialogue-start",
    category="dialogue",
    summary="Speech that starts with a lowercase letter (`\"stop it\"`).",
    why="A quotation of speech starts a new sentence, so its first word takes a capital - unless it "
        "carries on a "
        "sentence interrupted by a tag: `\"I think,\" she said, \"we should go.\"`",
    examples=examples("\"stop it,\" she said.", "She kissed his cheek. \"thank you.\""),
    allows=("\"Stop it,\" she "
            "said.", "\"I think,\" she said, \"we should go.\"", "She called it \"nonsense\".",
            "\"...and then he left.\"", "\"iPhones are expensive.\""),
    fix_safety="Safe: only the first letter changes.",
)
MISSING_END_PUNCTUATION = Rule(
    id="D007",
    name="dialogue-missing-end-punctuation",
    category="dialogue",
    summary="Speech that ends without punctuation before the closing quote, at the end of a paragraph or "
            "before "
            "an action beat.",
    why="Speech needs punctuation before its closing quote: a full stop (or ? or !) when the sentence "
        "ends there "
        "or an action follows, a comma when a speech tag follows. `\"I need to be alone right now.\"`",
    examples=examples("\"I need to be alone right "
           "now\"", "\"I didn't mean it that way\" Derek tried to reach for her hand."),
    allows=("\"I need to be alone right now.\"", "\"I didn't mean it--\"", "He read the sign: \"No Entry\"",
            "It was called \"The Blue Boar\"", "\"Wait\"--she caught her breath--\"for me.\""),
    fix_safety="Unsafe: a full stop is added; the speech may want ? or ! instead.",
)
SPACE_INSIDE_QUOTE = Rule(
    id="D008",
    name="space-inside-quote",
    category="dialogue",
    summary="A space just inside a quotation mark (`\" I'm`).",
    why="Quotation marks hug the words they enclose; a space inside makes the quote look detached, and an "
        "editor or e-book converter may turn it the wrong way round.",
    examples=examples("\" I'm not blaming myself!\"", "\"I'm not blaming myself! \" she said."),
    allows=("\"I'm not blaming myself!\"", "\"... and then?\""),
    fix_safety="Safe: the space is removed.",
)
NO_SPACE_AROUND_QUOTE = Rule(
    id="D009",
    name="no-space-around-quote",
    category="dialogue",
    summary="Narration glued to a quotation: no space before the opening quote (`his arm\"Derek!\"`) or "
            "after "
            "the closing one (`\"Hi,\"she said`).",
    why="A quotation is set off from the narration by a space on the outside. Without it the narration "
        "runs into "
        "the speech, and usually a full stop is missing too: `She slapped his arm. \"Derek!\"`",
    examples=examples("Karen playfully slapped his arm\"Derek!\"", "\"Hi,\"she said."),
    allows=("Karen playfully slapped his arm. "
            "\"Derek!\"", "\"Hi,\" she said.", "\"Hi\"--she said--\"there.\""),
    fix_safety="Unsafe: a full stop and a space are added before an opening quote; check whether a comma "
               "fits "
               "better.",
)
NARRATION_RUNS_INTO_SPEECH = Rule(
    id="D010",
    name="narration-runs-into-speech",
    category="dialogue",
    summary="Narration that runs into a quotation without any punctuation (`at Derek \"get over it?\"`).",
    why="When narration introduces speech it ends first - with a full stop for an action "
        "(`She glared at Derek. \"Get over it?\"`) or a comma for a tag (`She said, \"Get over it.\"`).",
    examples=examples("Karen looked at Derek \"Get over it? Is that all you can say?\" she asked.",
           "She pulled away from his grip \"Why would you say that?\" Her eyes flashed."),
    allows=("Karen looked at Derek. \"Get over it?\"", "She called it \"nonsense!\" and left.",
            "He shouted \"Fire!\" and everyone ran.", "The sign read \"Keep Out. Private Land.\""),
    fix_safety="Unsafe: the narration may want a full stop or a comma.",
)
UNCLOSED_QUOTE = Rule(
    id="D011",
    name="unclosed-quote",
    category="dialogue",
    summary="A quotation that is never closed (and is not a speech that continues into the next paragraph).",
    why="A reader needs to know where speech stops. A speech running over several paragraphs leaves each "
        "paragraph open and reopens the next one; any other open quotation is missing its closing mark.",
    examples=examples("\"Come with me, she said.\n\nHe followed her out.",),
    allows=("\"Come with me,\" she said.", "\"It was a long night.\n\n\"In the morning we left.\""),
)
AMERICAN_PLACEMENT = Rule(
    id="D012",
    name="american-punctuation-placement",
    category="dialogue",
    summary="A full stop or comma outside the closing quote where the dialect is American (`\"Go\".`).",
    why="American English puts full stops and commas inside the closing quote, always: `He said \"Go.\"` "
        "British English puts them where the sense puts them, so this rule only runs for en-US.",
    examples=examples("He whispered one word: \"Go\".", "They called it \"the barn\", though it was a house."),
    allows=("He whispered one word: \"Go.\"", "Was it \"Go\"?", "He said \"Go\"..."),
    fix_safety="Safe: the mark moves inside the quote.",
    options={"examples_config": {"dialect": "en-US"}},
)

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


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|--|\S")
_TRAILING_MARKUP = "_*"
_CLOSE_NESTED = "'’\"”"
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”'’]?\s+[\"“‘']?[A-Z]")
_SPACE_THEN_WORD = re.compile(r"[ \t]+(?=[^\W_])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LOWERCASE_I = re.compile(r"i(?:['’](?:m|ll|ve|d))?")
_CLAUSES = frozenset({"tag", "beat", "subject"})


@dataclass(frozen=True, slots=True)
class After:
    """What follows a closing quote: its first words and what they are."""

    kind: str  # a clause kind (see _classify), "end" (the paragraph ends) or "glued" (no space)
    words: tuple[str, ...] = ()
    first_start: int = 0  # offset of the first word
    first_end: int = 0
    stop: str = ""  # the punctuation that ends the clause ("" if none within reach)


class Speech:
    """One quotation of a paragraph with its neighbours."""

    __slots__ = ("doc", "region", "before", "after", "previous", "index", "_follows")

    def __init__(self, doc: Document, region: Region, before: Region | None, after: Region | None,
                 previous: Speech | None, index: int) -> None:
        self.doc = doc
        self.region = region
        self.before = before  # narration just before it in the paragraph
        self.after = after  # narration just after it
        self.previous = previous  # the paragraph's previous quotation
        self.index = index  # position among the paragraph's quotations
        self._follows: After | None = None

    @property
    def follows(self) -> After:
        """What the narration after the closing quote is (a tag, a beat...), worked out once."""
        if self._follows is None:
            self._follows = _after(self.doc, self) if self.region.close_quote else After("other")
        return self._follows


class Dialogue(Check):
    family = "dialogue"
    rules = (TAG_AFTER_FULL_STOP, CAPITALIZED_TAG, MISSING_COMMA_BEFORE_TAG, BEAT_AS_TAG, COMMA_BEFORE_BEAT,
             LOWERCASE_DIALOGUE, MISSING_END_PUNCTUATION, SPACE_INSIDE_QUOTE, NO_SPACE_AROUND_QUOTE,
             NARRATION_RUNS_INTO_SPEECH, UNCLOSED_QUOTE, AMERICAN_PLACEMENT)

    def check(self, doc: Document, ctx: Context) -> Iterable[Diagnostic]:
        american = _is_american(ctx)
        found: list[Diagnostic] = []
        for speeches in _speeches_by_paragraph(doc):
            for speech in speeches:
                found.extend(self._check_speech(doc, speech, american))
        found.extend(_closes_nothing(doc))
        return [d for d in found if ctx.is_enabled(d.rule)]

    def _check_speech(self, doc: Document, speech: Speech, american: bool) -> Iterator[Diagnostic]:
        yield from _opening(doc, speech)
        if speech.region.close_quote:
            yield from _closing(doc, speech, american)
        elif speech.region.unclosed:
            yield from _unclosed(doc, speech)


# -- gathering quotations ---------------------------------------------------------


def _speeches_by_paragraph(doc: Document) -> Iterator[list[Speech]]:
    paragraph = -1
    regions: list[Region] = []
    for region in doc.regions:
        if region.paragraph != paragraph:
            if regions:
                yield _speeches(doc, _join_markup(regions))
            paragraph, regions = region.paragraph, []
        if region.kind in (RegionKind.NARRATION, RegionKind.DIALOGUE, RegionKind.MARKUP):
            regions.append(region)
    if regions:
        yield _speeches(doc, _join_markup(regions))


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


def _speeches(doc: Document, regions: list[Region]) -> list[Speech]:
    found: list[Speech] = []
    if not any(r.kind is RegionKind.DIALOGUE for r in regions):
        return found
    para = doc.paragraphs[regions[0].paragraph]
    if para.indented:
        return found  # verse, letters, signs: set out on their own terms
    previous: Speech | None = None
    for i, region in enumerate(regions):
        if region.kind is not RegionKind.DIALOGUE or not region.open_quote:
            continue
        before = regions[i - 1] if i > 0 and regions[i - 1].kind is RegionKind.NARRATION else None
        following = regions[i + 1] if i + 1 < len(regions) else None
        after = following if following is not None and following.kind is RegionKind.NARRATION else None
        previous = Speech(doc, region, before, after, previous, len(found))
        found.append(previous)
    return found


# -- the opening quote ------------------------------------------------------------


def _opening(doc: Document, speech: Speech) -> Iterator[Diagnostic]:
    text = doc.text
    region = speech.region
    start = region.start
    before_char = text[start - 1] if start > 0 else "\n"
    if region.open_quote == '"' and speech.index > 0 and _looks_like_closer(text, start):
        return  # the straight quotes of this paragraph don't pair up: D011 says so
    glued = speech.before is not None and (before_char.isalnum() or before_char in ".!?")
    if glued:
        yield _glued_before(start, before_char)
    elif _runs_into(doc, speech):
        space = start - 1
        fix = ". " if text[region.inner_start:region.inner_start + 1].isupper() else ", "
        yield Diagnostic(NARRATION_RUNS_INTO_SPEECH.id, space, start + 1,
                         "The narration runs into the quotation with no punctuation: end it with a full stop "
                         "before the speech (`at Derek. \"Get over it?\"`), or a comma if it introduces the "
                         "speech (`She said, \"Get over it.\"`).",
                         (Fix(space, space + 1, fix, safe=False),))
    inner = region.inner_start
    m = _SPACE_THEN_WORD.match(text, inner, region.end)
    if m:
        yield Diagnostic(SPACE_INSIDE_QUOTE.id, inner, m.end(),
                         "A space just inside the opening quote: quotation marks hug the words they enclose.",
                         (Fix(inner, m.end(), ""),))
    first = m.end() if m else inner
    word = _lowercase_word(doc, first)
    if word and (glued or _starts_sentence(doc, speech)) and not _is_label(doc, speech):
        yield _lowercase_start(first, word)


def _glued_before(start: int, before_char: str) -> Diagnostic:
    if before_char.isalnum():
        message = ("No space before the opening quote: the narration runs into the speech. End the narration "
                   "first, usually with a full stop and a space (`his arm. \"Derek!\"`).")
        fix = Fix(start, start, ". ", safe=False)
    else:
        message = "No space before the opening quote: put a space between the narration and the speech."
        fix = Fix(start, start, " ", safe=True)
    return Diagnostic(NO_SPACE_AROUND_QUOTE.id, start, start + 1, message, (fix,))


def _narration_before(doc: Document, speech: Speech) -> str:
    """The narration just before the quotation, without trailing white space and markup."""
    if speech.before is None:
        return ""
    return doc.text[speech.before.start:speech.before.end].rstrip(" \t\r\n*_")


def _runs_into(doc: Document, speech: Speech) -> bool:
    """Narration ending in a word and a space, then spoken sentences that a tag
    or a beat follows (not a quoted phrase inside the narration's sentence)."""
    narration = _narration_before(doc, speech)
    if not narration or not narration[-1].isalpha() or speech.follows.kind not in _CLAUSES:
        return False
    if not _is_speech_like(doc, speech):
        return False
    word = re.search(r"[^\W\d_]+$", narration[-30:])
    if not word:
        return False
    last = word.group(0).lower()
    vocab = vocabulary()
    return last not in vocab.introducers and last not in vocab.verbs and not _mentions_speech([last])


def _starts_sentence(doc: Document, speech: Speech) -> bool:
    """Must the quotation start with a capital? Yes when it opens the paragraph,
    follows a finished sentence, follows an action beat that interrupts speech
    (`"Wait!" she grabbed his arm, "thank you"`), or is spoken sentences that
    the narration runs into; not when it carries on a sentence a tag interrupted
    or is a phrase quoted inside the narration's sentence."""
    narration = _narration_before(doc, speech)
    previous = speech.previous
    previous_ends = _last_mark(doc, previous.region) if previous is not None else ""
    if not narration:
        if previous is not None:  # two quotations side by side
            return previous_ends in ("!", "?", ".")
        return speech.before is None or not doc.text[speech.before.start:speech.before.end].strip()
    last = narration[-1]
    if last in ".!?" and not narration.endswith(("..", "Mr.", "Mrs.", "Dr.", "St.")):
        return True
    if last.isalpha():
        return _runs_into(doc, speech)
    if last == "," and previous is not None and previous.after is speech.before:
        # "Wait!" she grabbed his arm, "thank you" - not "I think," she said, "we should"
        return previous_ends in ("!", "?", ".") and previous.follows.kind == "beat"
    if last == "," and previous is None:
        # She said, "Stop." - a tag before the speech introduces a sentence
        clause = re.split(r"[.!?]\s", narration)[-1].split()
        return len(clause) <= 4 and clause[-1].rstrip(",").lower() in vocabulary().speech
    return False


def _lowercase_word(doc: Document, first: int) -> str:
    """The word at `first` if it is plain lowercase (not a brand like iPhone, nor the pronoun i)."""
    m = _WORD.match(doc.text, first, first + 40)
    if not m:
        return ""
    word = m.group(0)
    if not word[0].islower() or any(c.isupper() for c in word[1:]):
        return ""
    if _LOWERCASE_I.fullmatch(word):
        return ""  # the lowercase pronoun is the mechanics family's
    return word


def _lowercase_start(first: int, word: str) -> Diagnostic:
    fixed = word[0].upper() + word[1:]
    return Diagnostic(LOWERCASE_DIALOGUE.id, first, first + len(word),
                      f"Speech starts with a lowercase \"{word}\": a quotation begins a new sentence, "
                      f"so write \"{fixed}\" (lowercase only continues a sentence a speech tag interrupted).",
                      (Fix(first, first + 1, fixed[0]),))


def _is_quoted_phrase(doc: Document, speech: Speech) -> bool:
    """A word or phrase quoted inside a sentence of narration (`called it "nonsense" and left`)."""
    if speech.before is None or not doc.text[speech.region.start - 1].isspace():
        return False  # opens the paragraph, or glued to the narration (a typo)
    narration = _narration_before(doc, speech)
    if not narration or not (narration[-1].isalnum() or narration[-1] in ")'’"):
        return False
    return not _is_speech_like(doc, speech)


def _is_speech_like(doc: Document, speech: Speech) -> bool:
    """Does the quotation read like spoken sentences: more than one, or an
    exclamation or question of two words or more?"""
    region = speech.region
    inner = doc.text[region.inner_start:region.inner_end]
    for m in _SENTENCE_INSIDE.finditer(inner):
        if inner[m.start()] != "." or not _abbreviation_before(inner, m.start()):
            return True
    return _last_mark(doc, region) in ("!", "?") and len(inner.split()) >= 2


def _abbreviation_before(text: str, dot: int) -> bool:
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    token = m.group(1).lower() if m else ""
    return token in ABBREVIATIONS or len(token) <= 1 or "." in token


# -- the closing quote ------------------------------------------------------------


def _last_mark(doc: Document, region: Region) -> str:
    """The punctuation before a closing quote: '.', ',', '!', '?', '…' (ellipsis),
    '—' (any dash), 'letter' (none), or '' (unclear)."""
    text = doc.text
    end = region.inner_end
    start = region.inner_start
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


def _closing(doc: Document, speech: Speech, american: bool) -> Iterator[Diagnostic]:
    text = doc.text
    region = speech.region
    close = region.end - 1
    if region.close_quote == '"' and text[close - 1].isspace() and text[close + 1:close + 2].isalnum():
        return  # looks like an opening quote: the straight quotes of this paragraph don't pair up
    inner_end = region.inner_end
    if inner_end - 2 >= region.inner_start and text[inner_end - 1] in " \t" \
            and not text[inner_end - 2].isspace():
        yield Diagnostic(SPACE_INSIDE_QUOTE.id, inner_end - 1, inner_end,
                         "A space just inside the closing quote: quotation marks hug the words they enclose.",
                         (Fix(inner_end - 1, inner_end, ""),))
    after = speech.follows
    if after.kind == "glued":
        yield Diagnostic(NO_SPACE_AROUND_QUOTE.id, close, region.end + 1,
                         "No space after the closing quote: put a space between the speech and the "
                         "narration.",
                         (Fix(region.end, region.end, " "),))
        return
    mark = _last_mark(doc, region)
    if american and mark == "letter":
        yield from _american_placement(doc, speech)
    yield from _after_mark(doc, speech, mark, after)


def _after(doc: Document, speech: Speech) -> After:
    text = doc.text
    region = speech.region
    if speech.after is None:
        nothing_follows = _paragraph_ends_at(doc, region)
        return After("end" if nothing_follows else "other")
    pos = region.end
    end = speech.after.end
    if pos < end and (text[pos].isalnum()):
        return After("glued")
    snippet = text[pos:min(end, pos + 100)]
    m = re.match(r"[ \t\r\n]+", snippet)
    if not m:
        return After("other")
    words, first, stop = _clause_words(snippet, m.end())
    if not words:
        rest = snippet[m.end():].strip()
        return After("end" if not rest else "other")
    kind = _classify(words)
    return After(kind, tuple(words), pos + first[0], pos + first[1], stop)


def _paragraph_ends_at(doc: Document, region: Region) -> bool:
    para = doc.paragraphs[region.paragraph]
    return not doc.text[region.end:para.end].strip(" \t\r\n*_")


def _clause_words(snippet: str, start: int) -> tuple[list[str], tuple[int, int], str]:
    """The words of the clause that starts at snippet[start:], up to its first
    punctuation, and that punctuation."""
    words: list[str] = []
    first = (0, 0)
    titles = vocabulary().titles
    for m in _TOKEN.finditer(snippet, start):
        token = m.group(0)
        if token[0].isalpha():
            if not words:
                first = m.span()
            words.append(token)
            if len(words) >= 8:
                return words, first, ""
            continue
        if token == "." and words and words[-1].lower() in titles:
            continue
        return words, first, token
    return words, first, "end"


def _classify(words: list[str]) -> str:
    """What a clause after a closing quote is:
    'tag'      a speech tag: she said, said he, the old man asked;
    'inverted' a verb first that makes a tag only there: came the answer;
    'beat'     an action beat: she grabbed his arm, the words came out, everything ran out;
    'subject'  a subject and a verb ficlint doesn't know (she crooned): a tag or a beat;
    'other'    anything else (and then..., with a smile).
    """
    vocab = vocabulary()
    lower = [w.lower() for w in words]
    if _verb_at(lower, 0):
        return "tag"
    if lower[0] in vocab.inverted:
        return "inverted"
    subject_end = _subject_end(words, lower)
    if subject_end is None:
        return "other"
    if lower[0] in vocab.determiners and lower[0] not in vocab.pronouns or lower[0] in vocab.things:
        # "the old man said", "her eyes were now focused": the verb may come a few words in
        for j in range(1, min(len(lower), 5)):
            if _verb_at(lower, _skip_between(lower, j)):
                return "tag"
        if lower[0] in vocab.things:
            return "beat"
        is_beat = any(w in vocab.actions for w in lower[1:5]) \
            or any(w in vocab.non_speakers for w in lower[1:3])
        return "beat" if is_beat and not _mentions_speech(lower) else "subject"
    i = _skip_between(lower, subject_end)
    if i >= len(lower):
        return "other"
    if _verb_at(lower, i):
        return "tag"
    return "beat" if lower[i] in vocab.actions and not _mentions_speech(lower) else "subject"


def _mentions_speech(lower: list[str]) -> bool:
    """Does the clause speak of speaking ("she heard Wally say", "he tried to say")?"""
    verbs = vocabulary().speech
    return any(w in verbs or w + "s" in verbs or w + "ed" in verbs or w + "d" in verbs or w.endswith("ing")
               and (w[:-3] + "s" in verbs or w[:-3] + "es" in verbs) for w in lower)


def _verb_at(lower: list[str], i: int) -> bool:
    if i >= len(lower):
        return False
    vocab = vocabulary()
    if lower[i] in vocab.verbs:
        return True
    return i + 1 < len(lower) and (lower[i], lower[i + 1]) in vocab.phrases


def _skip_between(lower: list[str], i: int) -> int:
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


def _after_mark(doc: Document, speech: Speech, mark: str, after: After) -> Iterator[Diagnostic]:
    if mark == "letter":
        yield from _no_mark(doc, speech, after)
    elif mark == ".":
        yield from _after_full_stop(doc, speech, after)
    elif mark == ",":
        yield from _after_comma(doc, speech, after)
    elif mark in ("!", "?", "…"):
        yield from _after_terminal(doc, speech, after, mark)


def _no_mark(doc: Document, speech: Speech, after: After) -> Iterator[Diagnostic]:
    text = doc.text
    region = speech.region
    close = region.end - 1
    if _is_quoted_phrase(doc, speech) or _is_label(doc, speech):
        return
    question = _is_question(doc, speech)
    end_with = "a question mark" if question else "a full stop (or ? or !)"
    if after.kind == "end":
        mark = "?" if question else "."
        yield Diagnostic(MISSING_END_PUNCTUATION.id, close, region.end,
                         f"The speech ends the paragraph without punctuation: end it with {end_with} before "
                         "the closing quote.",
                         (Fix(close, close, mark, safe=False),))
    elif after.kind == "tag":
        first = after.words[0]
        capital = _is_capitalized_pronoun(first)
        shown = first.lower() if capital else first
        mark = "?" if question else ","
        replacement = mark + text[close:after.first_start] + shown[0]
        extra = f" and the tag stays lowercase (\"{shown}\")" if capital else ""
        what = "a question mark (it asks something)" if question else "a comma"
        yield Diagnostic(MISSING_COMMA_BEFORE_TAG.id, close, after.first_end,
                         f"A speech tag follows, so the speech ends with {what} before the closing "
                         f"quote{extra}: `{mark}{text[close:after.first_start]}{shown}`.",
                         (Fix(close, after.first_start + 1, replacement),))
    elif after.kind == "beat":
        insert = "?" if question else "."
        yield _beat_diagnostic(doc, speech, after, MISSING_END_PUNCTUATION.id, insert=insert,
                               message="The speech ends without punctuation and an action follows: end the "
                                       f"speech with {end_with} and start the action as a new sentence")
    elif after.kind == "subject":
        yield Diagnostic(MISSING_END_PUNCTUATION.id, close, after.first_end,
                         "The speech ends without punctuation before the closing quote: add a comma if "
                         f"\"{' '.join(after.words[:2])}\" is a speech tag, or a full stop (and a "
                         "capital) if it "
                         "is an action.",
                         (Fix(close, close, ",", safe=False),))


def _is_question(doc: Document, speech: Speech) -> bool:
    """Does the speech ask something: its last sentence opens with a question
    word (`where are you going`), or its tag says so (`he asked`)?"""
    vocab = vocabulary()
    if speech.follows.kind == "tag" and any(w.lower() in vocab.asking for w in speech.follows.words[:4]):
        return True
    inner = doc.text[speech.region.inner_start:speech.region.inner_end]
    last = re.split(r"[.!?…]+\s+", inner)[-1]
    first = _WORD.match(last.lstrip(" \t\"'“‘*_"))
    return bool(first) and first.group(0).lower() in vocab.question_words


def _is_label(doc: Document, speech: Speech) -> bool:
    """A sign, a text message or a title: `"NO ENTRY"`, a quotation introduced
    by a colon, a title inside narration (`called "The Blue Boar"`), or words
    a tag says were written (`"lol ok," Ron texted`)."""
    inner = doc.text[speech.region.inner_start:speech.region.inner_end]
    narration = _narration_before(doc, speech)
    if inner.isupper() or narration.endswith(":") or _is_written(speech) or _is_text_speak(inner):
        return True
    words = re.findall(r"[^\W\d_]+", inner)
    if not narration:  # a signature closing a letter, alone in its paragraph: "Your Jack"
        alone = speech.after is None or not doc.text[speech.after.start:speech.after.end].strip()
        return alone and 0 < len(words) <= 4 and all(w[0].isupper() for w in words)
    words = [w for w in words if len(w) >= 4]
    return bool(words) and len(words) <= 6 and all(w[0].isupper() for w in words)


def _is_written(speech: Speech) -> bool:
    """Is the quotation a message someone typed or wrote (`"brb," she texted`)?"""
    follows = speech.follows
    if follows.kind != "tag":
        return False
    written = vocabulary().written
    return any(w.lower() in written for w in follows.words[:4])


def _is_text_speak(inner: str) -> bool:
    first = re.match(r"[^\W\d_]+", inner.lstrip())
    return bool(first) and first.group(0).lower() in vocabulary().text_speak


def _is_capitalized_pronoun(word: str) -> bool:
    return word[0].isupper() and word != "I" and word.lower() in vocabulary().pronouns


def _after_full_stop(doc: Document, speech: Speech, after: After) -> Iterator[Diagnostic]:
    capital_verb = _is_capitalized_tag_verb(after)
    if after.kind not in _CLAUSES or not (after.words[0][0].islower() or capital_verb) \
            or _is_quoted_phrase(doc, speech):
        return
    text = doc.text
    dot = _mark_offset(doc, speech.region)
    if _abbreviation_before(text, dot):
        return  # "at six a.m." she said
    if after.kind == "tag":
        fixes = [Fix(dot, dot + 1, ",")]
        tag = " ".join(after.words[:2])
        if capital_verb:
            tag = tag[0].lower() + tag[1:]
            fixes.append(Fix(after.first_start, after.first_start + 1, tag[0]))
        yield Diagnostic(TAG_AFTER_FULL_STOP.id, dot, after.first_end,
                         f"A speech tag (\"{tag}\") follows, so the speech ends with a comma, not a full "
                         "stop: the tag is part of the same sentence, and stays lowercase.",
                         tuple(fixes))
    else:
        yield _beat_diagnostic(doc, speech, after, BEAT_AS_TAG.id, insert="",
                               message="After a full stop the next words start a new sentence, and these are "
                                       "not a speech tag")


def _after_comma(doc: Document, speech: Speech, after: After) -> Iterator[Diagnostic]:
    if after.kind == "tag":
        yield from _capitalized_tag(after, strict=False)
        return
    if after.kind != "beat" or _interrupts_speech(doc, speech) or _is_quoted_phrase(doc, speech) \
            or _is_label(doc, speech):
        return
    text = doc.text
    comma = _mark_offset(doc, speech.region)
    first = after.words[0]
    fixed = first[0].upper() + first[1:]
    yield Diagnostic(COMMA_BEFORE_BEAT.id, comma, after.first_end,
                     "A comma before the closing quote promises a speech tag, but "
                     f"\"{' '.join(after.words[:3])}\" "
                     "is an action: end the speech with a full stop and start a new sentence "
                     f"(`.{text[comma + 1:after.first_start]}{fixed}`).",
                     (Fix(comma, comma + 1, ".", safe=False),
                      Fix(after.first_start, after.first_start + 1, fixed[0], safe=False)))


def _interrupts_speech(doc: Document, speech: Speech) -> bool:
    """`"I think," she paused, "we should go."`: narration between two parts of one sentence."""
    after = speech.after
    if after is None:
        return False
    narration = doc.text[after.start:after.end].rstrip()
    return bool(narration) and narration[-1] in ",—–-" and after.end < doc.paragraphs[after.paragraph].end


def _after_terminal(doc: Document, speech: Speech, after: After, mark: str) -> Iterator[Diagnostic]:
    if after.kind == "tag":
        yield from _capitalized_tag(after, strict=True)
        return
    if after.kind != "beat" or not after.words[0][0].islower() or _is_quoted_phrase(doc, speech):
        return
    what = {"!": "an exclamation mark", "?": "a question mark"}.get(mark, "an ellipsis")
    yield _beat_diagnostic(doc, speech, after, BEAT_AS_TAG.id, insert="",
                           message=f"After {what} the next words start a new sentence unless they are a "
                                   "speech "
                                   "tag, and these are an action")


def _capitalized_tag(after: After, strict: bool) -> Iterator[Diagnostic]:
    """`"Wait," She said`. After ! or ? (`strict`) a capital may start a new
    sentence (`"Why?" He spoke with pride.`), so only a bare tag counts there:
    `"Why?" He asked.`"""
    first = after.words[0]
    if _is_capitalized_tag_verb(after):
        yield _lower_tag_word(after)
        return
    if not _is_capitalized_pronoun(first) or len(after.words) < 2:
        return
    lower_words = [w.lower() for w in after.words]
    verb = _skip_between(lower_words, 1)
    if not _verb_at(lower_words, verb):
        return
    vocab = vocabulary()
    said = lower_words[verb]
    if strict and (said not in vocab.speech or said in vocab.thinking or len(after.words) > verb + 2
                   or after.stop not in (".", "end")):
        return  # "Jill!" He choked.  "Why?" He answered, "Yes."  "Why?" She reflected.
    yield _lower_tag_word(after)


def _lower_tag_word(after: After) -> Diagnostic:
    first = after.words[0]
    lower = first.lower()
    return Diagnostic(CAPITALIZED_TAG.id, after.first_start, after.first_end,
                      f"\"{first} {after.words[1]}\" is a speech tag, part of the quotation's sentence: "
                      f"write \"{lower}\" in lowercase.",
                      (Fix(after.first_start, after.first_start + 1, lower[0]),))


def _is_capitalized_tag_verb(after: After) -> bool:
    """`Said Harry`, `Asked the Mole`: a tag whose verb comes first, wrongly capitalized."""
    if len(after.words) < 2 or not after.words[0][0].isupper():
        return False
    vocab = vocabulary()
    second = after.words[1]
    speaker = second[0].isupper() or second.lower() in vocab.pronouns or second.lower() in vocab.determiners
    return after.words[0].lower() in vocab.speech and speaker


def _beat_diagnostic(doc: Document, speech: Speech, after: After, rule: str, insert: str,
                     message: str) -> Diagnostic:
    text = doc.text
    close = speech.region.end - 1
    first = after.words[0]
    fixed = first[0].upper() + first[1:]
    last_word = re.search(r"[\w'’]+[^\w\s]*$", text[max(speech.region.inner_start, close - 20):close])
    said = last_word.group(0) if last_word else ""
    shown = f"{said}{insert}{text[close:after.first_start]}{fixed}"
    fixes = [Fix(after.first_start, after.first_start + 1, fixed[0], safe=False)]
    if insert:
        fixes.insert(0, Fix(close, close, insert, safe=False))
    return Diagnostic(rule, close, after.first_end, f"{message}: `{shown}`.", tuple(fixes))


def _mark_offset(doc: Document, region: Region) -> int:
    """Offset of the punctuation mark before the closing quote (past markup and nested quotes)."""
    text = doc.text
    end = region.inner_end
    while end > region.inner_start and text[end - 1] in _TRAILING_MARKUP + _CLOSE_NESTED:
        end -= 1
    return end - 1


def _american_placement(doc: Document, speech: Speech) -> Iterator[Diagnostic]:
    text = doc.text
    region = speech.region
    outside = region.end
    if outside >= len(text) or text[outside] not in ".," or text[outside:outside + 2] == "..":
        return
    mark = text[outside]
    quote = region.close_quote
    yield Diagnostic(AMERICAN_PLACEMENT.id, outside, outside + 1,
                     f"In American English the {'full stop' if mark == '.' else 'comma'} goes inside the "
                     "closing "
                     f"quote: `{mark}{quote}`.",
                     (Fix(region.end - len(quote), outside + 1, mark + quote),))


def _unclosed(doc: Document, speech: Speech) -> Iterator[Diagnostic]:
    region = speech.region
    if region.open_quote == '"' and _looks_like_closer(doc.text, region.start):
        first = speech
        while first.previous is not None:
            first = first.previous
        start = first.region.start
        message = ("The quotation marks of this paragraph don't pair up: a quote is missing between "
                   "here and the paragraph's end.")
    else:
        start = region.start
        message = ("This quotation is never closed: add the closing quote where the speech ends. (A speech "
                   "running on into the next paragraph is fine: the next paragraph then opens with a quote.)")
    yield Diagnostic(UNCLOSED_QUOTE.id, start, start + 1, message)


def _closes_nothing(doc: Document) -> Iterator[Diagnostic]:
    """A paragraph whose first quote mark closes a speech, when no speech was
    left open before it (`She said hi." He left.`)."""
    left_open = False
    for region in doc.regions:
        if region.kind is not RegionKind.DIALOGUE:
            continue
        opens_paragraph = region.start == doc.paragraphs[region.paragraph].start
        if not region.open_quote and region.close_quote and opens_paragraph and not left_open:
            close = region.end - 1
            yield Diagnostic(UNCLOSED_QUOTE.id, close, region.end,
                             "This closing quote has no opening quote: add the opening quote where the "
                             "speech begins.")
        left_open = not region.close_quote


def _looks_like_closer(text: str, at: int) -> bool:
    """A straight double quote hanging on a word or mark, with a space or the end after it."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1:at + 2]
    return (before.isalnum() or before in ".,!?…-—") and (not after or after.isspace())


def _is_american(ctx: Context) -> bool:
    dialect = str(getattr(ctx.config, "dialect", "auto") or "auto")
    if dialect == "auto":
        facts = ctx.facts("dialect")
        dialect = str(getattr(facts, "dialect", None) or "")
    return dialect.lower() == "en-us"


CHECKS = [Dialogue]
