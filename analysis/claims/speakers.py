"""Speakers: the article's mentions indexed for the speaker slots, the mention that heads
a slot, and the resolution of a slot to a speaker (entity, or the previous speaker for
a pronoun: "Jane Doe spoke. "We start again," *she* said." → Jane Doe)."""
from __future__ import annotations

import bisect
import re

from analysis.claims.lexicon import function_words, given_name_genders, pronoun_genders, pronouns
from analysis.claims.records import ACTOR_TYPES, NOBODY, Speaker, Who, lazy
from analysis.tokenise import Doc


def mention_kind(m: object) -> str:
    return str(getattr(m, "mention_kind", "") or "")


def entity_type(m: object) -> str:
    return str(getattr(m, "entity_type", "") or "")


class Mentions:
    """The article's mentions sorted by (start, end), with range look-ups by bisection and
    the derived sets the speaker rules ask for, computed once per article."""

    def __init__(self, mentions: list, doc: Doc):
        self.items = sorted(mentions or [], key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]
        self.text = doc.text
        self.quotes = doc.quotes
        self._labels: dict[tuple[str, ...], list] = {}

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def starting_in(self, s: int, e: int) -> list:
        """Mentions with ``s <= start <= e``, in order."""
        return self.items[bisect.bisect_left(self.starts, s) : bisect.bisect_right(self.starts, e)]

    def within(self, s: int, e: int) -> list:
        """Mentions with ``s <= start`` and ``end <= e``, in order."""
        return [m for m in self.starting_in(s, e) if m.end <= e]

    @lazy
    def actor_ends(self) -> tuple[frozenset[int], list[int]]:
        """Ends of PERSON and ORG mentions (a set, and sorted)."""
        ends = {m.end for m in self.items if str(getattr(m, "entity_type", "")) in ("PERSON", "ORG")}
        return frozenset(ends), sorted(ends)

    def actor_ends_near(self, start: int, end: int) -> list[int]:
        """Ends ``e`` of actor mentions with ``e <= start`` and ``end - e < 25``."""
        ends = self.actor_ends[1]
        return ends[bisect.bisect_right(ends, end - 25) : bisect.bisect_right(ends, start)]

    @lazy
    def _subjects(self) -> tuple[list, list[int]]:
        """Actor or pronoun mentions outside quotations (subjects of "…, adding that")."""
        qs, qe = [q.start for q in self.quotes], [q.end for q in self.quotes]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(qs, pos) - 1
            return k >= 0 and pos < qe[k]
        out = [m for m in self.items if not quoted(m.start)
               and (str(getattr(m, "entity_type", "") or "") in ACTOR_TYPES or mention_kind(m) == "pronoun")]
        return out, [m.start for m in out]

    def first_subject(self, s: int, lim: int) -> object | None:
        """The first (then longest) actor or pronoun mention outside quotations inside
        ``[s, lim]``."""
        items, starts = self._subjects
        best = None
        for k in range(bisect.bisect_left(starts, s), bisect.bisect_right(starts, lim)):
            m = items[k]
            if best is not None and m.start != best.start:
                break
            if m.end <= lim and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    @lazy
    def _persons_by_surface(self) -> dict[str, list[tuple[int, object]]]:
        out: dict[str, list[tuple[int, object]]] = {}
        for k, x in enumerate(self.items):
            if str(getattr(x, "entity_type", "") or "") == "PERSON":
                out.setdefault(self.text[x.start : x.end], []).append((k, x))
        return out

    def persons_named(self, words: tuple[str, ...]) -> list:
        """PERSON mentions, in order, whose surface holds every word of a speaker label
        (as written or title-cased): "PENCE" → "Mike Pence"."""
        if words not in self._labels:
            hits = [kx for surface, kxs in self._persons_by_surface.items()
                    if all(w.title() in surface or w in surface for w in words) for kx in kxs]
            self._labels[words] = [x for _, x in sorted(hits, key=lambda kx: kx[0])]
        return self._labels[words]


