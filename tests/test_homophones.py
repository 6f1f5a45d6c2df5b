"""Homophones (H001 context model, H002 patterns): what a writer sees."""

from __future__ import annotations

import re

import pytest

from ficlint.rules.homophones._confusables import confusion_sets
from ficlint.rules.homophones._model import confidence, features, load_model, padded, tokenize
from tests.conftest import ROOT, flagged, lint, run_cli

H = ("H001", "H002")


def _findings(text: str) -> list[tuple[str, str]]:
    """(flagged word, suggested word) pairs."""
    return [(text[d.start:d.end], str(d.data.get("intended"))) for d in lint(text, H)]


@pytest.mark.parametrize("text, word, intended", [
    ("Karen starred into her watery eyes.", "starred", "stared"),
    ("They where the kind of tears that made it hard to breathe.", "where", "were"),
    ("The tears where now strolling down her cheeks.", "where", "were"),
    ("Mutual smiles where shared as both walked out.", "where", "were"),
    ("I know deep down you feel it to. We gave it a good shot.", "to", "too"),
    ("People were bustling passed her towards the steps.", "passed", "past"),
    ("She would hesitate with an answer an skip every other offer.", "an", "and"),
    ("He grabbed her hand, delaying the evitable.", "evitable", "inevitable"),
    ("It was to late to go back.", "to", "too"),
    ("Their is no time left.", "Their", "There"),
    ("I no what you mean.", "no", "know"),
    ("She could of been a star.", "of", "have"),
    ("She let out a deep breathe.", "breathe", "breath"),
    ("Its been a long day.", "Its", "It's"),
    ("The dog chased it's own tail.", "it's", "its"),
    ("Your welcome, Derek.", "Your", "You're"),
    ("She was taller then her brother.", "then", "than"),
    # the contractions, learnt also from the novels' "it is", "you are"
    ("She was managing it's business alone after the war.", "it's", "its"),
    ("I think your right about that.", "your", "you're"),
    ("You know your going to regret this.", "your", "you're"),
    ("Your supposed to be at home by now.", "Your", "You're"),
    ("She wanted to here his voice again.", "here", "hear"),
    ("I don't here anything at all.", "here", "hear"),
    ("That is quiet right, my dear.", "quiet", "quite"),
    # "where" wants a clause of its own after it
    ("The jewels where hidden somewhere in the old house.", "where", "were"),
])
def test_flags_the_confusion_and_names_the_intended_word(text, word, intended):
    assert (word, intended) in _findings(text)


@pytest.mark.parametrize("text", [
    "Where were you last night?",
    "They were the kind of tears that made it hard to breathe.",
    "I know deep down you feel it too.",
    "I'll tell you where to go.",
    "You'll go to bed as I told you to.",
    "I don't want to pry if you don't wish me to.",
    "People were bustling past her towards the steps.",
    "Having passed the exam, she went home.",
    "The break-up was hard on both of them.",
    "Will Turner sat down next to Rose.",
    "She read the letter aloud.",
    "We could, of course, leave now.",
    "It must of course be true.",
    "Its limbs starred out across the sand.",
    "The weather was fine, and I wonder whether it will hold.",
    "Then he left; he was older than her.",
    "It was an inevitable end.",
    "\"Bread an' butter,\" said the old man.",
    "\"Ye'll no' be wantin' it,\" he said.",
    "Its own tail wagged.",
    "Your turn, Derek.",
    "She was happier then than now.",
    "Even then, she was older then.",
    "It's a long way to the station from here.",
    "You're the only one who knows where the key is.",
    "They stayed in the garden where the roses grew.",
    "It was your going to him that saved us.",
    "She approved of your trying to help.",
    "He was not here the day before.",
    "Come to here, then go left.",
    "Be quiet a minute, Toad.",
    "We're going home, and it's late.",
    "The house where they lived had its own well.",
])
def test_leaves_correct_text_alone(text):
    assert _findings(text) == []


def test_capitalised_at_sentence_start_keeps_case_in_fix():
    text = "Their is no time left."
    [d] = [d for d in lint(text, H)]
    assert d.fixes[0].replacement == "There"
    assert d.fixes[0].safe is False


def test_message_names_both_words_and_their_meanings():
    [d] = lint("It was to late to go back.", H)
    assert '"too"' in d.message and "excessively" in d.message
    assert d.category == "homophone"


def test_curly_apostrophes_are_read_as_straight():
    assert ("where", "were") in _findings("They where sure it’s true.")


