"""Speaker slots: where the speaker of a cue stands, walking from the cue over
auxiliaries, adverbs and time words (``claims_gap_words.txt``) and appositives
(``claims_appositive_starts.txt``) to the head of a noun phrase.

* left of the cue: "Jane Doe, a spokeswoman for the ministry, [told] reporters …";
* right of the cue: "…," [said] Jane Doe, the finance minister.";
* the subject of a participle clause: "Jane Doe left, [adding] that …".

A mention after a preposition ("A spokesperson for [the Department]") or modifying a
noun ("one [GOP] source") is not the speaker; a relative pronoun stands for the noun
before it ("residents who [say] …")."""
from __future__ import annotations

import re

from analysis import lexicons, postag
from analysis.claims.lexicon import appositive_starts, cue_form_lemma, function_words, gap_words, is_gap, \
    number_re, pronouns
from analysis.claims.records import Speaker
from analysis.claims.speakers import Mentions, after_np_preposition, entity_type, head_mention, mention_kind
from analysis.mentions import salience
from analysis.claims.units import QUOTE_CHARS, Unit, participle_modifier
from analysis.tokenise import Doc, Token

#: What may follow a name inside its noun phrase: capitalised post-nominals and
#: parentheses ("Philip Ingram MBE", "Roy Cooper (D)", "John Smith Jr.").
POSTNOMINAL = re.compile(r"(?:\s*(?:[A-Z][\w.\-]*|\([^()]{1,20}\)))+\s*")
_NEXT_WORD = re.compile(r"\s*([\w\u2019'-]+)")
#: A quotation mark token (straight, curly, or one of the two apostrophes of '').


def _postnominal_end(doc: Doc, toks: list[Token], c: int, mentions: Mentions) -> bool:
    """True if token ``c`` closes post-nominals after an actor mention ("Philip Ingram MBE")."""
    for e in mentions.actor_ends_near(toks[c].start, toks[c].end):
        if POSTNOMINAL.fullmatch(doc.text[e : toks[c].end]):
            return True
    return False


def _named_appositive(doc: Doc, unit: Unit, j: int, mentions: Mentions) -> Speaker | None:
    """"Theriot's lawyer, Marcus Lévesque, said": a role noun phrase followed by the name of
    a person (or organisation) between commas — the name is the speaker. ``j`` is the comma
    before the cue."""
    toks, low = unit.tokens, unit.low
    k = unit.comma_or_quote_before(j)
    if k < 1 or low[k] != "," or k + 1 >= j or not low[k - 1].isalpha():
        return None
    # after a capitalised word only a person's name ("His partner at Acme, Tom Reyes, said"; not a
    # role: "Tom Reyes, the mayor, and Mara Voss, the governor, said")
    lower = doc.text[toks[k - 1].start].islower()
    types = ("PERSON", "ORG") if lower else ("PERSON",)
    kinds = ("name", "alias", "role") if lower else ("name", "alias")
    s0, e0 = toks[k + 1].start, toks[j - 1].end
    for m in mentions.starting_in(s0, s0):
        if m.start == s0 and m.end == e0 and entity_type(m) in types and mention_kind(m) in kinds:
            b = k - 1
            while b > 0 and b > k - 6 and low[b - 1] not in (",", ".", ";") and not toks[b - 1].in_quote \
                    and low[b - 1] not in function_words("slot_stop"):
                b -= 1
            return Speaker(m.start, m.end, doc.text[m.start : m.end], m, toks[b].start)
    return None


def _finite_before_relative(seg: list[str]) -> bool:
    """True if the words ``seg`` hold an auxiliary or modal before any relative pronoun:
    a clause ("the losses would outstrip the gains"), not an appositive ("a farmer who
    has lost everything")."""
    for w in seg:
        if w in function_words("relative") or w in ("whose", "that"):
            return False
        if w in function_words("finite_aux"):
            return True
    return False


def _skip_gap_words(doc: Doc, unit: Unit, cue_i: int) -> int:
    """Index of the word before the cue once auxiliaries, adverbs and time words are
    skipped ("NATO has repeatedly urged", "He is hoping", "she's claiming"); a capitalised
    -ly word that is no gap word is a name ("Kelly said")."""
    toks, low = unit.tokens, unit.low
    j = cue_i - 1
    skipped = 0
    if j >= 1 and low[j] == "'s" and low[j - 1] in function_words("contracting_subject"):
        j -= 1  # "she's claiming": a contracted "is"
    while j >= 0 and skipped < 6 and (is_gap(low[j]) or low[j] in function_words("finite_aux")) \
            and low[j] not in pronouns() and not (doc.text[toks[j].start].isupper() and low[j].endswith("ly")
                                                  and low[j] not in gap_words()):
        j -= 1
        skipped += 1
    return j


