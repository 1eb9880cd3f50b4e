"""Contextual evidence: the type of a capitalised name with no cue of its own, from its
neighbourhood.  :data:`EVIDENCE_CHECKS` is the ordered list of named checks; the first that
answers decides ``(type, cue)``; the cue is reported in the ``rule`` column ("context-said").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from analysis.tokenise import Doc

from analysis import lexicons

from .names import VERBAL
from .records import Cand
from .resources import Resources, said_patterns

#: What an uncued multi-word capitalised run with no context cue becomes: "" drops it.
UNCUED_RUN_TYPE = ""

_AFFIL_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)\s+(at|for|of|with|from)\s+(?:the\s+)?$")
_APPOSITION = re.compile(r"\s*,\s+((?:[\w’'-]+\s+){0,5}?[\w-]+)(?=\s+(?:at|of|for|in|with|from|and|who|since|on)\b|\s*[,.;:)]|\s+[A-Z])")
_PARTY_AFTER = re.compile(r"\s*[,(]\s*[A-Z]{1,4}-[A-Z][\w.]*")
_OF_PLACE = re.compile(r"\s+of\s+([A-Z][\w.]+(?:\s[A-Z][\w.]+)?)(?=[\s,;.)])")


class Neighbours:
    """Where the candidates of a non-overlapping, start-ordered list are: by start and by end
    offset, so that a check looks only at a name's neighbours, not at the whole list."""

    def __init__(self, chosen: list[Cand]):
        self.chosen = chosen
        self.starts = [d.start for d in chosen]
        self.by_end = {d.end: d for d in chosen}
        self._person_words: frozenset[str] | None = None

    def person_words(self, text: str) -> frozenset[str]:
        """The words of the person names among the candidates ("Clinton" of "Bill Clinton"),
        collected on the first call."""
        if self._person_words is None:
            self._person_words = frozenset(w for d in self.chosen if d.kind == "name" and d.type == "PERSON"
                                           for w in text[d.start:d.end].split())
        return self._person_words

    def near(self, c: Cand, gap: int) -> list[Cand]:
        """Candidates ending at most ``gap`` characters before ``c`` or starting at most ``gap``
        characters after it, in list order."""
        k = bisect.bisect_left(self.starts, c.start - gap)
        j = bisect.bisect_right(self.starts, c.end + gap)
        return [d for d in self.chosen[max(0, k - 1):j]
                if 0 < c.start - d.end <= gap or 0 < d.start - c.end <= gap]


@dataclass
class Context:
    """One uncued name in its document."""

    doc: Doc
    c: Cand
    nb: Neighbours
    res: Resources
    reused: frozenset  # single words used alone as names elsewhere (surnames)

    @cached_property
    def surface(self) -> str:
        return self.doc.text[self.c.start:self.c.end]

    @cached_property
    def words(self) -> list[str]:
        return self.surface.split()

    @cached_property
    def before(self) -> str:
        return self.doc.text[max(0, self.c.start - 60):self.c.start]

    @cached_property
    def after(self) -> str:
        return self.doc.text[self.c.end:self.c.end + 80]


def premodifier(after: str, res: Resources) -> bool:
    """Is the word before ``after`` used as a modifier of a common noun ("the Selic rate",
    "the Titanic soundtrack")?  True when a lower-case content word follows directly."""
    m = re.match(r" ([a-z][a-z-]+)\b", after)
    return bool(m) and m.group(1) not in res.stopwords and not VERBAL.search(m.group(1)) and not (
        m.group(1).endswith("s") and not m.group(1).endswith("ss"))


def after_in(x: Context):
    """"met in Geneva", "near Afula": a place."""
    if re.search(r"\b(in|near|outside|across)\s+$", x.before):
        return "GPE", "in"


_THEN_STATE = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?=[\s,;:.)]|$)")


def city_state(x: Context):
    """"Harlowe, Va.", "Orvale, Virginia": a name followed by a comma and a state is a town."""
    m = _THEN_STATE.match(x.after)
    e = x.res.names.get(m.group(1)) if m else None
    if e is not None and e.type == "GPE" and e.cls == "state":
        return "GPE", "city-state"


