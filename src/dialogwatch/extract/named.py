"""Named instruments (data/instruments.yaml); cases live in ``cases.py``.

Instruments: capitalised noun phrases that contain a head noun (Law, Mechanism,
Working Group, Memorandum of Understanding...), extended over a lower-case
complement ("... on precursor chemical regulation"), and lower-case phrases
made specific by a modifier ("our bilateral cyber working group").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache

from dialogwatch.extract.alternation import fold as re_fold
from dialogwatch.extract.alternation import word_alternation
from dialogwatch.extract.cases import cases_data, find_cases
from dialogwatch.extract.cases import fold_name as _fold
from dialogwatch.extract.context import DocContext
from dialogwatch.extract.instrument_parts import (
    CONNECTOR,
    InstrumentsData,
    complement_after,
    head_index,
    instruments_data,
    two_instruments,
    valid_head,
)
from dialogwatch.extract.instrument_proper import find_proper_instruments
from dialogwatch.extract.instrument_trim import merge_instruments, trim_instrument
from dialogwatch.extract.orgs import resolve_org
from dialogwatch.extract.prefilter import Prefiltered, finditer_around, prefiltered
from dialogwatch.extract.schema import Acronym, Instrument
from dialogwatch.extract.titles import starts_with_title


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(_fold(w) for w in instruments_data().specific_modifiers)


# ------------------------------------------------------------ instruments
# "(?:[A-Z]\.){2,}|[A-ZÁÉÍÓÚÑ](?:[\w'’-]|\.(?=\w))*" with the first letter taken out of the
# alternation: a pattern that opens with a character class lets sre skip straight to capitals
# instead of trying both branches at every position (same matches: the look-behind keeps
# "A.B." to [A-Z], and the branches are tried in the same order).
# a capitalised word; "Canada–Mexico" (an en dash between two) is one
_CAP = r"(?:[A-ZÁÉÍÓÚÑ](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?:[\w'’-]|\.(?=\w)|[–—](?=[A-ZÁÉÍÓÚÑ]))*))"
_RUN = re.compile(rf"{_CAP}(?:(?:[ \t]+{CONNECTOR})*[ \t]+{_CAP}|,[ \t]+(?:and[ \t]+|y[ \t]+)?{_CAP})*")
# "for Security, Public Health and Safe Communities": a series closed by and/y inside one name
_SERIES_IN_NAME = re.compile(r",\s+(?:(?:and|y)\s|[A-ZÁÉÍÓÚÑ][^,]*\s(?:and|y)\s+[A-ZÁÉÍÓÚÑ])")
_SPLIT_BEFORE_HEAD = re.compile(r"(?:,\s+|\s+(?:and|y|e)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?)")
# "Adoptaron el Marco de ...": a determiner before the head opens the name (a capitalised
# sentence-initial verb is not part of it)
_DET_BEFORE_HEAD = re.compile(r"(?<=\s)(?:the|el|la|los|las)\s+(?=[A-ZÁÉÍÓÚÑ])")
_SIGN_OFF = re.compile(
    r"^\s*(?:Sincerely|Respectfully|Atentamente|Cordialmente|Saludos cordiales|Best regards)\b.*$",
    re.MULTILINE,
)
_LEAD = re.compile(
    r"^(?:(?:The|El|La|Los|Las|A|An|Un|Una|In|En|Both|Our|Its|Their|This|These|Este|Esta|Mexico|México)\s+)+"
)
_POSSESSIVE = re.compile(r"^.*?[’']s\s+")
_DET = r"(?:a|an|the|our|their|its|un|una|el|la|del|al|nuestro|nuestra|su)"
_COMMA_AND = re.compile(r",\s+(?:and|y)\s")
_JOINT_LEAD = re.compile(r"(?:and|y|e|or|o)\s+")
_NO_END = re.compile(r"\b(?:No|N\.?º|Nº|núm|Núm|Number|Número)\.?$")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_YEAR_COMPLEMENT = re.compile(r"\s+(?:de|del|of|from)\s+(?:19|20)\d\d\b")
# heads that civil-society bodies share with instruments ("Centro Prodh", "Comisión Colombiana de Juristas")
_NGO_HEADS = frozenset({"Centro", "Center", "Centre", "Red", "Network", "Comisión", "Commission"})
# the number after "No." in a numbered law or convention: "Law No. 30470", "Convention No. 87"
_NUMBERED = re.compile(r"\.?\s*\d[\d.,/-]*\d|\.?\s*\d")


@cache
def _head_words() -> Prefiltered:
    """The head pattern with its literal check: where in a text head words start."""
    return Prefiltered(head_index()[0])


@cache
def _lower_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds: dict[str, str] = {}
    for kind, heads in instruments_data().lower_heads.items():
        for h in heads:
            kinds[h] = kind
    alt = "|".join(re.escape(h) for h in sorted(kinds, key=len, reverse=True))
    mod = r"(?:(?!(?:of|the|for|to|and|an?|de|la|el|los|las|del|y|en|para|in|on|with|con)\s)[a-záéíóúñ-]+\s+)"
    rx = re.compile(rf"(?<![\w-]){_DET}\s+(?P<mods>{mod}{{0,3}}?)(?P<head>{alt})(?![\w-])", re.IGNORECASE)
    return rx, kinds


# what a lower-case instrument phrase never holds: determiner, modifiers and head word are
# letters, spaces and hyphens (the heads are checked in _lower_head_scan)
_PHRASE_BREAK = re.compile(r"[^\w\s-]")


@cache
def _lower_head_scan() -> re.Pattern[str] | None:
    """A lower-case head word after a space, in the folded text (None: a head holds punctuation)."""
    _, kinds = _lower_regex()
    if any(_PHRASE_BREAK.search(h) for h in kinds):
        return None
    return re.compile(r"\s" + word_alternation({re_fold(h) for h in kinds}))


def _lower_matches(text: str) -> Iterator[re.Match[str]]:
    """``_lower_regex()`` over ``text``: scanning every position with its determiner
    alternation was slow, so only the clauses holding a head word are searched."""
    rx, _ = _lower_regex()
    scan, folded = _lower_head_scan(), re_fold(text)
    if scan is None or len(folded) != len(text):
        return rx.finditer(text)  # offsets of the folded text would not be the text's
    heads = [m.start() + 1 for m in scan.finditer(folded)]
    return finditer_around(rx, text, heads, _PHRASE_BREAK)


# a section of a text, numbered ("Capítulo I", "Chapter 3"), is no instrument of its own
_SECTIONS = frozenset({"Chapter", "Capítulo"})
_NUMBERING = re.compile(r"[IVXLC]+\.?|\d+")


def _place_article(name: str, lead: re.Match[str]) -> bool:
    """Whether the lead's last word is the article of a place ("Los Angeles", "El Paso")."""
    from dialogwatch.extract.places import find_countries, lookup_city

    words = name.split()
    k = len(lead.group(0).split())
    if k > len(words) - 1 or words[k - 1] not in ("Los", "Las", "El", "La"):
        return False
    place = f"{words[k - 1]} {words[k]}"
    return lookup_city(place) is not None or any(a == 0 for a, _, _ in find_countries(place))


