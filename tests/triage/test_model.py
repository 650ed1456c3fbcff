"""triage's model: the pure-Python arithmetic gives scikit-learn's probabilities, and
``make train`` rebuilds the shipped model from data/triage/ byte for byte."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from carecast.triage import model
from carecast.triage.dataset import load_messages
from carecast.triage.features import model_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "triage"


def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_triage", ROOT / "scripts" / "train_triage.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_triage"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "text",
    ["Hello  world", "  a  bb ccc ", "é café ÉTÉ", "x", "", "the the the cat, the cat!", "a\tb\nc"],
)
def test_char_and_word_ngrams_are_scikit_learns(text: str) -> None:
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2)).build_analyzer()
    assert model.char_wb_ngrams(text, 2, 5) == char(text)
    assert model.word_ngrams(text, 1, 2) == word(text)


def test_probabilities_are_scikit_learns() -> None:
    train = trainer()
    rows = load_messages(DATA)[::3]
    texts = [model_text(r["text"]) for r in rows]
    union = train.features()
    matrix = union.fit_transform(texts)
    category = train.LogisticRegression(C=4.0, max_iter=3000)
    category.fit(matrix, [r["category"] for r in rows])
    phi = train.LogisticRegression(C=4.0, max_iter=3000)
    phi.fit(matrix, [str(r["contains_phi"]).lower() for r in rows])
    exported = json.loads(json.dumps(train.export(union, {"category": category, "phi": phi})))
    ours = model._model_of(exported)
    for text in texts[:40]:
        expected = category.predict_proba(union.transform([text]))[0]
        got = ours.linear["category"].probabilities(ours.features(text))
        assert [got[c] for c in category.classes_] == pytest.approx(list(expected), abs=1e-4)
        expected_phi = phi.predict_proba(union.transform([text]))[0]
        got_phi = ours.linear["phi"].probabilities(ours.features(text))
        assert [got_phi[c] for c in phi.classes_] == pytest.approx(list(expected_phi), abs=1e-4)


def test_training_again_gives_the_shipped_model_and_report(tmp_path: Path) -> None:
    """Same data, same bytes: the shipped model is what ``make train`` makes of
    data/triage/ now (change the data, run ``make train``, commit both)."""
    train = trainer()
    report = train.train(tmp_path / "model.json.gz", tmp_path / "report.json")
    assert (tmp_path / "model.json.gz").read_bytes() == model.MODEL_FILE.read_bytes()
    assert (tmp_path / "report.json").read_text() == model.REPORT_FILE.read_text()
    assert report["data"]["messages"] == len(load_messages(DATA))
