"""Search: accent/case folding, stemming, phrases, ranking, facets, sync, on both backends."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import delete, func, select

from dialogwatch.search.index import entries, sync
from dialogwatch.search.query import parse_query
from dialogwatch.search.service import SearchFilters, search
from dialogwatch.search.snippets import snippet
from dialogwatch.search.stemmer import fold, load_stemming, stem, terms
from dialogwatch.store.db import Store
from dialogwatch.store.models import Action, Document


def add_doc(session, title: str, text: str, **kw) -> Document:
    """Insert a minimal document row."""
    sha = hashlib.sha256((title + text).encode()).hexdigest()
    doc = Document(
        source_path=f"/tmp/{sha[:8]}.txt",
        filename=f"{sha[:8]}.txt",
        raw_sha256=sha,
        sha256=sha,
        title=title,
        clean_text=text,
        doc_type=kw.get("doc_type", "joint_statement"),
        language=kw.get("language", "es"),
        issue_date=kw.get("issue_date", "2016-10-27"),
        visibility=kw.get("visibility", "public"),
    )
    session.add(doc)
    session.flush()
    return doc


@pytest.fixture
def corpus(store: Store) -> Store:
    """Four documents in two languages plus one action, indexed."""
    with store.session() as s:
        a = add_doc(s, "Informe sobre la tortura en México", "El gobierno presentó datos nuevos sobre casos.")
        add_doc(
            s,
            "Declaración conjunta sobre cooperación",
            "Las delegaciones hablaron de muchos temas. También se mencionó la tortura una vez. "
            "Se discutió la desaparición forzada de personas y la búsqueda de desaparecidos.",
        )
        add_doc(
            s,
            "Joint statement on migration",
            "Both delegations discussed migrants and asylum seekers at the border with Mexico.",
            language="en",
            doc_type="press_release",
            issue_date="2015-10-21",
        )
        add_doc(s, "Nota privada", "Tortura documentada en informe reservado.", visibility="private")
        s.add(
            Action(
                document_id=a.id,
                kind="commitment",
                text="México se compromete a erradicar la tortura antes de 2020.",
                level=3,
                rule="test",
            )
        )
    with store.session() as s:
        sync(s)
    return store


def test_stemming_examples_from_yaml() -> None:
    data = load_stemming()
    from dialogwatch.search.stemmer import apply_step

    for step in data.steps:
        for word, expected in step.examples:
            assert apply_step(word, step, data.min_stem) == expected, (step.name, word)


def test_fold_and_stem_conflate_variants() -> None:
    assert fold("Desaparición") == "desaparicion"
    assert stem("desapariciones") == stem("desaparicion")
    assert terms("Tortura") == terms("torturas") == terms("TORTURE")
    assert stem("2016") == "2016"


def test_parse_query_phrases() -> None:
    q = parse_query('"desaparición forzada" Tortura')
    assert q.groups == [terms("desaparicion forzada"), terms("tortura")]
    assert q.fts5() == '"desaparicion forzad" "tortur"'
    assert q.tsquery() == "('desaparicion' <-> 'forzad') & 'tortur'"
    assert parse_query('"" ,;').empty


@pytest.mark.parametrize("query", ["tortura", "Tortura", "TORTURA", "torturas"])
def test_case_insensitive(corpus: Store, query: str) -> None:
    with corpus.session() as s:
        res = search(s, query, SearchFilters(kind="document"))
    assert res.total == 2
    assert {h.title for h in res.hits} == {
        "Informe sobre la tortura en México",
        "Declaración conjunta sobre cooperación",
    }


def test_accent_insensitive(corpus: Store) -> None:
    with corpus.session() as s:
        plain = search(s, "desaparicion")
        accented = search(s, "desaparición")
    assert plain.total == accented.total == 1
    assert plain.hits[0].title == "Declaración conjunta sobre cooperación"
    assert ("desaparición", True) in plain.hits[0].snippet


def test_title_match_ranks_above_passing_mention(corpus: Store) -> None:
    with corpus.session() as s:
        res = search(s, "tortura", SearchFilters(kind="document"))
    assert res.hits[0].title == "Informe sobre la tortura en México"
    assert res.hits[0].rank == 1


def test_phrase_query_needs_adjacent_words(corpus: Store) -> None:
    with corpus.session() as s:
        assert search(s, '"desaparición forzada"').total == 1
        assert search(s, '"forzada desaparición"').total == 0
        assert search(s, "forzada desaparición").total == 1


def test_actions_are_searchable_and_private_hidden(corpus: Store) -> None:
    with corpus.session() as s:
        res = search(s, "erradicar")
        assert [h.kind for h in res.hits] == ["action"]
        assert res.hits[0].action_kind == "commitment" and res.hits[0].level == 3
        assert search(s, "reservado").total == 0
        assert search(s, "reservado", SearchFilters(include_private=True)).total == 1


def test_facets_and_filters(corpus: Store) -> None:
    with corpus.session() as s:
        assert search(s, "delegations migrants").total == 1
        assert search(s, "delegations tortura").total == 0  # every word must match
        res = search(s, "mexico")
        assert res.total == 3
        assert dict(res.facets["kind"]) == {"document": 2, "action": 1}
        assert dict(res.facets["language"]) == {"es": 2, "en": 1}
        assert dict(res.facets["year"]) == {"2016": 2, "2015": 1}
        only_en = search(s, "mexico", SearchFilters(language="en"))
        assert only_en.total == 1 and only_en.hits[0].language == "en"
        assert search(s, "mexico", SearchFilters(year="2016", kind="document")).hits[0].language == "es"
        assert search(s, "mexico", SearchFilters(doc_type="press_release")).total == 1


def test_pagination(store: Store) -> None:
    with store.session() as s:
        for i in range(25):
            add_doc(
                s, f"Informe {i}", f"texto sobre seguridad número {i}", issue_date=f"20{10 + i % 10}-01-01"
            )
        sync(s)
    with store.session() as s:
        first = search(s, "seguridad", limit=10)
        third = search(s, "seguridad", limit=10, offset=20)
    assert first.total == 25 and len(first.hits) == 10 and len(third.hits) == 5
    assert not {h.id for h in first.hits} & {h.id for h in third.hits}


def test_sync_follows_edits_and_deletes(corpus: Store) -> None:
    with corpus.session() as s:
        doc = s.scalars(select(Document).where(Document.title.like("Joint%"))).one()
        doc.title = "Joint statement on extradition"
    with corpus.session() as s:
        assert sync(s) == 1
        assert search(s, "extradition").total == 1
        assert sync(s) == 0
        s.execute(delete(Document).where(Document.title.like("Joint%")))
    with corpus.session() as s:
        assert search(s, "extradition").total == 0
        assert s.scalar(select(func.count()).select_from(entries)) == 4


def test_snippet_marks_terms_and_windows_long_text() -> None:
    text = "palabra " * 100 + "aquí habla de Tortura y más " + "relleno " * 100
    segs = snippet(text, {stem("tortura")})
    assert ("Tortura", True) in segs
    assert segs[0] == ("… ", False) and segs[-1] == (" …", False)
    assert len("".join(t for t, _ in segs)) < 400


def test_sync_follows_visibility_and_versions(corpus: Store) -> None:
    from dialogwatch.search.index import SyncThrottle

    throttle = SyncThrottle(interval=0)
    with corpus.session() as s:
        assert search(s, "erradicar").total == 1
        doc = s.scalars(select(Document).where(Document.title.like("Informe sobre%"))).one()
        doc.visibility = "private"
    with corpus.session() as s:
        assert throttle.maybe_sync(s, force=True) == 2  # the document and its action
        assert search(s, "erradicar").total == 0
        assert search(s, "erradicar", SearchFilters(include_private=True)).total == 1
        assert throttle.maybe_sync(s) == 0  # nothing changed: the fingerprint check skips the scan
        doc = s.scalars(select(Document).where(Document.title.like("Informe sobre%"))).one()
        doc.visibility, doc.is_current = "public", False
        throttle.request()
        assert throttle.maybe_sync(s) == 2
        assert search(s, "erradicar").total == 0  # superseded versions are not listed
