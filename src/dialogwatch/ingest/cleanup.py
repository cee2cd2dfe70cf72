"""Turn a reader's raw text into the clean text that is stored and extracted from.

Extraction offsets refer to the string this returns, so every step is a plain
text-to-text rewrite done once, before anything is stored: Unicode NFC, one
kind of line ending and space, page furniture and site boilerplate dropped,
lines broken by page breaks and hyphenation joined, blank runs collapsed.
Form feeds (``\\f``) mark page boundaries when a reader knows them (PDF).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from dialogwatch.ingest.boilerplate import drop_boilerplate, is_page_number

# Spaces of every width become a plain space; invisible marks disappear.
_SPACES = "\u00a0\u1680\u202f\u205f\u3000\t" + "".join(chr(c) for c in range(0x2000, 0x200B))
_SPACE_MAP: dict[int, str | None] = {ord(c): " " for c in _SPACES}
# PDF ligatures and typographic hyphens would split words that search and matching expect whole.
_SPACE_MAP.update(
    {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
)
_SPACE_MAP.update({0x2010: "-", 0x2011: "-"})
_SPACE_MAP.update({ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})
_SPACE_MAP.update({ord("\u2028"): "\n", ord("\u2029"): "\n", ord("\x0b"): "\n", ord("\x85"): "\n"})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_ITEM_INDENT = re.compile(r"[ \t]{1,6}\S")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")

_TERMINAL = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_LIST_START = re.compile(r"^(?:[•·▪◦‣●○■□\-–—*]|\(?\d{1,3}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# "imple-\nmentation": a word fragment, a hyphen at line end, blank lines, the rest of the word.
_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_HYPHEN_BREAK = re.compile(r"(?<![\w-])([^\W\d_]{2,})-[ \t]*\n(?:[ \t]*\n)*[ \t]*([^\W\d_]+)")
# A line, blank lines (a page break or a stray gap), and the text that continues it.
_GAP = re.compile(r"^([^\n]*)\n(?:[ \t]*\n)+[ \t]*(?=([^\n]*))", re.MULTILINE)
_DATE_LINE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\d{1,2}:\d{2}\b")
_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")

_HEADING_MAX_WORDS = 10
_WRAP_MIN, _WRAP_MAX = 45, 110  # the line widths of hard-wrapped text
# a letter's closing: the signature block under it keeps its lines
_CLOSING = re.compile(
    r"^\s*(?:Sincerely|Respectfully|Yours|Best regards|Kind regards|Atentamente|Cordialmente|"
    r"Respetuosamente|Saludos cordiales|Firman|Signed|Signatories|Organizaciones firmantes)\b",
    re.IGNORECASE,
)
# a line that stops on a word no sentence ends with
_OPEN_END = re.compile(
    r"\s(?:de|del|la|el|los|las|y|e|o|u|a|al|en|con|por|para|que|of|the|and|or|to|for|in|on|with|by|a|an)$",
    re.IGNORECASE,
)
_REPEAT_MIN = 3
_REPEAT_MAX_CHARS = 100
_EDGE_REACH = 4  # lines between a page number and the running header beside it


def clean_text(text: str) -> str:
    """Return the clean, offset-stable text for ``text`` (see module docstring)."""
    text = normalise_characters(text)
    pages = text.split("\f")
    # Page marks let running headers be told apart; without them only lone numbers go.
    text = "\n\n\n".join(_strip_page_edges(pages)) if len(pages) > 1 else _drop_lone_page_numbers(text)
    text = _drop_repeated_lines(text)
    text = drop_boilerplate(text)
    text = _INNER_SPACES.sub(" ", text)  # justified PDF lines: "Financial       Intelligence Unit"
    text = join_hyphenated(text)
    text = join_broken_sentences(text)
    text = unwrap_lines(text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n").strip()


def normalise_characters(text: str) -> str:
    """NFC, ``\\n`` line endings, plain spaces, no control characters or trailing spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACE_MAP)
    text = _CONTROL.sub("", text)
    lines = []
    for line in text.split("\n"):
        lines.append(_INNER_SPACES.sub(" ", line.rstrip()))
    return "\n".join(lines)


