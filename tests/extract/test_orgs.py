"""Organisation lexicon: resolution across languages, wordings and acronyms."""

import pytest

from dialogwatch.extract.orgs import is_org_like, org_country, org_data, resolve_org


@pytest.mark.parametrize("example", org_data().examples, ids=lambda e: e.text)
def test_organizations_yaml_examples(example):
    rec = resolve_org(example.text)
    assert (rec.key if rec else None) == example.key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Foreign Ministry", "mx-sre"),
        ("Cancillería", "mx-sre"),
        ("Secretaría de Marina", "mx-semar"),
        ("the Secretariat of the Navy", "mx-semar"),
        ("Mexico's Secretariat of Security and Citizen Protection", "mx-sspc"),
        ("Instituto Nacional de Migración", "mx-inm"),
        ("Departamento de Seguridad Nacional", "us-dhs"),
        ("the Justice Department", "us-doj"),
        ("Comisión Interamericana de Derechos Humanos", "iachr"),
        ("Servicio Europeo de Acción Exterior", "eu-eeas"),
        ("Delegación de la Unión Europea en México", "eu-delegation"),
    ],
)
def test_resolution_is_tolerant(name, key):
    assert resolve_org(name).key == key


def test_generic_ministry_gets_the_country_of_the_name():
    rec = resolve_org("Ministerio de Relaciones Exteriores de Colombia")
    assert rec is not None and rec.country == "CO"
    assert resolve_org("the Vietnamese Ministry of Public Security").country == "VN"


def test_country_hint_chooses_between_embassies():
    assert resolve_org("the Embassy", "MX").key == "mx-embassy-us"
    assert resolve_org("the Embassy", "US").key == "us-embassy-mx"


def test_exact_mode_refuses_partial_names():
    assert resolve_org("Office of Foreign Assets Control of Treasury agents", exact=True) is None
    assert resolve_org("Treasury's Office of Foreign Assets Control").key == "us-ofac"


def test_unknown_and_empty_names():
    assert resolve_org("Ministry of Magic Affairs of Narnia") is None
    assert resolve_org("   ") is None


def test_org_country_marks_civil_society():
    assert org_country("Washington Office on Latin America") == "CSO"
    assert org_country("Amnistía Internacional") == "CSO"
    assert org_country("ACNUR") == "INTL"
    assert org_country("Guardia Nacional") == "MX"


def test_org_like_phrases():
    assert is_org_like("Consejo Nacional de Población")
    assert is_org_like("the Presidential Council for Human Rights")
    assert not is_org_like("Rosa Icela Rodríguez")
