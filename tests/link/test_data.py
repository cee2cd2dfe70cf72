"""Every vocabulary entry group's examples do what they say."""

from __future__ import annotations

import pytest

from dialogwatch.link.data import (
    LinkDataError,
    cases_data,
    crosslingual_data,
    load,
    names_data,
    series_data,
)
from dialogwatch.link.meetings import series_key, series_theme
from dialogwatch.link.named import resolve_case_name, resolve_instrument_name
from dialogwatch.link.names import compare_names, parse_name
from dialogwatch.link.normalize import concept_set, stem, words


@pytest.mark.parametrize("theme", series_data().themes, ids=lambda t: t.id)
def test_theme_examples(theme) -> None:
    for name in theme.examples:
        assert series_theme(name) == theme.id, name


def test_generic_word_examples() -> None:
    for ex in series_data().generic_words.examples:
        key, kind = series_key(ex["name"], ["US", "MX"])
        assert kind == "other"
        assert key == "MX-US:other:" + "-".join(ex["key_words"])


def test_document_role_examples() -> None:
    from dialogwatch.link.meetings import base_role
    from dialogwatch.store.models import Document

    for ex in series_data().document_roles.examples:
        doc = Document(title=ex["title"], doc_type=ex["doc_type"], clean_text="")
        assert base_role(doc) == ex["role"], ex


def test_name_examples() -> None:
    data = names_data()
    for ex in data.honorifics.examples + data.particles.examples:
        assert list(parse_name(ex["name"]).tokens) == ex["tokens"], ex
    for ex in data.nicknames.examples:
        assert compare_names(parse_name(ex["a"]), parse_name(ex["b"])).verdict == "same", ex


@pytest.mark.parametrize("entry", cases_data().cases, ids=lambda e: e.key)
def test_case_examples(entry) -> None:
    for text in entry.examples:
        assert resolve_case_name(text).key == entry.key, text


@pytest.mark.parametrize("entry", cases_data().instruments, ids=lambda e: e.key)
def test_instrument_examples(entry) -> None:
    for text in entry.examples:
        assert resolve_instrument_name(text).key == entry.key, text


def test_generic_instrument_words_examples() -> None:
    for ex in cases_data().generic_words.examples:
        assert resolve_instrument_name(ex["a"]).key == resolve_instrument_name(ex["b"]).key


def _canon(term: str) -> str:
    return " ".join(stem(w) for w in words(term))


def test_crosslingual_examples() -> None:
    data = crosslingual_data()
    for ex in data.examples:
        shared = concept_set(ex["a"]) & concept_set(ex["b"])
        assert {_canon(t) for t in ex["shared"]} <= shared, ex
    for ex in data.stopwords.examples:
        assert concept_set(ex["text"]) == {_canon(t) for t in ex["content"]}


def test_malformed_data_names_the_file() -> None:
    from dialogwatch.link.data import ScoringData

    with pytest.raises(LinkDataError, match=r"series\.yaml"):
        load("series.yaml", ScoringData)
