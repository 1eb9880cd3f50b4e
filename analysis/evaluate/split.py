"""Split an evaluation corpus into a *tuning* half and a *reporting* half.

Honest protocol: rules may be developed while looking at the tuning half (its
errors, its per-rule scores); the reporting half is only scored, so its figures
estimate how the rules do on text they were not fitted to.  Every evaluation
script prints both halves and the whole corpus.

The split is a fixed function of the document's *name* alone, so it never
changes with the order of files, the machine or the Python version:

    half(name) = "tuning"    if sha1(name as UTF-8).digest()[0] is even
                 "reporting" otherwise

Names: PolNeAR — the text file's stem (``<article>`` of ``text/<article>.txt``);
IE-ER — the ``DOCNO`` (``APW19980314.0391``); GUM — the document name
(``GUM_bio_<name>``, the file stem).
"""
from __future__ import annotations

import hashlib

HALVES: tuple[str, ...] = ("tuning", "reporting")
#: Labels every evaluation script prints, in order: the two halves, then the whole corpus.
GROUPS: tuple[str, ...] = ("tuning", "reporting", "all")


def half(name: str) -> str:
    """``"tuning"`` or ``"reporting"``: the parity of the first byte of sha1(``name``)."""
    return HALVES[hashlib.sha1(name.encode("utf-8")).digest()[0] % 2]


def groups(name: str) -> tuple[str, str]:
    """The groups a document counts in: its half and ``"all"``."""
    return (half(name), "all")