def _appositive_head(doc: Doc, unit: Unit, j: int, mentions: Mentions) -> int | Speaker | None:
    """Appositives between the speaker and the cue (``j`` is the comma before the cue):
    ", a former officer,", ", 82, of Ashton, Md.,". Returns the named appositive's speaker,
    the index of the head word before the appositives, or None."""
    toks, low = unit.tokens, unit.low
    named = _named_appositive(doc, unit, j, mentions)
    if named is not None:
        return named
    cands: list[int] = []
    jj = j
    for _ in range(4):
        k = unit.comma_or_mark_before(jj)
        seg = low[k + 1 : jj]
        first = doc.text[toks[k + 1].start] if k + 1 < jj else ""
        # an appositive: "a former officer", "who asked …", "82", "Pyongyang's only ally";
        # a lower-case segment with a finite verb is a clause ("…, the losses would outstrip
        # the gains, said X"), not an appositive
        clause = _finite_before_relative(seg) or bool(seg and seg[0] in function_words("coordinator"))
        possessive = any(w in ("'s", "\u2019s") for w in seg[1:4])
        if not (k >= 1 and low[k] == "," and seg and not clause
                and (seg[0] in appositive_starts() or first.islower() or first.isdigit() or len(seg) <= 3 or possessive)):
            break
        cands.append(k - 1)
        jj = k
    if not cands:
        return None
    ends = mentions.actor_ends[0]
    actor = [c for c in cands if toks[c].end in ends or _postnominal_end(doc, toks, c, mentions)]
    return actor[-1] if actor else cands[0]


def _np_left_edge(unit: Unit, end_tok: int, relative: bool) -> int:
    """Walk left from the head word to the left edge of its noun phrase (at most 7 words):
    another cue verb ends it, but a cue word after a determiner is a noun ("one state
    official"); after a relative pronoun a preposition or a finite verb ends it."""
    toks, low = unit.tokens, unit.low
    b = end_tok
    steps = 0
    while b - 1 >= 0 and steps < 7:
        w = low[b - 1]
        t = toks[b - 1]
        noun_use = b - 2 >= 0 and (low[b - 2] in function_words("determiner") or low[b - 2].isdigit()
                                   or bool(number_re().fullmatch(low[b - 2])) or low[b - 2] in ("'s", "\u2019s"))
        if t.in_quote or w in QUOTE_CHARS or w in function_words("slot_stop") or (
                w in cue_form_lemma() and not noun_use and not participle_modifier(unit.doc, unit, b - 1)):
            break  # "A person [briefed] on the talks said": a participle modifier stays in the phrase
        if relative and (w in function_words("preposition") or w in function_words("np_preposition")
                         or tagged_verb(unit, b - 1)):
            break  # "drew [marchers], who …": the verb before the relative pronoun's noun ends it
        possessive = w in ("'", "\u2019") and b - 2 >= 0 and toks[b - 2].end == t.start and low[b - 2].endswith("s")
        if not any(ch.isalnum() for ch in w) and w not in ("-", "'s", "\u2019s", ".") and not possessive:
            break
        if w == "-" and b - 2 >= 0 and toks[b - 2].end < t.start:
            break  # "an aggressive - some say …": a spaced hyphen is a dash, not inside a word
        b -= 1
        steps += 1
    return b


