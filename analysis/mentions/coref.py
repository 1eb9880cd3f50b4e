"""Coreference within one article, as named passes over an explicit entity table.

The passes (:data:`COREF_PASSES`, in order) read and write one :class:`EntityTable`; what
they learn about a single mention is written on its :class:`~.records.Cand` (``canon``,
``words``, ``ent``, ``resolved``), what they learn about an entity into the table
(``part_index``, ``long_orgs``, ``persons``, ``org_class``).

1. :func:`cluster_full_names` — full person names, variants merged ("Vladimir Putin" and
   "Vladimir V. Putin" are one person);
2. :func:`index_name_parts` — surnames and first names point to the full names;
3. :func:`index_long_orgs` — initials of long organisation names ("EU" ← "European Union");
4. :func:`find_known_names` — names known from the article found again where no recogniser
   found them (title-case lines, "PENCE:" transcript labels);
5. :func:`assign_entities` — every name gets its entity by :data:`NAME_RULES`;
6. :func:`name_unknowns` — short forms and dateline places, else the article's evidence;
7. :func:`record_persons` — titles, affiliations and genders of persons;
8. :func:`resolve_references` — role nouns and pronouns in reading order (:class:`History`).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

from analysis import lexicons

from analysis.tokenise import Doc

from .evidence import Neighbours, evidence
from .names import ACRONYM
from .records import Cand
from .resources import Resources
from .salience import subject_like
from .works import InWorkTitle

_INITIAL_OR_SUFFIX = re.compile(r"^(?:[A-Z]\.?|Jr\.?|Sr\.?|I{2,3}|IV|VI{1,3}|IX|XI{1,3})$")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


@dataclass
class Person:
    """What the article says about a person: title classes, modifiers ("NATO"), titles, gender."""

    cls: set = field(default_factory=set)
    mods: set = field(default_factory=set)
    gender: str = ""
    titles: set = field(default_factory=set)


@dataclass
class EntityTable:
    """The mentions of one article and what is known about their entities."""

    doc: Doc
    res: Resources
    chosen: list[Cand]                    # the selected mentions, in text order
    full_persons: list[Cand] = field(default_factory=list)
    part_index: dict[str, list[Cand]] = field(default_factory=dict)  # name word -> full names (text order)
    long_orgs: dict[str, str] = field(default_factory=dict)          # initials -> organisation
    persons: dict[str, Person] = field(default_factory=dict)         # canonical name -> attributes
    org_class: dict[str, str] = field(default_factory=dict)          # organisation -> class
    subjects: dict[tuple[int, int], bool] = field(default_factory=dict)  # span -> is it a subject

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def names(self) -> list[Cand]:
        return [c for c in self.chosen if c.kind == "name"]

    def surface(self, c: Cand) -> str:
        return self.doc.text[c.start:c.end]

    def person(self, name: str) -> Person:
        return self.persons.setdefault(name, Person())

    def subject_like(self, start: int, end: int) -> bool:
        """:func:`.salience.subject_like` of the span ``start:end``, decided once per span (the
        gender votes, the person history and the thing pronouns ask about the same names)."""
        got = self.subjects.get((start, end))
        if got is None:
            got = self.subjects[(start, end)] = subject_like(self.doc, start, end)
        return got


# --- 1-3: clusters and indexes ---------------------------------------------------------------

def variant_targets(names: list[list[str]]) -> list[tuple[int, int]]:
    """Pairs ``(a, b)``, in order of ``a``: name ``a`` is a shorter variant of name ``b`` ("Vladimir
    Putin" of "Vladimir V. Putin"): same last word, and a proper subset of ``b``'s words.  ``b`` is
    the last such name in the list, so that taking ``b``'s canonical form for each ``a`` in turn
    gives what comparing every pair in order would.

    Names are grouped by (last word, word set); each group looks up the proper subsets of its
    word set that contain the last word (fewer than 2**(k-1) for k words), or, when that is more
    than the groups sharing its last word, compares with those: linear for names of bounded length.
    """
    last_at: dict[tuple[str, frozenset], int] = {}
    by_last: dict[str, list[frozenset]] = {}
    for i, toks in enumerate(names):
        key = (toks[-1], frozenset(toks))
        if key not in last_at:
            by_last.setdefault(toks[-1], []).append(key[1])
        last_at[key] = i
    best: dict[tuple[str, frozenset], int] = {}   # key -> last index of a proper superset
    for (last, words), i in last_at.items():
        others = sorted(words - {last})
        peers = by_last[last]
        if len(others) < 20 and 2 ** len(others) <= len(peers):
            subsets = (frozenset(c) | {last} for r in range(len(others)) for c in combinations(others, r))
            subsets = [x for x in subsets if (last, x) in last_at]
        else:
            subsets = [x for x in peers if x < words]
        for x in subsets:
            if best.get((last, x), -1) < i:
                best[(last, x)] = i
    return [(a, best[(t[-1], frozenset(t))]) for a, t in enumerate(names) if (t[-1], frozenset(t)) in best]


def fold(word: str) -> str:
    """A name word without accents, in lower case: spelling variants of one name compare
    equal ("Ichiyō" and "Ichiyo", "Zoë" and "Zoe")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)).lower()


