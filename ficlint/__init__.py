"""ficlint: a manuscript linter for fiction and fan-fiction writers."""

__version__ = "0.2.0"
