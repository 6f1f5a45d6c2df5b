"""Linting a manuscript of many files: the result cache, worker processes on
every core, and progress. Output is the same, in the same order, as
`Linter.lint` gives serially; only the time differs.

Two phases, as in the engine: every file's facts are gathered (from the cache
or a worker), combined into the manuscript's, then every file is checked
(from the cache or a worker). Workers are forked after the parent has done the
phase's first file, and so loaded the data the phase needs: they share it instead
of loading it again; the manuscript's facts reach them the same way, not through a pipe.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from ficlint import parts
from ficlint.analysis import AnalyzedDocument as Document
from ficlint.cache import MemoryCache, ResultCache, file_fingerprints, stable_digest
from ficlint.diagnostics import Diagnostic
from ficlint.engine import FileResult, Linter
from ficlint.reads import Digests, ReadLog, Reads
from ficlint.source import InputError, Source

Progress = Callable[[int, int], None]  # (files done, files in all)
Store = ResultCache | MemoryCache  # the result cache, on disk or in memory

PARALLEL_MIN_FILES = 4
KEEP_DOCUMENTS_CHARS = 1_000_000  # above this, a document is built for each phase and freed after it
# Up to this, one process keeps each document from gathering to checking, while workers would build it
# twice and warm the models first: on London (560,000 characters, 8 parts, 2 workers) 3.3-3.5 CPU-s
# against 2.2 serial, for no gain in wall time. Above it the serial run builds twice as well.
PARALLEL_MIN_CHARS = KEEP_DOCUMENTS_CHARS
KEPT_READS = 3  # a text's latest results kept with what their checks read of the facts

Output = tuple[list[Diagnostic], list[str]]  # a document's findings and the checks that crashed


@dataclass
class _Job:
    index: int
    source: Source
    enabled: frozenset[str]
    key: str  # the file's cache key, before the manuscript's facts are known ("" without a cache)


# What forked workers inherit from the parent (never pickled).
_WORKER_LINTER: Linter | None = None
_WORKER_MANUSCRIPT: dict[str, object] = {}
_WORKER_RECORD = False
_RUN_DIGESTS = Digests()


def lint_manuscript(
    linter: Linter,
    sources: Sequence[Source | InputError],
    cache: Store | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    context: Sequence[Source] = (),
) -> list[FileResult]:
    """Lint `sources` as one manuscript. `context` are the manuscript's other files: their facts
    count (from the cache when their text is unchanged), but they are not checked nor reported.
    Long files are linted in parts (ficlint/parts.py) and reported whole."""
    units, offsets = parts.split(sources)
    results: list[FileResult] = []
    work: list[_Job] = []
    # one document per job, built once, its words and regions serving both phases, unless the
    # manuscript is so long that keeping every part's analysis would cost more memory than rebuilding
    keep = sum(len(u.text) for u in units if isinstance(u, Source)) <= KEEP_DOCUMENTS_CHARS
    documents: list[Document | None] = []
    setting = _settings_key(linter) if cache else None
    for unit in units:
        if isinstance(unit, InputError):
            results.append(FileResult(unit.path, error=unit))
            continue
        documents.append(Document(unit) if keep else None)
        # a long run's result still needs a document, for the reporters' lines and columns: one
        # not yet analysed (each phase analyses its own and frees it)
        results.append(FileResult(unit.path, documents[-1] if keep else Document(unit)))
        work.append(_job(linter, len(results) - 1, unit, setting, cache))
    context_units = [part for source in context for _, part in parts.parts_of(source)]
    others = [_job(linter, -1, source, setting, cache) for source in context_units]  # gathered, never checked
    per_file = _gather_all(linter, work + others, [*documents, *[None] * len(others)], cache,
                           _effective_jobs(jobs, work + others), fold=not keep)
    enabled = [job.enabled for job in work + others]
    folded = [frozenset().union(*enabled)] * (len(per_file) - len(enabled))  # the sums, if any
    manuscript = linter.combine(per_file, enabled + folded)
    manuscript_key = stable_digest(manuscript) if cache else ""
    checked = _check_all(linter, work, documents, manuscript, manuscript_key, cache,
                         _effective_jobs(jobs, work), progress)
    for job, (diagnostics, failures) in zip(work, checked, strict=True):
        result = results[job.index]
        result.facts = manuscript
        result.failures.extend(linter.failures)
        result.failures.extend(failures)
        result.diagnostics = diagnostics
    return parts.join(sources, offsets, results)


def _job(linter: Linter, index: int, source: Source, setting: Any, cache: Store | None) -> _Job:
    enabled = linter.enabled_for(source.path)
    key = ResultCache.key(setting, sorted(enabled), source.text) if cache else ""
    return _Job(index, source, enabled, key)


def _settings_key(linter: Linter) -> Any:
    config = linter.config
    return (repr(config), sorted(linter.base_enabled), file_fingerprints(config.packs))


def _effective_jobs(jobs: int, work: list[_Job]) -> int:
    if jobs <= 1 or len(work) < PARALLEL_MIN_FILES:
        return 1
    if sum(len(job.source.text) for job in work) < PARALLEL_MIN_CHARS:
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(jobs, len(work))


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


# -- phase 1: facts ----------------------------------------------------------------


def _gather_all(
    linter: Linter, work: list[_Job], documents: list[Document | None], cache: Store | None, jobs: int,
    fold: bool = False,
) -> list[dict[str, object]]:
    """Every job's facts (from the cache or gathered). With `fold` (a long run), the facts that
    sum are added up as they come and returned as one more entry, so that the run never holds
    every part's census at once."""
    facts: list[dict[str, object] | None] = [cache.get("facts", job.key) if cache else None for job in work]
    missing = [i for i, f in enumerate(facts) if f is None]
    if missing and jobs > 1 and len(missing) >= PARALLEL_MIN_FILES:
        # the first here: it loads what gathering loads, once, before the workers fork and share it
        first = _gathered_here(linter, work[missing[0]], documents[missing[0]])
        found: Iterator[dict[str, object]] = chain(
            [first], _gathered_in_workers(linter, [work[i] for i in missing[1:]], jobs))
    else:
        found = (_gathered_here(linter, work[i], documents[i]) for i in missing)
    missing_set = set(missing)
    folder = _Folder(linter) if fold else None
    gathered = iter(found)
    for i in range(len(work)):
        if i in missing_set:
            facts[i] = next(gathered)
            if cache:
                cache.put("facts", work[i].key, facts[i])
        if folder is not None:
            facts[i] = folder.take(facts[i] or {})
    per_file = [f or {} for f in facts]
    return per_file + [folder.totals] if folder is not None else per_file


