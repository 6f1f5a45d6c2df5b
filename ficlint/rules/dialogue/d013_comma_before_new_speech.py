"""D013 comma-before-new-speech: a comma joins narration or a tag to a new sentence of speech."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import ends_sentence
from ficlint.analysis.speech import Quotation, is_action, speech_form, verb_at, vocabulary
from ficlint.analysis.verbforms import verb_forms
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
        "After an action (`Harry shrugged`), or after the tag of a speech, new speech that starts a new "
        "sentence needs a full stop before it: `Harry shrugged. \"I get that.\"`, `\"It's late,\" he said. "
        "\"We should go.\"` (A speech that carries on its sentence after the tag keeps the comma and a "
        "lowercase word: `\"I think,\" she said, \"we should go.\"`) Fiction of a century ago wrote the "
        "comma now and then, so ficlint flags it where it is the chapter's habit: twice or more, and at least "
        "half the time (after an action, a third of the time).",
    examples=examples(
        ("Harry shrugged, \"I get that a lot.\" Ron nodded, \"Me too.\"",
         "Harry shrugged. \"I get that a lot.\" Ron nodded. \"Me too.\""),
        ("“It's late,” he said, turning away, “We should go.”\n\n“Fine,” she said, “We go.”",
         "“It's late,” he said, turning away. “We should go.”\n\n“Fine,” she said. “We go.”"),
        ("‘Right,’ said Ron, ‘Let's eat.’ ‘Yes!’ said Harry, ‘Let's.’",
         "‘Right,’ said Ron. ‘Let's eat.’ ‘Yes!’ said Harry. ‘Let's.’"),
    ),
    allows=("She said, \"Come in.\"", "\"I think,\" she said, \"we should go.\"",
            "\"Well,\" she said, \"I don't know.\"", "He turned to her and whispered, \"Run.\"",
            "\"Yes,\" said Harry, \"Ron knows.\"\n\nHe looked at Ron.", "Harry shrugged. \"I get that a lot.\"",
            "\"Stop!\" he cried, \"Stop or I'll shout!\" \"Go.\" She left. \"Now,\" he said. \"Please.\""),
    fix_safety="Unsafe: the comma becomes a full stop; if the narration was meant to introduce the speech, a "
               "speech verb is missing instead.",
)

_SENTENCE_END = re.compile(r"[.!?…;:—]\s")
# Words after which a comma introduces what is said: `the phrase, "in these days"`, `And then, "Go."`
_NAMING_WORDS = frozenset(
    ["phrase", "words", "word", "motto", "comment", "question", "answer", "reply", "cry", "shout", "whisper", "remark", "message", "note", "sign", "legend", "then", "aloud", "again", "except", "and", "but", "words", "refrain", "chorus"])
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_FIRST_WORD = re.compile(r"[\s*_]*([^\W\d_]+(?:['’][^\W\d_]+)*)")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    joined = list(_joined_quotations(doc))
    habits = Counter(structure[0] + q.narration_before[-1] for q, _, _, structure in joined)
    for q, word, at, structure in joined:
        if q.narration_before.endswith(",") and _flagged(structure, habits):
            yield _comma_before(q, q.narration_before, at, word)


# The comma must be the chapter's habit: at least this share of the places where it joins new
# speech to the narration before, and twice or more. A plain action before new speech
# (`Harry shrugged, "I"`) needs a smaller share than a tag, where an older style used the comma.
_HABIT_SHARE = 0.5
_ACTION_HABIT_SHARE = 0.3
_HABIT_MIN = 2


def _flagged(structure: str, habits: Counter[str]) -> bool:
    """Published fiction of a century ago writes the comma now and then beside the full stop,
    after tags and actions alike; ficlint flags it where the chapter's habit is the comma: a
    writer who joins new speech with commas does it throughout."""
    kind = structure[0]
    wrong, right = habits[kind + ","], habits[kind + "."]
    share = _ACTION_HABIT_SHARE if kind == "B" else _HABIT_SHARE
    return wrong >= _HABIT_MIN and wrong >= share * (wrong + right)


def _joined_quotations(doc: AnalyzedDocument) -> Iterator[tuple[Quotation, str, int, str]]:
    """Quotations that start a sentence right after narration ending in a comma or a full stop,
    with the first word, its offset and how they are joined (see _structure)."""
    text = doc.text
    for q in opened(doc):
        narration = q.narration_before
        if not narration or narration[-1] not in ",." or q.glued_before or q.is_label or q.quoted_phrase:
            continue
        first = _FIRST_WORD.match(text, q.region.inner_start, q.region.end)
        if not first or first.group(1)[0].islower():
            continue  # lowercase: the sentence goes on, or a phrase quoted in the narration's
        structure = _structure(q, narration, first.group(1))
        if structure:
            yield q, first.group(1), first.start(1), structure


def _structure(q: Quotation, narration: str, word: str) -> str:
    """How the new speech joins the narration: "A," after the tag of a speech that ended with a
    comma (one sentence interrupted), "A." / "A!" / "A?" after the tag of a finished speech, "B"
    after narration telling an action (`Harry shrugged`), "b" after other narration; "" when the
    narration introduces the speech (`She said,`), or the speech may carry on (`"Well," she said,
    "I think"`)."""
    body = narration[:-1]
    clause = _last_clause(body)
    words = [w.lower() for w in _WORDS.findall(clause)]
    tag_before = q.previous is not None and q.previous.follows.kind in ("tag", "inverted", "subject")
    if tag_before and clause == body:  # the narration is the tag of the speech before
        if sum(1 for w in words if speech_form(w)) >= 2:
            return ""  # "she said, adding as an afterthought," - the second verb introduces the new speech
        mark = q.previous.last_mark
        if mark == "," and narration.endswith(",") and _may_continue(q, word):
            return ""
        return "A" + mark if mark in (",", ".", "!", "?") else ""
    if q.follows.kind == "tag":
        return ""  # She turned her eyes, "I did not know," she panted. - attributed after
    if _introduces_speech(words):
        return ""
    return "B" if _acts(words) else "b"


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
