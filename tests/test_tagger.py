"""The part-of-speech tagger on the kind of text ficlint reads: fiction narration and dialogue."""

from __future__ import annotations

import pytest

from ficlint.analysis.tagger import TOKEN, Tag, load_tagger, tag_words, tokenize


def tagged(text: str) -> list[tuple[str, Tag]]:
    """Tokens of one or more sentences, with the tags the shipped model gives them."""
    spans = tokenize(text)
    words = [text[a:b] for a, b in spans]
    starts = [0] + [i + 1 for i, w in enumerate(words[:-1]) if w in {".", "!", "?"}]
    return list(zip(words, tag_words(words, starts), strict=True))


def tag_of(text: str, word: str, nth: int = 0) -> Tag:
    found = [t for w, t in tagged(text) if w == word]
    assert len(found) > nth, f"{word!r} not a token of {text!r}"
    return found[nth]


# -- tokens -------------------------------------------------------------------------
def test_tokens_keep_contractions_and_possessives_whole_and_drop_emphasis_marks() -> None:
    text = "“I don’t *care*,” said Harry's owl... at 10:30 -- well-known."
    assert [text[a:b] for a, b in tokenize(text)] == [
        "“", "I", "don’t", "care", ",", "”", "said", "Harry's", "owl", "...", "at", "10:30", "--",
        "well", "-", "known", ".",
    ]


def test_the_token_pattern_finds_words_as_the_document_model_does() -> None:
    from ficlint.document import WORD

    text = "Y'all're gonna love Ma’am's pie, James' too."
    words = [m.group(0) for m in TOKEN.finditer(text) if m.group(0)[0].isalpha()]
    assert words == WORD.findall(text)


# -- names and capitals -------------------------------------------------------------
@pytest.mark.parametrize(("text", "name"), [
    ("Then Hermione looked at Draco across the table.", "Hermione"),
    ("Then Hermione looked at Draco across the table.", "Draco"),
    ("“Stop it,” snapped Kacchan, glaring at the door.", "Kacchan"),
    ("He handed the letter to Ginny and left.", "Ginny"),
])
def test_capitalised_names_mid_sentence_are_proper_nouns(text: str, name: str) -> None:
    assert tag_of(text, name) == Tag("PROPN", "NNP")


@pytest.mark.parametrize(("text", "word"), [
    ("The Dark Lord will not forgive you.", "Lord"),
    ("There was a quarrel between Aunt Em and the hen.", "Aunt"),
    ("They stopped short, Uncle Henry trembling with cold.", "Uncle"),
    ("“Come along,” said the Badger, impressively.", "Badger"),
])
def test_a_common_noun_capitalised_mid_sentence_is_part_of_a_name(text: str, word: str) -> None:
    assert tag_of(text, word).upos == "PROPN"


def test_the_same_common_nouns_in_lowercase_stay_nouns() -> None:
    assert tag_of("The lord of the manor will not forgive you.", "lord").upos == "NOUN"
    assert tag_of("My aunt and my uncle came to stay.", "aunt").upos == "NOUN"
    assert tag_of("A badger dug under the fence.", "badger").upos == "NOUN"


def test_a_capitalised_common_word_starting_a_sentence_is_not_a_proper_noun() -> None:
    assert tag_of("Witches gathered around the fire.", "Witches").upos == "NOUN"
    assert tag_of("The door creaked. Slowly, she turned the handle.", "Slowly").upos == "ADV"
    assert tag_of("“Bring the lamp,” he said.", "Bring").upos == "VERB"


def test_a_name_starting_a_sentence_is_still_a_proper_noun() -> None:
    assert tag_of("Harry smiled. Hermione rolled her eyes.", "Hermione").upos == "PROPN"


@pytest.mark.parametrize("text", [
    "We left at 9 AM and came back at 5 PM.",
    "The train leaves at 6 AM sharp.",
    "“OK,” she said. “Fine.”",
    "It was OK, I suppose.",
])
def test_am_pm_and_ok_are_not_verbs(text: str) -> None:
    for word, tag in tagged(text):
        if word in ("AM", "PM", "OK"):
            assert tag.upos not in ("VERB", "AUX"), (word, tag)


# -- contractions and possessives ------------------------------------------------------
def test_contractions_carry_both_words_tags() -> None:
    text = "“I'm sure you don't know, and he's gone, and she'd left, and it's late,” he said."
    assert tag_of(text, "I'm") == Tag("PRON+AUX", "PRP+VBP")
    assert tag_of(text, "don't") == Tag("AUX+PART", "VBP+RB")
    assert tag_of(text, "he's").parts[0] == Tag("PRON", "PRP")
    assert tag_of(text, "he's").parts[1].upos == "AUX"
    assert tag_of(text, "it's") == Tag("PRON+AUX", "PRP+VBZ")
    assert tag_of(text, "she'd").upos == "PRON+AUX"


def test_gonna_and_yall_are_tagged_as_their_parts() -> None:
    assert tag_of("I'm gonna find him tonight.", "gonna").upos == "VERB+PART"
    assert tag_of("Are y'all coming to the dance?", "y'all").head.upos == "PRON"


def test_possessive_s_is_a_particle_after_a_name() -> None:
    tag = tag_of("Harry's wand snapped in two.", "Harry's")
    assert tag == Tag("PROPN+PART", "NNP+POS")
    assert tag.head == Tag("PROPN", "NNP") and tag.is_fused
    assert tag_of("Harry's wand snapped in two.", "wand").upos == "NOUN"


