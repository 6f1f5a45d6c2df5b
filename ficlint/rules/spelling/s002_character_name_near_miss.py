"""S002 character-name-near-miss: a rare spelling of a name the story, or its fandom, spells another way.

The names are the story's own (capitalised words it keeps using) and, when the
manuscript belongs to a fandom whose glossary ships with ficlint, the fandom's
canon names. A near miss is a slip of the fingers, a vowel heard wrong or a
spelling by ear (rules/spelling/_names.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import vocabulary
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.rule import Rule, examples
from ficlint.rules.common import PERIOD_STYLE_FACTS, in_period_style
from ficlint.rules.spelling._common import is_capitalised, judged, near_canon, near_name, rare_word_slips
from ficlint.rules.spelling._dictionary import lexicon
from ficlint.rules.spelling._facts import VOCABULARY
from ficlint.rules.spelling._scan import Occurrence

RULE = Rule(
    id="S002",
    name="character-name-near-miss",
    category="spelling",
    summary="A rare spelling of a name the story, or its fandom, spells another way (`Dereck` for `Derek`, "
            "`Dumbeldore` for `Dumbledore`).",
    why="Readers notice a character's name spelt two ways at once, and a search for the name misses it; "
        "readers of a fandom know its names by heart.",
    examples=examples(
        ("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
         "Then Dereck left.",
         "Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
         "Then Derek left."),
        ("Harry looked up at Hermione, Ron and Hagrid in the Gryffindor common room. Dumbeldore smiled.",
         "Harry looked up at Hermione, Ron and Hagrid in the Gryffindor common room. Dumbledore smiled."),
    ),
    allows=("Derek knocked. Karen let Derek in, and Derek sat down. She gave Derek tea; Derek drank it. "
            "Then Derek left.",
            "Hullo, said Tom. Hullo, said Ann. Hullo, said Bob. Hullo, said Jim. Hullo, said Sue. Hulloa!"),
    fix_safety="Unsafe: a second character may really have the similar name.",
)
FACTS = VOCABULARY
ALSO_FACTS = (PERIOD_STYLE_FACTS,)  # a chapter of a period edition is judged by its book


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for occ, manuscript in judged(doc, ctx):
        if not is_capitalised(occ.word):
            continue
        name = near_name(occ.word, manuscript)
        if name and _cut_short(occ, name):
            continue
        if name:
            yield _diagnostic(occ.start, occ.end, name,
                              f"\"{occ.word}\": everywhere else the story spells this name \"{name}\""
                              f" ({manuscript.capitalised[name]} times).")
            continue
        canon = near_canon(occ.word, manuscript, ctx)
        if canon and (_cut_short(occ, canon[0]) or _made_a_verb(doc.text, occ, canon[0])):
            continue
        if canon:
            canonical, glossary = canon
            yield _diagnostic(occ.start, occ.end, canonical,
                              f"\"{occ.word}\": {glossary.fandom} spells this name \"{canonical}\".")
    period = in_period_style(doc, ctx)
    for start, end, word, name, uses in rare_word_slips(doc, ctx):
        if period and not lexicon().knows(name):
            continue  # the edition's old spelling of a place (Pensylvania) beside today's (Pennsylvania)
        yield _diagnostic(start, end, keep_case(word, name),
                          f"\"{word}\": everywhere else the story spells this name \"{name}\""
                          f" ({uses} times).")


def _cut_short(occ: Occurrence, name: str) -> bool:
    """A name broken off by a dash or an ellipsis ("anything for you Narcis—"), or stuttered before a
    hyphen ("Peter Pettigr-grew"): no slip."""
    return (occ.broken_off or occ.compound) and name.lower().startswith(occ.word.lower())


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _made_a_verb(text: str, occ: Occurrence, term: str) -> bool:
    """A canon term with a regular verb ending (while Polyjuiced, a Polyjuiced imposter): the fandom
    makes verbs of its things. Where a name stands, before a speech verb ("Blaised drawled"), it is a
    slip in the name."""
    lower, stem = occ.word.lower(), term.lower().removesuffix("e")
    if lower not in (stem + "ed", stem + "ing"):
        return False
    following = _NEXT_WORD.match(text, occ.end)
    return following is None or following.group(1).lower() not in vocabulary().speech


def _diagnostic(start: int, end: int, name: str, message: str) -> Diagnostic:
    return Diagnostic(RULE.id, start, end, message, (Fix(start, end, name, safe=False),), confidence=0.7)
