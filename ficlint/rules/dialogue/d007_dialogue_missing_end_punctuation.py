"""D007 dialogue-missing-end-punctuation: speech that ends without punctuation before the closing quote."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import beat_diagnostic, followed

RULE = Rule(
    id="D007",
    name="dialogue-missing-end-punctuation",
    category="dialogue",
    summary="Speech that ends without punctuation before the closing quote, at the end of a paragraph or "
            "before an action beat.",
    why="Speech needs punctuation before its closing quote: a full stop (or ? or !) when the sentence "
        "ends there or an action follows, a comma when a speech tag follows. `\"I need to be alone right "
        "now.\"`",
    examples=examples(
        ("\"I need to be alone right now\"", "\"I need to be alone right now.\""),
        ("\"I didn't mean it that way\" Derek tried to reach for her hand.",
         "\"I didn't mean it that way.\" Derek tried to reach for her hand."),
        ("\"Sorry\" she grabbed her coat.", "\"Sorry.\" She grabbed her coat."),
    ),
    allows=("\"I need to be alone right now.\"", "\"I didn't mean it--\"", "He read the sign: \"No Entry\"",
            "It was called \"The Blue Boar\"", "\"Wait\"--she caught her breath--\"for me.\""),
    fix_safety="Unsafe: a full stop is added; the speech may want ? or ! instead.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        if q.last_mark != "letter" or q.quoted_phrase or q.is_label:
            continue
        kind = q.follows.kind
        if kind == "end":
            yield _ends_paragraph(q)
        elif kind == "beat":
            end_with = "a question mark" if q.asks else "a full stop (or ? or !)"
            yield beat_diagnostic(q, RULE.id, insert="?" if q.asks else ".",
                                  message="The speech ends without punctuation and an action follows: end "
                                          f"the speech with {end_with} and start the action as a new "
                                          "sentence")
        elif kind == "subject":
            yield _tag_or_beat(q)


def _ends_paragraph(q: Quotation) -> Diagnostic:
    close = q.region.end - 1
    end_with = "a question mark" if q.asks else "a full stop (or ? or !)"
    return Diagnostic(RULE.id, close, q.region.end,
                      f"The speech ends the paragraph without punctuation: end it with {end_with} before "
                      "the closing quote.",
                      (Fix(close, close, "?" if q.asks else ".", safe=False),))


def _tag_or_beat(q: Quotation) -> Diagnostic:
    """A subject and a verb ficlint doesn't know: a tag wants a comma, a beat a full stop."""
    close = q.region.end - 1
    return Diagnostic(RULE.id, close, q.follows.first_end,
                      "The speech ends without punctuation before the closing quote: add a comma if "
                      f"\"{' '.join(q.follows.words[:2])}\" is a speech tag, or a full stop (and a capital) "
                      "if it is an action.",
                      (Fix(close, close, ",", safe=False),))
