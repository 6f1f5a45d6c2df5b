"""M006 missing-end-punctuation: a paragraph of narration that ends without a full stop, ? or !."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix
from ficlint.document import Paragraph, RegionKind
from ficlint.rule import Rule, examples

RULE = Rule(
    id="M006",
    name="missing-end-punctuation",
    category="punctuation",
    summary="A paragraph of narration that ends without a full stop, question or exclamation mark.",
    why="A paragraph that just stops looks unfinished; readers wonder whether text is missing.",
    examples=examples(
        ("He placed a soft kiss on her forehead and then headed out the door",
         "He placed a soft kiss on her forehead and then headed out the door."),
        ("\"Wait,\" she said, and began to cry again", "\"Wait,\" she said, and began to cry again."),
    ),
    allows=("He headed out the door.", "Chapter Three", "* * *", "*Meet me at eight*",
            "Thanks for reading ;p",
            "They made a banner bearing the legend\n\n     SHE IS NEARLY WELL THANK YOU\n\nand hung it out."),
    fix_safety="Unsafe: the paragraph may want a question mark or an exclamation mark, not a full stop.",
)

_EMOTICON_END = re.compile(r"(?:[:;=xX8][-']?[)(\]\[dDpPoO3/\\|*]|<3|\^_*\^|[xX][dD]|T_T|[)(]+)\s*$")
_TRAILING_MARKS = " \t*_~"
_LAST_WORD = re.compile(r"[\w'’-]+$")


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    text = doc.text
    for para in doc.paragraphs:
        if para.kind is not RegionKind.NARRATION or para.indented or _leads_into_indented_block(doc, para):
            continue
        regions = [r for r in doc.paragraph_regions(para.index) if r.kind is not RegionKind.MARKUP]
        if not regions or regions[-1].kind is not RegionKind.NARRATION:
            continue
        last = regions[-1]
        body = text[last.start:last.end].rstrip(_TRAILING_MARKS)
        if not body or not body[-1].isalnum() or _EMOTICON_END.search(body):
            continue
        one_line = "\n" not in text[para.start:para.end]
        if _whole_paragraph_emphasised(doc, para) or one_line and _is_short_label(text[para.start:para.end]):
            continue
        end = last.start + len(body)
        word = _LAST_WORD.search(body)
        start = end - len(word.group(0)) if word else end - 1
        yield Diagnostic(RULE.id, start, end,
                         "The paragraph ends without punctuation: finish the sentence with a full stop "
                         "(or ? or !).",
                         (Fix(end, end, ".", safe=False),))


def _leads_into_indented_block(doc: AnalyzedDocument, para: Paragraph) -> bool:
    """Does the paragraph run on into an indented block: verse, a sign, a
    letter ("a banner bearing the legend / SHE IS NEARLY WELL")?"""
    paragraphs = doc.paragraphs
    for i in range(para.index + 1, len(paragraphs)):
        if paragraphs[i].kind is not RegionKind.MARKUP:
            return paragraphs[i].indented and paragraphs[i].kind is not RegionKind.SCENE_BREAK
    return False


def _whole_paragraph_emphasised(doc: AnalyzedDocument, para: Paragraph) -> bool:
    return any(s.start <= para.start + 1 and s.end >= para.end - 1 for s in doc.emphasis)


def _is_short_label(line: str) -> bool:
    """A one- or two-word line such as a sign-off or a text message name ("Love, Mum")."""
    return len(line.split()) <= 2
