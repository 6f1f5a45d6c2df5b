#!/usr/bin/env python3
"""The language server's latency on a 100,000-word document, measured as an editor sees it.

Starts `python -m ficlint lsp` (the ficlint that `python -c "import ficlint"` finds: set PYTHONPATH
to measure a worktree), talks to it over stdio with pygls's client, opens one 100,000-word Markdown
document (in a temporary folder, with the default configuration) and reports:

- didChange -> publishDiagnostics: a one-word edit, sent as an incremental change, until the
  diagnostics for that version arrive (median of --edits edits, each after the previous one's
  diagnostics); from the server's log, the same from the change's arrival to the diagnostics sent
  (without the client's parsing: pygls's client takes ~0.1 s for thousands of diagnostics, an
  editor far less), and of that the checking in the worker;
- codeAction: request -> response, at findings spread over the document (median of --actions
  requests), while the server is idle, while it checks the same version again (after a save:
  the findings it has still hold), and right after an edit (not checked yet: no actions);
  the client asks for fix-all edits when picked (`codeAction/resolve`), as VS Code does;
- a chapter of the same text split into --chapters files (a manuscript: the other chapters' facts
  count), three of them open, edited as above;
- an untitled buffer typed into while the server runs in a large folder (/usr by default).

    python benchmarks/lsp_latency.py                      # the document built from seeds/
    python benchmarks/lsp_latency.py ../shared/corpus/us/london-the-little-lady-of-the-big-house.txt

Texts given (files or folders of .txt/.md) are concatenated, and repeated, up to --words words.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"didChange": 0.5, "codeAction": 0.05}
TIMEOUT = 120.0
CHECKED = re.compile(r"checked (\S+) version (\d+) in ([\d.]+) s, published ([\d.]+) s after the change")


def build_text(sources: list[Path], words: int) -> str:
    """Paragraphs of the sources, in order and repeated, until `words` words."""
    files = [f for s in sources for f in (sorted(s.rglob("*")) if s.is_dir() else [s])
             if f.suffix in {".txt", ".md"} and f.is_file()]
    paragraphs = [p.strip() for f in files for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8"))
                  if p.strip()]
    if not paragraphs:
        sys.exit("no text found in " + ", ".join(map(str, sources)))
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def split_chapters(text: str, chapters: int) -> list[str]:
    """The text's paragraphs in `chapters` files of about the same number of words."""
    paragraphs = text.split("\n\n")
    per_chapter = len(text.split()) / chapters
    out: list[list[str]] = [[]]
    words = 0
    for paragraph in paragraphs:
        if words >= per_chapter * len(out) and len(out) < chapters:
            out.append([])
        out[-1].append(paragraph.strip())
        words += len(paragraph.split())
    return ["\n\n".join(chapter) + "\n" for chapter in out]


class Session:
    """A pygls client that keeps the document's text and waits for diagnostics by version."""

    def __init__(self, encoding: str) -> None:
        self.client = LanguageClient("ficlint-benchmark", "1")
        self.offered = encoding
        self.encoding = "utf-16"
        self.waiters: dict[tuple[str, int], asyncio.Future[list[types.Diagnostic]]] = {}
        self.latest: dict[str, list[types.Diagnostic]] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            self.latest[params.uri] = list(params.diagnostics)
            waiter = self.waiters.pop((params.uri, params.version or 0), None)
            if waiter is not None and not waiter.done():
                waiter.set_result(list(params.diagnostics))

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def on_message(_: LanguageClient, params: types.ShowMessageParams) -> None:
            print("server says:", params.message, file=sys.stderr)

    async def start(self, cwd: Path, root: Path | None, log_file: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "ficlint", "lsp", "--log-file", str(log_file),
                                   cwd=str(cwd))
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=[self.offered]),
            text_document=types.TextDocumentClientCapabilities(code_action=types.CodeActionClientCapabilities(
                resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]))))
        result = await self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=from_fs_path(str(root)) if root else None))
        self.encoding = str(result.capabilities.position_encoding or "utf-16")
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await self.client.stop()

    def expect(self, uri: str, version: int) -> asyncio.Future[list[types.Diagnostic]]:
        future: asyncio.Future[list[types.Diagnostic]] = asyncio.get_running_loop().create_future()
        self.waiters[(uri, version)] = future
        return future

    def open(self, uri: str, text: str, language: str = "markdown") -> asyncio.Future[list[types.Diagnostic]]:
        waiter = self.expect(uri, 1)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return waiter

    def insert(self, uri: str, version: int, line: int, words: str) -> asyncio.Future[list[types.Diagnostic]]:
        """Type some words at the start of a line (positions at column 0 are the same in every encoding)."""
        waiter = self.expect(uri, version)
        at = types.Position(line=line, character=0)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=at, end=at), text=words)]))
        return waiter

    def save(self, uri: str, version: int) -> asyncio.Future[list[types.Diagnostic]]:
        waiter = self.expect(uri, version)
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        return waiter

    async def code_action(self, uri: str, diagnostic: types.Diagnostic) -> tuple[float, int]:
        """The time a code action request takes, and how many actions it gave."""
        started = time.perf_counter()
        actions = await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]))), TIMEOUT)
        return time.perf_counter() - started, len(actions or [])


