"""D006 lowercase-dialogue-start: speech that starts with a lowercase letter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, PRONOUN_I, capitalized, in_period_style
from ficlint.rules.dialogue._common import opened
from ficlint.rules.mechanics._style import chapter_in_lowercase

RULE = Rule(
    id="D006",
    name="lowercase-dialogue-start",
    category="dialogue",
    summary="Speech that starts with a lowercase letter (`\"stop it\"`).",
    why="A quotation of speech starts a new sentence, so its first word takes a capital - unless it "
        "carries on a sentence interrupted by a tag: `\"I think,\" she said, \"we should go.\"` After a "
        "tag whose speech ended with its own ? or !, new speech starts a new sentence too, so the tag "
        "ends with a full stop: `\"What?\" he asked. \"Tell me.\"`, unless it opens with a conjunction that "
        "carries the speech on (`\"Bye!\" he called, "
        "\"and thanks!\"`, `\"because I'm coming too\"`). Novels of a century ago carried it on in "
        "lowercase (`\"Oh!\" cried the Rat, \"this is splendid\"`): in a manuscript that hyphenates as "
        "they did (to-day, to-morrow), that is left alone, as is speech they joined to the narration "
        "with a comma (`as half an hour, \"just one half hour\"`).",
    examples=examples(
        ("\"stop it,\" she said.", "\"Stop it,\" she said."),
        ("She kissed his cheek. \"thank you.\"", "She kissed his cheek. \"Thank you.\""),
        ("\"What?\" he asked, \"tell me.\"", "\"What?\" he asked. \"Tell me.\""),
    ),
    allows=("\"Stop it,\" she said.", "\"I think,\" she said, \"we should go.\"",
            "She called it \"nonsense\".",
            "\"...and then he left.\"", "\"iPhones are expensive.\"",
            "\"Where are you going?\" he asked, \"because I'm coming too.\""),
    fix_safety="Safe: only the first letter changes.",
)

# S003's: a manuscript that hyphenates as books of a century ago did (to-day) follows their dialogue
# style too, which carries a sentence on in lowercase after a tag (`"Oh!" cried the Rat, "this is`)
FACTS = PERIOD_STYLE_FACTS

_SPACE_THEN_WORD = re.compile(r"[ \t]+(?=[^\W_])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    if chapter_in_lowercase(doc):
        return  # a chapter set in lowercase on purpose (`'baby,' whispered sirius`): its speech too
    modern = None
    for q in opened(doc):
        inner = q.region.inner_start
        space = _SPACE_THEN_WORD.match(text, inner, q.region.end)
        first = space.end() if space else inner
        word = _lowercase_word(text, first)
        glued_to_a_word = q.glued_before and doc.text[q.region.start - 1].isalnum()
        why = "lowercase only continues a sentence a speech tag interrupted"
        if word and not (glued_to_a_word or q.starts_sentence) and q.after_closing_tag:
            if modern is None:  # today's style, or a novel of a century ago (`"Oh!" cried the Rat, "this`)
                modern = not in_period_style(doc, ctx)
            if not modern:
                continue
            why = "the speech before the tag ended with its own ! or ?, so this one starts a new sentence"
        elif not (glued_to_a_word or q.starts_sentence):
            continue
        elif word and (
            _comma_before(text, q.region.start) is not None or _after_a_word(text, q.region.start)
        ):
            if modern is None:  # a book of a century ago quotes on in its sentence (`half an hour, "just`,
                modern = not in_period_style(doc, ctx)  # `that at last "a law was made for punishing`)
            if not modern:
                continue
        if word and not q.is_label:
            fixed = capitalized(word)
            letter = fixed[: len(fixed) - len(word) + 1]
            fix = Fix(first, first + 1, letter)
            comma = _comma_before(text, q.region.start) if q.after_closing_tag else None
            if comma is not None:  # `he asked, "tell` -> `he asked. "Tell`: the tag's sentence ends
                fix = Fix(comma, first + 1, "." + text[comma + 1:first] + letter)
                why += "; the tag before it ends with a full stop, not a comma"
            yield Diagnostic(RULE.id, first, first + len(word),
                             f"Speech starts with a lowercase \"{word}\": a quotation begins a new sentence, "
                             f"so write \"{fixed}\" ({why}).",
                             (fix,))


def _after_a_word(text: str, opening: int) -> bool:
    """Does a word of narration and a space stand right before this opening quote (`at last "a law`)?"""
    return opening >= 2 and text[opening - 1] in " \t" and text[opening - 2].isalpha()


def _comma_before(text: str, opening: int) -> int | None:
    """The offset of a comma that ends the tag right before this opening quote (`asked, "`), if any."""
    at = opening - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at if at >= 0 and text[at] == "," else None


def _lowercase_word(text: str, first: int) -> str:
    """The word at `first` if it is plain lowercase (not a brand like iPhone, nor the pronoun i)."""
    m = _WORD.match(text, first, first + 40)
    if not m:
        return ""
    word = m.group(0)
    if not word[0].islower() or any(c.isupper() for c in word[1:]):
        return ""
    if PRONOUN_I.fullmatch(word):
        return ""  # the lowercase pronoun is the mechanics family's
    return word
