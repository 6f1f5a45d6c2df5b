"""D002 capitalized-speech-tag: a speech tag that starts with a capital after a comma, ! or ?."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import After
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import (
    capitalized_bare_tag,
    capitalized_tag_verb,
    followed,
    lowered_first_word,
    verse_line_start,
)

RULE = Rule(
    id="D002",
    name="capitalized-speech-tag",
    category="dialogue",
    summary="A speech tag that starts with a capital after a comma, !, ?, an ellipsis or a dash "
            "(`\"Wait,\" She said`).",
    why="The tag continues the quotation's sentence, so its pronoun stays lowercase: `\"Wait,\" she "
        "said.` and `\"Wait!\" she said.` Names keep their capital: `\"Wait,\" Karen said.`",
    examples=examples(
        ("\"Meet you there,\" She said.", "\"Meet you there,\" she said."),
        ("\"Why?\" He asked.", "\"Why?\" he asked."),
        ("\"Go on, then,\" The old man said.", "\"Go on, then,\" the old man said."),
        ("\"Hinata!\" The coach shouted.", "\"Hinata!\" the coach shouted."),
        ("\"Draco!\" She hissed.", "\"Draco!\" she hissed."),
        ("\"Where is she?\" He wondered.", "\"Where is she?\" he wondered."),
    ),
    allows=("After solution of my doubt, thy Charles,\nO fair Clemenza, of the treachery spake\n"
            "That must befall his seed: but, \"Tell it not,\"\nSaid he, \"and let the years come round.\"",
            "\"Meet you there,\" she said.", "\"Meet you there,\" Karen said.", "\"Why?\" He looked away.",
            "\"Why?\" I asked.",
            "\"Really?\" He laughed.", "\"Why?\" She wondered about it.", "\"Stop!\" He shouted the word.",
            "\"Wait a mo--\" He thought. \"Our motor is here.\""),
    fix_safety="Safe: only the first letter of the pronoun changes.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        after = q.follows
        if after.kind != "tag" or q.last_mark not in (",", "!", "?", "…", "—") or q.quoted_phrase:
            continue
        if (capitalized_tag_verb(after) or _capitalized_subject(after) and (
                q.last_mark == "," or capitalized_bare_tag(q, after_terminal=True))) \
                and not verse_line_start(q.doc, after.first_start):
            yield _lower_tag_word(after)


def _capitalized_subject(after: After) -> bool:
    """A pronoun or an article that starts the tag with a capital (`She said`, `The old man said`)."""
    first = after.words[0]
    return first[0].isupper() and after.verb >= 1 and lowered_first_word(after) != first


def _lower_tag_word(after: After) -> Diagnostic:
    first = after.words[0]
    lower = lowered_first_word(after) if after.verb > 0 else first.lower()
    shown = " ".join(after.words[:max(2, after.verb + 1)][:4])
    return Diagnostic(RULE.id, after.first_start, after.first_end,
                      f"\"{shown}\" is a speech tag, part of the quotation's sentence: "
                      f"write \"{lower}\" in lowercase.",
                      (Fix(after.first_start, after.first_start + 1, lower[0]),))
