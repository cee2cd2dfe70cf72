"""The parts of an instrument's name: its vocabulary, its head word, a second article
joined to it ("la Carta de la OEA y de la Convención Americana") and the lower-case
complement that finishes it ("... on precursor chemical regulation").
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from dialogwatch.extract.data_loader import load_data


class _InstrumentExample(BaseModel):
    text: str
    names: list[str]


class InstrumentsData(BaseModel):
    """Schema of data/instruments.yaml."""

    heads: dict[str, list[str]]
    lower_heads: dict[str, list[str]]
    specific_modifiers: list[str]
    weak_modifiers: list[str] = []
    heads_need_connector: list[str] = []
    exclude_runs: list[str] = []
    complement_connectors: list[str] = []
    needs_modifier: list[str] = []
    exclude: list[str]
    exclude_generic: list[str]
    ngo_markers: list[str]
    trim_leads: list[str] = []
    proper_heads: dict[str, list[str]] = {}
    function_words: list[str] = []
    examples: list[_InstrumentExample]


@cache
def instruments_data() -> InstrumentsData:
    """The validated instrument vocabulary."""
    return load_data("instruments.yaml", InstrumentsData)


@cache
def connectors() -> frozenset[str]:
    return frozenset(instruments_data().complement_connectors)


# the lower-case words that may join the capitalised words of one name
CONNECTOR = r"(?:of|for|on|to|and|the|against|de|del|la|las|los|el|en|para|sobre|y|contra|a|e)"
_VERB_DET = re.compile(r"^\S+\s+(?:the|el|la|los|las)\s+$")  # "Firmaron la ", sentence-initial
_PREP = re.compile(
    r"^\s+(?:on|for|to(?!\s+(?:the|a|an|its|their|his|her)\b)|against|in\s+support\s+of|de|del|para|sobre|contra"
    r"|en\s+materia(?:\s+de)?)\s+",
    re.IGNORECASE,
)
_STOP_WORD = re.compile(
    r"^(?:(?:and|y|e|or|o)\s+(?:un|una|el|la|los|las|a|an|the|other|otro|otra|otros|otras)\b|in|en|at|from|since|desde|after|before|during|durante|with|which|that|who|whose|by|within|while|as|que|el\s+cual|la\s+cual|con|por|mediante|in\s+(?:19|20)\d\d|"
    r"en\s+(?:19|20)\d\d|is|are|was|were|has|have|will|es|son|fue|ha|han|será|"
    # a participle after the name reports what was done to it ("the law on X adopted in March")
    r"adopted|approved|passed|enacted|signed|launched|announced|established|created|introduced|"
    r"aprobad[ao]s?|adoptad[ao]s?|promulgad[ao]s?|firmad[ao]s?|suscrit[ao]s?|lanzad[ao]s?|"
    r"anunciad[ao]s?|cread[ao]s?|establecid[ao]s?)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\s+(?:for|por|durante)\s+(?:a\s+period\s+of\s+|un\s+periodo\s+de\s+|the\s+next\s+|los\s+próximos\s+)?"
    r"(?:\w+\s+){0,2}(?:days?|weeks?|months?|years?|días|semanas|meses|años)\b",
    re.IGNORECASE,
)


@cache
def head_index() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds: dict[str, str] = {}
    for kind, heads in instruments_data().heads.items():
        for h in heads:
            kinds[h] = kind
    alt = "|".join(re.escape(h) for h in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])"), kinds


_OF_MEETING_END = re.compile(
    r"(?:Reunión|Sesión|Ronda|Meeting|Session|Round)\s+(?:del|de\s+la|de|of\s+the|of)\s+$"
)
_DOCUMENT_KINDS = frozenset({"law", "agreement", "framework", "plan", "programme"})
_JOINT = re.compile(r"\s+(?:y|and|e)\s+(?:(?:de|of|a|to)\s+)?(?:la|el|los|las|the)\s+(?=[A-ZÁÉÍÓÚÑ])")


def two_instruments(m: re.Match[str], head_rx: re.Pattern[str]) -> list[tuple[int, str]]:
    """The run, or its two halves when each holds a head of its own."""
    name = m.group(0)
    for j in _JOINT.finditer(name):
        left, right = name[: j.start()], name[j.end() :]
        if head_rx.search(left) and head_rx.search(right):
            return [(m.start(), left), (m.start() + j.end(), right)]
        opens = head_rx.match(right)
        if opens and not head_rx.search(left) and head_index()[1][opens.group(0)] in _DOCUMENT_KINDS:
            return [(m.start() + j.end(), right)]  # "la Carta de la OEA y de la Convención Americana"
    return [(m.start(), name)]


def valid_head(name: str, head_rx: re.Pattern[str]) -> re.Match[str] | None:
    """The first head that ends the phrase or is followed by a connector ("Network for ...")."""
    for h in head_rx.finditer(name):
        after = name[h.end() :]
        connector = re.match(rf"\s+{CONNECTOR}\b", after)
        if h.start() == 0 and not connector and h.group(0) in instruments_data().heads_need_connector:
            return None
        # "ILO Convention No", "Decree 147", "Título 42": a number names the instrument
        numbered = re.match(r"\s+(?:(?:No|N\.?º|Nº|Number|Número|núm)\.?|\d{1,6})$", after)
        # "Firmaron la Convención Americana ...": a determiner opens the name at the head
        before = name[: h.start()]
        group = head_index()[1].get(h.group(0)) == "working_group"
        opens = h.start() == 0 or _VERB_DET.match(before) is not None
        opens = opens or (group and _OF_MEETING_END.search(before) is not None)  # "Reunión del Grupo ..."
        if not after.strip() or connector or numbered or opens:
            return h  # head last, head + connector, or head first ("Ley General de ...")
    return None


def complement_after(text: str, end: int) -> str:
    """A complement after a head: "on precursor chemical regulation", up to a stop."""
    pm = _PREP.match(text[end : end + 20])
    if not pm or _DURATION.match(text, end, end + 60):
        return ""  # "... to Colombia's Search Unit for twelve months": a span of time, not a name
    pos = end + pm.end()
    words = 0
    last = end
    window = text[pos : pos + 200]
    if blank := re.search(r"\n[ \t]*\n", window):
        window = window[: blank.start()]  # a blank line ends the phrase
    for m in re.finditer(r"\S+", window):
        tok = m.group(0)
        rest = text[pos + m.start() :]
        if _STOP_WORD.match(rest) or (words and re.match(r"to\s+[a-z]+", rest) and words > 1):
            break
        core = tok.rstrip(",.;:)")
        if tok.startswith("("):
            break
        prev_tok = text[max(end, pos + m.start() - 30) : pos + m.start()].split()
        if (
            words
            and prev_tok
            and prev_tok[-1][:1].isupper()
            and re.fullmatch(r"[a-záéíóúñ]+", core)
            and core not in connectors()
        ):
            break  # "... of the GIEI outlined", "... la Ley de Migración prohíbe": a verb after a name
        words += 1
        last = pos + m.start() + len(core)
        if tok != core and (tok[len(core) :][:1] in ".;:)" or not lower_next(text, pos + m.end())):
            break
        if words >= 10:
            break
    if words == 0:
        return ""
    ext = text[end:last]
    # "... on their shared border and to share data": a joint or article left at the end goes
    trail = re.search(r"(?:\s+(?:and|or|y|o|e|the|la|el|los|las|of|de|del|to|a|al|their|its|su|sus))+$", ext)
    return ext[: trail.start()] if trail else ext


def lower_next(text: str, pos: int) -> bool:
    nxt = re.match(r"\s*(\S+)", text[pos : pos + 40])
    return bool(nxt) and (
        nxt.group(1)[:1].islower() and not re.match(r"(?:with|which|that|in|and\s+the|by)\b", nxt.group(1))
    )
