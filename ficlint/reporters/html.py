"""A self-contained HTML report: the manuscript with every finding marked in
place, an overview chart, filters, keyboard navigation and rule explanations.

No network, no external scripts or fonts: CSS, JavaScript and the SVG chart
are inline. Overlapping findings are drawn by cutting the text into segments
at every finding boundary; each segment lists the findings that cover it in
`data-f`, so every finding is exactly the concatenation of its segments.
Markdown headings, bold and italics are drawn the same way: segments carry
classes, and the marks themselves (`#`, `**`, `*`, `_`) stay in the text,
hidden unless a finding covers them, so no offset moves. Chapter text is
always escaped; the chapter's own HTML is shown as text.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ficlint import __version__
from ficlint.diagnostics import CATEGORIES, Diagnostic, Fix
from ficlint.document import Document, RegionKind
from ficlint.engine import FileResult
from ficlint.reporters import fix_preview
from ficlint.rule import Rule

COLORS = {
    "homophone": "#d9480f",
    "dialogue": "#1971c2",
    "dialect": "#2f9e44",
    "tense": "#9c36b5",
    "spelling": "#e03131",
    "punctuation": "#e67700",
    "capitalization": "#0c8599",
    "grammar": "#5c940d",
    "style": "#6c757d",
}
_ASSETS = Path(__file__).with_name("html_assets")


@dataclass(frozen=True)
class _Finding:
    id: int
    file: int
    diagnostic: Diagnostic


def render(results: list[FileResult], extra: dict[str, object]) -> str:
    rules: dict[str, Rule] = dict(extra.get("rules") or _default_rules())  # type: ignore[arg-type]
    title = str(extra.get("title") or "ficlint report")
    findings = _number(results)
    body = [
        _header(title, results, findings),
        _overview(results, findings),
        *(_chapter(i, r, [f for f in findings if f.file == i]) for i, r in enumerate(results)),
        _rule_dialog(),
    ]
    data = {"findings": [_finding_json(results, f) for f in findings], "rules": _rules_json(rules, findings)}
    return _page(title, "\n".join(body), data)


def _default_rules() -> dict[str, Rule]:
    from ficlint.config import Config
    from ficlint.registry import Registry

    return Registry.for_config(Config()).rules


def _number(results: list[FileResult]) -> list[_Finding]:
    findings: list[_Finding] = []
    for i, result in enumerate(results):
        for d in result.diagnostics:
            findings.append(_Finding(len(findings), i, d))
    return findings


# -- page parts ------------------------------------------------------------------


def _header(title: str, results: list[FileResult], findings: list[_Finding]) -> str:
    by_category = Counter(f.diagnostic.category for f in findings)
    by_rule = Counter((f.diagnostic.rule, f.diagnostic.name) for f in findings)
    boxes = "".join(
        f'<label class="filter"><input type="checkbox" data-category="{c}" checked>'
        f'<span class="swatch" style="--c:{COLORS[c]}"></span>{c} <small>{by_category[c]}</small></label>'
        for c in CATEGORIES
        if by_category[c]
    )
    options = "".join(
        f'<option value="{_e(rule)}">{_e(rule)} {_e(name)} ({n})</option>'
        for (rule, name), n in sorted(by_rule.items())
    )
    words = sum(r.document.word_count for r in results if r.document)
    return f"""<header class="bar">
  <h1>{_e(title)}</h1>
  <p class="counts"><span id="total">{len(findings)}</span> findings in {len(results)} file(s),
     {words:,} words · ficlint {__version__}</p>
  <nav class="controls" aria-label="Filters and navigation">
    {boxes}
    <label class="filter">Rule
      <select id="rule-filter"><option value="">all rules</option>{options}</select></label>
    <button type="button" id="prev" title="Previous finding (k)">◀ prev</button>
    <span id="position" aria-live="polite">–</span>
    <button type="button" id="next" title="Next finding (j)">next ▶</button>
  </nav>
  <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, <kbd>e</kbd> explain its rule,
     <kbd>Esc</kbd> close. Hover or tap a marked word for the message and fix.</p>
</header>"""


def _overview(results: list[FileResult], findings: list[_Finding]) -> str:
    facts = next((r.facts for r in results if r.facts), {})
    dialect = getattr(facts.get("dialect"), "dialect", None) if facts else None
    names = _learned_names(facts)
    tenses = "".join(_scene_tenses(r) for r in results if r.document)
    return f"""<section id="overview" aria-labelledby="overview-title">
  <h2 id="overview-title">Overview</h2>
  {_chart(results, findings)}
  <dl class="facts">
    <dt>Dialect</dt><dd id="dialect">{_e(dialect or "not clear from the text")}</dd>
    <dt>Words learned as names</dt><dd id="names">{_e(", ".join(names) or "none")}</dd>
  </dl>
  {_tense_table(tenses)}
