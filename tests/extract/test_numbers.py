"""The EN/ES number grammar."""

from __future__ import annotations

import pytest

from dialogwatch.extract.numbers import find_numbers, parse_digits, parse_number


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("forty-two", "en", 42),
        ("two hundred and six", "en", 206),
        ("1.5 million", "en", 1_500_000),
        ("cuarenta y dos", "es", 42),
        ("doscientos seis", "es", 206),
        ("dos mil", "es", 2000),
        ("1,5 millones", "es", 1_500_000),
        ("mil millones", "es", 1_000_000_000),
        ("veintitrés", "es", 23),
    ],
)
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


def test_separators_by_language():
    assert parse_digits("12.500", "es") == 12500
    assert parse_digits("12,500", "en") == 12500
    assert parse_digits("12,5", "es") == 12.5
    assert parse_digits("4.75", "en") == 4.75
    assert parse_digits("1,234,567.89", "en") == pytest.approx(1234567.89)


def test_spanish_once_is_eleven_only_in_spanish():
    assert [n.value for n in find_numbers("once más", "es")] == [11]
    assert find_numbers("once more", "en") == []


def test_weak_words_are_flagged():
    found = find_numbers("un caso y una víctima", "es")
    assert all(n.weak for n in found)
