"""HTML pages: the statement's text, title and date line, without the site around it."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dialogwatch.ingest.boilerplate import match_line
from dialogwatch.ingest.dates import is_date_line
from dialogwatch.ingest.decode import DecodeError, decode_text
from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.rawtext import RawText, quiet_logger

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")
_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "td",
    "th",
    "time",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "dd",
    "dt",
)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg")


def read_html(raw: bytes, path: Path) -> RawText:
    """Extract the main text of an HTML page with trafilatura (comments excluded)."""
    html = _decode_html(raw, path)
    if not html.strip():
        raise IngestError(path, "empty document")
    tree = _parse(html, path)
    doc = _trafilatura(tree, favor_recall=False)
    body = _paragraphs(doc.text) if doc is not None and doc.text else ""
    # trafilatura's default (precision) mode can drop a list or a paragraph of the statement
    # itself; its recall mode keeps them, along with more of the page around: take it when it
    # adds text of the statement's kind and no more than the statement's own size again
    recall = _trafilatura(_parse(html, path), favor_recall=True)
    recall_body = _paragraphs(recall.text) if recall is not None and recall.text else ""
    if body.strip() and _adds_statement_text(body, recall_body):
        body = recall_body
    if not body.strip():
        body = _fallback_text(tree)
    page_title = _page_title(tree)
    title = (doc.title if doc is not None and doc.title else None) or page_title
    title = _strip_site_suffix(title) if title else None
    date_line = _date_line(tree)
    if date_line and title and f"{title} {date_line}" in body:
        # the headline and the date run together on one line: the date gets a line of its own
        body = body.replace(f"{title} {date_line}", f"{title}\n\n{date_line}", 1)
    text = _with_title_and_date(body, title, date_line if date_line and date_line not in body else None)
    meta: dict[str, object] = {}
    if doc is not None and doc.date:
        meta["html_date"] = doc.date
    if date_line:
        meta["date_line"] = date_line
    return RawText(text=text, title=title, meta=meta)


def _trafilatura(tree: HtmlElement, *, favor_recall: bool) -> Any:
    """trafilatura's main-text extraction of a parsed page (comments, links, images left out)."""
    import trafilatura

    with quiet_logger("trafilatura"), quiet_logger("htmldate"):
        return trafilatura.bare_extraction(
            tree,
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            with_metadata=True,
            deduplicate=False,
            favor_recall=favor_recall,
            # Extensive date search falls back to dateparser: seconds per page, and it guesses.
            # Metadata dates only; the visible date line is found by _date_line.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )


def _adds_statement_text(body: str, recall: str) -> bool:
    """True when the recall extraction holds sentences the precise one lost (and not a whole sidebar)."""
    if len(recall) > 2 * len(body) + 2000:
        return False
    kept = set(body.splitlines())
    return any(
        len(line) >= 40 and line not in kept and not match_line(line) and line.rstrip()[-1:] in '.;:!?"”)'
        for line in recall.splitlines()
    )


def _with_title_and_date(body: str, title: str | None, date_line: str | None) -> str:
    """Make sure the title line and the date line open the text, in that order."""
    first, _, rest = body.partition("\n\n")
    if title and title not in body[:400]:
        head, body_rest = [title], body
    elif title and first.strip() == title:
        head, body_rest = [first], rest
    else:
        head, body_rest = [], body
    if date_line:
        head.append(date_line)
    return "\n\n".join([*head, body_rest]) if head else body


def _decode_html(raw: bytes, path: Path) -> str:
    try:
        return decode_text(raw)[0]
    except DecodeError as exc:
        declared = _META_CHARSET.search(raw[:4096])
        if declared:
            try:
                return raw.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise IngestError(path, f"not a readable HTML page ({exc})") from exc


def _parse(html: str, path: Path) -> HtmlElement:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        # lxml refuses str input that carries an XML encoding declaration.
        return lxml_html.document_fromstring(
            html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(path, f"not a readable HTML page ({exc})") from exc


def _paragraphs(text: str) -> str:
    """Put a blank line between blocks, but keep consecutive list items together."""
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if out and not (_is_item(line) and _is_item(out[-1])):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _is_item(line: str) -> bool:
    return line.lstrip().startswith(("- ", "• ", "* ")) or line.lstrip().startswith("|")


def _page_title(tree: HtmlElement) -> str | None:
    for xpath in ("//title", "//h1"):
        nodes = tree.xpath(xpath)
        if nodes:
            text = " ".join(nodes[0].text_content().split())
            if text:
                return text
    return None


def _strip_site_suffix(title: str) -> str:
    """ "Joint Statement on X | U.S. Department of State" -> "Joint Statement on X"."""
    title = " ".join(title.split())
    m = _TITLE_SUFFIX.search(title)
    if m and len(title[: m.start()].split()) >= 3:
        return title[: m.start()]
    return title


def _block_text(tree: HtmlElement, drop: tuple[str, ...]) -> list[str]:
    """Visible text of the page, one line per block element, whitespace collapsed."""
    from copy import deepcopy

    body = tree.find("body")
    body = deepcopy(body if body is not None else tree)
    for tag in drop:
        for node in list(body.iter(tag)):
            node.drop_tree()
    for node in body.iter(*_BLOCK_TAGS):
        node.tail = "\n" + (node.tail or "")
        if node.tag != "br":
            node.text = "\n" + (node.text or "")
    return [" ".join(line.split()) for line in body.text_content().split("\n")]


_CELLS = re.compile(r"\s+[|·•—]\s+")


def _date_line(tree: HtmlElement) -> str | None:
    """The page's date line (a short line that is a date, e.g. under the headline)."""
    lines = [x for x in _block_text(tree, ("script", "style", "noscript", "template", "svg")) if x]
    for line in lines[:80]:
        if match_line(line) or len(line) > 160:
            continue
        if len(line) <= 80 and is_date_line(line):
            return _with_cells(lines, lines.index(line))
        # a byline "Por Ana Ruiz | Ciudad de México | 6 de octubre de 2023": trafilatura drops
        # it, and with it the only visible date; it is kept whole (author, dateline and date)
        cells = _CELLS.split(line)
        if len(cells) > 1 and any(is_date_line(c) for c in cells):
            return line
    return None


def _with_cells(lines: list[str], i: int) -> str:
    """The date line with the cells a bar joins it to on the lines around it: a meta block
    "Agency | 24 de agosto de 2023 | Comunicado 178/2023" or a byline "Author · City · <time>"
    comes one element per line."""
    a = b = i
    while a > 0 and lines[a - 1].rstrip().endswith(_BARS) and len(lines[a - 1]) <= 80:
        a -= 1
    while b + 1 < len(lines) and lines[b].rstrip().endswith(_BARS) and len(lines[b + 1]) <= 80:
        b += 1
    return " ".join(x.strip() for x in lines[a : b + 1]).rstrip(" |·•")


_BARS = ("|", "·", "•")


def _fallback_text(tree: HtmlElement) -> str:
    """When trafilatura finds no main text: the page's visible text minus obvious chrome."""
    return "\n\n".join(line for line in _block_text(tree, _DROP_TAGS) if line)


logging.getLogger("trafilatura").addHandler(logging.NullHandler())
