"""The language server (`ficlint lsp`): ficlint's findings in any editor that speaks LSP.

- Diagnostics for Markdown and plain-text documents on open, change and save,
  configured by the `.ficlint.yaml` found from the document's folder and checked
  with the rest of its manuscript, exactly as `ficlint check` would check that
  file. Untitled and other non-file documents are checked alone, with the
  workspace folder's config (linting.py).
- Code actions: each fix (preferred when safe), "fix all safe findings"
  (`source.fixAll.ficlint`), and, for spelling findings, adding the word to the
  story's word list (`.ficlint-words.txt` beside the config) (actions.py).
- Positions in the encoding the editor and server agree on: UTF-8, UTF-32 or
  UTF-16 (positions.py).
- Checks run in a worker process, never on the event loop; code actions are
  answered from the last check's findings (server.py, worker.py).
- A config or word-list file that changes (watched, or saved in the editor)
  is read again, and every open document is checked again. A broken config or
  rule pack is said once, and each document it stops shows one error
  diagnostic at its start instead of its findings.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO


def main() -> None:
    """Run the server on stdin/stdout."""
    from ficlint.lsp.worker import LintWorker

    channel = editor_channel()
    worker = LintWorker()
    worker.spawn()  # the worker loads ficlint's checks while this process loads pygls and lsprotocol
    from ficlint.lsp.server import main as serve

    serve(worker, *channel)


def editor_channel() -> tuple[BinaryIO, BinaryIO]:
    """The editor's stdin and stdout, moved to descriptors of their own; 0 and 1 become the null
    device and stderr. A stray print (ficlint's or a library's) cannot corrupt the protocol, and
    no child process (the worker, multiprocessing's helper) holds the editor's pipes open: when the
    server ends, the editor sees it at once."""
    stdin = os.fdopen(os.dup(0), "rb")  # duplicates are not inherited by child processes
    stdout = os.fdopen(os.dup(1), "wb")
    sys.stdout.flush()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return stdin, stdout