def server_seconds(log_file: Path, uri: str) -> dict[int, tuple[float, float]]:
    """Per version, from the server's log: the time checking in the worker, and from the change's
    arrival to the diagnostics sent (empty if this server does not log them)."""
    found: dict[int, tuple[float, float]] = {}
    if log_file.exists():
        for m in CHECKED.finditer(log_file.read_text(encoding="utf-8", errors="replace")):
            if m.group(1) == uri:  # the first check of each version (a save checks one again)
                found.setdefault(int(m.group(2)), (float(m.group(3)), float(m.group(4))))
    return found


def summary(values: list[float]) -> str:
    if not values:
        return "–"
    p95 = sorted(values)[int(0.95 * (len(values) - 1))]
    return (f"median {statistics.median(values) * 1000:7.1f} ms   (min {min(values) * 1000:.1f}, "
            f"95% {p95 * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})")


async def measure_document(text: str, edits: int, actions: int, encoding: str) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {"open": [], "didChange": [], "worker": [], "server": [], "idle": [],
                                       "busy": [],
                                       "edited": [], "idle actions": [], "busy actions": []}
    with tempfile.TemporaryDirectory(prefix="ficlint-lsp-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "novel.md"
        path.write_text(text, encoding="utf-8")
        uri = from_fs_path(str(path)) or ""
        log_file = folder / "server.log"
        session = Session(encoding)
        await session.start(folder, folder, log_file)
        try:
            print(f"position encoding: {session.encoding}", file=sys.stderr)
            started = time.perf_counter()
            diagnostics = await asyncio.wait_for(session.open(uri, text), TIMEOUT)
            results["open"].append(time.perf_counter() - started)
            print(f"{len(diagnostics)} findings in the document", file=sys.stderr)
            lines = text.count("\n")
            version = 1
            for i in range(edits):
                version += 1
                waiter = session.insert(uri, version, (i * 997) % lines, "Suddenly ")
                started = time.perf_counter()
                await asyncio.wait_for(waiter, TIMEOUT)
                results["didChange"].append(time.perf_counter() - started)
                await asyncio.sleep(0.2)
            found = session.latest.get(uri) or []
            if not found:
                print("no findings to ask code actions for", file=sys.stderr)
                return results
            targets = [found[i * len(found) // actions] for i in range(actions)]
            for diagnostic in targets:
                seconds, given = await session.code_action(uri, diagnostic)
                results["idle"].append(seconds)
                results["idle actions"].append(given)
            for i in range(max(edits // 2, 1)):
                # a save: the same version is checked again, and its findings answer meanwhile
                waiter = session.save(uri, version)
                await asyncio.sleep(0.05)  # past the server's reading of the save
                results["busy actions"] += await ask_until(session, uri, targets, waiter, results["busy"])
                # an edit: until its version is checked, there is nothing to offer
                version += 1
                waiter = session.insert(uri, version, (i * 1511) % lines, "Quietly ")
                await ask_until(session, uri, targets, waiter, results["edited"])
                found = session.latest[uri]
                targets = [found[j * len(found) // actions] for j in range(actions)]
        finally:
            await session.stop()
        checked = [times for version, times in sorted(server_seconds(log_file, uri).items())
                   if 1 < version <= edits + 1]
        results["worker"] = [worker for worker, _ in checked]
        results["server"] = [server for _, server in checked]
    return results


async def ask_until(session: Session, uri: str, targets: list[types.Diagnostic],
                    waiter: asyncio.Future[list[types.Diagnostic]], times: list[float]) -> list[float]:
    """Code action requests, one after another, until the diagnostics awaited arrive; the actions given."""
    given: list[float] = []
    n = 0
    while not waiter.done():
        seconds, count = await session.code_action(uri, targets[n % len(targets)])
        times.append(seconds)
        given.append(count)
        n += 1
        await asyncio.sleep(0.02)
    await asyncio.wait_for(waiter, TIMEOUT)
    return given


async def measure_manuscript(text: str, chapters: int, edits: int, encoding: str) -> dict[str, list[float]]:
    """didChange -> diagnostics for one chapter of a manuscript, two other chapters open too."""
    results: dict[str, list[float]] = {"didChange": [], "server": [], "worker": []}
    with tempfile.TemporaryDirectory(prefix="ficlint-lsp-bench-") as tmp:
        folder = Path(tmp) / "story"
        folder.mkdir()
        uris = []
        for n, chapter in enumerate(split_chapters(text, chapters), 1):
            path = folder / f"chapter-{n:02d}.md"
            path.write_text(chapter, encoding="utf-8")
            uris.append((from_fs_path(str(path)) or "", chapter))
        log_file = Path(tmp) / "server.log"
        session = Session(encoding)
        await session.start(folder, folder, log_file)
        try:
            for uri, chapter in uris[:3]:
                await asyncio.wait_for(session.open(uri, chapter), TIMEOUT)
            uri, chapter = uris[0]
            lines = chapter.count("\n")
            for version in range(2, edits + 2):
                waiter = session.insert(uri, version, (version * 97) % lines, "Suddenly ")
                started = time.perf_counter()
                await asyncio.wait_for(waiter, TIMEOUT)
                results["didChange"].append(time.perf_counter() - started)
                await asyncio.sleep(0.2)
        finally:
            await session.stop()
        checked = [times for version, times in sorted(server_seconds(log_file, uri).items()) if version > 1]
        results["worker"] = [worker for worker, _ in checked]
        results["server"] = [server for _, server in checked]
    return results


async def measure_untitled(cwd: Path, encoding: str) -> list[float]:
    """didChange -> diagnostics for a short untitled buffer, the server started in `cwd`, no folder open."""
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ficlint-lsp-bench-") as tmp:
        session = Session(encoding)
        await session.start(cwd, None, Path(tmp) / "server.log")
        try:
            uri = "untitled:Untitled-1"
            await asyncio.wait_for(session.open(uri, "She left..\n", language="markdown"), TIMEOUT)
            for version in range(2, 7):
                waiter = session.insert(uri, version, 0, "Then ")
                started = time.perf_counter()
                await asyncio.wait_for(waiter, TIMEOUT)
                times.append(time.perf_counter() - started)
        finally:
            await session.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="*", type=Path, default=[ROOT / "seeds"],
                        help="texts or folders to build the document from (default: seeds/)")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=7, help="didChange samples (default 7)")
    parser.add_argument("--actions", type=int, default=50, help="codeAction samples while idle (default 50)")
    parser.add_argument("--chapters", type=int, default=33, help="files of the manuscript row (default 33)")
    parser.add_argument("--encoding", default="utf-16", choices=["utf-8", "utf-16", "utf-32"],
                        help="the position encoding the client offers (default utf-16, as VS Code)")
    parser.add_argument("--untitled-cwd", type=Path, default=Path("/usr"),
                        help="folder the server starts in for the untitled-buffer row (default /usr)")
    args = parser.parse_args()

    text = build_text(args.sources, args.words)
    words = len(text.split())
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"document: {words:,} words from {', '.join(str(s) for s in args.sources)}")
    results = asyncio.run(measure_document(text, args.edits, args.actions, args.encoding))
    manuscript = asyncio.run(measure_manuscript(text, args.chapters, args.edits, args.encoding))
    untitled = asyncio.run(measure_untitled(args.untitled_cwd, args.encoding))
    print(f"open -> first diagnostics (data loaded)    {summary(results['open'])}")
    print(f"didChange -> publishDiagnostics           {summary(results['didChange'])}")
    print(f"  in the server: change in -> sent        {summary(results['server'])}")
    print(f"  of which checking, in the worker        {summary(results['worker'])}")
    print(f"codeAction, server idle                   {summary(results['idle'])}"
          f"  {statistics.mean(results['idle actions'] or [0]):.1f} actions")
    print(f"codeAction, while the version is checked again  {summary(results['busy'])}"
          f"  {statistics.mean(results['busy actions'] or [0]):.1f} actions")
    print(f"codeAction, after an edit, not checked yet  {summary(results['edited'])}")
    print(f"a chapter of {args.chapters} ({words // args.chapters:,} words), 3 open: "
          f"didChange -> diagnostics  {summary(manuscript['didChange'])}")
    print(f"  in the server: change in -> sent        {summary(manuscript['server'])}")
    print(f"  of which checking, in the worker        {summary(manuscript['worker'])}")
    print(f"untitled buffer, server in {args.untitled_cwd}: didChange -> diagnostics  {summary(untitled)}")
    print("\ntargets:")
    for label, values, target in (("didChange -> diagnostics", results["didChange"], TARGETS["didChange"]),
                                  ("codeAction (idle)", results["idle"], TARGETS["codeAction"]),
                                  ("codeAction (during a check)", results["busy"] + results["edited"],
                                   TARGETS["codeAction"])):
        if values:
            median = statistics.median(values)
            verdict = "met" if median < target else "NOT met"
            print(f"  {label}: {median * 1000:.0f} ms (target < {target * 1000:.0f} ms) {verdict}")


if __name__ == "__main__":
    main()