@cache
def _name_titles() -> frozenset[str]:
    return lexicons.word_list("coref_name_titles.txt")


def name_words(s: str, res: Resources) -> list[str]:
    """The words that name the person in a full name: without initials and suffixes ("Jr.",
    "III"), titles before it ("Emperor", "Saint", capitalised occupations: "Actor Tom Lund"), and
    an epithet after it ("Casimir the Great", "Anselm of Lindau"); the name itself if nothing is left."""
    words = s.split()
    while len(words) > 1 and (words[0] in _name_titles() or words[0].lower() in res.person_nouns
                              and words[0] not in res.given_names):
        words = words[1:]
    for k in range(1, len(words)):
        if words[k] in ("of", "the") and all(w[:1].isupper() for w in words[k + 1:]) and k + 1 < len(words):
            words = words[:k]
            break
    return [w for w in words if not _INITIAL_OR_SUFFIX.match(w)] or s.split()


def cluster_full_names(t: EntityTable) -> None:
    """Full person names (two words or more) name themselves; a variant takes the canonical
    name of the fuller one ("Vladimir Putin" → "Vladimir V. Putin"), and the same words in
    another order or spelling take the first one's ("Higuchi Natsuko", "Natsuko Higuchi")."""
    t.full_persons = [c for c in t.names if c.type == "PERSON" and len(t.surface(c).split()) >= 2]
    first_of: dict[frozenset, Cand] = {}
    for c in t.full_persons:
        c.canon = s = t.surface(c)
        c.words = name_words(s, t.res)
        f = first_of.setdefault(frozenset(fold(w) for w in c.words), c)
        if f is not c:
            c.canon, c.words = f.canon, f.words
    for a, b in variant_targets([c.words for c in t.full_persons]):
        t.full_persons[a].canon = t.full_persons[b].canon


def index_name_parts(t: EntityTable) -> None:
    """Surnames (and first names, unless the name was typed only by being long) point to the
    full names; a single-word person with a title cue ("Mr. Gallagher") names itself."""
    for c in t.full_persons:
        parts = {c.words[-1], c.words[0]} if not c.how.startswith("multiword") else {c.words[-1]}
        for w in parts:
            t.part_index.setdefault(w, []).append(c)
    for c in t.names:
        s1 = t.surface(c)
        if c.type == "PERSON" and c.rule == "name" and " " not in s1 and s1 not in t.part_index:
            c.canon, c.words = s1, [s1]
            t.part_index[s1] = [c]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w not in ("The",))


def index_long_orgs(t: EntityTable) -> None:
    """Initials of the article's multi-word organisations, for acronyms ("EU", "NATO")."""
    for c in t.names:
        if c.type == "ORG" and len(t.surface(c).split()) >= 2:
            ent = c.entity or t.surface(c)
            t.long_orgs.setdefault(_initials(ent), ent)


# --- 4: names found again ------------------------------------------------------------------

def find_surfaces(text: str, surfaces) -> list[tuple[int, int]]:
    """Spans of ``surfaces`` in ``text``, left to right, not overlapping: at each position not
    preceded by a word character, the longest surface not followed by a word character or hyphen
    (what ``finditer`` of a longest-first alternation between those boundaries finds).

    The surfaces are walked as a character trie from each possible start, so the cost is the text
    length times the length of the longest prefix walked, however many surfaces there are."""
    trie: dict = {}
    for s in surfaces:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = None
    firsts = "".join(sorted(k for k in trie if k))
    if not firsts:
        return []
    starts = re.compile(r"(?<![\w])[" + re.escape(firsts) + "]")
    n, out, pos = len(text), [], 0
    for m in starts.finditer(text):
        p = m.start()
        if p < pos:
            continue
        node, i, best = trie, p, -1
        while i < n and text[i] in node:
            node = node[text[i]]
            i += 1
            if "" in node and not _WORD_OR_HYPHEN.match(text, i):
                best = i
        if best > p:
            out.append((p, best))
            pos = best
    return out


