"""Action-link quality of the two text-similarity tiers on labelled pairs, with embedding speed.

Usage: python benchmarks/link_quality.py [--no-write]

Scores every pair of ``benchmarks/link_pairs.yaml`` through ``link.similarity.score_pair``
with the default concept overlap and with the optional sentence embeddings (the ``ml``
extra), and reports precision, recall and F1 of "proposed" (score at or above
``settings.link_threshold`` and ``status_for`` says so) and of "stored" (score at or above
the floor), per tier and per language pair, plus how well the text signal alone separates
links from non-links (ROC AUC), the encoder's load time and its throughput. Writes the
section ``link-quality`` of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Speed on one core with one BLAS thread, like the encoder's own figures; set before numpy loads.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import yaml  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import machine, write_section  # noqa: E402

from dialogwatch.link.actions import named_countries  # noqa: E402
from dialogwatch.link.data import scoring_data  # noqa: E402
from dialogwatch.link.embeddings import (  # noqa: E402
    EmbeddingSimilarity,
    EmbeddingsUnavailable,
    Encoder,
    calibrate,
    load_encoder,
    model_name,
)
from dialogwatch.link.similarity import (  # noqa: E402
    CONCEPTS,
    ActionView,
    TextSignal,
    TextSimilarity,
    link_kind,
    score_pair,
    status_for,
)
from dialogwatch.settings import get_settings  # noqa: E402

PAIRS = Path(__file__).resolve().parent / "link_pairs.yaml"
LANG_PAIRS = ("en-en", "en-es", "es-en", "es-es")
# Other calibrations of the embedding cosine, to show how much the verdict depends on it.
SWEEP = ((0.2, 0.8), (0.3, 0.8), (0.4, 0.8), (0.4, 0.9), (0.5, 0.9))


@dataclass(frozen=True)
class Pair:
    """One labelled pair: the earlier and later action as linking sees them."""

    id: str
    langs: str
    kind: str
    link: bool
    src: ActionView
    tgt: ActionView


def _view(i: int, raw: dict) -> ActionView:
    ask = raw["kind"] == "ask"
    return ActionView(
        id=i,
        document_id=i,  # every action from its own document, none in a meeting
        date=raw["date"],
        kind=raw["kind"],
        text=raw["text"],
        topics=frozenset(raw.get("topics") or []),
        actors=frozenset(raw.get("actors") or []),
        addressee_countries=frozenset(raw.get("addressee") or []),
        named_countries=named_countries(raw["text"]) if ask else frozenset(),
    )


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    """Read and check the labelled pairs."""
    out = []
    for n, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
        src, tgt = _view(2 * n + 1, raw["earlier"]), _view(2 * n + 2, raw["later"])
        langs = f"{raw['earlier']['lang']}-{raw['later']['lang']}"
        if raw["label"] not in ("link", "no-link") or langs not in LANG_PAIRS:
            raise ValueError(f"{raw['id']}: label must be link|no-link and languages en|es")
        if link_kind(src.kind, tgt.kind) != raw["kind"] or not src.date < tgt.date:
            raise ValueError(f"{raw['id']}: kinds and dates do not make a {raw['kind']} pair")
        out.append(Pair(raw["id"], langs, raw["kind"], raw["label"] == "link", src, tgt))
    return out


@dataclass(frozen=True)
class Outcome:
    """What one tier made of one pair."""

    stored: bool
    proposed: bool
    text: float
    raw: float


def run(pairs: list[Pair], tier: TextSimilarity, threshold: float) -> list[Outcome]:
    """Score every pair with one tier."""
    tier.prime(t for p in pairs for t in (p.src.text, p.tgt.text))
    out = []
    for p in pairs:
        scored = score_pair(p.src, p.tgt, tier)
        signal = tier(p.src, p.tgt)
        proposed = scored is not None and status_for(scored.score, threshold, scored.evidence) == "proposed"
        out.append(Outcome(scored is not None, proposed, signal.value, signal.raw))
    return out


def prf(pred: Iterable[bool], gold: Iterable[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    pairs = list(zip(pred, gold, strict=True))
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def auc(scores: list[float], gold: list[bool]) -> float:
    """ROC AUC: the chance a link's score beats a non-link's (ties count half)."""
    pos = [s for s, g in zip(scores, gold, strict=True) if g]
    neg = [s for s, g in zip(scores, gold, strict=True) if not g]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.0


class _Recalibrated:
    """The embeddings tier with other calibration constants (for the sweep only)."""

    def __init__(self, base: EmbeddingSimilarity, floor: float, ceiling: float) -> None:
        self.name, self._base, self._floor, self._ceiling = base.name, base, floor, ceiling

    def prime(self, texts: Iterable[str]) -> None:
        self._base.prime(texts)

    def __call__(self, src: ActionView, tgt: ActionView) -> TextSignal:
        raw = self._base.cosine(src.text, tgt.text)
        return TextSignal(calibrate(raw, self._floor, self._ceiling), self.name, raw)


def _cells(outcomes: list[Outcome], gold: list[bool]) -> list[str]:
    cells = []
    for attr in ("proposed", "stored"):
        p, r, f = prf([getattr(o, attr) for o in outcomes], gold)
        cells += [f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"]
    return cells


def quality_table(pairs: list[Pair], results: dict[str, list[Outcome]]) -> list[str]:
    """Rows of P/R/F1 per tier, overall and per language pair."""
    head = "| tier | pairs | links | proposed P | R | F1 | stored P | R | F1 |"
    rows = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    groups = [("all", list(range(len(pairs))))] + [
        (lp, [i for i, p in enumerate(pairs) if p.langs == lp]) for lp in LANG_PAIRS
    ]
    for label, idx in groups:
        gold = [pairs[i].link for i in idx]
        for tier, outcomes in results.items():
            cells = _cells([outcomes[i] for i in idx], gold)
            name = f"**{tier}**" if label == "all" else tier
            rows.append(f"| {name} ({label}) | {len(idx)} | {sum(gold)} | " + " | ".join(cells) + " |")
    return rows


def speed(encoder_texts: list[str], repeats: int = 5) -> tuple[Encoder, float, float, float]:
    """The encoder, its load seconds, sentences/s batched (median of repeats) and one at a time.

    CPU time on one pinned core, so that other jobs on a shared machine do not move the figures.
    """
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    start = time.process_time()
    encoder = load_encoder()
    encoder(["warm-up"])  # the package reads its weights on the first sentence
    load = time.process_time() - start
    batched = []
    for _ in range(repeats):
        t = time.process_time()
        encoder(encoder_texts)
        batched.append(len(encoder_texts) / (time.process_time() - t))
    t = time.process_time()
    for text in encoder_texts[:50]:
        encoder([text])
    single = min(50, len(encoder_texts)) / (time.process_time() - t)
    return encoder, load, statistics.median(batched), single


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test: how likely a split this uneven is when neither tier is better."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(wins, losses) + 1)) / 2**n
    return min(1.0, 2 * tail)


def verdict(pairs: list[Pair], base: list[Outcome], emb: list[Outcome]) -> list[str]:
    """What the numbers say: overall and per language pair, with how much is chance."""
    gold = [p.link for p in pairs]
    changed = [
        p.link == b.proposed for p, a, b in zip(pairs, base, emb, strict=True) if a.proposed != b.proposed
    ]
    fixed, broken = sum(changed), len(changed) - sum(changed)
    d_prop = prf([o.proposed for o in emb], gold)[2] - prf([o.proposed for o in base], gold)[2]
    d_stored = prf([o.stored for o in emb], gold)[2] - prf([o.stored for o in base], gold)[2]
    p_value = sign_test(fixed, broken)
    helps = d_prop >= 0.05 and d_stored >= 0 and p_value < 0.05
    per_lang = []
    for lp in LANG_PAIRS:
        idx = [i for i, p in enumerate(pairs) if p.langs == lp]
        g = [gold[i] for i in idx]
        d = prf([emb[i].proposed for i in idx], g)[2] - prf([base[i].proposed for i in idx], g)[2]
        per_lang.append(f"{lp} {d:+.2f}")
    return [
        f"**Verdict: embeddings {'measurably help' if helps else 'do not measurably help'} on this set.** "
        f"Against concept overlap they change proposed F1 by {d_prop:+.2f} and stored F1 by {d_stored:+.2f}; "
        f"of the {fixed + broken} proposals they change, {fixed} get right and {broken} get wrong "
        f"(two-sided sign test p = {p_value:.2f}, so the difference is "
        f"{'unlikely' if p_value < 0.05 else 'well within what chance gives'} on {len(pairs)} pairs). "
        f"Proposed F1 per language pair: {', '.join(per_lang)}.",
    ]


def _flips(pairs: list[Pair], base: list[Outcome], other: list[Outcome]) -> list[str]:
    """Pairs whose 'proposed' verdict the embeddings tier changes, marked right or wrong."""
    out = []
    for p, a, b in zip(pairs, base, other, strict=True):
        if a.proposed != b.proposed:
            verdict = "fixed" if b.proposed == p.link else "broken"
            out.append(
                f"{p.id} ({'link' if p.link else 'no-link'}; {verdict}: "
                f"{'proposed' if b.proposed else 'not proposed'}; concepts {a.text:.2f}, cosine {b.raw:.2f})"
            )
    return out


def embedding_lines(
    pairs: list[Pair], base: list[Outcome], emb: list[Outcome], tier: EmbeddingSimilarity, threshold: float
) -> list[str]:
    """The text signal alone, the calibration sweep, the verdict and the pairs that changed."""
    gold = [p.link for p in pairs]
    cal = scoring_data().embeddings
    lines = [
        "",
        "Text signal alone (no topics, actors or context), ROC AUC of link vs non-link: "
        f"concept overlap {auc([o.text for o in base], gold):.2f}, "
        f"embedding cosine {auc([o.raw for o in emb], gold):.2f}. "
        f"Mean embedding cosine: links {_mean(emb, gold, True):.2f}, "
        f"non-links {_mean(emb, gold, False):.2f}.",
        "",
        f"Calibration in use (`scoring.yaml`, from `tests/corpus`, not from these pairs): cosine "
        f"{cal.cosine_floor} → 0, {cal.cosine_ceiling} → 1. Other calibrations, proposed F1 / stored F1 "
        "(choosing one from this table would tune on the test set):",
        "",
        "| cosine floor → ceiling | proposed F1 | stored F1 |",
        "|---|---:|---:|",
    ]
    for floor, ceiling in SWEEP:
        swept = run(pairs, _Recalibrated(tier, floor, ceiling), threshold)
        lines.append(
            f"| {floor} → {ceiling} | {prf([o.proposed for o in swept], gold)[2]:.2f} | "
            f"{prf([o.stored for o in swept], gold)[2]:.2f} |"
        )
    flips = _flips(pairs, base, emb)
    return [
        *lines,
        "",
        *verdict(pairs, base, emb),
        "",
        f"Pairs whose *proposed* verdict embeddings change ({len(flips)}): {'; '.join(flips) or 'none'}.",
    ]


def main() -> None:
    """Score the pairs with both tiers and write the link-quality section of docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()
    pairs = load_pairs()
    threshold = get_settings().link_threshold
    cfg = scoring_data()
    gold = [p.link for p in pairs]
    results = {"concepts (default)": run(pairs, CONCEPTS, threshold)}
    texts = list(dict.fromkeys(t for p in pairs for t in (p.src.text, p.tgt.text)))
    try:
        encoder, load, batched, single = speed(texts)
    except EmbeddingsUnavailable as exc:
        print(f"embeddings tier not measured: {exc}", file=sys.stderr)
        load = None
    lines = [
        "## Action-link quality (`benchmarks/link_quality.py`)",
        "",
        f"Machine: {machine()}. {len(pairs)} labelled pairs of our own (`benchmarks/link_pairs.yaml`: "
        f"{sum(gold)} links, {len(gold) - sum(gold)} non-links, many of them hard negatives on the same "
        "topic with a different demand; EN/ES in every direction), each scored through "
        "`link.similarity.score_pair`. *proposed*: score ≥ `link_threshold` "
        f"({threshold}) and `status_for` agrees; *stored*: score ≥ `floor` ({cfg.floor}). "
        "Precision, recall and F1 of the label *link*. *embeddings*: the optional tier "
        f"(`DIALOGWATCH_SIMILARITY=embeddings`, {model_name()}), which changes only the text signal.",
        "",
    ]
    if load is None:
        lines += ["The embeddings tier was not measured: the `ml` extra is not installed.", ""]
        lines += quality_table(pairs, results)
        _finish(lines, args.no_write)
        return
    tier = EmbeddingSimilarity(encoder, name=model_name())
    results["embeddings"] = run(pairs, tier, threshold)
    lines += quality_table(pairs, results)
    lines += embedding_lines(pairs, results["concepts (default)"], results["embeddings"], tier, threshold)
    lines += [
        "",
        f"Encoder (one core, one BLAS thread, CPU time): load {load:.2f} s (tokenizer and weights, on "
        f"first use); {batched:,.0f} sentences/s batched, {single:,.0f} sentences/s one at a time "
        f"({len(texts)} distinct sentences of this set; the per-text cache makes repeats free). "
        f"Peak memory of this benchmark process: {_peak_mb():.0f} MB.",
    ]
    _finish(lines, args.no_write)


def _peak_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports kilobytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _mean(outcomes: list[Outcome], gold: list[bool], label: bool) -> float:
    return statistics.mean(o.raw for o, g in zip(outcomes, gold, strict=True) if g == label)


def _finish(lines: list[str], no_write: bool) -> None:
    body = "\n".join(lines)
    print(body)
    if not no_write:
        write_section("link-quality", body)


if __name__ == "__main__":
    main()
