"""Decode a text file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM,
or Windows-1252/Latin-1 only when the bytes clearly are that; anything else
(binary junk, broken UTF-8 that is not a legacy encoding) is refused.
"""

from __future__ import annotations

import codecs
import unicodedata

# Characters a legacy Western text plausibly contains beyond ASCII.
_LEGACY_PUNCT = set("‘’“”–—…•€£¥°«»¡¿§©®™·ªº¨´")


class DecodeError(ValueError):
    """The bytes are not text in an encoding we accept; the message is the reason."""


def decode_text(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError with a one-line reason."""
    if raw.startswith(codecs.BOM_UTF8):
        return _checked(_strict(raw[3:], "utf-8"), "utf-8-sig")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(raw, "utf-16"), "utf-16")
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary content, not text (contains NUL bytes)")
    try:
        return _checked(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    legacy = _legacy(raw)
    if legacy is not None:
        return legacy
    raise DecodeError(f"not valid UTF-8 text (invalid byte at position {utf8_error.start})")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not valid {encoding.upper()} text (invalid byte at position {exc.start})"
        ) from exc


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _control_ratio(text) > 0.01:
        raise DecodeError("binary content, not text (too many control characters)")
    return text, encoding


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(sample)


def _legacy(raw: bytes) -> tuple[str, str] | None:
    """Decode as cp1252 (else latin-1) when the non-ASCII bytes read as letters and punctuation."""
    high = sum(1 for b in raw if b >= 0x80)
    if high == 0 or high / len(raw) > 0.3:
        return None
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        non_ascii = [ch for ch in text if ord(ch) >= 0x80]
        plausible = sum(1 for ch in non_ascii if ch.isalpha() or ch in _LEGACY_PUNCT)
        if plausible / len(non_ascii) >= 0.9 and _control_ratio(text) <= 0.001 and _letters_fit(text):
            return text, encoding
    return None


def _letters_fit(text: str) -> bool:
    """Accented letters in legacy text sit inside words ("canción"), not in runs of symbols."""
    odd = 0
    total = 0
    for i, ch in enumerate(text):
        if ord(ch) < 0x80 or not ch.isalpha():
            continue
        total += 1
        neighbours = text[max(0, i - 1) : i] + text[i + 1 : i + 2]
        if not any(n.isalpha() for n in neighbours):
            odd += 1
    return total == 0 or odd / total <= 0.2