def _known_names(t: EntityTable) -> dict[str, Cand]:
    known: dict[str, Cand] = {}
    for c in t.names:
        s = t.surface(c)
        if c.rule == "name" and c.type and (" " in s or c.type == "PERSON"):
            known.setdefault(s, c)
    for w, lst in t.part_index.items():
        if any(c.words[-1] == w for c in lst):  # surnames, not first names
            known.setdefault(w, lst[0])
            if len(w) > 2:
                known.setdefault(w.upper(), lst[0])  # "PENCE:" speaker labels in transcripts
    return known


def chosen_overlap(t: EntityTable):
    """A test ``(start, end) -> bool``: does the span overlap a mention already chosen?
    (The chosen mentions are sorted and never overlap, so one bisection decides.)"""
    taken = [(c.start, c.end) for c in t.chosen]
    starts = [a for a, _ in taken]

    def overlaps(s: int, e: int) -> bool:
        k = bisect.bisect_right(starts, s) - 1
        return k >= 0 and taken[k][1] > s or k + 1 < len(taken) and taken[k + 1][0] < e
    return overlaps


def find_known_names(t: EntityTable) -> None:
    """Names typed in the body (and surnames) found again where nothing else was found: in
    title-case lines, where capitals prove nothing, and as "PENCE:" labels."""
    known = _known_names(t)
    if not known:
        return
    overlaps = chosen_overlap(t)
    in_title = InWorkTitle(t.doc, t.res)  # "the last "Okafor" episode": a show, not the person
    extra = []
    for ms, me in find_surfaces(t.text, known):
        if overlaps(ms, me) or in_title(ms, me):
            continue
        kc = known[t.text[ms:me]]
        c = Cand(ms, me, kc.type, "name", "name", kc.entity, kc.cls, priority=2)
        if kc.canon is not None and t.text[ms:me] == t.surface(kc):  # the full name again: its cluster
            c.canon, c.words = kc.canon, kc.words
        extra.append(c)
    if extra:
        t.chosen = sorted(t.chosen + extra, key=lambda c: c.start)


# --- 5: entities of names ------------------------------------------------------------------

@dataclass
class _Parts:
    """The part index, searchable: nearest full name by position, first use as a surname."""

    t: EntityTable

    def __post_init__(self):
        idx = self.t.part_index
        self.starts = {w: [f.start for f in lst] for w, lst in idx.items()}
        self.first_surname = {w: min((f.start for f in lst if f.words[-1] == w), default=None)
                              for w, lst in idx.items()}

    def nearest(self, w: str, pos: int) -> Cand:
        """The full name with word ``w`` last before ``pos`` (else the first one)."""
        k = bisect.bisect_right(self.starts[w], pos)
        return self.t.part_index[w][k - 1] if k else self.t.part_index[w][0]

    def first_introduced(self, w: str) -> Cand:
        """The person a name word alone refers to: the first full name introduced with it as
        its surname (else as its first word) — the article's protagonist, not the relative
        named last ("Jeanne Vidal ... her father, Paul Vidal ... Vidal starred in …")."""
        lst = self.t.part_index[w]
        return next((f for f in lst if f.words[-1] == w), lst[0])


_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|at|to|from|near|into|across|outside|around|toward|towards|of)\s+$", re.I)


def surname_that_is_a_place(t, p, c, s):
    """"Mateus Ferreira Lima ... Lima struck again": a surname that is also a city.  A given name
    too, when the person was named in full before and no place preposition comes first
    ("Douglas Cardinal ... build Douglas' design"; not "Paris Okafor ... flew to Paris")."""
    if not (c.rule == "gazetteer" and c.type in ("GPE", "LOC") and " " not in s and s in t.part_index):
        return None
    if p.first_surname[s] is not None and p.first_surname[s] < c.start:
        c.how = "surname"
        return p.nearest(s, c.start).canon, "PERSON"
    first = next((f for f in t.part_index[s] if f.words[0] == s), None)
    if (first is not None and first.start < c.start and s in t.res.given_names
            and not _PLACE_PREP_BEFORE.search(t.text, max(0, c.start - 12), c.start)):
        c.how = "given-name"
        return first.canon, "PERSON"


