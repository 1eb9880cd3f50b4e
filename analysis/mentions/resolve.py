"""Coreference passes 7-8: what the article says about each person, then role nouns ("the
NATO chief", "the alliance") and pronouns resolved in reading order against the entities
mentioned so far (:class:`History`).  What cannot be resolved keeps an empty entity."""
from __future__ import annotations

from collections import Counter

from analysis.tokenise import Doc

from . import unnamed as unnamed_persons
from .coref import EntityTable, Person, _name_titles, fold
from .descriptions import UnnamedReferents
from .orgnames import designators
from .records import Cand
from .resources import Resources
from .salience import PersonHistory


def mod_keys(mod: str, res: Resources) -> set[str]:
    """Normalised keys of a role modifier: its own words and, for gazetteer names, the entity."""
    keys = {mod}
    for w in [mod] + mod.split():
        e = res.names.get(w)
        if e is not None:
            keys.add(e.entity)
            keys.add(w)
    return keys


def _titled_person(t: EntityTable, c: Cand, name: Cand) -> None:
    """"NATO Secretary-General Jens Stoltenberg": the office names the person that follows."""
    if name.kind != "name" or name.ent is None or name.ent[1] != "PERSON":
        return
    a = t.person(name.ent[0])
    a.cls.add(c.cls)
    span = t.surface(c)
    a.titles.add(span.lower())
    a.titles.update(full for ab, full in t.res.title_full.items() if span.endswith(ab))
    if c.mod:
        a.mods.update(mod_keys(c.mod, t.res))
    if c.gender:
        a.gender = c.gender
    c.ent = name.ent


def _given_gender(res: Resources, word: str) -> str:
    """The gender a given name implies, looked up as written, else without its accents
    ("André" as "Andre", "Zoë" as "Zoe": the name list is unaccented)."""
    return res.given_gender.get(word) or res.given_gender.get(fold(word).capitalize(), "")


def _detach_other_gender_relative(t: EntityTable, c: Cand) -> None:
    """A surname with an honorific of the other gender than the given name of the full name it
    was linked to is another person of that family ("Jeanne Vidal ... Mr. Vidal", her father or
    husband): the mention becomes a person of its own, who takes the honorific's gender."""
    s = t.surface(c)
    g = _given_gender(t.res, c.ent[0].split()[0]) if " " not in s and c.ent[0] != s else ""
    if g and g != c.gender:
        c.ent = (s, "PERSON")


def record_persons(t: EntityTable) -> None:
    """Titles, title classes, modifiers and genders of persons (from the title before a name,
    an honorific, or a given name that implies a gender), and classes of organisations.

    An honorific before a bare surname that stands for a fuller name counts after the fuller
    name's given name: "Mrs. Okafor" in a story about Daniel Okafor is more likely his wife or
    mother than evidence that Daniel is a woman."""
    chosen, surname_honorifics = t.chosen, []
    for i, c in enumerate(chosen):
        if c.kind == "role" and c.rule == "title":
            if i + 1 < len(chosen):
                _titled_person(t, c, chosen[i + 1])
        elif c.kind == "name" and c.gender and c.ent is not None and c.ent[1] == "PERSON":
            _detach_other_gender_relative(t, c)
            a = t.person(c.ent[0])
            if " " in t.surface(c) or t.surface(c) == c.ent[0]:
                a.gender = a.gender or c.gender
            else:
                surname_honorifics.append(c)
            if c.cls:
                a.cls.add(c.cls)
            if c.mod:
                a.mods.update(mod_keys(c.mod, t.res))
    single = [c for c in t.names if c.ent and c.ent[1] == "PERSON" and c.ent[0] == t.surface(c) and " " not in c.ent[0]]
    for c in t.full_persons + single:  # a given name that implies a gender ("Melanie" alone too)
        g = _given_gender(t.res, t.surface(c).split()[0]) if c.ent else ""
        if g:
            a = t.person(c.ent[0])
            a.gender = a.gender or g
    for c in surname_honorifics:
        a = t.person(c.ent[0])
        a.gender = a.gender or c.gender
    for c in t.names:
        if c.ent and c.ent[1] == "ORG" and _is_company(c.ent[0]):
            t.org_class.setdefault(c.ent[0], "company")
        elif c.ent and c.cls and c.ent[1] in ("ORG", "GPE"):
            t.org_class.setdefault(c.ent[0], c.cls)


