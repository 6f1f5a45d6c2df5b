"""D015 question-without-question-mark: a spoken question that ends with a comma or a full stop before its
tag."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation, vocabulary
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import PERIOD_FACTS, PERIOD_WHY, followed, is_name, period_edition

RULE = Rule(
    id="D015",
    name="question-without-question-mark",
    category="dialogue",
    summary="A spoken question that ends with a comma or a full stop before its tag (`\"Who are they,\" "
            "Tom asks`).",
    why="A question keeps its question mark inside the quotation even when a tag follows: `\"Who are they?\" "
        "Tom asks.` The tag stays lowercase, as after a comma." + PERIOD_WHY,
    examples=examples(
        ("\"Who are they then,\" Tom pleads.", "\"Who are they then?\" Tom pleads."),
        ("“Tom… what's this,” Harry murmurs.", "“Tom… what's this?” Harry murmurs."),
        ("“Do you want some,” I asked.", "“Do you want some?” I asked."),
    ),
    allows=("\"What a day,\" she said.", "\"Who cares,\" he said.", "\"How nice,\" she said.",
            "\"What's done is done,\" he said.", "\"Where he goes, I go,\" she said.",
            "\"Who are they?\" Tom asks.", "'Does it,' said Crowley.", "\"Which is sensible,\" he said.",
            "\"What would happen,\" she asked, \"if I left?\"",
            "\"Who would rule others must first rule himself,\" said the motto.",
            "\"We read Milton and Shelley--\"\n\n\"Who was a poet.\" Aaron broke in."),
    fix_safety="Unsafe: the question mark replaces the comma or the full stop; a rhetorical question may be "
               "meant flat.",
)

_AUX = r"(?:is|are|was|were|am|do|does|did|can|could|will|would|should|shall|have|has|had|may|might|must)"
_NEG = r"(?:n['’]t)?"
_PRONOUN = r"(?:i|you|he|she|it|we|they|there|this|that|these|those|anyone|someone|somebody|anybody|everyone)"
# The last sentence of the speech asks: a question word and an auxiliary after it (`who are`,
# `what's`, `where did`), or an auxiliary first and a subject after it (`do you`, `is it`).
_QUESTION = re.compile(
    rf"^(?:(?:who|what|where|when|why|how|whose)(?:['’](?:s|re|d|ll)\b|\s+{_AUX}{_NEG}\b)(?!\s+(?:done|said|"
    rf"gone|made|meant)\b)|{_AUX}{_NEG}\s+{_PRONOUN}\b)",
    re.I)
_SENTENCES = re.compile(r"(?<=[.!?…])\s+")
_WH = re.compile(r"(?:who|what|where|when|why|how|whose)\b", re.I)
_LEAD = re.compile(r"^[\s\"'“‘*_]*(?:\w+(?:…|\.\.\.|,)\s+)?")


FACTS = PERIOD_FACTS


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if period_edition(doc, ctx):
        return  # `"Why should he care," said Amabel simply`: a question spoken flat, as its time printed it
    for q in followed(doc):
        if q.last_mark not in (",", ".") or q.follows.kind != "tag" or q.quoted_phrase or q.is_label:
            continue
        if _carried_on(q):
            continue  # "What would happen," she asked, "if I left?" - the question ends later
        if _asks(q, by_tag=any(w.lower() in vocabulary().asking for w in q.follows.words[:4])) \
                and not _completes_broken_speech(q):
            mark = q.mark_offset
            yield Diagnostic(RULE.id, mark, mark + 1,
                             "The speech asks a question, so it ends with a question mark inside the quote, "
                             "even with a tag after it.",
                             (Fix(mark, mark + 1, "?", safe=False),))


def _carried_on(q: Quotation) -> bool:
    """Does the speech carry on after the tag (`"Do you," she asked, "or not?"`)?"""
    nxt = q.next
    if nxt is None or not q.introduces_next:
        return False
    first = q.doc.text[nxt.region.inner_start:nxt.region.inner_start + 12].lstrip(" *_.…")
    if first[:1].islower() or q.last_mark != ",":
        return first[:1].islower()
    word = _FIRST.match(first)
    if not word or not isinstance(q.doc, AnalyzedDocument):
        return True
    if word.group(0) == "I" or word.group(0).startswith(("I'", "I’")):
        # `"Do you think," she asked, "I could go?"`, not `"Who are they then," Tom pleads, "I need…"`
        last = _LAST.search(q.inner.rstrip(" ,.…-—*_"))
        return bool(last) and last.group(0).lower() in _EXPECTING
    return is_name(q.doc, word.group(0))  # `"Where are you going," he asked, "Harry?"`


def _completes_broken_speech(q: Quotation) -> bool:
    """Does the speech, ending in a full stop, open its paragraph right after a speech broken off
    with a dash (`"…through Milton and Shelley--"` / `"Who was a metaphysician." Aaron broke in.`)?
    It finishes that sentence, and its question word is a relative one."""
    earlier = q.earlier
    if q.last_mark != "." or q.narration_before.strip() or earlier is None \
            or earlier.region.paragraph != q.region.paragraph - 1:
        return False
    return earlier.inner.rstrip(" *_").endswith(("--", "—", "–", "-"))


_FIRST = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LAST = re.compile(r"[^\W\d_]+$")
# Verbs that end a question the words after the tag complete (`Do you think ... I could go?`)
_EXPECTING = frozenset([
    "think", "suppose", "know", "mean", "believe", "guess", "reckon", "say", "want", "wish", "hope", "expect",
    "imagine", "see", "feel", "remember", "realise", "realize", "understand", "figure", "thought", "said",
    "meant", "knew"])


def _asks(q: Quotation, by_tag: bool) -> bool:
    """Does the speech's last sentence ask? A question word and an auxiliary (`Who are they
    then`, `Tom… what's this`) asks whatever the tag; an auxiliary and a subject (`Do you want
    some`) only with a tag that says so (not `"Does it," said Crowley`, a flat question for
    effect, nor `"Don't you dare,"`)."""
    last = _SENTENCES.split(q.inner.strip())[-1].lstrip(" \"'“‘*_")
    m = _QUESTION.match(last) or _QUESTION.match(_LEAD.sub("", last, count=1))
    if not m or "," in m.string.rstrip(",.") or m.string.lower().startswith(("don't", "don’t")):
        return False
    if _subject_clause(m.string):
        return False
    return by_tag or bool(_WH.match(m.group(0)))


_WH_SUBJECT = re.compile(rf"^(?:who|what)\s+{_AUX}{_NEG}\s+(?!{_PRONOUN}\b)(.*)$", re.I | re.S)
_SECOND_VERB = re.compile(rf"\b(\w+)\s+{_AUX}{_NEG}\b", re.I)
# Words before a second auxiliary that make it a clause of its own inside the question
# (`Who would think he could`, `Who is the man that was here`)
_OWN_SUBJECT = frozenset(["i", "you", "he", "she", "it", "we", "they", "that", "which", "who", "there"])


def _subject_clause(sentence: str) -> bool:
    """Is the question word the start of a clause that is the subject of the sentence's own verb
    (`Who would control others must first control himself`), a statement with an auxiliary of its
    own after the clause, and no subject before that auxiliary? A question has one (`Who would do
    that`) or gives the second its own subject (`Who would think he could`)."""
    m = _WH_SUBJECT.match(sentence)
    if not m:
        return False
    return any(w.group(1).lower() not in _OWN_SUBJECT for w in _SECOND_VERB.finditer(m.group(1)))