def listed_entity(t, p, c, s):
    """Gazetteer names, dates and datelines carry their entity."""
    if c.rule in ("gazetteer", "date", "dateline"):
        return c.entity or s, c.type


def person_cluster(t, p, c, s):
    """A full person name: its cluster's canonical name."""
    if c.canon is not None:
        return c.canon, "PERSON"


def name_part(t, p, c, s):
    """A surname or first name alone: the first full name introduced with it ("Stoltenberg");
    in capitals, a transcript label ("PENCE:")."""
    if len(s.split()) != 1:
        return None
    if s in t.part_index and c.type in ("", "PERSON"):
        return p.first_introduced(s).canon, "PERSON"
    if s.isupper() and s.title() in t.part_index:
        return p.first_introduced(s.title()).canon, "PERSON"


def the_listed_org(t, p, c, s):
    """"The Associated Press" is the listed "Associated Press"."""
    e = t.res.names.get(s[4:]) if c.type == "ORG" and s.startswith("The ") else None
    if e is not None and e.type == "ORG":
        return e.entity, "ORG"


def organisation(t, p, c, s):
    """An organisation, or an untyped acronym: an acronym of a long name in the article is
    that name ("EU" → "European Union")."""
    if c.type == "ORG" or (not c.type and ACRONYM.match(s)):
        key = s.replace(".", "")
        if key in t.long_orgs and len(s.split()) == 1:
            return t.long_orgs[key], "ORG"
        return s, "ORG"


def as_typed(t, p, c, s):
    """Anything else: itself, with its type ("" when still unknown)."""
    return s, c.type


#: How a name gets its entity: the first rule that answers.
NAME_RULES = (surname_that_is_a_place, listed_entity, person_cluster, name_part, the_listed_org,
              organisation, as_typed)


def assign_entities(t: EntityTable) -> None:
    """Every name's ``(canonical, type)`` by :data:`NAME_RULES`."""
    parts = _Parts(t)
    for c in t.names:
        s = t.surface(c)
        for rule in NAME_RULES:
            got = rule(t, parts, c, s)
            if got is not None:
                c.ent = got
                break


# --- 6: names still untyped ----------------------------------------------------------------

def _org_first_words(t: EntityTable) -> dict[str, str]:
    """First words of multi-word organisation names ("Harwell" of "Harwell Foods Inc.")."""
    res, out = t.res, {}
    for c in t.names:
        if c.type == "ORG" and c.rule == "name" and c.ent is not None:
            w = t.surface(c).split()
            if (len(w) >= 2 and w[0][:1].isupper() and w[0] != "The" and w[0].lower() not in res.stopwords
                    and w[0] not in res.names and w[0] not in res.org_cues and w[0] not in res.place_modifiers
                    and not ACRONYM.match(w[0])):
                out.setdefault(w[0], c.ent[0])
    return out


def name_unknowns(t: EntityTable) -> None:
    """Untyped names: a dateline place ("MILLBROOK, Ohio" makes "Millbrook" the town) or the
    short form of an organisation named in full ("Harwell" after "Harwell Foods Inc.", unless
    the article's evidence makes it a place); else the type most of its uses' evidence gives,
    and none when there is no evidence anywhere in the article (then it is not kept)."""
    org_first = _org_first_words(t)
    datelines = {c.entity: c.type for c in t.names if c.rule == "dateline"}
    unknown: dict[str, list[Cand]] = {}
    for c in t.names:
        if c.ent is not None and c.ent[1] == "":
            unknown.setdefault(t.surface(c), []).append(c)
    nb = Neighbours(t.chosen)
    for s, lst in unknown.items():
        votes = [evidence(t.doc, c, nb, t.res) for c in lst]
        if s in org_first and any(ty in ("GPE", "LOC") for ty, cue in votes):
            org_first.pop(s)  # "travel to Cherating ... in Cherating": the place, not the org named after it
        if s in org_first or s in datelines:
            ent = (s, datelines[s]) if s in datelines else (org_first[s], "ORG")
            for c in lst:
                c.ent, c.how = ent, "dateline-name" if s in datelines else "short-form"
            continue
        strong = [ty for ty, cue in votes if ty]
        ty = max(sorted(set(strong)), key=strong.count) if strong else ""
        cue = next((cu for tt, cu in votes if tt == ty), "") if ty else ""
        for c in lst:
            c.ent, c.how = (s, ty), "context-" + cue if strong else "default"