def _is_company(name: str) -> bool:
    """A firm by its legal form ("Harwell Foods Inc.", "Tana Steel Corp.", "Norvik Company"):
    "the company" refers back to it."""
    last = name.split()[-1].rstrip(",")
    return last in designators() or last in ("Company", "Corporation")


#: Generic organisation role nouns ("the company", "the firm", "the organisation"): besides an
#: organisation of their class they may refer to one of no known class (no designator, head
#: word or list says what it is), whichever was named last ("Analysts at Vexorin cut their
#: forecast. The firm expects …": the firm is Vexorin, not a company named paragraphs
#: before).  Specific ones ("the automaker", "the lender", "the party") keep needing their class.
GENERIC_ORG_NOUNS = frozenset({"company", "firm", "organisation", "organization"})


def fits_role(a: Person | None, noun, cls: str, keys: frozenset) -> bool:
    """May a person with attributes ``a`` be called by the role (title noun, class, modifier)?"""
    if not a:
        return False
    if noun and not any(noun in ti for ti in a.titles):
        return False
    if cls and cls not in a.cls:
        return False
    return not keys or bool(keys & a.mods)


class History:
    """The entities mentioned so far, in reading order, indexed for role and pronoun resolution:
    the last organisation or place of each (type, class), and the one named most; per sentence,
    the first person of each gender; per title of rank ("Tsar"), the last person named with it; per role query, the answer found so far and how much of the history it has seen."""

    def __init__(self, persons: dict, org_class: dict, res: Resources, doc: Doc, subject=None):
        self.person_attr, self.org_class, self.res = persons, org_class, res
        self.text = doc.text
        self.persons: list[str] = []                      # PERSON entities, in order mentioned
        self.last_of: dict[tuple, tuple] = {}              # (type, org class) -> (order, latest entity, type)
        self.people = PersonHistory(doc, {e: a.gender for e, a in persons.items()}, subject=subject)
        self.role_seen: dict[tuple, tuple] = {}            # role query -> (answer, persons seen)
        self.nouns: dict[str, str] = {}                    # role span -> its role noun
        self.things: Counter = Counter()                   # organisation or place -> mentions so far
        self.most_named: dict[tuple, tuple] = {}           # (type, class) -> (mentions, entity, type)
        self.generic: dict[str, tuple] = {}                # generic role class -> (order, latest fitting ORG, type)
        self.titled: dict[str, tuple] = {}                 # title of rank -> last person named with it

    def add(self, sid: int, idx: int, c: Cand, ent: str, etype: str) -> None:
        if etype == "PERSON":
            self.persons.append(ent)
            before = self.text[max(0, c.start - 16):c.start].split()[-1:]  # "Tsar" of "Tsar Ivan Orlov"
            for w in before + [ent.split(maxsplit=1)[0]]:
                if w != ent and w in _name_titles():
                    self.titled[w] = (ent, "PERSON")
            self.people.add(sid, idx, ent, c.start, c.end)
            return
        key = (etype, self.org_class.get(ent))
        self.last_of[key] = (idx, ent, etype)
        if etype == "ORG" and not key[1]:  # "the company" may be a firm no name tells the class of
            self.generic["company"] = self.generic["organization"] = (idx, ent, etype)
        self.things[ent] += 1
        best = self.most_named.get(key)
        if best is None or best[1] == ent or self.things[ent] >= best[0]:
            self.most_named[key] = (self.things[ent], ent, etype)

    def role(self, c: Cand, span: str):
        """The entity a role description refers to: the most recent compatible one, or None.

        A role noun that is itself a title ("the president", "the minister") needs a person who
        was given that title; a generic one ("the chief", "the leader") any title of its class.
        An organisation role ("the alliance") needs an organisation of that class.
        """
        if c.type != "PERSON":
            return self.thing_role(c, span)
        res = self.res
        keys = frozenset(mod_keys(c.mod, res)) if c.mod else frozenset()
        noun = self.nouns.get(span)
        if noun is None:  # the longest role noun the span ends with ("the deputy prime minister")
            noun = self.nouns[span] = max((r for r in res.roles if span.endswith(r)), key=len, default="")
        query = (noun in res.title_words_lower and noun, c.cls, keys)
        found, seen = self.role_seen.get(query, (None, 0))
        for k in range(len(self.persons) - 1, seen - 1, -1):  # only what was added since last asked
            if fits_role(self.person_attr.get(self.persons[k]), *query):
                found = self.persons[k]
                break
        self.role_seen[query] = (found, len(self.persons))
        return (found, "PERSON") if found is not None else None

    def thing_role(self, c: Cand, span: str = ""):
        """The organisation or place a role noun refers to: the most recent one of the role's class
        ("the alliance"; "the party" after "the Green Unity Party", the class its head word gives);
        a place role takes a GPE or a LOC.  "The city" (and "the town") is the city named most so
        far, or a GPE of no known class (a town no list holds): a text about a city names its
        districts and neighbours in passing ("Lisbon ... a train to Madrid ... the city's hills"
        are Lisbon's).  A generic "the company", "the firm" (:data:`GENERIC_ORG_NOUNS`) may also
        be the last organisation of no known class, when it was named after the last one of its class."""
        types = ("GPE", "LOC") if c.type in ("GPE", "LOC") else (c.type,)
        keys = [(ty, c.cls) for ty in types] + ([("GPE", None)] if c.cls == "city" else [])
        by = self.most_named if c.cls == "city" else self.last_of
        found = max((by[k] for k in keys if k in by), default=None)
        generic = self.generic.get(c.cls) if c.type == "ORG" and span.rsplit(maxsplit=1)[-1] in GENERIC_ORG_NOUNS else None
        if generic is not None and (found is None or generic > found):
            found = generic  # "Tana Motors cut jobs. The firm said …": the firm is Tana Motors
        return found[1:] if found is not None else None

    def pronoun(self, c: Cand, sid: int):
        """The person a he/she pronoun refers to (:meth:`.salience.PersonHistory.pronoun`)."""
        ent = self.people.pronoun(sid, c.start, c.end, c.gender)
        return (ent, "PERSON") if ent is not None else None


