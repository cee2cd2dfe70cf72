"""Deadline grammar, EN and ES."""

from __future__ import annotations

import pytest

from dialogwatch.extract.deadlines import find_deadline


@pytest.mark.parametrize(
    ("text", "doc_date", "want"),
    [
        ("publish the protocol no later than June 2025", None, "2025-06"),
        ("reach the target by end-2030", None, "2030"),
        ("hold the next round by the end of this year", "2024-02-10", "2024"),
        ("deliver results within 18 months", "2024-02-10", "2025-08"),
        ("complete the review in 2014", "2016-01-01", None),
        ("instalar la red a más tardar en diciembre de 2025", None, "2025-12"),
        ("aprobar el reglamento hacia 2027", None, "2027"),
        ("presentar el informe a finales de 2026", None, "2026"),
        ("capacitar a los fiscales durante el próximo año", "2022-05-01", "2023"),
        ("publicar los datos en un plazo de seis meses", "2022-05-01", "2022-11"),
        ("fortalecer la cooperación", None, None),
    ],
)
def test_deadlines(text, doc_date, want):
    found = find_deadline(text, doc_date)
    assert (found.value if found else None) == want