def find_instruments(
    ctx: DocContext, acronyms: list[Acronym] | None = None, organizations: Iterable[str] = ()
) -> list[Instrument]:
    """Return named laws, programmes, mechanisms, working groups and agreements.

    ``organizations`` are bodies the document names as people's employers or signers:
    a network or centre among them is an organisation, not an instrument.
    """
    text = ctx.text
    items: list[Instrument] = []
    taken: list[tuple[int, int]] = []
    head_rx, kinds = head_index()
    sign_off = _SIGN_OFF.search(text)
    limit = sign_off.start() if sign_off else len(text)  # signature blocks list authors, not instruments
    heads_at = _head_words().literal_starts(text, 0, limit)
    for m in _RUN.finditer(text, 0, limit):
        i = bisect_left(heads_at, m.start()) if heads_at is not None else -1
        if heads_at is not None and (i == len(heads_at) or heads_at[i] >= m.end()):
            continue  # no head word inside the run: valid_head would find none (most runs are names)
        for start, name in two_instruments(m, head_rx):
            if "," in name and not _SERIES_IN_NAME.search(name):
                name = name[: name.index(",")]  # "Name, Title": a list of separate names
            lead = _LEAD.match(name) or _POSSESSIVE.match(name)
            while lead and lead.end() < len(name) and not _place_article(name, lead):
                start += lead.end()
                name = name[lead.end() :]
                lead = _LEAD.match(name) or _POSSESSIVE.match(name)
            head_m = valid_head(name, head_rx)
            if head_m is None or _in_title(m.group(0)):
                continue
            cut = [x.end() for x in _SPLIT_BEFORE_HEAD.finditer(name, 0, head_m.start())]
            cut += [x.end() for x in _DET_BEFORE_HEAD.finditer(name, 0, head_m.start() + 1)]
            cut.sort()
            if cut and not _COMMA_AND.search(name, cut[-1]):
                if starts_with_title(name):
                    continue  # "Assistant Secretary for Border and Immigration Policy": a post
                start += cut[-1]
                name = name[cut[-1] :]
                head_m = valid_head(name, head_rx)
                if head_m is None:
                    continue
            joint = _JOINT_LEAD.match(name)
            if joint:
                start, name = start + joint.end(), name[joint.end() :]  # ", and Working Group member"
            head = head_m.group(0)
            end = start + len(name)
            number = _NUMBERED.match(text, end)
            bare_law = kinds[head] == "law" and name.endswith(head) and text[end : end + 1] == " "
            numbered = number and (_NO_END.search(name) or bare_law)
            if numbered and number:
                name, end = text[start : number.end()], number.end()  # "Law No. 30470", "Decree 147"
            elif name.endswith(".") and not _INITIAL_END.search(name):
                name, end = name[:-1], end - 1
            # a lower-case complement continues a name that ends with its head ("Working Group on
            # forensic identification"), not one that already has its own ("Fondo Europeo para la Paz")
            ends_with_head = name.rstrip(".").endswith(head) or bool(number)
            if kinds[head] == "permit":
                ext = ""
            elif ends_with_head or _IN_MATTERS.match(text, end):
                ext = complement_after(text, end)  # "Convenio de Cooperación en materia de Lucha contra ..."
                if kinds[head] == "institution" and re.match(r"\s+to\s", ext):
                    ext = ""  # "called on the Commission to assess whether ...": a purpose, not a name
            else:  # but a year may date any name ("Acuerdo Final de Paz de 2016")
                year = _YEAR_COMPLEMENT.match(text, end)
                ext = year.group(0) if year else ""
            if ext:
                end += len(ext)
                name = text[start:end]
            if name.endswith(".") and not _INITIAL_END.search(name):
                name = name[:-1]
                end -= 1
            rest = name.replace(head, "", 1).strip()
            if re.fullmatch(r"['’]s", rest) or (text[end : end + 2] in ("'s", "’s") and not rest):
                continue  # "the Mechanism's risk analysts": a reference back, not a name
            if not rest or _ACRONYM.fullmatch(rest) or (head in _SECTIONS and _NUMBERING.fullmatch(rest)):
                continue  # a bare head ("the Network", "Red TDT") is a reference or an acronym, not a name
            if head in _NGO_HEADS and _ngo(name):
                continue
            # a law may name the body it governs ("Ley Orgánica del Ministerio Público")
            meeting_of = _MEETING_OF.match(name) if kinds[head] == "working_group" else None
            if meeting_of and head_m.start() >= meeting_of.end():
                # "la VIII Reunión del Grupo de Trabajo Bilateral ...": the group is the instrument
                start, name = start + meeting_of.end(), name[meeting_of.end() :]
            if _excluded(name, name.find(head) if kinds[head] == "law" else None):
                continue
            items.append(
                Instrument(name=name.strip(), kind=kinds[head], start=start, end=end, rule="instrument.caps")
            )
            taken.append((start, end))
    _, lower_kinds = _lower_regex()
    modifiers = _modifiers()
    weak_modifiers = frozenset(_fold(w) for w in instruments_data().weak_modifiers)
    function = frozenset(_fold(w) for w in instruments_data().function_words)
    for m in _lower_matches(text):
        if not m.group("head")[0].islower():
            continue  # capitalised heads are names, read above
        a = m.start("mods") if m.group("mods") else m.start("head")
        if any(x <= a < y or a <= x < m.end() for x, y in taken):
            continue
        mods = [_fold(w) for w in m.group("mods").split()]
        end = m.end()
        post = re.match(r"(?:\s+([a-záéíóúñ-]+))", text[end : end + 40])
        while post and _fold(post.group(1)) in modifiers | weak_modifiers:  # "grupo binacional"
            mods.append(_fold(post.group(1)))
            end += post.end()
            post = re.match(r"(?:\s+([a-záéíóúñ-]+))", text[end : end + 40])
        ext = complement_after(text, end)
        weak = any(w in weak_modifiers for w in mods) and bool(ext)
        strong = any(w in modifiers for w in mods)
        if m.group("head").lower() in instruments_data().needs_modifier and not strong:
            continue  # "una unidad de élite de la policía": a unit, not an instrument
        specific = weak or strong or bool(re.search(r"[\"“«]", ext))
        content = [w for w in ext.split() if _fold(w.strip('"“”«»,')) not in function]
        if _COLLECTION.match(ext):
            continue  # "un grupo de doce organizaciones": some members, not a body
        if not specific and (len(ext.split()) < 3 or not content):
            continue  # "un programa de capacitación", "un centro de la ciudad": generic
        if ext:
            end += len(ext)
        name = text[a:end].strip()
        if _excluded(name):
            continue
        kind = lower_kinds.get(m.group("head").lower(), "mechanism")
        items.append(Instrument(name=name, kind=kind, start=a, end=end, rule="instrument.lower"))
        taken.append((a, end))
    items += find_proper_instruments(text, instruments_data().proper_heads, taken, _excluded, limit)
    leads = tuple(instruments_data().trim_leads)
    own = {_fold(o) for o in organizations if o}
    kept = [it for it in items if _fold(it.name) not in own and not _civil_society(it.name)]
    return merge_instruments([trim_instrument(it, leads) for it in kept], text)


