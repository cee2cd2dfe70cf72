"""Action levels from complements, EN and ES."""

from __future__ import annotations

import pytest

from dialogwatch.extract.levels import action_level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("uphold the values we share", 1),
        ("deepen our partnership and friendship", 1),
        ("keep raising the cases of detained bloggers", 2),
        ("explore options for a joint ballistics database", 3),
        ("combat extortion of migrants", 4),
        ("sign a letter of intent on labour mobility", 5),
        ("promover los derechos humanos", 1),
        ("mantener el diálogo sobre seguridad", 2),
        ("analizar la creación de equipos conjuntos", 3),
        ("prevenir la tortura en centros de detención", 4),
        ("convocar al grupo de trabajo sobre ciberseguridad", 5),
        ("establecer una red de laboratorios forenses", 5),
    ],
)
def test_levels(text, level):
    assert action_level(text).level == level


def test_deadline_makes_action_specific_and_caps_apply():
    assert action_level("reduce homicides", deadline="2026").level == 5
    assert action_level("consider new laws", deadline="2026").level == 3
    assert action_level("sign the accord", cap=2).level == 2
    assert action_level("nothing classified here", default=1).level == 1
