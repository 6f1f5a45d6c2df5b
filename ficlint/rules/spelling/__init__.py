"""Spelling that knows the story: typos with ranked suggestions, character names
learned from the manuscript, and fandom glossaries.

`_dictionary.py` is the word list and its lookups, `_suggest.py` ranks the
words a typo may have meant, `_words.py` says which words need checking at
all, `_scan.py` finds them in a document, `_facts.py` learns the names and
recurring words of the whole manuscript, and `_glossary.py` is the `glossary`
kind of YAML rule pack. S001 and S002 judge what is left.
"""
