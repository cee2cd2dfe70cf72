"""Exact and near-duplicate fingerprints of clean text.

Exact duplicates share ``text_sha256`` of the clean text. Near duplicates (the
same statement re-typeset, republished with other page furniture, converted
to another format) share most word 5-shingles of the normalised text, which
a 128-permutation MinHash with a fixed seed estimates deterministically.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

NUM_PERM = 128
SHINGLE_WORDS = 5
MINHASH_SEED = 20240501
MINHASH_SCHEME = "affine32"
NEAR_DUPLICATE_THRESHOLD = 0.9

_WORD = re.compile(r"\w+")


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 encoded text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_words(text: str) -> list[str]:
    """Lower-cased, accent-stripped words: what survives re-typesetting."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of word ``size``-shingles of the normalised text (one shingle if shorter)."""
    words = normalise_words(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash_signature(text: str) -> list[int]:
    """MinHash signature (``NUM_PERM`` ints) of the text's word shingles."""
    from datasketch import MinHash

    # The scheme is pinned so stored signatures stay comparable across datasketch upgrades.
    mh = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    mh.update_batch(s.encode("utf-8") for s in sorted(shingles(text)))
    return [int(v) for v in mh.hashvalues]


def signature_similarity(a: list[int] | None, b: list[int] | None) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is missing or they differ in size)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def is_near_duplicate(a: list[int] | None, b: list[int] | None) -> bool:
    """True when two signatures are at or above ``NEAR_DUPLICATE_THRESHOLD``."""
    return signature_similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD
