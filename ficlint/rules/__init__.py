"""ficlint's built-in rules, one module each, grouped by family.

`codes.py` is the table of every rule (id -> module), the one place to look a
rule up. A rule module holds the rule's metadata (`RULE`, with its examples as
bad -> fixed pairs), a `check(doc, ctx)` that reads the analysed document and
yields diagnostics, and, when it needs the whole manuscript, the `FACTS` it
reads. Helpers that several rules of a family share live in the family's
modules whose names start with an underscore; what the text *is* (sentences,
speech, clauses, word classes) belongs to ficlint/analysis/, not here.
"""
