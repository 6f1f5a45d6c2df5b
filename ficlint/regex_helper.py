"""Python's `re` in a helper process that can be stopped: user patterns where RE2 is not installed.

A search in `re` cannot be interrupted from inside the process (not by a signal, not by a thread),
so it runs in a small child process that ficlint kills when a search takes too long. The child
is started once per ficlint process, on first use, and ends when ficlint does.
"""

from __future__ import annotations

import pickle
import queue
import struct
import subprocess
import sys
import threading
from typing import Any

# The child: read (pattern, flags, text, hit group) requests, answer with every match's group spans.
# Each search starts after the previous match's `hit` group, as ficlint's RE2 searches do.
_CHILD = r"""
import pickle, re, struct, sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    head = inp.read(8)
    if len(head) < 8:
        break
    pattern, flags, text, hit = pickle.loads(inp.read(struct.unpack(">Q", head)[0]))
    compiled = re.compile(pattern, flags)
    found, pos = [], 0
    while pos <= len(text):
        m = compiled.search(text, pos)
        if m is None:
            break
        found.append([m.span(i) for i in range(compiled.groups + 1)])
        pos = m.end(hit) if m.end(hit) > m.start() else m.start() + 1
    answer = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(struct.pack(">Q", len(answer)) + answer)
    out.flush()
"""

_lock = threading.Lock()
_child: subprocess.Popen[bytes] | None = None


def search_all(pattern: str, flags: int, text: str, hit: int, limit: float) -> list[list[tuple[int, int]]]:
    """Every match of `pattern` in `text` (spans of all groups), or TimeoutError after `limit` seconds."""
    global _child
    with _lock:
        if _child is None or _child.poll() is not None:
            _child = subprocess.Popen([sys.executable, "-I", "-c", _CHILD], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        child = _child
        request = pickle.dumps((pattern, flags, text, hit), protocol=pickle.HIGHEST_PROTOCOL)
        answers: queue.Queue[Any] = queue.Queue()
        threading.Thread(target=_read_answer, args=(child, answers), daemon=True).start()
        assert child.stdin is not None
        child.stdin.write(struct.pack(">Q", len(request)) + request)
        child.stdin.flush()
        try:
            answer = answers.get(timeout=limit)
        except queue.Empty:
            child.kill()  # the only way to stop a search in `re`
            child.wait()
            _child = None
            raise TimeoutError(f"pattern {pattern!r} took longer than {limit} s") from None
        if isinstance(answer, BaseException):
            _child = None
            raise answer
        return answer


def _read_answer(child: subprocess.Popen[bytes], answers: queue.Queue[Any]) -> None:
    assert child.stdout is not None
    try:
        head = child.stdout.read(8)
        if len(head) < 8:
            raise OSError("the pattern helper process ended unexpectedly")
        answers.put(pickle.loads(child.stdout.read(struct.unpack(">Q", head)[0])))
    except Exception as err:  # noqa: BLE001 - handed to the caller
        answers.put(err)
