"""Stop 36, word-class slots for the homophone judge (ficlint/analysis/slots.py), through the real CLI:
each slot has text it must flag (and the fix) and text it must leave alone."""

from __future__ import annotations

import pytest
from conftest import rule_findings


@pytest.mark.parametrize(("text", "word", "fix"), [
    # PASSING: after a verb of going and before its object, the preposition
    ("A young healer walked passed them to ask about her.\n", "passed", "past"),
    ("She brushed passed him in the hall without a word.\n", "passed", "past"),
    # FUSED_BEFORE_NOUN: before a noun and its own finite verb, a determiner
    ("The firm and it's staff were gone by morning.\n", "it's", "its"),
    ("Who's idea was this, anyway?\n", "Who's", "Whose"),
    ("I think you're friend called yesterday.\n", "you're", "your"),
    # COMPLEMENT: after "be" (an adverb may come between), never a bare verb
    ("She had a letter she was not loathe to send.\n", "loathe", "loath"),
    ("Your throat is suddenly soar. You look down at your tea.\n", "soar", "sore"),
])
def test_a_member_that_cannot_fill_its_slot_is_flagged(tmp_path, text, word, fix):
    assert rule_findings(tmp_path, text, "H001") == [("H001", word, fix)]


@pytest.mark.parametrize("text", [
    "Time passed the way it always did.\n",
    "People were bustling past her towards the steps.\n",
    "He walked past them to the door.\n",
    "It's time you left.\n",
    "It's people like you that ruin it.\n",
    "What you're saying is wrong.\n",
    "The London in which he and Derek moved and had their being is nothing but a village.\n",
    "All you have to do is breathe.\n",
    "The only thing I'm allowed to do is write letters.\n",
    "There was a charge, which it seemed were every one detestable.\n",
    "She was loath to open it.\n",
    "He was known for his temper.\n",
])
def test_a_member_that_fills_its_slot_is_left_alone(tmp_path, text):
    assert rule_findings(tmp_path, text, "H001") == []
