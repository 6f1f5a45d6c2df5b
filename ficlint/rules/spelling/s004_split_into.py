"""S004 split-into: "in to" written for the preposition "into" ("walked in to the room").

The one split compound decided by grammar rather than by the nouns around it (S003, off by
default, judges the others): "in to" is "into" unless "in" is the particle of a phrasal verb
("gave in to temptation", "clued in to the plan", "turned the essay in to me"; the verbs are in
rules/data/split-compound-particles.yaml), "to" marks an infinitive ("came in to see her"), or
the words around it are ones fan fiction and edited books write open ("went in to dinner").
The pair's statistics and guards are S003's (rules/spelling/_compounds.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, in_period_style
from ficlint.rules.spelling._compounds import SPLIT_PREPOSITIONS, splits
from ficlint.rules.spelling.s003_split_compound import diagnostic

RULE = Rule(
    id="S004",
    name="split-into",
    category="spelling",
    summary="`in to` written for the preposition `into` (`walked in to the room`).",
    why="\"Into\" is one word when it says where something goes (walked into the room, lapsed into "
        "silence); written apart it reads as a slip. \"Gave in to\", \"logged in to\", \"turned him in "
        "to the police\" and \"came in to see her\" are left alone: there \"in\" belongs to the verb, "
        "or \"to\" to the verb after it.",
    examples=examples(
        ("Harry stumbled in to their room.", "Harry stumbled into their room."),
        ("They filed in to the hall in silence.", "They filed into the hall in silence."),
        ("The compartment lapsed in to silence.", "The compartment lapsed into silence."),
    ),
    allows=("She finally gave in to temptation.", "He leaned in to kiss her.",
            "They turned him in to the police.", "He logged in to the account.",
            "She walked into the kitchen and sat down."),
    fix_safety="Unsafe: now and then the two words are meant (\"tuned back in to the talk\").",
)
FACTS = PERIOD_STYLE_FACTS  # S003's: a manuscript in a period style is left alone


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if in_period_style(doc, ctx):
        return
    for split in splits(doc, forms=SPLIT_PREPOSITIONS.__contains__):
        yield diagnostic(RULE.id, split)
