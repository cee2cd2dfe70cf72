"""Extraction quality on every annotated corpus at hand, with the project's own scorer.

Usage: python benchmarks/extract_quality.py [--no-write]

Scores ``tests/corpus`` (the rules were developed with it in view),
``benchmarks/holdout`` to ``holdout14`` (they were not: each was written by another author and
scored before any rule was fixed from it) and, when present, the shared dev corpus
(``../shared/corpus/dev``), per language, and writes a table to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

from dialogwatch.extract.evaluate import SETS, score_corpus  # noqa: E402
from dialogwatch.extract.pipeline import extract_text  # noqa: E402
from dialogwatch.ingest.readers import load_file  # noqa: E402


def _extract(path: Path) -> dict:
    loaded = load_file(Path(path))
    return extract_text(loaded.text, title=loaded.title, language=loaded.language).to_json_dict()


def main() -> None:
    """Score each corpus and write the quality section of docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    corpora = [
        ("tests/corpus (developed with)", ROOT / "tests" / "corpus"),
        ("benchmarks/holdout (unseen at first; since used)", ROOT / "benchmarks" / "holdout"),
        ("benchmarks/holdout2 (second author; since used)", ROOT / "benchmarks" / "holdout2"),
        ("benchmarks/holdout3 (third author; since used)", ROOT / "benchmarks" / "holdout3"),
        ("benchmarks/holdout4 (fourth author; since used)", ROOT / "benchmarks" / "holdout4"),
        ("benchmarks/holdout5 (fifth author; since used)", ROOT / "benchmarks" / "holdout5"),
        ("benchmarks/holdout6 (sixth author; since used)", ROOT / "benchmarks" / "holdout6"),
        ("benchmarks/holdout7 (seventh author; since used)", ROOT / "benchmarks" / "holdout7"),
        ("benchmarks/holdout8 (eighth author; since used)", ROOT / "benchmarks" / "holdout8"),
        ("benchmarks/holdout9 (ninth author; since used)", ROOT / "benchmarks" / "holdout9"),
        ("benchmarks/holdout10 (tenth author; since used)", ROOT / "benchmarks" / "holdout10"),
        ("benchmarks/holdout11 (eleventh author; since used)", ROOT / "benchmarks" / "holdout11"),
        ("benchmarks/holdout12 (twelfth author; since used)", ROOT / "benchmarks" / "holdout12"),
        ("benchmarks/holdout13 (thirteenth author; since used)", ROOT / "benchmarks" / "holdout13"),
        ("benchmarks/holdout14 (fourteenth author; since used)", ROOT / "benchmarks" / "holdout14"),
        ("shared dev corpus", ROOT.parent / "shared" / "corpus" / "dev"),
    ]
    head = "| corpus | docs | overall | en | es | " + " | ".join(SETS) + " | level ±1 | meeting fields |"
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for label, path in corpora:
        if not (path / "gold").is_dir():
            continue
        report = score_corpus(path, _extract)
        total = report.total
        cells = [f"{v:.2f}" if (v := total.f1(k)) is not None else "-" for k in SETS]
        present = {d.language for d in report.documents}
        langs = [f"{report.by_language(x).overall:.3f}" if x in present else "-" for x in ("en", "es")]
        rows.append(
            f"| {label} | {len(report.documents)} | {total.overall:.3f} | {' | '.join(langs)} | "
            + " | ".join(cells)
            + f" | {total.accuracy('action.level_within_1') or 0:.2f} | "
            f"{total.group_accuracy('meeting') or 0:.2f} |"
        )
    body = "\n".join(
        [
            "## Extraction quality (`benchmarks/extract_quality.py`)",
            "",
            "F1 per set and overall score (the contract's scoring) of the default rule tier.",
            "",
            "Each held-out set was written by another author and scored before any rule was fixed from"
            " it; those first, unseen scores are the honest estimate for new documents: holdout 0.852,"
            " holdout2 0.881 (EN 0.866, ES 0.894), holdout3 0.830 (mean per document EN 0.771,"
            " ES 0.859), holdout4 0.844 (EN 0.833, ES 0.846; meeting fields 0.61, delegations 0.67),"
            " holdout5 0.850 (EN 0.836, ES 0.859; cases 0.38, delegations 0.70), holdout6 0.848"
            " (EN 0.847, ES 0.849; meeting fields 0.61, instruments 0.72), the last written after the"
            " fixes prompted by holdout4 and holdout5; holdout7, written to stress transcripts, speeches,"
            " PDF text and year-less datelines, 0.823 with the code of its day (EN 0.831, ES 0.811;"
            " delegations 0.43, meeting fields 0.56) and 0.856 with the speaker and dateline rules"
            " written beside it but before it was read; holdout8, ordinary statements, letters and"
            " news, 0.939 (EN 0.935, ES 0.943; delegations 0.85, instruments 0.84); holdout9, an"
            " archive-like mix of dialogue rounds from 2013 to 2025, NGO letters and news, 0.929 (EN 0.916,"
            " ES 0.953; delegations 0.85, instruments 0.87, meeting fields 0.85); holdout10, the same"
            " mix written after the fixes prompted by holdout7-9, 0.918 (EN 0.916, ES 0.918; cases 0.76,"
            " meeting fields 0.89), where the code of the session before scored 0.897 (ES 0.873);"
            " holdout11, statements, letters, news and transcripts of other dialogues, 0.886 (EN 0.893,"
            " ES 0.872; delegations 0.75, cases 0.69, meeting fields 0.81); holdout12, the same genres,"
            " half in Spanish, 0.887 (EN 0.886, ES 0.886; meeting fields 0.72, delegations 0.82);"
            " holdout13 and holdout14, written after the fixes prompted by holdout11-12, 0.918 (EN 0.906,"
            " ES 0.929; meeting fields 0.82, instruments 0.85) and 0.906 (EN 0.921, ES 0.889;"
            " delegations 0.81, cases 0.70, instruments 0.82)."
            " The rows below are"
            " after general fixes prompted by each set's failures, so they are no longer estimates for"
            " unseen text.",
            "",
            *rows,
        ]
    )
    print(body)
    if not args.no_write:
        write_section("extract-quality", body)


if __name__ == "__main__":
    main()
