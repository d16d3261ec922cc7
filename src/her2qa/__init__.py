"""her2qa: citation-first question answering over one HER2-positive breast cancer review.

Importing the package changes nothing in the host process (no environment variables are set).
Offline behaviour is passed explicitly where clients and models are created (local model folders
are loaded with ``local_files_only``; Chroma clients get ``anonymized_telemetry=False``). The
``her2qa`` command, whose process is its own, additionally calls :func:`use_offline_environment`.
"""

from __future__ import annotations

import os

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "DO_NOT_TRACK": "1",
}


def use_offline_environment() -> None:
    """Pin every library this package uses to offline mode (values already set are kept).

    For programs that own their process (the ``her2qa`` command, ``app.py``); a library user who
    wants the same can call it. Importing :mod:`her2qa` never does.
    """
    for key, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(key, value)


__version__ = "0.1.0"
