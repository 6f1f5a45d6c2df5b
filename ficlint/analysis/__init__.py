"""The analysis layer: what the text says, worked out once per document, lazily.

    source file -> Document (text, paragraphs, regions)
                -> AnalyzedDocument (sentences, tokens, word classes, speech, clauses, scenes)
                -> rules -> diagnostics

`AnalyzedDocument` is a `Document` with the analysis as cached properties, so
a rule that only needs regions pays for nothing else, and two rules that need
sentences share one split. Nothing here knows about any rule; rules and
reporters read it, never the other way round.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from ficlint.analysis import sentences as sentence_splitter
from ficlint.analysis.capitals import Capitals, capitals
from ficlint.analysis.clauses import Verb, finite_verbs
from ficlint.analysis.period import period_signs
from ficlint.analysis.scenes import Scene, scenes
from ficlint.analysis.speech import Quotation, quotations
from ficlint.analysis.tokens import Tokens, tokenize

if TYPE_CHECKING:
    from ficlint.analysis.tagger import Tag
from ficlint.document import Document, RegionKind, Sentence

__all__ = ["AnalyzedDocument"]

_SENTENCE_PARAGRAPHS = (RegionKind.NARRATION, RegionKind.AUTHOR_NOTE)
T = TypeVar("T")


class AnalyzedDocument(Document):
    """A manuscript file, read, and understood as far as any rule needs."""

    def memo(self, compute: Callable[[AnalyzedDocument], T]) -> T:
        """`compute(self)`, worked out once per document however many rules ask: a
        family's own reading of the text that several of its rules share (the
        spelling rules' scan of unknown words). What every family needs belongs
        in a cached property of its own instead."""
        cache: dict[Any, Any] = self.__dict__.setdefault("_memo", {})
        if compute not in cache:
            cache[compute] = compute(self)
        return cache[compute]

    # -- sentences ---------------------------------------------------------------

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of prose and note paragraphs, dialogue included (see
        ficlint/analysis/sentences.py for where one ends)."""
        found: list[Sentence] = []
        text = self.text
        for para in self.paragraphs:
            if para.kind in _SENTENCE_PARAGRAPHS:
                found.extend(Sentence(s.start, s.end, para.index)
                             for s in sentence_splitter.split(text, para.start, para.end))
        return found

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence containing `offset`, or None outside sentences."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def sentence_start(self, offset: int) -> str:
        """"yes", "maybe" or "no": does the word at `offset` open a sentence?"""
        para = self.paragraph_at(offset)
        start = para.start if para is not None else 0
        return sentence_splitter.sentence_start(self.text, offset, start)

    # -- tokens and word classes -----------------------------------------------------

    @cached_property
    def tokens(self) -> Tokens:
        """Words, numbers and marks of every sentence, markup left out."""
        holes = [(r.start, r.end) for r in self.regions if r.kind is RegionKind.MARKUP]
        return tokenize(self.text, [(s.start, s.end) for s in self.sentences], holes)

    @cached_property
    def period_signs(self) -> int:
        """How often the text hyphenates compounds as edited books of a century ago did
        (to-day, to-morrow): the signs of a period edition (ficlint/analysis/period.py)."""
        return period_signs(self.text)

    @cached_property
    def capitals(self) -> Capitals:
        """The story's words, where each stands, and how the story capitalises them
        (ficlint/analysis/capitals.py)."""
        return capitals(self, self.tokens, [s.paragraph for s in self.sentences])

    @cached_property
    def tags(self) -> list[Tag]:
        """The word class of every token (UD UPOS and Penn XPOS, fused for contractions:
        "I'm" is PRON+AUX / PRP+VBP), from the trained tagger (ficlint/analysis/tagger.py),
        aligned with `tokens`. Tagged once, on first use."""
        from ficlint.analysis.tagger import tag_words  # numpy and the model load only when asked

        return tag_words(self.tokens.text, self.tokens.sentence_first)

    def tagged_sentences(self, indices: Iterable[int]) -> tuple[Tokens, list[Tag]]:
        """The tokens and word classes of a few sentences only, in text order (`Tokens.sentence`
        holds each token's index into `sentences`; `sentence_first` is per sentence returned),
        for a rule that needs word classes around a handful of places: the tagger reads each
        sentence on its own, so these are the tags `tags` would give, at a fraction of the cost
        of a whole document. Taken from `tokens` and `tags` when those are worked out already."""
        from ficlint.analysis.tagger import tag_words

        wanted = sorted(set(indices))
        if "tags" in self.__dict__:
            return _slice(self.tokens, self.tags, wanted)
        holes = [(r.start, r.end) for r in self.regions if r.kind is RegionKind.MARKUP]
        sentences = self.sentences
        tokens = tokenize(self.text, [(sentences[i].start, sentences[i].end) for i in wanted], holes)
        tokens.sentence = [wanted[i] for i in tokens.sentence]
        return tokens, tag_words(tokens.text, tokens.sentence_first)

    # -- speech -------------------------------------------------------------------------

    @cached_property
    def speech(self) -> list[Quotation]:
        """Every quotation of the prose, with the tag or beat around it (ficlint/analysis/speech.py)."""
        return quotations(self)

    # -- clauses and scenes ------------------------------------------------------------

    @cached_property
    def finite_verbs(self) -> list[Verb]:
        """Every finite verb of the narration with its subject and tense (ficlint/analysis/clauses.py)."""
        return finite_verbs(self)

    @cached_property
    def narrative(self) -> list[Scene]:
        """The scenes with narration verbs, each with its narrative tense (ficlint/analysis/scenes.py)."""
        return scenes(self, self.finite_verbs)


def _slice(tokens: Tokens, tags: list[Tag], wanted: list[int]) -> tuple[Tokens, list[Tag]]:
    """The tokens and tags of the sentences `wanted` (sorted), out of a whole document's."""
    part, part_tags = Tokens(), []
    for index in wanted:
        part.sentence_first.append(len(part.text))
        for i in tokens.of_sentence(index):
            part.text.append(tokens.text[i])
            part.start.append(tokens.start[i])
            part.end.append(tokens.end[i])
            part.is_word.append(tokens.is_word[i])
            part.sentence.append(index)
            part_tags.append(tags[i])
    return part, part_tags
