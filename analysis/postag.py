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


class FastTagger:
    """A perceptron tagger's weights as one dense matrix: the same tags as NLTK, about 3× faster.

    NLTK scores a word by adding, feature by feature, the weights of each tag
    (a dict per feature) and takes the best score, ties going to the
    alphabetically last tag.  Here each feature's weights are a row of a
    float64 matrix over the tags sorted in *descending* order, added in the same
    feature order (so every score is bitwise the same sum), and the first
    maximum (``argmax``) is that same alphabetically last tag.  About 20 MB for
    the shipped model; built once per process, never modified.  The NLTK
    tagger's weight dicts are not kept (``tagger`` may be dropped afterwards).
    """

    def __init__(self, tagger: PerceptronTagger) -> None:
        self._nltk = PerceptronTagger(load=False)  # features and normalisation only; no weights
        self.tagdict: dict[str, str] = tagger.tagdict
        self.classes: tuple[str, ...] = tuple(sorted(tagger.classes, reverse=True))
        col = {c: i for i, c in enumerate(self.classes)}
        weights = tagger.model.weights
        self.row = MappingProxyType({f: i for i, f in enumerate(weights)})
        matrix = np.zeros((len(weights), len(self.classes)))
        for i, feat in enumerate(weights):
            for c, w in weights[feat].items():
                matrix[i, col[c]] = w
        matrix.flags.writeable = False
        self.matrix = matrix

    def tag(self, words: Sequence[str]) -> list[str]:
        """Tags of already normalised ``words`` (what ``PerceptronTagger.tag`` returns, tags only)."""
        t, row, matrix, tagdict = self._nltk, self.row, self.matrix, self.tagdict
        prev, prev2 = t.START
        context = t.START + [t.normalize(w) for w in words] + t.END
        out: list[str] = []
        for i, word in enumerate(words):
            tag_ = tagdict.get(word)
            if not tag_:
                scores = np.zeros(len(self.classes))
                for feat in t._get_features(i, word, context, prev, prev2):
                    r = row.get(feat)
                    if r is not None:
                        scores += matrix[r]
                tag_ = self.classes[int(np.argmax(scores))]
            out.append(tag_)
            prev2, prev = prev, tag_
        return out


@cache
def _shipped_tagger() -> FastTagger:
    """The shipped model, read once per process."""
    return FastTagger(reference_tagger.__wrapped__())


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

    def token_range(self, sentence_index: int) -> range:
        """Indices into ``doc.tokens`` of the sentence's tokens."""
        lo = bisect.bisect_left(self._sentence_ids, sentence_index)
        hi = bisect.bisect_right(self._sentence_ids, sentence_index, lo)
        return range(lo, hi)

    def sentence(self, sentence_index: int) -> tuple[str, ...]:
        """The tags of sentence ``sentence_index``'s tokens (tagged once, then remembered)."""
        tags = self._cache.get(sentence_index)
        if tags is None:
            rng = self.token_range(sentence_index)
            toks = self.doc.tokens[rng.start:rng.stop]
            tags = tuple(tag([self.doc.token_text(t) for t in toks], self._tagger))
            self._cache[sentence_index] = tags
        return tags

    def token(self, tok) -> str:
        """The tag of token ``tok`` (a :class:`~analysis.tokenise.Token` of this Doc)."""
        fixed = fixed_tag(self.doc.token_text(tok), self._tagger)
        if fixed is not None:
            return fixed
        rng = self.token_range(tok.sentence_id)
        return self.sentence(tok.sentence_id)[tok.token_id - rng.start]

    @property
    def tagged_sentences(self) -> int:
        """How many sentences have been tagged so far."""
        return len(self._cache)


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
