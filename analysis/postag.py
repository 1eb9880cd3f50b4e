"""Part-of-speech tags (Penn Treebank tag set) for our own tokens.

The model is NLTK's greedy averaged perceptron
(:class:`nltk.tag.perceptron.PerceptronTagger`), trained by this project on
openly licensed treebanks (UD English-EWT and the tuning half of GUM; see
``data/tagger/README.md``) with ``scripts/train_tagger.py``, and shipped as
one JSON file, ``data/tagger/perceptron_en.json`` (CC BY-SA 4.0).  It is read
with :mod:`json` — never through ``nltk.data`` and never as a pickle — once
per process (:func:`functools.cache`).

Why a rule wants it: "says" after a subject is a verb of saying, but "the
says" is not a phrase; "demand" is a cue in "they demand answers" (VBP) and
a noun in "the demand rose" (NN).  The tag of the token decides.

Use::

    from analysis import postag
    postag.tag(["She", "says", "the", "demand", "has", "risen", "."])
    # ['PRP', 'VBZ', 'DT', 'NN', 'VBZ', 'VBN', '.']

    tags = postag.DocTags(doc)          # one per analysis call, not global
    if postag.is_verb(tags.token(tok)): ...

:class:`DocTags` tags a sentence only when a decision asks for one of its
tokens, and remembers it for the rest of that call.

Forms are normalised before tagging (:func:`normalise_form`) the same way at
training and tagging time: curly quotes and apostrophes become straight ones
("don’t" is tokenised "do" + "n’t" → "n't"), since the treebanks write mostly
straight ones.
"""
from __future__ import annotations

import bisect
import json
import random
from itertools import chain
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
from nltk.tag.perceptron import PerceptronTagger

#: The shipped model (see ``data/tagger/README.md``).
MODEL_PATH: Path = Path(__file__).resolve().parent.parent / "data" / "tagger" / "perceptron_en.json"
#: ``format`` field of a model file this module can read.
MODEL_FORMAT: str = "analysis.postag/1"

_FORM_MAP = MappingProxyType(str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
}))


class ModelError(ValueError):
    """A model file that does not have the expected shape."""


def normalise_form(word: str) -> str:
    """The form the tagger sees: curly quotes and apostrophes made straight (“ → ", ’s → 's)."""
    return word.translate(_FORM_MAP)


# --- tags -------------------------------------------------------------------------------


def is_verb(tag: str) -> bool:
    """VB, VBD, VBG, VBN, VBP, VBZ: a verb form ("says" VBZ, "said" VBD); not the modal MD."""
    return tag.startswith("VB")


def is_finite_verb(tag: str) -> bool:
    """A verb form that can head a clause alone: VBD, VBP, VBZ, or a modal MD ("will")."""
    return tag in ("VBD", "VBP", "VBZ", "MD")


def is_noun(tag: str) -> bool:
    """NN, NNS, NNP, NNPS: common or proper noun ("the demand" NN, "NATO" NNP)."""
    return tag.startswith("NN")


def is_proper_noun(tag: str) -> bool:
    """NNP, NNPS: a proper noun ("Stoltenberg", "Americans")."""
    return tag in ("NNP", "NNPS")


def is_adjective(tag: str) -> bool:
    """JJ, JJR, JJS ("new", "larger", "largest")."""
    return tag.startswith("JJ")


def is_determiner(tag: str) -> bool:
    """DT, PDT, WDT, PRP$, WP$: words that open a noun phrase ("the", "all", "his")."""
    return tag in ("DT", "PDT", "WDT", "PRP$", "WP$")


# --- the model --------------------------------------------------------------------------


