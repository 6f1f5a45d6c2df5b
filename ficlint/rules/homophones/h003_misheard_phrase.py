"""H003 misheard-phrase: a fixed phrase with a sound-alike word in it ("sneak peak", "free reign")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.confusables import phrase_matches
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING

RULE = Rule(
    id="H003",
    name="misheard-phrase",
    category="homophone",
    summary="A fixed phrase with a sound-alike word in it (`sneak peak`, `free reign`, `could of`).",
    why="Idioms are learnt by ear, so the wrong word of a pair slips in (\"for all intensive purposes\"); "
        "on the page the phrase reads as a mistake, or as a different and odd picture.",
    examples=examples(
        ("She gave us a sneak peak at the chapter.", "She gave us a sneak peek at the chapter."),
        ("He had free reign over the castle.", "He had free rein over the castle."),
        ("It was, for all intensive purposes, over.", "It was, for all intents and purposes, over."),
        ("She could of been a star.", "She could have been a star."),
        ("You should of told me.", "You should have told me."),
        ("The radio peaked my interest.", "The radio piqued my interest."),
        ("A deep-seeded fear held him back.", "A deep-seated fear held him back."),
        ("We waited with baited breath.", "We waited with bated breath."),
    ),
    allows=("She took a sneak peek at the chapter.", "The mountain's peak was white.",
            "We could, of course, leave now.", "It must of course be true.",
            "She heard what she could of the conversation.", "He gave them a piece of his mind.",
            "The king's reign in France was long.", "It held against the might of the castle's wards.",
            "A man in his state must of necessity be patient."),
    fix_safety="Unsafe: in a character's speech \"could of\" may be deliberate dialect, and a pun may be "
               "meant.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for match in phrase_matches(doc):
        if doc.kind_at(match.start) not in WRITING:
            continue
        fix = keep_case(match.wrong, match.replacement)
        gloss = match.phrase.gloss
        message = f"\"{match.wrong}\": did you mean \"{fix}\"? {gloss[:1].upper()}{gloss[1:]}."
        replace = Fix(match.start, match.end, fix, safe=False)
        yield Diagnostic(RULE.id, match.start, match.end, message, (replace,), confidence=0.9,
                         data={"intended": fix})
