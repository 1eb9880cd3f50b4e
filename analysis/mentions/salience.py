"""Who a he/she pronoun refers to: grammatical subjects, topic continuity and gender agreement.

Reading in order, :class:`PersonHistory` keeps, per sentence, the persons mentioned so far
(names, titles, resolved role nouns and pronouns) with whether each is the *subject* of its
clause (:func:`subject_like`), and how often each person has been mentioned (the topic).
:meth:`PersonHistory.pronoun` then prefers, among persons whose gender agrees:

0. inside a relative clause with "who", the person it modifies ("Bo Chen praised Li Wu, who
   lost his keys": *his* is Li Wu; not an object pronoun, which its clause's subject cannot bind);
1. the subject of the current sentence before the pronoun ("At the invitation of Premier
   Ada Lin, Bo Chen and his wife returned": *his* is Bo Chen, not the leftmost Ada Lin);
2. for a subject pronoun, the subject of a recent sentence over a non-subject of its own
   sentence ("Bo Chen wrote to Ada Lin. In the letter to Lin, he asked …": *he* is Chen);
   for a possessive or object pronoun, the leftmost person of its own sentence;
3. the subject, else the leftmost person, of the nearest of the previous sentences that
   names one, when it is one of the :data:`RECENT` sentences before the pronoun's; a person
   named further back gives way to the topic (step 4): after three sentences without a
   compatible person, recency no longer tells who the text is about ("Bo Chen taught in
   Hull. Ada Lin visited him there. [three sentences about the town] He retired in 1990":
   *He* is Chen, the person mentioned most, not Lin);
4. the article's topic: the compatible person mentioned most so far ("Bo Chen ... [four
   sentences about his books] ... He died in 1982": *He* is Chen);
5. a person of unknown gender found by steps 1-3 (not the subject of the pronoun's own
   sentence) gives way to the person steps 1-3 find among those whose known gender is the
   pronoun's, when that one was mentioned more often ("Anna Lund wrote novels. Lund taught.
   Oru Tamsin, a critic, praised them. She died in 2001.": *She* is Lund, the topic whose
   gender is known, not the critic named once whose gender no name list gives; but "Oru
   Tamsin said he would vote": *he* is Tamsin, the subject of its own sentence).

A pronoun inside a quotation does not refer to a subject of its sentence outside the
quotation, the likely speaker ('Bo Chen said: "He lied."': *He* is not Chen).  An object
pronoun ("him", "her" not before a noun) does not refer to the subject of its own
clause ("Bo Chen met him": *him* is not Chen) — binding principle B, with a clause ending at
a comma or conjunction.  A reflexive ("himself", "herself") is the opposite (principle A):
it takes the subject of its sentence like a possessive ("Ada Lin wrote to Bo Chen about
herself": *herself* is Lin).
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from analysis import lexicons, postag
from analysis.tokenise import Doc

#: Sentences before the pronoun's own that may hold its antecedent (steps 2 and 3).
WINDOW = 5
#: Of those, the nearest ones where recency decides (step 3); further back, the topic does.
RECENT = 2
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_OBJECT_PRONOUNS = frozenset({"him", "her"})
_QUOTE_END = frozenset({",", '"', "'", "\u201d", "\u2019"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "one", "another", "every", "each", "any"})
_POSSESSIVES = frozenset({"my", "your", "his", "her", "our", "their"})
_VP_JOINS = frozenset({"and", "or", "but", ",", ";"})
#: Words that end the search back from a pronoun for the "who" of its relative clause.
_RELATIVE_STOPS = frozenset({"which", "that", "whom", "whose", ";", ":"})


def _openers() -> frozenset[str]:
    return lexicons.word_list("coref_clause_openers.txt")


def _not_after_subject() -> frozenset[str]:
    return lexicons.word_list("coref_not_after_subject.txt")


@cache
def person_nouns() -> frozenset[str]:
    """Nouns for an unnamed person: coref_person_nouns.txt and the occupations of
    mentions_person_nouns.txt."""
    return frozenset(w.lower() for f in ("coref_person_nouns.txt", "mentions_person_nouns.txt")
                     for w in lexicons.word_list(f))


def unnamed_person_before(doc: Doc, start: int) -> bool:
    """Does the sentence of offset ``start`` name a person by a determiner and a person noun
    before it ("a monk", "the victim", "her father"), not followed by a name ("the
    economist Ana Costa") nor after "as" (a role: "as a soldier, he …")?"""
    sent = doc.sentence_at(start)
    i = bisect.bisect_left(doc.token_starts, sent.start)
    j = bisect.bisect_left(doc.token_starts, start)
    text, nouns = doc.article.text, person_nouns()
    for k in range(max(i + 1, j - 40), j):
        if (doc.norms[k] in nouns and doc.norms[k - 1] in _DETERMINERS | _POSSESSIVES
                and (k < 2 or doc.norms[k - 2] != "as")):
            nxt = text[doc.tokens[k + 1].start] if k + 1 < len(doc.tokens) else ""
            if not nxt.isupper():
                return True
    return False


def _index_before(doc: Doc, start: int, sent_start: int) -> int | None:
    """Index of the token before ``start`` in the same sentence, skipping up to two
    capitalised words (a title or honorific: "Dr.", "Premier"); None at the sentence start."""
    i = bisect.bisect_left(doc.token_starts, start) - 1
    text = doc.article.text
    for _ in range(2):
        if i >= 1 and doc.norms[i] == "." and text[doc.tokens[i - 1].start].isupper():
            i -= 1  # "Dr ." tokenised apart
        if i >= 0 and doc.tokens[i].start >= sent_start and text[doc.tokens[i].start].isupper():
            i -= 1
    return None if i < 0 or doc.tokens[i].start < sent_start else i


@cache
def _calendar_names() -> frozenset[str]:
    """Weekday and month names (mentions_dates.tsv)."""
    return frozenset(r["word"] for r in lexicons.table("mentions_dates.tsv") if r["class"] in ("weekday", "month"))


@cache
def _inverting_verbs() -> frozenset[str]:
    """One-word speech verbs, inflected ("said", "says", "added"): cues.tsv, kind speech."""
    return frozenset(r["form"] for r in lexicons.table("cues.tsv") if r["kind"] == "speech"
                     and r["form"] != r["lemma"] and " " not in r["form"] and not r["form"].endswith("ing"))


def _inverted_subject(doc: Doc, i: int, sent_start: int) -> bool:
    """Token ``i`` is a speech verb right after a quotation or comma: the name after it is the
    subject, inverted ('"We are ready," said Ann Berg')."""
    return (doc.norms[i] in _inverting_verbs() and i >= 1 and doc.tokens[i - 1].start >= sent_start
            and doc.norms[i - 1] in _QUOTE_END)


def _token_after(doc: Doc, end: int, sent_end: int, apposition: bool = False) -> str | None:
    """The token starting at or after ``end`` in the same sentence, skipping one parenthesis
    ("Bo Chen (1892–1982) was …") and, with ``apposition``, one phrase between commas ("Bo
    Chen, a linguist, wrote …"); None at the sentence end."""
    toks, i = doc.tokens, bisect.bisect_left(doc.token_starts, end)
    for open_, close in (("(", ")"), (",", ",")) if apposition else (("(", ")"),):
        if i < len(toks) and doc.norms[i] == open_ and toks[i].start < sent_end:
            j = i + 1
            while j < len(toks) and toks[j].start < sent_end and doc.norms[j] != close:
                j += 1
            i = j + 1
    if i >= len(toks) or toks[i].start >= sent_end:
        return None
    return doc.article.text[toks[i].start:toks[i].end]


def _after_fronted_date(doc: Doc, i: int, sent_start: int) -> bool:
    """Does token ``i`` (before a name, or before its "the") end a short fronted time phrase
    with no comma ("In 1990 Bo Chen moved", "In May 2001 the Petitioner was arrested"): a
    number or a month or weekday name, within four tokens of a sentence-opening preposition
    (:file:`coref_fronted_openers.txt`)?"""
    if doc.norms[i] == "the" and i > 0:
        i -= 1
    f = bisect.bisect_left(doc.token_starts, sent_start)
    w = doc.token_text(doc.tokens[i])
    return (0 < i - f <= 4 and (w.isdigit() or w in _calendar_names())
            and doc.norms[f] in lexicons.word_list("coref_fronted_openers.txt"))


def subject_like(doc: Doc, start: int, end: int) -> bool:
    """Is the noun phrase ``start:end`` the subject of a clause?  It opens one (sentence start,
    after a comma or a conjunction: :file:`coref_clause_openers.txt`) and a lower-case word
    that is not a preposition or possessive follows, after an apposition or parenthesis if
    any ("Bo Chen wrote", "Chen and his wife", "Chen, a linguist, wrote"; not "Chen's",
    "Chen of Tianjin", "Chen, who wrote it, Li Wu said", "in Chen"); or it follows a speech verb
    after a quotation ('"…," said Bo Chen, who …')."""
    sent = doc.sentence_at(start)
    i = _index_before(doc, start, sent.start)
    if i is not None and _inverted_subject(doc, i, sent.start):
        return True
    if i is not None and doc.norms[i] not in _openers() and not _after_fronted_date(doc, i, sent.start):
        return False
    after = _token_after(doc, end, sent.end, apposition=True)
    if after is None or not after[:1].isalpha() or not after.islower():
        return False
    return after.replace("\u2019", "'") not in _not_after_subject()


def is_object_pronoun(doc: Doc, start: int, end: int) -> bool:
    """"him", and "her" not followed by a word ("treated her as …", "met her." — not "her
    family", "her 80s", or a possessive before a name: "her Senate seat", "her YouTube
    channel", but "told her Monday"); not a reflexive ("himself" refers to the subject, principle A)."""
    w = doc.article.text[start:end].lower()
    if w != "her":
        return w in _OBJECT_PRONOUNS
    after = _token_after(doc, end, doc.sentence_at(start).end)
    if after is None or after in _calendar_names():
        return True  # "told her Monday that …"
    if after[:1].isdigit() or after[:1].isupper():
        return False
    return not after[:1].isalpha() or not after.islower() or after in _not_after_subject()


class Seen(NamedTuple):
    """A person mentioned: its order in the article, entity, start offset, subject or not.  (A
    named tuple: one is built per person mention, about three times cheaper than a frozen
    dataclass.)"""

    idx: int
    ent: str
    start: int
    subject: bool


@dataclass
class PersonHistory:
    """Persons mentioned so far, per sentence, and how often each was mentioned (the topic)."""

    doc: Doc
    gender_of: dict                                   # entity -> "m" | "f" | ""
    by_sent: dict = field(default_factory=dict)       # sentence -> [Seen]
    count: Counter = field(default_factory=Counter)   # entity -> mentions so far
    subject: Callable[[int, int], bool] | None = None  # subject_like of a span, memoised (EntityTable)
    tags: postag.DocTags | None = None                # part-of-speech tags, made on first need
    unnamed: set = field(default_factory=set)         # persons introduced by a noun phrase ("a monk")
    waiting: dict = field(default_factory=dict)       # gender -> [(sentence, unnamed person)] not yet named
    retired: set = field(default_factory=set)         # unnamed persons a later name stands for

    def _subject(self, start: int, end: int) -> bool:
        return self.subject(start, end) if self.subject is not None else subject_like(self.doc, start, end)

    def add(self, sid: int, idx: int, ent: str, start: int, end: int) -> None:
        """A mention of person ``ent`` at ``start:end`` ("he" and "she" are subjects by their case)."""
        subject = (self.doc.article.text[start:end].lower() in _SUBJECT_PRONOUNS
                   or self._subject(start, end))
        if not self.count[ent] and self.unnamed and ent not in self.unnamed:
            self._named_after(sid, self.gender_of.get(ent, ""))
        self.by_sent.setdefault(sid, []).append(Seen(idx, ent, start, subject))
        self.count[ent] += 1

    def introduce(self, sid: int, ent: str, gender: str) -> None:
        """A person introduced by a noun phrase ("a young woman", :mod:`.unnamed`)."""
        self.gender_of[ent] = gender
        self.unnamed.add(ent)
        self.waiting.setdefault(gender, []).append((sid, ent))

    def _named_after(self, sid: int, gender: str) -> None:
        """A person named for the first time in sentence ``sid`` is, in all likelihood, the one an
        earlier sentence introduced without a name, when the genders agree: "A 34-year-old man
        was charged. Police arrested Dan Vance. He is held in Tull." — *He* is Vance, the man of
        the first sentence named; the unnamed person is no longer offered (each is retired once)."""
        for g in ((gender, "") if gender else tuple(self.waiting)):
            keep = [(s, e) for s, e in self.waiting.get(g, []) if s == sid]
            self.retired.update(e for s, e in self.waiting.get(g, []) if s != sid)
            self.waiting[g] = keep

    def _agrees(self, ent: str, gender: str) -> bool:
        if ent in self.retired:
            return False
        g = self.gender_of.get(ent, "")
        return not gender or not g or g == gender

    def _clause_between(self, a: int, b: int) -> bool:
        """A clause boundary (comma, conjunction) between offsets ``a`` < ``b``; not one that
        only joins a second verb phrase to the same subject (:meth:`_joins_verb_phrase`)."""
        i, j = bisect.bisect_left(self.doc.token_starts, a), bisect.bisect_left(self.doc.token_starts, b)
        norms, openers = self.doc.norms, _openers()
        return any(norms[k] in openers and not self._joins_verb_phrase(k, j) for k in range(i + 1, j))

    def _joins_verb_phrase(self, k: int, j: int) -> bool:
        """Does the boundary token ``k`` (before token ``j``) join a verb phrase, whose subject is
        the clause's own ("Bo Chen met Ada Lin and praised him": *him* is not Chen, binding
        principle B still holds)?  The first word after it and any further boundary tokens and
        adverbs ("and later praised", "; and raised") is a finite verb, by the tagger."""
        norms, openers, toks = self.doc.norms, _openers(), self.doc.tokens
        if norms[k] not in _VP_JOINS:
            return False
        if self.tags is None:
            self.tags = postag.DocTags(self.doc)
        n = k + 1
        while n < j and (norms[n] in openers or self.tags.token(toks[n]).startswith("RB")):
            n += 1
        return n < j and postag.is_finite_verb(self.tags.token(toks[n]))

    def _sentences_back(self, sid: int):
        """The previous sentences within :data:`WINDOW`, nearest first (body and captions
        continue one another; other zones do not)."""
        sents = self.doc.sentences
        zone = sents[sid].zone
        for s in range(sid - 1, max(-1, sid - 1 - WINDOW), -1):
            if sents[s].zone != zone and {zone, sents[s].zone} - {"body", "caption"}:
                return
            yield s

    def _bound(self, sid: int, start: int, end: int) -> set[str]:
        """Entities an object pronoun cannot be: the subject of its own clause (principle B),
        unless the pronoun is the object of a preposition of place (:file:`coref_locative_prepositions.txt`)."""
        if not is_object_pronoun(self.doc, start, end):
            return set()
        k = bisect.bisect_left(self.doc.token_starts, start)
        if k > 0 and self.doc.norms[k - 1] in lexicons.word_list("coref_locative_prepositions.txt"):
            return set()  # "Ivo Tamm looked around him": a locative phrase binds nothing
        return {s.ent for s in self.by_sent.get(sid, []) if s.start < start and s.subject
                and not self._clause_between(s.start, start)}

    def _speakers(self, sid: int, start: int) -> set[str]:
        """Entities a pronoun inside a quotation cannot be: the subjects of its sentence outside
        the quotation, its likely speaker, who would say "I" ('Bo Chen said: "He lied."')."""
        q = self.doc.quote_at(start)
        if q is None:
            return set()
        return {s.ent for s in self.by_sent.get(sid, []) if s.subject and not q.start <= s.start < q.end}

    def _in_sentence(self, sid: int, start: int, ent: str) -> bool:
        """Is ``ent`` mentioned in sentence ``sid`` before ``start``?"""
        return any(s.ent == ent and s.start < start for s in self.by_sent.get(sid, []))

    def _subject_before(self, sid: int, start: int, ent: str) -> bool:
        """Is ``ent`` a subject of sentence ``sid`` before ``start``?"""
        return any(s.ent == ent and s.subject and s.start < start for s in self.by_sent.get(sid, []))

    def _unnamed_before(self, sid: int, start: int, ok) -> str | None:
        """The nearest person introduced by a noun phrase (:mod:`.unnamed`) in sentence ``sid``
        before ``start`` that passes ``ok``: "Visitors leave gifts beside a monk so he can bless
        them" — *he* is the monk, not the subject of the sentence before; None if there is none."""
        near = [s.ent for s in self.by_sent.get(sid, []) if s.start < start and s.ent in self.unnamed and ok(s.ent)]
        return near[-1] if near else None

    def _known_gender_over(self, sid: int, start: int, end: int, ent: str, known) -> str:
        """Step 5 of the module docstring: ``ent``, of unknown gender, or the person steps 1-3
        find among those whose known gender is the pronoun's, when mentioned more often."""
        other = self._pick(sid, start, end, known)
        return other if other is not None and self.count[other] > self.count[ent] else ent

    def _relative_head(self, sid: int, start: int) -> str | None:
        """The person a relative clause with "who" modifies, when the pronoun at ``start`` stands
        in that clause: the relative pronoun is the clause's subject and stands for its head ("Ana
        Roe praised Tom Berg, who lost his keys": *his* is Berg).  None when a person, another
        relative word or a clause break (";", ":") comes between "who" and the pronoun, or no
        person mention ends right before "who" (within six tokens, a comma allowed)."""
        doc, norms, toks = self.doc, self.doc.norms, self.doc.tokens
        seen = [s for s in self.by_sent.get(sid, []) if s.start < start]
        i = bisect.bisect_left(doc.token_starts, start) - 1
        while i >= 0 and toks[i].sentence_id == toks[i + 1].sentence_id and start - toks[i].start < 300:
            if norms[i] in _RELATIVE_STOPS:
                return None
            if norms[i] == "who":
                w = toks[i].start
                before = [s for s in seen if s.start < w]
                if len(before) < len(seen) or not before:
                    return None  # a person between "who" and the pronoun, or none before it
                return before[-1].ent if before[-1].start >= toks[max(0, i - 6)].start else None
            i -= 1
        return None

    def _pick(self, sid: int, start: int, end: int, ok) -> str | None:
        """Steps 1-3 of the module docstring over the persons that pass ``ok``."""
        cur = [s for s in self.by_sent.get(sid, []) if s.start < start and ok(s.ent)]
        if not is_object_pronoun(self.doc, start, end):  # step 0: the head of its relative clause
            head = self._relative_head(sid, start)
            if head is not None and ok(head):
                return head
        subj = [s for s in cur if s.subject]
        if subj:
            return subj[0].ent
        text = self.doc.article.text
        is_subject = text[start:end].lower() in _SUBJECT_PRONOUNS and self._subject(start, end)
        if cur and not is_subject:
            return cur[0].ent
        fallback = cur[0].ent if cur else None
        for d, s in enumerate(self._sentences_back(sid)):
            lst = [x for x in self.by_sent.get(s, []) if ok(x.ent)]
            if lst and fallback is None and d >= RECENT:
                return self._topic(ok)  # the nearest compatible person is three sentences back or more
            subj = [x for x in lst if x.subject]
            if subj:
                return subj[0].ent
            if lst and fallback is None:
                fallback = lst[0].ent
        return fallback

    def pronoun(self, sid: int, start: int, end: int, gender: str) -> str | None:
        """The entity a he/she pronoun at ``start:end`` refers to (steps 1-5 of the module), of
        the pronoun's gender or of unknown gender; never the subject of an object pronoun's
        own clause, nor the speaker of a quotation it stands in."""
        bound = self._bound(sid, start, end) | self._speakers(sid, start)
        ent = self._pick(sid, start, end, lambda e: e not in bound and self._agrees(e, gender))
        if gender and ent is not None and not self.gender_of.get(ent) and not self._subject_before(sid, start, ent):
            known = lambda e: e not in bound and self.gender_of.get(e) == gender  # noqa: E731
            ent = self._known_gender_over(sid, start, end, ent, known)
        if ent is not None and not self._in_sentence(sid, start, ent) and unnamed_person_before(self.doc, start):
            return self._unnamed_before(sid, start, lambda e: e not in bound and self._agrees(e, gender))
        if ent is not None:
            return ent
        if unnamed_person_before(self.doc, start):
            return None
        return self._topic(lambda e: e not in bound and self._agrees(e, gender))

    def _topic(self, ok) -> str | None:
        """Step 4: the person mentioned most so far among those that pass ``ok``."""
        topic = [(n, e) for e, n in self.count.items() if ok(e)]
        return max(topic)[1] if topic else None


def pronoun_gender_evidence(t) -> None:
    """Coreference pass: the article's own pronouns give a person of unknown gender one.  In a
    sentence whose only named person is a subject, the he/she pronouns after the name, and
    those of the next sentence when it names nobody, vote ("Sam Okoro founded a choir. She led it for years."
    makes Sam Okoro "f"); two votes or more, at least twice those for the other gender, decide."""
    doc, votes = t.doc, {}
    named: dict[int, list] = {}
    for c in t.chosen:
        if (c.kind == "name" and c.ent is not None and c.ent[1] == "PERSON" and c.ent[0]
                and t.subject_like(c.start, c.end)):
            named.setdefault(doc.sentence_index_at(c.start), []).append(c)
    for c in t.chosen:
        if c.kind != "pronoun" or not c.gender:
            continue
        sid = doc.sentence_index_at(c.start)
        subject_case = t.surface(c).lower() in _SUBJECT_PRONOUNS
        here = [n for n in named.get(sid, []) if n.start < c.start and subject_case]
        if not here and sid not in named:
            here = named.get(sid - 1, [])
        ents = {n.ent[0] for n in here}
        if len(ents) == 1:
            votes.setdefault(ents.pop(), Counter())[c.gender] += 1
    for ent, v in votes.items():
        (g, n), = v.most_common(1)
        a = t.person(ent)
        if not a.gender and n >= 2 and n >= 2 * (sum(v.values()) - n):
            a.gender = g
