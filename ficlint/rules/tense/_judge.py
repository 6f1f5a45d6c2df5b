"""What the tense rules share: which verbs in the other tense than their scene's may be slips, and
how sure ficlint is that each one is (see T001's and T002's docstrings for the policy).

The analysis layer finds the verbs (`doc.finite_verbs`) and the scenes' tenses (`doc.narrative`).
Here every finite verb of a scene in the other tense is a candidate, except where the policy
says another tense is right whatever the context:

- the reader addressed as "you", and a first-person narrator's asides ("I remember", "we know");
- in a past-tense scene, a generic subject with a present verb: a timeless statement ("Sailors
  are a superstitious lot", "all cats hate water"), and so is a mass noun without a determiner
  beside "never", "always" and the like ("dark magic is never free");
- a modal ("can", "will"; "could", "would" in a present-tense scene) outside a drifted stretch:
  "would" and "could" are futures and conditions in any narration;
- a document quoted whole (a letter, anything introduced by a line ending in a colon) and a
  narrator's commentary to the reader;
- in a present-tense scene, "used to" (backstory).

Every candidate of a drifted paragraph (ficlint/rules/tense/_drift.py) is a slip. Outside drifts
the slip model (ficlint/rules/tense/_model.py) weighs each candidate's features
(ficlint/rules/tense/_features.py) and reports those past its threshold.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ficlint.analysis import AnalyzedDocument
from ficlint.analysis.clauses import Verb
from ficlint.analysis.lexicon import PAST, PRESENT, lexicon
from ficlint.analysis.scenes import Scene, SceneTense
from ficlint.diagnostics import Diagnostic, Fix, keep_case
from ficlint.rule import Rule
from ficlint.rules.tense._drift import drifted_paragraphs, quoted_document, slip_in_drift
from ficlint.rules.tense._features import DocumentContext, document_context, features, first_person, generic_words
from ficlint.rules.tense._model import slip_model

_DRIFT_CERTAINTY = 0.85  # how sure a verb of a drifted paragraph is a slip
FIX_SAFETY = (
    "Unsafe: the writer may have meant the change of tense (a flashback, a timeless truth, an aside)."
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A verb in the other tense than its scene's that may be a slip, with what the model reads."""

    verb: Verb
    scene: Scene
    drifted: bool
    features: list[str]


def candidates(doc: AnalyzedDocument, tense: str) -> Iterator[Candidate]:
    """Every verb in the other tense of every scene told in `tense` that the policy lets be a slip."""
    context = None
    for scene in doc.narrative:
        if scene.tense is None or scene.tense.tense != tense:
            continue
        drifted: set[int] | None = None
        narrator: bool | None = None
        for position, paragraph in enumerate(scene.paragraphs):
            for verb in paragraph.verbs:
                if verb.tense == tense or not verb.fix or not _may_slip(verb, tense):
                    continue
                if drifted is None:
                    drifted = drifted_paragraphs(doc, scene)
                    narrator = first_person(scene)
                in_drift = paragraph.index in drifted
                if verb.kind == "modal" and not in_drift or quoted_document(doc, paragraph.index):
                    continue
                if in_drift and not slip_in_drift(verb):
                    continue
                if context is None:
                    context = doc.memo(document_context)
                if tense == PAST and _timeless(context, verb):
                    continue
                found = features(context, scene, position, verb, drifted, bool(narrator))
                yield Candidate(verb, scene, in_drift, found)


def _may_slip(verb: Verb, tense: str) -> bool:
    """Policy: the reader as "you", a narrator's asides, timeless generic statements, "used to"."""
    if verb.subject == "you":
        return False
    if verb.subject in ("i", "we") and verb.subject_kind in ("pronoun", "and"):
        if verb.word.lower().replace("’", "'").removesuffix("n't") in lexicon().aside_verbs:
            return False
    if tense == PAST:
        return not verb.generic_subject
    return verb.aspect != "habitual"


def _timeless(context: DocumentContext, verb: Verb) -> bool:
    """A mass or abstract noun without a determiner and a word such as "never" or "always" in the
    sentence: a timeless statement ("Dark magic is never free")."""
    if verb.subject_kind != "noun" or verb.determiner or verb.person != "3sg":
        return False
    return bool(set(context.sentence_words(verb.sentence)) & generic_words())


def findings(doc: AnalyzedDocument, rule: Rule, tense: str) -> Iterator[Diagnostic]:
    """`rule`'s diagnostics: the slips in every scene told in `tense`."""
    model = slip_model(tense)
    for candidate in candidates(doc, tense):
        assert candidate.scene.tense is not None
        if candidate.drifted:
            yield _diagnostic(doc, candidate.verb, candidate.scene.tense, rule, _DRIFT_CERTAINTY, True)
            continue
        probability = model.probability(candidate.features)
        if probability >= model.threshold:
            yield _diagnostic(doc, candidate.verb, candidate.scene.tense, rule, probability, False)


def _diagnostic(doc: AnalyzedDocument, verb: Verb, tense: SceneTense, rule: Rule, certainty: float,
                drift: bool) -> Diagnostic:
    if verb.contracted:
        fix = verb.fix
        suggestion = doc.text[doc.tokens.start[verb.token]:verb.start] + fix  # "she's" -> "she was"
    else:
        fix = suggestion = keep_case(verb.word, verb.fix)
    other = PRESENT if tense.tense == PAST else PAST
    if drift:
        message = (
            f'"{verb.word}" is in the {other} tense, but {tense.describe()}, and this paragraph has '
            f'drifted into the {other}: did you mean "{suggestion}"?'
        )
    else:
        message = (
            f'"{verb.word}" is in the {other} tense, but {tense.describe()}: did you mean "{suggestion}"?'
        )
    return Diagnostic(
        rule.id,
        verb.start,
        verb.end,
        message,
        (Fix(verb.start, verb.end, fix, safe=False),),
        confidence=round(tense.confidence * certainty, 2),
        data={"scene_tense": tense.tense, "scene_share": round(tense.share, 2), "drift": drift,
              "verb_kind": verb.kind, "subject": verb.subject, "subject_kind": verb.subject_kind,
              "slip_probability": round(certainty, 2)},
    )
