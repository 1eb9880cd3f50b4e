"""Definite descriptions of organisations and places that the article never names.

"The jury", "the factory", "the island": a role noun (``roles.tsv``) of an organisation or
place that refers back to no name of the article (:meth:`.resolve.History.thing_role` finds
none) still denotes one thing, and every later "the jury" denotes the same one ("The jury
heard three days of evidence. The jury acquitted him."): the description becomes an entity
of its own, named by "the", its modifier if any and its noun.  A
pronoun can then refer to it (:mod:`.things`: "The jury retired at noon. It returned a
verdict at five.").  Person roles ("the minister") stay unresolved: a person the article
does not name is not tracked.
"""
from __future__ import annotations

import re

from analysis import lexicons
from analysis.tokenise import Doc

from .recognisers import modifies_a_noun
from .records import Cand
from .resources import Resources

_THING_TYPES = frozenset({"ORG", "GPE", "LOC"})
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def _unnamed_roles() -> frozenset[str]:
    """Role nouns that may denote an organisation or place the article does not name
    (:file:`coref_unnamed_roles.txt`; not "the party", which is as often a celebration)."""
    return lexicons.word_list("coref_unnamed_roles.txt")


class UnnamedReferents:
    """The (entity, type) of each unresolved role mention of one article (call it with the
    mention): "the <modifier> <noun>" for an organisation or place role of
    :func:`_unnamed_roles` ("The Jury" and "the jury" are one entity); an empty entity for
    another role, for a role followed by "of" and a
    name ("the town of Tallow", "the council of Norvik": that name, or something of it), and for
    a role that modifies the noun after it ("the union hall", "the council officials": the hall
    and the officials are no organisation; nouns of :func:`.recognisers.modifies_a_noun`)."""

    def __init__(self, doc: Doc, res: Resources) -> None:
        self.doc, self.res = doc, res

    def __call__(self, c: Cand) -> tuple[str, str]:
        text = self.doc.text
        noun = text[c.start:c.end].split()[-1].lower()
        if (c.type not in _THING_TYPES or noun not in _unnamed_roles() or _OF_NAME.match(text, c.end)
                or modifies_a_noun(text, c.end, self.res)):
            return ("", c.type)
        mod = f"{c.mod} " if c.mod else ""
        return (f"the {mod}{noun}", c.type)
