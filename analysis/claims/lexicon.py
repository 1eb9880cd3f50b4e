"""Word lists of the claims stage, loaded once from ``data/lexicons/`` (immutable, cached).

* ``cues.tsv``: every inflected form of a cue with its lemma, kind (speech, belief,
  source) and frame (``strict``, ``complement``, ``object`` …): "said" → say.
* ``claims_function_words.tsv``: closed-class words by role (determiner, preposition …).
* ``claims_gap_words.txt``, ``claims_ly_words.txt``, ``claims_date_words.txt``,
  ``claims_number_words.txt``, ``claims_pronouns.txt``, ``claims_appositive_starts.txt``, ``claims_message_nouns.txt``,
  ``claims_not_speaker_labels.txt``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis import lexicons


@dataclass(frozen=True)
class CueEntry:
    """One form of the cue lexicon."""

    form: tuple[str, ...]
    lemma: str
    kind: str
    frame: str


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, ...], CueEntry]:
    """Cue forms (tuples of lower-case words) → entry, from ``data/lexicons/cues.tsv``."""
    out: dict[tuple[str, ...], CueEntry] = {}
    for r in lexicons.table("cues.tsv"):
        form = tuple(r["form"].lower().split())
        out.setdefault(form, CueEntry(form, r["lemma"], r["kind"], r["frame"]))
    return out


@lru_cache(maxsize=1)
def cue_lemmas(kinds: tuple[str, ...] = ("speech", "source")) -> frozenset[str]:
    """Lemmas of the cue lexicon of the given kinds."""
    return frozenset(e.lemma for e in cue_lexicon().values() if e.kind in kinds)


@lru_cache(maxsize=1)
def cue_form_lemma() -> dict[str, str]:
    """Cue forms (words joined by spaces) → lemma (used to lemmatise a cue written elsewhere)."""
    return {" ".join(f): e.lemma for f, e in cue_lexicon().items()}


@lru_cache(maxsize=1)
def max_cue_len() -> int:
    """Words in the longest cue form ("according to" → 2)."""
    return max(len(f) for f in cue_lexicon())


@lru_cache(maxsize=1)
def cue_first_words() -> frozenset[str]:
    """First words of the cue forms (a token that is none of them starts no cue)."""
    return frozenset(f[0] for f in cue_lexicon())


@lru_cache(maxsize=1)
def gap_words() -> frozenset[str]:
    """Words that may stand between a speaker and the cue ("NATO has *repeatedly* urged")."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_gap_words.txt"))


@lru_cache(maxsize=1)
def pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.word_list("claims_pronouns.txt"))


@lru_cache(maxsize=1)
def appositive_starts() -> frozenset[str]:
    """First words of an appositive ("Jane Doe, *a* spokeswoman, said")."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_appositive_starts.txt"))


@lru_cache(maxsize=1)
def message_nouns() -> frozenset[str]:
    """Nouns of a message ("released a *statement* saying …"): ``claims_message_nouns.txt``."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_message_nouns.txt"))


@lru_cache(maxsize=1)
def proposition_nouns() -> frozenset[str]:
    """Nouns of a proposition an appositive renames ("…, a *charge* she denied"): ``claims_proposition_nouns.txt``."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_proposition_nouns.txt"))


@lru_cache(maxsize=1)
def not_speaker_labels() -> frozenset[str]:
    """Paragraph labels that name no speaker ("UPDATE:", "WATCH:"): ``claims_not_speaker_labels.txt``."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_not_speaker_labels.txt"))


@lru_cache(maxsize=1)
def source_labels() -> frozenset[str]:
    """Source nouns that attribute a headline after a colon ("Poll: …"): ``claims_source_labels.txt``."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_source_labels.txt"))


@lru_cache(maxsize=1)
def pronoun_genders() -> dict[str, str]:
    """Gender of the third-person singular pronouns ("he" → "m"): ``pronouns.tsv``."""
    return {r["pronoun"]: r["gender"] for r in lexicons.table("pronouns.tsv")}


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Gender a given name implies ("Mara" → "f"), where it implies one: ``gaz_given_names.tsv``."""
    return {r["name"]: r["gender"] for r in lexicons.table("gaz_given_names.tsv") if r["gender"]}


@lru_cache(maxsize=1)
def ly_words() -> frozenset[str]:
    """Words in -ly that are not adverbs ("family", "Italy")."""
    return frozenset(w.lower() for w in lexicons.word_list("claims_ly_words.txt"))


@lru_cache(maxsize=1)
def single_date_words() -> frozenset[str]:
    """One-word date words, lower case ("tuesday", "yesterday")."""
    return frozenset(x.lower() for x in lexicons.word_list("claims_date_words.txt") if " " not in x)


@lru_cache(maxsize=None)
def function_words(cls: str) -> frozenset[str]:
    """One class of ``claims_function_words.tsv`` (determiner, preposition, …)."""
    return frozenset(r["word"].lower() for r in lexicons.table("claims_function_words.tsv") if r["class"] == cls)


@lru_cache(maxsize=1)
def number_re() -> re.Pattern:
    """A digit or a number word; a digit glued to letters ("M1", "F-16", "COVID-19") is a
    designator, not a number."""
    words = sorted(lexicons.word_list("claims_number_words.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])\d|\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
                      re.IGNORECASE)


def is_gap(w: str) -> bool:
    """A word that may stand between a speaker and the cue: a gap word, an adverb in -ly
    (not a noun like "family": ``claims_ly_words.txt``), a number or a date word
    ("Jane Doe *on Tuesday* said" reads over "Tuesday")."""
    return w in gap_words() or (w.endswith("ly") and len(w) > 3 and w not in ly_words()) or w.isdigit() \
        or w in single_date_words()


def norm_apostrophes(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2018", "'")