def _surface_speaker(doc: Doc, unit: Unit, b: int, end_tok: int) -> Speaker | None:
    """A slot without a mention: its surface, from a capitalised word, pronoun or
    determiner to the head ("one West Virginia official", "the spokesman")."""
    toks, low = unit.tokens, unit.low
    if b < end_tok and low[b] in function_words("coordinator"):
        b += 1  # "… and civic leaders have demanded": the coordinator opens no noun phrase
    words = low[b : end_tok + 1]
    if not any(ch.isalpha() for w in words for ch in w):
        return None
    np_start = toks[b].start  # the noun phrase's left edge ("one" of "one West Virginia official")
    if low[end_tok] in pronouns():
        b = end_tok
    elif any(low[x] in function_words("np_preposition") for x in range(b + 1, end_tok)):
        pass  # a head noun with its complement: "A spokesperson for the Department for …"
    else:
        # start at the first determiner, capitalised word or number of the phrase ("The two most
        # senior career officials"); without one keep at most the last 5 tokens
        def opens_np(x: int) -> bool:
            w = doc.text[toks[x].start : toks[x].end]
            return low[x] in function_words("determiner") or w[:1].isupper() or w[:1].isdigit() \
                or bool(number_re().fullmatch(low[x]))
        b = next((x for x in range(b, end_tok + 1) if opens_np(x)), max(b, end_tok - 4))
    if not _reads_as_noun_phrase(doc, unit, b, end_tok):
        return None
    return Speaker(toks[b].start, toks[end_tok].end, doc.text[toks[b].start : toks[end_tok].end], None, np_start)


def _reads_as_noun_phrase(doc: Doc, unit: Unit, b: int, e: int) -> bool:
    """False if the slot's words ``[b, e]`` cannot be a noun phrase: only determiners and gap
    words ("The", "together"), or opening with a participle and its complement ("being placed
    on …", "flowing into …": a post-modifier whose head noun is outside the slot)."""
    toks, low = unit.tokens, unit.low
    words = [w for w in low[b : e + 1] if any(ch.isalnum() for ch in w)]
    if not words or all(w in function_words("determiner") or is_gap(w) for w in words):
        return False
    lower = doc.text[toks[b].start].islower()
    if (lower and low[b] == "being") or (
            lower and low[b].endswith("ing") and b < e
            and (low[b + 1] in function_words("preposition") or low[b + 1] in function_words("determiner"))):
        return False
    return not _adjective_head(doc, unit, b, e)


def _adjective_head(doc: Doc, unit: Unit, b: int, e: int) -> bool:
    """"The new [claim] that …", "the latest [report] that …" (the cue word misread as a verb):
    a determiner and lower-case words whose last word the tagger reads as an adjective have no
    noun head — no speaker. A person noun the tagger may call an adjective ("the official") is
    a head."""
    toks, low = unit.tokens, unit.low
    if not (0 < e - b <= 3 and low[b] in function_words("determiner") and unit.tags is not None
            and all(doc.text[t.start].islower() for t in toks[b + 1 : e + 1])) or low[e] in salience.person_nouns():
        return False
    return postag.is_adjective(unit.tags.token(toks[e]))


def slot_left(doc: Doc, unit: Unit, cue_i: int, mentions: Mentions) -> Speaker | None:
    """The speaker slot before the cue, or None (clause boundary or nothing there)."""
    toks, low = unit.tokens, unit.low
    rel = _subject_relative_clause(doc, unit, cue_i)
    if rel is not None:
        return slot_left(doc, unit, rel + 1, mentions)  # the noun the relative pronoun stands for
    j = _skip_gap_words(doc, unit, cue_i)
    if j < 0 or low[j] in function_words("preposition") or low[j] in function_words("determiner"):
        return None  # "for further comment": a noun after a preposition
    relative = low[j] in function_words("relative") and j >= 1
    # "groups that do not disclose …": a relative "that" (read over as a gap word) after the noun
    that_relative = not relative and j + 1 < cue_i and low[j + 1] == "that"
    if relative:
        j = _noun_of_relative(unit, j, mentions)
    j = _head_before_parentheticals(doc, unit, j, mentions)
    if isinstance(j, Speaker) or j is None:
        return j
    if j < 0 or toks[j].in_quote or low[j] in QUOTE_CHARS or low[j] == "(":
        return None  # an opening bracket ends no noun phrase: a slot never ends in an unbalanced bracket
    end_tok = j
    b = _np_left_edge(unit, end_tok, relative or that_relative)
    modified = _modified_head(doc, unit, b, end_tok, mentions)
    if modified is not None:
        return modified
    s_off, e_off = toks[b].start, toks[end_tok].end
    m = head_mention(mentions, s_off, e_off, "right", doc.text)
    if m is not None and m.end < toks[end_tok].start and not POSTNOMINAL.fullmatch(doc.text[m.end : e_off]):
        m = None  # the head of the slot is not a mention ("the head of NATO's …")
    if m is not None:
        return Speaker(m.start, m.end, doc.text[m.start : m.end], m, min(m.start, toks[b].start))
    return _surface_speaker(doc, unit, b, end_tok)


