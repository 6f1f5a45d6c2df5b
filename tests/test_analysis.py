"""The analysis layer: one sentence splitter, tokens, speech structures, read from real text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import _patterns, previous_word
from ficlint.analysis.tokens import tokenize
from ficlint.document import WORD


def sentences(text: str) -> list[str]:
    doc = AnalyzedDocument.from_text(text)
    return [text[s.start:s.end] for s in doc.sentences]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Smith met J. R. Hart at 5 p.m. today. She waited... and waited. Then she left!",
     ["Mr. Smith met J. R. Hart at 5 p.m. today.", "She waited... and waited.", "Then she left!"]),
    ("Julius P. Hersheimmer laughed. Mrs. Vandemeyer did not. Dr. Hall and St. John left.",
     ["Julius P. Hersheimmer laughed.", "Mrs. Vandemeyer did not.", "Dr. Hall and St. John left."]),
    ("\"Stop.\" She turned. \"Why?\" he asked.", ["\"Stop.\"", "She turned.", "\"Why?\" he asked."]),
    ("\"I was going to—\" She stopped. He waited—and waited.",
     ["\"I was going to—\"", "She stopped.", "He waited—and waited."]),
    ("*Not again.* She sighed. _Never._ Then. . . nothing. It was . . . Over.",
     ["*Not again.*", "She sighed.", "_Never._", "Then. . . nothing.", "It was . . .", "Over."]),
    ("He read Henry VIII. of course. It cost 6s. 1d. in all. No. 4 was empty.",
     ["He read Henry VIII. of course.", "It cost 6s. 1d. in all.", "No. 4 was empty."]),
    ("What?! No way… She left.", ["What?!", "No way…", "She left."]),
])
def test_one_sentence_splitter(text, expected):
    assert sentences(text) == expected


def test_sentences_do_not_cross_paragraphs_and_skip_scene_breaks():
    text = "She left\n\n* * *\n\nHe stayed. He slept."
    assert sentences(text) == ["She left", "He stayed.", "He slept."]


def test_sentence_start_says_yes_maybe_or_no():
    text = "She left. he stayed... and waited: then. Mr. Hale"
    doc = AnalyzedDocument.from_text(text)
    assert doc.sentence_start(text.index("he stayed")) == "yes"
    assert doc.sentence_start(text.index("and waited")) == "maybe"
    assert doc.sentence_start(text.index("then")) == "maybe"
    assert doc.sentence_start(text.index("Hale")) == "no"
    assert doc.sentence_start(0) == "yes"


def test_tokens_keep_contractions_whole_and_split_hyphens_and_emphasis():
    text = "“I’m *never* well-known,” she said... 3.5 goin' away!!"
    doc = AnalyzedDocument.from_text(text)
    tokens = doc.tokens
    assert tokens.text == ["“", "I’m", "never", "well", "-", "known", ",", "”", "she", "said", "...", "3.5",
                           "goin", "'", "away", "!!"]
    assert all(text[s:e] == t for s, e, t in zip(tokens.start, tokens.end, tokens.text, strict=True))
    assert [tokens.text[i] for i in tokens.of_sentence(0)][:2] == ["“", "I’m"]


def test_markup_is_not_tokens():
    text = "She clicked https://example.com/page and left."
    doc = AnalyzedDocument.from_text(text)
    assert "example" not in doc.tokens.text and doc.tokens.text[-2:] == ["left", "."]


@pytest.mark.parametrize(("text", "kind"), [
    ("\"Wait,\" she said.", "tag"),
    ("\"Wait,\" said the old man.", "tag"),
    ("\"Wait!\" She grabbed his arm.", "beat"),
    ("\"Wait,\" came the answer.", "inverted"),
    ("\"Wait,\" she surrendered.", "subject"),
    ("\"Wait.\"", "end"),
    ("\"Wait,\"she said.", "glued"),
    ("\"Wait,\" with a wave of her hand.", "other"),
])
def test_what_follows_a_quotation(text, kind):
    [quotation] = AnalyzedDocument.from_text(text).speech
    assert quotation.follows.kind == kind


def test_quotation_facts():
    doc = AnalyzedDocument.from_text(
        "She called it \"nonsense\" and left. \"Where are you going\" he asked. "
        "He read the sign: \"NO ENTRY\"")
    phrase, question, sign = doc.speech
    assert phrase.quoted_phrase and not question.quoted_phrase
    assert question.asks and question.last_mark == "letter"
    assert sign.is_label


def test_a_quotation_knows_the_one_before_it_in_the_paragraph_and_in_the_document():
    doc = AnalyzedDocument.from_text("\"Wait,\" she said, \"for me.\"\n\nHe left.\n\n\"Why?\" he asked.")
    first, second, third = doc.speech
    assert (first.earlier, second.earlier, third.earlier) == (None, first, second)
    assert (second.previous, third.previous) == (first, None)  # `previous` stays within the paragraph


def test_word_classes_align_with_tokens_and_read_fiction():
    text = "“I’m late,” said Harry. An old witch laughed at 9 AM.\n\nHe couldn’t *breathe*."
    doc = AnalyzedDocument.from_text(text)
    assert len(doc.tags) == len(doc.tokens)
    tag_of = dict(zip(doc.tokens.text, doc.tags, strict=True))
    assert tag_of["Harry"].upos == "PROPN"
    assert tag_of["witch"].upos == "NOUN"
    assert tag_of["laughed"].xpos == "VBD"
    assert tag_of["AM"].upos != "VERB"
    assert tag_of["I’m"].upos == "PRON+AUX"
    assert tag_of["breathe"].upos == "VERB"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab Z’'-,\t\n.é", max_size=30), st.integers(min_value=0, max_value=30))
def test_previous_word_is_what_the_word_before_pattern_finds(text, at):
    """clauses.previous_word reads the word before an offset with string methods; it must find
    what the pattern it replaced finds (a final newline included, as `$` allows)."""
    at = min(at, len(text))
    m = re.compile(r"([A-Za-z’'-]+)[ \t,]*$").search(text, max(0, at - 20), at)
    assert previous_word(text, at) == (m.group(1).replace("’", "'") if m else "")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab Z’'-.,!?…*_ 12:3é²½\n\t\"“”", max_size=40))
def test_tokens_are_what_the_token_pattern_finds(text):
    """tokens.tokenize lets each match take the space before its token; the tokens must be what
    the plain alternation (word | number | run of one mark) finds."""
    plain = re.compile(rf"(?P<word>{WORD.pattern})|(?P<number>\d+(?:[.,:]\d+)*)"
                       r"|(?P<mark>(?P<char>[^\w\s*_])(?P=char)*)")
    found = list(plain.finditer(text))
    tokens = tokenize(text, [(0, len(text))])
    assert tokens.text == [m.group() for m in found]
    assert tokens.start == [m.start() for m in found]
    assert tokens.is_word == [m.lastgroup == "word" for m in found]


_CLAUSE_WORDS = ["he", "she", "they", "i", "it", "who", "there", "that's", "she’s", "they're", "i'm",
                 "was", "were", "had", "didn’t", "don't", "and", "the", "his", "her", "their", "my", "our",
                 "its", "Karen", "Jana's", "Harry", "old", "radio", "crackles", "walks", "walked", "quickly",
                 "slowly", "not", "door", "swings", "open", "it’s", "hand", "says", "you", "we", "where's",
                 "here", "this", "what", "am", "is", "are", "do", "does", "has", "have", "The", "He",
                 ",", ".", "\n", "  "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_WORDS), max_size=14))
def test_finite_verb_patterns_find_what_they_find_without_their_first_letter_look(words):
    """The finite-verb finder's patterns look at a match's first letter before their
    alternations (a speed-up); they must find what the patterns without that look find."""
    text = " ".join(words)
    patterns = _patterns()
    for fast, source in ((patterns.finite, text.lower()), (patterns.noun_phrase_verb, text)):
        assert fast.pattern.startswith("(?=[")
        plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", fast.pattern))
        assert [(m.span(), m.groupdict()) for m in fast.finditer(source)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(source)]
