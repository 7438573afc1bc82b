"""The learned intent layer: a linear model that reads each sentence of a message (not public).

The phrase rules catch what their authors wrote down; this layer reads what they did not.
A sparse logistic model per locale, trained by ``make model`` on the corpus in ``corpus/``
(writers kept apart between training, development and test), scores every sentence from
its features (:mod:`followkit.tone._features`). A message reads as discourteous as much as
its most discourteous sentence does. A second set of models, one per category, tells what
kind of discourtesy a flagged sentence shows.

Inference is plain Python over a JSON file per locale (``tone/intent/<locale>.model.json``):
no numpy, deterministic, loaded on first use.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import functools
import json
import math
from typing import TYPE_CHECKING, Any, NamedTuple

from followkit.tone._cache import cached
from followkit.tone._features import Lexicon, Sentence, lexicon
from followkit.tone._rules import read_data

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["FORMAT", "Flag", "IntentModel", "Reading", "model"]

#: The model file format this code reads.
FORMAT = 1
#: Sentences below this probability are not read for their categories: they cannot change
#: a category's probability by more than this.
CATEGORY_FLOOR = 0.1
#: Most words a finding names as the evidence that weighed most.
MAX_EVIDENCE = 3
#: Least weight (in logits) of a feature named as evidence: a word that barely counts
#: explains nothing.
MIN_EVIDENCE = 0.25


def _sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, value))))


class Flag(NamedTuple):
    """A sentence the model reads as discourteous."""

    start: int
    end: int
    probability: float
    category: str
    evidence: tuple[tuple[int, int], ...]


class Reading(NamedTuple):
    """What the model reads in a text."""

    probability: float
    categories: dict[str, float]
    flags: tuple[Flag, ...]


class IntentModel:
    """One locale's model: weights, category models and thresholds (built from its file)."""

    __slots__ = (
        "categories",
        "digest",
        "error",
        "intercept",
        "lexicon",
        "locale",
        "warning",
        "weights",
    )

    def __init__(self, data: Mapping[str, Any], lex: Lexicon) -> None:
        if data.get("format") != FORMAT:
            msg = f"model format {data.get('format')!r}; this version reads {FORMAT}"
            raise ValueError(msg)
        self.locale: str = data["locale"]
        self.digest: str = data["corpus_digest"]
        self.intercept: float = float(data["intercept"])
        self.weights: dict[str, float] = data["weights"]
        self.categories: dict[str, tuple[float, dict[str, float]]] = {
            name: (float(model["intercept"]), model["weights"])
            for name, model in sorted(data["categories"].items())
        }
        self.warning: float = float(data["thresholds"]["warning"])
        self.error: float = float(data["thresholds"]["error"])
        self.lexicon = lex

    def logit(self, sentence: Sentence) -> float:
        """The discourtesy logit of one sentence."""
        get = self.weights.get
        # Features come in a fixed order, so a plain sum is as repeatable as fsum, and faster.
        return self.intercept + sum(filter(None, map(get, sentence.features)))

    def read(self, sentences: Sequence[Sentence]) -> Reading:
        """Score each sentence; flag those at or above the warning threshold."""
        if not sentences:
            return Reading(0.0, dict.fromkeys(self.categories, 0.0), ())
        probabilities = [_sigmoid(self.logit(sentence)) for sentence in sentences]
        top = max(range(len(sentences)), key=probabilities.__getitem__)
        categories = dict.fromkeys(self.categories, 0.0)
        flags = []
        for index, (sentence, probability) in enumerate(zip(sentences, probabilities, strict=True)):
            if probability < CATEGORY_FLOOR and index != top:
                continue
            given = self.category_probabilities(sentence)
            for name, value in given.items():
                categories[name] = max(categories[name], probability * value)
            if probability >= self.warning:
                category = max(given, key=given.__getitem__) if given else "discourteous"
                flags.append(
                    Flag(
                        sentence.start,
                        sentence.end,
                        probability,
                        category,
                        self.evidence(sentence),
                    )
                )
        return Reading(probabilities[top], categories, tuple(flags))

    def category_probabilities(self, sentence: Sentence) -> dict[str, float]:
        """P(category | the sentence is discourteous), for each modelled category."""
        result = {}
        for name, (intercept, weights) in self.categories.items():
            total = sum(filter(None, map(weights.get, sentence.features)))
            result[name] = _sigmoid(intercept + total)
        return result

    def evidence(self, sentence: Sentence) -> tuple[tuple[int, int], ...]:
        """The spans of the words that weighed most towards discourtesy, in text order."""
        weighed = sorted(
            (
                (weight, span)
                for feature in sentence.features
                if (weight := self.weights.get(feature, 0.0)) >= MIN_EVIDENCE
                and (span := sentence.span(feature))[1] > span[0]
                and span != (sentence.start, sentence.end)
            ),
            key=lambda item: (-item[0], item[1]),
        )
        chosen: list[tuple[int, int]] = []
        for _weight, (start, end) in weighed:
            if any(start < e and s < end for s, e in chosen):
                continue
            chosen.append((start, end))
            if len(chosen) == MAX_EVIDENCE:
                break
        return tuple(sorted(chosen))


@functools.cache
def model(language: str) -> IntentModel | None:
    """The intent model of a language, or ``None`` if it has none."""
    try:
        source = read_data("intent", f"{language}.model.json")
    except FileNotFoundError:
        return None
    # Parsed once per user: reading the parsed form back is several times faster.
    return IntentModel(cached(f"intent-{language}", source, json.loads), lexicon(language))
