"""The parts a question asks about, each with the review's other words for it.

"if she gets radiation, can she keep taking tukysa?" asks of radiation (the review's "local therapy"),
keeping on (its "continued") and tukysa (tucatinib). A sentence covers a part when it has any word of
it; the one that answers covers more parts than one that repeats a single part's words ("brain",
"central nervous system", "brain–blood barrier" are all one part).
"""

from __future__ import annotations

import re

from ..query import STOPWORDS
from ..vocabulary import ABBREVIATIONS, BRANDS, CHAT_WORDS, SYNONYM_PATTERNS
from .passages import FRAME_WORDS, words_of

# Words of every question on this review, and words that name nothing asked: they tell no part apart
EVERYWHERE = frozenset(words_of("her2 her2-positive breast cancer bc patients patient disease treatment "
                                "therapy therapies review"))
SPELT_OUT_EVERYWHERE = frozenset(words_of("survival"))
NAMING_NOTHING = frozenset("while get gets got getting still yet now really someone anyone people person "
                           "thing things way".split())


def concept_groups(question: str, aliases: dict[str, list[str]] | None = None) -> list[frozenset[str]]:
    """One group of words per part asked: a name with its other names ('p95HER2' / 'p95'), a phrase with
    the review's words for it (SYNONYMS), a brand with its generic name, or a plain content word."""
    lowered = question.lower()
    groups: list[tuple[set[str], set[str]]] = []  # (the question's words, all words of the part)
    spoken: set[str] = set()
    for name, others in (aliases or {}).items():
        said = words_of(name) - EVERYWHERE
        if said:
            groups.append((said, said.union(*(words_of(o) for o in others))))
            spoken |= said
    for pattern, meaning in SYNONYM_PATTERNS:
        found = pattern.search(lowered)
        if found:
            said = words_of(found.group(0)) - EVERYWHERE
            groups.append((said, said | words_of(meaning)))
            spoken |= said
    for word in re.findall(r"[a-z0-9][a-z0-9+\-/]*", lowered):
        forms = words_of(word)
        if (not forms or forms & spoken or len(word) < 3 or word.rstrip("s") in STOPWORDS or word in NAMING_NOTHING
                or word in FRAME_WORDS or word in CHAT_WORDS or forms <= EVERYWHERE):
            continue
        if word in BRANDS:
            forms |= words_of(BRANDS[word])
        if word in ABBREVIATIONS:
            # 'idfs' is the review's "invasive DFS" (the measure's last word, 'survival', names every endpoint)
            forms |= words_of(ABBREVIATIONS[word]) - SPELT_OUT_EVERYWHERE
        groups.append((forms, set(forms)))
    merged: list[tuple[set[str], set[str]]] = []
    for said, words in groups:  # 'brain' and 'brain spots grow' are one part, said twice
        for other_said, other_words in merged:
            if said & other_said:
                other_said |= said
                other_words |= words
                break
        else:
            merged.append((set(said), set(words)))
    return [frozenset(words - EVERYWHERE) for _, words in merged if words - EVERYWHERE]


def parts_covered(groups: list[frozenset[str]], text: str) -> int:
    """How many of the question's parts a sentence speaks to. A word meets its longer or shorter form
    ('p95' / 'p95her2', 'world' / 'worldwide')."""
    words = words_of(text)
    return sum(any(_meets(g, w) for g in group for w in words) for group in groups)


def _meets(asked: str, printed: str) -> bool:
    if asked == printed:
        return True
    short, long = sorted((asked, printed), key=len)
    return len(short) >= 3 and long.startswith(short)
