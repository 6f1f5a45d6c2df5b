"""D016 full-stop-outside-speech: a full stop after the closing quote of a complete spoken sentence (`'That's a yes'.`)."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.sentences import part_of_ellipsis
from ficlint.analysis.speech import Quotation
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.rule import Rule, examples
from ficlint.rules.dialogue._common import followed, is_american

RULE = Rule(
    id="D016",
    name="full-stop-outside-speech",
    category="dialogue",
    summary="A full stop after the closing quote of a complete spoken sentence (`'That's a yes'.`).",
    why="A sentence of speech keeps its full stop inside the quotation marks, in British and American English "
        "alike: `'That's a yes.'` British logical punctuation puts the stop outside only when the quotation "
        "is a fragment of the narration's sentence (`He called it 'a disaster'.`).",
    examples=examples(
        ("'That's a yes'.", "'That's a yes.'"),
        ("He looked up. ‘The cushion is practical’.", "He looked up. ‘The cushion is practical.’"),
    ),
    allows=("He called it 'a disaster'.", "'That's a yes.'", "She said 'no'.", "It read 'Keep Out'."),
    fix_safety="Safe: the full stop moves inside the closing quote.",
)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    if is_american(ctx):
        return  # American English puts every stop inside: the American placement rule says so
    text = doc.text
    for q in followed(doc):
        outside = q.region.end
        if q.last_mark != "letter" or text[outside:outside + 1] != "." or part_of_ellipsis(text, outside):
            continue
        if not _whole_sentence(q):
            continue
        quote = q.region.close_quote
        yield Diagnostic(RULE.id, outside, outside + 1,
                         "The quotation is a whole spoken sentence, so its full stop goes inside the closing "
                         f"quote: `.{quote}`.",
                         (Fix(q.region.end - len(quote), outside + 1, "." + quote),))


def _whole_sentence(q: Quotation) -> bool:
    """Speech that stands as a sentence of its own: it opens the paragraph or follows a finished
    sentence, starts with a capital and has a verb's worth of words (not `She said 'no'.`)."""
    if q.quoted_phrase or q.is_label or not q.starts_sentence:
        return False
    inner = q.inner.strip(" *_")
    return inner[:1].isupper() and len(inner.split()) >= 3
