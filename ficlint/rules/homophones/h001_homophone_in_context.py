"""H001 homophone-in-context: a word that sounds like another where the context calls for the other."""

from __future__ import annotations

from collections.abc import Iterator

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.document import RegionKind
from ficlint.rule import Rule, examples
from ficlint.rules.common import WRITING
from ficlint.rules.homophones._confusables import glosses, region_margins, sets_by_name
from ficlint.rules.homophones._model import (
    SENTENCE_OPENERS,
    TOKEN,
    Model,
    Suggestion,
    confidence,
    load_model,
    norm,
    normalize,
    suggestions,
)
from ficlint.rules.homophones._patterns import pattern_matches

RULE = Rule(
    id="H001",
    name="homophone-in-context",
    category="homophone",
    summary="A word that sounds like another where the context calls for the other (`they where`).",
    why="A spell checker cannot see these: every word is in the dictionary. A reader trips over "
        "\"their\" for \"there\" as surely as over a misspelling.",
    examples=examples(
        ("They where the kind of tears that made it hard to breathe.",
         "They were the kind of tears that made it hard to breathe."),
        ("It was to late to go back.", "It was too late to go back."),
        ("Their is no time left.", "There is no time left."),
        ("I no what you mean.", "I know what you mean."),
        ("She tried to answer an skip the question.", "She tried to answer and skip the question."),
        ("She let out a deep breathe.", "She let out a deep breath."),
    ),
    allows=("Where were you last night?", "They were the kind of tears that made it hard to breathe.",
            "I know deep down you feel it too.", "People were bustling past her towards the steps.",
            "\"Bread an' butter,\" said the old man.", "\"I'll tell you where to go.\"",
            "Will Turner sat down.", "She read it aloud."),
    fix_safety="Unsafe: the model guesses which word was meant from the words around it; read the "
               "sentence before accepting.",
)

_PROSE_PARAGRAPHS = (RegionKind.NARRATION, RegionKind.AUTHOR_NOTE)


def check(doc: AnalyzedDocument, ctx: Context) -> Iterator[Diagnostic]:
    model = load_model()
    if model is None:
        return
    # one finding per word: a pattern's (H002) is more specific
    taken = {m.start for m in pattern_matches(doc)} if ctx.is_enabled("H002") else set()
    yield from (d for d in model_findings(doc, model) if d.start not in taken)


def model_findings(doc: AnalyzedDocument, model: Model) -> Iterator[Diagnostic]:
    """What `model` suggests in the document (scripts/eval_homophones.py passes its own model)."""
    text = doc.text
    for para in doc.paragraphs:
        if para.kind not in _PROSE_PARAGRAPHS:
            continue
        lowered = normalize(text[para.start:para.end])
        found = list(suggestions(model, TOKEN.findall(lowered)))
        if not found or len(lowered) != para.end - para.start:
            continue
        spans = [(m.start() + para.start, m.end() + para.start) for m in TOKEN.finditer(lowered)]
        for s in found:
            start, end = spans[s.token_index]
            extra = _extra_margin(doc, s, start, end, spans)
            if extra is None:
                continue
            written = text[start:end]
            fix = keep_case(written, s.intended)
            yield Diagnostic(RULE.id, start, end, _message(written, fix, s.intended),
                             (Fix(start, end, fix, safe=False),),
                             confidence=confidence(s.margin, [t + extra for t in s.levels]),
                             data={"intended": fix, "set": s.set_name})


def _extra_margin(doc: AnalyzedDocument, s: Suggestion, start: int, end: int,
                  spans: list[tuple[int, int]]) -> float | None:
    """The margin (nats) this region and set need beyond the model's
    thresholds; None: the suggestion is not reported. Dialogue and author's
    notes need more (`extra_margin` in the data: speech has dialect, notes are
    casual); a capital mid-sentence is a name or a title ("Will", "Rose")."""
    kind = doc.kind_at(start)
    if kind not in WRITING:
        return None
    confusion = sets_by_name().get(s.set_name)
    extra = region_margins().get(str(kind), 0.0) + (confusion.margin if confusion else 0.0)
    if s.margin <= s.levels[0] + extra:
        return None
    written = doc.text[start:end]
    mid_sentence = s.token_index > 0 and not _opens_sentence(doc.text, spans, s.token_index)
    if written[:1].isupper() and mid_sentence:
        return None
    return extra


def _opens_sentence(text: str, spans: list[tuple[int, int]], index: int) -> bool:
    before = text[spans[index - 1][0]:spans[index - 1][1]]
    return norm(before.lower()) in SENTENCE_OPENERS


def _message(written: str, fix: str, intended: str) -> str:
    meaning = glosses()
    meant = meaning.get(intended, "")
    wrote = meaning.get(normalize(written), "")
    head = f"\"{written}\" ({wrote})" if wrote else f"\"{written}\""
    return f"{head}: did you mean \"{fix}\" ({meant})?" if meant else f"{head}: did you mean \"{fix}\"?"
