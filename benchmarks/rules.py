"""Where a default run's CPU time goes on one text: the document and each piece of the analysis
layer, then every rule the config turns on, each timed as one pass over the text in process
(data loaded and warmed first, so start-up is not counted). Families are summed at the end.

    python benchmarks/rules.py [--cold] ../shared/corpus/us/london-the-little-lady-of-the-big-house.txt

With --cold each piece is timed on its first pass in the process, so what a one-shot `ficlint check`
pays for loading models and word lists lands on the piece that first asks for them.
"""

from __future__ import annotations

import gc
import sys
import time
from collections import defaultdict
from pathlib import Path

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context
from ficlint.config import default_config
from ficlint.engine import Linter
from ficlint.parts import parts_of
from ficlint.source import Source

ANALYSIS = ("paragraphs", "sentences", "tokens", "tags", "speech", "finite_verbs", "narrative", "capitals")


def cpu(fn) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def measure(path: str, cold: bool = False) -> tuple[int, int, dict[str, float], dict[str, float]]:
    """The text's words and parts, CPU seconds of each piece (document, analysis, facts, rule) and
    of each rule family."""
    text = Path(path).read_text(encoding="utf-8")
    words = len(text.split())
    linter = Linter(default_config())
    enabled = linter.enabled_for(path)
    units = [part for _, part in parts_of(Source(path, text))]

    def documents() -> list[AnalyzedDocument]:
        return [AnalyzedDocument(unit) for unit in units]

    if cold:  # each piece's first pass in this process: models and word lists loaded by whoever asks first
        manuscript = None
    else:
        warm = documents()  # loads every model and word list once
        manuscript = linter.combine([linter.gather_one(doc, enabled) for doc in warm], [enabled] * len(warm))
        for doc in warm:
            linter.check_document(doc, enabled, manuscript)

    costs: dict[str, float] = {}
    docs = documents()
    costs["document (regions)"] = cpu(lambda: [doc.regions for doc in docs if hasattr(doc, "regions")])
    for name in ANALYSIS:
        if hasattr(AnalyzedDocument, name):
            costs[f"analysis: {name}"] = cpu(lambda n=name: [getattr(doc, n) for doc in docs])
    combined = []
    costs["facts (gather + combine)"] = cpu(lambda: combined.append(
        linter.combine([linter.gather_one(doc, enabled) for doc in docs], [enabled] * len(docs))))
    manuscript = manuscript if manuscript is not None else combined[0]
    family: dict[str, float] = defaultdict(float)
    for check in linter.active_checks(enabled):
        ctx = Context(linter.config, enabled, manuscript)
        seconds = cpu(lambda c=check, x=ctx: [list(c.check(doc, x)) for doc in docs])
        costs[f"rule {check.rule.id}"] = seconds
        family[check.rule.category] += seconds
    return words, len(units), costs, dict(family)


def main(path: str, cold: bool = False) -> None:
    words, parts, costs, family = measure(path, cold)
    total = sum(costs.values())
    scale = 100_000 / words
    when = "first pass in a fresh process (data loads included)" if cold else "warm"
    print(f"{path}: {words:,} words, {parts} part(s); CPU seconds per 100,000 words, {when}")
    for name, seconds in sorted(costs.items(), key=lambda kv: -kv[1]):
        if seconds * scale >= 0.005:
            print(f"  {name:34} {seconds * scale:6.3f}")
    print("families:")
    for name, seconds in sorted(family.items(), key=lambda kv: -kv[1]):
        print(f"  {name:34} {seconds * scale:6.3f}")
    print(f"total (analysis + rules)             {total * scale:6.3f}")


if __name__ == "__main__":
    gc.disable()  # as `ficlint check` runs (cli/__init__.py): the collector's walks are not the pieces' cost
    main(sys.argv[-1], cold="--cold" in sys.argv[1:-1])