_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]|[Aa]n)\s+$")


def lone_given_name(x: Context):
    """"Chris", "Jon": a given name alone is a person; but not after "a"/"an" ("J. Ana West, a
    Cheyenne,"; "an Orvale"): a person's name takes no indefinite article, the word is a noun
    (a people, a breed, a model) and this use gives no type."""
    if len(x.words) == 1 and x.surface in x.res.given_names:
        if _INDEFINITE_BEFORE.search(x.before):
            return "", "indefinite"
        return "PERSON", "given-name"


def owner(x: Context):
    """"Warren Buffett's Berkshire Hathaway": a person's named holding is a business."""
    po = re.search(r"['’]s?\s+$", x.before)
    d = x.nb.by_end.get(x.c.start - len(po.group(0))) if po else None
    if len(x.words) > 1 and d is not None and d.kind in ("name", "alias") and d.type == "PERSON":
        return "ORG", "owner"


def noun_after(x: Context):
    """"Riverton coach Sean Gallagher", "Harwell spokesman Tim Ode": whom people work for."""
    na = re.match(r"\s+([a-z][\w-]*)\s+[A-Z]", x.after)
    if na and na.group(1) in x.res.person_nouns:
        return "ORG", "noun-after"


_ORG_NOUN_AFTER = re.compile(r" (?:news )?([a-z][a-z-]+)\b(?!-)(?! [A-Z])(?: ([a-z]+))?")
_ORG_NOUN_BEFORE = re.compile(r"\b(?i:the|an?|its|his|her|their|our|my|your)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:news\s+)?([a-z][a-z-]+)(,?)\s+$")


_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+$")


def staff_after(x: Context):
    """"Zorvex officials said", "Harlow executives met": people named by the organisation they
    belong to (``mentions_staff_nouns.txt``; not "Harlow officials Ana Roe and ...", which
    :func:`noun_after` reads); one of them after a determiner: "a Zorvex spokesman said"."""
    m = re.match(r"\s+([a-z]+)\b(?!-)", x.after)
    if not m:
        return None
    w, staff = m.group(1), x.res.staff_nouns
    if w in staff or _DETERMINER_BEFORE.search(x.before) and (
            w + "s" in staff or w.endswith("man") and w[:-3] + "men" in staff):
        return "ORG", "staff-after"


def org_noun_after(x: Context):
    """"the Zorbex factory", "the Gazeta Nowa newspaper", "the official Vexa news agency": a name
    that modifies an organisation noun (``mentions_org_nouns.txt``) names that organisation (not
    in a compound, before a plural noun: "Zorbex paper towels")."""
    m = _ORG_NOUN_AFTER.match(x.after)
    nxt = m.group(2) if m else None
    if m and m.group(1) in x.res.org_nouns and not (nxt and re.fullmatch(r"[a-z]+[^su]s", nxt)):
        return "ORG", "org-noun-after"


def org_noun_before(x: Context):
    """"the daily Gazeta Nowa", "the carmaker Zorbex", "her restaurant, Tavola,": a name right
    after an organisation noun (with its determiner) names that organisation; after a comma only
    as a closed apposition (not "told the company, Chris said")."""
    m = _ORG_NOUN_BEFORE.search(x.before)
    if m and m.group(1) in x.res.org_nouns and (not m.group(2) or re.match(r"\s*[,.;:)]", x.after)):
        return "ORG", "org-noun-before"


def byline(x: Context):
    """"By Ana Costa" opening a line."""
    if re.search(r"(?:^|\n)[ \t]*(?:By|BY)\s+$", x.before):
        return "PERSON", "byline"


def credit(x: Context):
    """Photo credit "Jane Doe/AFP/Getty", or any name in a credit line: the photographer."""
    if re.match(r"\s*/\s*[A-Z]", x.after) or x.doc.sentence_at(x.c.start).zone == "credit":
        return "PERSON", "credit"


def noun_before(x: Context):
    """"economist Ana Costa", "a spokesman, Yuri Vasliev,"."""
    pw = re.search(r"([A-Za-z-]+)(,?)\s+$", x.before)
    if pw and pw.group(1) in x.res.person_nouns:
        return "PERSON", "noun-before"


