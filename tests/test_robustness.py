"""Property-based robustness: arbitrary and hostile text through the document
model, every check and the fixer. No exception, every span inside the text,
and applying the fixes settles: re-linting the fixed text finds nothing more
to fix within the fixer's passes.

Example counts are bounded so the suite stays fast in CI; set
FICLINT_HYPOTHESIS_EXAMPLES to run more locally."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ficlint.analysis import AnalyzedDocument as Document
from ficlint.config import Config
from ficlint.engine import FileResult, Selection
from ficlint.fixer import MAX_PASSES, FileFix, fix_manuscript
from ficlint.run import ManuscriptRun, RunOptions
from ficlint.source import InputError, Source, decode

EXAMPLES = int(os.environ.get("FICLINT_HYPOTHESIS_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RUN = ManuscriptRun(RunOptions(config=Config(), selection=Selection(select=("ALL",))))
SAFE_RUN = ManuscriptRun(RunOptions(config=Config()))
SAFE_CONFIG = SAFE_RUN.configs.for_file(Path("t.md"))


def _fix(text: str, unsafe: bool = False) -> tuple[list[FileFix], list[FileResult]]:
    """`--fix` (with `--unsafe-fixes` if asked) on one text, at most MAX_PASSES passes."""
    return fix_manuscript([Source("t.md", text)], unsafe, lambda texts: SAFE_RUN.lint(SAFE_CONFIG, texts),
                          max_passes=MAX_PASSES)

FRAGMENTS = [
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "'em",
    "rock 'n' roll",
    "the '90s",
    "boys' hats",
    "goin'",
    "...",
    "..",
    "…",
    "—",
    "--",
    "-",
    "!",
    "?",
    "?!",
    ".",
    ",",
    ";",
    ":",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "*",
    "**",
    "_",
    "__",
    "~~~",
    "***",
    "---",
    "# ",
    "> ",
    "- ",
    "1. ",
    "```\n",
    "`",
    "<!-- ficlint-disable -->",
    "<!-- ficlint-enable -->",
    "<!-- ficlint-disable-next-line M001 -->",
    "<b>",
    "</b>",
    "<script>",
    "[link](http://example.com/a_b)",
    "https://x.org/q?a=b.",
    "A/N:",
    "A/N.",
    "P.S.",
    "Chapter 1",
    "CHAPTER XII.",
    "i",
    "i'm",
    "I",
    "the the",
    "she said",
    "She said",
    "he whispered",
    "Karen",
    "Derek",
    "SouthPaw",
    "colour",
    "color",
    "where",
    "were",
    "threw",
    "through",
    "to",
    "too",
    "passed",
    "past",
    "there",
    "their",
    "its",
    "it's",
    "your",
    "you're",
    "then",
    "than",
    "is",
    "was",
    "walks",
    "walked",
    "check",
    "checked",
    "are",
    "were",
    ":)",
    ";p",
    "<3",
    "xD",
    "loooong",
    "Nooo",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "😀",
    "👩‍👩‍👧",
    "中文",
    "\u0301",
    "\U0001d400",
    "\ud800",
    "\udfff",
]

fiction_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
    max_size=80,
).map("".join)
any_text = st.one_of(fiction_text, st.text(max_size=300))


def _check_spans(text: str, diagnostics: list) -> None:
    n = len(text)
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= n, (d.rule, d.start, d.end, n)
        for fix in d.fixes:
            assert 0 <= fix.start <= fix.end <= n, (d.rule, fix)


@SETTINGS
@given(any_text)
def test_document_model_never_fails(text: str) -> None:
    doc = Document.from_text(text)
    n = len(text)
    previous_end = 0
    for region in doc.regions:
        assert 0 <= region.start <= region.end <= n
        assert region.start >= previous_end, "regions are ordered and do not overlap"
        previous_end = region.end
    for items in (doc.paragraphs, doc.words, doc.sentences, doc.emphasis, doc.scenes):
        for item in items:
            assert 0 <= item.start <= item.end <= n
    tokens = doc.tokens
    for start, end, token in zip(tokens.start, tokens.end, tokens.text, strict=True):
        assert text[start:end] == token
    for quotation in doc.speech:
        assert quotation.follows.kind in ("tag", "inverted", "beat", "subject", "other", "end", "glued")
    for offset in (0, n // 2, n):
        line, column = doc.position(offset)
        assert line >= 1 and column >= 1


@SETTINGS
@given(any_text)
def test_every_check_survives_any_text(text: str) -> None:
    result = RUN.lint_text(Source("t.md", text))
    assert not result.failures, result.failures
    _check_spans(text, result.diagnostics)


@SETTINGS
@given(fiction_text)
@example("past:are")  # a verb and no scene span: the scenes' split once raised IndexError
def test_fixes_apply_and_settle(text: str) -> None:
    fixes, results = _fix(text)
    fixed = fixes[0].fixed.text
    assert not results[0].failures, results[0].failures
    _check_spans(fixed, results[0].diagnostics)
    again, _ = _fix(fixed)
    assert again[0].fixed.text == fixed, "a second --fix run must change nothing"


@SETTINGS
@given(fiction_text)
def test_unsafe_fixes_apply_without_error(text: str) -> None:
    fixes, results = _fix(text, unsafe=True)
    assert not results[0].failures, results[0].failures
    _check_spans(fixes[0].fixed.text, results[0].diagnostics)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_give_a_clear_error(data: bytes) -> None:
    try:
        source = decode("f.txt", data)
    except InputError as err:
        assert err.problem and "\n" not in err.problem
        return
    assert isinstance(source.text, str)
    result = RUN.lint_text(source)
    assert not result.failures, result.failures
    _check_spans(source.text, result.diagnostics)


def test_very_long_line_and_deep_markdown() -> None:
    long_line = ('She walked and walked, "talking," she said, ' * 4000) + "the end"
    deep = "".join("> " * i + "- item " + "*" * i + "text" + "_" * i + "\n" for i in range(200))
    for text in (long_line, deep, "\n" * 50_000, '"' * 20_000, "'" * 20_000, "." * 20_000):
        result = RUN.lint_text(Source("t.md", text))
        assert not result.failures, result.failures
        _check_spans(text, result.diagnostics)