def check_model(obj: Any) -> None:
    """Raise :class:`ModelError` unless ``obj`` is a model dict of :data:`MODEL_FORMAT`."""
    if not isinstance(obj, dict) or obj.get("format") != MODEL_FORMAT:
        raise ModelError(f"not a {MODEL_FORMAT} model")
    classes, tagdict, weights = obj.get("classes"), obj.get("tagdict"), obj.get("weights")
    if not (isinstance(classes, list) and classes and all(isinstance(c, str) for c in classes)):
        raise ModelError("classes: expected a non-empty list of tags")
    known = set(classes)
    if not (isinstance(tagdict, dict) and set(tagdict.values()) <= known):
        raise ModelError("tagdict: expected word -> one of the classes")
    if not isinstance(weights, dict):
        raise ModelError("weights: expected feature -> {tag: weight}")
    rows = weights.values()
    if all(type(row) is dict and known.issuperset(row) for row in rows) \
            and {type(w) for row in rows for w in row.values()} <= {int, float, bool}:
        return  # the common case at C speed; else the loop below names the bad row
    for feat, row in weights.items():
        if not (isinstance(row, dict) and set(row) <= known
                and all(isinstance(w, (int, float)) for w in row.values())):
            raise ModelError(f"weights: bad row for feature {feat!r}")


def tagger_from_model(obj: dict) -> PerceptronTagger:
    """An NLTK perceptron tagger holding the model ``obj`` (checked; nltk.data untouched)."""
    check_model(obj)
    tagger = PerceptronTagger(load=False)
    tagger.decode_json_params((obj["weights"], obj["tagdict"], obj["classes"]))
    return tagger


class _Run:
    """The greedy tagging of one sentence so far: tags of ``words[:len(tags)]``, resumable."""

    __slots__ = ("words", "context", "tags", "prev", "prev2")

    def __init__(self, words: Sequence[str], context: list[str], start: list[str]) -> None:
        self.words, self.context, self.tags = words, context, []
        self.prev, self.prev2 = start


def _fresh(s: str) -> str:
    """An equal string in a new object (``str(s)`` and ``s[:]`` return ``s`` itself)."""
    return s.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