</section>"""


def _tense_table(rows: str) -> str:
    if not rows:
        return ""
    head = "<tr><th>File</th><th>Scene</th><th>Tense</th></tr>"
    return f'<table class="tenses"><caption>Narrative tense by scene</caption>{head}{rows}</table>'


def _learned_names(facts: dict[str, object]) -> list[str]:
    """The story's own names as the spelling check learned them (never the pronoun I)."""
    spelling = facts.get("spelling") if facts else None
    names = set(getattr(spelling, "names", ()) or ())
    names.update(getattr(spelling, "frequent_names", {}).values() if spelling is not None else ())
    return sorted(n for n in map(str, names) if n != "I" and not n.startswith(("I'", "I’")))[:200]


def _scene_tenses(result: FileResult) -> str:
    document = result.document
    if document is None:
        return ""
    try:
        rows = [scene.describe_tense() for scene in getattr(document, "narrative", ())]
    except Exception:  # the report must not fail because one fact could not be computed
        return ""
    return "".join(
        f"<tr><td>{_e(result.path)}</td><td>{i + 1}</td><td>{_e(str(t))}</td></tr>"
        for i, t in enumerate(rows)
    )


def _chart(results: list[FileResult], findings: list[_Finding]) -> str:
    """Findings per 1,000 words by file and category, as a stacked horizontal bar chart."""
    rows = []
    for i, r in enumerate(results):
        words = r.document.word_count if r.document else 0
        counts = Counter(f.diagnostic.category for f in findings if f.file == i)
        rates = {c: counts[c] * 1000 / words for c in CATEGORIES if counts[c] and words}
        rows.append((Path(r.path).name, rates))
    top = max((sum(rates.values()) for _, rates in rows), default=0) or 1
    label_w, bar_w, row_h = 220, 520, 26
    height = row_h * len(rows) + 40
    width = label_w + bar_w + 70
    parts = [
        '<svg id="chart" role="img" aria-label="Findings per 1,000 words by file and category" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">'
    ]
    for j, (name, rates) in enumerate(rows):
        y = 10 + j * row_h
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="label">{_e(name[:32])}</text>'
        )
        x = float(label_w)
        for category, rate in rates.items():
            w = rate / top * bar_w
            parts.append(
                f'<rect class="bar" data-category="{category}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                f'height="{row_h - 8}" fill="{COLORS[category]}">'
                f"<title>{category}: {rate:.1f} per 1,000 words</title></rect>"
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" class="value">{sum(rates.values()):.1f}</text>')
    parts.append(f'<text x="{label_w}" y="{height - 8}" class="axis">findings per 1,000 words</text>')
    parts.append("</svg>")
    return "".join(parts)


def _chapter(index: int, result: FileResult, findings: list[_Finding]) -> str:
    heading = f'<h2 id="file-{index}-title">{_e(result.path)} <small>{len(findings)} findings</small></h2>'
    if result.document is None:
        message = result.error.problem if result.error else "could not be read"
        return f'<section class="chapter error" id="file-{index}">{heading}<p>{_e(message)}</p></section>'
    doc = result.document
    prose = "".join(_segments(doc.text, findings, _markdown_styles(doc)))
    return (
        f'<section class="chapter" id="file-{index}" aria-labelledby="file-{index}-title">{heading}'
        f'<div class="prose">{prose}</div></section>'
    )


_HEADING_MARKS = re.compile(r"#{1,6}[ \t]*")
_SETEXT_UNDERLINE = re.compile(r"\r?\n[ \t]*(?:=+|-+)[ \t]*$")
Style = tuple[int, int, str]  # start, end, CSS class


def _markdown_styles(doc: Document) -> list[Style]:
    """Where the chapter's Markdown asks for a heading, bold or italics, and
    where its marks are (class md-mark)."""
    styles: list[Style] = []
    for para in doc.paragraphs:
        if para.kind is RegionKind.MARKUP:
            continue
        if para.kind is RegionKind.HEADING:
            styles.append((para.start, para.end, "md-heading"))
            marks = _HEADING_MARKS.match(doc.text, para.start, para.end)
            if marks:
                styles.append((para.start, marks.end(), "md-mark"))
            underline = _SETEXT_UNDERLINE.search(doc.text, para.start, para.end)
            if underline:
                styles.append((underline.start(), para.end, "md-mark"))
        for whole, inner, bold in doc.emphasis_in(para.start, para.end):
            kind = "md-strong" if bold else "md-em"
            styles += [(whole.start, inner.start, "md-mark"), (inner.start, inner.end, kind),
                       (inner.end, whole.end, "md-mark")]
    return [s for s in styles if s[1] > s[0]]


def _segments(text: str, findings: list[_Finding], styles: list[Style]) -> Iterable[str]:
    """The text cut at every finding and style boundary; marked segments carry
    data-f="ids", styled ones a span with their classes."""
    spans = {f.id: _span(f.diagnostic, len(text)) for f in findings}
    by_id = {f.id: f for f in findings}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for fid, (s, e) in spans.items():
        starts.setdefault(s, []).append(fid)
        ends.setdefault(e, []).append(fid)
    style_starts: dict[int, list[int]] = {}
    style_ends: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(styles):
        style_starts.setdefault(s, []).append(i)
        style_ends.setdefault(e, []).append(i)
    cuts = sorted({0, len(text), *starts, *ends, *style_starts, *style_ends})
    active: list[int] = []
    styled: list[int] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for fid in ends.get(a, ()):
            active.remove(fid)
        for i in style_ends.get(a, ()):
            styled.remove(i)
        opened = starts.get(a, [])
        active.extend(opened)
        styled.extend(style_starts.get(a, ()))
        chunk = _e(text[a:b])
        if styled:
            chunk = f'<span class="{" ".join(sorted({styles[i][2] for i in styled}))}">{chunk}</span>'
        if not active:
            yield chunk
            continue
        lead = by_id[active[-1]].diagnostic
        anchors = "".join(f'<a class="anchor" id="f-{fid}"></a>' for fid in opened)
        ids = " ".join(map(str, sorted(active)))
        yield (
            f'{anchors}<mark class="hl" data-f="{ids}" data-category="{lead.category}" '
            f'style="--c:{COLORS.get(lead.category, "#888")}" tabindex="0" '
            f'title="{_e(lead.rule)}: {_e(lead.message)}">{chunk}</mark>'
        )


def _span(d: Diagnostic, length: int) -> tuple[int, int]:
    """A finding's span; an empty one (an insertion point) shows its neighbouring character."""
    if d.end > d.start:
        return d.start, d.end
    if d.start < length:
        return d.start, d.start + 1
    return max(0, d.start - 1), d.start


def _rule_dialog() -> str:
    return """<div id="popover" role="tooltip" hidden></div>
<dialog id="rule-doc" aria-labelledby="rule-doc-title">
  <form method="dialog"><button class="close" aria-label="Close">×</button></form>
  <h2 id="rule-doc-title"></h2><div id="rule-doc-body"></div>
</dialog>"""


# -- data for the script -----------------------------------------------------------


def _finding_json(results: list[FileResult], f: _Finding) -> dict[str, object]:
    d = f.diagnostic
    doc = results[f.file].document
    assert doc is not None
    line, column = doc.position(d.start)
    fix = d.fixes[0] if d.fixes else None
    return {
        "id": f.id,
        "file": f.file,
        "rule": d.rule,
        "name": d.name,
        "category": d.category,
        "severity": str(d.severity),
        "message": d.message,
        "text": doc.text[d.start : d.end],
        "line": line,
        "column": column,
        "fix": None if fix is None else _fix_json(doc.text, d, fix),
    }


def _fix_json(text: str, d: Diagnostic, fix: Fix) -> dict[str, object]:
    before, after = fix_preview(text, d, fix)
    return {"replacement": fix.replacement, "safe": fix.safe, "before": before, "after": after}


def _rules_json(rules: dict[str, Rule], findings: list[_Finding]) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for f in findings:
        rule = rules.get(f.diagnostic.rule)
        if rule is None or rule.id in out:
            continue
        out[rule.id] = {
            "name": rule.name,
            "category": rule.category,
            "summary": rule.summary,
            "why": rule.why,
            "bad": list(rule.flags),
            "good": list(rule.allows),
            "fix_safety": rule.fix_safety,
        }
    return out


def _page(title: str, body: str, data: dict[str, object]) -> str:
    css = (_ASSETS / "report.css").read_text(encoding="utf-8")
    script = (_ASSETS / "report.js").read_text(encoding="utf-8")
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ficlint {__version__}">
<title>{_e(title)}</title>
<style>{css}</style>
</head>
<body>
{body}
<script id="ficlint-data" type="application/json">{payload}</script>
<script>{script}</script>
</body>
</html>
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)
