"""Store action links: each new document's actions against every earlier and later document's."""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from dialogwatch.extract.orgs import resolve_org
from dialogwatch.extract.places import find_countries
from dialogwatch.link.data import cases_data, scoring_data
from dialogwatch.link.embeddings import embedding_similarity
from dialogwatch.link.meetings import superseded
from dialogwatch.link.named import resolve_case_name
from dialogwatch.link.normalize import words
from dialogwatch.link.orgs import country_of_side
from dialogwatch.link.similarity import (
    CONCEPTS,
    ActionView,
    TextSimilarity,
    link_kind,
    score_pair,
    status_for,
)
from dialogwatch.settings import get_settings
from dialogwatch.store.models import (
    Action,
    ActionLink,
    CaseMention,
    Document,
    MeetingDocument,
    Participation,
    TopicAssignment,
)

MACHINE_STATUSES = ("suggested", "proposed")
CONTEXT_CHARS = 1500
RULE = "link.actions.bilingual-overlap/1"
EMBEDDINGS_RULE = "link.actions.sentence-embeddings/1"


def text_similarity(setting: str) -> TextSimilarity:
    """The text signal ``settings.similarity`` asks for: concept overlap, or sentence embeddings."""
    return embedding_similarity() if setting == "embeddings" else CONCEPTS


@cache
def addressee_countries(addressee: str | None) -> frozenset[str]:
    """Countries an ask's addressee belongs to ("Secretary Pompeo" says none; "the Mexican government" MX)."""
    if not addressee:
        return frozenset()
    codes = {code for _, _, code in find_countries(addressee)}
    rec = resolve_org(addressee)
    if rec is not None and rec.country and len(rec.country) == 2:
        codes.add(rec.country)
    return frozenset(codes)


def named_countries(text: str) -> frozenset[str]:
    """Countries a text names ("the Mexican government" -> MX)."""
    return frozenset(code for _, _, code in find_countries(text))


