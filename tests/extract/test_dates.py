"""Date grammar (EN/ES) and the months.yaml examples."""

import pytest

from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.dates import MonthsData, find_dates, find_years, month_number, resolve_relative


@pytest.mark.parametrize("example", load_data("months.yaml", MonthsData).examples, ids=lambda e: e.text)
def test_months_yaml_examples(example):
    found = find_dates(example.text, year=example.year)
    assert found and found[0].iso == example.iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The talks ended on February 2, 2019.", "2019-02-02"),
        ("Signed 5 May 2020 by both parties.", "2020-05-05"),
        ("Dated Sept. 9, 2017", "2017-09-09"),
        ("Bogotá, 30 de noviembre de 2022", "2022-11-30"),
        ("a partir de diciembre de 2021", "2021-12"),
        ("Emitido el 07/03/2023", "2023-03-07"),
        ("Reunión del 1º de julio de 2019", "2019-07-01"),
    ],
)
def test_dates_in_context(text, iso):
    assert find_dates(text)[0].iso == iso


def test_spans_point_into_the_text():
    text = "Intro. Bruselas, 4 de junio de 2024. Fin."
    d = find_dates(text)[0]
    assert text[d.start : d.end] == "4 de junio de 2024"


def test_year_inferred_from_nearest_full_date():
    text = "Statement of March 20, 2018. The delegations met on March 19 in Ottawa."
    isos = [d.iso for d in find_dates(text)]
    assert isos == ["2018-03-20", "2018-03-19"]


def test_date_without_any_year_is_skipped():
    assert find_dates("They will meet again on June 4.") == []


def test_english_numeric_dates_are_month_first():
    assert find_dates("Posted 03/07/2023", language="en")[0].iso == "2023-03-07"
    assert find_dates("Publicado 03/07/2023", language="es")[0].iso == "2023-07-03"


def test_modal_may_is_not_a_month():
    assert find_dates("The parties may 2 times a year review it.") == []


def test_invalid_day_rejected():
    assert find_dates("on February 31, 2020") == []


def test_range_searched_only_inside_bounds():
    text = "January 3, 2020 and January 4, 2021"
    assert [d.iso for d in find_dates(text, start=20)] == ["2021-01-04"]


def test_month_number_accepts_accents_and_abbreviations():
    assert month_number("Sept.") == 9
    assert month_number("setiembre") == 9
    assert month_number("Dic") == 12
    assert month_number("foo") is None


def test_find_years_ignores_numbers():
    assert [y for _, _, y in find_years("In 2016, 8,335 cases; by 2022 more.")] == [2016, 2022]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("talks on August 12-13, 2015 in Beijing", "2015-08-12"),
        ("los días 12 y 13 de agosto de 2015", "2015-08-12"),
        ("del 3 al 5 de mayo de 2020", "2020-05-03"),
        ("held on 16–17 February 2023", "2023-02-16"),
    ],
)
def test_date_ranges_keep_their_first_day(text, iso):
    assert find_dates(text)[0].iso == iso


@pytest.mark.parametrize(
    "example", load_data("months.yaml", MonthsData).relative_examples, ids=lambda e: e.text
)
def test_relative_examples(example):
    found = resolve_relative(example.text, example.issued)
    assert found is not None and found.iso == example.iso
    assert found.precision == "day"


def test_relative_needs_a_full_issue_date_and_skips_idioms():
    assert resolve_relative("They met yesterday.", None) is None
    assert resolve_relative("They met yesterday.", "2020-05") is None
    assert resolve_relative("Hoy en día la cooperación es amplia.", "2020-05-05") is None


def test_relative_span_and_window():
    text = "Prior text. Ayer se reunieron."
    found = resolve_relative(text, "2020-05-05", 12)
    assert found is not None and text[found.start : found.end] == "Ayer" and found.iso == "2020-05-04"
    assert resolve_relative(text, "2020-05-05", 0, 10) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Bogotá (jun. 3/21).", "2021-06-03"),
        ("Lima (Dic 30/19)", "2019-12-30"),
        ("Team, 17.02.2023", "2023-02-17"),
    ],
)
def test_agency_and_dotted_dates(text, iso):
    assert find_dates(text)[0].iso == iso


def test_dotted_pattern_ignores_version_numbers():
    assert find_dates("release 1.2.2023.4 of the tool") == []
