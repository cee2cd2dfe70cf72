"""Score an extraction against a gold annotation (contract: "Gold files and scoring").

Pure functions over plain mappings: a gold file parsed from YAML and a
prediction (an ``Extraction`` or its JSON dict). Sets are scored with
precision/recall/F1 after a greedy one-to-one matching in gold order; matched
items' attributes are scored as accuracies. Gold lists mean "any of these";
items marked ``optional`` are neither required nor penalised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dialogwatch.extract.eval_match import (
    MAX_ACTION_CHARS,
    any_of,
    normalize,
    options,
    same_label,
    same_person,
    word_f1,
    words,
)
from dialogwatch.extract.eval_tally import SETS, Counts, Score

MEETING_FIELDS = ("series", "parties", "round", "date", "city", "country")
Pred = Mapping[str, Any]
Gold = Mapping[str, Any]


# ----------------------------------------------------------------- matching
def _greedy(
    golds: Sequence[Any], preds: Sequence[Any], match: Callable[[Any, Any], bool]
) -> tuple[list[tuple[Any, Any]], list[Any]]:
    """Pair each gold (in order) with the first unused matching prediction."""
    used: set[int] = set()
    pairs = []
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and match(g, p)), None)
        if hit is not None:
            used.add(hit)
        pairs.append((g, None if hit is None else preds[hit]))
    return pairs, [p for i, p in enumerate(preds) if i not in used]


def _is_optional(g: object) -> bool:
    return isinstance(g, Mapping) and bool(g.get("optional"))


def _tally(
    counts: Counts, golds: Sequence[Any], preds: Sequence[Any], match: Callable[[Any, Any], bool]
) -> list[tuple[Any, Any]]:
    """Count tp/fp/fn (optional golds excluded); return required matched pairs."""
    pairs, rest = _greedy(golds, preds, match)
    found = []
    for g, p in pairs:
        if _is_optional(g):
            continue
        if p is None:
            counts.fn += 1
        else:
            counts.tp += 1
            found.append((g, p))
    counts.fp += len(rest)
    return found


def _dicts(pred: Pred, key: str) -> list[Mapping[str, Any]]:
    return [x for x in pred.get(key) or [] if isinstance(x, Mapping)]


# ----------------------------------------------------------------- per set
def _document(s: Score, gold: Gold, pred: Pred) -> None:
    gd, pd = gold.get("document") or {}, pred.get("document") or {}
    s.attr("document.doc_type").add(
        any_of(pd.get("doc_type"), gd.get("doc_type"), lambda a, b: normalize(a) == normalize(b))
    )
    s.attr("document.language").add(normalize(pd.get("language")) == normalize(gd.get("language")))
    s.attr("document.date").add(any_of(pd.get("date"), gd.get("date"), lambda a, b: str(a) == str(b)))


def _meeting_fields(s: Score, g: Mapping[str, Any], p: Mapping[str, Any] | None) -> None:
    if p is None:
        for f in MEETING_FIELDS:
            s.attr("meeting." + f).add(False)
        return
    series_ok = any(word_f1(p.get("series"), x) >= 0.6 for x in options(g.get("series")) if x)
    s.attr("meeting.series").add(series_ok)
    s.attr("meeting.parties").add(
        sorted(map(normalize, p.get("parties") or [])) == sorted(map(normalize, g.get("parties") or []))
    )
    s.attr("meeting.round").add(p.get("round") == g.get("round"))
    s.attr("meeting.date").add(any_of(p.get("date"), g.get("date"), lambda a, b: str(a) == str(b)))
    s.attr("meeting.city").add(any_of(p.get("city"), g.get("city"), lambda a, b: word_f1(a, b) >= 0.6))
    s.attr("meeting.country").add(
        any_of(p.get("country"), g.get("country"), lambda a, b: normalize(a) == normalize(b))
    )


def _meetings(s: Score, gold: Gold, pred: Pred) -> None:
    golds = list(gold.get("meetings") or [])
    golds += [{**m, "optional": True} for m in gold.get("meetings_optional") or []]

    def match(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
        if g.get("round") is not None and p.get("round") == g.get("round"):
            return True
        return any(word_f1(p.get("series"), x) >= 0.5 for x in options(g.get("series")) if x)

    pairs, rest = _greedy(golds, _dicts(pred, "meetings"), match)
    c = s.sets["meetings"]
    for g, p in pairs:
        if _is_optional(g):
            continue
        c.tp, c.fn = c.tp + (p is not None), c.fn + (p is None)
        _meeting_fields(s, g, p)
    c.fp += len(rest)


def _participants(s: Score, gold: Gold, pred: Pred) -> None:
    preds = [p for p in _dicts(pred, "participants") if p.get("name")]
    pairs = _tally(
        s.sets["participants"],
        gold.get("participants") or [],
        preds,
        lambda g, p: same_person(g.get("name"), p.get("name")),
    )
    for g, p in pairs:
        s.attr("participant.side").add(normalize(p.get("side")) == normalize(g.get("side")))
        s.attr("participant.role").add(normalize(p.get("role")) == normalize(g.get("role")))
        if options(g.get("title")) != [None]:
            s.attr("participant.title").add(
                any_of(p.get("title"), g.get("title"), lambda a, b: word_f1(a, b) >= 0.8)
            )
        if options(g.get("organization")) != [None]:
            s.attr("participant.organization").add(
                any_of(p.get("organization"), g.get("organization"), lambda a, b: same_label(a, [b], 0.8))
            )


def _delegations(s: Score, gold: Gold, pred: Pred) -> None:
    predicted: dict[str, list[str]] = {}
    for d in _dicts(pred, "delegations"):
        orgs = [o for o in d.get("organizations") or [] if o]
        predicted.setdefault(normalize(d.get("side")), []).extend(orgs)
    c = s.sets["delegations"]
    seen = set()
    for gd in gold.get("delegations") or []:
        side = normalize(gd.get("side"))
        seen.add(side)
        golds = [options(a) for a in gd.get("organizations") or []]
        _tally(c, golds, predicted.get(side, []), lambda g, p: same_label(p, g, 0.8))
    c.fp += sum(len(orgs) for side, orgs in predicted.items() if side not in seen)


def _acronyms(s: Score, gold: Gold, pred: Pred) -> None:
    preds = [a for a in _dicts(pred, "acronyms") if a.get("acronym")]
    pairs = _tally(
        s.sets["acronyms"],
        gold.get("acronyms") or [],
        preds,
        lambda g, p: normalize(g.get("acronym")) == normalize(p.get("acronym")),
    )
    for g, p in pairs:
        s.attr("acronym.expansion").add(same_label(p.get("expansion"), g.get("expansion"), 0.8))


def _topics(s: Score, gold: Gold, pred: Pred) -> None:
    got = {normalize(t.get("id") if isinstance(t, Mapping) else t) for t in pred.get("topics") or []}
    want = {normalize(t) for t in gold.get("topics") or []}
    maybe = {normalize(t) for t in gold.get("topics_optional") or []}
    s.sets["topics"].add(Counts(tp=len(got & want), fp=len(got - want - maybe), fn=len(want - got)))


def _actors_ok(pred_actors: object, gold_actors: object) -> bool:
    alts = (
        gold_actors
        if isinstance(gold_actors, list) and gold_actors and isinstance(gold_actors[0], list)
        else [gold_actors or []]
    )
    got = sorted(normalize(a) for a in (pred_actors or []))  # type: ignore[union-attr]
    return any(got == sorted(normalize(a) for a in alt) for alt in alts)


def _actions(s: Score, gold: Gold, pred: Pred) -> None:
    preds = _dicts(pred, "actions")
    for kind in ("commitment", "ask"):
        golds = [a for a in gold.get("actions") or [] if a.get("kind") == kind]
        mine = [a for a in preds if normalize(a.get("kind")) == kind]

        def match(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
            text = normalize(p.get("text"))
            return len(text) <= MAX_ACTION_CHARS and normalize(g.get("quote")) in text

        for g, p in _tally(s.sets[kind + "s"], golds, mine, match):
            levels = [x for x in options(g.get("level")) if x is not None]
            lv = p.get("level")
            s.attr("action.actors").add(_actors_ok(p.get("actors"), g.get("actors")))
            s.attr("action.level").add(lv in levels)
            s.attr("action.level_within_1").add(isinstance(lv, int) and any(abs(lv - x) <= 1 for x in levels))
            s.attr("action.deadline").add(
                any_of(p.get("deadline"), g.get("deadline"), lambda a, b: str(a) == str(b))
            )


def _figure_match(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    try:
        want_v, got_v = float(g["value"]), float(p.get("value"))  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return False
    if abs(want_v - got_v) > 1e-6 * max(1.0, abs(want_v)):
        return False
    need = words(g.get("quote"))
    have = set(words(p.get("text") or p.get("unit") or ""))
    return sum(w in have for w in need) >= 0.5 * len(need)


def _named(s: Score, key: str, gold: Gold, pred: Pred) -> None:
    preds = [[x["name"], *(x.get("aliases") or [])] for x in _dicts(pred, key) if x.get("name")]
    _tally(
        s.sets[key],
        gold.get(key) or [],
        preds,
        lambda g, names: any(same_label(n, g.get("name")) for n in names),
    )


def as_prediction(pred: object) -> dict[str, Any]:
    """Turn an ``Extraction`` (or anything with ``to_json_dict``) or a mapping into a plain dict."""
    if hasattr(pred, "to_json_dict"):
        return pred.to_json_dict()
    return dict(pred) if isinstance(pred, Mapping) else {}


def score_document(gold: Gold, pred: object) -> Score:
    """Score one prediction against its gold annotation."""
    p = as_prediction(pred)
    s = Score()
    _document(s, gold, p)
    _meetings(s, gold, p)
    _participants(s, gold, p)
    _delegations(s, gold, p)
    _acronyms(s, gold, p)
    _topics(s, gold, p)
    _actions(s, gold, p)
    _tally(s.sets["figures"], gold.get("figures") or [], _dicts(p, "figures"), _figure_match)
    _named(s, "cases", gold, p)
    _named(s, "instruments", gold, p)
    return s


# ----------------------------------------------------------------- corpus
@dataclass
class DocScore:
    """One document's score and what is known about it."""

    file: str
    language: str
    score: Score
    error: str | None = None


