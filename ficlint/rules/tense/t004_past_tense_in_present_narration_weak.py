"""T004 past-tense-in-present-narration-weak: T002's finding where the text gives weak evidence of a slip.

Off by default. A past-tense verb in a present-tense scene that T002's judgement calls a slip, in a
document that seldom slips (fewer than three paragraphs with such a slip per 1,000 words), where it
is no same-moment event and not in a drifted paragraph with speech of a story that slips once per
1,000 words: a lone past verb between present ones, a drift with no one speaking, a drift with
speech in a long story. Judged on held-out fan fiction, most of these are a narrator looking back
(backstory, a memory, a recap of the week, something just done, reported speech) told rightly in the
past; a writer who wants every candidate can turn this rule on (ficlint/rules/tense/t002_...: by_evidence).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.tense._judge import FIX_SAFETY
from ficlint.rules.tense.t002_past_tense_in_present_narration import by_evidence

# the example: a document of 344 words with one paragraph drifted into the past, no one speaking
# in it, under T002's three such paragraphs per 1,000 words, and its past verbs a character's states
# (was, wanted, knew), not events of the scene's now
_MOVING_IN = (
    "The van is parked at the kerb with its back doors open. Tom walks down the path with the "
    "first box in his arms and looks up at the grey sky. Rain is coming, and he wants the "
    "furniture inside before it starts. His sister waves from the upstairs window and points "
    "at the ladder lying in the front garden.\n\n"
    "He sets the box on the step and goes back for the lamp. The street is quiet this early "
    "on a Sunday. A cat watches him from the wall of the house next door, its tail curled "
    "around its feet, and a radio plays somewhere down the road. He counts the boxes that are "
    "left and decides there are too many for one trip.\n\n"
)
_DRIFTED = (
    "Tom was tired of the boxes and the narrow stairs already. He wanted the whole long day to be over "
    "with, and he knew that the worst of it was still to come before the evening.\n\n"
)
_MENDED = (
    "Tom is tired of the boxes and the narrow stairs already. He wants the whole long day to be over "
    "with, and he knows that the worst of it is still to come before the evening.\n\n"
)
_AFTERNOON = (
    "The hall smells of new paint. He props the door open with a brick and carries the lamp "
    "inside, careful of the frame. His sister comes down the stairs two at a time and takes "
    "the lamp from him. She laughs at the dust on his face and hands him a cloth from her "
    "pocket.\n\n"
    "They work through the morning without a break. The sofa is the hardest thing to move, "
    "and it sticks in the doorway for a long minute before it slides free. By noon the van is "
    "half empty and the sky has turned darker. Tom sits on the low wall to rest his back and "
    "watches the first drops of rain darken the pavement.\n\n"
    "His sister brings out two mugs of tea and sits beside him. She talks about the garden "
    "and the roses she plans to plant along the fence next spring. He listens and drinks his "
    "tea and thinks about the long drive home tonight. The rain grows heavier, and soon they "
    "both get up and carry the last of the chairs inside before the cushions are soaked."
)

RULE = Rule(
    id="T004",
    name="past-tense-in-present-narration-weak",
    category="tense",
    summary="A past-tense verb in present-tense narration, where the evidence of a slip is weak.",
    why=(
        "T002 flags a past-tense verb in a present-tense scene where a paragraph with speech has drifted "
        "into the past in a story that slips now and then, where a character's past event is told with the "
        "same character's present action, or where the document keeps slipping into the past. Elsewhere a "
        "past verb in present narration is more often a narrator looking back (backstory, a memory, a "
        "recap, something just done) than a slip: on tune fan fiction fewer than one in eight such "
        "findings was a real slip. This rule "
        "gives those findings for a writer who wants to check every candidate."
    ),
    examples=examples(
        (_MOVING_IN + _DRIFTED + _AFTERNOON, _MOVING_IN + _MENDED + _AFTERNOON),
    ),
    allows=(
        "She stands at the window. The street is empty. She opens the door and walks out into the rain.",
        "She looks at the letter. He wrote it the night before he left. She folds it again.",
    ),
    fix_safety=FIX_SAFETY,
    enabled_by_default=False,
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    return (replace(d, rule=RULE.id) for d in doc.memo(by_evidence)[1])
