"""H002 homophone-pattern: a sound-alike slip a hand-written pattern knows ("could of been", "its been")."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.rule import Rule, examples
from ficlint.rules.homophones._patterns import pattern_matches

RULE = Rule(
    id="H002",
    name="homophone-pattern",
    category="homophone",
    summary="A sound-alike slip a hand-written pattern knows (`they where`, `its been`, `taller then`).",
    why="Said aloud, \"could've\" sounds like \"could of\" and \"it's\" like \"its\", but on the page the "
        "grammar needs the other word.",
    examples=examples(
        ("They where late.", "They were late."),
        ("Its been a long day.", "It's been a long day."),
        ("Your welcome.", "You're welcome."),
        ("She was taller then her brother.", "She was taller than her brother."),
        ("The dog chased it's own tail.", "The dog chased its own tail."),
        ("If your going to be like that, leave.", "If you're going to be like that, leave."),
        ("I could here the rain on the roof.", "I could hear the rain on the roof."),
        ("I am quiet sure of it.", "I am quite sure of it."),
    ),
    allows=("I'll tell you where they went.", "Its own tail wagged.", "Your turn.",
            "She was happier then than now.", "Even then, she was older then.",
            "She approved of your going to see him.", "What do you do here the whole day?",
            "She sat quiet a moment.", "She whispered, quiet enough that only Harry heard.",
            "The house was quiet enough to sleep.",
            "You'll go to bed as I told you to."),
    fix_safety="Unsafe: in a character's speech it may be deliberate dialect.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for match in pattern_matches(doc):
        start, end, pattern = match.start, match.end, match.pattern
        written = text[start:end]
        fix = keep_case(written, pattern.fix)
        message = f"\"{written}\": did you mean \"{fix}\"? {pattern.explanation}."
        yield Diagnostic(RULE.id, start, end, message,
                         (Fix(start, end, fix, safe=False),), confidence=pattern.confidence,
                         data={"intended": fix, "pattern": pattern.name})
