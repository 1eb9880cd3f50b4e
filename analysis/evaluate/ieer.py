"""Read the NIST 1999 IE-ER named-entity sample (SGML) into text and gold spans.

The corpus (NLTK's ``ieer``) is six files, each holding several ``<DOC>`` elements::

    <DOC> <DOCNO> APW19980314.0391 </DOCNO> ... <BODY> <HEADLINE> ... </HEADLINE>
    <TEXT> ... <b_enamex type="PERSON">Daniel arap Moi<e_enamex> ... </TEXT> </BODY> </DOC>

Only the ``<TEXT>`` body is used: headlines are upper-case or title-case lines
that no sentence-level recogniser is meant for, and NLTK's reader treats them
separately as well.  ``<ANNOTATION>`` blocks (editor's notes such as "STORY CAN
END HERE") are dropped with their content.  Inline tags are removed and gold
offsets are computed in the tag-free text, so ``text[start:end] == surface``.

Entities marked ``status="opt"`` are optional: they are returned apart so a scorer
can neither reward nor penalise them.  ``<b_timex>``/``<b_numex>`` spans are
returned with their types too (TIMEX:DATE, NUMEX:MONEY ...), though the named-entity
score uses ENAMEX only.

The text handed to the recogniser is *normalised without moving any offset*:
line breaks inside paragraphs become spaces and the typewriter quotes `` and ''
become a straight double quote plus a space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analysis.article import Article, Paragraph

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_ANNOT = re.compile(r"<ANNOTATION>.*?</ANNOTATION>", re.S)
_TAG = re.compile(r"<(b|e)_(enamex|timex|numex)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldSpan:
    """One annotated span in the tag-free text."""

    start: int
    end: int
    surface: str
    tag: str        # ENAMEX | TIMEX | NUMEX
    type: str       # PERSON | ORGANIZATION | LOCATION | DATE | ...
    optional: bool = False


@dataclass(frozen=True)
class IeerDoc:
    """One IE-ER document: id, the tag-free body text and its gold spans."""

    docno: str
    text: str
    spans: tuple[GoldSpan, ...]

    def entities(self, include_optional: bool = False) -> list[GoldSpan]:
        """ENAMEX spans (optional ones only when asked)."""
        return [s for s in self.spans if s.tag == "ENAMEX" and (include_optional or not s.optional)]


def strip_tags(sgml: str) -> tuple[str, list[GoldSpan]]:
    """Remove the inline entity tags from ``sgml``; gold spans in the resulting text."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    stack: list[tuple[str, str, bool, int]] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(sgml):
        chunk = sgml[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        be, tag, attrs = m.group(1), m.group(2).upper(), dict(_ATTR.findall(m.group(3)))
        if be == "b":
            stack.append((tag, attrs.get("type", ""), attrs.get("status", "") == "opt", length))
        else:
            # close the innermost open tag of this kind
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == tag:
                    t, ty, opt, start = stack.pop(k)
                    spans.append(GoldSpan(start, length, "", t, ty, opt))
                    break
    out.append(sgml[pos:])
    text = "".join(out)
    spans = [GoldSpan(s.start, s.end, text[s.start:s.end], s.tag, s.type, s.optional) for s in spans]
    spans.sort(key=lambda s: (s.start, s.end))
    return text, spans


def parse_file(path: str | Path) -> list[IeerDoc]:
    """All documents of one IE-ER file (body text only)."""
    raw = Path(path).read_text(encoding="latin-1")
    docs = []
    for dm in _DOC.finditer(raw):
        block = dm.group(1)
        docno = (_DOCNO.search(block).group(1) if _DOCNO.search(block) else f"{Path(path).name}-{len(docs)}")
        tm = _TEXT.search(block)
        if not tm:
            continue
        body = _ANNOT.sub("", tm.group(1))
        text, spans = strip_tags(body)
        docs.append(IeerDoc(docno, text, tuple(spans)))
    return docs


def read_corpus(folder: str | Path) -> list[IeerDoc]:
    """Every document of every IE-ER file in ``folder`` (files in name order, README skipped)."""
    folder = Path(folder)
    docs: list[IeerDoc] = []
    for p in sorted(folder.iterdir()):
        if p.is_file() and re.match(r"^[A-Z]{3}_\d{8}$", p.name):
            docs.extend(parse_file(p))
    return docs


def normalise(text: str) -> str:
    """Same-length text for the recogniser: `` and '' → '" ' and ' "'-style marks, the SGML
    entity ``&AMP;`` → ``&`` plus four spaces, newlines → spaces."""
    t = text.replace("``", ' "').replace("''", '" ').replace("&AMP;", "&    ")
    return t.replace("\n", " ")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of an IE-ER body: a new paragraph starts at each line indented with a tab."""
    starts = [0] + [m.start() + 1 for m in re.finditer(r"\n(?=\t)", text)]
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def to_article(doc: IeerDoc) -> Article:
    """An :class:`Article` (all paragraphs zone ``body``) over the normalised body text."""
    paras = tuple(Paragraph(i, s, e, "body") for i, (s, e) in enumerate(paragraph_spans(doc.text)))
    aid = re.sub(r"[^0-9a-z]+", "-", doc.docno.lower()).strip("-") or "ieer"
    return Article(article_id=aid, text=normalise(doc.text), paragraphs=paras, source="ieer")


#: IE-ER label for each of our entity types (NORP, WEAPON, DATE are not scored).
TYPE_MAP: dict[str, str] = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION"}
GOLD_MAP: dict[str, str] = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "LOCATION": "LOCATION"}
