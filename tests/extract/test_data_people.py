"""The people, titles and places vocabularies: their examples and invariants."""

import pytest

from dialogwatch.extract.context import DocContext
from dialogwatch.extract.data_loader import load_data
from dialogwatch.extract.document import classify_document
from dialogwatch.extract.names import find_name_candidates, known_person, people_data, same_person
from dialogwatch.extract.ordinals import OrdinalData, find_ordinals, roman_value
from dialogwatch.extract.people import find_participants
from dialogwatch.extract.pipeline import build_context
from dialogwatch.extract.places import lookup_city, places_data
from dialogwatch.extract.titles import pre_title_regex, split_title, title_data


@pytest.mark.parametrize("example", people_data().examples, ids=lambda e: e.text[:30])
def test_people_yaml_examples(example):
    ctx = build_context(example.text)
    found = find_participants(ctx, classify_document(ctx), [])
    if example.name is None:
        assert found == []
        return
    p = next(p for p in found if p.name == example.name)
    assert p.title == example.title and p.side == example.side


@pytest.mark.parametrize("example", title_data().examples, ids=lambda e: e.text)
def test_titles_yaml_examples(example):
    m = pre_title_regex().search(example.text + " ")
    assert m is not None
    assert m.group("t").strip(" ,").removeprefix("el ").removeprefix("la ") == example.title


@pytest.mark.parametrize("example", places_data().examples, ids=lambda e: e.text)
def test_places_yaml_examples(example):
    assert lookup_city(example.text)[1] == example.country


@pytest.mark.parametrize("example", load_data("ordinals.yaml", OrdinalData).examples, ids=lambda e: e.text)
def test_ordinals_yaml_examples(example):
    values = [value for _, _, value in find_ordinals(example.text)]
    assert example.value in values


def test_roman_numerals():
    assert [roman_value(s) for s in ["VI", "XII", "XIV", "IIII", ""]] == [6, 12, 14, None, None]


def test_known_people_have_sides_and_two_name_tokens():
    for k in people_data().known:
        assert k.side and len(k.name.split()) >= 2
    assert known_person("Andres Manuel Lopez Obrador").side == "MX"


def test_name_candidates_keep_particles_initials_and_hyphens():
    text = "Juan Ramón de la Fuente, E. Anthony Wayne, Ana María Ruiz-Cabañas y María del Carmen Soto."
    names = [c.text for c in find_name_candidates(text)]
    assert names == [
        "Juan Ramón de la Fuente",
        "E. Anthony Wayne",
        "Ana María Ruiz-Cabañas",
        "María del Carmen Soto",
    ]


def test_same_person_variants():
    assert same_person("Roberta Jacobson", "Roberta S. Jacobson")
    assert same_person("Peña Nieto", "Enrique Peña Nieto")
    assert not same_person("Ana López", "Luis López")


def test_split_title_keeps_subject_phrases_whole():
    assert split_title("Assistant Secretary of State for Western Hemisphere Affairs").organization is None
    parts = split_title("directora de Asuntos Jurídicos de la Secretaría de Marina (SEMAR)")
    assert (parts.title, parts.organization, parts.acronym) == (
        "directora de Asuntos Jurídicos",
        "Secretaría de Marina",
        "SEMAR",
    )
    assert split_title("Head of the EU Delegation to Peru").organization is None


def test_split_title_keeps_a_bare_head_word_in_the_post():
    for post in ("secretario de Marina", "Secretary of the Navy", "comandante del Ejército"):
        parts = split_title(post)
        assert (parts.title, parts.organization) == (post, None)
    assert split_title("director of FJEDD").organization == "FJEDD"
    assert split_title("subsecretario de la Cancillería").organization == "Cancillería"
    parts = split_title("titular de la Fiscalía General de la República")
    assert (parts.title, parts.organization) == (
        "titular de la Fiscalía General de la República",
        "Fiscalía General de la República",
    )
    assert split_title("directora de la Marina Armada de México").organization == "Marina Armada de México"


def test_title_before_each_name_in_a_spanish_list():
    from dialogwatch.extract.pipeline import extract_text

    text = (
        "Participaron el secretario de la Defensa Nacional, Luis Cresencio Sandoval, el secretario de "
        "Marina, José Rafael Ojeda Durán, y la fiscal especial, Sara Irene Herrerías."
    )
    got = {p.name: p.title for p in extract_text(text, language="es").participants}
    assert got == {
        "Luis Cresencio Sandoval": "secretario de la Defensa Nacional",
        "José Rafael Ojeda Durán": "secretario de Marina",
        "Sara Irene Herrerías": "fiscal especial",
    }
    text = (
        "Attending were Ana Ruiz, Deputy Minister of Justice, Pedro Gil, an adviser, and Rosa Paz, "
        "Ambassador."
    )
    got = {p.name: p.title for p in extract_text(text, language="en").participants}
    assert got["Ana Ruiz"] == "Deputy Minister of Justice"
    assert got["Rosa Paz"] == "Ambassador"


def test_data_files_have_no_duplicate_keys_in_org_lexicon():
    from dialogwatch.extract.orgs import org_data

    keys = [o.key for o in org_data().organizations]
    assert len(keys) == len(set(keys))


def test_context_is_reused_not_reloaded():
    ctx = DocContext("Ambassador Ana Pérez Soto spoke.", "en")
    assert ctx.language == "en"


def test_compound_ordinals_take_their_tens_only_when_joined():
    assert [v for *_, v in find_ordinals("the Twenty-Seventh round and the twenty eighth")] == [27, 28]
    assert [v for *_, v in find_ordinals("el vigésimo octavo diálogo")] == [28]
    assert [v for *_, v in find_ordinals("twenty people attended the seventh round")] == [7]
    text = "held the twenty-seventh dialogue"
    start, end, _ = next(find_ordinals(text))
    assert text[start:end] == "twenty-seventh"


@pytest.mark.parametrize(
    ("phrase", "title", "org", "acronym"),
    [
        (
            "Drug Enforcement Administration (DEA) Administrator",
            "Administrator",
            "Drug Enforcement Administration",
            "DEA",
        ),
        ("DEA Administrator", "DEA Administrator", "DEA", None),
        (
            "Administrator of the Drug Enforcement Administration",
            "Administrator",
            "Drug Enforcement Administration",
            None,
        ),
        ("Secretary of State", "Secretary of State", None, None),
    ],
)
def test_split_title_finds_the_agency_before_its_officer(phrase, title, org, acronym):
    parts = split_title(phrase)
    assert (parts.title, parts.organization, parts.acronym) == (title, org, acronym)


@pytest.mark.parametrize(
    ("phrase", "title", "org"),
    [
        (
            "Executive Director, Central America Rights Coalition (CARC)",
            "Executive Director",
            "Central America Rights Coalition",
        ),
        (
            "Coordinator, Guatemalan Defenders Observatory (ODG)",
            "Coordinator",
            "Guatemalan Defenders Observatory",
        ),
    ],
)
def test_split_title_reads_a_body_by_its_acronym(phrase, title, org):
    parts = split_title(phrase)
    assert (parts.title, parts.organization) == (title, org)
