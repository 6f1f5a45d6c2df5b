"""T003 present-tense-amid-narrator-present (off by default): the present-tense verbs T001 leaves
alone in a long past-tense text whose narrator speaks in the present all through it.

Such a narrator (ficlint/rules/tense/_register.py) states general truths, describes what still
stands, portrays the living and sets historic-present scenes in 30% or more of the text's stretches, so a
lone present verb there is much more often the narrator's voice than a slip; T001 only keeps a
character's verb that is the only present one in a paragraph of past events, and a drifted
paragraph alone between paragraphs told in the past. This rule
reports the rest of T001's candidates there, with the same judgement and fixes, for a writer who
wants to check every one. The option `register-stretches` (.ficlint.yaml: `options: tense:
register-stretches:`) sets how many stretches of about 2,000 words a text needs before its register
counts (8).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.tense._judge import FIX_SAFETY
from ficlint.rules.tense._register import FACTS
from ficlint.rules.tense.t001_present_tense_in_past_narration import judged

RULE = Rule(
    id="T003",
    name="present-tense-amid-narrator-present",
    category="tense",
    summary=(
        "A present-tense verb in past narration whose narrator also speaks in the present all through "
        "the text (opt-in)."
    ),
    why=(
        "An edited book's narrator often speaks in the present of the telling: general truths, what "
        "still stands, portraits of the living, asides, historic-present set pieces. Where such "
        "statements run all through a long text, T001 only flags a character's verb that is the only "
        "present one in a paragraph of past events, or a drifted paragraph alone between past ones; its "
        "other candidates there come to this rule, off by default, for a writer who wants to check every "
        "present verb."
    ),
    examples=examples(
        (
            "It was late and she was tired. Karen walked to the bar. There are no velvet ropes at "
            "SouthPaw, and that's just the way she liked it. She ordered a martini and drank it slowly.",
            "It was late and she was tired. Karen walked to the bar. There were no velvet ropes at "
            "SouthPaw, and that was just the way she liked it. She ordered a martini and drank it slowly.",
        ),
    ),
    allows=("He was tired. He walked to the car and drove away. The rain had stopped.",),
    fix_safety=FIX_SAFETY,
    enabled_by_default=False,
    options={"examples_config": {"options": {"tense": {"register-stretches": 0}}}},
)


# the register is a manuscript fact: declared here too, so `--select T003` gathers it without T001
__all__ = ["RULE", "FACTS", "check"]


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for diagnostic in judged(doc, ctx)[1]:
        yield replace(diagnostic, rule=RULE.id)
