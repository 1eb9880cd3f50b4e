"""Read brat standoff attribution annotations (``.ann`` files, PolNeAR / PARC style).

Lines used::

    T1<TAB>Source 89 106<TAB>The New York Post          text-bound span
    T3<TAB>Content 115 200;210 290<TAB>that …           several pieces: "s e;s e"
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1   one attribution relation

An ``E`` line's first argument names the event type and its trigger
(``Attribution:T4``, ``Attribution-no-source:T9``); the other arguments are
roles.  ``Source`` may be missing; a role may repeat with a number
(``Content2:T7``), whose pieces are merged into the role's span.  Other line
types (``A``, ``R``, ``N``, ``#``) and malformed lines are skipped, never fatal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Piece = tuple[int, int]


@dataclass(frozen=True)
class Span:
    """A text-bound annotation: label and one or more character pieces."""

    tid: str
    label: str
    pieces: tuple[Piece, ...]
    text: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.pieces)

    @property
    def end(self) -> int:
        return max(e for _, e in self.pieces)

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.pieces)


@dataclass(frozen=True)
class Relation:
    """One ``E`` line: an attribution with its content, cue and (optional) source."""

    eid: str
    type: str
    trigger: Span | None
    content: Span | None
    cue: Span | None
    source: Span | None


_PIECES = re.compile(r"^\d+ \d+(?:;\d+ \d+)*$")


def parse_pieces(s: str) -> tuple[Piece, ...]:
    """``"10 20;25 30"`` → ``((10, 20), (25, 30))``; raises ``ValueError`` on bad input."""
    s = s.strip()
    if not _PIECES.match(s):
        raise ValueError(f"bad span: {s!r}")
    out = []
    for part in s.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(text: str) -> tuple[dict[str, Span], list[tuple[str, str, list[tuple[str, str]]]]]:
    """Text-bound spans by id, and raw events ``(eid, type:trigger, [(role, tid)])``."""
    spans: dict[str, Span] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        ident = parts[0].strip()
        if ident.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                continue
            try:
                pieces = parse_pieces(head[1])
            except ValueError:
                continue
            spans[ident] = Span(ident, head[0], pieces, parts[2] if len(parts) > 2 else "")
        elif ident.startswith("E") and len(parts) >= 2:
            args = parts[1].split()
            if not args or ":" not in args[0]:
                continue
            roles = [tuple(a.split(":", 1)) for a in args[1:] if ":" in a]
            events.append((ident, args[0], roles))  # type: ignore[arg-type]
    return spans, events


def _merge(spans: list[Span], label: str) -> Span | None:
    if not spans:
        return None
    if len(spans) == 1:
        return spans[0]
    pieces = tuple(sorted(p for s in spans for p in s.pieces))
    return Span("+".join(s.tid for s in spans), label, pieces, " ".join(s.text for s in spans))


def relations(text: str) -> list[Relation]:
    """Attribution relations of an ``.ann`` file's text (see module docstring)."""
    spans, events = parse_ann(text)
    out: list[Relation] = []
    for eid, head, roles in events:
        etype, _, trig = head.partition(":")
        by_role: dict[str, list[Span]] = {}
        for role, tid in roles:
            base = re.sub(r"\d+$", "", role)
            if tid in spans:
                by_role.setdefault(base, []).append(spans[tid])
        out.append(Relation(eid, etype, spans.get(trig), _merge(by_role.get("Content", []), "Content"),
                            _merge(by_role.get("Cue", []), "Cue"), _merge(by_role.get("Source", []), "Source")))
    return out


def read_ann(path: str | Path) -> list[Relation]:
    """Attribution relations of the ``.ann`` file at ``path``."""
    return relations(Path(path).read_text(encoding="utf-8"))


def check_spans(rels: list[Relation], text: str) -> list[str]:
    """Problems where a span's pieces do not reproduce its recorded text (whitespace-insensitive)."""
    problems = []
    for r in rels:
        for sp in (r.content, r.cue, r.source):
            if sp is None or "+" in sp.tid:
                continue
            got = " ".join(text[s:e] for s, e in sp.pieces)
            if re.sub(r"\s+", "", got) != re.sub(r"\s+", "", sp.text):
                problems.append(f"{r.eid} {sp.tid}: {sp.text[:40]!r} != {got[:40]!r}")
    return problems
