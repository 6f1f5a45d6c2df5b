"""D001 speech-tag-after-full-stop: a speech tag after a full stop inside the quotation."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation, abbreviation_before
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import (
    BORDERLINE_WHY,
    capitalized_bare_tag,
    capitalized_tag_verb,
    followed,
    lowered_first_word,
)

RULE = Rule(
    id="D001",
    name="speech-tag-after-full-stop",
    category="dialogue",
    summary="A speech tag after a full stop inside the quotation (`\"Hello.\" she said`).",
    why="A speech tag is part of the quotation's sentence, so the quotation ends with a comma, not a full "
        "stop: `\"Hello,\" she said.` A full stop ends the sentence, and the lowercase tag is left without "
        "one." + BORDERLINE_WHY,
    examples=examples(
        ("\"I'll be there.\" she said.", "\"I'll be there,\" she said."),
        ("'Come along.' said the Rat.", "'Come along,' said the Rat."),
        ("\"Come along.\" Said Harry.", "\"Come along,\" said Harry."),
        ("\"Fine.\" He said quietly.", "\"Fine,\" he said quietly."),
        ("\"Fine.\" I said.", "\"Fine,\" I said."),
        ("\"Shut up.\" Harry snapped.", "\"Shut up,\" Harry snapped."),
        ("\"Come in.\" The butler said, bowing.", "\"Come in,\" the butler said, bowing."),
        ("'Sod it.' He thought as he drew his wand.", "'Sod it,' he thought as he drew his wand."),
    ),
    allows=("\"I'll be there,\" she said.", "\"I'll be there.\" She picked up her bag.",
            "\"We leave at six a.m.\" he said.", "\"Don't.\" She said it softly.",
            "\"Fine.\" He smiled.", "\"No.\" He answered her question with a shrug.",
            "\"Stop.\" I say nothing.", "\"Well.\" He thought for a moment."),
    fix_safety="Safe: only the full stop before the closing quote becomes a comma (and a capitalised "
               "pronoun, article or tag verb, `He`, `The`, `Said`, lowercase; names and I keep their "
               "capital).",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        after = q.follows
        if q.last_mark != "." or after.kind != "tag" or q.quoted_phrase:
            continue
        capital_verb = capitalized_tag_verb(after)
        # A capital may start a sentence of its own ("Don't." She said it softly.), so a
        # capitalised clause is a tag only when it is nothing else: "Fine." He said quietly.
        if not (after.words[0][0].islower() or capital_verb or capitalized_bare_tag(q, after_terminal=False)):
            continue
        dot = q.mark_offset
        if abbreviation_before(doc.text, dot):
            continue  # "at six a.m." he said
        yield _tag_after_full_stop(q, dot, lowered_first_word(after))


def _tag_after_full_stop(q: Quotation, dot: int, first: str) -> Diagnostic:
    after = q.follows
    tag = " ".join((first, *after.words[1:after.verb + 1])) if after.verb > 0 else first
    if len(tag.split()) > 4:
        tag = f"{' '.join(tag.split()[:2])} ... {after.verb_word}"  # "a voice ... called"
    fix = Fix(dot, dot + 1, ",")
    extra = ""
    if first != after.words[0]:
        between = q.doc.text[dot + 1:after.first_start]
        fix = Fix(dot, after.first_start + 1, "," + between + first[0])
        extra = f", and \"{first}\" stays lowercase"
    return Diagnostic(RULE.id, dot, after.first_end,
                      f"A speech tag (\"{tag}\") follows, so the speech ends with a comma, not a full "
                      f"stop: the tag is part of the same sentence{extra}.",
                      (fix,))