@dataclass
class Report:
    """Scores of a whole corpus: the total and a per-document breakdown."""

    total: Score
    documents: list[DocScore]

    def by_language(self, language: str) -> Score:
        """The merged score of the documents whose gold language is ``language``."""
        s = Score()
        for d in self.documents:
            if d.language == language:
                s.merge(d.score)
        return s

    def table(self) -> str:
        """A plain-text summary: one line per set, attribute and document."""
        lines = [f"{'set':<14}{'P':>7}{'R':>7}{'F1':>7}   tp/fp/fn"]
        for k in SETS:
            c = self.total.sets[k]
            lines.append(f"{k:<14}{_fmt(c.precision)}{_fmt(c.recall)}{_fmt(c.f1)}   {c.tp}/{c.fp}/{c.fn}")
        for k, a in sorted(self.total.attributes.items()):
            lines.append(f"{k:<28}{_fmt(a.value)}   n={a.n}")
        for d in self.documents:
            note = f"  ERROR {d.error}" if d.error else ""
            lines.append(f"{d.file:<44}{d.language:>4}{_fmt(d.score.overall)}{note}")
        lines.append(f"overall {self.total.overall:.3f} over {len(self.documents)} documents")
        return "\n".join(lines)


def _fmt(v: float | None) -> str:
    return f"{v:7.3f}" if v is not None else f"{'-':>7}"


def load_gold(path: Path) -> dict[str, Any]:
    """Parse one gold YAML file into a dict (ValueError naming the file when it is not one)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict) or "file" not in data:
        raise ValueError(f"{path}: gold file must be a mapping with a 'file' key")
    return data


def gold_files(corpus_dir: Path) -> list[Path]:
    """The gold files of a corpus directory (``gold/*.yaml``), sorted."""
    return sorted((Path(corpus_dir) / "gold").glob("*.yaml"))


def score_corpus(corpus_dir: Path, extract_fn: Callable[[Path], object]) -> Report:
    """Run ``extract_fn`` on every document that has a gold file and score the lot."""
    total = Score()
    docs: list[DocScore] = []
    for gf in gold_files(corpus_dir):
        gold = load_gold(gf)
        path = Path(corpus_dir) / "docs" / gold["file"]
        error = None
        try:
            pred: object = extract_fn(path)
        except Exception as exc:  # one failing document must not hide the rest of the report
            pred, error = {}, f"{type(exc).__name__}: {exc}"
        s = score_document(gold, pred)
        total.merge(s)
        docs.append(DocScore(gold["file"], str((gold.get("document") or {}).get("language")), s, error))
    return Report(total, docs)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the defined values (None when there are none)."""
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None
