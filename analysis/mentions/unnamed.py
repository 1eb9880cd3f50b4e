"""Persons the article introduces by a noun phrase, not a name ("a monk", "a young woman"),
as antecedents of he/she.

A noun phrase that opens with an indefinite article and ends in a noun for a person
(:func:`.salience.person_nouns`), with at most three modifiers in between ("a lonely, young
woman", "a 42-year-old fisherman"), or an indefinite pronoun ("someone",
:file:`coref_indefinite_persons.txt`), introduces a new person: "Leave the gift in front of a
monk so he can pick it up" — *he* is the monk, not a man named sentences before.  Such a
person is offered to he/she resolution like a named one (subject, recency, agreement with
the noun's gender: :file:`coref_gendered_nouns.tsv`), and becomes a mention of its own
(kind ``role``, rule ``unnamed-person``) only when a pronoun refers to it: the mentions table
does not fill with every passer-by.

Not a new person: a predicate noun ("Ana Roe was a teacher": the teacher is Ana Roe), a role
after "as" ("as a soldier, he …"), a person noun that modifies a name or another noun ("a
lawyer Ana Costa", "a student loan").
"""
from __future__ import annotations

from functools import cache

from analysis import lexicons, postag
from analysis.tokenise import Doc

from .records import Cand

#: Determiners that introduce a new referent: an indefinite article, or a possessive before a
#: person noun ("my child", "his daughter": a relative not named, unless an apposition names
#: them: "his father, Jan Roe").
_POSSESSIVE = frozenset({"my", "your", "his", "her", "our", "their"})
_INTRODUCING = frozenset({"a", "an", "another"}) | _POSSESSIVE
#: Words before the determiner that make the phrase a predicate or a role, not a new person.
_PREDICATE_BEFORE = frozenset({"is", "was", "are", "were", "be", "been", "being", "became", "become",
                               "becomes", "becoming", "remained", "remains", "as", "'s", "\u2019s"})
_MAX_MODIFIERS = 3


@cache
def gendered_nouns() -> dict[str, str]:
    """Person noun → the gender its meaning carries ("woman" → "f", "monk" → "m")."""
    return {r["noun"]: r["gender"] for r in lexicons.table("coref_gendered_nouns.tsv")}


@cache
def _nouns() -> frozenset[str]:
    from .salience import person_nouns
    return person_nouns() | frozenset(gendered_nouns())


def _modifier(doc: Doc, k: int) -> bool:
    """Token ``k`` may stand between a determiner and its noun: a lower-case word that is not
    a function word ("young", "42-year-old", "retired"), a comma between adjectives or a hyphen
    inside a modifier ("42 - year-old" as tokenised)."""
    w = doc.norms[k]
    if w in (",", "-"):
        return True
    word = doc.token_text(doc.tokens[k])
    if word.isdigit():
        return True
    return word.islower() and w not in lexicons.stopwords() and any(ch.isalpha() for ch in word)


def _determiner_before(doc: Doc, k: int, first: int) -> int | None:
    """Index of the indefinite article or possessive that opens the phrase ending at noun ``k`` (within the
    sentence starting at token ``first``), or None."""
    j = k - 1
    while j >= first and k - j <= _MAX_MODIFIERS + 1 and doc.norms[j] not in _INTRODUCING:
        if not _modifier(doc, j):
            return None
        j -= 1
    if j < first or doc.norms[j] not in _INTRODUCING or doc.norms[j + 1] == ",":
        return None
    return j


def _heads_a_phrase(doc: Doc, k: int, tags: postag.DocTags) -> bool:
    """Is noun ``k`` the head of its phrase: not followed by a name or a noun it modifies
    ("a lawyer Ana Costa", "a student loan")?"""
    if k + 1 >= len(doc.tokens) or doc.tokens[k + 1].sentence_id != doc.tokens[k].sentence_id:
        return True
    nxt = doc.token_text(doc.tokens[k + 1])
    if nxt[:1].isupper():
        return False
    if nxt in (",", "(") and k + 2 < len(doc.tokens) and doc.token_text(doc.tokens[k + 2])[:1].isupper():
        return False  # "his father, Jan Roe": the apposition names him
    return not (nxt.isalpha() and nxt.islower() and postag.is_noun(tags.token(doc.tokens[k + 1])))


