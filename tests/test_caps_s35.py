"""Session 35: new speech after a tag that closed a question or an exclamation starts a sentence
(D006: `"What?" he asked, "tell me"`), beside speech a tag interrupted (`"I think," she said, "we
should"`), speech after a full stop and its tag (D001's: the full stop may be the slip), and speech
that opens with "and", "but" or "or", which may carry on what was said; through the CLI."""

from __future__ import annotations

import pytest
from conftest import rule_findings

FLAGGED = [
    ("\"What?\" he asked, \"basketball is the best sport ever!\"\n", "basketball"),
    ("“Is it true, then?” she whispered, “did he really betray them?”\n", "did"),
    ("'Where will she go?' asked McGonagall, 'surely not here?'\n", "surely"),
    ("“Welcome!” Raizen exclaims loudly, “welcome to the games!”\n", "welcome"),
    ("\"Yeah?\" Albus said suddenly, his smile growing, \"nothing to stress about.\"\n", "nothing"),
]


@pytest.mark.parametrize(("text", "word"), FLAGGED)
def test_new_speech_after_a_tag_that_closed_a_question_starts_a_sentence(tmp_path, text, word):
    [(rule, marked, fix)] = rule_findings(tmp_path, text, "D006")
    # (stop 36: the tag's comma before it becomes a full stop in the same fix)
    assert rule == "D006" and marked == word and fix.startswith(".") and fix.endswith(word[0].upper())


LEFT_ALONE = [
    "\"I think,\" she said, \"we should go.\"\n",
    "\"See you later!\" Harry shouted, \"and thank you!\"\n",
    "\"Is it done?\" he asked, \"or not yet?\"\n",
    "\"I'm fine.\" He said, \"just tired.\"\n",  # D001's: the full stop may be the slip
    "\"What?\" he asked, \"Tell me.\"\n",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_speech_that_may_carry_on_the_sentence_is_left_alone(tmp_path, text):
    assert rule_findings(tmp_path, text, "D006") == []


def test_a_novel_of_another_age_carries_the_sentence_on_in_lowercase(tmp_path):
    novel = ("We shall go to-morrow, and to-day we rest.\n\n"
             "\"Oh!\" cried the Rat, \"this is splendid.\"\n")
    assert rule_findings(tmp_path, novel, "D006") == []
    short = "\"Oh!\" cried the Rat, \"this is splendid.\"\n"
    assert [r for r, _, _ in rule_findings(tmp_path, short, "D006")] == ["D006"]
