"""D014 speech-ends-with-comma: a quotation that ends with a comma where no speech tag follows."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.speech import Quotation
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import followed

RULE = Rule(
    id="D014",
    name="speech-ends-with-comma",
    category="dialogue",
    summary="Speech that ends with a comma where no speech tag follows: the paragraph ends (`\"Find your "
            "people,\"`).",
    why="A comma before the closing quote hands the sentence on to a speech tag (`\"Come in,\" she said.`). "
        "When nothing follows, the speech is the whole sentence and ends with a full stop (or ? or !): "
        "`\"Find your people.\"`",
    examples=examples(
        ("\"Find your people,\"\n\nHe nodded.", "\"Find your people.\"\n\nHe nodded."),
        ("She looked up. “It's a lot to carry,”", "She looked up. “It's a lot to carry.”"),
        ("“Potter,”\n\nHe nodded.", "“Potter.”\n\nHe nodded."),
    ),
    allows=("\"Find your people,\" she said.", "\"Dear Harry,\"", "\"Sincerely,\"",
            "\"And then,\"\n\nshe said, \"we left.\"",
            "\"It was late,\n\n\"and we left.\""),
    fix_safety="Unsafe: the speech may want ? or ! instead of a full stop.",
)

_SALUTATION = re.compile(r"^\s*(?:dear|dearest|my dear|to|hi|hello|hey)\b", re.I)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    for q in followed(doc):
        if q.last_mark != "," or q.follows.kind != "end" or q.next is not None or q.quoted_phrase \
                or q.is_label:
            continue  # a list of quoted titles ("Farm Book-keeping," "The Shire") is not speech
        if _SALUTATION.match(q.inner) or _next_paragraph_carries_on(q):
            continue
        comma = q.mark_offset
        if doc.text[comma - 1:comma] in "-—–":
            continue  # "in France--," a cut-off
        yield Diagnostic(RULE.id, comma, comma + 1,
                         "The speech ends with a comma, but no speech tag follows: the paragraph ends here, "
                         "so end the speech with a full stop (or ? or !).",
                         (Fix(comma, comma + 1, ".", safe=False),))


def _next_paragraph_carries_on(q: Quotation) -> bool:
    """Does the next paragraph start in lowercase (a tag set on a line of its own: `said the hat.`)?"""
    doc = q.doc
    index = q.region.paragraph + 1
    if index >= len(doc.paragraphs):
        return False
    para = doc.paragraphs[index]
    first = doc.text[para.start:para.end].lstrip(" \t*_\"“‘'")[:1]
    return first.islower()
