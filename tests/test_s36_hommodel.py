"""Stop 36: fixed phrases mined from the train split's counts speak for the phrase's word in
H001 where the context model leans to it (ficlint/rules/homophones/_phrases.py,
scripts/build_homophone_phrases.py)."""

from __future__ import annotations

import pytest

from ficlint.analysis.confusables import confusion_sets
from ficlint.resources import load_data
from ficlint.rules.homophones._phrases import mined_phrases, phrase_rivals
from tests.conftest import rule_findings


@pytest.mark.parametrize(("text", "written", "meant"), [
    ("They lived under marshal law for years.", "marshal", "martial"),
    ("The whole family was in deep morning for weeks.", "morning", "mourning"),
    ("She altered her entire live to keep it hidden.", "live", "life"),
])
def test_a_mined_phrase_flags_the_word_the_model_alone_left(tmp_path, text, written, meant):
    assert rule_findings(tmp_path, text, "H001") == [("H001", written, meant)]


@pytest.mark.parametrize("text", [
    "The marshal laughed at the law.",
    "God, whose world was created for him, smiled.",  # a lone function word names no phrase
    "It was a bright morning, deep in the woods.",  # a mark breaks the context
    "He was so deep in thought that he missed the morning bell.",
])
def test_correct_text_is_left_alone(tmp_path, text):
    assert rule_findings(tmp_path, text, "H001") == []


def test_every_mined_phrase_swaps_two_members_of_one_set():
    together = {(a, b) for s in confusion_sets() for a in s.members for b in s.members if a != b}
    entries = load_data("confusables-phrases")["phrases"]
    assert len(entries) == sum(map(len, mined_phrases().values())) > 1000
    for entry in entries:
        ((written, meant),) = entry["fix"].items()
        assert (written, meant) in together, entry
        assert written in entry["words"].split() and entry["gloss"]


def test_the_context_must_be_in_the_same_sentence():
    words = ["under", "marshal", "law"]
    assert phrase_rivals(words, [0, 0, 0], 1, "marshal") == {"martial"}
    assert phrase_rivals(words, [0, 0, 1], 1, "marshal") == set()
