"""T002 past-tense-in-present-narration: a past-tense verb in narration told in the present.

Policy (judged in ficlint/rules/tense/_judge.py): in a present-tense scene a
past-tense verb is flagged only when it is coordinated with a present one ("She
opens the door and walked in") or is a character's action between present-tense
sentences with no time word (yesterday, ago, before, when, had …): a
present-tense narrator may tell of the past, and does in a relative or "what"
clause whose pronoun subject follows its noun ("the pen he left inside").
A particular thing's past action ("Her phone rang.") counts like a character's;
a participle of an absolute phrase ("with her arms folded", "her hood pulled
low") is no verb. In a paragraph that drifted into the past every past verb is
flagged, whatever its subject (ficlint/rules/tense/_drift.py): one where two
characters act in the past, or where right after a present paragraph the
scene's characters carry on in the past in main clauses; "could" and
"would" are not, being mostly conditionals in a present-tense story. Left
alone as earlier events: a past reported by a present verb of saying or
thinking or by "can see / can tell" ("He knows he washed his face", "Ripstalk can
see he got through"), "didn't know" (until now), a condition ("if he danced"),
"used to", a pluperfect, letters and paragraphs in brackets, and a paragraph that looks back from
the story's now: a pluperfect, "used to", a present perfect before its past
verbs ("A lot has happened since the war ended. She went to Australia"), or a
cue anywhere in it ("years ago", "when he first", "looking back", "back then", "that
day", "a while back", "never forget"), and up to three paragraphs told in the past
alone after one with a pluperfect or such a cue (the look back runs on); a past
stretch that the next paragraph dates or leaves for the story's now ("That was a
few years ago.", "Now she sits alone"); what a character remembers or pictures now,
in the same sentence ("She can almost see the tears in his eyes as Jacob stepped
into the rain"); a past reported by an -ing form ("knowing he messed up"); and a
section told in the past: two or more paragraphs in a row with no present verb and
no one speaking from the first to the last (backstory that sums up a period, a past
part after a present one). A past stretch played out with speech between its
paragraphs is the scene sliding into the past, and still a drift.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.lexicon import PRESENT
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.tense._judge import FIX_SAFETY, findings

RULE = Rule(
    id="T002",
    name="past-tense-in-present-narration",
    category="tense",
    summary="A past-tense verb in narration that is otherwise told in the present tense.",
    why=(
        'Present-tense narration drifts the other way: "She opens the door and walked in." ficlint flags a '
        "past-tense verb coordinated with a present one, or a character's past-tense action between "
        "present-tense sentences, and every verb of a paragraph that has drifted into the past, but leaves "
        "the past alone where the narrator tells of earlier events (yesterday, before, when, a pluperfect, "
        '"the pen he left inside", "he knows he washed") or where a paragraph looks back from the '
        'story\'s now ("A lot has happened since the war ended. She went to Australia", "years ago", '
        '"back then"), or where two or more paragraphs in a row are told in the past with no one speaking '
        "(a section in its own tense, such as backstory, not a slide)."
    ),
    examples=examples(
        (
            "She stands at the window. The street is empty. She opens the door and walked out into the rain. "
            "She shivers.",
            "She stands at the window. The street is empty. She opens the door and walks out into the rain. "
            "She shivers.",
        ),
        (
            "He sits on the bench. He waits for the train. He looked at his watch. The platform is empty.",
            "He sits on the bench. He waits for the train. He looks at his watch. The platform is empty.",
        ),
    ),
    allows=(
        "She stands at the window. The street is empty. She opens the door and walks out into the rain.",
        "She looks at the letter. He wrote it the night before he left. She folds it again.",
        'He sits on the bench. "I waited for hours," he says. The platform is empty.',
    ),
    fix_safety=FIX_SAFETY,
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    return findings(doc, RULE, PRESENT)