def _gathered_here(linter: Linter, job: _Job, document: Document | None) -> dict[str, object]:
    built = document or Document(job.source)
    facts = linter.gather_one(built, job.enabled)
    if document is None:
        _free(built)
    return facts


def _gathered_in_workers(linter: Linter, jobs_to_do: list[_Job], jobs: int) -> Iterator[dict[str, object]]:
    for found, failures in _map(linter, _gather_worker, jobs_to_do, jobs):
        linter.failures.extend(failures)
        yield found


class _Folder:
    """Adds up, as they come, the facts that sum (Facts.add), keeping the rest per file."""

    def __init__(self, linter: Linter) -> None:
        self.providers = {p.name: p for p in linter.active_facts(linter.base_enabled)}
        self.totals: dict[str, object] = {}

    def take(self, facts: dict[str, object]) -> dict[str, object]:
        kept: dict[str, object] = {}
        for name, value in facts.items():
            provider = self.providers.get(name)
            total = provider.add(self.totals.get(name), value) if provider is not None else NotImplemented
            if total is NotImplemented:
                kept[name] = value
            else:
                self.totals[name] = total
        return kept


def _gather_worker(job: _Job) -> tuple[dict[str, object], list[str]]:
    assert _WORKER_LINTER is not None
    before = len(_WORKER_LINTER.failures)
    document = Document(job.source)
    facts = _WORKER_LINTER.gather_one(document, job.enabled)
    _free(document)
    return facts, _WORKER_LINTER.failures[before:]