def party_label(x: Context):
    """"Ana Roe (D-Calif.)", "Abu Ujang (BN-Kuala Pilah)"."""
    if _PARTY_AFTER.match(x.after):
        return "PERSON", "party-label"


def of_country(x: Context):
    """"Bente Martinsen of Norway" (a sports result)."""
    of = _OF_PLACE.match(x.after)
    if of and len(x.words) > 1:
        e = x.res.names.get(of.group(1))
        if e is not None and e.type == "GPE":
            return "PERSON", "of-country"


def apposition(x: Context):
    """"X, chief economist at ..." (a person), "X, the country's largest bank" (an organisation)."""
    m = _APPOSITION.match(x.after)
    if m:
        head = [w for w in m.group(1).split() if not w.endswith(("'s", "’s"))]
        h = head[-1].lower() if head else ""
        if h in x.res.person_nouns:
            return "PERSON", "apposition"
        if h in x.res.org_nouns:
            return "ORG", "apposition"


@lru_cache(maxsize=1)
def kin_nouns() -> frozenset[str]:
    """Nouns of kinship and personal relation (``mentions_kin_nouns.txt``)."""
    return lexicons.word_list("mentions_kin_nouns.txt")


def noun_of(x: Context):
    """"the town of Afula" (a place), "shares of Harwell" (an organisation), "economists at X",
    "a spokesperson for X" (where people work: an organisation); "a son of X", "a friend of X"
    (a relation: a person).  "at X" alone says nothing of X's type."""
    m = _AFFIL_BEFORE.search(x.before)
    if not m:
        return None
    noun, res = m.group(1).lower(), x.res
    if m.group(2) == "of" and noun in kin_nouns():
        return "PERSON", "kin-of"
    if m.group(2) == "of" and noun in res.place_nouns:
        return "GPE", "place-noun"
    if m.group(2) == "of" and noun in res.org_parts:
        return "ORG", "org-part"
    person = noun in res.person_nouns or (noun.endswith("s") and noun[:-1] in res.person_nouns)
    # only after a person noun: a bare "at X Y" ("met at Kelso Green", "played at Orvale Park")
    # names a place as often as an organisation
    if person and not (len(x.words) == 1 and premodifier(x.after, res)):
        return "ORG", "affiliation"


_OWN_PART = re.compile(r"(['’]s)?\s+([a-z-]+)(?:\s+([a-z]+))?\b")


def org_part_after(x: Context):
    """"Harwell's shareholders", "Orrin's quarterly earnings", "Orrin's profit rose" (the part
    is the first or the second word after the possessive); without the possessive, the part
    noun right after the name: "Harwell shares fell", "Orrin customers complained" (not after
    an adjective the sentence splitter left capitalised: "... Co. Combined sales rose")."""
    m = _OWN_PART.match(x.after)
    if m is None:
        return None
    parts = x.res.org_parts
    if m.group(1) and (m.group(2) in parts or m.group(3) in parts) or (
            m.group(2) in parts and not VERBAL.search(x.words[-1])):
        return "ORG", "org-part"


def speaker(x: Context):
    """A speech verb after it ("X said", ``cues.tsv``), "who" or an age ("X, 54,"), or a cue
    before it ("said X", "according to X"): a person."""
    said_after, said_before = said_patterns()
    if said_after.match(x.after) or said_before.search(x.before):
        return "PERSON", "said"


_NOUN_OF_BEFORE = re.compile(r"([a-z][\w-]*)\s+of\s+(?:the\s+)?$")


def _holder_of(text: str, start: int, res: Resources) -> bool:
    """Is the name at ``start`` the complement of a person noun ("the chairman of Harwell")?"""
    m = _NOUN_OF_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) in res.person_nouns


