"""T002 past-tense-in-present-narration: a past-tense verb in narration told in the present.

Policy: the same machinery as T001 (see its docstring), for present-tense scenes (first, second
or third person). A drift into the past (two characters' actions or states in the past at least,
outnumbering the paragraph's present verbs) is flagged verb by verb, modals too ("could" ->
"can"), with the paragraphs next to it told in the past alone; a single past verb is flagged when
the slip model finds it out of place. A present-tense narrator may tell of the past, so never a
drift: a paragraph with a pluperfect ("had gone", "she'd seen"), "used to" or a time word near its
start ("Last summer", "Years ago", "When she was six"); and the model weighs time words
(yesterday, ago, before, once …), pluperfects and reporting verbs around a single past verb.
Left alone as for T001, and "used to" (backstory) always.
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
        'Present-tense narration drifts the other way: "She opens the door and walked in." ficlint reads '
        "each scene's tense and every finite verb with its subject (any subject, as for T001) and flags a "
        "paragraph that has drifted into the past verb by verb (two characters' actions or states in the "
        "past at least, outnumbering its present verbs; modals too: \"could\" for \"can\"), and a single past "
        "verb that a model trained on slips put into fan fiction and books finds out of place: coordinated "
        "with a present verb, a character's action between present-tense sentences. A present-tense narrator "
        "may tell of earlier events, so a paragraph with a pluperfect, \"used to\" or a time word near its "
        "start (\"Last summer\", \"Years ago\") is backstory, not a drift, and time words, pluperfects and "
        "reported speech around a single past verb weigh against it."
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
