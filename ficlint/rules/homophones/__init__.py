"""Homophones and confusable words, decided by context: "They where the kind of
tears", "eyes threw the vanity", "you feel it to."

Every word is in the dictionary, so only the context can tell. The confusion
sets (where/were/we're, to/too/two, an/and, passed/past, ...) with a gloss for
each member, and the hand-written patterns, are data in
`rules/data/confusables.yaml` (read by `_confusables.py`).

- H001 (`h001_homophone_in_context.py`): a trained context model per
  confusion set (`_model.py`, shared with scripts/train_homophones.py, which
  rebuilds ficlint/data/homophones.bin), with word n-gram counts from the train
  split (`_ngrams.py`, ficlint/data/homophone-ngrams.bin.gz, rebuilt by
  scripts/build_homophone_ngrams.py), the neighbours a rarer member keeps
  (`_collocations.py`, ficlint/data/homophone-collocations.json.gz, rebuilt by
  scripts/build_homophone_collocations.py), the slots where grammar is certain
  (ficlint/analysis/slots.py) and the manuscript's own usage (`_judge.py`);
- H002 (`h002_homophone_pattern.py`): grammatical patterns (`_patterns.py`)
  for what a word window cannot see ("its been", "your welcome");
- H003 (`h003_misheard_phrase.py`): fixed phrases heard wrong ("sneak peak",
  "free reign", "could of"), data in `rules/data/confusables.yaml`.

A word both rules would flag is reported once, by the pattern: it is more specific.
"""
