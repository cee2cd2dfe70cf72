"""Ingest throughput as the store grows: does adding one document stay cheap at 10^3+ documents?

Usage: python benchmarks/ingest_scale.py [--docs N] [--batch B] [--db URL] [--no-write]

Generates N distinct documents by recombining the sentences of the project's own annotated
corpus (``tests/corpus``) under varied dates and headings, so that they share topics, people
and cases the way a real archive does (the worst case for linking, which compares a new
document with every related earlier one). Ingests them in batches into a fresh database and
reports seconds per document for each batch: a flat curve means ingestion and linking are
incremental; a rising one means some step scans the whole store for every new document.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import machine, write_section  # noqa: E402

from dialogwatch.extract.segment import segment  # noqa: E402
from dialogwatch.ingest.readers import load_file  # noqa: E402
from dialogwatch.ingest.service import ingest_paths  # noqa: E402
from dialogwatch.settings import Settings  # noqa: E402
from dialogwatch.store.db import open_store  # noqa: E402

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


def _pools() -> dict[str, tuple[list[str], list[str]]]:
    """Per language: (headings, body sentences) of the annotated corpus."""
    pools: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted((ROOT / "tests" / "corpus" / "docs").iterdir()):
        loaded = load_file(path)
        lang = loaded.language or "en"
        heads, body = pools.setdefault(lang, ([], []))
        heads.append(loaded.title or path.stem)
        for sent in segment(loaded.text):
            if len(sent.text) > 40 and not re.search(r"\d{4}", sent.text):
                body.append(sent.text.strip())
    return pools


def generate(folder: Path, n: int, seed: int = 11) -> None:
    """Write ``n`` distinct documents built from corpus sentences into ``folder``."""
    rng = random.Random(seed)
    pools = _pools()
    langs = sorted(pools)
    for i in range(n):
        lang = langs[i % len(langs)]
        heads, body = pools[lang]
        year, month, day = rng.randint(2010, 2025), rng.randint(1, 12), rng.randint(1, 28)
        if lang == "es":
            dateline = f"Ciudad de México, {day} de {MONTHS_ES[month - 1]} de {year}"
        else:
            dateline = f"Washington, {MONTHS_EN[month - 1]} {day}, {year}"
        paras = [" ".join(rng.sample(body, 3)) for _ in range(rng.randint(4, 8))]
        text = f"{rng.choice(heads)} ({i})\n\n{dateline}\n\n" + "\n\n".join(paras) + "\n"
        (folder / f"g{i:05d}_{lang}.txt").write_text(text, encoding="utf-8")


def run(n: int, batch: int, db: str | None) -> list[tuple[int, float, int]]:
    """Ingest in batches; return (documents stored after the batch, s/doc, failures) per batch."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs"
        src.mkdir()
        generate(src, n)
        url = db or f"sqlite:///{tmp}/scale.db"
        store = open_store(url)
        settings = Settings(db=url)
        files = sorted(src.iterdir())
        for lo in range(0, n, batch):
            part = files[lo : lo + batch]
            t0 = time.perf_counter()
            report = ingest_paths(store, part, settings=settings)
            dt = time.perf_counter() - t0
            failed = sum(1 for r in report.results if r.status == "failed")
            rows.append((lo + len(part), dt / len(part), failed))
            print(
                f"{lo + len(part):6d} docs  {dt / len(part) * 1000:8.1f} ms/doc  failed={failed}", flush=True
            )
    return rows


def main() -> None:
    """Run the scale benchmark and write its section of docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="documents to generate and ingest")
    ap.add_argument("--batch", type=int, default=250, help="documents per timed batch")
    ap.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    rows = run(args.docs, args.batch, args.db)
    if args.no_write:
        return
    lines = [
        "## Ingest at scale (`benchmarks/ingest_scale.py`)",
        "",
        f"Machine: {machine()}. {args.docs} generated documents (EN/ES, recombined sentences of"
        f" `tests/corpus`), ingested in batches of {args.batch} into "
        f"{'a fresh SQLite file' if not args.db else 'the given database'}; each row is the mean"
        " wall time per document of that batch (read, extract, store, link, evidence suggestions).",
        "",
        "Linking compares a new document with at most `max_candidate_documents` related ones"
        " (`link/data/scoring.yaml`) and a name with the people who share one of its words;"
        " what still grows with the store is reading every person's aliases and every"
        " organisation once per document, and the near-duplicate check. These generated"
        " documents all share topics and people, so they are a worst case for linking.",
        "",
        "| documents in store | ms per document | failed |",
        "|---:|---:|---:|",
        *(f"| {stored} | {sec * 1000:.1f} | {failed} |" for stored, sec, failed in rows),
    ]
    write_section("ingest-scale", "\n".join(lines))


if __name__ == "__main__":
    main()