class FastTagger:
    """A perceptron tagger's weights as integer matrices: exactly NLTK's tags, several times faster.

    NLTK scores a word by adding, feature by feature, the weights of each tag (a dict per
    feature) and takes the best score, ties going to the alphabetically last tag.  The
    shipped weights are multiples of 0.001 (NLTK rounds the averaged weights to 3 decimals),
    so here they are integers (thousandths) and every score is exact whatever the order of
    the additions: the features that depend only on the previous two tags are added in
    advance, one row per pair of tags, and a word costs one gather-and-sum.  A best score
    that is exact and unique is NLTK's best tag (its float sums err by less than 1e-12, the
    scores differ by at least 0.001); when two tags tie exactly, NLTK's float sums for them
    are recomputed in NLTK's feature order and compared as NLTK compares them.  A model with
    other weights keeps NLTK's float arithmetic (a float matrix, rows added in feature order).

    Tagging is greedy left to right and a word's features look at most two words ahead, so
    the tags of a sentence's first k words need only its first k + 2 words: a
    :class:`DocTags` tags a sentence only as far as a question needs (:meth:`advance`).
    Built once per process (about 10 MB for the shipped model), never modified.
    """

    SCALE = 1000

    def __init__(self, tagger: PerceptronTagger) -> None:
        self._setup(tagger.model.weights, tagger.tagdict, tagger.classes)

    @classmethod
    def from_model(cls, obj: dict) -> "FastTagger":
        """The tagger of a model dict (checked by :func:`check_model`), without NLTK's weight dicts."""
        check_model(obj)
        self = cls.__new__(cls)
        self._setup(obj["weights"], obj["tagdict"], obj["classes"])
        return self

    def _setup(self, weights: dict, tagdict: dict, classes) -> None:
        self._nltk = PerceptronTagger(load=False)  # features and normalisation only; no weights
        self.tagdict: dict[str, str] = dict(tagdict)
        self.classes: tuple[str, ...] = tuple(sorted(classes, reverse=True))
        col = {c: i for i, c in enumerate(self.classes)}
        # row 0: no feature; the names are fresh copies, so that once the caller drops a parsed
        # model file, none of its strings keeps the parser's memory from going back to the system
        self.row = MappingProxyType({_fresh(f): i + 1 for i, f in enumerate(weights)})
        start = self._nltk.START
        self._p1 = {t: i for i, t in enumerate((*self.classes, start[0]))}
        self._p2 = {t: i for i, t in enumerate((*self.classes, *start))}
        rows = weights.values()
        r = np.repeat(np.arange(1, len(weights) + 1), [len(row) for row in rows])
        c = np.fromiter(map(col.__getitem__, chain.from_iterable(rows)), dtype=np.intp, count=len(r))
        w = np.fromiter(chain.from_iterable(row.values() for row in rows), dtype=np.float64, count=len(r))
        k = np.rint(w * self.SCALE)
        self.exact = bool(np.all(k / self.SCALE == w) and np.all(np.abs(k) < 2 ** 24))
        # the pair rows (exact models) are allocated with the feature rows: one matrix, no copy
        pairs = len(self._p1) * len(self._p2) if self.exact else 0
        matrix = np.zeros((len(weights) + 1 + pairs, len(self.classes)), dtype=np.int32 if self.exact else np.float64)
        matrix[r, c] = k if self.exact else w
        del r, c, w, k
        if self.exact:  # one row per (previous tag, tag before it): their three features summed
            rows = [[self.row.get(f, 0) for f in (f"i-1 tag {p1}", f"i-2 tag {p2}", f"i tag+i-2 tag {p1} {p2}")]
                    for p1 in self._p1 for p2 in self._p2]
            matrix[len(weights) + 1 :] = matrix[np.array(rows)].sum(axis=1, dtype=np.int32)
        matrix.flags.writeable = False
        self.matrix = matrix
        self._pair0 = len(weights) + 1

    def start(self, words: Sequence[str]) -> _Run:
        """A run over already normalised ``words``, no word tagged yet."""
        t = self._nltk
        return _Run(words, t.START + [t.normalize(w) for w in words] + t.END, t.START)

    def advance(self, run: _Run, k: int) -> list[str]:
        """Tag ``run`` up to its first ``k`` words (as far as tagged already, if more); its tags."""
        score = self._score_exact if self.exact else self._score_float
        tags, words, ctx, get = run.tags, run.words, run.context, self.tagdict.get
        prev, prev2 = run.prev, run.prev2
        for i in range(len(tags), min(k, len(words))):
            tag_ = get(words[i]) or score(i, words[i], ctx, prev, prev2)
            tags.append(tag_)
            prev2, prev = prev, tag_
        run.prev, run.prev2 = prev, prev2
        return tags

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tags of already normalised ``words`` (what ``PerceptronTagger.tag`` returns, tags only)."""
        return self.advance(self.start(words), len(words))

    @staticmethod
    def _word_features(i: int, word: str, ctx: list[str], prev: str) -> tuple[str, ...]:
        """NLTK's features that do not depend on the tag before the previous one."""
        i += 2
        return (f"i suffix {word[-3:]}", f"i pref1 {word[0] if word else ''}", f"i word {ctx[i]}",
                f"i-1 tag+i word {prev} {ctx[i]}", f"i-1 word {ctx[i - 1]}", f"i-1 suffix {ctx[i - 1][-3:]}",
                f"i-2 word {ctx[i - 2]}", f"i+1 word {ctx[i + 1]}", f"i+1 suffix {ctx[i + 1][-3:]}",
                f"i+2 word {ctx[i + 2]}")

    def _score_exact(self, i: int, word: str, ctx: list[str], prev: str, prev2: str) -> str:
        row = self.row.get
        idx = [row(f, 0) for f in self._word_features(i, word, ctx, prev)]
        idx.append(row("bias", 0))
        idx.append(self._pair0 + self._p1[prev] * len(self._p2) + self._p2[prev2])
        # the rows gathered by take and summed by the ufunc itself: the same integers as
        # matrix[idx].sum(axis=0), without fancy indexing's and ndarray.sum's overhead
        scores = np.add.reduce(self.matrix.take(idx, axis=0), axis=0).tolist()
        best = max(scores)
        if scores.count(best) == 1:
            return self.classes[scores.index(best)]
        return self._break_tie([c for c, v in enumerate(scores) if v == best], i, word, ctx, prev, prev2)

    def _nltk_rows(self, i: int, word: str, ctx: list[str], prev: str, prev2: str) -> list[int]:
        """Rows of the features present in the model, in the order NLTK adds them."""
        f = self._word_features(i, word, ctx, prev)
        feats = ("bias", f[0], f[1], f"i-1 tag {prev}", f"i-2 tag {prev2}", f"i tag+i-2 tag {prev} {prev2}",
                 *f[2:])
        return [r for r in map(self.row.get, feats) if r is not None]

    def _break_tie(self, tied: list[int], i: int, word: str, ctx: list[str], prev: str, prev2: str) -> str:
        """NLTK's choice among tags whose exact scores tie: its float sums, then the later tag."""
        rows = self._nltk_rows(i, word, ctx, prev, prev2)
        sums = {}
        for c in tied:
            acc = 0.0
            for r in rows:
                w = int(self.matrix[r, c])
                if w:
                    acc += w / self.SCALE
            sums[c] = acc
        return self.classes[max(tied, key=lambda c: (sums[c], self.classes[c]))]

    def _score_float(self, i: int, word: str, ctx: list[str], prev: str, prev2: str) -> str:
        scores = np.zeros(len(self.classes))
        for r in self._nltk_rows(i, word, ctx, prev, prev2):
            scores += self.matrix[r]
        return self.classes[int(np.argmax(scores))]


