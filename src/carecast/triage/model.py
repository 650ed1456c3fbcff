"""triage's model: the weights ``make train`` fitted with scikit-learn, read from plain
JSON and applied here in pure Python (TF-IDF beside the message's sentence embedding from
:mod:`carecast.triage.encoder`, then a linear model and softmax), so classifying needs
neither scikit-learn nor a pickle.

The arithmetic mirrors scikit-learn's ``TfidfVectorizer`` (lower-cased text, word
n-grams of ``(?u)\\b\\w\\w+\\b`` tokens, character n-grams within words padded by a
space, sublinear term frequency, idf, l2 norm per vectoriser) and multinomial
``LogisticRegression.predict_proba``; a test checks the two agree.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from carecast.errors import SetupError
from carecast.triage import encoder

CATEGORIES = (
    "personal_care",
    "appointment",
    "general_question",
    "feedback",
    "spam",
    "misinformation",
    "abuse",
    "other",
)
_HERE = Path(__file__).resolve().parent
MODEL_FILE = _HERE / "triage_model.json.gz"
REPORT_FILE = _HERE / "triage_model_report.json"

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _TOKEN.findall(text.lower())
    grams: list[str] = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    grams: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < length:
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # a word shorter than n is counted once
                break
    return grams


@dataclass(frozen=True)
class Vectorizer:
    analyzer: str
    low: int
    high: int
    index: dict[str, int]
    idf: list[float]

    def weights(self, text: str) -> dict[int, float]:
        grams = (
            word_ngrams(text, self.low, self.high)
            if self.analyzer == "word"
            else char_wb_ngrams(text, self.low, self.high)
        )
        counts = Counter(self.index[g] for g in grams if g in self.index)
        weights = {i: (1.0 + math.log(c)) * self.idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {i: w / norm for i, w in weights.items()} if norm else {}


@dataclass(frozen=True)
class Linear:
    classes: list[str]
    coef: list[list[float]]
    intercept: list[float]

    def probabilities(self, features: dict[int, float]) -> dict[str, float]:
        scores = [
            bias + sum(row[i] * w for i, w in features.items())
            for row, bias in zip(self.coef, self.intercept, strict=True)
        ]
        if len(self.classes) == 2 and len(scores) == 1:  # binary: one row, the second class
            p = 1.0 / (1.0 + math.exp(-scores[0]))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


@dataclass(frozen=True)
class Model:
    vectorizers: list[Vectorizer]
    linear: dict[str, Linear]
    dimensions: int  # the sentence embedding's length, after the vectorisers' terms
    embedding_weight: float

    def features(self, prepared: str, embedding: list[float]) -> dict[int, float]:
        """One sparse vector: each vectoriser's weights on ``prepared`` (the message with
        guard's and the cues' words, :func:`~carecast.triage.features.model_text`), offset
        after the ones before, then the message's sentence embedding."""
        if len(embedding) != self.dimensions:
            raise SetupError(
                f"triage's model expects {self.dimensions} embedding numbers, not {len(embedding)}",
                "run make train so the model matches the encoder",
            )
        joined: dict[int, float] = {}
        offset = 0
        for vectorizer in self.vectorizers:
            for i, w in vectorizer.weights(prepared).items():
                joined[offset + i] = w
            offset += len(vectorizer.idf)
        for i, value in enumerate(embedding):
            joined[offset + i] = value * self.embedding_weight
        return joined


def _model_of(data: dict[str, Any]) -> Model:
    vectorizers = [
        Vectorizer(
            analyzer=part["analyzer"],
            low=part["ngram_range"][0],
            high=part["ngram_range"][1],
            index={term: i for i, term in enumerate(part["terms"])},
            idf=part["idf"],
        )
        for part in data["features"]
    ]
    linear = {
        name: Linear(classes=m["classes"], coef=m["coef"], intercept=m["intercept"])
        for name, m in data["models"].items()
    }
    embedding = data["embedding"]
    return Model(vectorizers, linear, embedding["dimensions"], embedding["weight"])


@cache
def load(path: Path = MODEL_FILE) -> Model:
    """The shipped model; refuses one fitted on another encoder than the one shipped."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            data = json.load(source)
    except (OSError, ValueError) as exc:
        raise SetupError(
            f"triage's model {path} cannot be read ({exc})", encoder.REINSTALL
        ) from None
    if data["embedding"]["encoder_sha256"] != encoder.fingerprint():
        raise SetupError(
            f"triage's model {path.name} was trained on another encoder than "
            f"{encoder.ENCODER_FILE.name}",
            "run make train so the model matches the encoder, and commit both",
        )
    return _model_of(data)
