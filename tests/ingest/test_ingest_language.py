"""Language detection: English, Spanish, other, mixed, short and empty texts, determinism."""

from __future__ import annotations

import time

from ingest_builders import STATEMENT_EN, STATEMENT_EN_2, STATEMENT_ES

from dialogwatch.ingest.language import detect_language

FRENCH = (
    "Les gouvernements de la France et du Mexique ont tenu le troisième cycle de leur dialogue sur les "
    "droits de l'homme à Paris. Les délégations sont convenues d'échanger des informations sur les "
    "personnes disparues et de se réunir à nouveau l'année prochaine."
)
PORTUGUESE = (
    "Os governos do Brasil e do México realizaram a terceira rodada do diálogo sobre direitos humanos em "
    "Brasília. As delegações concordaram em trocar informações sobre pessoas desaparecidas."
)


def test_english() -> None:
    assert detect_language(f"{STATEMENT_EN}\n\n{STATEMENT_EN_2}") == "en"


def test_spanish() -> None:
    assert detect_language(STATEMENT_ES) == "es"


def test_french_and_portuguese_are_other() -> None:
    assert detect_language(FRENCH) == "other"
    assert detect_language(PORTUGUESE) == "other"


def test_mixed_document_follows_the_majority() -> None:
    mostly_spanish = (
        f"{STATEMENT_ES}\n\n{STATEMENT_ES.replace('Lima', 'Quito')}\n\nJoint statement (unofficial)."
    )
    assert detect_language(mostly_spanish) == "es"
    mostly_english = f"{STATEMENT_EN}\n\n{STATEMENT_EN_2}\n\nComunicado conjunto de ambos gobiernos."
    assert detect_language(mostly_english) == "en"


def test_english_statement_full_of_spanish_names_is_english() -> None:
    text = (
        "The Mexican delegation was headed by Juan Manuel Gómez Robledo of the Secretaría de Relaciones "
        "Exteriores, with Lía Limón García of the Secretaría de Gobernación and Ricardo García Cervantes "
        "of the Procuraduría General de la República."
    )
    assert detect_language(text) == "en"


def test_short_texts_use_function_words() -> None:
    assert detect_language("The delegations met in Lima") == "en"
    assert detect_language("Las delegaciones se reunieron en Lima") == "es"
    assert detect_language("Les délégations et les experts") == "other"


def test_empty_and_wordless_texts_are_other() -> None:
    assert detect_language("") == "other"
    assert detect_language("   \n 2014 -- 3.5 %") == "other"


def test_deterministic_and_fast() -> None:
    text = (STATEMENT_EN + " ") * 200
    first = detect_language(text)
    start = time.perf_counter()
    results = {detect_language(text) for _ in range(20)}
    per_call = (time.perf_counter() - start) / 20
    assert results == {first} == {"en"}
    assert per_call < 0.1


def test_italian_is_other() -> None:
    italian = (
        "I governi dell'Italia e del Messico hanno tenuto il terzo ciclo del dialogo sui diritti umani "
        "a Roma. "
        "Le delegazioni hanno concordato di scambiare informazioni sulle persone scomparse."
    )
    assert detect_language(italian) == "other"