#: Tokens looked back from a cue for a relative clause inside its subject.
_RELATIVE_REACH = 16
_SUBJECT_RELATIVES = frozenset({"who", "that", "which"})


def _subject_relative_clause(doc: Doc, unit: Unit, cue_i: int) -> int | None:
    """Index of the relative pronoun of a relative clause that ends right before the cue inside
    its subject ("The lawyer [who] represented Acme in the case said", "People [who] know Tom Reyes
    say", "the people [who] lost their jobs when the mill closed say"): the slot is the noun before
    the pronoun, not a word of the clause. The pronoun stands at most :data:`_RELATIVE_REACH`
    tokens back with no punctuation or quotation between, after a word that is no verb ("said
    that …" is a complementiser), and a verb stands between it and the cue. None otherwise (a
    relative pronoun right before the cue is :func:`slot_left`'s own case: "residents who say")."""
    low, toks = unit.low, unit.tokens
    for k in range(cue_i - 1, max(0, cue_i - _RELATIVE_REACH) - 1, -1):
        w = low[k]
        if toks[k].in_quote or not (w[:1].isalnum() or w in ("'s", "\u2019s", ".", "-")):
            return None
        if w not in _SUBJECT_RELATIVES:
            continue
        noun_use = k >= 2 and low[k - 2] in function_words("determiner")  # "the [report] that Acme released"
        if k < 1 or k + 2 > cue_i - 1 or not low[k - 1][:1].isalpha() or (low[k - 1] in cue_form_lemma() and not noun_use) \
                or tagged_verb(unit, k - 1) or low[k - 1] in function_words("preposition") \
                or low[k - 1] in function_words("determiner") or toks[k - 1].in_quote:
            return None
        verb = any(unit.past_verb_at(x) or (unit.tags is not None and unit.tags.token(toks[x]).startswith("VB"))
                   for x in range(k + 1, cue_i))
        return k if verb else None
    return None


def _noun_of_relative(unit: Unit, j: int, mentions: Mentions) -> int:
    """Index of the noun a relative pronoun at ``j`` stands for: "residents who say …", "Tom
    Reyes (who said …)", "the study -- which notes …", "the report, which says …"."""
    toks, low = unit.tokens, unit.low
    j -= 1
    if low[j] == "(" and j >= 1:
        j -= 1  # "Tom Reyes (who said …)": a bracketed relative clause of the noun before the bracket
    elif low[j] in _DASHES and j >= 1 and low[j - 1][:1].isalnum():
        j -= 1  # "the study -- which notes …": a parenthetical relative clause of the noun before the dash
    elif low[j] == "," and j >= 1 and (toks[j - 1].end in mentions.actor_ends[0] or (
            low[j - 1][:1].isalnum() and not toks[j - 1].in_quote and low[j - 1] not in function_words("relative"))):
        j -= 1  # "… and Tom Reyes, who said …", "the report, which says …": a non-restrictive clause of the noun
    return j


def _head_before_parentheticals(doc: Doc, unit: Unit, j: int, mentions: Mentions) -> int | Speaker | None:
    """Walk from token ``j`` (before the cue) over what stands between the subject's head and
    the cue: appositives between commas (", a former officer,"), a parenthetical between
    dashes ("Tom Reyes — the mayor since 2010 — said"; an appositive before the dashes counts:
    "Tom Reyes, the head of Acme -- the firm that … -- told me"), a bracket ("Rep. Jane Doe
    (D-Wis.) said"). Returns the head word's index, a named speaker, or None (no slot: "The
    plan is dead — said Tom Reyes" ends in a dash)."""
    low = unit.low
    dash = None
    if j >= 1 and low[j] in _DASHES:
        dash = _opening_dash(doc, unit, j)
        if dash is None:
            return None  # a slot never ends in a dash
        j = dash  # the opening dash stands where the comma before the cue would
    if low[j] == "," or dash is not None:
        head = _appositive_head(doc, unit, j, mentions)
        if head is None and dash is not None:
            head = dash - 1  # no appositive before the dashes: the noun phrase before them
        if head is None or isinstance(head, Speaker):
            return head
        j = head
    if j >= 0 and low[j] == ")":
        k = j - 1
        while k >= 0 and j - k < 12 and low[k] != "(":
            k -= 1
        if k >= 1 and low[k] == "(":
            j = k - 1
    return j


