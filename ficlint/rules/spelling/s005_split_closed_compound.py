"""S005 split-closed-compound: a compound that fan fiction and edited books write closed, written
as two nouns ("the house mates", "his will power", "the court yard").

Where S003 (off by default) weighs the words around any pair, this rule judges only compounds
whose open form is rare in fan fiction next to the closed one, and only where both words stand
as nouns (rules/spelling/_closed_compounds.py): "every day", "some time", "any more", "the dark
room" and "they hide out" are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, in_period_style
from ficlint.rules.spelling._closed_compounds import reported_splits
from ficlint.rules.spelling.s003_split_compound import diagnostic

RULE = Rule(
    id="S005",
    name="split-closed-compound",
    category="spelling",
    summary="A compound written closed in print, split into two nouns (`the court yard`, `his will power`).",
    why="Compounds such as courtyard, bodyguard, willpower and housemates are one word in books and in "
        "almost all fan fiction; two nouns written apart read as a slip. Only compounds rarely written "
        "open are judged, and only where both words are nouns: \"every day\", \"some time\", \"the dark "
        "room\" and \"they hide out\" are phrases and are left alone.",
    examples=examples(
        ("They crossed the court yard together.", "They crossed the courtyard together."),
        ("It took all his will power not to laugh.", "It took all his willpower not to laugh."),
        ("Her house mates were asleep.", "Her housemates were asleep."),
    ),
    allows=("She walked there every day.", "It took some time.", "They developed the film in the dark room.",
            "We can hide out in the barn.", "He sank into the armchair."),
    fix_safety="Unsafe: now and then the two words are meant.",
)
FACTS = PERIOD_STYLE_FACTS  # S003's: a manuscript in a period style writes compounds apart on purpose


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if in_period_style(doc, ctx):
        return
    for split in reported_splits(doc):
        yield diagnostic(RULE.id, split)
