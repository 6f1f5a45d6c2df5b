"""Each manuscript-facts provider's share of benchmarks/rules.py's "facts (gather + combine)":
the same parts, warmed the same way, the same analysis pieces computed first, then each
provider's gather over every part (in the engine's order, or `first` before the others)
and its combine, timed apart. A family's CPU is its rules' lines in rules.py plus its
providers' lines here (H001's model scores every part while gathering; its check reuses that).

    python benchmarks/facts.py ../shared/corpus/us/london-the-little-lady-of-the-big-house.txt [first]
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ficlint.analysis import AnalyzedDocument
from ficlint.check import Context, Facts
from ficlint.config import default_config
from ficlint.engine import Linter
from ficlint.parts import parts_of
from ficlint.source import Source

ANALYSIS = ("paragraphs", "sentences", "tokens", "tags", "speech", "finite_verbs", "narrative", "capitals")


def cpu(fn: Callable[[], object]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


def timed(provider: Facts, docs: list[AnalyzedDocument], ctx: Context) -> tuple[float, float]:
    """CPU seconds of the provider's gather over every part, and of its combine."""
    found: list[object] = []
    gather = cpu(lambda: found.extend(provider.gather(doc, ctx) for doc in docs))
    return gather, cpu(lambda: provider.combine(found, ctx))


def main(path: str, first: str | None = None) -> None:
    text = Path(path).read_text(encoding="utf-8")
    words = len(text.split())
    linter = Linter(default_config())
    enabled = linter.enabled_for(path)
    units = [part for _, part in parts_of(Source(path, text))]
    warm = [AnalyzedDocument(unit) for unit in units]  # loads every model and word list once
    manuscript = linter.combine([linter.gather_one(doc, enabled) for doc in warm], [enabled] * len(warm))
    for doc in warm:
        linter.check_document(doc, enabled, manuscript)
    docs = [AnalyzedDocument(unit) for unit in units]
    for name in ANALYSIS:
        if hasattr(AnalyzedDocument, name):
            [getattr(doc, name) for doc in docs]
    providers = sorted(linter.active_facts(enabled), key=lambda p: p.name != first)
    scale = 100_000 / words
    total = 0.0
    print(f"{path}: {words:,} words, {len(units)} part(s); CPU seconds per 100,000 words")
    for provider in providers:
        gather, combine = timed(provider, docs, Context(linter.config, enabled, {}))
        total += gather + combine
        readers = sorted(c.rule.id for c in linter.active_checks(enabled)
                         if c.facts is not None and c.facts.name == provider.name)
        print(f"  {provider.name:26} gather {gather * scale:6.3f}  combine {combine * scale:6.3f}"
              f"  (read by {', '.join(readers)})")
    print(f"  {'facts (gather + combine)':26} {total * scale:6.3f}")


if __name__ == "__main__":
    gc.disable()  # as `ficlint check` runs (cli/__init__.py)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
