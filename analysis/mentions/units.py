"""Units: the tokens of a sentence grouped the way a name reader sees them.

A multi-word gazetteer name ("New York"), a title ("Prime Minister", "Lt. Gen."), a party
label ("R-Ky.") or a word with the period of an initial ("F.") is one unit; each unit has a
kind (cap, gaz, title, post, particle, joint, other) that the run builder (:mod:`.runs`) reads.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analysis.tokenise import Doc

from .records import Unit
from .resources import Resources

# party-state label after a US politician's name: "R-Ky.", "D-N.Y.", "I-Vt." (not a mention)
PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z]*\.?(?:[A-Z]\.)*")
_OPENERS = frozenset('"“‘\'(«[:—–…_-') | {"...", "--"}  # "-": a dash ("ORVALE, Thurs. - The council")
_STRAIGHT_QUOTES = frozenset(('"', "'"))
_AFTER_OPENER = _OPENERS | _STRAIGHT_QUOTES  # words after which a unit may be initial
_SUFFIXES = frozenset(("Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"))
_JOINTS = frozenset(("of", "&", "de", "the", "for", "and", "on", "with"))


# one romanised East Asian syllable (pinyin, Cantonese, Korean): an onset, a vowel nucleus, a
# nasal or stop coda at most ("wai", "chee", "hwa", "dae", "jung"; not "based", "led", "born")
_SYLLABLE = r"(?:ch|sh|zh|ts|hw|kw|gw|ng|[bcdfghjklmnpqrstwxyz])?(?:[aeiou]{1,2}|y[aeiou]{1,2}|w[aeiou])(?:ng|[nmptkhl])?"
_HYPHENATED_GIVEN = re.compile(rf"(?i:{_SYLLABLE})-{_SYLLABLE}")


def is_cap_token(t: str) -> bool:
    """A capitalised word that may be part of a name ("Costa", "Jean-Luc", "Wai-man"; not
    "AI-generated")."""
    if not t[:1].isupper():
        return False
    if "-" in t and any(p[:1].islower() for p in t.split("-")[1:] if p):
        # "AI-generated", "NATO-standard", "Texas-based": adjectives, not names; but a romanised
        # two-syllable given name ("Lee Wai-man", "Kim Dae-jung") writes its second syllable small
        return _HYPHENATED_GIVEN.fullmatch(t) is not None and t[1:2].islower()
    return True


def is_title_line(doc: Doc, sent, words: list[str]) -> bool:
    """A headline-style sentence: title case or all caps, no sentence-final punctuation."""
    if sent.zone == "headline":
        return True
    if sent.zone == "credit":
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < 2:
        return False
    if alpha[0] in ("By", "BY") and len(alpha) <= 8 and alpha[1][:1].isupper():
        return False  # a byline ("By Maria Fernanda Costa") names a person
    # upper-case words of two letters or more; counted only when the upper-case words of any
    # length (counted in C: an upper bound) could reach the share
    if len(alpha) >= 3 and sum(map(str.isupper, alpha)) / len(alpha) >= 0.6:
        upper = sum(1 for w in alpha if len(w) > 1 and w.isupper())
        if upper / len(alpha) >= 0.6:
            return True  # an all-caps line (byline, slug, copyright notice)
    last = doc.text[sent.end - 1]
    if last in ")]" and sent.end - sent.start > 1:
        last = doc.text[sent.end - 2]  # "(This story was distributed by The Kelso News Service.)"
    if last in ".!?\"”’'":
        return False
    caps = sum(1 for w in alpha if w[:1].isupper())
    return caps / len(alpha) >= 0.6


_TITLE_WORD = re.compile(r"[A-Z][\w-]*")


def match_title(text: str, pos: int, res: Resources) -> int:
    """Length of the longest title starting at ``pos`` (0 if none)."""
    word = _TITLE_WORD.match(text, pos, pos + 40)
    if not word or word.group(0).rstrip(".") not in res.title_words:
        return 0
    best = 0
    for t in res.titles_by_first.get(word.group(0), ()):
        if text.startswith(t, pos) and len(t) > best:
            nxt = text[pos + len(t): pos + len(t) + 1]
            if not nxt or not (nxt.isalnum() or nxt in "-'’"):
                best = len(t)
    return best


def _ends_at_token(toks, i: int, end: int) -> bool:
    for t in toks[i:]:
        if t.end == end:
            return True
        if t.end > end:
            return False
    return False


def _past(toks, i: int, end: int) -> int:
    """Index of the first token from ``i`` on that ends after ``end``."""
    while i < len(toks) and toks[i].end <= end:
        i += 1
    return i


def _gaz_unit(text, toks, i, g, initial):
    """A gazetteer name spanning whole tokens ("New York"); weapons only when multi-token."""
    if not (g is not None and g.type != "WEAPON" or (g is not None and g.end > toks[i].end)):
        return None
    j = _past(toks, i, g.end)
    if j > i and toks[j - 1].end == g.end:
        return Unit(toks[i].start, g.end, text[toks[i].start:g.end], "gaz", g, initial), j, j - 1
    return None


def _party_unit(text, toks, i, initial):
    """"McConnell, R-Ky., said": a party-state label is not a name."""
    t = toks[i]
    if text[t.start:t.end][:2] not in ("R-", "D-", "I-") or not re.search(r"[,(]\s*$", text[max(0, t.start - 3):t.start]):
        return None
    pm = PARTY_LABEL.match(text, t.start)
    if pm is None:
        return None  # "a film, R-rated for violence": no label
    j = _past(toks, i, pm.end())
    return Unit(t.start, pm.end(), text[t.start:pm.end()], "other", None, initial), max(j, i + 1), j - 1


def _title_unit(text, toks, i, res, initial):
    """A multi-word title ("Prime Minister", "Lt. Gen.", "Secretary of State")."""
    t = toks[i]
    tl = match_title(text, t.start, res) if text[t.start:t.start + 1].isupper() else 0
    if not (tl and _ends_at_token(toks, i, t.start + tl)):
        return None
    j = _past(toks, i, t.start + tl)
    return Unit(t.start, t.start + tl, text[t.start:t.start + tl], "title", None, initial), j, j - 1


def _word_unit(text, toks, i, res, initial):
    """One word, with the period of an initial ("John F. Kennedy") or abbreviation ("Jr.");
    its kind: a post-nominal ("MBE", "Jr."), a month or weekday ("May", unless a given name
    before a capital), a capitalised word, a name particle ("van"), a joint ("of") or other.
    (The hot loop of the stage: written out in one function.)"""
    t = toks[i]
    end = t.end
    s = text[t.start:end]
    if i + 1 < len(toks) and toks[i + 1].start == end and toks[i + 1].end == end + 1 and text[end] == "." and (
        len(s) == 1 and s.isupper() or s + "." in res.postnominals or s in ("Jr", "Sr", "St")
        or s + "." in res.org_cues
    ):
        end += 1
        i += 1
        s = text[t.start:end]
    if s in res.postnominals or s in _SUFFIXES:
        kind = "post"
    elif s in res.calendar_words and not (s in res.given_names and i + 1 < len(toks)
                                          and text[toks[i + 1].start:toks[i + 1].start + 1].isupper()):
        kind = "other"
    elif s[:1].isupper() and ("-" not in s or is_cap_token(s)):
        kind = "cap"
    elif s in res.particles:
        kind = "particle"
    else:
        kind = "joint" if s in _JOINTS else "other"
    return Unit(t.start, end, s, kind, None, initial), i + 1


def token_range(doc: Doc, sent) -> slice:
    starts = doc.token_starts
    return slice(bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end))


def word_kind(s: str, res: Resources) -> str | None:
    """The kind :func:`_word_unit` gives the unit ``s`` whatever follows it; ``None`` for a
    month or weekday that is also a given name ("May", "June"), which the next word decides."""
    if s in res.postnominals or s in _SUFFIXES:
        return "post"
    if s in res.calendar_words:
        return None if s in res.given_names else "other"
    if s[:1].isupper() and ("-" not in s or is_cap_token(s)):
        return "cap"
    if s in res.particles:
        return "particle"
    return "joint" if s in _JOINTS else "other"


@lru_cache(maxsize=16384)
def word_info(s: str, res: Resources) -> tuple[bool, str | None, str | None]:
    """What :func:`_word_unit` decides from the word ``s`` alone: does a period right after it
    belong to it (an initial "F.", a suffix "Jr.", an abbreviated head "Co."), and the unit's
    kind without and with that period.  A pure function of the word and the (immutable)
    lexicons: cached, and memoised per document by :func:`sentence_units`."""
    joins = (len(s) == 1 and s.isupper() or s + "." in res.postnominals or s in ("Jr", "Sr", "St")
             or s + "." in res.org_cues)
    return joins, word_kind(s, res), word_kind(s + ".", res) if joins else None


@lru_cache(maxsize=1 << 16)
def _memo_entry(w: str, res: Resources) -> tuple | str:
    """What :func:`sentence_units` memoises for the word ``w``: :func:`word_info`, or just the
    kind when the word is not capitalised and its unit is always itself (no period joins it).
    A pure function of the word and the (immutable) lexicons: cached across documents, so a
    word new to a document's memo costs one C-level cache lookup, not a Python call."""
    info = word_info(w, res)
    return info[1] if not info[0] and info[1] is not None and not w[0].isupper() else info