def _modified_head(doc: Doc, unit: Unit, b: int, end_tok: int, mentions: Mentions) -> Speaker | None:
    """"A person briefed on the talks said": a slot holding a participle modifier
    (:func:`~analysis.claims.units.participle_modifier`) has its head before the participle —
    a mention there ("[Acme] staff briefed on the talks said"), else the
    whole phrase as written; mentions in the participle's complement ("the talks") are not the
    head. None if the slot holds no participle modifier."""
    toks = unit.tokens
    p = next((x for x in range(b + 1, end_tok) if participle_modifier(doc, unit, x)), None)
    if p is None:
        return None
    m = head_mention(mentions, toks[b].start, toks[p - 1].end, "right", doc.text)
    if m is not None:
        return Speaker(m.start, m.end, doc.text[m.start : m.end], m, min(m.start, toks[b].start))
    s, e = toks[b].start, toks[end_tok].end
    return Speaker(s, e, doc.text[s:e], None, s)


#: Dashes that set off a parenthetical phrase ("Tom Reyes — the mayor — said").
_DASHES = frozenset({"\u2014", "\u2013", "--"})
#: Tokens looked back from a closing dash for the dash that opens the parenthetical.
_DASH_REACH = 60


def _opening_dash(doc: Doc, unit: Unit, j: int) -> int | None:
    """Index of the dash that opens the parenthetical closed by the dash at token ``j``, at
    most :data:`_DASH_REACH` tokens back and after a word (not at the unit start), or None."""
    low = unit.low
    for k in range(j - 1, max(0, j - _DASH_REACH) - 1, -1):
        if unit.tokens[k].in_quote:
            continue  # a quotation inside the parenthetical ("the study -- which notes "…" -- says")
        if low[k] in (".", ";", ":") and not title_period(doc, unit, k):
            return None  # a sentence boundary; not the period of "Mr." or "John D."
        if low[k] in _DASHES:
            return k if k >= 1 and low[k - 1][:1].isalnum() else None
    return None


def title_period(doc: Doc, unit: Unit, e: int) -> bool:
    """True if the period at token ``e`` closes an abbreviated title before a name: "…,"
    said Mr. Reyes", "said Sen. Mara Voss" — glued to a capitalised abbreviation
    (``abbreviations_en.txt``) or a middle initial ("said John D. Reyes") and followed by a
    capitalised word; the noun phrase goes on."""
    toks = unit.tokens
    if e < 1 or e + 1 >= len(toks) or toks[e - 1].end != toks[e].start:
        return False
    initial = len(unit.low[e - 1]) == 1 and unit.low[e - 1].isalpha()  # "John D. Reyes": a middle initial
    return (unit.low[e - 1] in lexicons.abbreviations() or initial) and doc.text[toks[e - 1].start].isupper() \
        and doc.text[toks[e + 1].start].isupper()


def premodified_name(doc: Doc, unit: Unit, k: int, mentions: Mentions) -> bool:
    """True if the words from token ``k`` are lower-case premodifiers or a number glued to a
    designator, then a person's name: "said retired teacher Tom Reyes", "said 9/11 widow
    Mara Voss" — the slot's first word is no time word ("said Tuesday")."""
    toks, low, text = unit.tokens, unit.low, doc.text
    for x in range(k, min(len(toks), k + 6)):
        if x > k and any(entity_type(m) == "PERSON" and m.start == toks[x].start
                         for m in mentions.starting_in(toks[x].start, toks[x].start)):
            return True
        w = low[x]
        glued = x > k and toks[x - 1].end == toks[x].start
        if toks[x].in_quote or not (text[toks[x].start].islower() or w.isdigit() or (glued and w in ("/", "-"))):
            return False
    return False


def _slot_right_end(doc: Doc, unit: Unit, k: int) -> int:
    """Index after the noun phrase starting at ``k`` (at most 8 words): punctuation, a
    quotation, a trailing phrase or a post-modifier ends it ("a summary obtained by …",
    "people familiar with …")."""
    toks, low = unit.tokens, unit.low
    e = k
    while e < len(toks) and e - k < 8:
        w = low[e]
        if w == "." and e > k and title_period(doc, unit, e):
            e += 1
            continue
        if toks[e].in_quote or w in QUOTE_CHARS or w in (",", ".", ";", ":", "(", "?", "!") or w in function_words("slot_stop"):
            break
        if e > k and (w in function_words("prep_tail") and w not in ("to", "for")) and not doc.text[toks[e].start].isupper():
            break
        if e > k and low[e - 1] not in function_words("determiner") and doc.text[toks[e].start].islower() and (
                w in function_words("postmodifier") or (len(w) > 4 and w.endswith(("ed", "ing")))
                or (e + 1 < len(low) and low[e + 1] == "by")):
            break
        e += 1
    return e


