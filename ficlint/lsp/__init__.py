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


def main() -> None:
    """Run the server on stdin/stdout (imported here so the worker process need not load pygls's server)."""
    from ficlint.lsp.server import main as serve

    serve()