def holder_apposition(x: Context):
    """"the chairman of Harwell Corp., Ken Oda, said": a name in apposition after "<person noun>
    of <name>," is the holder of that post, a person (not a third member of a list)."""
    m = re.search(r",\s*$", x.before[-3:])
    d = x.nb.by_end.get(x.c.start - len(x.before) + len(x.before.rstrip()[:-1].rstrip())) if m else None
    if d is not None and d.kind in ("name", "alias") and _holder_of(x.doc.text, d.start, x.res):
        return "PERSON", "holder-apposition"


def coordination(x: Context):
    """A list member takes the type of a typed person or organisation next to it: "The Week,
    the River Journal, Den of Geek and Maxim" (places: too often wrong)."""
    text, c = x.doc.text, x.c
    b6, a6 = text[max(0, c.start - 6):c.start], text[c.end:c.end + 6]
    listy = re.match(r"\s*(,|and\b|or\b|\.|$)", a6)  # a list member ends at a comma, and, or
    if not (re.search(r"(,|\band|\bor)\s*(the\s+)?$", b6) or re.match(r"\s*(,|and\b|or\b)", a6)):
        return None
    for d in x.nb.near(c, 12):
        if d is c or d.kind != "name" or d.type not in ("PERSON", "ORG"):
            continue
        gap = text[min(c.end, d.end):max(c.start, d.start)]
        if d.end <= c.start and not listy and not re.fullmatch(r"\s*(and|or)\s*(the\s+)?", gap):
            continue  # "Itaú Unibanco, the Selic rate": not a list
        if re.fullmatch(r"\s*(,|and|or|, and|, or)\s*(the\s+)?", gap):
            return d.type, "coordination"


_IN_THE = re.compile(r"\b(?:in|across|near|throughout|around|through)\s+the\s+"
                     r"(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?$|\bthe\s+(?:north|south|east|west)(?:ern)?\s+$")


def in_the_plural(x: Context):
    """"vacations in the Kelsos", "across the southern Millbrooks": a plural name in a place
    phrase is a region or island group, not a team or a family ("with the Kelsos")."""
    if len(x.words) == 1 and re.fullmatch(r"[A-Z][a-z]+[^su]s", x.surface) and _IN_THE.search(x.before):
        return "LOC", "in-the"


def family(x: Context):
    """"the Harlows", "the Okonkwos'": a plural surname after "the" is a family (people), when
    the article names a person of that surname ("Dana Harlow ... the Harlows moved"); teams
    ("the Rovers") name no person so."""
    s = x.surface
    if len(x.words) == 1 and s.endswith("s") and not s.endswith("ss") and \
            re.search(r"(?<![\w])[Tt]he\s+$", x.before[-5:]):
        stems = {s[:-1], s[:-2]} if s.endswith("es") else {s[:-1]}
        if stems & x.nb.person_words(x.doc.text):
            return "PERSON", "family"


_EPITHET_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+the\s+$")


def epithet(x: Context):
    """"Tsar Ivor the Bold", "Queen Mara the Wise": one capitalised word after a person's name
    and "the" is the person's epithet, no organisation; the check answers with no type."""
    if len(x.words) == 1 and _EPITHET_BEFORE.search(x.before):
        k = x.before.rstrip().rfind(" ")
        d = x.nb.by_end.get(x.c.start - len(x.before) + len(x.before[:k].rstrip()))
        if d is not None and d.kind == "name" and d.type == "PERSON":
            return "", "epithet"


def person_noun_after_the(x: Context):
    """"the Petitioner", "the Defendant", "the Tsar": one capitalised word after "the" that is a
    noun for an unnamed person (coref_person_nouns.txt) or a title of rank (coref_name_titles.txt)
    names a person by role, capitalised as legal and historical prose do, no institution.  Not an
    occupation noun: newspapers are named after them ("the Economist", "the Guardian")."""
    if len(x.words) == 1 and re.search(r"(?<![\w])the\s+$", x.doc.text[max(0, x.c.start - 5):x.c.start]):
        w = x.surface
        if w.lower() in lexicons.word_list("coref_person_nouns.txt") or w in lexicons.word_list("coref_name_titles.txt"):
            return "PERSON", "person-noun"