@cache
def _shipped_tagger() -> FastTagger:
    """The shipped model, read once per process."""
    with MODEL_PATH.open(encoding="utf-8") as fh:
        return FastTagger.from_model(json.load(fh))


@cache
def reference_tagger() -> PerceptronTagger:
    """The shipped model as NLTK's own tagger (for comparisons; :func:`tag` does not use it)."""
    with MODEL_PATH.open(encoding="utf-8") as fh:
        return tagger_from_model(json.load(fh))


Model = PerceptronTagger | FastTagger


def tag(words: Sequence[str], tagger: Model | None = None) -> list[str]:
    """Penn tags of one sentence's ``words`` (our tokens, in order), one per word.

    Tag a whole sentence at once: the model looks two words either side and at
    the two previous tags ("the questions she raises" → DT NNS PRP VBZ).
    ``tagger``: default the shipped model (a :class:`FastTagger`); an NLTK
    ``PerceptronTagger`` is run as NLTK runs it.
    """
    if not words:
        return []
    model = tagger if tagger is not None else _shipped_tagger()
    forms = [normalise_form(w) for w in words]
    if isinstance(model, FastTagger):
        return model.tag(forms)
    return [t for _, t in model.tag(forms)]


def fixed_tag(word: str, tagger: Model | None = None) -> str | None:
    """The tag the model gives ``word`` in every context, or None if context decides.

    The model keeps a dictionary of frequent words the treebanks tag one way
    (nearly) always ("the" DT, "of" IN); for them :func:`tag` never looks at
    the context, so a rule can read the tag without tagging the sentence.  A
    noun/verb word ("says", "demand", "reports") is never in it.
    """
    model = tagger if tagger is not None else _shipped_tagger()
    return model.tagdict.get(normalise_form(word))


# --- lazy tagging of a Doc --------------------------------------------------------------


