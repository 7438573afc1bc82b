"""Train the tone checker's intent models from ``corpus/`` (run by ``make model``).

For each locale: every message of the training and development writers is read by the
checker itself (``Checker._sentences``), so the model is trained on exactly the features a
check computes. A sentence is discourteous when it overlaps one of its message's offending
sentences; the sentences of courteous messages are courteous; the other sentences of a
discourteous message are left out (they are often a plain greeting, but not always).

- Cross-validation by writer (each writer's messages predicted by a model that never saw
  that writer) gives the message-level probabilities from which the thresholds are chosen:
  the lowest warning cut at which rules and model together flag at most ``MAX_FALSE_ALARMS``
  of the courteous messages, and an error cut with at most ``MAX_ERROR_ALARMS``.
- The shipped model is then fitted on all training and development writers. Word features
  used by only one writer are dropped, so the model cannot learn one person's habits.
- The test writers are never read here: ``scripts/evaluate_intent.py`` reports on them.

scikit-learn is a development dependency only; the shipped file is plain JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
from corpus import AUXILIARY, LOCALES, ROOT, STACK_EXCHANGE, load, splits, training_digest
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from followkit.tone import Checker, Config
from followkit.tone._intent import FORMAT
from followkit.tone._rules import INTENT_CATEGORIES

if TYPE_CHECKING:
    from collections.abc import Callable

MODELS = ROOT / "src" / "followkit" / "tone" / "intent"
#: Share of courteous messages that may be flagged (warning or error) on held-out writers.
MAX_FALSE_ALARMS = 0.045
#: Share of courteous messages that may get an error from the model on held-out writers.
MAX_ERROR_ALARMS = 0.005
#: Regularisation (inverse strength) of the sentence model and of the category models.
C_SENTENCE = 4.0
C_CATEGORY = 0.5
#: Weight of a sentence by its writer (1 if not named): Stack Overflow's requests teach that a
#: plain request is no discourtesy, at a weight chosen by cross-validation by writer (the
#: follow-ups' recall) and on the Stack Exchange communities the model never sees.
WRITER_WEIGHT = {STACK_EXCHANGE: 0.3}
#: A word feature must be used by this many writers to be kept.
MIN_WRITERS = 2
#: Features that mean the same in every locale, learnt from every locale's sentences too.
SHARED = ("c:", "s:")
#: Weight of another locale's sentence in a locale's model, chosen by cross-validation by
#: writer: English has the most writers of its own and does best alone.
SHARED_WEIGHT = {"en": 0.0, "de": 0.5, "fr": 0.5, "es": 0.5}
#: Smallest category weight kept: leaving out the smaller ones (two thirds of them) did not
#: change how often the held-out writers' category was named first (0.782 vs 0.783).
CATEGORY_CUT = 0.05
#: A category needs this many discourteous sentences to get a model of its own.
MIN_CATEGORY = 12


def offending_spans(row: dict) -> list[tuple[int, int]]:
    """Where the offending sentences stand in the message's text."""
    spans = []
    for sentence in row["offending"]:
        at = row["text"].find(sentence)
        while at >= 0:
            spans.append((at, at + len(sentence)))
            at = row["text"].find(sentence, at + 1)
    return spans


class Read:
    """A message as the checker reads it: its sentences, features and the rules' verdict."""

    def __init__(self, checker: Checker, row: dict) -> None:
        self.row = row
        self.writer = row["writer"]
        self.label = int(row["label"] == "discourteous")
        self.sentences = checker._sentences(row["text"])
        self.rules_flag = not checker.check(row["text"]).ok
        spans = offending_spans(row)
        self.sentence_labels: list[int | None] = []
        for sentence in self.sentences:
            hit = any(s < sentence.end and sentence.start < e for s, e in spans)
            if not self.label:
                self.sentence_labels.append(0)
            else:
                self.sentence_labels.append(1 if hit else None)


def kept_features(reads: list[Read]) -> set[str]:
    """Features used by at least MIN_WRITERS writers (constructions and form always)."""
    writers: dict[str, set[str]] = defaultdict(set)
    for read in reads:
        for sentence in read.sentences:
            for feature in sentence.features:
                writers[feature].add(read.writer)
    return {f for f, who in writers.items() if len(who) >= MIN_WRITERS or f[0] in "cs"}


#: Labelled sentences: feature rows, labels and sample weights.
Matrix = tuple[list[dict[str, int]], list[int], list[float]]


