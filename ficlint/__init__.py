"""ficlint: a manuscript linter for fiction and fan-fiction writers."""

__version__ = "0.1.0"
