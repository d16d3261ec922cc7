"""Shared fixtures: one real index (real Chroma, real bundled embeddings) built once per session."""

from __future__ import annotations

import os
import socket

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from her2qa.settings import PROJECT_ROOT, Settings  # noqa: E402

CORPUS_FILE = PROJECT_ROOT / "corpus" / "tapia2023_cancers_15_4522_her2_resistance.txt"


def free_port() -> int:
    """A loopback port nothing listens on (for servers the tests start, or expect to be down)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory) -> Settings:
    """Settings pointing at a freshly built index of the shipped corpus."""
    from her2qa.store import build_index

    settings = Settings(index_dir=tmp_path_factory.mktemp("index"))
    build_index(settings)
    return settings


@pytest.fixture(scope="session")
def document():
    from her2qa.reader import read_article

    return read_article(CORPUS_FILE)


@pytest.fixture(scope="session")
def assistant(built_settings):
    from her2qa.assistant import Assistant

    return Assistant(built_settings)


@pytest.fixture
def converse(assistant):
    """Ask the turns of one new conversation in order; the answer to the last turn."""
    from her2qa.chat import Conversation

    def ask_all(*turns: str):
        conversation = Conversation()
        for turn in turns:
            answer = assistant.ask(turn, conversation)
        return answer

    return ask_all
