"""Tallies of an extraction score: set counts, attribute accuracies and their roll-up."""

from __future__ import annotations

from dataclasses import dataclass, field

SETS = (
    "meetings",
    "participants",
    "delegations",
    "acronyms",
    "topics",
    "commitments",
    "asks",
    "figures",
    "cases",
    "instruments",
)


# ----------------------------------------------------------------- tallies
@dataclass
class Counts:
    """True positives, false positives and false negatives of one set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another tally into this one."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), None when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; None when the set is empty on both sides."""
        if not (self.tp or self.fp or self.fn):
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


@dataclass
class Accuracy:
    """Correct attributes out of attributes checked."""

    ok: int = 0
    n: int = 0

    def add(self, correct: bool) -> None:
        """Record one checked attribute."""
        self.n += 1
        self.ok += bool(correct)

    @property
    def value(self) -> float | None:
        """ok / n, None when nothing was checked."""
        return self.ok / self.n if self.n else None


@dataclass
class Score:
    """Set tallies and attribute accuracies for one document or a whole corpus."""

    sets: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in SETS})
    attributes: dict[str, Accuracy] = field(default_factory=dict)

    def attr(self, name: str) -> Accuracy:
        """The accuracy tally named ``name`` (created on first use)."""
        return self.attributes.setdefault(name, Accuracy())

    def merge(self, other: Score) -> None:
        """Add another score's tallies to this one."""
        for k, c in other.sets.items():
            self.sets.setdefault(k, Counts()).add(c)
        for k, a in other.attributes.items():
            mine = self.attr(k)
            mine.ok, mine.n = mine.ok + a.ok, mine.n + a.n

    def f1(self, name: str) -> float | None:
        """F1 of one set (None when it is empty on both sides)."""
        return self.sets[name].f1

    def accuracy(self, name: str) -> float | None:
        """Accuracy of one attribute (None when never checked)."""
        a = self.attributes.get(name)
        return a.value if a else None

    def group_accuracy(self, prefix: str) -> float | None:
        """Mean accuracy of the attributes named ``prefix.*`` (e.g. "meeting")."""
        vals = [
            a.value
            for k, a in self.attributes.items()
            if k.split(".")[0] == prefix and a.value is not None and k != "action.level_within_1"
        ]
        return sum(vals) / len(vals) if vals else None

    @property
    def overall(self) -> float:
        """Mean of the defined set F1s and the per-group attribute accuracies."""
        parts = [c.f1 for c in self.sets.values() if c.f1 is not None]
        groups = sorted({k.split(".")[0] for k in self.attributes})
        parts += [v for g in groups if (v := self.group_accuracy(g)) is not None]
        return sum(parts) / len(parts) if parts else 0.0
