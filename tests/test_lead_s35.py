"""Stop 34's review of the merged change, through the real CLI: each fix has text it must flag and text
it must leave alone."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from conftest import folder_findings, rule_findings, run_cli

# -- C003: a rank said to someone, not an item of a list, an adjective or a song's words ------------


@pytest.mark.parametrize("text", [
    "\"Minor, major, it doesn't matter,\" he said.\n",
    "\"What do you want to be?\" \"Astronaut, doctor, president.\"\n",
    "\"Lieutenant, captain, commander: they all want the report,\" she said.\n",
    "\"Is the problem specific or general?\" \"Specific, general, who cares.\"\n",
    "She sang \"Goodnight, sergeant, goodnight\" all the way home.\n",
])
def test_a_title_in_a_list_as_an_adjective_or_in_a_song_is_no_address(tmp_path, text):
    assert rule_findings(tmp_path, text, "C003") == []


@pytest.mark.parametrize(("text", "word"), [
    ("\"Thank you, professor,\" she said.\n", "professor"),
    ("\"Well, doctor, I think so,\" he said.\n", "doctor"),
    ("\"Good morning, captain,\" Harry said.\n", "captain"),
])
def test_a_rank_said_to_someone_is_still_flagged(tmp_path, text, word):
    assert rule_findings(tmp_path, text, "C003") == [("C003", word, word[0].upper())]


def test_c003_and_d006_read_the_period_style_of_the_whole_manuscript(tmp_path):
    period = ("ch1.md", "I shall go to-day, and come back to-morrow.\n")
    speech = ("ch2.md", "\"What?\" he asked, \"tell me, doctor.\"\n\n\"Thank you, doctor,\" she said.\n")
    assert folder_findings(tmp_path, "C003,D006", period, speech) == []
    alone = tmp_path / "alone"
    alone.mkdir()
    assert folder_findings(alone, "C003,D006", speech) == [
        ("ch2.md", "C003", "doctor"), ("ch2.md", "C003", "doctor"), ("ch2.md", "D006", "tell")]


# -- D006: a conjunction carries speech on across its tag; ß capitalizes as SS in message and fix ----


def test_speech_that_opens_with_because_carries_the_sentence_on(tmp_path):
    text = "\"Where are you going?\" he asked, \"because I'm coming too.\"\n"
    assert rule_findings(tmp_path, text, "D006") == []
    text = "\"Where are you going?\" he asked, \"wait for me.\"\n"
    # after a question the tag ends with a full stop (stop 35): the fix turns its comma into one
    assert rule_findings(tmp_path, text, "D006") == [("D006", "wait", '. "W')]


def test_the_fix_and_the_message_agree_on_a_letter_that_capitalizes_to_two(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("\"Oh!\" he said, \"\u00dfo what.\"\n", encoding="utf-8")
    [d] = run_cli("check", "--format", "json", "--no-cache", "--select", "D006", str(chapter)).json()[
        "files"][0]["diagnostics"]
    assert 'write "SSo"' in d["message"] and d["fixes"][0]["replacement"] == '. "SS'


# -- T004: "since" dates only the clause it opens --------------------------------------------------


def _t004_offsets(tmp_path: Path, text: str) -> list[int]:
    chapter = tmp_path / "chapter.md"
    chapter.write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-cache", "--select", "T004", str(chapter))
    [entry] = result.json()["files"]
    return [d["start"]["offset"] for d in entry["diagnostics"]]


def test_since_giving_a_reason_does_not_spare_the_main_clause(tmp_path):
    """The T004 rule's own example, its drifted paragraph opened by a "since" clause of reason: the
    main clause's "was tired" is still a slip; the since-clause's "was late" is an earlier event."""
    t004 = importlib.import_module("ficlint.rules.tense.t004_past_tense_in_present_narration_weak")
    text = t004._MOVING_IN + t004._DRIFTED.replace("Tom was tired", "Since the van was late, Tom was tired") \
        + t004._AFTERNOON
    offsets = _t004_offsets(tmp_path, text)
    assert text.index("was tired") in offsets
    assert text.index("was late") not in offsets
