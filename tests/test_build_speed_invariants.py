"""What the fast build path (issue 9) must keep true. No timings here: bench/bench_build.py prints them.

- The bundled model runs on torch + tokenizers alone, and gives transformers' BertModel's vectors
  and AutoTokenizer's token ids.
- Length-sorted, deduplicated, threaded batching gives every text the vector it gets alone.
- A build process never imports transformers, sentence-transformers or the web UI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from her2qa.settings import BUNDLED_MODEL, PROJECT_ROOT

EDGE_TEXTS = ["", " ", "  padded  ", "x", "ÄÖÜ café naïve – “quotes” 10⁻³ µg ≥ HER2‑low", "a " * 600,
              "\u200b\t\n", "日本語のテキスト", "HER2-positive [12,13] (n = 602; HR 0.54, 95% CI 0.42–0.71)"]


@pytest.fixture(scope="module")
def texts(document):
    from her2qa.chunking import chunk_document
    from her2qa.settings import Settings
    from her2qa.store import chunk_embedding_input, chunk_units

    settings = Settings()
    chunks = chunk_document(document, settings.chunk_max_words, settings.chunk_overlap_sentences)
    units = [u.text for c in chunks for u in chunk_units(c)]
    return list(dict.fromkeys([chunk_embedding_input(c) for c in chunks] + units)) + EDGE_TEXTS


@pytest.fixture(scope="module")
def encoder():
    from her2qa.embedding import MeanPoolingEncoder, _Bert, load_sentence_model, resolve_model_path

    model = load_sentence_model(BUNDLED_MODEL)
    assert isinstance(model, MeanPoolingEncoder) and isinstance(model.model, _Bert)
    assert _Bert.fits(resolve_model_path(BUNDLED_MODEL))
    return model


def test_token_ids_equal_transformers_tokenizer(encoder, texts):
    from transformers import AutoTokenizer

    from her2qa.embedding import resolve_model_path

    reference = AutoTokenizer.from_pretrained(resolve_model_path(BUNDLED_MODEL), local_files_only=True)
    expected = reference(texts, truncation="longest_first", max_length=encoder.max_length)["input_ids"]
    assert encoder.token_ids(texts) == expected
    assert max(len(i) for i in expected) == encoder.max_length  # the long edge text is truncated
    features = encoder.preprocess(texts[:20])
    padded = reference(texts[:20], padding=True, truncation="longest_first", max_length=encoder.max_length,
                       return_tensors="pt")
    assert features["input_ids"].tolist() == padded["input_ids"].tolist()
    assert features["attention_mask"].tolist() == padded["attention_mask"].tolist()


def test_bert_forward_equals_transformers_bertmodel(encoder, texts):
    import torch
    from transformers import AutoModel

    from her2qa.embedding import resolve_model_path

    reference = AutoModel.from_pretrained(resolve_model_path(BUNDLED_MODEL), local_files_only=True).eval()
    sample = texts[::3] + EDGE_TEXTS
    lengths = dict(zip(sample, map(len, encoder.token_ids(sample))))
    sample.sort(key=lengths.get)  # little padding: the check stays cheap
    worst = 0.0
    with torch.inference_mode():
        for i in range(0, len(sample), 16):
            features = encoder.preprocess(sample[i:i + 16])
            hidden = reference(**features).last_hidden_state
            mask = features["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            expected = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            got = encoder.forward(features)["sentence_embedding"]
            worst = max(worst, (got - expected).abs().max().item())
    assert worst < 1e-5


def test_batched_vectors_equal_one_at_a_time(encoder, texts):
    """Sorting, batching (with padding), threads and deduplication do not change any vector."""
    import numpy as np

    from her2qa.store import _ModelEmbedder, embed_texts

    sample = texts[::7] + EDGE_TEXTS + texts[:5]  # repeats included
    seen: list[int] = []
    batched = np.array(embed_texts(_ModelEmbedder(encoder), sample, progress=seen.append))
    assert sum(seen) == len(sample)  # progress counts every text, repeats too
    alone = np.array([embed_texts(_ModelEmbedder(encoder), [t], workers=1)[0] for t in sample])
    assert batched.shape == alone.shape and np.abs(batched - alone).max() < 1e-5
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)


def test_each_distinct_text_is_embedded_once_in_token_length_batches(encoder, texts):
    from her2qa.store import _ModelEmbedder, embed_texts

    class Counting:
        def __init__(self, model):
            self.inner, self.rows, self.widths = model, 0, []

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def forward(self, features):
            self.rows += features["input_ids"].shape[0]
            self.widths.append(features["input_ids"].shape[1])
            return self.inner.forward(features)

    counting = Counting(encoder)
    sample = texts + texts[:50]
    embed_texts(_ModelEmbedder(counting), sample, batch=16)
    assert counting.rows == len(set(sample))
    lengths = sorted(len(i) for i in encoder.token_ids(list(dict.fromkeys(sample))))
    padded = sum(counting.widths[k] * min(16, len(lengths) - 16 * j)
                 for k, j in enumerate(reversed(range(len(counting.widths)))))
    assert padded < 1.15 * sum(lengths)  # batches of near-equal token counts waste little on padding


def test_build_process_imports_neither_transformers_nor_the_ui(tmp_path):
    script = (
        "import json, sys\n"
        "from her2qa.settings import Settings\n"
        "from her2qa.store import build_index\n"
        f"report = build_index(Settings(index_dir={str(tmp_path / 'index')!r}))\n"
        "print(json.dumps({'chunks': report.chunks, 'modules': sorted(m for m in sys.modules if m.split('.')[0] in "
        "('transformers', 'sentence_transformers', 'gradio', 'sklearn', 'scipy', 'fastapi'))}))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                         cwd=PROJECT_ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["chunks"] > 0 and result["modules"] == []