def _quote_after_comma(text: str, q: int) -> bool:
    """Does the straight quote at ``q`` close a quotation right after a comma ('"... circles,"
    The Kelso Beacon reported': the sentence goes on, its next word is no sentence start)?  In
    '',"'' the quote may follow another quote mark ('' written as two)."""
    k = q - 1
    while k >= 0 and text[k] in "\"'" and q - k <= 2:
        k -= 1
    return k >= 0 and text[k] == ","


def _has_alnum(w: str) -> bool:
    return w[:1].isalnum() or any(ch.isalnum() for ch in w)


def _special_unit(text, toks, i, g, res, initial):
    """The unit a gazetteer name, party label or title starting at token ``i`` makes (with the
    index after it and its last token), or ``None``."""
    made = _gaz_unit(text, toks, i, g, initial) if g is not None else None
    t = toks[i]
    if made is None and text[t.start:t.start + 2] in ("R-", "D-", "I-"):
        made = _party_unit(text, toks, i, initial)
    if made is None and text[t.start:t.start + 1].isupper():
        made = _title_unit(text, toks, i, res, initial)
    return made


def sentence_units(doc: Doc, sent, res: Resources, gaz_at: dict, quote_starts: set,
                   memo: dict | None = None) -> list[Unit]:
    """Tokens of one sentence grouped into units; ``initial`` marks a unit at the start of the
    sentence or after an opening quote or bracket (where any word is capitalised).

    The hot loop of the stage.  A word that starts no gazetteer name, party label or title
    (most words) is read by :func:`word_info`, memoised in ``memo`` (one dict per document):
    the same unit as :func:`_word_unit` gives (``tests/test_mentions_fastpaths.py`` compares).
    A word not capitalised whose unit is always itself ("said", "of", ",") is memoised as its
    kind alone (a string) and takes the shortest path."""
    text = doc.text
    a, b = doc.sentence_token_ranges[sent.sentence_id]
    toks, ws, starts, ends = doc.tokens[a:b], doc.token_texts[a:b], doc.token_starts[a:b], doc.token_ends[a:b]
    memo = {} if memo is None else memo
    new = tuple.__new__  # Unit(...) without the named tuple's Python-level __new__
    units: list[Unit] = []
    i, n, prev_text, seen_word = 0, b - a, None, False
    while i < n:
        w = ws[i]
        if not seen_word and i and _has_alnum(ws[i - 1]):
            seen_word = True
        initial = not seen_word or prev_text in _AFTER_OPENER and (prev_text in _OPENERS or (
            units and units[-1].start in quote_starts)) and not (
            prev_text in _STRAIGHT_QUOTES and _quote_after_comma(text, units[-1].start))
        g = gaz_at.get(starts[i])
        info = memo.get(w)
        if info is None:
            info = memo[w] = _memo_entry(w, res)
        if g is None and info.__class__ is str:  # the shortest path: a plain word
            units.append(new(Unit, (starts[i], ends[i], w, info, None, initial)))
            prev_text = w
            i += 1
            continue
        if g is not None or w[0].isupper():  # party labels and titles start with a capital
            made = _special_unit(text, toks, i, g, res, initial)
            if made is not None:
                unit, i, last = made
                prev_text = ws[last]
                units.append(unit)
                continue
        if info.__class__ is str:
            info = (False, info, None)
        if info[0] and i + 1 < n and ws[i + 1] == "." and starts[i + 1] == ends[i]:
            kind, end, s, j = info[2], ends[i] + 1, w + ".", i + 2
        else:
            kind, end, s, j = info[1], ends[i], w, i + 1
        if kind is None:  # "May" before a capital: the next word decides
            unit, j = _word_unit(text, toks, i, res, initial)
        else:
            unit = new(Unit, (starts[i], end, s, kind, None, initial))
        units.append(unit)
        prev_text = w
        i = j
    return units
