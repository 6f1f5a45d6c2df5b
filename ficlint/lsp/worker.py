"""The worker process that runs the checks, so that the server's event loop never
waits for one: code actions, changes and shutdown are answered while a
novel is being checked, on the other core.

The server sends one LintRequest at a time and waits for its LintOutcome.
Two threads of the server move them through pipes (pickled), so a large text
never blocks the event loop. A run that takes longer than LINT_TIMEOUT is
stopped by ending the process, and so is a process that died; the next
request starts a new one.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import queue
import sys
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the server imports this module before pygls, to start the worker early: keep it light
    from ficlint.lsp.linting import LintOutcome, LintRequest, LintSession

LINT_TIMEOUT = 30.0  # seconds; a 300,000-word manuscript takes ~3 s


class WorkerStopped(Exception):
    """The worker did not answer: it died, or took too long and was stopped."""


class LintWorker:
    """The server's handle on the worker process."""

    def __init__(self, timeout: float = LINT_TIMEOUT) -> None:
        self.timeout = timeout
        self._process: BaseProcess | None = None
        self._pipes: tuple[Connection, Connection] | None = None  # requests, replies: for the threads
        self._outbox: queue.SimpleQueue[LintRequest | None] = queue.SimpleQueue()
        self._answer: asyncio.Future[LintOutcome] | None = None
        self._busy = asyncio.Lock()

    async def lint(self, request: LintRequest) -> LintOutcome:
        """The worker's outcome for one request; WorkerStopped if it never comes."""
        async with self._busy:
            self.start()
            answer: asyncio.Future[LintOutcome] = asyncio.get_running_loop().create_future()
            self._answer = answer
            self._outbox.put(request)
            try:
                return await asyncio.wait_for(answer, self.timeout)
            except asyncio.TimeoutError:
                self.stop()
                raise WorkerStopped(f"checking took longer than {self.timeout:g} s and was stopped") from None
            finally:
                self._answer = None

    def spawn(self) -> None:
        """Start the worker process, if it is not running: it loads ficlint's checks meanwhile."""
        if self._process is not None:
            return
        # spawn, not fork: the server has threads, and a fresh interpreter is the same on every platform
        context = multiprocessing.get_context("spawn")
        request_reader, request_writer = context.Pipe(duplex=False)
        reply_reader, reply_writer = context.Pipe(duplex=False)
        process = context.Process(target=serve, args=(request_reader, reply_writer),
                                  name="ficlint-lint-worker", daemon=True)
        process.start()
        request_reader.close()
        reply_writer.close()
        self._process, self._pipes = process, (request_writer, reply_reader)
        self._outbox = queue.SimpleQueue()

    def start(self) -> None:
        """Spawn the worker if it is not running, and connect it to the running event loop."""
        self.spawn()
        if self._pipes is None:
            return
        (requests, replies), self._pipes = self._pipes, None
        loop = asyncio.get_running_loop()
        threading.Thread(target=_send_all, args=(self._outbox, requests), daemon=True).start()
        threading.Thread(target=self._receive_all, args=(replies, loop, self._process), daemon=True).start()

    def stop(self) -> None:
        """End the worker (it is started again by the next request)."""
        process, self._process = self._process, None
        self._outbox.put(None)  # ends the sending thread
        if self._pipes is not None:
            for pipe in self._pipes:
                pipe.close()
            self._pipes = None
        if process is not None and process.is_alive():
            process.kill()
            process.join(1)

    def _receive_all(self, replies: Connection, loop: asyncio.AbstractEventLoop,
                     process: BaseProcess) -> None:
        """The sending thread's twin: hands each outcome to the event loop; None when the worker is gone."""
        while True:
            try:
                outcome: LintOutcome | None = replies.recv()
            except (EOFError, OSError):
                outcome = None
            try:
                loop.call_soon_threadsafe(self._answered, process, outcome)
            except RuntimeError:  # the event loop is closed: the server is exiting
                return
            if outcome is None:
                replies.close()
                return

    def _answered(self, process: BaseProcess, outcome: LintOutcome | None) -> None:
        if process is not self._process:
            return  # from a worker that was stopped
        if outcome is None:
            self._process = None
        answer = self._answer
        if answer is None or answer.done():
            return
        if outcome is None:
            answer.set_exception(WorkerStopped("the checking process stopped unexpectedly"))
        else:
            answer.set_result(outcome)


def _send_all(outbox: queue.SimpleQueue[LintRequest | None], requests: Connection) -> None:
    while (request := outbox.get()) is not None:
        try:
            requests.send(request)
        except OSError:  # the worker is gone
            break
    requests.close()


def serve(requests: Connection, replies: Connection) -> None:
    """The worker's loop: one request in, one outcome out, until the server closes the pipe."""
    # stdout is the server's channel to the editor: nothing of the worker's may go there
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    from ficlint.lsp.linting import LintSession

    session = LintSession()
    session.run.linter(session.defaults)  # imports the rules while the server starts
    # No collector during a check (it would walk the loaded word lists and models again and again,
    # as `ficlint check` avoids too); the garbage is collected after each answer, while the server
    # publishes it, and what the first check loaded is set aside for good.
    gc.disable()
    first = True
    while True:
        try:
            request: LintRequest = requests.recv()
        except (EOFError, OSError):
            return
        try:
            replies.send_bytes(_outcome(session, request))
        except OSError:
            return
        gc.collect()
        if first:
            gc.freeze()
            first = False


def _outcome(session: LintSession, request: LintRequest) -> memoryview:
    """The pickled outcome of a request (what `Connection.recv` reads)."""
    from ficlint.lsp.linting import LintOutcome

    try:
        return ForkingPickler.dumps(session.lint_document(request))
    except Exception as err:  # a bug must not end the worker: the server reports it
        problem = f"internal error: {type(err).__name__}: {err} (please report this)"
        return ForkingPickler.dumps(LintOutcome(request.uri, request.version, problem=problem))
