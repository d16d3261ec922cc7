"""Clean and validate a question before anything expensive sees it.

Runs in microseconds and never calls a model: text that is not valid Unicode (a lone surrogate, or
an undecodable byte that Python smuggled in from the command line as one) is rejected with a clear
message; terminal escape sequences, control and invisible formatting characters are removed;
over-long input is refused before it is scanned. A rejected question is only ever echoed back as a
short, cleaned prefix (:func:`preview`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PREVIEW_CHARS = 80
EMPTY = "Please type a question about the review."

# CSI ("ESC [ … final"), OSC ("ESC ] … BEL / ESC \"), and two-character escapes; 8-bit CSI too.
ANSI_RE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Control characters (C0, DEL, C1) and invisible formatting characters (zero-width, bidi overrides,
# BOM, soft hyphen …): category Cc and Cf. Tabs and newlines become spaces.
INVISIBLE_RE = re.compile(  # precomputed from unicodedata (Unicode 14) so importing stays instant
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cleaned:
    text: str
    error: str = ""


def clean_question(value: object, max_chars: int) -> Cleaned:
    """The question ready for retrieval, or an ``error`` (a message for the user) and no text."""
    if isinstance(value, (bytes, bytearray)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            return Cleaned("", f"The question is not valid UTF-8 (byte 0x{value[exc.start]:02x} at position "
                               f"{exc.start}). Please retype it.")
    if not isinstance(value, str):
        return Cleaned("", EMPTY)
    if len(value) > max_chars:  # before any scan: a 100 MB body costs nothing more than its length
        return Cleaned("", f"Questions are limited to {max_chars} characters; this one has {len(value)}. "
                           f"Please shorten it.")
    bad = SURROGATE_RE.search(value)
    if bad:
        code = ord(bad.group(0))
        what = (f"an undecodable byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF
                else f"an unpaired surrogate U+{code:04X}")
        return Cleaned("", f"The question contains text that is not valid Unicode ({what} at character "
                           f"{bad.start() + 1}). Please retype it.")
    text = ANSI_RE.sub(" ", value)
    text = INVISIBLE_RE.sub(lambda m: " " if m.group(0) in "\t\n\r\x0b\x0c\x85" else "", text)
    text = unicodedata.normalize("NFC", text)
    text = SPACE_RE.sub(" ", text).strip()
    if not text:
        return Cleaned("", EMPTY)
    return Cleaned(text)


def preview(value: object, limit: int = PREVIEW_CHARS) -> str:
    """A short, printable prefix of ``value`` that is safe to echo back (and to encode as UTF-8)."""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value[: limit * 4]).decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    head = value[: limit * 2]
    head = SURROGATE_RE.sub("\ufffd", head)
    head = ANSI_RE.sub(" ", head)
    head = INVISIBLE_RE.sub(" ", head)
    head = SPACE_RE.sub(" ", head).strip()
    return head[:limit] + ("…" if len(value) > limit or len(head) > limit else "")
