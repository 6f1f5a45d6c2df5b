"""S003 split-compound: two words written apart that are one word here ("stood in the door way").

The pairs and their contexts are learned from fan fiction and edited books
(rules/spelling/_compounds.py, scripts/build_split_compounds.py): a pair is
judged only where edited books print the closed form (never "per cent", "may
be", "on to", which they print open), and reported only where both of its
neighbours make the closed form overwhelmingly likely. A manuscript in a
period style (it writes to-day, to-morrow, bed-room as edited books of a
century ago did) writes compounds apart on purpose and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, in_period_style
from ficlint.rules.spelling._closed_compounds import reported_splits
from ficlint.rules.spelling._compounds import SPLIT_PREPOSITIONS, Split, splits

RULE = Rule(
    id="S003",
    name="split-compound",
    category="spelling",
    summary="Two words written apart that are one word here (`stood in the door way`, `the bright sun "
            "light`); `in to` for `into` is S004's.",
    why="A compound split in two reads as a slip (and a search for the word misses it). Only pairs whose "
        "closed form edited books print are judged, and only where the words around them make the closed "
        "form overwhelmingly likely: \"gave in to\", \"leaned in to kiss him\", \"turned him in to the "
        "police\", \"may be\" and \"per cent\" are left alone.",
    examples=examples(
        ("Albus stood in the door way, smiling.", "Albus stood in the doorway, smiling."),
        ("He had forgotten some thing important.", "He had forgotten something important."),
        ("He stepped out into the bright sun light.", "He stepped out into the bright sunlight."),
    ),
    allows=("She finally gave in to temptation.", "He leaned in to kiss her.",
            "To-day and to-morrow we go up stairs to the bed-room and look at any thing we like.",
            "They turned him in to the police.", "It may be true.", "Prices rose ten per cent.",
            "She walked into the kitchen and sat down."),
    fix_safety="Unsafe: now and then the two words are meant (\"tuned back in to the talk\").",
    # Off until it is clearly precise enough: on held-out fan fiction (the test split, 4,500,000
    # words) its findings other than "in to" (S004's, on by default) were 33 of 40 true, 5 false
    # ("every body had been identified", "going to ward the area", "started to ward the room",
    # "so me, Sayera and Bats", garbled "had so me a preps"), 2 debatable.
    enabled_by_default=False,
)


# The period style is the analysis layer's (ficlint/analysis/period.py); this rule reads it for the
# whole manuscript.
FACTS = PERIOD_STYLE_FACTS


_SPLIT_PREPOSITION = "S004"
_CLOSED_COMPOUND = "S005"


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if in_period_style(doc, ctx):
        return
    theirs = SPLIT_PREPOSITIONS if ctx.is_enabled(_SPLIT_PREPOSITION) else frozenset()
    reported = {(s.start, s.end) for s in reported_splits(doc)} if ctx.is_enabled(_CLOSED_COMPOUND) else set()
    for split in splits(doc, forms=lambda form: form not in theirs):
        if (split.start, split.end) not in reported:  # S005's (on by default)
            yield diagnostic(RULE.id, split)


def diagnostic(rule_id: str, split: Split) -> Diagnostic:
    closed = _cased(split.written, split.closed)
    written = " ".join(split.written.split())  # on one line, though the text breaks it
    return Diagnostic(rule_id, split.start, split.end,
                      f"\"{written}\" is one word here: \"{closed}\".",
                      (Fix(split.start, split.end, closed, safe=False),),
                      confidence=round(split.probability, 3), data={"replacement": closed})


def _cased(written: str, closed: str) -> str:
    if written.isupper() and len(written) > 3:
        return closed.upper()
    return closed[:1].upper() + closed[1:] if written[:1].isupper() else closed
