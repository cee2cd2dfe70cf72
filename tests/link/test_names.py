"""Name comparison: one person across spellings, never two people with one surname."""

from __future__ import annotations

import pytest

from dialogwatch.link.names import compare_names, parse_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Roberta Jacobson", "Roberta S. Jacobson"),
        ("Miguel Ruiz Cabañas", "Miguel Ruiz-Cabañas Izquierdo"),
        ("Roberto Campa", "Roberto Campa Cifrián"),
        ("Ambassador Roberta Jacobson", "Roberta Jacobson"),
        ("Sra. Lía Limón García", "Lia Limon Garcia"),
        ("Tom Malinowski", "Thomas Malinowski"),
        ("Miguel Ruiz–Cabañas Izquierdo", "Miguel Ruiz Cabañas"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert compare_names(parse_name(a), parse_name(b), "US", "US").verdict == "same"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Juan Pérez", "María Pérez"),
        ("Roberto Campa", "Roberta Jacobson"),
        ("Juan Pérez García", "Juan Pérez López"),
        ("M. Pérez", "Juan Pérez"),
    ],
)
def test_different_people(a: str, b: str) -> None:
    assert compare_names(parse_name(a), parse_name(b), "MX", "MX").verdict == "different"


@pytest.mark.parametrize(
    ("a", "b"),
    [("J. Pérez", "Juan Pérez"), ("Peña Nieto", "Enrique Peña Nieto"), ("Pérez", "Juan Pérez")],
)
def test_uncertain_is_a_proposal(a: str, b: str) -> None:
    match = compare_names(parse_name(a), parse_name(b), "MX", "MX")
    assert match.verdict == "proposal"
    assert 0 < match.score < 1


def test_incompatible_sides_never_merge() -> None:
    same_name = compare_names(parse_name("Ana Ruiz"), parse_name("Ana Ruiz"), "US", "MX")
    assert same_name.verdict == "proposal"
    assert compare_names(parse_name("A. Ruiz"), parse_name("Ana Ruiz"), "US", "MX").verdict == "different"