def definite(x: Context):
    """"the Smithsonian", "the Knicks": a definite proper name is an institution (not "the
    Selic rate", where the name modifies a noun, nor "the Siege of Kelso", "the Campaign to
    Save Orvale", where it heads a longer title that goes on after "of", "to" or "for")."""
    text, c = x.doc.text, x.c
    if re.search(r"(?<![\w])the\s+$", text[max(0, c.start - 5):c.start]) and not (
            len(x.words) == 1 and (x.surface in x.res.place_modifiers or premodifier(x.after, x.res)
                                   or re.match(r"\s+(?:of|to|for)\s+(?:the\s+)?[A-Z]", x.after))):
        return "ORG", "the"


def surname_reused(x: Context):
    """The last word of a multi-word name used alone elsewhere ("Mateus Ferreira Lima ... Lima
    said"): a surname.  A word that is also a place counts only in a longer name, not in
    "Occupied Southern Lebanon"."""
    words, res = x.words, x.res
    if len(words) > 1 and words[-1] in x.reused:
        if res.names.get(words[-1]) is None or (
                len(words) >= 3 and not any(w in res.place_modifiers or VERBAL.search(w) for w in words)):
            return "PERSON", "surname"


def pronoun_after(x: Context):
    """A he/she pronoun soon after a multi-word name, with no other person named in between."""
    if len(x.words) > 1 and x.nb.chosen:
        c = x.c
        for d in x.nb.chosen[bisect.bisect_right(x.nb.starts, c.start):]:
            if d.start - c.end > 200 or (d.kind == "name" and d.type == "PERSON"):
                break
            if d.kind == "pronoun":
                return "PERSON", "pronoun"


#: The checks, in order: the first that answers types the name.
EVIDENCE_CHECKS = (epithet, after_in, city_state, org_noun_before, lone_given_name, owner, noun_after, staff_after, org_noun_after,
                   byline, credit, noun_before, party_label, of_country, apposition, noun_of, org_part_after,
                   speaker, family, holder_apposition, coordination, in_the_plural, person_noun_after_the, definite, surname_reused, pronoun_after)


def evidence(doc: Doc, c: Cand, nb: Neighbours, res: Resources, reused: frozenset = frozenset()) -> tuple[str, str]:
    """Type of an uncued capitalised name from its neighbourhood: ``(type, cue)``, ``("", "")``
    if no check answers."""
    x = Context(doc, c, nb, res, reused)
    for check in EVIDENCE_CHECKS:
        got = check(x)
        if got is not None:
            return got
    return "", ""


def org_adjective_inside(words: list[str], res: Resources) -> bool:
    """"Social Democratic Labor", "United Artists": an adjective of organisation names
    (``mentions_org_adjectives.txt``) in a name that does not start with a given name."""
    return words[0] not in res.given_names and any(w in res.org_adjectives for w in words)


def type_uncued_runs(doc: Doc, chosen: list[Cand], res: Resources) -> list[Cand]:
    """Type multi-word capitalised runs that carry no cue of their own ("Itaú Unibanco",
    "Santander Brasil") from their context (:func:`evidence`); those with no evidence
    become :data:`UNCUED_RUN_TYPE` (dropped when it is empty)."""
    text = doc.text
    if not any(c.how == "multiword" for c in chosen):
        return chosen
    reused = frozenset(text[c.start:c.end] for c in chosen
                       if c.kind == "name" and (c.rule == "name" and c.type in ("", "PERSON")
                                                or c.rule == "gazetteer" and c.type in ("GPE", "LOC"))
                       and " " not in text[c.start:c.end])
    out = []
    nb = Neighbours(chosen)
    for c in chosen:
        if c.how == "multiword":
            t, cue = evidence(doc, c, nb, res, reused)
            if cue == "the":
                t = ""  # "the Great Depression", "the First Amendment": not a person; type unknown
            if t == "PERSON" and org_adjective_inside(text[c.start:c.end].split(), res):
                t, cue = "ORG", cue + "-org-adjective"  # "Social Democratic Labor said": not a person
            if not t:
                t, cue = UNCUED_RUN_TYPE, "default"
            if not t:
                continue
            c.type, c.how = t, "multiword-" + cue
        out.append(c)
    return out