def paragraph_bounds(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Offsets of the paragraph around a span (at most CONTEXT_CHARS either side)."""
    if not text or start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    lo = text.rfind("\n\n", max(0, start - CONTEXT_CHARS), start)
    hi = text.find("\n\n", end, min(len(text), end + CONTEXT_CHARS))
    lo = max(0, start - CONTEXT_CHARS) if lo < 0 else lo
    hi = min(len(text), end + CONTEXT_CHARS) if hi < 0 else hi
    return lo, hi


_LIST_ITEM = re.compile(r"\s*(?:[-*\u2022\u2013\u25aa\u25cf]|\(?[0-9ivxlc]{1,4}[.)]|\(?[a-z][.)])\s")


def case_scope(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where a named case makes an action about it: its own list item, else its own paragraph.

    Narrower than the context window, so that an item of a list is not "about" the case a
    sibling item names, and a long unbroken text does not spread one case over every action.
    """
    if not text or start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    line_lo = text.rfind("\n", 0, start) + 1
    line_hi = text.find("\n", end)
    line_hi = len(text) if line_hi < 0 else line_hi
    if _LIST_ITEM.match(text, line_lo):
        return line_lo, line_hi
    lo = text.rfind("\n\n", max(0, start - CONTEXT_CHARS), start)
    hi = text.find("\n\n", end, min(len(text), end + CONTEXT_CHARS))
    if (lo < 0 and start > CONTEXT_CHARS) or (hi < 0 and len(text) - end > CONTEXT_CHARS):
        return line_lo, line_hi
    return max(lo, 0), len(text) if hi < 0 else hi


def paragraph(text: str, start: int | None, end: int | None) -> str:
    """The paragraph around a span, used as an action's context."""
    bounds = paragraph_bounds(text, start, end)
    return text[bounds[0] : bounds[1]] if bounds else ""


def _read_context(view: ActionView, text: str, cases: list[tuple[int, int, frozenset[str]]]) -> None:
    """Give a view its paragraph's concepts and the topics of the named cases in that paragraph."""
    bounds = paragraph_bounds(text, view.start, view.end)
    if bounds is None:
        view.set_context("")
        return
    context = text[bounds[0] : bounds[1]]
    view.set_context(context)
    lo, hi = bounds
    found = cases_named_in(context)
    for c_start, c_end, topics in cases:
        if c_end > lo and c_start < hi:
            found = found | topics
    view.topics = view.topics | found
    scope = case_scope(text, view.start, view.end)
    if scope is not None and found:
        own = cases_named_in(text[scope[0] : scope[1]])
        for c_start, c_end, topics in cases:
            if c_end > scope[0] and c_start < scope[1]:
                own = own | topics
        view.case_topics = own


def eligible_document_ids(session: Session) -> set[int]:
    """Documents whose actions count as evidence: current, not duplicates, not translations or drafts."""
    docs = set(
        session.scalars(
            select(Document.id).where(Document.is_current.is_(True), Document.duplicate_of_id.is_(None))
        )
    )
    roles: dict[int, set[str]] = {}
    reports = session.execute(
        select(MeetingDocument.meeting_id, MeetingDocument.document_id, MeetingDocument.role).where(
            MeetingDocument.meeting_id.is_not(None)
        )
    ).all()
    for mid, _, role in reports:
        roles.setdefault(mid, set()).add(role)
    hidden = {doc_id for mid, doc_id, role in reports if superseded(role, roles[mid])}
    return docs - hidden


def cases_named_in(text: str) -> frozenset[str]:
    """Topics of the gazetteer's cases a passage names (a paragraph on Ayotzinapa is about disappearance)."""
    folded = " " + " ".join(words(text)) + " "
    found: set[str] = set()
    for entry, aliases in _case_aliases():
        if any(a in folded for a in aliases):
            found.update(entry)
    return frozenset(found)


@cache
def _case_aliases() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    for entry in cases_data().cases:
        if entry.topics:
            aliases = tuple(" " + " ".join(words(a)) + " " for a in entry.aliases)
            out.append((tuple(entry.topics), aliases))
    return out


def _case_topics(session: Session, doc_ids: set[int]) -> dict[int, list[tuple[int, int, frozenset[str]]]]:
    """Per document, the spans of named cases that carry topics (Ayotzinapa: disappearance)."""
    out: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    rows = session.execute(
        select(
            CaseMention.document_id, CaseMention.name, CaseMention.aliases, CaseMention.start, CaseMention.end
        ).where(CaseMention.document_id.in_(doc_ids), CaseMention.start.is_not(None))
    )
    for doc_id, name, aliases, start, end in rows:
        topics = resolve_case_name(name, list(aliases or [])).topics
        if topics:
            out.setdefault(doc_id, []).append((start, end if end is not None else start, frozenset(topics)))
    return out


def _addressed_countries(session: Session, doc_ids: set[int]) -> dict[int, frozenset[str]]:
    """Per document, the countries of the people it is addressed to (a letter to a Secretary of State)."""
    out: dict[int, set[str]] = {}
    rows = session.execute(
        select(Participation.document_id, Participation.side).where(
            Participation.document_id.in_(doc_ids), Participation.role == "addressee"
        )
    )
    for doc_id, side in rows:
        if country_of_side(side):
            out.setdefault(doc_id, set()).add(side)
    return {k: frozenset(v) for k, v in out.items()}


def _views(session: Session, doc_ids: set[int], with_context: bool) -> list[ActionView]:
    if not doc_ids:
        return []
    # Columns, not whole documents (text, raw extraction): loading those per candidate is the cost at scale.
    cols = [Document.id, Document.issue_date] + ([Document.clean_text] if with_context else [])
    rows = session.execute(select(*cols).where(Document.id.in_(doc_ids))).all()
    dates = {r[0]: r[1] for r in rows}
    texts = {r[0]: r[2] for r in rows} if with_context else {}
    cases = _case_topics(session, doc_ids)
    addressed = _addressed_countries(session, doc_ids)
    out = []
    for a in session.scalars(select(Action).where(Action.document_id.in_(doc_ids)).order_by(Action.id)):
        view = ActionView(
            id=a.id,
            document_id=a.document_id,
            date=dates[a.document_id] or "",
            kind=a.kind,
            text=a.text,
            topics=frozenset(a.topics or []),
            actors=frozenset(a.actors or []),
            addressee_countries=addressee_countries(a.addressee) or addressed.get(a.document_id, frozenset()),
            named_countries=named_countries(a.text) if a.kind == "ask" else frozenset(),
            meeting_id=a.meeting_id,
            identity_key=a.identity_key or "",
            start=a.start,
            end=a.end,
        )
        if with_context:
            _read_context(view, texts[a.document_id] or "", cases.get(a.document_id, []))
        out.append(view)
    return out


def clear_action_links(session: Session, document_id: int) -> None:
    """Drop the machine links of one document's actions (human decisions stay)."""
    ids = select(Action.id).where(Action.document_id == document_id)
    session.execute(
        delete(ActionLink).where(
            or_(ActionLink.source_action_id.in_(ids), ActionLink.target_action_id.in_(ids)),
            ActionLink.status.in_(MACHINE_STATUSES),
        )
    )


def related_documents(session: Session, document_id: int, extra_topics: set[str] | None = None) -> list[int]:
    """The documents most worth comparing with one: those sharing the most topics or a named case.

    Ranked in SQL over the indexed topic and case tables (most shared first, then the newest)
    and cut at ``max_candidate_documents``, so that linking one document costs the same in a
    store of ten documents or of ten thousand.
    """
    limit = scoring_data().max_candidate_documents
    topics = set(extra_topics or ()) | set(
        session.scalars(select(TopicAssignment.topic_id).where(TopicAssignment.document_id == document_id))
    )
    shared: dict[int, int] = {}
    if topics:
        rows = session.execute(
            select(TopicAssignment.document_id, func.count())
            .where(TopicAssignment.topic_id.in_(topics), TopicAssignment.document_id != document_id)
            .group_by(TopicAssignment.document_id)
        )
        shared = {doc: int(n) for doc, n in rows}
    cases = select(CaseMention.case_id).where(
        CaseMention.document_id == document_id, CaseMention.case_id.is_not(None)
    )
    # A shared named case counts like several shared topics: it is the most specific link there is.
    for (doc,) in session.execute(
        select(CaseMention.document_id)
        .where(CaseMention.case_id.in_(cases), CaseMention.document_id != document_id)
        .distinct()
    ):
        shared[doc] = shared.get(doc, 0) + 3
    if not topics and not shared:
        # Nothing to rank by (no topic found): the newest documents are the likeliest relatives.
        newest = (
            select(Document.id).where(Document.id != document_id).order_by(Document.id.desc()).limit(limit)
        )
        return list(session.scalars(newest))
    ranked = sorted(shared, key=lambda d: (-shared[d], -d))
    return ranked[:limit]


def link_actions(
    session: Session,
    document: Document,
    threshold: float,
    top_k: int,
    similarity: TextSimilarity | None = None,
) -> int:
    """Link one document's actions with every other eligible document's; return links written.

    ``similarity`` gives the text signal; by default the one ``settings.similarity`` names.
    """
    similar = similarity if similarity is not None else text_similarity(get_settings().similarity)
    rule = RULE if similar is CONCEPTS else EMBEDDINGS_RULE
    eligible = eligible_document_ids(session)
    if document.id not in eligible:
        return 0
    mine = _views(session, {document.id}, True)
    if not mine:
        return 0
    topics = set().union(*(v.topics for v in mine))
    candidates = set(related_documents(session, document.id, topics)) & (eligible - {document.id})
    others = _views(session, candidates, False)
    cases = _case_topics(session, candidates)
    doc_case_topics = {d: frozenset().union(*(t for _, _, t in spans)) for d, spans in cases.items()}
    mine_ids = [v.id for v in mine]
    decided = {
        (s, t, k)
        for s, t, k in session.execute(
            select(ActionLink.source_action_id, ActionLink.target_action_id, ActionLink.kind).where(
                ActionLink.status.not_in(MACHINE_STATUSES),
                or_(ActionLink.source_action_id.in_(mine_ids), ActionLink.target_action_id.in_(mine_ids)),
            )
        )
    }
    # Cheap filter before reading the other paragraph (or embedding anything): a word or a topic in common.
    pairs = [
        (a, o)
        for a in mine
        for o in others
        if a.terms & o.terms or a.topics & (o.topics | doc_case_topics.get(o.document_id, frozenset()))
    ]
    # One batched pass over every sentence that may be scored (concept overlap has nothing to do).
    similar.prime(dict.fromkeys(v.text for a, o in pairs if _linkable(a, o) for v in (a, o)))
    texts: dict[int, str] = {}
    fresh: dict[tuple[int, str], list[ActionLink]] = {}
    for a, o in pairs:
        if o.context_terms is None:
            if o.document_id not in texts:
                texts[o.document_id] = (
                    session.scalar(select(Document.clean_text).where(Document.id == o.document_id)) or ""
                )
            _read_context(o, texts[o.document_id], cases.get(o.document_id, []))
        src, tgt = _order(o, a)
        scored = score_pair(src, tgt, similar)
        if scored is None or (src.id, tgt.id, scored.kind) in decided:
            continue
        fresh.setdefault((src.id, scored.kind), []).append(
            ActionLink(
                source_action_id=src.id,
                target_action_id=tgt.id,
                kind=scored.kind,
                score=scored.score,
                evidence=scored.evidence,
                status=status_for(scored.score, threshold, scored.evidence),
                rule=rule,
                identity_key=f"{src.identity_key}>{tgt.identity_key}:{scored.kind}"[:400],
            )
        )
    return _keep_best(session, fresh, top_k)


def _keep_best(session: Session, fresh: dict[tuple[int, str], list[ActionLink]], top_k: int) -> int:
    """Write only the new links that make a source's best ``top_k`` and drop the ones they push out.

    Deciding in memory, against the source's stored machine links fetched in one query, avoids
    writing thousands of candidate rows per document only to delete most of them again.
    """
    stored: dict[tuple[int, str], list[ActionLink]] = {}
    source_ids = sorted({sid for sid, _ in fresh})
    for lo in range(0, len(source_ids), 500):
        for link in session.scalars(
            select(ActionLink).where(
                ActionLink.source_action_id.in_(source_ids[lo : lo + 500]),
                ActionLink.status.in_(MACHINE_STATUSES),
            )
        ):
            stored.setdefault((link.source_action_id, link.kind), []).append(link)
    written = 0
    for key in sorted(fresh):
        pool = stored.get(key, []) + fresh[key]
        ranked = sorted(pool, key=lambda lk: (-(lk.score or 0.0), lk.target_action_id))
        keep = {id(lk) for lk in ranked[:top_k]}
        for link in stored.get(key, []):
            if id(link) not in keep:
                session.delete(link)
        for link in fresh[key]:
            if id(link) in keep:
                session.add(link)
                written += 1
    session.flush()
    return written


def _linkable(x: ActionView, y: ActionView) -> bool:
    """Whether the two kinds, in time order, can make a link at all (worth embedding)."""
    src, tgt = _order(x, y)
    return link_kind(src.kind, tgt.kind) is not None


def _order(x: ActionView, y: ActionView) -> tuple[ActionView, ActionView]:
    """Earlier first; when a date is missing, the ask comes first (an answer cannot precede its ask)."""
    if x.date and y.date:
        return (x, y) if x.date < y.date else (y, x)
    return (y, x) if y.kind == "ask" and x.kind != "ask" else (x, y)