def sentence_matrix(reads: list[Read], keep: Callable[[str], bool]) -> Matrix:
    """The labelled sentences as feature rows (the features *keep* accepts), labels, weights."""
    rows, labels, weights = [], [], []
    for read in reads:
        weight = WRITER_WEIGHT.get(read.writer, 1.0)
        for sentence, label in zip(read.sentences, read.sentence_labels, strict=True):
            if label is not None:
                rows.append({f: 1 for f in sentence.features if keep(f)})
                labels.append(label)
                weights.append(weight)
    return rows, labels, weights


def shared(reads: list[Read]) -> Matrix:
    """Sentences of other locales, with only their locale-independent features.

    Constructions and strategies mean the same in every locale.
    """
    return sentence_matrix(reads, lambda feature: feature.startswith(SHARED))


def fit(
    reads: list[Read], others: Matrix = ([], [], [])
) -> tuple[DictVectorizer, LogisticRegression, set[str]]:
    """The sentence model of *reads*, with *others* (other locales' rows) weighed in."""
    keep = kept_features(reads)
    rows, labels, weights = sentence_matrix(reads, keep.__contains__)
    share = SHARED_WEIGHT[reads[0].row["locale"]]
    weights += [share * weight for weight in others[2]]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows + others[0])
    classifier = LogisticRegression(
        C=C_SENTENCE, class_weight="balanced", solver="lbfgs", max_iter=3000
    )
    classifier.fit(x, np.array(labels + others[1]), sample_weight=weights)
    return vectorizer, classifier, keep


def message_probabilities(
    reads: list[Read], vectorizer: DictVectorizer, classifier: LogisticRegression, keep: set[str]
) -> list[float]:
    """Each message's probability: that of its most discourteous sentence."""
    result = []
    for read in reads:
        if not read.sentences:
            result.append(0.0)
            continue
        x = vectorizer.transform([{f: 1 for f in s.features if f in keep} for s in read.sentences])
        result.append(float(classifier.predict_proba(x)[:, 1].max()))
    return result


def cross_validate(reads: list[Read], others: Matrix = ([], [], [])) -> list[float]:
    """Out-of-fold message probabilities: each writer predicted by a model without them."""
    writers = sorted({read.writer for read in reads})
    probabilities = [0.0] * len(reads)
    for writer in writers:
        training = [read for read in reads if read.writer != writer]
        if not any(read.label for read in training):
            continue
        model = fit(training, others)
        held = [i for i, read in enumerate(reads) if read.writer == writer]
        for index, value in zip(
            held, message_probabilities([reads[i] for i in held], *model), strict=True
        ):
            probabilities[index] = value
    return probabilities


def choose_thresholds(reads: list[Read], probabilities: list[float]) -> tuple[float, float]:
    """The warning and error cuts (see the module's docstring)."""
    courteous = [(r, p) for r, p in zip(reads, probabilities, strict=True) if not r.label]
    candidates = sorted(set(probabilities) | {0.5, 0.99})
    warning = 0.99
    for cut in candidates:
        if cut < 0.3:
            continue
        alarms = sum(1 for r, p in courteous if r.rules_flag or p >= cut)
        if alarms <= MAX_FALSE_ALARMS * len(courteous):
            warning = cut
            break
    error = max(warning, 0.9)
    for cut in candidates:
        if cut < error:
            continue
        if sum(1 for _r, p in courteous if p >= cut) <= MAX_ERROR_ALARMS * len(courteous):
            error = cut
            break
    return warning, error


def metrics(reads: list[Read], probabilities: list[float], warning: float) -> dict:
    flagged = [r.rules_flag or p >= warning for r, p in zip(reads, probabilities, strict=True)]
    rude = [f for f, r in zip(flagged, reads, strict=True) if r.label]
    polite = [f for f, r in zip(flagged, reads, strict=True) if not r.label]
    rules_rude = [r.rules_flag for r in reads if r.label]
    labels = [r.label for r in reads]
    result = {
        "messages": len(reads),
        "discourteous": len(rude),
        "recall": round(sum(rude) / max(1, len(rude)), 4),
        "false_alarms": round(sum(polite) / max(1, len(polite)), 4),
        "rules_only_recall": round(sum(rules_rude) / max(1, len(rules_rude)), 4),
        "rules_only_false_alarms": round(
            sum(r.rules_flag for r in reads if not r.label) / max(1, len(polite)), 4
        ),
    }
    if 0 < sum(labels) < len(labels):
        result["model_auc"] = round(float(roc_auc_score(labels, probabilities)), 4)
    return result


