"""D004 action-beat-not-capitalized: an action beat after `.`, `!`, `?` or `...` that starts lowercase."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import abbreviation_before
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import (
    BORDERLINE_WHY,
    beat_diagnostic,
    capitalized_tag_verb,
    followed,
    inside_a_subordinate_clause,
)

RULE = Rule(
    id="D004",
    name="action-beat-not-capitalized",
    category="dialogue",
    summary="An action beat after `.`, `!`, `?` or `...` that starts lowercase as if it were a speech tag.",
    why="Only a speech tag (said, asked, whispered...) may continue the quotation's sentence in lowercase. "
        "Words that describe an action are a new sentence and start with a capital: "
        "`\"Wait!\" She grabbed his arm.`" + BORDERLINE_WHY,
    examples=examples(
        ("\"Wait!\" she grabbed his arm.", "\"Wait!\" She grabbed his arm."),
        ("\"It's my fault...\" the words came out in a rush.",
         "\"It's my fault...\" The words came out in a rush."),
        ("\"Fine.\" he walked away.", "\"Fine.\" He walked away."),
    ),
    allows=("\"Wait!\" she said.", "\"Wait!\" She grabbed his arm.", "\"I need one!\" she giggled.",
            "\"Go away!\" and he went.", "\"Well...\" he began."),
    fix_safety="Unsafe: if the words are a speech tag with a verb ficlint doesn't know, the lowercase was "
               "right.",
)

_TERMINAL = {"!": "an exclamation mark", "?": "a question mark", "…": "an ellipsis"}


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        after = q.follows
        if q.quoted_phrase:
            continue
        if q.last_mark == "." and after.kind in ("beat", "subject"):
            if not (after.words[0][0].islower() or capitalized_tag_verb(after)):
                continue
            if abbreviation_before(doc.text, q.mark_offset) or inside_a_subordinate_clause(q):
                continue
            yield beat_diagnostic(q, RULE.id, insert="",
                                  message="After a full stop the next words start a new sentence, and these "
                                          "are not a speech tag")
        elif q.last_mark in _TERMINAL and after.kind == "beat" and after.words[0][0].islower() \
                and not inside_a_subordinate_clause(q):
            yield beat_diagnostic(q, RULE.id, insert="",
                                  message=f"After {_TERMINAL[q.last_mark]} the next words start a new "
                                          "sentence "
                                          "unless they are a speech tag, and these are an action")
