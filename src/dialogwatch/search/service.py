"""Full-text search over documents and actions: ranked hits, snippets, facets, pagination.

Both backends match the same folded, stemmed terms (see ``stemmer``); only the
matching and ranking operator differs: FTS5 ``MATCH`` with ``bm25`` (title
weighted 10:1) on SQLite, ``@@`` with ``ts_rank`` (title weight A, body B) on
PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, and_, column, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from dialogwatch.search.index import entries, terms
from dialogwatch.search.query import ParsedQuery, parse_query
from dialogwatch.search.snippets import Segment, highlight_spans, segments, snippet
from dialogwatch.store.models import Action, Document

KINDS = ("document", "action")


@dataclass
class SearchFilters:
    """Narrowing of a search; ``None`` means no restriction."""

    kind: str | None = None
    doc_type: str | None = None
    language: str | None = None
    year: str | None = None
    include_private: bool = False


@dataclass
class SearchHit:
    """One ranked hit: a document or an action, with a highlighted snippet."""

    kind: str
    id: int
    document_id: int
    title: str
    doc_type: str | None
    language: str | None
    issue_date: str | None
    rank: int
    snippet: list[Segment]
    title_segments: list[Segment]
    action_kind: str | None = None
    level: int | None = None
    status: str | None = None


@dataclass
class SearchResult:
    """A page of hits with the total count and facet counts over all matches."""

    query: str
    total: int
    limit: int
    offset: int
    hits: list[SearchHit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _match(dialect: str, q: ParsedQuery) -> tuple[ColumnElement, ColumnElement, list]:
    """(where clause, ranking expression (best first), extra join) for the backend."""
    if dialect == "sqlite":
        fts = table("search_fts", column("rowid"))
        where = text("search_fts MATCH :fts_q").bindparams(fts_q=q.fts5())
        rank = literal_column("bm25(search_fts, 10.0, 1.0)").asc()
        return where, rank, [fts]
    where = text("search_terms.tsv @@ to_tsquery('simple', :ts_q)").bindparams(ts_q=q.tsquery())
    rank = text("ts_rank(search_terms.tsv, to_tsquery('simple', :ts_q2)) DESC").bindparams(ts_q2=q.tsquery())
    return where, rank, [terms]


def _base(dialect: str, q: ParsedQuery, f: SearchFilters, cols: list) -> tuple[Select, ColumnElement]:
    where, rank, extra = _match(dialect, q)
    source = extra[0]
    key = source.c.rowid if dialect == "sqlite" else source.c.id
    src = source.join(entries, entries.c.id == key)
    conds = [where, entries.c.listed.is_(True)]
    if not f.include_private:
        conds.append(entries.c.visibility == "public")
    if f.kind in KINDS:
        conds.append(entries.c.kind == f.kind)
    if f.doc_type:
        conds.append(entries.c.doc_type == f.doc_type)
    if f.language:
        conds.append(entries.c.language == f.language)
    if f.year:
        conds.append(entries.c.year == f.year)
    return select(*cols).select_from(src).where(and_(*conds)), rank


def _facets(
    session: Session, dialect: str, q: ParsedQuery, f: SearchFilters
) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """Total and facet counts from one grouped query (the match runs once, not once per facet)."""
    e = entries.c
    stmt, _ = _base(dialect, q, f, [e.kind, e.doc_type, e.language, e.year, func.count().label("n")])
    rows = session.execute(stmt.group_by(e.kind, e.doc_type, e.language, e.year)).all()
    counts: dict[str, dict[str, int]] = {"kind": {}, "doc_type": {}, "language": {}, "year": {}}
    total = 0
    for kind, doc_type, language, yr, n in rows:
        total += n
        for name, value in (("kind", kind), ("doc_type", doc_type), ("language", language), ("year", yr)):
            if value is not None:
                counts[name][value] = counts[name].get(value, 0) + n
    facets = {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for name, c in counts.items()}
    return total, facets


def search(
    session: Session, raw: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
) -> SearchResult:
    """Run a full-text query and return one page of ranked, highlighted hits with facets."""
    f = filters or SearchFilters()
    limit, offset = max(1, min(limit, 100)), max(0, offset)
    q = parse_query(raw)
    result = SearchResult(query=raw, total=0, limit=limit, offset=offset)
    if q.empty:
        return result
    dialect = session.get_bind().dialect.name
    result.total, result.facets = _facets(session, dialect, q, f)
    if not result.total:
        return result
    stmt, rank = _base(dialect, q, f, [entries.c.kind, entries.c.ref_id, entries.c.document_id])
    page = stmt.order_by(rank, entries.c.issue_date.desc(), entries.c.id).limit(limit).offset(offset)
    rows = session.execute(page).all()
    result.hits = _hydrate(session, q, [tuple(r) for r in rows], offset)
    return result


def _hydrate(session: Session, q: ParsedQuery, rows: list[tuple], offset: int) -> list[SearchHit]:
    doc_ids = {r[2] for r in rows}
    action_ids = [r[1] for r in rows if r[0] == "action"]
    docs = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(doc_ids)))}
    actions = {a.id: a for a in session.scalars(select(Action).where(Action.id.in_(action_ids)))}
    wanted = q.all_terms
    hits: list[SearchHit] = []
    for rank_no, (kind, ref_id, doc_id) in enumerate(rows):
        doc = docs[doc_id]
        title = doc.title or doc.filename or f"#{doc.id}"
        hit = SearchHit(
            kind=kind,
            id=ref_id,
            document_id=doc_id,
            title=title,
            doc_type=doc.doc_type,
            language=doc.language,
            issue_date=doc.issue_date,
            rank=offset + rank_no + 1,
            snippet=[],
            title_segments=segments(title, highlight_spans(title, wanted)),
        )
        if kind == "action" and ref_id in actions:
            act = actions[ref_id]
            hit.snippet = segments(act.text, highlight_spans(act.text, wanted))
            hit.action_kind, hit.level, hit.status = act.kind, act.level, act.status
        else:
            hit.snippet = snippet(doc.clean_text, wanted)
        hits.append(hit)
    return hits
