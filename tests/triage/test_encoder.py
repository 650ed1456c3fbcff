"""triage's encoder: the shipped MiniLM gives unit vectors that place messages by meaning."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from carecast.errors import SetupError
from carecast.triage import encoder


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_a_message_becomes_a_unit_vector_the_same_each_time() -> None:
    vector = encoder.embed("Can I book a flu jab for Saturday?")
    assert len(vector) == encoder.DIMENSIONS
    assert math.sqrt(sum(v * v for v in vector)) == pytest.approx(1.0, abs=1e-3)
    assert encoder.embed("Can I book a flu jab for Saturday?") == vector


def test_messages_that_mean_the_same_are_closer_than_ones_that_do_not() -> None:
    booking = encoder.embed("can i get an appointment on monday morning")
    also_booking = encoder.embed("Is there a free slot to see the doctor Monday AM?")
    spam = encoder.embed("Earn $500 a day from home, click my link!!!")
    assert _cosine(booking, also_booking) > _cosine(booking, spam) + 0.2


def test_empty_and_very_long_messages_are_embedded() -> None:
    assert len(encoder.embed("")) == encoder.DIMENSIONS
    assert len(encoder.embed("my knee hurts " * 2000)) == encoder.DIMENSIONS  # truncated


def test_the_encoder_file_is_the_one_the_notice_describes() -> None:
    notice = (encoder.FOLDER / "NOTICE.md").read_text()
    assert encoder.fingerprint() in notice


def test_a_missing_encoder_says_to_reinstall(tmp_path: Path) -> None:
    with pytest.raises(SetupError, match="cannot be read") as caught:
        encoder.fingerprint(tmp_path / "encoder.onnx")
    assert "reinstall" in caught.value.hint


def test_a_damaged_encoder_says_to_reinstall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "encoder.onnx"
    damaged.write_bytes(b"\x00not an onnx graph")
    monkeypatch.setattr(encoder, "ENCODER_FILE", damaged)
    encoder._loaded.cache_clear()
    try:
        with pytest.raises(SetupError, match="missing or damaged") as caught:
            encoder.embed("hello")
        assert "reinstall" in caught.value.hint
    finally:
        monkeypatch.undo()
        encoder._loaded.cache_clear()
    assert len(encoder.embed("hello")) == encoder.DIMENSIONS
