"""D002 capitalized-speech-tag: a speech tag that starts with a capital after a comma, ! or ?."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import After, skip_between, verb_at, vocabulary
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import capitalized_tag_verb, followed, is_capitalized_pronoun

RULE = Rule(
    id="D002",
    name="capitalized-speech-tag",
    category="dialogue",
    summary="A speech tag that starts with a capital after a comma, ! or ? (`\"Wait,\" She said`).",
    why="The tag continues the quotation's sentence, so its pronoun stays lowercase: `\"Wait,\" she "
        "said.` and `\"Wait!\" she said.` Names keep their capital: `\"Wait,\" Karen said.`",
    examples=examples(
        ("\"Meet you there,\" She said.", "\"Meet you there,\" she said."),
        ("\"Why?\" He asked.", "\"Why?\" he asked."),
    ),
    allows=("\"Meet you there,\" she said.", "\"Meet you there,\" Karen said.", "\"Why?\" He looked away.",
            "\"Why?\" I asked."),
    fix_safety="Safe: only the first letter of the pronoun changes.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        if q.follows.kind != "tag" or q.last_mark not in (",", "!", "?", "…"):
            continue
        # After ! or ? a capital may start a new sentence (`"Why?" He spoke with pride.`),
        # so only a bare tag counts there: `"Why?" He asked.`
        if _capitalized_tag(q.follows, strict=q.last_mark != ","):
            yield _lower_tag_word(q.follows)


def _capitalized_tag(after: After, strict: bool) -> bool:
    first = after.words[0]
    if capitalized_tag_verb(after):
        return True
    if not is_capitalized_pronoun(first) or len(after.words) < 2:
        return False
    lower_words = [w.lower() for w in after.words]
    verb = skip_between(lower_words, 1)
    if not verb_at(lower_words, verb):
        return False
    vocab = vocabulary()
    said = lower_words[verb]
    # "Jill!" He choked.  "Why?" He answered, "Yes."  "Why?" She reflected.
    return not strict or (said in vocab.speech and said not in vocab.thinking and len(after.words) <= verb + 2
                          and after.stop in (".", "end"))


def _lower_tag_word(after: After) -> Diagnostic:
    first = after.words[0]
    lower = first.lower()
    return Diagnostic(RULE.id, after.first_start, after.first_end,
                      f"\"{first} {after.words[1]}\" is a speech tag, part of the quotation's sentence: "
                      f"write \"{lower}\" in lowercase.",
                      (Fix(after.first_start, after.first_start + 1, lower[0]),))
