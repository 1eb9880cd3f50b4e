"""Coreference pass: "it", "its", "they", "them", "their" for organisations and places.

:func:`resolve_thing_pronouns` runs after every other pass, when names and role nouns carry
their entities.  A thing pronoun refers to an organisation or place mentioned just before it,
preferring a grammatical subject (:func:`.salience.subject_like`):

1. the subject of its own sentence before it ("Norvik Bank said its profit fell": *its* is
   Norvik Bank);
2. for a possessive ("its", "their"), any organisation or place of its own sentence before it
   ("the mayor of Tallow praised its schools");
3. the subject of one of the previous sentences, nearest first ("Tallow lies on a river.
   It has two bridges."): two back for "its", one for "it", none for "they"/"their" — an
   organisation is "they" inside the sentence that names it as subject ("Norvik Bank said
   they would hire"), while a "They" opening a later sentence almost always means people,
   and an "it" further back most often a thing of the sentence between;

A pronoun in a fronted phrase ("In its report, Norvik Bank said …", "Although it is small,
Tallow has two ports") points forward to the subject of the main clause after the phrase's
comma (:func:`cataphor`); when that subject is no organisation or place ("In its report, the
panel said …") it stays unresolved.

Always in agreement: "it"/"its" refer to one organisation or place, "they"/"them"/"their" to
an organisation, a country, state or city (its government or people: "Brazil said they would
cut rates"), or a place whose name is plural ("the Faroe Islands").  An expletive
"it" ("it is likely that …", "it was decided to …") refers to nothing.  Only resolved
pronouns become mentions (never one with an empty entity: most "it" and "they" refer to
things and people this stage does not track).
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from types import MappingProxyType

from analysis import lexicons

from .coref import EntityTable, chosen_overlap
from .records import Cand
from .salience import _openers

_THING = re.compile(r"(?<![\w'’-])(?:it|its|they|them|their)(?![\w-])", re.IGNORECASE)
_SINGULAR = frozenset({"it", "its"})
_SUBJECT_FORMS = frozenset({"it", "they"})
_EXPLETIVE_NEXT = frozenset({"that", "to", "how", "whether", "why", "if", "what", "when", "who"})
_THING_TYPES = ("ORG", "GPE", "LOC")
#: Previous sentences searched for a subject (step 3), per pronoun (others: none).
BACK = MappingProxyType({"its": 2, "it": 1})
#: Longest fronted phrase looked at, in tokens, before and after the pronoun (bounded look-ahead).
FRONTED = 25


def _expletive_verbs() -> frozenset[str]:
    return lexicons.word_list("coref_expletive_it.txt")


def expletive_it(t: EntityTable, start: int, end: int) -> bool:
    """"it" with a verb of being or seeming and then "that", "to" or a question word ("it is
    clear that …", "it seems to …", "it was not clear how …"): a placeholder subject."""
    doc = t.doc
    if t.text[start:end].lower() != "it":
        return False
    i = bisect.bisect_left(doc.token_starts, end)
    sent_end = doc.sentence_at(start).end
    if i >= len(doc.tokens) or doc.norms[i] not in _expletive_verbs():
        return False
    ahead = [doc.norms[k] for k in range(i + 1, min(i + 8, len(doc.tokens))) if doc.tokens[k].start < sent_end]
    return bool(_EXPLETIVE_NEXT.intersection(ahead))


def _fronted_openers() -> frozenset[str]:
    return lexicons.word_list("coref_fronted_openers.txt")


def fronted_phrase_comma(doc, start: int) -> int | None:
    """The token index of the comma that closes a fronted phrase holding offset ``start``: the
    sentence opens with a preposition, a subordinator (:file:`coref_fronted_openers.txt`) or a
    participle ("Founded in 1850, …", "Having lost its licence, …") and no comma comes before
    ``start``; None otherwise.  Looks at most :data:`FRONTED` tokens either way."""
    sent = doc.sentence_at(start)
    i = bisect.bisect_left(doc.token_starts, sent.start)
    j = bisect.bisect_left(doc.token_starts, start)
    first = doc.norms[i] if i < len(doc.tokens) else ""
    if j - i > FRONTED or not (first in _fronted_openers() or len(first) > 4 and first.endswith(("ed", "ing"))):
        return None
    if "," in doc.norms[i:j]:
        return None
    for k in range(j + 1, min(j + FRONTED, len(doc.tokens))):
        if doc.tokens[k].start >= sent.end:
            return None
        if doc.norms[k] == ",":
            return k
    return None


def cataphor(t: EntityTable, by_sent: dict, start: int, end: int):
    """For a pronoun in a fronted phrase (:func:`fronted_phrase_comma`): the (entity, type) of
    the organisation or place that is the subject right after the phrase ("In its report,
    Norvik Bank said …": *its* is Norvik Bank), else False (another subject follows: "In its
    report, the panel said …"); None when the pronoun is in no fronted phrase."""
    doc = t.doc
    k = fronted_phrase_comma(doc, start)
    if k is None:
        return None
    sid, after = doc.sentence_index_at(start), doc.tokens[k].end
    form = t.text[start:end].lower()
    nxt = next(((c, subj) for c, subj in by_sent.get(sid, []) if c.start >= after), None)
    if nxt is None or not nxt[1] or not _agrees(form, *nxt[0].resolved):
        return False
    gap = bisect.bisect_left(doc.token_starts, nxt[0].start) - k
    return nxt[0].resolved if gap == 1 else False


def _agrees(form: str, name: str, etype: str) -> bool:
    """Number agreement: "it"/"its" any; "they"/"their" an organisation, a GPE (the people or
    government of a country or city, "Brazil said they would …"), or a plural place name."""
    if form in _SINGULAR:
        return True
    return etype in ("ORG", "GPE") or name.split()[-1].endswith("s")


def _thing_mentions(t: EntityTable) -> dict[int, list[tuple[Cand, bool]]]:
    """Per sentence, the organisation and place mentions with an entity (not datelines, not a
    modifier: :func:`_modifier`), and whether each is a subject."""
    out: dict[int, list[tuple[Cand, bool]]] = {}
    for c in t.chosen:
        r = c.resolved
        if (r and r[0] and r[1] in _THING_TYPES and c.kind != "pronoun" and c.rule != "dateline"
                and not _modifier(t, c) and not _list_member(t, c)):
            out.setdefault(t.doc.sentence_index_at(c.start), []).append((c, t.subject_like(c.start, c.end)))
    return out


_COORDINATORS = frozenset({"and", "or"})


def _list_member(t: EntityTable, c: Cand) -> bool:
    """A name coordinated with another ("Kelso, Tallow and Brora have grown", "Norvik Bank or
    Tana Steel") is one of a group: "it"/"its" after it refers to none of them.  The name is
    next to "and"/"or" with a capitalised word on the other side, or followed by a comma, a
    capitalised word and then "and", "or" or another comma."""
    doc, text = t.doc, t.text
    i = bisect.bisect_left(doc.token_starts, c.start) - 1
    j = bisect.bisect_left(doc.token_starts, c.end)
    n = len(doc.tokens)

    def cap(k: int) -> bool:
        return 0 <= k < n and text[doc.tokens[k].start].isupper()

    if i >= 1 and doc.norms[i] in _COORDINATORS and cap(i - 1):
        return True
    if j + 1 < n and doc.norms[j] in _COORDINATORS and cap(j + 1):
        return True
    if j + 2 < n and doc.norms[j] == "," and cap(j + 1):
        k = j + 1
        while k < n and k < j + 6 and cap(k):
            k += 1
        return k < n and (doc.norms[k] in _COORDINATORS or doc.norms[k] == ",")
    return False


def _modifier(t: EntityTable, c: Cand) -> bool:
    """A name after "a"/"an" modifies the noun after it and is no referent ("a Norvik Bank
    branch", "an Oslo tram": *its* after it is the branch's or the tram's)."""
    before = t.text[max(0, c.start - 4):c.start].lower()
    return before.endswith((" a ", " an ")) or before in ("a ", "an ")


def antecedent(t: EntityTable, by_sent: dict, start: int, end: int) -> tuple[str, str] | None:
    """The (entity, type) a thing pronoun at ``start:end`` refers to (steps 1-3), or None."""
    doc, form = t.doc, t.text[start:end].lower()
    sid = doc.sentence_index_at(start)
    quote = doc.quote_at(start)

    def mentions_of(s: int) -> list:
        """Sentence ``s``'s mentions; inside a quotation only what the quotation itself names
        (filtered per sentence asked, not over the whole article: linear cost)."""
        lst = by_sent.get(s, [])
        return lst if quote is None else [(c, subj) for c, subj in lst if quote.start <= c.start < quote.end]

    ok = [(c, subj) for c, subj in mentions_of(sid) if c.end <= start and _agrees(form, *c.resolved)
          and (c.resolved[1] != "GPE" or form in _SINGULAR or _country_they(t, c, start))]
    pick = next((c for c, subj in ok if subj), None)
    if pick is None and form == "its":
        pick = next((c for c, subj in reversed(ok) if not _possessor(t, c)), None)
    zone = doc.sentences[sid].zone
    for s in range(sid - 1, max(-1, sid - 1 - BACK.get(form, 0)), -1):
        if pick is not None or doc.sentences[s].zone != zone:
            break
        pick = next((c for c, subj in mentions_of(s) if subj and _agrees(form, *c.resolved)), None)
    return pick.resolved if pick is not None else None


_CLAUSE_LINKS = frozenset({"where", "that", "but", "and", "when", "because", "so", "as", "since", "after"})


def organisation_before_clause(t: EntityTable, by_sent: dict, start: int) -> tuple[str, str] | None:
    """"they"/"their" opening a clause right after an organisation ("… at Norvik Bank, where they
    hired her", "… with the Tallow Players, but they left"): the organisation the clause goes on
    about.  Only when a comma and one linking word (a relative or a conjunction) come between."""
    doc = t.doc
    k = bisect.bisect_left(doc.token_starts, start) - 1
    if k < 1 or doc.norms[k] not in _CLAUSE_LINKS:
        return None
    k -= 1 if doc.norms[k - 1] == "," else 0
    prev_end = doc.tokens[k - 1].end if k >= 1 else -1
    sid = doc.sentence_index_at(start)
    c = next((c for c, _ in by_sent.get(sid, []) if c.end == prev_end), None)
    return c.resolved if c is not None and c.resolved[1] == "ORG" else None


def _country_they(t: EntityTable, c: Cand, start: int) -> bool:
    """May "they"/"their" at ``start`` refer to the country, state or city of mention ``c``?
    Only to its name (not to an "it" that stands for it) and within its own clause ("Brazil said
    they would cut rates"): after a clause boundary (a comma or a word of
    :file:`coref_clause_openers.txt`) "they" is more often a group named since ("Brazil is a
    warning, and countries need to guard their ports": *their* is the countries)."""
    if c.kind == "pronoun":
        return False
    doc = t.doc
    i, j = bisect.bisect_left(doc.token_starts, c.end), bisect.bisect_left(doc.token_starts, start)
    return not any(doc.norms[k] in _openers() for k in range(i, j))


def _possessor(t: EntityTable, c: Cand) -> bool:
    """"Brazil's central bank raised its rate": a possessor is not what "its" refers to."""
    return t.text[c.end:c.end + 2] in ("'s", "\u2019s") or t.text[c.end:c.end + 1] in ("'", "\u2019")


def _object_position(t: EntityTable, start: int, end: int) -> bool:
    """"them", and "it" not opening a clause ("will finance it"; but "said it would", and an "it"
    right before an auxiliary, not after a preposition: "In the evening it is busy"): an object,
    which rarely names an organisation or place the article is about."""
    form = t.text[start:end].lower()
    if form == "them":
        return True
    if form != "it":
        return False
    doc = t.doc
    i = bisect.bisect_left(doc.token_starts, start) - 1
    if (i + 2 < len(doc.tokens) and doc.norms[i + 2] in _AUXILIARIES and i >= 0
            and doc.norms[i] not in _fronted_openers()):
        return False  # "In the evening it is busy", "which it did": an auxiliary makes it a subject
    return (i >= 0 and doc.tokens[i].start >= doc.sentence_at(start).start and doc.norms[i] not in _openers()
            and doc.norms[i] not in _clause_verbs())


_AUXILIARIES = frozenset({"is", "was", "has", "had", "will", "would", "can", "could", "may", "might", "must",
                          "should", "does", "did", "'s", "’s"})


@cache
def _clause_verbs() -> frozenset[str]:
    """One-word verbs of saying and believing (cues.tsv): "said it would …" opens a clause."""
    return frozenset(r["form"] for r in lexicons.table("cues.tsv")
                     if r["kind"] in ("speech", "belief") and " " not in r["form"])


def resolve_thing_pronouns(t: EntityTable) -> None:
    """Thing pronouns resolved to an organisation or place become pronoun mentions of it; a
    resolved subject "it"/"they" is a subject for the pronouns after it ("Tallow lies on a
    river. It has two bridges. It also has a port.": the second *It* is Tallow too)."""
    by_sent = _thing_mentions(t)
    if not by_sent:
        return
    overlaps = chosen_overlap(t)
    extra = []
    for m in _THING.finditer(t.text):
        s, e = m.span()
        if overlaps(s, e):
            continue  # inside a name ("It Happens Here")
        if expletive_it(t, s, e) or _object_position(t, s, e):
            continue
        got = cataphor(t, by_sent, s, e)
        if not got:
            got = antecedent(t, by_sent, s, e)
        if not got and m.group().lower() in ("they", "their"):
            got = organisation_before_clause(t, by_sent, s)
        if got:
            c = Cand(s, e, got[1], "pronoun", "pronoun", priority=1)
            c.resolved = got
            extra.append(c)
            if m.group().lower() in _SUBJECT_FORMS and t.subject_like(s, e):
                by_sent.setdefault(t.doc.sentence_index_at(s), []).append((c, True))
    if extra:
        t.chosen = sorted(t.chosen + extra, key=lambda c: c.start)