def _inside_parens(m: object, start: int, text: str) -> bool:
    before = text[start : m.start]
    return before.count("(") > before.count(")")


def pick_mention(mentions: list, start: int, end: int, prefer: str, text: str = "") -> object | None:
    """The mention inside [start, end) that heads the slot: ending last (``prefer='right'``)
    or starting first (``'left'``); ties → the longest. A mention inside a parenthesis
    ("Jane Doe (D-Wis.)") is not the head."""
    cands = [m for m in mentions if m.start >= start and m.end <= end and m.end > m.start]
    if len(cands) > 1:
        outside = [m for m in cands if not _inside_parens(m, start, text)]
        cands = outside or cands
    if not cands:
        return None
    if prefer == "right":
        return max(cands, key=lambda m: (m.end, m.end - m.start, -m.start))
    return min(cands, key=lambda m: (m.start, -(m.end - m.start)))


_SLOT_WORDS = re.compile(r"[\w\u2019'.\-]+")


def after_np_preposition(text: str, slot_start: int, m: object) -> bool:
    """True if mention ``m`` follows a preposition inside its slot (maybe after a
    determiner): a complement of the head noun, not the head ("A spokesperson for [the
    Department]", "Manufacturers of [America]", "the head of [NATO]")."""
    words = _SLOT_WORDS.findall(text[slot_start : m.start].lower())
    while words and words[-1] in function_words("determiner"):
        words.pop()
    return bool(words) and words[-1] in function_words("np_preposition")


def head_mention(mentions: Mentions, start: int, end: int, prefer: str, text: str) -> object | None:
    """:func:`pick_mention` over the mentions that are not complements of a preposition
    (:func:`after_np_preposition`)."""
    ok = [m for m in mentions.within(start, end) if not after_np_preposition(text, start, m)]
    return pick_mention(ok, start, end, prefer, text)


def agrees(pronoun: str, who: Who | None) -> bool:
    """Can ``pronoun`` stand for ``who``? "he"/"she" need a person (when the type is known)
    whose given name, if it implies a gender, implies the pronoun's ("she" ≠ "Tom Reyes");
    "it" never stands for a person; "they" is not checked."""
    if who is None:
        return False
    if pronoun == "it":
        return who.entity_type != "PERSON"  # "It said …" after "Tom Reyes said": not Tom Reyes
    gender = pronoun_genders().get(pronoun)
    if not gender:
        return True
    if who.entity_type and who.entity_type != "PERSON":
        return False  # "he" ≠ "the Plaza Hotel"
    first = who.name.split()[0] if who.name.split() else ""
    implied = given_name_genders().get(first, "")
    return not implied or implied == gender


def resolve(sp: Speaker | None, last: Who | None) -> Who:
    """Resolve a speaker slot; an unresolved pronoun (or no slot) falls back to ``last``
    when the pronoun agrees with it (:func:`agrees`), else stays the pronoun."""
    if sp is None:
        return last or NOBODY
    m = sp.mention
    surface_low = sp.surface.lower()
    if not agrees(surface_low, last) and surface_low in pronouns():
        last = None
    if m is not None:
        eid = str(getattr(m, "entity_id", "") or "")
        name = str(getattr(m, "entity", "") or "")
        mid = str(getattr(m, "mention_id", "") or "")
        if eid:
            return Who(name or sp.surface, eid, mid, sp.start, sp.end, entity_type(m))
        if (mention_kind(m) == "pronoun" or surface_low in pronouns()) and last:
            return Who(last.name, last.entity_id, mid, sp.start, sp.end, last.entity_type)
        return Who(name or sp.surface, "", mid, sp.start, sp.end)
    if surface_low in pronouns() and last:
        return Who(last.name, last.entity_id, "", sp.start, sp.end, last.entity_type)
    return Who(sp.surface, "", "", sp.start, sp.end)
