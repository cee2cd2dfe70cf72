"""Markdown to plain text: drop the markup, keep the words and the paragraphs.

Many "text" documents are pages saved as Markdown (headings with ``#``, bold
with ``**``, links, ``<sup>th</sup>``); the clean text must read like prose.
"""

from __future__ import annotations

import re

_ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
_HR = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)")
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[*+][ \t]+")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[((?:[^\[\]]|\\\[|\\\])*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
# Cloudflare hides addresses in saved pages as "[[email protected]](/cdn-cgi/l/email-protection#...)".
_CF_EMAIL = re.compile(r"\[\[email\s*protected\]\]\([^)]*\)")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:sup|sub|span|em|strong|b|i|u|a|small|mark|abbr|font|del|ins|s)\b[^>]*>", re.I
)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRAY_STRONG = re.compile(r"\*\*|__")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_TRAILING_BREAK = re.compile(r"[ \t]+$|\\$")

_SIGNALS = (
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.M),
    re.compile(r"\[[^\]\n]+\]\((?:https?://|/|#|mailto:)[^)\s]*\)"),
    re.compile(r"\*\*[^*\n]+\*\*"),
    re.compile(r"</?(?:sup|sub)>", re.I),
    re.compile(r"^[ \t]*\|.+\|[ \t]*$\n^[ \t]*\|?[ \t]*:?-{3,}", re.M),
)


def looks_like_markdown(text: str) -> bool:
    """True when a text file carries Markdown markup worth converting."""
    return any(sig.search(text) for sig in _SIGNALS)


def markdown_to_text(text: str) -> str:
    """Convert Markdown to plain text with one paragraph per block."""
    out: list[str] = []
    in_fence = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(line)
            continue
        out.append(_convert_line(line, out))
    return "\n".join(out)


def _convert_line(line: str, done: list[str]) -> str:
    if _HR.match(line) or _REF_DEF.match(line) or (_TABLE_SEP.match(line) and "-" in line):
        return ""
    if _SETEXT_RULE.match(line) and done and done[-1].strip():
        return ""  # the underline of a "Title\n=====" heading
    heading = _ATX_HEADING.match(line)
    if heading:
        line = heading.group(1)
    elif line.strip() in {"#", "##", "###", "####", "#####", "######"}:
        return line.strip()  # "###" closes a press release; clean-up decides
    line = _QUOTE.sub("", line)
    line = _BULLET.sub(lambda m: f"{m.group(1)}• ", line)
    if line.strip().startswith("|") and line.strip().endswith("|") and line.count("|") >= 3:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        line = " | ".join(c for c in cells if c)
    return _inline(line)


def _inline(line: str) -> str:
    line = _CF_EMAIL.sub("[email protected]", line)
    line = _BR.sub(" ", line)
    line = _INLINE_TAG.sub("", line)
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = _REF_LINK.sub(lambda m: m.group(1), line)
    line = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    for _ in range(2):  # nested emphasis ("**_x_**")
        line = _STRONG.sub(lambda m: m.group(2), line)
        line = _EM_STAR.sub(lambda m: m.group(1), line)
        line = _EM_UNDER.sub(lambda m: m.group(1), line)
    line = _STRAY_STRONG.sub("", line)
    line = _ESCAPE.sub(lambda m: m.group(1), line)
    return _TRAILING_BREAK.sub("", line)


def markdown_headings(text: str) -> list[str]:
    """The text of every ATX heading, in order, with inline markup removed."""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        m = _ATX_HEADING.match(line)
        if m and m.group(1).strip():
            out.append(_inline(m.group(1)).strip())
    return out
