"""Train triage's model from the messages in data/triage/ (what ``make train`` runs).

Two linear models over the same features: the category (8 classes) and whether the
message holds health information about someone (contains_phi). Features are TF-IDF of
words (1-2 grams) and of characters within words (2-5 grams), with guard's findings on
the message added as words of their own, beside the message's sentence embedding from
the shipped encoder (``carecast.triage.encoder``, all-MiniLM-L6-v2). The fitted weights
are written as plain JSON (gzipped) that ``carecast.triage`` reads without scikit-learn,
beside a training report.

The settings (C, the embedding's weight) were chosen by 5-fold cross-validation on the
training part alone: macro-F1 0.842 with n-grams only, 0.879 / 0.883 / 0.878 with the
embedding weighted 0.5 / 1.0 / 1.4.

A fifth of the messages, chosen by a hash of their id, never reach training: they are
the dev set the report and ``make eval`` score. Same data, same result: the split, the
vectorisers and the solver are all deterministic.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.pipeline import FeatureUnion

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from carecast.triage import encoder  # noqa: E402
from carecast.triage.dataset import fingerprint, is_dev, load_messages  # noqa: E402
from carecast.triage.features import model_text  # noqa: E402
from carecast.triage.model import CATEGORIES, MODEL_FILE, REPORT_FILE  # noqa: E402

DATA = ROOT / "data" / "triage"
WORD = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True}
CHAR = {"analyzer": "char_wb", "ngram_range": (2, 5), "min_df": 2, "sublinear_tf": True}
C = 8.0
EMBEDDING_WEIGHT = 1.0


def features() -> FeatureUnion:
    return FeatureUnion(
        [("word", TfidfVectorizer(**WORD)), ("char", TfidfVectorizer(**CHAR))]  # type: ignore[arg-type]
    )


def with_embeddings(matrix: Any, texts: list[str]) -> Any:
    """The n-gram matrix with each message's sentence embedding appended to its row."""
    embedded = np.array([encoder.embed(text) for text in texts]) * EMBEDDING_WEIGHT
    return hstack([matrix, csr_matrix(embedded)]).tocsr()


def export(union: FeatureUnion, models: dict[str, LogisticRegression]) -> dict[str, Any]:
    parts = []
    for name, vectorizer in union.transformer_list:
        vocabulary = sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
        parts.append(
            {
                "name": name,
                "analyzer": vectorizer.analyzer,
                "ngram_range": list(vectorizer.ngram_range),
                "terms": [term for term, _ in vocabulary],
                "idf": [round(float(v), 6) for v in vectorizer.idf_],
            }
        )
    exported: dict[str, Any] = {
        "features": parts,
        "embedding": {
            "encoder_sha256": encoder.fingerprint(),
            "dimensions": encoder.DIMENSIONS,
            "weight": EMBEDDING_WEIGHT,
        },
        "models": {},
    }
    for name, model in models.items():
        exported["models"][name] = {
            "classes": [str(c) for c in model.classes_],
            "coef": [[round(float(w), 6) for w in row] for row in model.coef_],
            "intercept": [round(float(b), 6) for b in model.intercept_],
        }
    return exported


def train(model_file: Path = MODEL_FILE, report_file: Path = REPORT_FILE) -> dict[str, Any]:
    """Fit both models, write the weights and the report; returns the report."""
    rows = load_messages(DATA)
    train = [r for r in rows if not is_dev(r["id"])]
    dev = [r for r in rows if is_dev(r["id"])]
    texts = [model_text(r["text"]) for r in train]
    union = features()
    matrix = with_embeddings(union.fit_transform(texts), [r["text"] for r in train])
    category = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    category.fit(matrix, [r["category"] for r in train])
    phi = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    phi.fit(matrix, [str(r["contains_phi"]).lower() for r in train])
    assert sorted(category.classes_) == sorted(CATEGORIES), category.classes_

    dev_matrix = with_embeddings(
        union.transform([model_text(r["text"]) for r in dev]), [r["text"] for r in dev]
    )
    truth = [r["category"] for r in dev]
    guess = list(category.predict(dev_matrix))
    phi_truth = [r["contains_phi"] for r in dev]
    phi_guess = [g == "true" for g in phi.predict(dev_matrix)]
    report = {
        "data": {
            "messages": len(rows),
            "train": len(train),
            "dev": len(dev),
            "sha256": fingerprint(DATA),
        },
        "settings": {
            "word": WORD,
            "char": CHAR,
            "embedding": {"encoder": "all-MiniLM-L6-v2, 8-bit", "weight": EMBEDDING_WEIGHT},
            "C": C,
            "class_weight": "balanced",
        },
        "dev": {
            "accuracy": round(
                float(np.mean([t == g for t, g in zip(truth, guess, strict=True)])), 4
            ),
            "macro_f1": round(float(f1_score(truth, guess, average="macro")), 4),
            "per_category_f1": {
                c: round(float(v), 4)
                for c, v in zip(
                    CATEGORIES,
                    f1_score(truth, guess, average=None, labels=list(CATEGORIES)),
                    strict=True,
                )
            },
            "contains_phi_f1": round(float(f1_score(phi_truth, phi_guess)), 4),
        },
    }
    exported = json.dumps(export(union, {"category": category, "contains_phi": phi}))
    # No name and mtime 0 in the gzip header: the same weights give the same bytes.
    with (
        model_file.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out,
    ):
        out.write(exported.encode())
    report_file.write_text(json.dumps(report, indent=2) + "\n")
    report["text"] = classification_report(truth, guess, digits=3)
    return report


def main() -> int:
    report = train()
    print(report.pop("text"))
    print(json.dumps(report["dev"], indent=2))
    print(f"wrote {MODEL_FILE.relative_to(ROOT)} and {REPORT_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