def test_dialogue_needs_more_evidence_than_narration_but_is_checked():
    assert ("where", "were") in _findings("\"They where here,\" she said.")


def test_json_output_reports_confidence_and_the_intended_word(tmp_path):
    chapter = tmp_path / "chapter.md"
    chapter.write_text("Karen starred into her watery eyes. They where the kind of tears that hurt.\n",
                       encoding="utf-8")
    result = run_cli("check", "--select", "H", "--format", "json", str(chapter))
    data = result.json()
    files = data.get("files", [data])
    diagnostics = [d for f in files for d in f["diagnostics"]]
    rules = {d["rule"] for d in diagnostics}
    assert rules <= {"H001", "H002"} and len(diagnostics) == 2
    for d in diagnostics:
        assert 0.5 < d["confidence"] <= 1.0
        assert "did you mean" in d["message"]


def test_fixes_are_unsafe_and_applied_only_on_request(tmp_path):
    chapter = tmp_path / "chapter.txt"
    chapter.write_text("They where the kind of tears that hurt.\n", encoding="utf-8")
    run_cli("check", "--select", "H", "--fix", str(chapter))
    assert chapter.read_text(encoding="utf-8") == "They where the kind of tears that hurt.\n"
    run_cli("check", "--select", "H", "--fix", "--unsafe-fixes", str(chapter))
    assert chapter.read_text(encoding="utf-8") == "They were the kind of tears that hurt.\n"


def test_data_has_enough_sets_each_with_glosses():
    sets = confusion_sets()
    assert len(sets) >= 80
    for s in sets:
        assert len(s.members) >= 2 and all(s.glosses)


def test_shipped_model_covers_the_sets_and_is_compact():
    model = load_model()
    assert model is not None
    assert {s.name for s in confusion_sets()} <= set(model.sets)
    assert len(model.clusters) > 1000


def test_features_see_punctuation_and_word_classes():
    toks = padded(tokenize("You feel it to. Then go."))
    i = toks.index("to")
    found = features(toks, i, window=False, clusters={"it": "k1"})
    assert ">." in found and "<it" in found and "<ck1" in found


def test_flagged_helper_agrees():
    assert flagged("They where late.", "H002") == ["where"]


def test_a_second_verb_in_a_clause_that_has_one_reads_as_the_preposition():
    assert ("threw", "through") in _findings("Karen stared into her watery eyes threw the vanity.")
    assert _findings("Belmont threw the empty rifle down.") == []


def test_confidence_rises_through_the_stricter_thresholds():
    levels = (2.0, 4.0, 6.0)  # the threshold, then those chosen for fewer false alarms
    assert confidence(2.0, levels) == 0.51  # just flagged
    assert confidence(3.0, levels) == 0.62
    assert confidence(4.0, levels) == 0.75  # what `min-confidence: 0.75` keeps starts here
    assert confidence(6.0, levels) == 0.9
    assert 0.9 < confidence(7.0, levels) < confidence(9.0, levels) <= 0.99
    assert confidence(2.0, (2.0, 2.0, 6.0)) == 0.75  # equal thresholds: the stricter one counts


def _spans(text: str, model, min_confidence: float = 0.0) -> list[tuple[int, str]]:
    from ficlint.analysis import AnalyzedDocument
    from ficlint.rules.homophones.h001_homophone_in_context import model_findings

    doc = AnalyzedDocument.from_text(text)
    return [(d.start, str(d.data["intended"])) for d in model_findings(doc, model)
            if d.confidence is not None and d.confidence >= min_confidence]


def test_min_confidence_of_three_quarters_is_the_model_with_its_stricter_thresholds():
    import copy

    model = load_model()
    assert model is not None
    stricter = copy.deepcopy(model)
    for s in stricter.sets.values():
        s.thresholds, s.stricter = s.stricter[0], s.stricter[1:]
    # text with many slips: every "were", "to", "its"... of the seeds swapped for another member
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt")))
    swaps = {"were": "where", "where": "were", "to": "too", "its": "it's", "their": "there",
             "then": "than", "your": "you're", "through": "threw", "past": "passed"}
    slipped = re.sub(r"\b(\w+)\b", lambda m: swaps.get(m.group(1), m.group(1)), text)
    everything = _spans(slipped, model)
    confident = _spans(slipped, model, 0.75)
    assert len(everything) > len(confident) > 5
    assert confident == _spans(slipped, stricter)
