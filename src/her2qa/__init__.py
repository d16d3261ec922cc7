"""her2qa: citation-first question answering over one HER2-positive breast cancer review.

Importing the package pins every library it uses to offline mode, so a user never has to
export variables by hand and nothing reaches the network at run time.
"""

from __future__ import annotations

import os

_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "DO_NOT_TRACK": "1",
}
for _key, _value in _OFFLINE_ENV.items():
    os.environ.setdefault(_key, _value)

__version__ = "0.1.0"
