"""The YAML vocabularies of ingestion: valid, and every example/counter-example holds."""

from __future__ import annotations

import re

import pytest

from dialogwatch.ingest.boilerplate import (
    BoilerplateData,
    boilerplate_data,
    drop_boilerplate,
    is_end_marker,
    is_page_number,
    match_line,
)
from dialogwatch.ingest.data_files import load_ingest_data
from dialogwatch.ingest.dates import DateWords, is_date_line
from dialogwatch.ingest.language import Stopwords, stopword_language

DATA = boilerplate_data()
PATTERN_IDS = [p.id for p in DATA.patterns]


@pytest.mark.parametrize("entry", DATA.patterns, ids=PATTERN_IDS)
def test_pattern_examples_match(entry) -> None:
    regex = entry.compiled()
    for example in entry.examples:
        assert regex.search(example.strip()), f"{entry.id} misses {example!r}"
        assert match_line(example) is not None, f"{example!r} is not dropped"


@pytest.mark.parametrize("entry", DATA.patterns, ids=PATTERN_IDS)
def test_pattern_counter_examples_do_not_match(entry) -> None:
    regex = entry.compiled()
    for counter in entry.counter_examples:
        assert not regex.search(counter.strip()), f"{entry.id} wrongly matches {counter!r}"


@pytest.mark.parametrize("sentence", DATA.statement_sentences)
def test_no_pattern_touches_a_statement_sentence(sentence: str) -> None:
    assert match_line(sentence) is None
    assert drop_boilerplate(sentence) == sentence


def test_both_languages_are_covered() -> None:
    langs = {p.lang for p in DATA.patterns}
    assert {"en", "es", "any"} <= langs
    spanish = [s for s in DATA.statement_sentences if re.search(r"[áéíóúñ]", s)]
    assert len(spanish) >= 4


def test_end_markers_and_page_numbers() -> None:
    for group, check in ((DATA.end_markers, is_end_marker), (DATA.page_numbers, is_page_number)):
        for entry in group:
            for example in entry.examples:
                assert check(example), example
            for counter in entry.counter_examples:
                assert not check(counter), counter


def test_paragraph_scope_drops_whole_notice_but_not_long_paragraphs() -> None:
    notice = "FAIR USE NOTICE: this material is shared\nwithout profit for research purposes.\nSection 107."
    assert drop_boilerplate(f"Statement text.\n\n{notice}\n\nMore text.") == "Statement text.\n\n\nMore text."
    long_para = "FAIR USE NOTICE " + "the delegations discussed fair use of funds. " * 60
    assert drop_boilerplate(long_para) == long_para


def test_trailer_after_end_marker_dropped_only_when_short() -> None:
    short = "Body text.\n###\nSite tagline\nContact line"
    assert drop_boilerplate(short) == "Body text."
    long_tail = "Body text.\n###\n" + "\n".join(f"Annex paragraph {i} with real content." for i in range(20))
    assert "Annex paragraph 19" in drop_boilerplate(long_tail)


def test_invalid_boilerplate_data_is_rejected() -> None:
    bad = {
        "statement_sentences": ["x"],
        "end_markers": [],
        "page_numbers": [],
        "patterns": [{"id": "a", "pattern": "(unclosed", "examples": ["x"]}],
    }
    with pytest.raises(ValueError):
        BoilerplateData.model_validate(bad)
    dupes = {
        "statement_sentences": ["x"],
        "end_markers": [],
        "page_numbers": [],
        "patterns": [
            {"id": "a", "pattern": "a", "examples": ["a"]},
            {"id": "a", "pattern": "b", "examples": ["b"]},
        ],
    }
    with pytest.raises(ValueError):
        BoilerplateData.model_validate(dupes)


def test_date_line_examples() -> None:
    data = load_ingest_data("dates.yaml", DateWords)
    for example in data.examples:
        assert is_date_line(example), example
    for counter in data.counter_examples:
        assert not is_date_line(counter), counter


def test_stopword_examples() -> None:
    data = load_ingest_data("stopwords.yaml", Stopwords)
    for example in data.examples:
        words = re.findall(r"[^\W\d_]+", example.text.lower())
        assert stopword_language(words) == example.language, example.text
