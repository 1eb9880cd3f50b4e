"""Runs: maximal sequences of name-like units in a sentence, joined across joint words where a
name goes on ("Bank of England", "Center for Law and Technology", "University of California,
Berkeley") and cut where two names meet ("Bank of America and Goldmere Holdings")."""
from __future__ import annotations

import bisect
from functools import lru_cache

from analysis import lexicons

from .orgnames import designators
from .records import Unit
from .resources import resources


def _designator_ends(u: Unit, nxt: Unit) -> bool:
    """"... Harwell Foods Co. Combined sales rose": a legal-form designator with its period
    ends the name, and the capital after it starts a sentence the splitter missed (unless
    another designator follows: "Harwell Co. Ltd.")."""
    return u.text in designators() and nxt.kind == "cap" and nxt.text not in designators()


_NAME_KINDS = frozenset(("cap", "gaz", "title", "post"))  # the units a run is made of (joints only inside)


class _Run(list):
    """A run of units being built, with the counts :func:`_joint_ok` asks about, kept up to date
    as units are added (so that deciding each joint costs O(1), not a rescan of the run)."""

    def __init__(self, org_cues: frozenset):
        super().__init__()
        self.org_cues = org_cues
        self.of_for = self.after_for = self.org_cue = self.names = self.not_cap = 0

    def extend(self, units) -> None:
        for u in units:
            self.append(u)
            self.of_for += u.text in ("of", "for")
            self.after_for += u.text == "for" and len(self) > 1 and self[-2].text in self.org_cues
            self.org_cue += u.text in self.org_cues
            self.names += u.kind in ("cap", "gaz")
            self.not_cap += u.kind != "cap"


def _org_cue_ahead(units: list[Unit], org_cues: frozenset) -> list[bool]:
    """``out[j]``: an organisation head word occurs in ``units[j:]`` before the first unit that is
    neither a name nor a joint ("... and Manufacturers of America": yes at "Manufacturers")."""
    out = [False] * (len(units) + 1)
    for j in range(len(units) - 1, -1, -1):
        u = units[j]
        out[j] = u.kind in ("cap", "gaz", "joint") and (u.text in org_cues or out[j + 1])
    return out


def runs(units: list[Unit]) -> list[list[Unit]]:
    """Maximal runs of name-like units; joints/particles only between name units."""
    org_cues = resources().org_cues
    ahead: list[bool] = []  # computed the first time an "and" needs it
    runs: list[list[Unit]] = []
    cur = _Run(org_cues)
    # where a run can start: with no run open, every other unit is passed over (skipped in one step)
    heads = [k for k, u in enumerate(units) if u.kind in _NAME_KINDS]
    i, n = 0, len(units)
    while i < n:
        if not cur:
            h = bisect.bisect_left(heads, i)
            if h == len(heads):
                break
            i = heads[h]
        u = units[i]
        if u.kind in _NAME_KINDS:
            cur.extend((u,))
            i += 1
            if u.text[-1:] == "." and i < n and _designator_ends(u, units[i]):
                runs.append(list(cur))
                cur = _Run(org_cues)
                units[i] = units[i]._replace(initial=True)
            continue
        if cur and u.kind in ("particle", "joint"):
            # look ahead: joint words may chain ("of the"), must end on a name unit
            j = i
            while j < n and units[j].kind in ("particle", "joint"):
                j += 1
            if j < n and units[j].kind in ("cap", "gaz") and j - i <= 2:
                joint = [x.text for x in units[i:j]]
                if joint == ["and"] and not ahead:
                    ahead = _org_cue_ahead(units, org_cues)
                if _joint_ok(cur, joint, units[j], ahead[j] if ahead else False, _state_after(units, j)) or (
                        _x_and_y_head(cur, joint, units, j)):
                    cur.extend(units[i:j])
                    i = j
                    continue
        if cur and u.text in ("'s", "’s") and i + 1 < n and units[i + 1].kind == "cap":
            if not ahead:
                ahead = _org_cue_ahead(units, org_cues)
            if _possessive_org(cur, units, i + 1):
                cur.extend((u,))  # "Zorvex's Investors Service": one company name
                i += 1
                continue
        if cur and u.text in ("'", "’") and i + 1 < n and units[i + 1].kind == "cap" and _plural_possessive(cur):
            if not ahead:
                ahead = _org_cue_ahead(units, org_cues)
            if ahead[i + 1]:
                cur.extend((u,))  # "the Kelso Farmers' Union": one organisation name
                i += 1
                continue
        if cur and u.text == "," and _comma_campus(cur, units[i + 1:i + 4]):
            # "University of California, Berkeley": a campus after a comma belongs to the name
            k = i + 1
            while k < n and units[k].kind in ("cap", "gaz"):
                k += 1
            cur.extend(units[i:k])
            i = k
            continue
        if cur:
            runs.append(list(cur))
            cur = _Run(org_cues)
        i += 1
    if cur:
        runs.append(list(cur))
    return runs


def _state_after(units: list[Unit], j: int) -> bool:
    """Are ``units[j]`` followed by a comma and a US state ("Reston, Va.")?"""
    if j + 2 >= len(units) or units[j + 1].text != ",":
        return False
    g = units[j + 2].gaz
    return units[j + 2].kind == "gaz" and g is not None and g.type == "GPE" and g.cls == "state"


@lru_cache(maxsize=1)
def _business_heads() -> frozenset[str]:
    return lexicons.word_list("mentions_business_heads.txt") | designators()