def _free(document: Document) -> None:
    """Free a document's analysis now (Document.release). The command line runs without the
    cyclic collector, and some analysis objects refer to each other, so the garbage of each part
    of a long run is collected here; what the first part loaded (word lists, models) is frozen
    first, so that each collection walks only the part's own objects."""
    document.release()
    if gc.isenabled():
        return
    global _FROZEN
    if not _FROZEN:
        gc.collect()
        gc.freeze()
        _FROZEN = True
    gc.collect()


_FROZEN = False


# -- phase 2: diagnostics --------------------------------------------------------------


def _check_all(
    linter: Linter,
    work: list[_Job],
    documents: list[Document | None],
    manuscript: dict[str, object],
    manuscript_key: str,
    cache: Store | None,
    jobs: int,
    progress: Progress | None,
) -> list[Output]:
    # without a cache no key is needed: they cost a stat of every installed file and a digest of the facts
    keys = [ResultCache.key(job.key, manuscript_key) if cache else "" for job in work]
    done: list[Output | None] = [cache.get("diagnostics", key) if cache else None for key in keys]
    global _RUN_DIGESTS
    _RUN_DIGESTS = digests = Digests()  # the current facts' digests, computed once for the run
    if cache:
        for i in [i for i, d in enumerate(done) if d is None]:
            done[i] = _still_valid(cache, work[i].key, manuscript, digests)
    missing = [i for i, d in enumerate(done) if d is None]
    count = len(work) - len(missing)
    if progress:
        progress(count, len(work))
    record = cache is not None
    if missing and jobs > 1 and len(missing) >= PARALLEL_MIN_FILES:
        global _WORKER_MANUSCRIPT, _WORKER_RECORD
        _WORKER_MANUSCRIPT, _WORKER_RECORD = manuscript, record
        # the first here (it loads what checking loads, before the fork), the rest in workers
        first = _check_one(linter, work[missing[0]], manuscript, documents[missing[0]], record)
        outputs = chain([first], _map(linter, _check_worker, [work[i] for i in missing[1:]], jobs))
    else:
        outputs = (_check_one(linter, work[i], manuscript, documents[i], record) for i in missing)
    for i, (diagnostics, failures, reads) in zip(missing, outputs, strict=True):
        done[i] = (diagnostics, failures)
        if cache and not failures:  # never cache the result of a crashed check
            cache.put("diagnostics", keys[i], done[i])
            if reads is not None:
                _keep(cache, work[i].key, reads, done[i])
        count += 1
        if progress:
            progress(count, len(work))
    return [d or ([], []) for d in done]


def _still_valid(cache: Store, text_key: str, manuscript: dict[str, object],
                 digests: Digests) -> Output | None:
    """A result for the same text checked under other facts, if everything its checks read of
    the facts reads the same now (ficlint/reads.py): an edit elsewhere seldom touches it."""
    for reads, output in cache.get("reads", text_key) or []:
        if reads.hold(manuscript, digests):
            return output
    return None


def _keep(cache: Store, text_key: str, reads: Reads, output: Output) -> None:
    kept = [(reads, output), *(cache.get("reads", text_key) or [])][:KEPT_READS]
    cache.put("reads", text_key, kept)


def _check_one(
    linter: Linter, job: _Job, manuscript: dict[str, object], document: Document | None = None,
    record: bool = False,
) -> tuple[list[Diagnostic], list[str], Reads | None]:
    failures: list[str] = []
    built = document is None
    document = document if document is not None else Document(job.source)
    log = ReadLog(_RUN_DIGESTS) if record else None
    diagnostics = linter.check_document(document, job.enabled, manuscript, failures, log)
    if built:  # nobody keeps it: free its analysis now
        _free(document)
    return diagnostics, failures, log.reads if log is not None else None


def _check_worker(job: _Job) -> tuple[list[Diagnostic], list[str], Reads | None]:
    assert _WORKER_LINTER is not None
    return _check_one(_WORKER_LINTER, job, _WORKER_MANUSCRIPT, record=_WORKER_RECORD)


# -- workers ----------------------------------------------------------------------------


def _map(linter: Linter, fn: Callable[[_Job], Any], items: list[_Job], jobs: int) -> Iterator[Any]:
    """fn over items in forked workers, results in order as they come."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_LINTER
    _WORKER_LINTER = linter
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(fn, items, chunksize=max(1, len(items) // (jobs * 4)))
