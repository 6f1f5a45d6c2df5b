"""D013 comma-before-new-speech: a comma joins narration, or a finished speech's tag, to a new sentence of speech."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import ends_sentence
from ficlint.analysis.verbforms import verb_forms
from ficlint.analysis.speech import Quotation, is_action, speech_form, verb_at, vocabulary
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import is_name, opened

RULE = Rule(
    id="D013",
    name="comma-before-new-speech",
    category="dialogue",
    summary="A comma joins an action, or a tag, to speech that starts a new sentence "
            "(`Harry shrugged, \"I get that.\"`).",
    why="A comma before a quotation belongs to a speech tag that introduces it (`She said, \"Come in.\"`). "
        "After an action (`Harry shrugged`), the new speech is a new sentence, so the narration ends with a "
        "full stop: `Harry shrugged. \"I get that.\"` After a tag that interrupts a speech, a comma carries "
        "the same sentence on in lowercase (`\"I think,\" she said, \"we should go.\"`); a capital starts a "
        "new sentence, which needs a full stop after the tag: `\"It's late,\" he said. \"We should go.\"`",
    examples=examples(
        ("Harry shrugged, \"I get that a lot.\"", "Harry shrugged. \"I get that a lot.\""),
        ("“It's late,” he said, turning away, “We should go.”", "“It's late,” he said, turning away. “We should go.”"),
        ("‘Right,’ said Ron, ‘Let's eat.’", "‘Right,’ said Ron. ‘Let's eat.’"),
    ),
    allows=("She said, \"Come in.\"", "\"I think,\" she said, \"we should go.\"",
            "\"Well,\" she said, \"I don't know.\"", "He turned to her and whispered, \"Run.\"",
            "\"Yes,\" said Harry, \"Ron knows.\"\n\nHe looked at Ron.", "Harry shrugged. \"I get that a lot.\""),
    fix_safety="Unsafe: the comma becomes a full stop; if the narration was meant to introduce the speech, a "
               "speech verb is missing instead.",
)

_SENTENCE_END = re.compile(r"[.!?…;:—]\s")
# Words after which a comma introduces what is said: `the phrase, "in these days"`, `And then, "Go."`
_NAMING_WORDS = frozenset(
    "phrase words word motto comment question answer reply cry shout whisper remark message note sign legend "
    "then aloud again except and but words refrain chorus".split())
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_FIRST_WORD = re.compile(r"[\s*_]*([^\W\d_]+(?:['’][^\W\d_]+)*)")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for q in opened(doc):
        narration = q.narration_before
        if not narration.endswith(",") or q.glued_before or q.is_label or q.quoted_phrase:
            continue
        first = _FIRST_WORD.match(text, q.region.inner_start, q.region.end)
        if not first:
            continue
        word = first.group(1)
        if _joins_new_sentence(q, narration, word):
            yield _comma_before(q, narration, first.start(1), word)


def _joins_new_sentence(q: Quotation, narration: str, word: str) -> bool:
    """Does the comma join a new sentence of speech (not introduce the speech, nor carry
    on the sentence a tag interrupted)? A lowercase speech carries on a sentence or is a
    phrase quoted in the narration's (`Evie was in the balcony, "staring most rudely"`)."""
    if word[0].islower():
        return False
    clause = _last_clause(narration)
    words = [w.lower() for w in _WORDS.findall(clause)]
    if q.previous is not None and clause == narration:  # the narration is the tag of the speech before
        if sum(1 for w in words if speech_form(w)) >= 2:
            return False  # "she said, adding as an afterthought," - the second verb introduces the new speech
        # "I think," she said, "we should go." - the sentence goes on; a capital starts a new one,
        # unless it is I or a name: "Well," she said, "Harry knows." After a speech that ended
        # (`"Stop!" he cried, "Stop or I'll kill you!"`) the comma is as common in published
        # fiction of a century ago as in fan fiction today: a convention that changed, left alone.
        return q.previous.last_mark == "," and not _may_continue(q, word)
    if q.follows.kind == "tag":
        return False  # She turned her eyes, "I did not know," she panted. - an older style, attributed after
    return _acts(words) and not _introduces_speech(words)


def _acts(words: list[str]) -> bool:
    """Does the clause tell an action: a plain action or a verb with an object, finite or in
    -ing (`Harry shrugged`, `rubbing the back of his neck`)?"""
    forms = verb_forms()
    return any((w in forms.past or w in forms.third or w in forms.present_participle)
               and is_action(words, i, finite=False) for i, w in enumerate(words))


def _last_clause(narration: str) -> str:
    """The narration after its last sentence end (or semicolon, colon, dash)."""
    start = 0
    for m in _SENTENCE_END.finditer(narration):
        if narration[m.start()] != "." or ends_sentence(narration, m.start()):
            start = m.end()
    return narration[start:]


def _may_continue(q: Quotation, word: str) -> bool:
    return word == "I" or word.lower().startswith(("i'", "i’")) or is_name(q.doc, word)


def _introduces_speech(lower: list[str]) -> bool:
    """Does the narration's last clause introduce the speech: a verb of speaking in any
    form (`She turned to him and said,`, `saying calmly,`, `he whispered to her,`), or
    a word that names what is said (`the phrase,`, `the words,`, `and then,`)?"""
    if not lower or lower[-1] in _NAMING_WORDS:
        return True
    vocab = vocabulary()
    for i, word in enumerate(lower):
        if verb_at(lower, i) and word not in vocab.borderline or speech_form(word):
            return True
    return False


def _comma_before(q: Quotation, narration: str, word_at: int, word: str) -> Diagnostic:
    comma = q.before.start + len(narration) - 1
    shown = f".{q.doc.text[comma + 1:word_at]}{word}"
    return Diagnostic(RULE.id, comma, comma + 1,
                      "The speech starts a new sentence, but a comma joins it to the narration before: a comma "
                      "belongs to a tag that introduces the speech (`she said, \"...`). End the narration with "
                      f"a full stop: `{shown.strip()}`.",
                      (Fix(comma, comma + 1, ".", safe=False),))