# "la Ley sobre Refugiados y la Convención Internacional ...": a joint before a second article
_MEETING_OF = re.compile(
    r"^(?:[IVXLC]+\s+|\d+(?:st|nd|rd|th|ª|a|º|o)?\s+)?(?:Reunión|Sesión|Ronda|Meeting|Session|Round)\s+(?:del|de\s+la|de|of\s+the|of)\s+"
)
_COLLECTION = re.compile(
    r"\s*(?:de|of)\s+(?:\d+|[a-záéíóúñ]+)\s+(?:organizaciones|organizations|personas|people|países|countries|"
    r"expertos|experts|familias|families|colectivos|miembros|members|activistas|activists)\b",
    re.IGNORECASE,
)
_IN_MATTERS = re.compile(r"\s+(?:en\s+materia\s+de|in\s+the\s+field\s+of)\s")


@cache
def _exclusions() -> tuple[Prefiltered, frozenset[str]]:
    d = instruments_data()
    alt = "|".join(re.escape(e) for e in sorted(d.exclude, key=len, reverse=True))
    return prefiltered(rf"(?<![\w])(?:{alt})(?![\w])"), frozenset(_fold(g) for g in d.exclude_generic)


def _in_title(run: str) -> bool:
    """A capitalised run that is an office's title ("... for Foreign Affairs and Security Policy")."""
    return any(t in run for t in instruments_data().exclude_runs)


def _civil_society(name: str) -> bool:
    """A name the organisation lexicon knows as a civil-society body ("Centro Prodh")."""
    org = resolve_org(name, exact=True)
    return org is not None and org.kind == "ngo"


def _ngo(name: str) -> bool:
    return any(marker in name for marker in instruments_data().ngo_markers)


def _excluded(name: str, head_at: int | None = None) -> bool:
    """True for a body or a generic reference; with ``head_at``, only a body named before the
    head counts ("Ley Orgánica del Ministerio Público" is a law about a ministry)."""
    rx, generic = _exclusions()
    if _fold(name) in generic:
        return True
    of_body = head_at is not None and _OF_BODY.match(name, head_at) is not None
    return any(not of_body or h.start() <= (head_at or 0) for h in rx.finditer(name))


# a law whose complement names the body it governs: "Ley Orgánica del Ministerio Público"
_OF_BODY = re.compile(r"\w+\s+(?:Orgánica\s+|Organic\s+)?(?:of|de|del)\b")


__all__ = ["InstrumentsData", "cases_data", "find_cases", "find_instruments", "instruments_data"]