class DocTags:
    """Tags of one :class:`~analysis.tokenise.Doc`, computed a sentence at a time on demand.

    Create one per analysis call (it holds a cache; it is not shared between
    articles): ``tags = DocTags(doc)``; ``tags.sentence(i)`` or
    ``tags.token(tok)``.  A sentence is tagged the first time one of its
    tokens is asked about, so an article costs only the sentences a rule looks at;
    a token whose tag the context cannot change (:func:`fixed_tag`: "said") is
    answered without tagging its sentence.
    """

    def __init__(self, doc, tagger: Model | None = None) -> None:
        self.doc = doc
        self._tagger = tagger
        self._sentence_ids = [t.sentence_id for t in doc.tokens]
        self._cache: dict[int, tuple[str, ...]] = {}
        self._runs: dict[int, _Run] = {}  # sentences tagged part of the way (FastTagger)

    def token_range(self, sentence_index: int) -> range:
        """Indices into ``doc.tokens`` of the sentence's tokens."""
        lo = bisect.bisect_left(self._sentence_ids, sentence_index)
        hi = bisect.bisect_right(self._sentence_ids, sentence_index, lo)
        return range(lo, hi)

    def _words(self, rng: range) -> list[str]:
        text = self.doc.text
        return [normalise_form(text[t.start:t.end]) for t in self.doc.tokens[rng.start:rng.stop]]

    def sentence(self, sentence_index: int) -> tuple[str, ...]:
        """The tags of sentence ``sentence_index``'s tokens (tagged once, then remembered)."""
        tags = self._cache.get(sentence_index)
        if tags is None:
            rng = self.token_range(sentence_index)
            model = self._tagger if self._tagger is not None else _shipped_tagger()
            if isinstance(model, FastTagger):
                tags = tuple(self._prefix(model, sentence_index, len(rng)))
            else:
                tags = tuple(tag([self.doc.token_text(t) for t in self.doc.tokens[rng.start:rng.stop]], model))
            self._cache[sentence_index] = tags
        return tags

    def _prefix(self, model: FastTagger, sentence_index: int, k: int) -> list[str]:
        """Tags of the sentence's first ``k`` tokens, tagging on from where it stopped."""
        run = self._runs.get(sentence_index)
        if run is None:
            run = self._runs[sentence_index] = model.start(self._words(self.token_range(sentence_index)))
        return model.advance(run, k)

    def token(self, tok) -> str:
        """The tag of token ``tok`` (a :class:`~analysis.tokenise.Token` of this Doc): its
        sentence is tagged only up to it (the tags before a word never depend on it)."""
        fixed = fixed_tag(self.doc.token_text(tok), self._tagger)
        if fixed is not None:
            return fixed
        done = self._cache.get(tok.sentence_id)
        k = tok.token_id - self._sentence_start(tok.sentence_id)
        if done is not None:
            return done[k]
        model = self._tagger if self._tagger is not None else _shipped_tagger()
        if isinstance(model, FastTagger):
            return self._prefix(model, tok.sentence_id, k + 1)[k]
        return self.sentence(tok.sentence_id)[k]

    def _sentence_start(self, sentence_index: int) -> int:
        return bisect.bisect_left(self._sentence_ids, sentence_index)

    @property
    def tagged_sentences(self) -> int:
        """How many sentences have been tagged so far (in whole or in part)."""
        return len(self._cache.keys() | self._runs.keys())


def sentence_tags(doc, sentence_index: int, cache: DocTags | None = None) -> tuple[str, ...]:
    """Tags of one sentence of ``doc``; pass a :class:`DocTags` to reuse work within a call."""
    return (cache if cache is not None else DocTags(doc)).sentence(sentence_index)


# --- training ---------------------------------------------------------------------------


def train_model(sentences: Iterable[Sequence[tuple[str, str]]], iterations: int = 5,
                seed: int = 0, min_weight: float = 0.0, meta: dict | None = None) -> dict:
    """Train a perceptron on ``(word, tag)`` sentences; the model as a JSON-ready dict.

    Reproducible: NLTK shuffles the sentences between iterations with the
    global :mod:`random` generator, so it is seeded with ``seed`` here and its
    previous state restored afterwards.  Forms are normalised as at tagging
    time.  Weights are averaged and rounded to 3 decimals by NLTK; those with
    ``abs(w) <= min_weight`` are dropped to keep the file small.
    """
    data = [[(normalise_form(w), t) for w, t in s] for s in sentences if s]
    tagger = PerceptronTagger(load=False)
    state = random.getstate()
    random.seed(seed)
    try:
        tagger.train(data, nr_iter=iterations)
    finally:
        random.setstate(state)
    weights = {}
    for feat in sorted(tagger.model.weights):
        row = {c: w for c, w in sorted(tagger.model.weights[feat].items()) if abs(w) > min_weight}
        if row:
            weights[feat] = row
    return {"format": MODEL_FORMAT, **(meta or {}), "classes": sorted(tagger.classes),
            "tagdict": dict(sorted(tagger.tagdict.items())), "weights": weights}
