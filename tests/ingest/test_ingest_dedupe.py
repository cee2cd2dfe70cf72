"""Fingerprints: exact hash, and MinHash near-duplicates across re-typesetting."""

from __future__ import annotations

from ingest_builders import STATEMENT_EN, STATEMENT_EN_2, STATEMENT_ES

from dialogwatch.ingest.cleanup import clean_text
from dialogwatch.ingest.dedupe import (
    NEAR_DUPLICATE_THRESHOLD,
    NUM_PERM,
    is_near_duplicate,
    minhash_signature,
    shingles,
    signature_similarity,
    text_sha256,
)

ROUND_5 = f"Joint Statement on the Fifth Dialogue\n\nMay 2, 2013\n\n{STATEMENT_EN}\n\n{STATEMENT_EN_2}"
ROUND_6 = (
    "Joint Statement on the Sixth Dialogue\n\nApril 9, 2014\n\n"
    "Officials from both countries gathered in Ottawa for the sixth meeting of the security talks, "
    "reviewing prison reform, police training, and the return of migrants detained at the border. "
    "They decided to create a fund for victims and to publish yearly reports on disappearances. "
    "The Canadian side was represented by the Minister of Justice and the Chilean side by its ambassador."
)


def test_text_sha256() -> None:
    assert text_sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert text_sha256("México") != text_sha256("Mexico")


def test_signature_shape_and_determinism() -> None:
    sig = minhash_signature(ROUND_5)
    assert len(sig) == NUM_PERM and all(isinstance(v, int) for v in sig)
    assert sig == minhash_signature(ROUND_5)
    assert signature_similarity(sig, sig) == 1.0


def test_retypeset_copy_is_a_near_duplicate() -> None:
    retyped = (
        "Home | News | About/Contact\n\n"
        + ROUND_5.upper().replace("\n\n", "\n").replace(" ", "  ")
        + "\n\nShare/Save/Bookmark\n\nAll rights reserved."
    )
    a = minhash_signature(clean_text(ROUND_5))
    b = minhash_signature(clean_text(retyped))
    assert signature_similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD
    assert is_near_duplicate(a, b)


def test_copy_with_extra_sentence_still_scores_high() -> None:
    longer = ROUND_5 + "\n\nRepublished with permission."
    assert signature_similarity(minhash_signature(ROUND_5), minhash_signature(longer)) >= 0.8


def test_different_rounds_score_low() -> None:
    sim = signature_similarity(minhash_signature(ROUND_5), minhash_signature(ROUND_6))
    assert sim < 0.2
    assert not is_near_duplicate(minhash_signature(ROUND_5), minhash_signature(ROUND_6))


def test_translation_is_not_a_near_duplicate() -> None:
    assert signature_similarity(minhash_signature(STATEMENT_EN), minhash_signature(STATEMENT_ES)) < 0.2


def test_shingles_normalise_case_accents_and_punctuation() -> None:
    assert shingles("Diálogo, de ALTO nivel!") == shingles("dialogo de alto nivel")
    assert shingles("") == set()
    assert len(shingles("one two three four five six")) == 2


def test_missing_or_mismatched_signatures() -> None:
    assert signature_similarity(None, [1, 2]) == 0.0
    assert signature_similarity([1, 2], [1, 2, 3]) == 0.0
