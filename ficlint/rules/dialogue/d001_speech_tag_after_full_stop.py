"""D001 speech-tag-after-full-stop: a speech tag after a full stop inside the quotation."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import abbreviation_before
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import BORDERLINE_WHY, capitalized_tag_verb, followed

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
    ),
    allows=("\"I'll be there,\" she said.", "\"I'll be there.\" She picked up her bag.",
            "\"We leave at six a.m.\" he said.", "\"Don't.\" She said it softly."),
    fix_safety="Safe: only the full stop before the closing quote becomes a comma (and a capitalised "
               "tag verb, `Said`, lowercase).",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        after = q.follows
        if q.last_mark != "." or after.kind != "tag" or q.quoted_phrase:
            continue
        capital_verb = capitalized_tag_verb(after)
        if not (after.words[0][0].islower() or capital_verb):
            continue
        dot = q.mark_offset
        if abbreviation_before(doc.text, dot):
            continue  # "at six a.m." she said
        tag = " ".join(after.words[:2])
        fix = Fix(dot, dot + 1, ",")
        if capital_verb:
            tag = tag[0].lower() + tag[1:]
            between = doc.text[dot + 1:after.first_start]
            fix = Fix(dot, after.first_start + 1, "," + between + tag[0])
        yield Diagnostic(RULE.id, dot, after.first_end,
                         f"A speech tag (\"{tag}\") follows, so the speech ends with a comma, not a full "
                         "stop: the tag is part of the same sentence, and stays lowercase.",
                         (fix,))