def category_models(reads: list[Read], keep: set[str]) -> dict[str, dict]:
    """P(category | discourteous sentence), one-vs-rest, for the categories with data."""
    rows, targets = [], []
    for read in reads:
        for sentence, label in zip(read.sentences, read.sentence_labels, strict=True):
            if label == 1:
                rows.append({f: 1 for f in sentence.features if f in keep})
                targets.append(set(read.row["categories"]))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    names = vectorizer.get_feature_names_out()
    result = {}
    for category in INTENT_CATEGORIES:
        y = np.array([int(category in t) for t in targets])
        if y.sum() < MIN_CATEGORY or y.sum() == len(y):
            continue
        classifier = LogisticRegression(
            C=C_CATEGORY, class_weight="balanced", solver="lbfgs", max_iter=3000
        )
        classifier.fit(x, y)
        result[category] = export(names, classifier, CATEGORY_CUT)
    return result


def export(names, classifier: LogisticRegression, cut: float = 5e-4) -> dict:
    """The model as data: its intercept and the weights of at least *cut* (in logits)."""
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, classifier.coef_[0], strict=True)
        if abs(w) >= cut
    }
    return {"intercept": round(float(classifier.intercept_[0]), 4), "weights": weights}


def read_locale(locale: str) -> list[Read]:
    """The training and development messages of *locale*, read by the checker."""
    # The rules alone: their verdict, and the sentences a check reads.
    checker = Checker(locale, Config(disable=["intent"]))
    return [Read(checker, row) for row in load(locale, "train", "dev")]


def train(locale: str, corpus_digest: str, everything: dict[str, list[Read]]) -> dict:
    reads = everything[locale]
    if not any(read.label for read in reads):
        sys.exit(f"{locale}: no discourteous message in the training and development writers")
    others: Matrix = ([], [], [])
    if SHARED_WEIGHT[locale]:
        # Not the Stack Overflow requests: by cross-validation they cost the other locales
        # recall (their English questions say little of how a German one reads).
        others = shared(
            [
                r
                for other, rs in everything.items()
                if other != locale
                for r in rs
                if r.writer != STACK_EXCHANGE
            ]
        )
    probabilities = cross_validate(reads, others)
    # Thresholds and figures come from people's follow-ups: followkit's own drafts and the
    # Stack Overflow requests are trained on (they must read as courteous) but would flatter
    # the false-alarm rate.
    people = [i for i, r in enumerate(reads) if r.writer not in AUXILIARY]
    warning, error = choose_thresholds(
        [reads[i] for i in people], [probabilities[i] for i in people]
    )
    cv = metrics([reads[i] for i in people], [probabilities[i] for i in people], warning)
    dev = [i for i, r in enumerate(reads) if splits()[r.writer] == "dev"]
    dev_metrics = metrics([reads[i] for i in dev], [probabilities[i] for i in dev], warning)
    vectorizer, classifier, keep = fit(reads, others)
    names = vectorizer.get_feature_names_out()
    binary = export(names, classifier)
    model = {
        "format": FORMAT,
        "locale": locale,
        "corpus_digest": corpus_digest,
        "intercept": binary["intercept"],
        "weights": binary["weights"],
        "categories": category_models(reads, keep),
        "thresholds": {"warning": warning, "error": error},
        "training": {
            "writers": sorted({r.writer for r in reads}),
            "messages": len(reads),
            "discourteous": sum(r.label for r in reads),
            "cross_validation_by_writer": cv,
            "dev_writers": dev_metrics,
        },
    }
    path = MODELS / f"{locale}.model.json"
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    size = path.stat().st_size
    print(
        f"{locale}: {len(reads)} messages from {len(model['training']['writers'])} writers, "
        f"{len(binary['weights'])} weights, {len(model['categories'])} category models, "
        f"{size / 1024:.0f} KiB; thresholds warning {warning:.3f} error {error:.3f}\n"
        f"    cross-validation by writer: {cv}\n    dev writers: {dev_metrics}"
    )
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("locales", nargs="*", default=list(LOCALES))
    args = parser.parse_args()
    # The model records what it was trained on: the training and development files.
    corpus_digest = training_digest()
    everything = {locale: read_locale(locale) for locale in LOCALES}
    for locale in args.locales:
        train(locale, corpus_digest, everything)


if __name__ == "__main__":
    main()
