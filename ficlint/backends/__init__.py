"""Optional backends: outside tools whose findings join ficlint's own.

A backend runs after the engine, on the documents it built, and adds
ordinary diagnostics to each file's result. It is off unless asked for, never
needed by ficlint's own checks, and a failure in it is a warning, never a crash:
ficlint's own findings still print.
"""

from __future__ import annotations


class BackendError(Exception):
    """A backend could not run: one line that says why (no server, no Java, a timeout)."""