def _x_and_y_head(left: _Run, joint: list[str], units: list[Unit], j: int) -> bool:
    """"the Securities and Exchange Commission", "the Fish and Wildlife Service": one capitalised
    word, "and", one more and an organisation head word are one name (not an acronym or a given
    name first: "IBM and Zorvex Corp.", "Maria and Harlow Group").  The one word may follow a
    sentence-initial "The" or known places ("The Securities and ...", "the Little Rock
    Convention and Visitors Bureau": a city's agency)."""
    res = resources()
    if joint != ["and"] or j + 1 >= len(units) or not left or left[-1].kind != "cap":
        return False
    for u in left[:-1]:
        if not (u.text == "The" and u is left[0] or u.kind == "gaz" and u.gaz is not None
                and u.gaz.type in ("GPE", "LOC")):
            return False
    w, y, head = left[-1].text, units[j], units[j + 1]
    end_ok = j + 2 >= len(units) or units[j + 2].kind not in ("cap", "gaz")
    return (y.kind == "cap" and head.kind == "cap" and head.text in res.org_cues and end_ok
            and w not in res.given_names and not w.isupper())


def _possessive_org(left: _Run, units: list[Unit], j: int) -> bool:
    """"Zorvex's Investors Service", "Harlow's Freight Lines": a one-word name, its possessive
    and up to three capitalised words ending in a business head word are one company name (not
    a place's, a given name's or a party: "Russia's Defence Ministry", "Maria's Bakery Group",
    "Trimble's Unionist Party" stay apart)."""
    res = resources()
    w = left[0]
    if len(left) != 1 or w.kind != "cap" or w.text in res.given_names or units[j].text in res.org_cues:
        return False
    k = j
    while k < len(units) and k - j < 3 and units[k].kind == "cap":
        k += 1
    return units[k - 1].text in _business_heads() and (k == len(units) or units[k].kind != "cap")


def _plural_possessive(left: _Run) -> bool:
    """Does ``left`` end in a capitalised plural that an apostrophe may make possessive inside an
    organisation's name ("the National Farmers' Union", "the Workers' Party", "the Kelso
    Teachers' Federation")?  The caller joins it across the apostrophe only when an organisation
    head word follows (not a closing quotation mark: "called them 'the Lords' Monday")."""
    w = left[-1]
    return w.kind == "cap" and len(w.text) > 3 and w.text.endswith("s") and not w.text.endswith("ss") and (
        w.text[:-1].isalpha())


def _comma_campus(left: list[Unit], nxt: list[Unit]) -> bool:
    """``left`` is "<Org head> of <Place>" and ``nxt`` (after a comma) one or two name words ending
    the phrase: "University of California, Berkeley"."""
    res = resources()
    if len(left) < 3 or left[0].text not in res.org_cues or left[1].text != "of":
        return False
    if not (left[-1].kind == "gaz" and left[-1].gaz is not None and left[-1].gaz.type == "GPE"):
        return False
    k = 0
    while k < len(nxt) and nxt[k].kind in ("cap", "gaz") and not nxt[k].text in res.org_cues:
        k += 1
    if k == 0 or k > 2:
        return False
    return k == len(nxt) or nxt[k].text not in (",", "and", "or", "&") and nxt[k].kind not in ("cap", "gaz", "joint")


def _joint_ok(left: _Run, joint: list[str], right: Unit, org_ahead: bool = False, town_after: bool = False) -> bool:
    """May ``joint`` words join the name units ``left`` and ``right`` into one name?
    (``org_ahead``: an organisation head word follows in the continuation from ``right`` on;
    ``town_after``: ``right`` is a town, a comma and a US state follow it.)"""
    res = resources()
    if joint == ["&"]:
        return True
    if all(j in res.particles for j in joint):
        return left[-1].kind == "cap" and right.kind == "cap"
    if joint == ["and"]:
        if right.kind != "cap":
            return False
        # "Chamber of Commerce and Industry", "Center for Law and Technology": inside an org name
        if left.of_for and left.org_cue and left[-1].kind != "gaz":
            return True  # but "Bank of America and Goldmere Holdings" are two
        # "Pharmaceutical Research and Manufacturers of America": a multi-word left part that is
        # not a complete name, and an organisation head word in the continuation
        return (left.names >= 2 and not left.not_cap and left[-1].text not in res.org_cues
                and left[0].text not in res.given_names and org_ahead)
    if joint == ["with"]:
        # "Commission for Relations with Judaism", "Society for Friendship with Orvale": inside the
        # complement of "<org head> for", "with" goes on with the name (not after a head word)
        return left.after_for > 0 and left[-1].kind == "cap" and left[-1].text not in res.org_cues and right.kind in ("cap", "gaz")
    if joint[0] in ("for", "on"):
        return left[-1].text in res.org_cues and right.kind == "cap"  # "Council on Foreign Relations"
    if joint[0] == "of":
        if right.kind == "gaz" and right.gaz is not None and right.gaz.type == "ORG":
            return False  # "Foreign Affairs Council of the European Union": the parent stands alone
        last = left[-1].text
        if last in res.org_cues or last in res.place_cues:
            return True
        if len(left) == 1 and left[0].kind == "cap" and right.kind == "cap" and joint == ["of"] and not town_after:
            return True  # "Den of Geek" (not "Okafor of Reston, Va.": where he is from)
    return False