#: Object pronouns: never a subject, so never a speaker after the cue ("her" may be a possessive).
_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us"})


def slot_right(doc: Doc, unit: Unit, k: int, mentions: Mentions) -> Speaker | None:
    """The noun phrase starting at token ``k`` ("said John Smith, a spokesman")."""
    toks, low = unit.tokens, unit.low
    if k >= len(toks) or toks[k].in_quote or low[k] in function_words("preposition") or low[k] in function_words("prep_tail"):
        return None  # "said of the plan", "said in a statement": no speaker here
    if low[k] in _OBJECT_PRONOUNS:
        return None  # "called him a master": an object, never the speaker
    if is_gap(low[k]) and not (number_re().fullmatch(low[k]) and k + 1 < len(toks) and low[k + 1].isalpha()
                               and not is_gap(low[k + 1])) and not premodified_name(doc, unit, k, mentions):
        return None  # "said Tuesday" (but "said one GOP source", "said 9/11 widow Mara Voss")
    e = _slot_right_end(doc, unit, k)
    if e == k:
        return None
    s_off, e_off = toks[k].start, toks[e - 1].end
    m = None
    for c in sorted((x for x in mentions.within(s_off, e_off) if x.end > x.start),
                    key=lambda x: (x.start, -(x.end - x.start))):
        if after_np_preposition(doc.text, s_off, c):
            continue
        nxt_word = _NEXT_WORD.match(doc.text[c.end : e_off])
        w = nxt_word.group(1) if nxt_word else ""
        if w.lower() in ("'s", "\u2019s") or (w[:1].islower() and w.lower() not in function_words("np_preposition")):
            continue  # a possessor or a modifier: "[NBC]'s Dante Chinni", "one [GOP] source"
        m = c
        break
    if m is not None:
        return Speaker(m.start, m.end, doc.text[m.start : m.end], m)
    if not any(ch.isalpha() for ch in doc.text[s_off:e_off]):
        return None
    return Speaker(s_off, e_off, doc.text[s_off:e_off], None)


def addressee_end(unit: Unit, j: int) -> int:
    """For tell-verbs: index after the addressee ("told Newsweek", "told reporters"; "told a
    group of party donors on Monday that …": a longer addressee before "that")."""
    low = unit.low
    k = j
    longest = 4
    for x in range(j, min(len(low), j + 12)):
        if low[x] == "that":
            longest = 8
            break
        if not any(ch.isalnum() for ch in low[x]) and low[x] not in ("'s", "\u2019s", "-", "."):
            break
    while k < len(low) and k - j < longest:
        w = low[k]
        if w in function_words("frame_next") or w in QUOTE_CHARS or unit.tokens[k].in_quote \
                or w in function_words("prep_tail") or is_gap(w) or _second_noun_phrase(unit, j, k):
            break
        k += 1
    return k


#: Subject pronouns that open the reported clause after an addressee ("told reporters [it] …").
_CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def _second_noun_phrase(unit: Unit, j: int, k: int) -> bool:
    """Does token ``k`` open a second noun phrase after the addressee — a determiner or a
    subject pronoun after a word that is no preposition or determiner ("told reporters [the]
    plan "would fail"", "told the crowd [it] was over", "told her [the] plan …")? That phrase is the subject of what
    was told, not part of the addressee ("told members of [his] party" goes on)."""
    low = unit.low
    if k <= j:
        return False
    w, prev = low[k], low[k - 1]
    if not (w in function_words("determiner") or w in _CLAUSE_SUBJECTS) or w == "that":
        return False
    if k == j + 1 and prev in pronouns():
        return True  # "told her the plan …": the pronoun alone is the addressee
    return not (prev in function_words("preposition") or prev in function_words("np_preposition")
                or prev in function_words("determiner") or prev in ("'s", "\u2019s"))


def tagged_verb(unit: Unit, k: int) -> bool:
    """The part-of-speech tagger reads token ``k`` as a finite verb or modal ("the farmers
    [left] the talks"): an irregular past the -ed test misses ends the subject."""
    return unit.tags is not None and unit.tags.token(unit.tokens[k]) in ("VBD", "VBZ", "VBP", "MD")
