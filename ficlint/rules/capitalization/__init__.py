"""Capitalization: the story's own capitals (a name it capitalises written in lowercase, a
common noun it writes in lowercase capitalised), and the words English capitalises by kind
(months, days, holidays, titles before names, family words used as names).

Every rule reads the analysis layer's census of the story's words
(ficlint/analysis/capitals.py), gathered over the whole manuscript (CAPITALS in
_common.py): never sentence starts, quotations' first words, headings, chat logs,
ornaments, author's notes, verse, or words in capitals throughout.
"""
