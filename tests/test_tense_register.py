"""Through the real CLI: a long past-tense text whose narrator makes present statements all through it
(general truths, descriptions of what still stands) keeps T001 to a character's present action in a
paragraph where the same character acts in the past; its other present verbs go to the opt-in T003, with
the same fixes. A short text, or a long one whose narrator keeps to the past, is judged as before."""

from __future__ import annotations

from tests.conftest import rule_findings, run_cli

NARRATOR = (
    "Eastford is a quiet village, and it lies in a green valley. Martha walked down to the water every "
    "morning. She carried a basket and filled it with reeds. She sang as she worked, and the birds answered "
    "her.\n\n"
)
PAST_ONLY = (
    "Martha walked down to the water every morning. She carried a basket and filled it with reeds. She sang "
    "as she worked, and the birds answered her.\n\n"
)
STRONG = (
    "He waited by the door for an hour. He was tired and hungry. Then he walks to the car and drove away.\n\n"
)
WEAK = (
    "It was late and she was tired. Karen walked to the bar. There are no velvet ropes at SouthPaw, and "
    "that's just the way she liked it. She ordered a martini.\n\n"
)
STRONG_FIXED = [("T001", "walks", "walked")]
WEAK_FIXED = [("are", "were"), ("'s", " was")]


def _book(paragraph: str) -> str:
    """About 18,000 words: long enough for a register (eight stretches of about 2,000 words)."""
    return paragraph * 260 + STRONG + WEAK + paragraph * 260


def test_a_narrator_present_all_through_a_long_text_keeps_t001_to_strong_evidence(tmp_path):
    assert rule_findings(tmp_path, _book(NARRATOR), "T001") == STRONG_FIXED


def test_the_rest_goes_to_the_opt_in_rule_with_its_fixes(tmp_path):
    found = rule_findings(tmp_path, _book(NARRATOR), "T001,T003")
    assert found == [*STRONG_FIXED, *(("T003", verb, fix) for verb, fix in WEAK_FIXED)]


def test_t003_is_off_by_default(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text(_book(NARRATOR), encoding="utf-8")
    [file] = run_cli("check", "--format", "json", "--no-cache", str(chapter)).json()["files"]
    assert [d["rule"] for d in file["diagnostics"] if d["rule"].startswith("T")] == ["T001"]


def test_a_long_text_told_in_the_past_is_judged_as_before(tmp_path):
    expected = [*STRONG_FIXED, *(("T001", verb, fix) for verb, fix in WEAK_FIXED)]
    assert rule_findings(tmp_path, _book(PAST_ONLY), "T001,T003") == expected


def test_a_short_text_has_no_register_to_tell(tmp_path):
    text = NARRATOR * 3 + STRONG + WEAK + NARRATOR * 3
    expected = [*STRONG_FIXED, *(("T001", verb, fix) for verb, fix in WEAK_FIXED)]
    assert rule_findings(tmp_path, text, "T001,T003") == expected


EVENING = (
    "Tom came home late that night. He hung up his coat and sat down by the fire. He was cold and tired.\n\n"
)
DRIFT = (
    "He walks to the window and looks out. He sees the rain and frowns. Then he turns back to the fire.\n\n"
)
DRIFT_FIXED = [("walks", "walked"), ("sees", "saw"), ("frowns", "frowned"), ("turns", "turned")]


def test_a_drifted_paragraph_alone_between_past_ones_is_still_flagged_in_a_present_register(tmp_path):
    text = NARRATOR * 260 + EVENING + DRIFT + EVENING + NARRATOR * 260
    assert rule_findings(tmp_path, text, "T001,T003") == [("T001", verb, fix) for verb, fix in DRIFT_FIXED]


def test_a_present_set_piece_over_several_paragraphs_is_the_narrators_and_goes_to_t003(tmp_path):
    text = NARRATOR * 260 + EVENING + DRIFT * 3 + EVENING + NARRATOR * 260
    expected = [("T003", verb, fix) for verb, fix in DRIFT_FIXED] * 3
    assert rule_findings(tmp_path, text, "T001,T003") == expected


def _t_findings(folder, select: str) -> list[tuple[str, str]]:
    result = run_cli("check", "--format", "json", "--no-cache", "--select", select, str(folder)).json()
    return [(d["rule"], d["text"]) for file in result["files"] for d in file["diagnostics"]]


def test_the_register_spans_a_manuscripts_chapters_even_when_only_t003_is_selected(tmp_path):
    # each chapter alone is too short for a register; the two together are one narrator's text
    (tmp_path / "chapter-1.txt").write_text(NARRATOR * 260 + STRONG + WEAK, encoding="utf-8")
    (tmp_path / "chapter-2.txt").write_text(NARRATOR * 260, encoding="utf-8")
    weak = [("T003", verb) for verb, _ in WEAK_FIXED]
    assert _t_findings(tmp_path, "T003") == weak
    assert _t_findings(tmp_path, "T001,T003") == [("T001", "walks"), *weak]


def test_present_statements_in_a_third_of_the_stretches_are_a_register(tmp_path):
    """The cut is 30% of stretches (placed on tune and train books): a narrator with present statements in
    4 of 11 speaks in that register."""
    stretch = PAST_ONLY * (12_000 // len(PAST_ONLY) + 1)
    body = "".join(NARRATOR + stretch if i % 5 == 0 else stretch for i in range(10))
    text = body + STRONG + WEAK + stretch
    assert rule_findings(tmp_path, text, "T001") == STRONG_FIXED
