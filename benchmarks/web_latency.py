"""Web latency benchmark: p95 of the search API and of every page on 10,000 generated documents.

Usage: python benchmarks/web_latency.py [--docs 10000] [--db sqlite:///bench.db] [--runs 30] [--no-write]

Generates a database (own synthetic EN/ES text), then calls the app in process
(FastAPI TestClient, no network) and records p95 latencies in docs/benchmarks.md
between the ``<!-- web-latency -->`` markers. Targets: search API <= 100 ms,
every page <= 300 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import statistics
import tempfile
import time
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

from fastapi.testclient import TestClient  # noqa: E402

# ruff: noqa: E501
from dialogwatch.search.index import sync  # noqa: E402
from dialogwatch.settings import Settings  # noqa: E402
from dialogwatch.store.db import Store, open_store  # noqa: E402
from dialogwatch.store.models import (  # noqa: E402
    Action,
    Document,
    Meeting,
    MeetingDocument,
    Participation,
    Person,
    Series,
    TopicAssignment,
)
from dialogwatch.store.topics import ensure_topics  # noqa: E402
from dialogwatch.web.app import create_app  # noqa: E402

MARK = "<!-- web-latency -->"
TOPICS = [
    "torture",
    "enforced_disappearance",
    "migrants_refugees",
    "journalists_defenders",
    "border",
    "policing",
]
EN = [
    "the",
    "delegations",
    "discussed",
    "torture",
    "prevention,",
    "forensic",
    "cooperation,",
    "missing",
    "persons,",
    "migrants,",
    "border",
    "security,",
    "police",
    "reform,",
    "journalists",
    "and",
    "human",
    "rights",
    "defenders,",
    "justice",
    "and",
    "accountability",
]
ES = [
    "las",
    "delegaciones",
    "conversaron",
    "sobre",
    "prevención",
    "de",
    "la",
    "tortura,",
    "cooperación",
    "forense,",
    "personas",
    "desaparecidas,",
    "migrantes,",
    "seguridad",
    "fronteriza,",
    "reforma",
    "policial,",
    "periodistas",
    "y",
    "defensores,",
    "justicia",
    "y",
    "desaparición",
]
SEARCHES = [
    "tortura",
    "Tortura",
    "desaparicion",
    "desaparición forzada",
    '"cooperación forense"',
    "migrants border",
    "journalists",
    "police reform",
    "justicia",
    "defensores",
]


def _text(rng: random.Random, words: list[str], n: int) -> str:
    sentences = []
    for _ in range(n):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(12, 24)))
        sentences.append(body[0].upper() + body[1:] + ".")
    return " ".join(sentences)


def generate(store: Store, n_docs: int, seed: int = 7) -> None:
    """Write ``n_docs`` documents with meetings, people, topics and actions."""
    rng = random.Random(seed)
    with store.session() as s:
        ensure_topics(s, TOPICS)
        series = [
            Series(key=f"bench-{i}", name=f"Benchmark dialogue {i}", parties=["US", "MX"]) for i in range(5)
        ]
        s.add_all(series)
        s.flush()
        meetings = [
            Meeting(
                series_id=series[i % 5].id, round=i // 5 + 1, date=f"{2000 + i // 5}-06-01", city="Ciudad"
            )
            for i in range(100)
        ]
        people = [Person(key=f"p{i}", name=f"Person {i} Example") for i in range(300)]
        s.add_all(meetings + people)
        s.flush()
    done = 0
    while done < n_docs:
        with store.session() as s:
            for _ in range(min(500, n_docs - done)):
                lang = "es" if done % 3 == 0 else "en"
                words = ES if lang == "es" else EN
                text = _text(rng, words, rng.randint(8, 20))
                title = ("Declaración conjunta " if lang == "es" else "Joint statement ") + " ".join(
                    rng.sample(words, 3)
                )
                sha = hashlib.sha256(f"{done}{text}".encode()).hexdigest()
                doc = Document(
                    source_path=f"/bench/{done}.txt",
                    filename=f"{done}.txt",
                    raw_sha256=sha,
                    sha256=sha,
                    title=title,
                    clean_text=text,
                    language=lang,
                    doc_type="joint_statement",
                    issue_date=f"{2000 + done % 20}-0{1 + done % 9}-15",
                )
                s.add(doc)
                s.flush()
                meeting = meetings[done % 100]
                s.add(MeetingDocument(meeting_id=meeting.id, document_id=doc.id))
                s.add(
                    TopicAssignment(
                        document_id=doc.id, topic_id=TOPICS[done % 6], evidence=[{"start": 0, "end": 20}]
                    )
                )
                end = text.index(".") + 1
                s.add(
                    Action(
                        document_id=doc.id,
                        meeting_id=meeting.id,
                        kind="commitment" if done % 4 else "ask",
                        text=text[:end],
                        actors=["US"] if done % 2 else ["MX"],
                        level=1 + done % 5,
                        deadline=f"{2005 + done % 20}",
                        start=0,
                        end=end,
                        rule="bench",
                        confidence=0.5,
                    )
                )
                s.add(
                    Participation(
                        document_id=doc.id,
                        meeting_id=meeting.id,
                        person_id=people[done % 300].id,
                        name=people[done % 300].name,
                        role="head",
                        side="US",
                    )
                )
                done += 1
    with store.session() as s:
        sync(s)


def p95(samples: list[float]) -> float:
    """95th percentile in milliseconds."""
    return statistics.quantiles(samples, n=20)[-1] * 1000 if len(samples) > 1 else samples[0] * 1000


def measure(client: TestClient, url: str, runs: int, **kw: object) -> tuple[float, float]:
    """(p95, median) in ms over ``runs`` GETs (after one warm-up)."""
    client.get(url, **kw)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url, **kw)
        times.append(time.perf_counter() - t0)
        assert r.status_code == 200, (url, r.status_code)
    return p95(times), statistics.median(times) * 1000


def run(db: str, n_docs: int, runs: int) -> list[tuple[str, float, float, float]]:
    """Generate (if empty) and measure; returns (name, p95 ms, median ms, target ms)."""
    store = open_store(db)
    with store.session() as s:
        empty = s.query(Document).count() == 0
    if empty:
        t0 = time.perf_counter()
        generate(store, n_docs)
        print(f"generated {n_docs} documents in {time.perf_counter() - t0:.1f}s")
    store.close()
    app = create_app(Settings(db=db))
    rows = []
    with TestClient(app) as c:
        search_times = []
        for q in SEARCHES:
            c.get("/api/v1/search", params={"q": q})
            for _ in range(max(3, runs // 3)):
                t0 = time.perf_counter()
                assert c.get("/api/v1/search", params={"q": q}).status_code == 200
                search_times.append(time.perf_counter() - t0)
        rows.append(
            (
                "search API (/api/v1/search, 10 queries)",
                p95(search_times),
                statistics.median(search_times) * 1000,
                100.0,
            )
        )
        pages = [
            "/",
            "/documents",
            "/documents?q=tortura",
            "/documents/1",
            "/series",
            "/series/1",
            "/series/1/topics",
            "/meetings/1",
            "/topics",
            "/topics/torture",
            "/people",
            "/people/1",
            "/organizations",
            "/tracker",
            "/tracker?overdue=true",
            "/actions/1",
            "/search?q=desaparicion",
        ]
        for url in pages:
            rows.append((f"page {url}", *measure(c, url, runs), 300.0))
    return rows


def write_section(rows: list[tuple[str, float, float, float]], n_docs: int) -> None:
    """Replace this benchmark's section of docs/benchmarks.md."""
    path = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
    lines = [
        MARK,
        "## Web latency (search API and pages)",
        "",
        f"`python benchmarks/web_latency.py` — {n_docs} generated documents (SQLite, in-process TestClient), "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}; load average {os.getloadavg()[0]:.1f} while measuring (other jobs shared "
        "the machine). p95 and median over repeated GETs after one warm-up; the search row pools 10 EN/ES "
        "queries (single words, accents, a phrase).",
        "",
        "| endpoint | p95 (ms) | median (ms) | target p95 (ms) | ok |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [
        f"| `{name}` | {value:.1f} | {median:.1f} | {target:.0f} | {'yes' if value <= target else 'NO'} |"
        for name, value, median, target in rows
    ]
    lines += ["", MARK]
    section = "\n".join(lines)
    old = path.read_text("utf-8") if path.exists() else "# Benchmarks\n"
    if old.count(MARK) >= 2:
        head, _, rest = old.partition(MARK)
        _, _, tail = rest.partition(MARK)
        new = head + section + tail
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(new, "utf-8")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file in a temp dir)")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--no-write", action="store_true", help="print only; do not touch docs/benchmarks.md")
    args = ap.parse_args()
    db = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'web_latency.db'}"
    rows = run(db, args.docs, args.runs)
    for name, value, median, target in rows:
        verdict = "ok" if value <= target else "SLOW"
        print(f"{name:50s} p95 {value:7.1f} ms  median {median:7.1f} ms (target {target:.0f}) {verdict}")
    if not args.no_write:
        write_section(rows, args.docs)


if __name__ == "__main__":
    main()
