"""triage's model: the pure-Python arithmetic gives scikit-learn's probabilities, and
``make train`` rebuilds the shipped model from data/triage/."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from carecast.errors import SetupError
from carecast.triage import encoder, model
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
    rows = load_messages(DATA)[::6]
    texts = [model_text(r["text"]) for r in rows]
    union = train.features()
    matrix = train.with_embeddings(union.fit_transform(texts), [r["text"] for r in rows])
    category = train.LogisticRegression(C=4.0, max_iter=3000)
    category.fit(matrix, [r["category"] for r in rows])
    phi = train.LogisticRegression(C=4.0, max_iter=3000)
    phi.fit(matrix, [str(r["contains_phi"]).lower() for r in rows])
    exported = json.loads(json.dumps(train.export(union, {"category": category, "phi": phi})))
    ours = model._model_of(exported)
    for row, text in zip(rows[:40], texts, strict=False):
        row_matrix = train.with_embeddings(union.transform([text]), [row["text"]])
        features = ours.features(text, encoder.embed(row["text"]))
        expected = category.predict_proba(row_matrix)[0]
        got = ours.linear["category"].probabilities(features)
        assert [got[c] for c in category.classes_] == pytest.approx(list(expected), abs=1e-4)
        expected_phi = phi.predict_proba(row_matrix)[0]
        got_phi = ours.linear["phi"].probabilities(features)
        assert [got_phi[c] for c in phi.classes_] == pytest.approx(list(expected_phi), abs=1e-4)


def _read(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as source:
        data: dict[str, Any] = json.load(source)
        return data


def test_training_again_gives_the_shipped_model_and_report(tmp_path: Path) -> None:
    """The shipped model is what ``make train`` makes of data/triage/ now (change the data,
    run ``make train``, commit both). On one machine the bytes are the same; across CPUs the
    encoder's arithmetic may differ in the last bits, so weights are compared to 1e-3."""
    train = trainer()
    report = train.train(tmp_path / "model.json.gz", tmp_path / "report.json")
    again, shipped = _read(tmp_path / "model.json.gz"), _read(model.MODEL_FILE)
    assert again["features"] == shipped["features"]  # the same terms and idf: same data
    assert again["embedding"] == shipped["embedding"]  # the same encoder and weight
    for name, fitted in again["models"].items():
        assert fitted["classes"] == shipped["models"][name]["classes"]
        for row, shipped_row in zip(fitted["coef"], shipped["models"][name]["coef"], strict=True):
            assert row == pytest.approx(shipped_row, abs=1e-3)
        assert fitted["intercept"] == pytest.approx(shipped["models"][name]["intercept"], abs=1e-3)
    written = json.loads((tmp_path / "report.json").read_text())
    expected = json.loads(model.REPORT_FILE.read_text())
    assert written["data"] == expected["data"] and written["settings"] == expected["settings"]
    assert written["dev"]["macro_f1"] == pytest.approx(expected["dev"]["macro_f1"], abs=0.005)
    assert report["data"]["messages"] == len(load_messages(DATA))


def test_a_model_trained_on_another_encoder_is_refused(tmp_path: Path) -> None:
    data = _read(model.MODEL_FILE)
    data["embedding"]["encoder_sha256"] = "0" * 64
    other = tmp_path / "model.json.gz"
    with gzip.open(other, "wt", encoding="utf-8") as out:
        json.dump(data, out)
    with pytest.raises(SetupError, match="another encoder") as caught:
        model.load(other)
    assert "make train" in caught.value.hint


def test_a_damaged_model_file_says_to_reinstall(tmp_path: Path) -> None:
    damaged = tmp_path / "model.json.gz"
    damaged.write_bytes(b"not gzip at all")
    with pytest.raises(SetupError, match="cannot be read") as caught:
        model.load(damaged)
    assert "reinstall" in caught.value.hint