def is_heading_like(line: str) -> bool:
    """A short line without final punctuation, mostly capitalised: a title or heading."""
    stripped = line.strip()
    if not stripped or _TERMINAL.search(stripped):
        return False
    words = _WORD.findall(stripped)
    if not words or len(stripped.split()) > _HEADING_MAX_WORDS:
        return False
    long_words = [w for w in words if len(w) >= 4] or words
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.5


def join_hyphenated(text: str) -> str:
    """Join words split by a hyphen at a line end ("imple-\\nmentation" -> "implementation")."""

    hyphenated: set[str] | None = None

    def repl(m: re.Match[str]) -> str:
        nonlocal hyphenated
        left, right = m.group(1), m.group(2)
        if right[0].isupper():
            return f"{left}-{right}"  # "Inter-\nAmerican": a real compound
        if hyphenated is None:
            hyphenated = {h.group(0).lower() for h in _HYPHENATED.finditer(text)}
        if f"{left}-{right}".lower() in hyphenated:
            return f"{left}-{right}"  # the hyphenated form is used elsewhere
        return left + right

    return _HYPHEN_BREAK.sub(repl, text)


def unwrap_lines(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs (text flattened from a PDF or a fixed-width
    e-mail), so names and titles that a wrap split read whole; offsets do not move."""
    lines = text.split("\n")
    lengths = sorted(len(x.rstrip()) for x in lines if x.strip())
    if len(lengths) < 8:
        return text
    width = lengths[int(len(lengths) * 0.9)]
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return text  # paragraphs on one line each: nothing was wrapped
    closing = next((i for i, x in enumerate(lines) if _CLOSING.match(x)), len(lines))
    joints = [i for i in range(min(closing, len(lines) - 1)) if _wrapped(lines[i], lines[i + 1], width)]
    if len(joints) < 4 or len(joints) < 0.25 * len(lengths):
        return text
    out = list(lines)
    for i in joints:
        out[i] = out[i] + " "  # the newline becomes the space it stood for
        if _ITEM_INDENT.match(out[i + 1]):  # and the indent of a list item's next line goes (a
            out[i + 1] = out[i + 1].lstrip(" \t")  # centred line's wide margin still parts cells)
    joined = set(joints)
    return "".join(x if i in joined else x + "\n" for i, x in enumerate(out))[: len(text)]


def _wrapped(line: str, nxt: str, width: int) -> bool:
    stripped, following = line.rstrip(), nxt.strip()
    if not stripped or not following or len(stripped) < 0.6 * width:
        return False
    if _LIST_START.match(following) or is_page_number(following) or stripped.isupper():
        return False
    if following[0].isupper():
        # before a capitalised line only a full-width line is surely wrapped, and never one
        # that closes a sentence (an address block, a signature: lines of their own)
        return len(stripped) >= 0.8 * width and stripped[-1] not in ".:;!?"
    return True


def join_broken_sentences(text: str) -> str:
    """Join a sentence split by blank lines ("only\\n\\n\\n\\n14 sentences" -> "only 14 sentences")."""

    def repl(m: re.Match[str]) -> str:
        before, after = m.group(1), m.group(2).lstrip()
        if _continues(before, after):
            return before.rstrip() + " "
        return m.group(0)

    return _GAP.sub(repl, text)


def _continues(before: str, after: str) -> bool:
    stripped = before.strip()
    if not stripped or not after or _TERMINAL.search(stripped):
        return False
    # a heading never stops on a lower-case word with the text going on in lower case: a line of
    # capitalised names ("... Derechos Humanos (CIDH) para el caso Ayotzinapa tenga") cut by a page
    if is_heading_like(stripped) and not (stripped.split()[-1][0].islower() and after[0].islower()):
        return False
    if _LIST_START.match(stripped) and len(stripped.split()) < 4:
        return False
    first = after[0]
    if _OPEN_END.search(stripped) and not _LIST_START.match(after) and not is_page_number(after):
        return True  # "... y de la\n\n[page break]\n\nAgencia Española ...": cut after a function word
    if not (first.islower() or first.isdigit()):
        return False
    if _LIST_START.match(after) or is_page_number(after):
        return False
    if first.isdigit() and _DATE_LINE.match(after):
        return False  # a headline, then its date stamp ("16/05/2025 14:32"): two lines, not one
    if first.isdigit():
        # "only\n\n14 sentences": the line must read as a cut-off sentence, not a label.
        return len(stripped.split()) >= 4 and stripped[-1].isalpha() and stripped.split()[-1].islower()
    return True


def _strip_page_edges(pages: list[str]) -> list[str]:
    """Remove page numbers and running headers/footers from the first/last lines of each page."""
    edge_keys: Counter[str] = Counter()
    page_lines = [p.split("\n") for p in pages]
    for lines in page_lines:
        keys = {_edge_key(lines[i]) for i in _edge_indexes(lines)}
        edge_keys.update(k for k in keys if k)
    real_pages = sum(1 for lines in page_lines if any(x.strip() for x in lines))
    threshold = max(2, (real_pages + 1) // 2)
    running = {k for k, n in edge_keys.items() if n >= threshold}
    out = []
    for lines in page_lines:
        edges = _edge_indexes(lines)
        kept = [
            x
            for i, x in enumerate(lines)
            if not (i in edges and (is_page_number(x) or _edge_key(x) in running))
        ]
        out.append("\n".join(kept))
    return out


def _edge_indexes(lines: list[str]) -> set[int]:
    """Indexes of the lines where headers and footers sit: two at each end (one on short pages)."""
    idx = [i for i, x in enumerate(lines) if x.strip()]
    n = 2 if len(idx) > 6 else 1
    return set(idx[:n] + idx[-n:])


def _edge_key(line: str) -> str:
    """A running header's identity: digits masked so "Page 2"/"Page 3" compare equal."""
    stripped = line.strip()
    if not stripped or len(stripped) > _REPEAT_MAX_CHARS:
        return ""
    return re.sub(r"\d+", "#", stripped.lower())


def _exact_key(line: str) -> str:
    """Without page marks, only lines repeated verbatim count as running headers."""
    stripped = line.strip()
    return stripped.lower() if 0 < len(stripped) <= _REPEAT_MAX_CHARS else ""


def _drop_lone_page_numbers(text: str) -> str:
    """Without page marks, a page number can only be trusted when it stands alone between blanks;
    a short line that recurs beside two of them is the page's running header or footer."""
    lines = text.split("\n")
    numbers = [i for i in range(len(lines)) if _is_standalone(lines, i) and is_page_number(lines[i])]
    near: Counter[str] = Counter()
    for n in numbers:
        for j in range(max(0, n - _EDGE_REACH), min(len(lines), n + _EDGE_REACH + 1)):
            if j != n and _is_standalone(lines, j) and (key := _exact_key(lines[j])):
                near[key] += 1
    counts = Counter(key for line in lines if (key := _exact_key(line)))
    # the same line beside two page numbers, and more than once in the text
    furniture = {k for k, c in near.items() if c >= 2 and counts[k] >= 2}
    drop = set(numbers) | {i for i, line in enumerate(lines) if _exact_key(line) in furniture}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _drop_repeated_lines(text: str) -> str:
    """Drop short standalone lines recurring verbatim 3+ times (running headers of a flattened PDF)."""
    lines = text.split("\n")
    standalone: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if _is_standalone(lines, i) and (key := _exact_key(line)) and not _LIST_START.match(line.strip()):
            standalone[key] += 1
    repeated = {k for k, n in standalone.items() if n >= _REPEAT_MIN}
    if not repeated:
        return text
    # The title often recurs as a running header: keep its first occurrence at the top.
    first_content = set([i for i, x in enumerate(lines) if x.strip()][:3])
    out = []
    kept: set[str] = set()
    for i, line in enumerate(lines):
        key = _exact_key(line)
        if key in repeated and _is_standalone(lines, i):
            if i not in first_content or key in kept:
                continue
            kept.add(key)
        out.append(line)
    return "\n".join(out)


def _is_standalone(lines: list[str], i: int) -> bool:
    prev_blank = i == 0 or not lines[i - 1].strip()
    next_blank = i == len(lines) - 1 or not lines[i + 1].strip()
    return bool(lines[i].strip()) and prev_blank and next_blank
