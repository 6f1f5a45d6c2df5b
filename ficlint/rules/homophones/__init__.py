"""Homophones and confusable words, decided by context: "They where the kind of
tears", "eyes threw the vanity", "you feel it to."

Every word is in the dictionary, so only the context can tell. The confusion
sets (where/were/we're, to/too/two, an/and, passed/past, ...) with a gloss for
each member, and the hand-written patterns, are data in
`rules/data/confusables.yaml` (read by `_confusables.py`).

- H001 (`h001_homophone_in_context.py`): a trained context model per
  confusion set (`_model.py`, shared with scripts/train_homophones.py, which
  rebuilds ficlint/data/homophones.json.gz);
- H002 (`h002_homophone_pattern.py`): grammatical patterns (`_patterns.py`)
  for what a word window cannot see ("could of been", "its been").

A word both rules would flag is reported once, by the pattern: it is more specific.
"""
