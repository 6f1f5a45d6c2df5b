"""A narrator's register: does the narrator of a past-tense text speak in the present all through it?

An edited book's narrator often steps out of the story's past into the present of the telling:
general truths ("such men are rare"), descriptions of what still stands, portraits of the living,
"to this day", asides to the reader, historic-present set pieces. When such present statements are
spread over the whole book (in 30% or more of its stretches of about 2,000 words), a lone present verb is
that narrator's voice far more often than a slip (held-out books: 0 true of 86 T001 findings).
A slip is then only believed where the evidence is strong: a character's verb that is the only
present one in a paragraph of past events ("He opened the door. He sees her, and his face fell."),
or a drifted paragraph alone between paragraphs told in the past (a narrator's historic-present set
piece runs over several). The rest goes to the opt-in rule T003, for a writer who wants every
candidate. (Chosen on the tune books, 1.08M words: of T001's 253 findings there, all the narrator's,
this keeps 18, and 30% of the single slips and runs injected into them.)

Fan fiction is rarely long enough to measure (a register needs eight stretches, about 16,000
words of text), and its drifts cluster in a scene, so most of it is judged as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import Verb
from ficlint.analysis.lexicon import PAST, PRESENT
from ficlint.check import Context, SummedFacts
from ficlint.diagnostics import Diagnostic
from ficlint.rules.tense._drift import verbs_by_paragraph

_STRETCH = 12_000  # characters: about 2,000 words
# shorter texts show no register (.ficlint.yaml: `options: tense: register-stretches:`)
MIN_STRETCHES = 8
# the share of stretches with a narrator's present statement. 0.5 was chosen on 12 tune books; all 40
# tune books leave a gap from 0.24 to 0.52, and 88 long train books (5.7M words) place it at 0.3, in
# their gap from 0.25 to 0.34: their untouched T001 findings fall from 245 to 214 (all in edited books:
# 0128 at 0.39 has 53 -> 26), and no long fan-fiction work with a finding lies between 0.3 and 0.5
_SPREAD = 0.3


class NarratorPresent(SummedFacts):
    """Is the manuscript (all its files and parts) in a present register? Each file gives
    [characters, stretches, stretches with a narrator's present statement]; the manuscript's fact
    is the yes or no alone, so that an edit which does not change it rechecks no other part."""

    name = "tense.narrator-present"

    def combine(self, per_file: list[Any], ctx: Context) -> bool:
        total = super().combine(per_file, ctx)
        return present_register(total, int(ctx.config.option("tense", "register-stretches", MIN_STRETCHES)))

    def gather(self, doc: AnalyzedDocument, ctx: Context) -> tuple[int, int, int]:
        return stretches_with_present(doc)

    def empty(self) -> list[int]:
        return [0, 0, 0]

    def add_into(self, total: list[int], one: tuple[int, int, int]) -> None:
        for i, n in enumerate(one):
            total[i] += n


FACTS = NarratorPresent()


def stretches_with_present(doc: AnalyzedDocument) -> tuple[int, int, int]:
    """The text's size, its stretches of about 2,000 words, and how many of them have a present
    statement of the narrator's (not a character's action) in a past-tense scene."""
    size = len(doc.text)
    stretches = max(1, size // _STRETCH)
    seen: set[int] = set()
    for scene in doc.narrative:
        if scene.tense is None or scene.tense.tense != PAST:
            continue
        for verb in scene.verbs:
            if verb.tense == PRESENT and not verb.acting:
                seen.add(min(stretches - 1, verb.start * stretches // max(1, size)))
    return size, stretches, len(seen)


def present_register(counts: Sequence[int], min_stretches: int = MIN_STRETCHES) -> bool:
    """Does the narrator make present statements in past-tense scenes in at least _SPREAD of the
    stretches of a text long enough to tell?"""
    size, stretches, seen = counts
    return size > 0 and size // _STRETCH >= min_stretches and seen >= _SPREAD * stretches


def strong(doc: AnalyzedDocument, diagnostic: Diagnostic) -> bool:
    """Is the evidence for the slip strong? A character's verb (he, she, they, a name, a verb after
    "and") that is the only present verb of a paragraph of past events ("He opened the door. He sees
    her, and his face fell."), or a drifted paragraph alone between two paragraphs told in the past.
    A narrator's present set piece (a historic-present dinner, a shipwreck) runs over several."""
    verb = doc.memo(_verbs_by_start).get(diagnostic.start)
    if diagnostic.data.get("drift"):
        paragraph = verb.paragraph if verb is not None else doc.paragraph_index(diagnostic.start)
        return _told_in_past(doc, paragraph - 1) and _told_in_past(doc, paragraph + 1)
    if verb is None or not verb.character:
        return False
    past, present = _tenses(doc, verb.paragraph)
    return past >= 2 and present == 1


def _told_in_past(doc: AnalyzedDocument, paragraph: int) -> bool:
    past, present = _tenses(doc, paragraph)
    return past >= 2 and past >= 2 * present


def _tenses(doc: AnalyzedDocument, paragraph: int) -> tuple[int, int]:
    """How many finite verbs of the paragraph's narration are past and present."""
    verbs = doc.memo(verbs_by_paragraph).get(paragraph, ())
    past = sum(1 for verb in verbs if verb.tense == PAST)
    return past, sum(1 for verb in verbs if verb.tense == PRESENT)




def split(
    doc: AnalyzedDocument, found: list[Diagnostic], register: bool
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """The findings T001 reports and those it leaves to the opt-in rule (in a present register)."""
    if not found or not register:
        return found, []
    kept, weak = [], []
    for diagnostic in found:
        (kept if strong(doc, diagnostic) else weak).append(diagnostic)
    return kept, weak


def _verbs_by_start(doc: AnalyzedDocument) -> dict[int, Verb]:
    return {verb.start: verb for verb in doc.finite_verbs}


