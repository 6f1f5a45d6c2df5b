"""Session 37 review: bugs a writer would meet in the stop's merged changes, each through the real CLI
beside what the change was made for (which must stay as it is)."""

from __future__ import annotations

from conftest import rule_findings
from test_tense_runs import AFTER, BEFORE


def test_a_name_or_word_that_numbers_a_book_still_needs_a_space_after_its_stop(tmp_path):
    # "tom.", "art.", "cap." number a period book's volumes only before a numeral: elsewhere they are
    # Tom, art and a cap, and a stop with no space after them runs two sentences together.
    text = ("I went to see Tom.He was asleep on the sofa.\n\n"
            "She loved art.It made her happy.\n\n"
            "He took off his cap.She laughed at him.\n")
    assert rule_findings(tmp_path, text, "M002") == [
        ("M002", ".H", " "), ("M002", ".I", " "), ("M002", ".S", " ")]


def test_a_numbering_word_before_a_numeral_still_ends_no_sentence(tmp_path):
    text = "See the note in tom. ii. of the edition, and chap. 4 of the same, which the editor revised.\n"
    assert rule_findings(tmp_path, text, "M004") == []


def test_a_drift_in_short_lines_that_each_end_a_sentence_is_no_verse(tmp_path):
    # T001 sets verse apart (its lines run a sentence on); a paragraph whose short lines each end
    # their sentence is prose broken at its sentences, and its drift is still a slip.
    text = (BEFORE + "Tony looks at her.\nShe folds the paper and waits.\nHe takes her hand.\n\n" + AFTER)
    assert rule_findings(tmp_path, text, "T001") == [
        ("T001", "looks", "looked"), ("T001", "folds", "folded"), ("T001", "takes", "took")]


def test_two_lines_of_a_song_that_run_a_sentence_on_are_still_verse(tmp_path):
    text = BEFORE + "A virgin soft and young am I,\nNot yet fifteen years old;\n\n" + AFTER
    assert rule_findings(tmp_path, text, "T001") == []


def test_thoughts_in_emphasis_opening_two_paragraphs_are_no_glossary(tmp_path):
    # H001 leaves a glossary's lines alone (a marked headword, a comma); two paragraphs that open on a
    # character's thought in emphasis are prose, and their slips are still slips.
    text = ("Harry sighed and looked out of the window at the rain.\n\n"
            "*Idiot*, she thought, and walked back to the car.\n\n"
            "*Great*, he thought. Now he would loose the game for sure.\n\n"
            "She did not answer him.\n")
    assert rule_findings(tmp_path, text, "H001") == [("H001", "loose", "lose")]


def test_a_glossary_set_out_a_paragraph_an_entry_is_still_left_alone(tmp_path):
    text = ("     =Earth-shoot=, a landslip.\n\n     =Emprise=, feat, enterprise.\n\n"
            "     =Espadon=, a long heavy sword.\n\n     =Falchion=, a short broad sword.\n")
    assert rule_findings(tmp_path, text, "H001") == []


def test_kisses_a_cv_and_a_size_are_no_roman_numerals(tmp_path):
    # "xx.", "cv." and "xl." end their sentence: a Roman numeral beyond the few a text uses anywhere
    # (ii., iv., ix.) is one only after a numbering word (vol. xxiv., ch. lxi.).
    text = ("A/N: Thanks so much for reading, love you all xx. see you next week!\n\n"
            "He handed her his cv. she read it slowly and frowned.\n\n"
            "She wore a size xl. it was too big.\n")
    assert rule_findings(tmp_path, text, "M004") == [("M004", "see", "S"), ("M004", "she", "S"),
                                                     ("M004", "it", "I")]


def test_a_numeral_after_a_numbering_word_still_ends_no_sentence(tmp_path):
    text = "The same tale is told in vol. xxiv. in a later hand, and in ch. lxi. of the second book.\n"
    assert rule_findings(tmp_path, text, "M004") == []


def test_a_flashback_or_authors_note_in_brackets_is_no_figure(tmp_path):
    # M006 lets a sentence run on into an edition's figure ("[Illustration (music): ...]"); a story's
    # bracketed marker after a paragraph ("[Flashback]", "[A/N: ...]") is no figure, and the
    # paragraph before it still needs its full stop.
    text = ("She walked in and sat down by the fire.\n\n"
            "He walked away from her without a single word\n\n[Flashback]\n\n"
            "The summer had been long and hot.\n\n"
            "She looked at the letter again and sighed\n\n[A/N: Sorry for the late update, guys!]\n")
    found = [(rule, flagged) for rule, flagged, _ in rule_findings(tmp_path, text, "M006")]
    assert found == [("M006", "word"), ("M006", "sighed")]


def test_a_sentence_running_into_an_editions_figure_still_needs_no_stop(tmp_path):
    text = ("The tune goes so. And in the syllable _wis_, and syllable _bove_\n\n"
            "[Illustration (music): God-like _wis_dom]\n\nThe rest is sung low.\n")
    assert rule_findings(tmp_path, text, "M006") == []


def test_a_long_story_of_a_fandom_with_common_names_keeps_its_lowercase_titles_flagged(tmp_path):
    # A book's house style of lowercase titles (queen Anne, aunt Belinda) is an old edition's; a long
    # story whose fandom has no names of its own (Tony, Rogers) is no book, and its repeated
    # "captain Rogers" is a slip each time, as fan fiction's "professor Snape" is.
    filler = ("Tony walked down the long corridor of the tower and thought about the mission. The lights "
              "were dim and the air smelled of coffee and machine oil. He had not slept for two days.\n\n")
    talk = "\"We need to talk,\" captain Rogers said, and Tony sighed at him.\n\n"
    text = (filler * 30 + talk) * 6 + filler * 10
    found = rule_findings(tmp_path, text, "C003")
    assert found == [("C003", "captain", "C")] * 6


def test_a_numeral_after_a_capitalised_word_in_a_citation_ends_no_sentence(tmp_path):
    text = ("See Canto xxvii. stanza 2. of the poem.\n\n"
            "He cites Abarca, Anales de Aragon, Rey xxx. cap. 3. for the war.\n")
    assert rule_findings(tmp_path, text, "M004") == []