def resolve_references(t: EntityTable) -> None:
    """Names and titles refer to their entity; role nouns and pronouns to what :class:`History`
    finds (a resolved pronoun does not fix the person's gender: one wrong guess would spread)."""
    history = History(t.persons, t.org_class, t.res, t.doc, t.subject_like)
    unnamed = UnnamedReferents(t.doc, t.res)
    extra = unnamed_persons.offered(t)
    for idx, c in enumerate(sorted(t.chosen + extra, key=lambda c: c.start) if extra else t.chosen):
        sid = t.doc.sentence_index_at(c.start)
        if c.rule == "unnamed-person":  # "a monk": a person for the pronouns after it (unnamed.py)
            unnamed_persons.introduce(history, sid, idx, c)
        elif c.kind == "name" and c.how == "context-person-noun" and c.ent and c.ent[0]:
            # "the Tsar": the last person named with that title ("Tsar Ivan Orlov"), else itself
            c.resolved = history.titled.get(t.surface(c)) or c.ent
            history.add(sid, idx, c, *c.resolved)
        elif c.kind == "name" or (c.kind == "role" and c.rule == "title"):
            if c.ent and c.ent[0]:
                c.resolved = c.ent
                history.add(sid, idx, c, *c.ent)
        elif c.kind == "role":
            c.resolved = history.role(c, t.surface(c).lower())
            if c.resolved:
                history.add(sid, idx, c, *c.resolved)
            else:  # unresolved: an organisation or place is its own entity ("the jury")
                c.resolved = unnamed(c)
        elif c.kind == "pronoun":
            c.resolved = history.pronoun(c, sid)
            if c.resolved:
                history.add(sid, idx, c, *c.resolved)
    t.chosen = unnamed_persons.referenced(t.chosen, extra)