def unnamed_persons(doc: Doc) -> list[Cand]:
    """Candidate unnamed persons of ``doc`` in text order (one linear pass over the tokens):
    ``Cand`` of kind ``role``, rule ``unnamed-person``, type PERSON, with the noun's gender."""
    nouns, out, tags = _nouns(), [], None
    indefinite = lexicons.word_list("coref_indefinite_persons.txt")
    toks, norms = doc.tokens, doc.norms
    first = 0
    for k, tok in enumerate(toks):
        if k == 0 or tok.sentence_id != toks[k - 1].sentence_id:
            first = k
        if norms[k] in indefinite and not (k > first and norms[k - 1] in _PREDICATE_BEFORE):
            out.append(Cand(tok.start, tok.end, "PERSON", "role", "unnamed-person"))  # "someone"
            continue
        if norms[k] not in nouns or not doc.token_text(tok).islower():
            continue
        j = _determiner_before(doc, k, first)
        if j is None or (j > first and norms[j - 1] in _PREDICATE_BEFORE):
            continue
        tags = tags or postag.DocTags(doc)
        if _heads_a_phrase(doc, k, tags):
            g = gendered_nouns().get(norms[k], "")
            a = j + 1 if norms[j] in _POSSESSIVE else j  # "his daughter": "his" is a pronoun of its own
            out.append(Cand(toks[a].start, tok.end, "PERSON", "role", "unnamed-person", gender=g))
    return out


def offered(t) -> list[Cand]:
    """The unnamed persons of the article that overlap no mention (not "the president" of a
    role noun, not inside a name), each with its own entity: its words as written, with the
    possessive ("his father"), numbered when an earlier one reads the same ("a man", "a man (2)")."""
    from .coref import chosen_overlap

    overlaps, seen, out = chosen_overlap(t), {}, []
    for c in unnamed_persons(t.doc):
        if overlaps(c.start, c.end):
            continue
        s = t.text[_phrase_start(t.doc, c.start):c.end]  # "his father", though the mention is "father"
        seen[s.lower()] = n = seen.get(s.lower(), 0) + 1
        c.resolved = (s if n == 1 else f"{s} ({n})", "PERSON")
        out.append(c)
    return out


def referenced(chosen: list[Cand], extra: list[Cand]) -> list[Cand]:
    """The mentions with the unnamed persons some pronoun refers to, in text order."""
    used = {c.resolved[0] for c in chosen if c.kind == "pronoun" and c.resolved}
    keep = [c for c in extra if c.resolved[0] in used]
    return sorted(chosen + keep, key=lambda c: c.start) if keep else chosen


def introduce(history, sid: int, idx: int, c: Cand) -> None:
    """Offer the unnamed person ``c`` to pronoun resolution (``history``: a
    :class:`.resolve.History`), with its noun's gender.  A possessive before it counts as part
    of the phrase, which is a subject when it opens a clause ("Her son drove": *Her son* is the
    subject, though the mention is *son*, "her" being a pronoun of its own)."""
    history.people.introduce(sid, c.resolved[0], c.gender)
    start = _phrase_start(history.people.doc, c.start)
    history.add(sid, idx, Cand(start, c.end, c.type, c.kind, c.rule), *c.resolved)


def _phrase_start(doc: Doc, start: int) -> int:
    """Start of the phrase of the unnamed person whose mention starts at ``start``: the
    possessive before it, if any ("his" of "his father")."""
    k = doc.token_index_at(start)
    return doc.tokens[k - 1].start if k > 0 and doc.norms[k - 1] in _POSSESSIVE else start