def test_its_contraction_and_possessive_are_told_apart() -> None:
    assert tag_of("It's raining again.", "It's").upos == "PRON+AUX"
    assert tag_of("The dog wagged its tail.", "its") == Tag("PRON", "PRP$")


def test_curly_and_straight_apostrophes_tag_alike() -> None:
    straight = [t for _, t in tagged("I don't think she's Harry's friend.")]
    curly = [t for _, t in tagged("I don’t think she’s Harry’s friend.")]
    assert straight == curly


# -- the verb forms the rules read ------------------------------------------------------
def test_an_old_witch_is_a_noun() -> None:
    assert tag_of("An old witch laughed at the gate.", "witch") == Tag("NOUN", "NN")
    assert tag_of("An old witch laughed at the gate.", "laughed") == Tag("VERB", "VBD")


def test_a_past_form_after_a_modal_is_still_a_verb_form() -> None:
    tag = tag_of("They'll led the horses out before dawn.", "led")
    assert tag.upos == "VERB" and tag.xpos in ("VBD", "VBN", "VB")


def test_breath_after_to_is_still_a_noun() -> None:
    assert tag_of("She forgot to breath for a moment.", "breath").upos == "NOUN"


def test_verb_forms_are_told_apart() -> None:
    text = "She has walked here, she walks here, she walked here and she is walking here."
    assert tag_of(text, "walked", 0).xpos == "VBN"
    assert tag_of(text, "walks").xpos == "VBZ"
    assert tag_of(text, "walked", 1).xpos == "VBD"
    assert tag_of(text, "walking").xpos == "VBG"
    assert tag_of("You should go.", "should") == Tag("AUX", "MD")


def test_words_inside_emphasis_are_tagged_like_any_other() -> None:
    plain = [t for _, t in tagged("She really meant it.")]
    emphasised = [t for _, t in tagged("She *really* meant it.")]
    assert emphasised == plain
    assert tag_of("She *really* meant it.", "really").upos == "ADV"


# -- the interface ------------------------------------------------------------------
def test_empty_input_and_out_of_range_sentence_starts() -> None:
    assert tag_words([]) == []
    assert len(tag_words(["Go", "."], [0, 1, 7, -3])) == 2


def test_the_model_loads_once() -> None:
    assert load_tagger() is load_tagger()


def test_a_document_tags_as_its_sentences_do() -> None:
    first = ["Harry", "opened", "the", "door", "."]
    second = ["Ginny", "laughed", "."]
    together = tag_words(first + second, [0, len(first)])
    assert together == tag_words(first, [0]) + tag_words(second, [0])


def test_the_tagger_marks_sentence_starts_as_training_did() -> None:
    from ficlint.analysis.tagger import sentence_keys

    text = '“Go,” she said. ... “Now!” Then "Harry" left. 9 AM. — Ron ran.'
    words = [text[a:b] for a, b in tokenize(text)]
    starts = [0, 6, 12, 20, 23]
    tagger = load_tagger()
    import numpy as np

    rows = tagger._token_rows(words, np.asarray(starts))
    assert rows.tolist() == tagger._rows(sentence_keys(words, starts)).tolist()


def test_forgetting_the_type_cache_never_happens_halfway_through_a_text(monkeypatch) -> None:
    # a long-lived process forgets its cached word types past MAX_CACHED_TYPES; the words of one
    # text must all be looked up in the same cache, or a text after many others crashes the tagger
    import ficlint.analysis.tagger as tagger

    words = ["Zorbled", "quimble", "the", "frask", "of", "Yarrowmere", "."] * 3
    starts = list(range(0, len(words), 7))
    expected = tag_words(words, starts)
    monkeypatch.setattr(tagger, "MAX_CACHED_TYPES", len(load_tagger()._type_row) + 12)
    tag_words([f"blorp{i}" for i in range(8)])
    assert tag_words(words, starts) == expected
    assert tag_words(words, list(range(len(words)))) == tag_words(words, list(range(len(words))))


def test_new_word_types_worked_out_together_have_the_features_of_each_alone() -> None:
    # the first tagging of a document works out its thousands of new types in one batch
    from ficlint.analysis.tagger import INITIAL, PAD, _Words

    tagger = load_tagger()
    forms = ["the", "The", "THE", "I", "OK", "Harry’s", "don't", "“", "”", "'", "...", "10:30", "x²",
             "İstanbul", "ǅemal", "ﬁne", "well", "-", "Zorbled", "a", "ab", "abc", "abcd", "abcde",
             "McGonagall"]
    keys = [*forms, *(INITIAL + f for f in forms), PAD]
    words = _Words(keys)
    assert tagger._feature_grid(words).tolist() == [tagger._feature_ids(k) for k in keys]
    from ficlint.analysis.tagger import conjunction_class

    one_by_one = [conjunction_class(k, tagger.lexicon, tagger._top, tagger._fine_classes) for k in keys]
    assert tagger._conjunction_classes(words).tolist() == one_by_one


def test_a_long_text_is_tagged_in_chunks_of_whole_sentences_as_in_one(monkeypatch) -> None:
    import ficlint.analysis.tagger as tagger

    text = ("“I don’t know,” said Harry. The owl flew off at 9 AM! Was it Ron's? "
            "Hermione sighed, and the well-known castle stood dark. ") * 40
    words = [text[a:b] for a, b in tokenize(text)]
    starts = [0] + [i + 1 for i, w in enumerate(words[:-1]) if w in {".", "!", "?"}]
    whole = tag_words(words, starts)
    monkeypatch.setattr(tagger, "CHUNK_TOKENS", 25)
    tagger.load_tagger()._forget_types()
    assert tag_words(words, starts) == whole
